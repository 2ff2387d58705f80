"""Version 2: an afspraak that falls behind says why and what is done about it (PA313).

The verdict is the status engine's for the whole region (``targetstate.regional_verdict``),
so that validate warns exactly for the afspraken that ``prestatie status`` shows as
achter. Only for data sets with data/overeenkomsten/: a version 1 data set knows no
verantwoording and validates as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from prestatie import dutch
from prestatie.dataset import DataSet
from prestatie.findings import Finding
from prestatie.rules.helpers import finding_at
from prestatie.rules.registry import rule
from prestatie.targetstate import (
    ACHTER,
    VERANTWOORDING_MONTHS,
    has_recent_verantwoording,
    is_eindstand,
    regional_verdict,
)


@rule("PA313")
def achter_without_verantwoording(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    if not dataset.has_overeenkomsten:
        return
    for loaded in dataset.afspraken:
        afspraak = loaded.model
        if afspraak.status not in ("lopend", "gewijzigd") or not afspraak.doelen:
            continue
        if is_eindstand(afspraak, peildatum) or has_recent_verantwoording(afspraak, peildatum):
            continue
        if regional_verdict(dataset, afspraak, peildatum) != ACHTER:
            continue
        yield finding_at(
            loaded,
            ("doelen",),
            "PA313",
            f"De afspraak '{afspraak.id}' ligt achter op de peildatum {dutch.datum(peildatum)}, maar "
            f"heeft geen verantwoording uit de laatste {VERANTWOORDING_MONTHS} maanden. Voeg onder "
            "'verantwoording:' toe wat de oorzaak is, wat de gevolgen zijn en hoe de partijen "
            "bijsturen: {datum: JJJJ-MM-DD, oorzaak: …, gevolgen: …, bijsturing: …}.",
            key=True,
        )
