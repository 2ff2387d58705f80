"""Projects: their folder, the gemeenten of their afspraken, their dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from prestatie import dutch
from prestatie.dataset import DataSet
from prestatie.findings import Finding
from prestatie.rules.helpers import finding_at
from prestatie.rules.registry import rule


@rule("PA204")
def folder_is_gemeente(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        gemeente = loaded.model.gemeente
        if loaded.folder == gemeente:
            continue
        if dataset.regio is not None and gemeente not in dataset.gemeenten:
            continue  # an unknown gemeente is reported as such (PA203)
        yield finding_at(
            loaded,
            ("gemeente",),
            "PA204",
            f"Dit project staat in de map '{loaded.folder}', maar hoort bij gemeente '{gemeente}'. "
            f"Verplaats het bestand naar data/projecten/{gemeente}/ of corrigeer de gemeente.",
        )


@rule("PA205")
def gemeente_in_scope(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        project = loaded.model
        if dataset.regio is not None and project.gemeente not in dataset.gemeenten:
            continue
        for index, afspraak_id in enumerate(project.afspraken):
            target = dataset.afspraken_by_id.get(afspraak_id)
            if target is None or target.model.gemeenten == "alle":
                continue
            if project.gemeente not in target.model.gemeenten:
                scope = ", ".join(target.model.gemeenten) or "(geen)"
                yield finding_at(
                    loaded,
                    ("afspraken", index),
                    "PA205",
                    f"De afspraak '{afspraak_id}' geldt alleen voor de gemeenten {scope}, niet "
                    f"voor '{project.gemeente}'. Koppel het project aan een andere afspraak, of "
                    f"voeg {project.gemeente} toe aan 'gemeenten' in {target.file}.",
                )


@rule("PA206", "PA207", "PA208", "PA209")
def project_dates(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        project = loaded.model
        planning = project.planning
        if planning is not None and planning.start is not None and planning.start > planning.oplevering:
            yield finding_at(
                loaded,
                ("planning", "start"),
                "PA206",
                f"De geplande start ({dutch.datum(planning.start)}) ligt na de geplande oplevering "
                f"({dutch.datum(planning.oplevering)}). Controleer beide datums; misschien zijn ze "
                "omgewisseld.",
            )
        if project.status == "opgeleverd" and project.opgeleverd is None:
            yield finding_at(
                loaded,
                ("status",),
                "PA207",
                "Dit project heeft de status opgeleverd, maar geen opleverdatum. Voeg "
                "'opgeleverd: JJJJ-MM-DD' toe met de datum van oplevering.",
            )
        if project.opgeleverd is not None:
            if project.status != "opgeleverd":
                yield finding_at(
                    loaded,
                    ("opgeleverd",),
                    "PA209",
                    f"Dit project heeft de status '{project.status}' maar wel een opleverdatum. "
                    "Zet de status op opgeleverd, of verwijder de regel 'opgeleverd' (of zet "
                    "opgeleverd: null).",
                )
            elif project.opgeleverd > peildatum:
                yield finding_at(
                    loaded,
                    ("opgeleverd",),
                    "PA208",
                    f"De opleverdatum {dutch.datum(project.opgeleverd)} ligt na de peildatum "
                    f"{dutch.datum(peildatum)}: een project kan niet in de toekomst zijn opgeleverd. "
                    "Zet de werkelijke datum, of geef het project nog de status uitvoering met "
                    "de verwachte datum in planning.oplevering.",
                )
