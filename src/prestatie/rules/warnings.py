"""Warnings: what is valid but probably not meant, or needs attention (PA3xx)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from prestatie import dutch
from prestatie.dataset import DataSet, Loaded
from prestatie.findings import Finding
from prestatie.models import Afspraak, Project
from prestatie.projectstate import STALE_MONTHS, delivery_in_error, is_stale, is_vertraagd, last_voortgang
from prestatie.rules.helpers import finding_at
from prestatie.rules.registry import rule
from prestatie.targetstate import components


@rule("PA301")
def delayed(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        project = loaded.model
        planning = project.planning
        if delivery_in_error(project, peildatum):
            continue  # PA207 or PA208 names the cause
        if planning is not None and is_vertraagd(project, peildatum):
            yield finding_at(
                loaded,
                ("planning", "oplevering"),
                "PA301",
                f"De geplande oplevering ({dutch.datum(planning.oplevering)}) ligt voor de "
                f"peildatum {dutch.datum(peildatum)}, maar de status is '{project.status}'. Is het "
                "project opgeleverd, zet dan status: opgeleverd met de datum; anders een nieuwe "
                "geplande oplevering en een regel in de voortgang.",
            )


@rule("PA302")
def stale_voortgang(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        project = loaded.model
        if delivery_in_error(project, peildatum) or not is_stale(project, peildatum):
            continue  # for the first, PA207 or PA208 names the cause
        newest = last_voortgang(project, peildatum)
        if newest is None:
            yield finding_at(
                loaded,
                ("status",),
                "PA302",
                f"Dit project heeft de status '{project.status}' maar geen voortgang. Voeg onder "
                "'voortgang:' een regel toe met datum en toelichting.",
            )
            continue
        # The entry that holds that date (the last one, when several do).
        index = max(i for i, entry in enumerate(project.voortgang) if entry.datum == newest)
        yield finding_at(
            loaded,
            ("voortgang", index, "datum"),
            "PA302",
            f"De laatste voortgang is van {dutch.datum(newest)}, meer dan "
            f"{STALE_MONTHS} maanden voor de peildatum {dutch.datum(peildatum)}. Voeg een "
            "regel toe onder 'voortgang:' met de stand van nu.",
        )


@rule("PA303")
def bijdrage_without_doel(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    if dataset.themas is None:
        return
    indicatoren = dataset.indicatoren
    # The plain indicators the doelen of a list of afspraken count, once per distinct
    # list (many projects link the same afspraken); None when one of them is unknown or broken.
    counted: dict[tuple[str, ...], set[str] | None] = {}
    for loaded in dataset.projecten:
        project = loaded.model
        if not project.bijdragen:
            continue
        linked_ids = tuple(project.afspraken)
        if linked_ids in counted:
            doelen = counted[linked_ids]
        else:
            doelen = counted[linked_ids] = _counted_indicators(dataset, linked_ids)
        if doelen is None:
            continue  # an unknown or broken afspraak: reported elsewhere, cannot know
        if doelen.issuperset(project.bijdragen):
            continue
        for indicator in project.bijdragen:
            if indicator in doelen or indicator not in indicatoren:
                continue
            if indicatoren[indicator][0].samengesteld is not None:
                continue  # PA233
            linked = ", ".join(project.afspraken) or "(geen)"
            yield finding_at(
                loaded,
                ("bijdragen", indicator),
                "PA303",
                f"Dit project draagt bij aan '{indicator}', maar geen van zijn afspraken ({linked}) "
                "heeft een doel voor die indicator, dus de bijdrage telt nergens mee. Koppel het "
                "project aan een afspraak met dat doel, of verwijder de bijdrage.",
                key=True,
            )


def _counted_indicators(dataset: DataSet, afspraken: tuple[str, ...]) -> set[str] | None:
    """The plain indicators the doelen of ``afspraken`` count; None when one is unknown or broken."""
    targets = [dataset.afspraken_by_id.get(a) for a in afspraken]
    if any(t is None for t in targets):
        return None
    return {
        ident
        for t in targets
        if t is not None
        for d in t.model.doelen
        for ident, _ in components(dataset, d.indicator)
    }


@rule("PA304")
def afspraak_without_projects(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    if dataset.broken.get("project"):
        return  # a project that failed its schema may well link to the afspraak
    linked = {a for p in dataset.projecten for a in p.model.afspraken}
    for loaded in dataset.afspraken:
        afspraak = loaded.model
        from_projects = [d for d in afspraak.doelen if d.bron == "projecten"]
        if not from_projects or afspraak.status == "vervallen" or afspraak.id in linked:
            continue
        yield finding_at(
            loaded,
            ("doelen",),
            "PA304",
            f"De afspraak '{afspraak.id}' heeft doelen, maar geen enkel project verwijst ernaar, "
            "dus de voortgang blijft nul. Zet de id onder 'afspraken:' in de projecten die eraan "
            "bijdragen.",
            key=True,
        )


@rule("PA305")
def trekker_among_partijen(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    files: list[Loaded[Afspraak] | Loaded[Project]] = [*dataset.afspraken, *dataset.projecten]
    for loaded in files:
        model = loaded.model
        if dataset.regio is not None and model.trekker not in dataset.partijen:
            continue  # unknown: PA203
        if model.trekker not in model.partijen:
            yield finding_at(
                loaded,
                ("trekker",),
                "PA305",
                f"De trekker '{model.trekker}' staat niet bij de partijen. Voeg {model.trekker} "
                "toe aan 'partijen'.",
            )
