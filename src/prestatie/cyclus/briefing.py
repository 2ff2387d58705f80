"""The "Jaarcyclus" section of a briefing (``report --gemeente G``): plain data for the templates.

Which corporaties sent their bod, where the afspraken stand, what is overdue: the
cycle running at the peildatum (as ``prestatie cyclus`` picks it), for one gemeente.
None when there is no gemeente, no year file, or no trajectory for the gemeente.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from prestatie.cyclus import state
from prestatie.cyclus.overview import cyclus_stand, select_year
from prestatie.dataset import DataSet


def jaarcyclus_section(
    dataset: DataSet, peildatum: dt.date, gemeente: str | None, corporatie: str | None = None
) -> dict[str, Any] | None:
    if gemeente is None:
        return None
    loaded = select_year(dataset, peildatum, None)
    if loaded is None:
        return None
    stand = cyclus_stand(dataset, loaded.model, peildatum, gemeente=gemeente, corporatie=corporatie)
    if not stand.trajecten:
        return None

    def day(value: dt.date | None) -> str | None:
        # A date after the peildatum had not happened yet then.
        return value.isoformat() if value is not None and value <= peildatum else None

    with_bod = [t.corporatie_naam for t in stand.trajecten if t.fase != state.GEEN_BOD]
    return {
        "jaar": stand.jaar,
        "volgend_jaar": stand.jaar + 1,
        "termijnen": {
            "bod": stand.termijnen.bod.isoformat(),
            "afspraken": stand.termijnen.afspraken.isoformat(),
        },
        "bod_ontvangen": with_bod,
        "geen_bod": [t.corporatie_naam for t in stand.trajecten if t.fase == state.GEEN_BOD],
        "ondertekend": [t.corporatie_naam for t in stand.trajecten if t.fase == state.ONDERTEKEND],
        "trajecten": [
            {
                "corporatie": t.corporatie_naam,
                "fase": t.fase,
                "bod": day(t.bod),
                "overleg_gestart": day(t.overleg_gestart),
                "ondertekend": day(t.ondertekend),
            }
            for t in stand.trajecten
        ],
        "achterstallig": [
            {"corporatie": t.corporatie_naam, "code": a.code, "melding": a.message}
            for t in stand.trajecten
            for a in t.achterstallig
        ],
    }
