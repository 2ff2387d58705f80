"""Page 1 of a briefing: the headline and "Wat vraagt aandacht".

Both are derived from the status engine's ``StatusReport`` (the same verdicts, figures
and project lists the tables show), so the list never contradicts the tables:

- every afspraak whose verdict is achter, niet gehaald or geen meting;
- every afspraak with a doel for this selection (a target: ``streefwaarde`` in the
  engine's figures) that counts projects, and no project in the selection;
- every vertraagd or stilgevallen project (the engine's ``vertraagde_projecten`` and
  ``projecten_zonder_voortgang``);
- every overdue step of the annual cycle (the cyclus section's ``achterstallig``: the
  cyclus rules' own findings, not recomputed here).

An afspraak on the list carries its newest verantwoording on or before the peildatum
(oorzaak, gevolgen, bijsturing), or says that none is recorded; a project its newest
voortgang. The Dutch wording is made here, with ``dutch.py``; templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from prestatie.dataset import DataSet
from prestatie.dutch import aantal, datum, meervoud, opsomming
from prestatie.models import Verantwoording
from prestatie.status.model import (
    AANDACHT,
    ACHTER,
    AFGEROND,
    GEEN_LOKAAL_DOEL,
    GEEN_METING,
    GEHAALD,
    NIET_GEHAALD,
    OP_KOERS,
    VERVALLEN,
    AfspraakStatus,
    DoelStatus,
    StatusReport,
)

# The verdicts that put an afspraak on the list, and the order of the headline's parts
# (what needs a decision first).
NEEDS_DECISION = (NIET_GEHAALD, ACHTER, GEEN_METING)
_HEADLINE_VERBS: dict[str, tuple[str, str]] = {
    NIET_GEHAALD: ("is niet gehaald", "zijn niet gehaald"),
    ACHTER: ("loopt achter", "lopen achter"),
    GEEN_METING: ("heeft geen meting", "hebben geen meting"),
    AANDACHT: ("vraagt aandacht", "vragen aandacht"),
    OP_KOERS: ("ligt op koers", "liggen op koers"),
    GEHAALD: ("is gehaald", "zijn gehaald"),
    GEEN_LOKAAL_DOEL: ("heeft geen eigen doel", "hebben geen eigen doel"),
    AFGEROND: ("is afgerond", "zijn afgerond"),
    VERVALLEN: ("is vervallen", "zijn vervallen"),
}
_VERDICT_WORDS = {
    NIET_GEHAALD: "niet gehaald",
    ACHTER: "loopt achter",
    GEEN_METING: "geen meting",
}


@dataclass(frozen=True, slots=True)
class AandachtPunt:
    """One line of "Wat vraagt aandacht"."""

    soort: str  # "afspraak", "project" or "cyclus"
    naam: str
    redenen: tuple[str, ...]
    # Afspraken: the newest verantwoording (None: "geen verantwoording vastgelegd").
    verantwoording: Verantwoording | None = None
    # Projects: the newest voortgang, "<datum>: <toelichting>" (None: none recorded).
    laatste_voortgang_datum: dt.date | None = None
    laatste_voortgang: str | None = None
    trekker_naam: str | None = None


@dataclass(frozen=True, slots=True)
class Aandacht:
    """The decision list: afspraken, projects and cycle steps, in that order."""

    afspraken: tuple[AandachtPunt, ...]
    projecten: tuple[AandachtPunt, ...]
    cyclus: tuple[AandachtPunt, ...]

    @property
    def punten(self) -> tuple[AandachtPunt, ...]:
        return (*self.afspraken, *self.projecten, *self.cyclus)

    def __len__(self) -> int:
        return len(self.afspraken) + len(self.projecten) + len(self.cyclus)


def plaats(status: StatusReport) -> str:
    """Who the report is about, as the headline names it."""
    chosen = status.filter
    if chosen.gemeente_naam and chosen.corporatie_naam:
        who = f"{chosen.corporatie_naam} in {chosen.gemeente_naam}"
    else:
        who = chosen.gemeente_naam or chosen.corporatie_naam or status.regio or "De selectie"
    if chosen.thema_naam:
        who = f"{who}, thema {chosen.thema_naam}"
    return who


def verdict_counts(status: StatusReport) -> dict[str, int]:
    counts: dict[str, int] = {}
    for afspraak in status.afspraken:
        counts[afspraak.verdict] = counts.get(afspraak.verdict, 0) + 1
    return counts


def headline(status: StatusReport) -> str:
    """One sentence: the state of the selection at the peildatum.

    ``Kerkrade op 1 december 2026: 4 van de 10 afspraken lopen achter, 2 vragen
    aandacht, 2 liggen op koers, 1 heeft geen eigen doel en 1 is afgerond.``
    """
    where = f"{plaats(status)} op {datum(status.peildatum)}"
    total = len(status.afspraken)
    if not total:
        return f"{where}: in deze selectie zijn geen afspraken."
    counts = verdict_counts(status)
    order = [v for v in _HEADLINE_VERBS if counts.get(v)] + sorted(set(counts) - set(_HEADLINE_VERBS))
    parts: list[str] = []
    for index, verdict in enumerate(order):
        n = counts[verdict]
        one, many = _HEADLINE_VERBS.get(verdict, (f"heeft oordeel {verdict}", f"hebben oordeel {verdict}"))
        verb = one if n == 1 else many
        if index == 0 and n == total:
            parts.append(f"de afspraak {verb}" if n == 1 else f"alle {total} afspraken {verb}")
        elif index == 0:
            parts.append(f"{n} van de {total} afspraken {verb}")
        else:
            parts.append(f"{n} {verb}")
    return f"{where}: {opsomming(parts)}."


def _counts_projects(doel: DoelStatus) -> bool:
    """A doel that projects realise (``bron: projecten``, the default)."""
    return doel.bron == "projecten"


def _doel_reden(doel: DoelStatus) -> str:
    figures = doel.figures
    word = _VERDICT_WORDS.get(figures.verdict, figures.verdict)
    done = aantal(figures.gerealiseerd, doel.eenheid) if figures.gerealiseerd is not None else "geen meting"
    if figures.verwacht is None:
        return f"{doel.naam}: {word}, gerealiseerd {done}"
    return f"{doel.naam}: {word}, gerealiseerd {done}, verwacht {aantal(figures.verwacht, doel.eenheid)}"


def _afspraak_punt(
    dataset: DataSet, afspraak: AfspraakStatus, where: str, peildatum: dt.date
) -> AandachtPunt | None:
    redenen: list[str] = []
    if afspraak.verdict in NEEDS_DECISION:
        behind = [d for d in afspraak.doelen if d.verdict in NEEDS_DECISION]
        redenen.extend(_doel_reden(d) for d in behind)
        if not behind:
            redenen.append(
                f"{_VERDICT_WORDS.get(afspraak.verdict, afspraak.verdict)}: "
                f"{meervoud(afspraak.projecten.vertraagd, 'project is', 'projecten zijn')} vertraagd"
            )
    targets = [d for d in afspraak.doelen if d.figures.streefwaarde is not None and _counts_projects(d)]
    open_ = afspraak.status not in ("afgerond", "vervallen")
    if targets and open_ and afspraak.projecten.totaal == 0:
        redenen.append(f"er is een doel voor {where}, maar geen project dat eraan bijdraagt")
    if not redenen:
        return None
    nummer = f"{afspraak.nummer} " if afspraak.nummer else ""
    return AandachtPunt(
        soort="afspraak",
        naam=f"{nummer}{afspraak.titel}",
        redenen=tuple(redenen),
        verantwoording=afspraak.verantwoording,  # the engine's newest on or before the peildatum
    )


def _naam(dataset: DataSet, ident: str) -> str:
    partij = dataset.partijen.get(ident)
    return partij.naam if partij is not None else ident


def _project_punten(dataset: DataSet, status: StatusReport, regional: bool) -> list[AandachtPunt]:
    """Vertraagde and stilgevallen projects, one entry per project, most overdue first."""
    redenen: dict[str, list[str]] = {}
    order: dict[str, tuple[dt.date, str]] = {}
    names: dict[str, str] = {}
    for late in status.vertraagde_projecten:
        redenen.setdefault(late.id, []).append(
            f"vertraagd: oplevering was gepland op {datum(late.oplevering)} en is nog niet gehaald"
        )
        order[late.id] = (late.oplevering, late.naam.casefold())
        names[late.id] = f"{late.naam} ({_naam(dataset, late.gemeente)})" if regional else late.naam
    for quiet in status.projecten_zonder_voortgang:
        since = quiet.laatste_voortgang
        redenen.setdefault(quiet.id, []).append(
            f"stilgevallen: geen voortgang gemeld sinds {datum(since)}"
            if since is not None
            else "stilgevallen: nog nooit voortgang gemeld"
        )
        order.setdefault(quiet.id, (dt.date.max, quiet.naam.casefold()))
        names[quiet.id] = f"{quiet.naam} ({_naam(dataset, quiet.gemeente)})" if regional else quiet.naam
    punten = []
    for ident in sorted(redenen, key=order.__getitem__):
        loaded = dataset.projecten_by_id.get(ident)
        project = loaded.model if loaded is not None else None
        entries = [v for v in project.voortgang if v.datum <= status.peildatum] if project else []
        last = max(entries, key=lambda v: v.datum) if entries else None
        punten.append(
            AandachtPunt(
                soort="project",
                naam=names[ident],
                redenen=tuple(redenen[ident]),
                laatste_voortgang_datum=last.datum if last is not None else None,
                laatste_voortgang=last.toelichting if last is not None else None,
                trekker_naam=_naam(dataset, project.trekker) if project is not None else None,
            )
        )
    return punten


def _cyclus_punten(jaarcyclus: Mapping[str, Any] | None) -> list[AandachtPunt]:
    if not jaarcyclus:
        return []
    return [
        AandachtPunt(
            soort="cyclus",
            naam=f"Jaarcyclus {jaarcyclus['jaar']}: {item['corporatie']}",
            redenen=(str(item["melding"]),),
        )
        for item in jaarcyclus.get("achterstallig", ())
    ]


def aandacht(
    dataset: DataSet, status: StatusReport, jaarcyclus: Mapping[str, Any] | None = None
) -> Aandacht:
    """What needs a decision, from the engine's output (see the module's docstring)."""
    where = status.filter.gemeente_naam or "deze selectie"
    if status.filter.gemeente is None and status.filter.corporatie is None and status.filter.thema is None:
        where = status.regio or "de regio"
    afspraken = [_afspraak_punt(dataset, a, where, status.peildatum) for a in status.afspraken]
    return Aandacht(
        afspraken=tuple(p for p in afspraken if p is not None),
        projecten=tuple(_project_punten(dataset, status, regional=status.filter.gemeente is None)),
        cyclus=tuple(_cyclus_punten(jaarcyclus)),
    )
