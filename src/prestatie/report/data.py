"""The data of one report: built from the status engine's typed ``StatusReport`` (not its
JSON form) and the data set.

Everything the templates show is computed here: the afspraken, their doelen and the
kerncijfers as frozen dataclasses (``AfspraakRow``, ``DoelRow``, ``KeyFigure``), the rest
as plain dicts, lists, strings, numbers and ISO dates; the templates only lay it out
and format it. Which figure a project counts towards is ``projectstate.figure_at`` (through
``targetstate``, which also dates phased deliveries),
as in the status engine. Free text
(``omschrijving``, ``toelichting``) stays raw here: the templates render it with
the safe Markdown filters of ``render``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from prestatie import __version__
from prestatie.cyclus.briefing import jaarcyclus_section
from prestatie.dataset import DataSet
from prestatie.dutch import meervoud, opsomming
from prestatie.models import Project, Verantwoording
from prestatie.projectstate import FIGURES, GEREALISEERD, months_before, status_at
from prestatie.report.briefing import aandacht, headline
from prestatie.report.trend import grafieken
from prestatie.status.describe import describe
from prestatie.status.model import (
    ACHTER,
    GEEN_LOKAAL_DOEL,
    STATUS_LABELS,
    VERDICTS,
    AfspraakStatus,
    DoelStatus,
    Figures,
    OvereenkomstInfo,
    ProjectCounts,
    StatusReport,
)
from prestatie.status.series import reeksen
from prestatie.targetstate import Window, delivered_in, pipeline, window

RECENT_MONTHS = 3
# Order of the project list: what is going on first, what is done or dropped last.
_STATUS_ORDER = ("uitvoering", "voorbereiding", "gepauzeerd", "idee", "opgeleverd", "vervallen")

def _fraction(part: float | None, whole: float | None) -> float | None:
    if part is None or not whole:
        return None
    return part / whole


@dataclass(frozen=True, slots=True)
class FigureRow:
    """The figures of a doel as a table row shows them, with the parts of the
    streefwaarde that the progress bar draws (None without a streefwaarde)."""

    streefwaarde: float | None
    verwacht: float | None
    gerealiseerd: float | None  # None: a stand without a meting
    in_uitvoering: float
    in_voorbereiding: float
    verdict: str
    voortgang: float | None
    pijplijn_voortgang: float | None
    verwacht_voortgang: float | None


def _figure_fields(figures: Figures) -> dict[str, Any]:
    streef = figures.streefwaarde
    return {
        "streefwaarde": streef,
        "verwacht": figures.verwacht,
        "gerealiseerd": figures.gerealiseerd,
        "in_uitvoering": figures.in_uitvoering,
        "in_voorbereiding": figures.in_voorbereiding,
        "verdict": figures.verdict,
        "voortgang": _fraction(figures.gerealiseerd, streef),
        "pijplijn_voortgang": _fraction(figures.in_uitvoering, streef),
        "verwacht_voortgang": _fraction(figures.verwacht, streef),
    }


@dataclass(frozen=True, slots=True)
class DoelRow(FigureRow):
    """One doel of an afspraak with its figures and, under --gemeente without a local
    target, the figures of the whole region."""

    indicator: str
    naam: str
    eenheid: str
    regionaal: FigureRow | None
    # The figures in words (a stand, a maximum, a net figure, the eindstand); None for a
    # running sum from projects, which the columns say on their own.
    beschrijving: str | None
    regionaal_beschrijving: str | None


def _doel_row(doel: DoelStatus, eindstand: bool) -> DoelRow:
    regionaal = FigureRow(**_figure_fields(doel.regionaal)) if doel.regionaal is not None else None
    plain = doel.telling == "som" and doel.bron == "projecten" and doel.richting == "minimaal"
    words = eindstand or not plain or bool(doel.figures.onderdelen)
    return DoelRow(
        **_figure_fields(doel.figures),
        indicator=doel.indicator,
        naam=doel.naam,
        eenheid=doel.eenheid,
        regionaal=regionaal,
        beschrijving=(
            describe(doel, doel.figures, eindstand=eindstand)
            if words and doel.figures.verdict != GEEN_LOKAAL_DOEL
            else None
        ),
        regionaal_beschrijving=(
            describe(doel, doel.regionaal, eindstand=eindstand)
            if words and doel.regionaal is not None
            else None
        ),
    )


@dataclass(frozen=True, slots=True)
class AfspraakRow:
    """An afspraak as the report shows it: the status engine's verdict and doelen, and
    from the data set its omschrijving and the name of its trekker."""

    id: str
    nummer: str | None
    titel: str
    thema: str
    status: str
    verdict: str
    doelen: tuple[DoelRow, ...]
    projecten: ProjectCounts
    omschrijving: str | None
    trekker_naam: str
    eindstand: bool
    verantwoording: Verantwoording | None


def _afspraak_row(dataset: DataSet, afspraak: AfspraakStatus) -> AfspraakRow:
    loaded = dataset.afspraken_by_id.get(afspraak.id)
    model = loaded.model if loaded is not None else None
    return AfspraakRow(
        id=afspraak.id,
        nummer=afspraak.nummer,
        titel=afspraak.titel,
        thema=afspraak.thema,
        status=afspraak.status,
        verdict=afspraak.verdict,
        doelen=tuple(_doel_row(doel, afspraak.eindstand) for doel in afspraak.doelen),
        projecten=afspraak.projecten,
        omschrijving=model.omschrijving if model is not None else None,
        trekker_naam=_naam(dataset, model.trekker) if model is not None else "",
        eindstand=afspraak.eindstand,
        verantwoording=afspraak.verantwoording if afspraak.verdict == ACHTER else None,
    )


def _naam(dataset: DataSet, ident: str) -> str:
    partij = dataset.partijen.get(ident)
    return partij.naam if partij is not None else ident


def _project_rows(
    dataset: DataSet, projects: Sequence[Project], status: StatusReport
) -> list[dict[str, Any]]:
    vertraagd = {p.id for p in status.vertraagde_projecten}
    stil = {p.id for p in status.projecten_zonder_voortgang}
    rows: list[dict[str, Any]] = []
    for project in projects:
        now = status_at(project, status.peildatum)
        planning = project.planning
        rows.append(
            {
                "id": project.id,
                "naam": project.naam,
                "gemeente": project.gemeente,
                "gemeente_naam": _naam(dataset, project.gemeente),
                "wijk": project.wijk,
                "trekker": project.trekker,
                "trekker_naam": _naam(dataset, project.trekker),
                "status": now,
                "status_label": STATUS_LABELS.get(now, now),
                "oplevering": planning.oplevering.isoformat() if planning is not None else None,
                "opgeleverd": project.opgeleverd.isoformat()
                if now == "opgeleverd" and project.opgeleverd is not None
                else None,
                "investering": project.investering,
                "vertraagd": project.id in vertraagd,
                "stil": project.id in stil,
            }
        )
    rows.sort(
        key=lambda r: (
            _STATUS_ORDER.index(r["status"]) if r["status"] in _STATUS_ORDER else len(_STATUS_ORDER),
            r["opgeleverd"] or r["oplevering"] or "9999",
            r["naam"].casefold(),
        )
    )
    return rows


def _actions(dataset: DataSet, status: StatusReport) -> list[dict[str, Any]]:
    """Vertraagde and stale projects, one entry per project, most overdue first."""
    found: dict[str, dict[str, Any]] = {}

    def entry(ident: str, naam: str, gemeente: str, now: str) -> dict[str, Any]:
        loaded = dataset.projecten_by_id.get(ident)
        trekker = loaded.model.trekker if loaded is not None else ""
        return found.setdefault(
            ident,
            {
                "id": ident,
                "naam": naam,
                "gemeente_naam": _naam(dataset, gemeente),
                "trekker_naam": _naam(dataset, trekker),
                "status_label": STATUS_LABELS.get(now, now),
                "vertraagd": False,
                "oplevering": None,
                "stil": False,
                "laatste_voortgang": None,
            },
        )

    for late in status.vertraagde_projecten:
        item = entry(late.id, late.naam, late.gemeente, late.status)
        item["vertraagd"] = True
        item["oplevering"] = late.oplevering.isoformat()
    for quiet in status.projecten_zonder_voortgang:
        item = entry(quiet.id, quiet.naam, quiet.gemeente, quiet.status)
        item["stil"] = True
        item["laatste_voortgang"] = quiet.laatste_voortgang.isoformat() if quiet.laatste_voortgang else None
    return sorted(found.values(), key=lambda a: (a["oplevering"] or "9999", a["naam"].casefold()))


def _recent(dataset: DataSet, projects: Iterable[Project], peildatum: dt.date) -> list[dict[str, Any]]:
    since = months_before(peildatum, RECENT_MONTHS)
    entries = [
        {
            "datum": entry.datum.isoformat(),
            "project": project.naam,
            "gemeente_naam": _naam(dataset, project.gemeente),
            "toelichting": entry.toelichting,
        }
        for project in projects
        for entry in project.voortgang
        if since <= entry.datum <= peildatum
    ]
    return sorted(entries, key=lambda e: (e["datum"], e["project"]), reverse=True)


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """What the selected projects add up to for one indicator, by key figure."""

    indicator: str
    naam: str
    eenheid: str
    gerealiseerd: float
    in_uitvoering: float
    in_voorbereiding: float


def _key_figures(dataset: DataSet, projects: Sequence[Project], status: StatusReport) -> list[KeyFigure]:
    """Per indicator of the selected afspraken' doelen from projects: what the projects
    linked to those afspraken delivered in their windows (phases on their date) and the rest of their
    bijdragen in the pipeline, each project counted once, as the status engine counts it
    (``targetstate``)."""
    spans: dict[str, list[Window]] = {}
    linked: dict[str, set[str]] = {}
    for shown in status.afspraken:
        afspraak = dataset.afspraken_by_id[shown.id].model
        for doel in afspraak.doelen:
            if doel.bron == "projecten" and doel.indicator in dataset.indicatoren:
                spans.setdefault(doel.indicator, []).append(window(afspraak, status.peildatum))
                linked.setdefault(doel.indicator, set()).add(afspraak.id)
    totals: dict[str, dict[str, float]] = {}
    for indicator_id, windows in spans.items():
        first = min(w.first for w in windows)
        last = max(w.last for w in windows)
        found = dict.fromkeys(FIGURES, 0.0)
        for project in projects:
            if project.bijdragen.get(indicator_id) and linked[indicator_id].intersection(project.afspraken):
                found[GEREALISEERD] += delivered_in(project, indicator_id, first, last)
                figure, rest = pipeline(project, indicator_id, status.peildatum)
                if figure is not None:
                    found[figure] += rest
        totals[indicator_id] = found
    figures = []
    for indicator_id, (indicator, _thema) in dataset.indicatoren.items():
        counted = totals.get(indicator_id)
        if counted is not None and any(counted.values()):
            figures.append(KeyFigure(indicator_id, indicator.naam, indicator.eenheid, **counted))
    return figures


def _summary(
    status: StatusReport,
    afspraken: Sequence[AfspraakRow],
    where: str,
    projects: list[dict[str, Any]],
    actions: list[dict[str, Any]],
) -> dict[str, Any]:
    counts = dict.fromkeys(VERDICTS, 0)
    for afspraak in afspraken:
        counts[afspraak.verdict] = counts.get(afspraak.verdict, 0) + 1
    # The verdict counts are the tiles; in words they are the headline above, so the
    # sentences start with what the headline does not say.
    sentences: list[str] = []
    if counts[GEEN_LOKAAL_DOEL]:
        n = counts[GEEN_LOKAAL_DOEL]
        sentences.append(
            f"Voor {meervoud(n, 'afspraak', 'afspraken')} is geen doel voor {where} "
            "vastgelegd; de tabellen tonen daar de regionale cijfers ter vergelijking."
        )
    by_status = dict.fromkeys(_STATUS_ORDER, 0)
    for row in projects:
        by_status[row["status"]] = by_status.get(row["status"], 0) + 1
    if projects:
        labels = [f"{n} {STATUS_LABELS[key]}" for key, n in by_status.items() if n]
        if len(projects) == 1:
            sentences.append(f"In {where} is 1 project: {STATUS_LABELS[projects[0]['status']]}.")
        elif len(labels) == 1:
            only = next(key for key, n in by_status.items() if n)
            sentences.append(f"In {where} zijn {len(projects)} projecten, alle {STATUS_LABELS[only]}.")
        else:
            sentences.append(f"In {where} zijn {len(projects)} projecten: {opsomming(labels)}.")
    else:
        sentences.append(f"In {where} zijn geen projecten vastgelegd.")
    late = sum(1 for a in actions if a["vertraagd"])
    quiet = sum(1 for a in actions if a["stil"])
    if late or quiet:
        asks = []
        if late:
            asks.append(f"{meervoud(late, 'project is', 'projecten zijn')} vertraagd")
        if quiet:
            asks.append(
                f"bij {meervoud(quiet, 'project', 'projecten')} is al meer dan zes maanden "
                "geen voortgang gemeld"
            )
        text = opsomming(asks)
        sentences.append(f"{text[0].upper()}{text[1:]}; zie ‘Wat vraagt aandacht’.")
    return {"afspraken": len(afspraken), "oordelen": counts, "zinnen": sentences}


def _where(status: StatusReport, regio: str) -> tuple[str, str]:
    """(title suffix, place phrase) for the selection."""
    chosen = status.filter
    parts = []
    if chosen.gemeente_naam:
        parts.append(f"gemeente {chosen.gemeente_naam}")
    if chosen.corporatie_naam:
        parts.append(chosen.corporatie_naam)
    if chosen.thema_naam:
        parts.append(f"thema {chosen.thema_naam}")
    title = ", ".join(parts) if parts else regio
    if chosen.gemeente_naam:
        place = chosen.gemeente_naam
    elif chosen.corporatie_naam or chosen.thema_naam:
        place = "deze selectie"
    else:
        place = regio
    return title, place


def build_report(
    dataset: DataSet,
    status: StatusReport,
    *,
    generated: dt.datetime,
    revision: dict[str, Any] | None,
) -> dict[str, Any]:
    """The plain data of one report: what ``templates/report.*.j2`` lay out."""
    regio = dataset.regio.model if dataset.regio is not None else None
    regio_naam = regio.naam if regio is not None else status.regio
    afspraken = [_afspraak_row(dataset, afspraak) for afspraak in status.afspraken]
    themas = []
    for thema_id, thema_naam in status.themas:
        own = [a for a in afspraken if a.thema == thema_id]
        if own:
            themas.append({"id": thema_id, "naam": thema_naam, "afspraken": own})
    projects = [dataset.projecten_by_id[ident].model for ident in status.projecten]
    rows = _project_rows(dataset, projects, status)
    actions = _actions(dataset, status)
    title_suffix, place = _where(status, regio_naam)
    chosen = status.filter
    jaarcyclus = jaarcyclus_section(dataset, status.peildatum, chosen.gemeente, chosen.corporatie)
    return {
        "titel": f"Voortgang prestatieafspraken {title_suffix}",
        "regio": {"naam": regio_naam, "titel": covered(status.overeenkomsten) or regio_naam},
        "selectie": {
            "gemeente": chosen.gemeente,
            "gemeente_naam": chosen.gemeente_naam,
            "corporatie": chosen.corporatie,
            "corporatie_naam": chosen.corporatie_naam,
            "thema": chosen.thema,
            "thema_naam": chosen.thema_naam,
            "plaats": place,
        },
        "peildatum": status.peildatum.isoformat(),
        "voorbeeldgegevens": status.voorbeeldgegevens,
        "kopregel": headline(status),
        "aandacht": aandacht(dataset, status, jaarcyclus),
        "samenvatting": _summary(status, afspraken, place, rows, actions),
        "kerncijfers": _key_figures(dataset, projects, status),
        "investering": sum(
            p.investering or 0 for p in projects if status_at(p, status.peildatum) != "vervallen"
        ),
        "themas": themas,
        "trends": _trends(dataset, status),
        "projecten": rows,
        "actie": actions,
        "jaarcyclus": jaarcyclus,
        "voortgang": _recent(dataset, projects, status.peildatum),
        "recent_maanden": RECENT_MONTHS,
        "colofon": _colophon(status.peildatum, generated, revision),
    }


def _trends(dataset: DataSet, status: StatusReport) -> list[Any]:
    """The trend chart of every doel with a target in the selection (report/trend.py)."""
    chosen = status.filter
    series = reeksen(
        dataset,
        [a.id for a in status.afspraken],
        peildatum=status.peildatum,
        gemeente=chosen.gemeente,
        corporatie=chosen.corporatie,
        thema=chosen.thema,
    )
    order = [
        (
            a.id,
            f"{a.nummer} {a.titel}" if a.nummer else a.titel,
            [(d.indicator, d.naam, d.eenheid) for d in a.doelen],
        )
        for a in status.afspraken
    ]
    return list(grafieken(series, order))
def covered(overeenkomsten: Sequence[OvereenkomstInfo]) -> str:
    """The overeenkomsten a report covers, for its heading; an ended one says 'eindstand'."""
    return "; ".join(f"{o.titel} ({o.toelichting})" if o.toelichting else o.titel for o in overeenkomsten)


def _colophon(peildatum: dt.date, generated: dt.datetime, revision: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "versie": __version__,
        "gegenereerd": generated.isoformat(timespec="minutes"),
        "peildatum": peildatum.isoformat(),
        "git": revision,
    }


def build_index(
    dataset: DataSet,
    reports: Sequence[tuple[str, dict[str, Any]]],
    *,
    peildatum: dt.date,
    generated: dt.datetime,
    revision: dict[str, Any] | None,
) -> dict[str, Any]:
    """The index page of ``--alle``: one row per gemeente with its file name and verdict counts."""
    regio = dataset.regio.model if dataset.regio is not None else None
    regio_naam = regio.naam if regio is not None else ""
    return {
        "titel": f"Voortgang prestatieafspraken {regio_naam}: overzicht per gemeente",
        "regio": {"naam": regio_naam, "titel": reports[0][1]["regio"]["titel"] if reports else regio_naam},
        "peildatum": peildatum.isoformat(),
        "voorbeeldgegevens": regio.voorbeeldgegevens if regio is not None else False,
        "rapporten": [
            {
                "bestand": filename,
                "gemeente": report["selectie"]["gemeente"],
                "gemeente_naam": report["selectie"]["gemeente_naam"],
                "afspraken": report["samenvatting"]["afspraken"],
                "oordelen": report["samenvatting"]["oordelen"],
                "projecten": len(report["projecten"]),
                "actie": len(report["aandacht"]),
            }
            for filename, report in reports
        ],
        "colofon": _colophon(peildatum, generated, revision),
    }
