"""A project's voortgang: newest at the bottom, nothing from the future (PA307, PA308)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from prestatie import dutch
from prestatie.dataset import DataSet
from prestatie.findings import Finding
from prestatie.rules.helpers import finding_at
from prestatie.rules.registry import rule


@rule("PA307", "PA308")
def voortgang_dates(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        voortgang = loaded.model.voortgang
        dates = [entry.datum for entry in voortgang]
        if not dates or (max(dates) <= peildatum and dates == sorted(dates)):
            continue  # in order and none after the peildatum: the common case, checked at C speed
        latest: dt.date | None = None
        for index, entry in enumerate(voortgang):
            path = ("voortgang", index, "datum")
            if entry.datum > peildatum:
                yield finding_at(
                    loaded,
                    path,
                    "PA308",
                    f"Deze voortgang is gedateerd {dutch.datum(entry.datum)}, na de peildatum "
                    f"{dutch.datum(peildatum)}: voortgang beschrijft wat er al is gebeurd. "
                    "Controleer de datum (jaar en maand).",
                )
            if latest is not None and entry.datum < latest:
                yield finding_at(
                    loaded,
                    path,
                    "PA307",
                    f"Deze voortgang van {dutch.datum(entry.datum)} staat onder een van "
                    f"{dutch.datum(latest)}, maar de nieuwste hoort onderaan. Zet deze regel "
                    "op zijn plaats in de volgorde van de datums.",
                )
            latest = entry.datum if latest is None else max(latest, entry.datum)
