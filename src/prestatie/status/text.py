"""``status --format text``: Rich tables per thema, readable in 80 columns and without colour.

Every verdict is written out in words; colour only repeats it. Figures use the Dutch
notation of ``prestatie.dutch`` (1.234,5; € 5,4 mln). Ids are never cut off: a long
one folds onto the next line.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from prestatie.dutch import DASH, balk, datum, datum_kort, kort, meervoud, procent
from prestatie.neutral import shown_lines
from prestatie.status.describe import describe
from prestatie.status.model import (
    AANDACHT,
    ACHTER,
    AFGEROND,
    GEEN_LOKAAL_DOEL,
    GEEN_METING,
    GEHAALD,
    NIET_GEHAALD,
    OP_KOERS,
    STATUS_LABELS,
    VERVALLEN,
    AfspraakStatus,
    DoelStatus,
    Figures,
    ProjectCounts,
    StatusReport,
    StilProject,
    VertraagdProject,
)

BAR_WIDTH = 8
LABEL_MIN = 12  # the narrowest the Doel column of the table may be
VERDICT_STYLES = {
    OP_KOERS: "bold green",
    AANDACHT: "bold yellow",
    ACHTER: "bold red",
    AFGEROND: "blue",
    VERVALLEN: "dim",
    GEEN_LOKAAL_DOEL: "dim",
    GEEN_METING: "bold yellow",
    GEHAALD: "bold green",
    NIET_GEHAALD: "bold red",
}
LEGEND = (
    "Oordeel: op koers = gerealiseerd is minstens het verwachte deel; aandacht = dat wordt "
    "gehaald met wat in uitvoering is; achter = ook dan niet. Verwacht = het deel van de "
    "streefwaarde dat op de peildatum klaar had moeten zijn. Pijplijn = in uitvoering + in "
    "voorbereiding. De balk toont gerealiseerd als deel van de streefwaarde. Een stand is een "
    "gemeten niveau op een datum; maximaal = hoogstens de streefwaarde. Na de periode van een "
    "afspraak geldt de eindstand: gehaald of niet gehaald, met alleen wat in de periode is "
    "opgeleverd of gemeten."
)


def out(console: Console, renderable: RenderableType = "") -> None:
    """Print wrapped to the console's width (the shared console soft-wraps by default,
    which would let tables grow past 80 columns)."""
    console.print(renderable, soft_wrap=False)


def amount(value: float | None, eenheid: str = "") -> str:
    """A figure in a column headed by its unit: '1.234,5', '€ 5,4 mln', '12%'; None -> a dash.

    The JSON output has the exact amounts.
    """
    return DASH if value is None else kort(value, eenheid)


def unbroken(text: str) -> str:
    """Non-breaking spaces, so that "gepland 30 sep 2026" is never split over two lines."""
    return text.replace(" ", "\u00a0")


def bar(gerealiseerd: float | None, streefwaarde: float | None) -> str:
    """'██████░░ 75%': gerealiseerd as a part of the streefwaarde."""
    if not streefwaarde or gerealiseerd is None:
        return DASH
    ratio = gerealiseerd / streefwaarde
    return f"{balk(ratio, BAR_WIDTH)} {procent(ratio)}"


def verdict_text(verdict: str) -> Text:
    return Text(verdict, style=VERDICT_STYLES.get(verdict, ""))


def _counts_line(counts: ProjectCounts) -> str:
    if counts.totaal == 0:
        return "Geen projecten."
    parts = [f"{getattr(counts, key)} {word}" for key, word in STATUS_LABELS.items() if getattr(counts, key)]
    total = meervoud(counts.totaal, "project", "projecten")
    return f"{total}: {', '.join(parts)}; {counts.vertraagd} vertraagd."


def _figure_cells(figures: Figures, eenheid: str) -> list[Text | str]:
    pipeline = f"{amount(figures.in_uitvoering, eenheid)} + {amount(figures.in_voorbereiding, eenheid)}"
    return [
        amount(figures.streefwaarde, eenheid),
        amount(figures.verwacht, eenheid),
        amount(figures.gerealiseerd, eenheid),
        pipeline,
        bar(figures.gerealiseerd, figures.streefwaarde),
        verdict_text(figures.verdict),
    ]


class _Doelen:
    """The doelen of an afspraak: the table, or, where it does not fit (a terminal narrower
    than the table), one short paragraph per doel, so that no column is cut off; the
    Oordeel above all."""

    def __init__(self, table: Table, doelen: tuple[DoelStatus, ...]) -> None:
        self.table = table
        self.doelen = doelen

    def fits(self, width: int) -> bool:
        """Whether every figure column gets its full width and the label column its
        longest word: otherwise Rich would cut off the last columns or break words."""
        rows = [
            [str(cell) for cell in _figure_cells(figures, doel.eenheid)]
            for doel in self.doelen
            for figures in (doel.figures, doel.regionaal)
            if figures is not None
        ]
        headers = ("Streef", "Verwacht", "Gereal.", "Pijplijn", "Voortgang")
        columns = [max(len(header), *(len(row[i]) for row in rows)) for i, header in enumerate(headers)]
        words = [word for doel in self.doelen for word in _label(doel).split()]
        label = max(LABEL_MIN, len("  regionaal"), *(len(word) for word in words))
        return label + sum(columns) + len(VERVALLEN) + len(headers) + 1 <= width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.fits(options.max_width):
            yield self.table
            return
        for doel in self.doelen:
            yield Text(_label(doel), style="bold")
            for label, figures in (("", doel.figures), ("regionaal: ", doel.regionaal)):
                if figures is not None:
                    yield from _in_words(label, figures, doel.eenheid, options.max_width)


def _in_words(label: str, figures: Figures, eenheid: str, width: int) -> Iterable[Text]:
    """'streef 400 · verwacht 400 · gerealiseerd 283 · pijplijn 118 + 0 · 71% · aandacht',
    wrapped between the parts (never inside one) to ``width``."""
    ratio = bar(figures.gerealiseerd, figures.streefwaarde).split(" ")[-1]
    parts = [
        f"streef {amount(figures.streefwaarde, eenheid)}",
        f"verwacht {amount(figures.verwacht, eenheid)}",
        f"gerealiseerd {amount(figures.gerealiseerd, eenheid)}",
        f"pijplijn {amount(figures.in_uitvoering, eenheid)} + {amount(figures.in_voorbereiding, eenheid)}",
        ratio,
    ]
    lines: list[str] = []
    current = f"  {label}{parts[0]}"
    for part in [*parts[1:], figures.verdict]:
        joined = f"{current} · {part}"
        if len(joined) > width:
            lines.append(current + " ·")
            current = f"    {part}"
        else:
            current = joined
    for line in lines:
        yield Text(line)
    last = Text(current[: len(current) - len(figures.verdict)])
    last.append_text(verdict_text(figures.verdict))
    yield last


def _label(doel: DoelStatus) -> str:
    return f"{doel.naam} ({doel.eenheid})" if doel.eenheid else doel.naam


def _doel_table(doelen: Iterable[DoelStatus]) -> _Doelen:
    doelen = tuple(doelen)
    labels = [_label(doel) for doel in doelen]
    # No padding: the box's column divider is one space, which leaves the label room.
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=0)
    table.add_column("Doel", min_width=LABEL_MIN, overflow="fold")
    for header in ("Streef", "Verwacht", "Gereal.", "Pijplijn"):
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column("Voortgang", no_wrap=True)
    # Fixed: the label column, not the verdict, takes what is left ("geen lokaal doel" wraps).
    table.add_column("Oordeel", width=len(VERVALLEN))
    for doel, label in zip(doelen, labels, strict=True):
        table.add_row(label, *_figure_cells(doel.figures, doel.eenheid))
        if doel.regionaal is not None:
            table.add_row(Text("  regionaal", style="italic"), *_figure_cells(doel.regionaal, doel.eenheid))
    return _Doelen(table, doelen)


def _needs_words(doel: DoelStatus, eindstand: bool) -> bool:
    """Whether the table's columns alone would mislead: every kind but a running sum from projects."""
    plain = doel.telling == "som" and doel.bron == "projecten" and doel.richting == "minimaal"
    return eindstand or not plain or bool(doel.figures.onderdelen)


def _afspraak(console: Console, afspraak: AfspraakStatus) -> None:
    title = Text()
    if afspraak.nummer:
        title.append(f"{afspraak.nummer} ", style="bold")
    title.append(afspraak.titel, style="bold")
    if afspraak.status == "gewijzigd":
        title.append(" (gewijzigd)")
    title.append(" – eindstand: " if afspraak.eindstand and afspraak.doelen else " – ")
    title.append_text(verdict_text(afspraak.verdict))
    out(console, title)
    out(console, Text(_counts_line(afspraak.projecten), style="dim"))
    if afspraak.doelen:
        out(console, _doel_table(afspraak.doelen))
        for doel in afspraak.doelen:
            if _needs_words(doel, afspraak.eindstand):
                for label, figures in ((doel.naam, doel.figures), ("  regionaal", doel.regionaal)):
                    if figures is not None and figures.verdict != GEEN_LOKAAL_DOEL:
                        phrase = describe(doel, figures, eindstand=afspraak.eindstand)
                        style = "dim" if label.startswith(" ") else ""
                        out(console, Text(f"{label}: {phrase}.", style=style))
        if afspraak.verdict == ACHTER and afspraak.verantwoording is not None:
            v = afspraak.verantwoording
            out(console, f"Verantwoording ({datum(v.datum)}): {v.oorzaak} Bijsturing: {v.bijsturing}")
        out(console)
    else:
        if afspraak.status in ("afgerond", "vervallen"):  # the verdict is its status, not its projects
            explained = f"Geen meetbare doelen; de afspraak is {afspraak.status}."
        elif afspraak.projecten.totaal:
            explained = "Geen meetbare doelen: het oordeel volgt uit de projecten."
        else:
            explained = (
                "Geen meetbare doelen en geen projecten: niets laat zien dat deze afspraak wordt uitgevoerd."
            )
        out(console, Text(explained, style="dim"))
        out(console)


def _project_list(console: Console, entries: Iterable[tuple[str, str]]) -> None:
    """Each project's name on its own line, its details (ending in its id, never folded)
    indented below it.

    Built as one Text, wrapped here: a data set can have thousands of projects in
    these lists, and one print per entry would cost more than the whole arithmetic.
    """
    width = max(20, console.width - 2)
    lines: list[str] = []
    ids: list[int] = []  # indexes of the id lines, to make them bold
    for ident, details in entries:
        ids.append(len(lines))
        lines.append(ident)
        wrapped = textwrap.wrap(details, width=width, break_long_words=False, break_on_hyphens=False)
        lines.extend(f"  {line}" for line in wrapped)
    if not lines:
        return
    if console.color_system is None:  # no styles to show: plain lines, no Rich rendering
        console.file.write(shown_lines("\n".join(lines) + "\n"))
        return
    text = Text("\n".join(lines))
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for index in ids:
        text.stylize("bold", offsets[index], offsets[index] + len(lines[index]))
    console.print(text, soft_wrap=True)


def _gepland(day: dt.date) -> str:
    return unbroken(f"gepland {datum_kort(day)}")


def _vertraagd(console: Console, projects: Iterable[VertraagdProject]) -> None:
    _project_list(
        console,
        ((p.naam, f"{p.gemeente} · {p.status} · {_gepland(p.oplevering)} · {p.id}") for p in projects),
    )


def _stil(console: Console, projects: Iterable[StilProject]) -> None:
    def since(last: dt.date | None) -> str:
        return unbroken(f"laatste voortgang {datum_kort(last)}") if last is not None else "nog geen voortgang"

    _project_list(
        console,
        ((p.naam, f"{p.gemeente} · {p.status} · {since(p.laatste_voortgang)} · {p.id}") for p in projects),
    )


def _what_it_compares(report: StatusReport, revisie: str | None) -> list[str]:
    """What a reader cannot see in the figures: which data, against which target, which status."""
    notes = []
    if revisie is not None:
        notes.append(f"Gegevens uit git: {revisie}.")
    chosen = report.filter
    if chosen.corporatie_naam is not None:
        notes.append(
            f"Met een corporatie: de projecten waarin {chosen.corporatie_naam} trekker of partij is, "
            "tegen de doelen van de hele regio (of van de gemeente, als die ook is gekozen)."
        )
    if report.peildatum < dt.date.today():
        notes.append(
            f"Peildatum in het verleden: projecten tellen met hun status van nu; alleen een project "
            f"dat na {datum(report.peildatum)} is opgeleverd, telt op de peildatum als in uitvoering."
        )
    return notes


def _header(console: Console, report: StatusReport, revisie: str | None = None) -> None:
    where = f" {report.regio}" if report.regio else ""
    out(console, Text(f"Voortgang{where} per {datum(report.peildatum)}", style="bold"))
    chosen = report.filter
    parts = [
        f"{label} {name}"
        for label, name in (
            ("gemeente", chosen.gemeente_naam),
            ("corporatie", chosen.corporatie_naam),
            ("thema", chosen.thema_naam),
        )
        if name is not None
    ]
    if parts:
        out(console, f"Selectie: {', '.join(parts)}.")
    if report.overeenkomsten:
        covered = "; ".join(
            f"{o.titel} ({datum(o.van)} tot en met {datum(o.tot)}"
            + (f", {o.toelichting})" if o.toelichting else ")")
            for o in report.overeenkomsten
        )
        out(console, f"Overeenkomst{'en' if len(report.overeenkomsten) > 1 else ''}: {covered}.")
    for note in report.notes:
        out(console, Text(f"Let op: {note}", style="yellow"))
    for note in _what_it_compares(report, revisie):
        out(console, Text(note, style="dim"))
    if report.voorbeeldgegevens:
        out(console, Text("Let op: dit zijn illustratieve voorbeeldgegevens.", style="yellow"))
    out(console)


def write(report: StatusReport, console: Console, *, revisie: str | None = None) -> None:
    """The text of ``report``; ``revisie`` names the git revision its data came from."""
    _header(console, report, revisie)
    if not report.afspraken:
        out(console, "Geen afspraken in deze selectie.")
    names = dict(report.themas)
    order = [ident for ident, _ in report.themas]
    present = {a.thema for a in report.afspraken}
    for thema in [*order, *sorted(present.difference(order))]:
        if thema not in present:
            continue
        out(console, Text(names.get(thema, thema).upper(), style="bold underline"))
        out(console)
        for afspraak in report.afspraken:
            if afspraak.thema == thema:
                _afspraak(console, afspraak)
    delayed = report.vertraagde_projecten
    out(console, Text(f"Vertraagde projecten ({len(delayed)})", style="bold underline"))
    if delayed:
        out(console, Text("Geplande oplevering voorbij, nog niet opgeleverd.", style="dim"))
        _vertraagd(console, delayed)
    else:
        out(console, "Geen vertraagde projecten.")
    out(console)
    stil = report.projecten_zonder_voortgang
    out(console, Text(f"Geen voortgang in de laatste zes maanden ({len(stil)})", style="bold underline"))
    if stil:
        _stil(console, stil)
    else:
        out(console, "Alle lopende projecten hebben recente voortgang.")
    out(console)
    out(console, Text(LEGEND, style="dim"))
