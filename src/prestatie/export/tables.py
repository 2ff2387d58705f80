"""The tables of `prestatie export`: typed rows, no file format.

One ``Table`` per sheet (xlsx) or file (csv). Values keep their type: text, a
number (int or float), a date, or None for an empty cell; the writers decide how
each type looks in their format. The status table is built from the status
engine's ``StatusReport`` (the same figures and verdicts as ``status --format
json`` with the same filters); the other tables follow ``prestatie.selection``, the
same selection (and the same overeenkomsten) as status. The first table names the
overeenkomsten the export covers, with the peildatum and the filters: the heading of
the export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from prestatie.dataset import DataSet
from prestatie.models import PROJECT_STATUSSEN, Afspraak, Doel, Meting, Project
from prestatie.selection import Selection, afspraak_overeenkomsten
from prestatie.status.model import DoelStatus, Figures, OvereenkomstInfo, StatusReport, number
from prestatie.targetstate import components

Kind = Literal["tekst", "getal", "datum", "jaar"]
Value = str | int | float | dt.date | None

OVEREENKOMSTEN = "overeenkomsten"
PROJECTEN = "projecten"
AFSPRAKEN = "afspraken"
STATUS = "status"
METINGEN = "metingen"
CYCLUS = "cyclus"
SHEETS = (OVEREENKOMSTEN, PROJECTEN, AFSPRAKEN, STATUS, METINGEN, CYCLUS)


@dataclass(frozen=True, slots=True)
class Column:
    header: str  # Dutch, what the user reads at the top of the column
    kind: Kind = "tekst"
    width: int = 14  # in characters
    keuzes: tuple[str, ...] = ()  # a drop-down with these values (a template to fill in)
    invullen: bool = False  # a column the user fills in (a template)


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]


def _join(items: Iterable[str]) -> str | None:
    text = ", ".join(items)
    return text or None


def _pairs(values: Mapping[str, float] | Mapping[int, float] | None) -> str | None:
    """{2024: 100, 2025: 200} -> '2024: 100; 2025: 200' (ids and plain numbers, as in the YAML)."""
    if not values:
        return None
    return "; ".join(f"{key}: {number(value)}" for key, value in values.items())


# projecten ------------------------------------------------------------------------

_PROJECT_COLUMNS = (
    Column("Id", width=34),
    Column("Naam", width=34),
    Column("Gemeente", width=14),
    Column("Gemeentenaam", width=18),
    Column("Wijk", width=16),
    Column("Trekker", width=16),
    Column("Partijen", width=28),
    Column("Afspraken", width=30),
    Column("Status", width=14),
    Column("Start gepland", "datum", 13),
    Column("Oplevering gepland", "datum", 13),
    Column("Opgeleverd", "datum", 13),
    Column("Investering (euro)", "getal", 16),
)
_PROJECT_TAIL = (
    Column("Opleveringen in fasen", width=30),
    Column("Laatste voortgang (datum)", "datum", 13),
    Column("Laatste voortgang", width=50),
    Column("Bestand", width=40),
)


def _projects_table(dataset: DataSet, projects: Sequence[Project], files: Mapping[str, str]) -> Table:
    indicators = list(dict.fromkeys(key for p in projects for key in p.bijdragen))
    gemeenten = dataset.gemeenten
    columns = (
        *_PROJECT_COLUMNS,
        *(Column(f"Bijdrage {indicator}", "getal", 14) for indicator in indicators),
        *_PROJECT_TAIL,
    )
    rows = []
    for p in projects:
        last = p.voortgang[-1] if p.voortgang else None
        phases = "; ".join(
            f"{o.datum.isoformat()}: {_pairs(o.bijdragen)}" + (f" ({o.toelichting})" if o.toelichting else "")
            for o in p.opleveringen
        )
        gemeente = gemeenten.get(p.gemeente)
        rows.append(
            (
                p.id,
                p.naam,
                p.gemeente,
                gemeente.naam if gemeente is not None else None,
                p.wijk,
                p.trekker,
                _join(p.partijen),
                _join(p.afspraken),
                p.status,
                p.planning.start if p.planning is not None else None,
                p.planning.oplevering if p.planning is not None else None,
                p.opgeleverd,
                number(p.investering),
                *(number(p.bijdragen.get(indicator)) for indicator in indicators),
                phases or None,
                last.datum if last is not None else None,
                last.toelichting if last is not None else None,
                files.get(p.id),
            )
        )
    return Table(PROJECTEN, columns, tuple(rows))


# afspraken en doelen ------------------------------------------------------------

_AFSPRAAK_COLUMNS = (
    Column("Afspraak", width=30),
    Column("Nummer", width=8),
    Column("Titel", width=40),
    Column("Overeenkomst", width=20),
    Column("Thema", width=16),
    Column("Trekker", width=16),
    Column("Partijen", width=28),
    Column("Gemeenten", width=20),
    Column("Van (jaar)", "jaar", 10),
    Column("Tot (jaar)", "jaar", 10),
    Column("Status", width=12),
    Column("Indicator", width=26),
    Column("Telling", width=9),
    Column("Bron", width=11),
    Column("Richting", width=10),
    Column("Nulmeting (datum)", "datum", 13),
    Column("Nulmeting (waarde)", "getal", 13),
    Column("Streefwaarde", "getal", 13),
    Column("Jaarschijven", width=30),
    Column("Per gemeente", width=30),
)


def _afspraak_rows(afspraak: Afspraak) -> list[tuple[Value, ...]]:
    head: tuple[Value, ...] = (
        afspraak.id,
        afspraak.nummer,
        afspraak.titel,
        afspraak.overeenkomst,
        afspraak.thema,
        afspraak.trekker,
        _join(afspraak.partijen),
        afspraak.gemeenten if isinstance(afspraak.gemeenten, str) else _join(afspraak.gemeenten),
        afspraak.periode.van,
        afspraak.periode.tot,
        afspraak.status,
    )
    doelen: Sequence[Doel | None] = afspraak.doelen or [None]
    rows: list[tuple[Value, ...]] = []
    for doel in doelen:
        if doel is None:
            rows.append((*head, *([None] * 9)))
            continue
        nulmeting = doel.nulmeting
        rows.append(
            (
                *head,
                doel.indicator,
                doel.telling,
                doel.bron,
                doel.richting,
                nulmeting.datum if nulmeting is not None else None,
                number(nulmeting.waarde) if nulmeting is not None else None,
                number(doel.streefwaarde),
                _pairs(doel.jaarschijven),
                _pairs(doel.per_gemeente),
            )
        )
    return rows


# status ---------------------------------------------------------------------------

_FIGURE_COLUMNS = (
    Column("Streefwaarde", "getal", 13),
    Column("Verwacht", "getal", 12),
    Column("Gerealiseerd", "getal", 13),
    Column("In uitvoering", "getal", 13),
    Column("In voorbereiding", "getal", 15),
    Column("Oordeel doel", width=16),
)
_STATUS_COLUMNS = (
    Column("Peildatum", "datum", 12),
    Column("Afspraak", width=30),
    Column("Nummer", width=8),
    Column("Titel", width=40),
    Column("Thema", width=16),
    Column("Overeenkomst", width=24),
    Column("Status", width=12),
    Column("Oordeel afspraak", width=16),
    Column("Indicator", width=26),
    Column("Indicatornaam", width=30),
    Column("Eenheid", width=12),
    *_FIGURE_COLUMNS,
    *(Column(f"Regio: {c.header[0].lower()}{c.header[1:]}", c.kind, c.width + 2) for c in _FIGURE_COLUMNS),
    Column("Projecten", "getal", 10),
    Column("Vertraagd", "getal", 10),
)


def _figures(figures: Figures | None) -> tuple[Value, ...]:
    if figures is None:
        return (None,) * len(_FIGURE_COLUMNS)
    return (
        number(figures.streefwaarde),
        number(figures.verwacht),
        number(figures.gerealiseerd),
        number(figures.in_uitvoering),
        number(figures.in_voorbereiding),
        figures.verdict,
    )


def status_table(report: StatusReport) -> Table:
    """One row per doel (an afspraak without doelen: one row), figures as in the JSON."""
    rows: list[tuple[Value, ...]] = []
    for afspraak in report.afspraken:
        head: tuple[Value, ...] = (
            report.peildatum,
            afspraak.id,
            afspraak.nummer,
            afspraak.titel,
            afspraak.thema,
            afspraak.overeenkomst,
            afspraak.status,
            afspraak.verdict,
        )
        tail = (afspraak.projecten.totaal, afspraak.projecten.vertraagd)
        doelen: Sequence[DoelStatus | None] = afspraak.doelen or (None,)
        for doel in doelen:
            if doel is None:
                rows.append((*head, None, None, None, *_figures(None), *_figures(None), *tail))
            else:
                rows.append(
                    (
                        *head,
                        doel.indicator,
                        doel.naam,
                        doel.eenheid,
                        *_figures(doel.figures),
                        *_figures(doel.regionaal),
                        *tail,
                    )
                )
    return Table(STATUS, _STATUS_COLUMNS, tuple(rows))


# metingen ---------------------------------------------------------------------------

_METING_COLUMNS = (
    Column("Indicator", width=26),
    Column("Indicatornaam", width=30),
    Column("Eenheid", width=12),
    Column("Datum (stand)", "datum", 13),
    Column("Van (stroom)", "datum", 13),
    Column("Tot (stroom)", "datum", 13),
    Column("Waarde", "getal", 12),
    Column("Gemeente", width=14),
    Column("Corporatie", width=16),
    Column("Bron", width=36),
)


def _meting_kept(meting: Meting, selection: Selection) -> bool:
    """A regional meting is always kept; a local one only for the selected gemeente/corporatie."""
    if meting.gemeente is not None and selection.gemeente not in (None, meting.gemeente):
        return False
    return not (meting.corporatie is not None and selection.corporatie not in (None, meting.corporatie))


def _metingen_table(dataset: DataSet, selection: Selection) -> Table:
    rows: list[tuple[Value, ...]] = []
    for loaded in dataset.metingen:
        indicator = dataset.indicatoren.get(loaded.model.indicator)
        if selection.thema is not None and (indicator is None or indicator[1].id != selection.thema):
            continue
        for meting in loaded.model.metingen:
            if not _meting_kept(meting, selection):
                continue
            rows.append(
                (
                    loaded.model.indicator,
                    indicator[0].naam if indicator is not None else None,
                    indicator[0].eenheid if indicator is not None else None,
                    meting.datum,
                    meting.van,
                    meting.tot,
                    number(meting.waarde),
                    meting.gemeente,
                    meting.corporatie,
                    meting.bron,
                )
            )
    return Table(METINGEN, _METING_COLUMNS, tuple(rows))


# cyclus -----------------------------------------------------------------------------

_CYCLUS_COLUMNS = (
    Column("Jaar", "jaar", 8),
    Column("Gemeente", width=14),
    Column("Gemeentenaam", width=18),
    Column("Corporatie", width=16),
    Column("Corporatienaam", width=22),
    Column("Huurdersorganisatie", width=18),
    Column("Evaluatie", "datum", 12),
    Column("Huurdersadvies", "datum", 14),
    Column("Bod", "datum", 12),
    Column("Overleg gestart", "datum", 14),
    Column("Ondertekend", "datum", 12),
    Column("Overeenkomst", width=20),
    Column("Geschil ingediend", "datum", 14),
    Column("Uitspraak geschil", "datum", 14),
)


def _cyclus_table(dataset: DataSet, selection: Selection) -> Table:
    rows: list[tuple[Value, ...]] = []
    for loaded in sorted(dataset.cycli, key=lambda c: c.model.jaar):
        for t in loaded.model.trajecten:
            if selection.gemeente not in (None, t.gemeente):
                continue
            if selection.corporatie not in (None, t.corporatie):
                continue
            gemeente = dataset.gemeenten.get(t.gemeente)
            corporatie = dataset.corporaties.get(t.corporatie)
            rows.append(
                (
                    loaded.model.jaar,
                    t.gemeente,
                    gemeente.naam if gemeente is not None else None,
                    t.corporatie,
                    corporatie.naam if corporatie is not None else None,
                    t.huurdersorganisatie,
                    t.evaluatie,
                    t.huurdersadvies,
                    t.bod,
                    t.overleg_gestart,
                    t.ondertekend,
                    t.overeenkomst,
                    t.geschil.ingediend if t.geschil is not None else None,
                    t.geschil.uitspraak if t.geschil is not None else None,
                )
            )
    return Table(CYCLUS, _CYCLUS_COLUMNS, tuple(rows))


# overeenkomsten: what the export covers --------------------------------------------------

_OVEREENKOMST_COLUMNS = (
    Column("Peildatum", "datum", 12),
    Column("Overeenkomst", width=24),
    Column("Titel", width=50),
    Column("Niveau", width=12),
    Column("Van", "datum", 12),
    Column("Tot en met", "datum", 12),
    Column("Op de peildatum", width=22),
    Column("Gekozen", width=30),
    Column("Gemeente", width=14),
    Column("Corporatie", width=16),
    Column("Thema", width=16),
    Column("Voorbeeldgegevens", width=18),
)

# The choice as the sheet names it: 'alle' and the default in words, an id as it is.
DEFAULT_CHOICE = "standaard: lopend op de peildatum"
ALLE_CHOICE = "alle overeenkomsten"


def _moment(info: OvereenkomstInfo) -> str:
    if info.toelichting is None:
        return "loopt"
    return "afgelopen: eindstand" if info.afgelopen else info.toelichting


def overeenkomsten_table(report: StatusReport) -> Table:
    """One row per overeenkomst the export covers (the status's), with the peildatum, how
    they were chosen, the filters and whether the figures are illustrative."""
    chosen = report.filter.overeenkomst
    gekozen = DEFAULT_CHOICE if chosen is None else ALLE_CHOICE if chosen == "alle" else chosen
    tail = (
        gekozen,
        report.filter.gemeente,
        report.filter.corporatie,
        report.filter.thema,
        "ja" if report.voorbeeldgegevens else "nee",
    )
    rows = tuple(
        (report.peildatum, o.id, o.titel, o.niveau, o.van, o.tot, _moment(o), *tail)
        for o in report.overeenkomsten
    )
    return Table(OVEREENKOMSTEN, _OVEREENKOMST_COLUMNS, rows)


# the whole export ---------------------------------------------------------------------


def export_tables(dataset: DataSet, report: StatusReport, selection: Selection) -> tuple[Table, ...]:
    """Every sheet of the export, for the selection the report was computed with."""
    afspraak_themas = {a.model.id: a.model.thema for a in dataset.afspraken}
    agreements = afspraak_overeenkomsten(dataset) if selection.chosen_overeenkomsten is not None else None
    loaded_projects = [
        p for p in dataset.projecten if selection.project(p.model, afspraak_themas, agreements)
    ]
    files = {p.model.id: p.file for p in loaded_projects}
    linked = selection.linked(p.model for p in dataset.projecten)
    shown = {a.id for a in report.afspraken}
    afspraken = [
        a.model for a in dataset.afspraken if selection.afspraak(a.model, linked) or a.model.id in shown
    ]
    return (
        overeenkomsten_table(report),
        _projects_table(dataset, [p.model for p in loaded_projects], files),
        Table(AFSPRAKEN, _AFSPRAAK_COLUMNS, tuple(row for a in afspraken for row in _afspraak_rows(a))),
        status_table(report),
        _metingen_table(dataset, selection),
        _cyclus_table(dataset, selection),
    )


def compute_export(
    dataset: DataSet,
    *,
    peildatum: dt.date,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
    overeenkomst: str | None = None,
) -> tuple[Table, ...]:
    """The export of a valid data set at the peildatum; filters are ids or names and
    ``overeenkomst`` an id or 'alle' (as status: the same selection)."""
    from prestatie.selection import selection_at
    from prestatie.status.engine import compute_status

    chosen = {"gemeente": gemeente, "corporatie": corporatie, "thema": thema, "overeenkomst": overeenkomst}
    report = compute_status(dataset, peildatum=peildatum, **chosen)
    selection, _ = selection_at(dataset, peildatum=peildatum, **chosen)
    return export_tables(dataset, report, selection)


# the template a corporatie fills in (export --invulblad; read back by import) ------------

INVULBLAD_PROJECTEN = "projecten"
INVULBLAD_METINGEN = "metingen"
ID = "Id"
NIEUWE_STATUS = "Nieuwe status"
OPLEVERDATUM = "Opleverdatum"
DATUM_VOORTGANG = "Datum voortgang"
VOORTGANG = "Voortgang"
INDICATOR = "Indicator"
GEMEENTE = "Gemeente"
CORPORATIE = "Corporatie"
DATUM_STAND = "Datum (stand)"
VAN_STROOM = "Van (stroom)"
TOT_STROOM = "Tot (stroom)"
WAARDE = "Waarde"
BRON = "Bron"

_INVUL_PROJECT_COLUMNS = (
    Column(ID, width=34),
    Column("Naam", width=34),
    Column(GEMEENTE, width=14),
    Column("Status nu", width=14),
    Column("Oplevering gepland", "datum", 13),
    Column("Opgeleverd", "datum", 13),
    Column("Laatste voortgang", width=40),
    Column(NIEUWE_STATUS, width=16, keuzes=PROJECT_STATUSSEN, invullen=True),
    Column(OPLEVERDATUM, "datum", 14, invullen=True),
    Column(DATUM_VOORTGANG, "datum", 14, invullen=True),
    Column(VOORTGANG, width=60, invullen=True),
)
_INVUL_METING_COLUMNS = (
    Column(INDICATOR, width=26),
    Column("Indicatornaam", width=30),
    Column("Eenheid", width=12),
    Column(GEMEENTE, width=14),
    Column(CORPORATIE, width=16),
    Column(DATUM_STAND, "datum", 13, invullen=True),
    Column(VAN_STROOM, "datum", 13, invullen=True),
    Column(TOT_STROOM, "datum", 13, invullen=True),
    Column(WAARDE, "getal", 12, invullen=True),
    Column(BRON, width=36, invullen=True),
)


def invulblad_tables(dataset: DataSet, corporatie: str, *, peildatum: dt.date) -> tuple[Table, ...]:
    """What a corporatie fills in: its projects (new status, opleverdatum, voortgang) and the
    metingen it owes (each indicator measured per corporatie in an afspraak it takes part in)
    for the year before the peildatum. ``corporatie`` is an id or a name."""
    from prestatie.selection import resolve_corporatie

    ident = resolve_corporatie(dataset, corporatie)
    selection = Selection(corporatie=ident)
    projects = [p.model for p in dataset.projecten if selection.counts(p.model)]
    project_rows = tuple(
        (
            p.id,
            p.naam,
            p.gemeente,
            p.status,
            p.planning.oplevering if p.planning is not None else None,
            p.opgeleverd,
            p.voortgang[-1].toelichting if p.voortgang else None,
            None,
            None,
            None,
            None,
        )
        for p in projects
    )
    year = peildatum.year - 1
    owed: dict[str, Doel] = {}
    for loaded in dataset.afspraken:
        afspraak = loaded.model
        if afspraak.status in ("afgerond", "vervallen") or not selection.takes_part(afspraak):
            continue
        for doel in afspraak.doelen:
            if doel.bron == "metingen":
                # A composite gets no metingen of its own: its components do (PA237).
                for component, _ in components(dataset, doel.indicator):
                    owed.setdefault(component, doel)
    meting_rows: list[tuple[Value, ...]] = []
    for indicator_id, doel in owed.items():
        indicator = dataset.indicatoren.get(indicator_id)
        stand = doel.telling == "stand"
        meting_rows.append(
            (
                indicator_id,
                indicator[0].naam if indicator is not None else None,
                indicator[0].eenheid if indicator is not None else None,
                None,
                ident,
                dt.date(year, 12, 31) if stand else None,
                None if stand else dt.date(year, 1, 1),
                None if stand else dt.date(year, 12, 31),
                None,
                None,
            )
        )
    return (
        Table(INVULBLAD_PROJECTEN, _INVUL_PROJECT_COLUMNS, project_rows),
        Table(INVULBLAD_METINGEN, _INVUL_METING_COLUMNS, tuple(meting_rows)),
    )
