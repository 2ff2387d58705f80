"""Afspraken and regio: periods, jaarschijven and targets per gemeente."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from prestatie import dutch
from prestatie.dataset import DataSet
from prestatie.findings import Finding
from prestatie.rules.helpers import finding_at, number
from prestatie.rules.registry import rule

# Jaarschijven may be fractions; sums within this margin count as equal.
_TOLERANCE = 1e-6


@rule("PA214")
def periods(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    regio_years: tuple[int, int] | None = None
    periode = dataset.regio.model.periode if dataset.regio is not None else None
    if dataset.regio is not None and periode is not None:
        if periode.van > periode.tot:
            yield finding_at(
                dataset.regio,
                ("periode", "van"),
                "PA214",
                f"De periode begint ({dutch.datum(periode.van)}) na het einde "
                f"({dutch.datum(periode.tot)}). Controleer 'van' en 'tot'.",
            )
        else:
            regio_years = (periode.van.year, periode.tot.year)
    for loaded in dataset.afspraken:
        periode_jaren = loaded.model.periode
        if periode_jaren.van > periode_jaren.tot:
            yield finding_at(
                loaded,
                ("periode", "van"),
                "PA214",
                f"De periode begint in {periode_jaren.van} maar eindigt in {periode_jaren.tot}. "
                "Controleer 'van' en 'tot': 'van' is het eerste jaar, 'tot' het laatste.",
            )
        elif regio_years is not None and not dataset.has_overeenkomsten and (
            periode_jaren.van < regio_years[0] or periode_jaren.tot > regio_years[1]
        ):
            yield finding_at(
                loaded,
                ("periode",),
                "PA214",
                f"De periode {periode_jaren.van}–{periode_jaren.tot} valt buiten de looptijd van de "
                f"prestatieafspraken ({regio_years[0]}–{regio_years[1]}, zie data/regio.yaml). "
                "Pas de periode van de afspraak aan.",
            )


@rule("PA210", "PA211", "PA212")
def targets(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.afspraken:
        afspraak = loaded.model
        periode = afspraak.periode
        scope = set(dataset.afspraak_gemeenten(afspraak))
        for i, doel in enumerate(afspraak.doelen):
            if doel.jaarschijven:
                total = sum(doel.jaarschijven.values())
                if abs(total - doel.streefwaarde) > _TOLERANCE * max(1.0, abs(doel.streefwaarde)):
                    yield finding_at(
                        loaded,
                        ("doelen", i, "jaarschijven"),
                        "PA210",
                        f"De jaarschijven tellen op tot {number(total)}, maar de streefwaarde is "
                        f"{number(doel.streefwaarde)}. Pas de jaarschijven of de streefwaarde aan "
                        "zodat ze gelijk zijn.",
                    )
                for year in doel.jaarschijven:
                    if periode.van <= periode.tot and not periode.van <= year <= periode.tot:
                        yield finding_at(
                            loaded,
                            ("doelen", i, "jaarschijven", year),
                            "PA211",
                            f"Het jaar {year} valt buiten de periode van de afspraak "
                            f"({periode.van}–{periode.tot}). Verwijder deze jaarschijf of pas de "
                            "periode aan.",
                            key=True,
                        )
            if doel.per_gemeente and afspraak.gemeenten != "alle":
                for gemeente in doel.per_gemeente:
                    if gemeente in dataset.gemeenten and gemeente not in scope:
                        yield finding_at(
                            loaded,
                            ("doelen", i, "per_gemeente", gemeente),
                            "PA212",
                            f"Gemeente '{gemeente}' heeft hier een doel, maar de afspraak geldt "
                            f"alleen voor {', '.join(afspraak.gemeenten)}. Voeg {gemeente} toe aan "
                            "'gemeenten' of verwijder deze regel.",
                            key=True,
                        )
