"""A status comparison for people: display-ready rows, as text and as Markdown.

``rows`` decides every word (the verdict change, the figures before and after);
the text and the Markdown template only lay the rows out. The Markdown goes to a
pull request comment or a CI job summary, so every value from the data is escaped
by the Markdown environment of the reports.
"""

from __future__ import annotations

from typing import Any

from prestatie import dutch
from prestatie.diff.text import kant
from prestatie.diff.text import render as render_diff
from prestatie.status.model import Figures
from prestatie.status.vergelijk import AfspraakVerschil, DoelVerschil, StatusVergelijking

TITLE = "Gevolgen voor de afspraken"


def _figure(value: float | None, eenheid: str) -> str:
    return dutch.aantal(value, eenheid) if value is not None else "geen meting"


def _van_naar(van: float | None, naar: float | None, eenheid: str) -> str:
    """``283 woningen → 343 woningen``: written so that the two figures differ, as in the diff."""
    if van is None or naar is None:
        return f"{_figure(van, eenheid)} → {_figure(naar, eenheid)}"
    van_text, naar_text = dutch.paar(van, naar, eenheid)
    return f"{van_text} → {naar_text}"


def oordeel(afspraak: AfspraakVerschil) -> str:
    van, naar = afspraak.verdict_van, afspraak.verdict_naar
    if van is None:
        return f"nieuw: {naar}"
    if naar is None:
        return f"niet meer in de selectie (was {van})"
    return f"{van} → {naar}" if van != naar else f"{naar} (ongewijzigd)"


def doel_regel(doel: DoelVerschil, *, oordeel: bool = True) -> str:
    """What changed in one doel; ``oordeel=False`` leaves out a verdict change that the
    afspraak's own verdict already shows (its only doel)."""
    van, naar = doel.van, doel.naar
    if van is None and naar is not None:
        gerealiseerd = _figure(naar.gerealiseerd, doel.eenheid)
        return f"{doel.naam}: nieuw doel, gerealiseerd {gerealiseerd} ({naar.verdict})"
    if naar is None and van is not None:
        return f"{doel.naam}: doel vervallen (was gerealiseerd {_figure(van.gerealiseerd, doel.eenheid)})"
    assert van is not None and naar is not None
    parts = []
    if van.gerealiseerd != naar.gerealiseerd:
        parts.append(f"gerealiseerd {_van_naar(van.gerealiseerd, naar.gerealiseerd, doel.eenheid)}")
    else:
        parts.append(f"gerealiseerd {_figure(naar.gerealiseerd, doel.eenheid)}")
    parts.append(_context(naar, doel.eenheid))
    if van.verdict != naar.verdict and oordeel:
        parts.append(f"oordeel {van.verdict} → {naar.verdict}")
    return f"{doel.naam}: " + "; ".join(parts)


def _context(figures: Figures, eenheid: str) -> str:
    if figures.verwacht is None:
        return "geen verwachting"
    return f"verwacht {_figure(figures.verwacht, eenheid)}"


def _own_verdict(afspraak: AfspraakVerschil, doel: DoelVerschil) -> bool:
    """Whether the doel's verdict change differs from the afspraak's (then it is shown)."""
    van, naar = doel.van, doel.naar
    if van is None or naar is None:
        return True
    return (van.verdict, naar.verdict) != (afspraak.verdict_van, afspraak.verdict_naar)


def afspraak_naam(afspraak: AfspraakVerschil) -> str:
    return f"{afspraak.nummer} {afspraak.titel}" if afspraak.nummer else afspraak.titel


def rows(vergelijking: StatusVergelijking) -> list[dict[str, Any]]:
    """Per afspraak its name, the verdict change and one line per changed doel."""
    return [
        {
            "naam": afspraak_naam(a),
            "id": a.id,
            "oordeel": oordeel(a),
            "doelen": [doel_regel(d, oordeel=len(a.doelen) > 1 or _own_verdict(a, d)) for d in a.doelen],
        }
        for a in vergelijking.afspraken
    ]


def inleiding(vergelijking: StatusVergelijking) -> str:
    count = len(vergelijking.afspraken)
    sides = f"van {kant(vergelijking.van)} tot {kant(vergelijking.tot)}"
    when = f"peildatum {dutch.datum(vergelijking.peildatum)}"
    if count == 0:
        return f"Geen afspraak verandert van oordeel of gerealiseerd ({sides}, {when})."
    changed = dutch.meervoud(count, "afspraak verandert", "afspraken veranderen")
    return f"{changed} van oordeel of gerealiseerd ({sides}, {when})."


def render(vergelijking: StatusVergelijking) -> str:
    """Plain text: the verdicts that moved, then the diff as ``prestatie diff`` shows it."""
    lines = [TITLE, inleiding(vergelijking), ""]
    for row in rows(vergelijking):
        lines.append(f"  {row['naam']}: {row['oordeel']}")
        lines += [f"      {regel}" for regel in row["doelen"]]
    if vergelijking.afspraken:
        lines.append("")
    return "\n".join(lines) + "\n" + render_diff(vergelijking.diff)


def render_markdown(vergelijking: StatusVergelijking) -> str:
    """Markdown for a pull request: the verdicts that moved, then the semantic diff."""
    from prestatie.report.render import render as render_template

    return render_template("vergelijk", "markdown", markdown_data(vergelijking)).lstrip("\n")


def markdown_data(vergelijking: StatusVergelijking) -> dict[str, Any]:
    from prestatie.report.changes import change_section

    return {
        "titel": TITLE,
        "inleiding": inleiding(vergelijking),
        "afspraken": rows(vergelijking),
        "wijzigingen": change_section(vergelijking.diff),
    }
