"""What `prestatie import` (would) change, as text: the semantic diff and the new metingen."""

from __future__ import annotations

import datetime as dt

from prestatie import dutch
from prestatie.diff.text import render
from prestatie.edit.importeer import ImportResult


def _meting(fields: dict[str, object]) -> str:
    when = fields.get("datum")
    if isinstance(when, dt.date):
        period = f"stand op {dutch.datum(when)}"
    else:
        van, tot = fields.get("van"), fields.get("tot")
        period = f"{dutch.datum(van) if isinstance(van, dt.date) else ''} t/m " + (
            dutch.datum(tot) if isinstance(tot, dt.date) else ""
        )
    waarde = fields.get("waarde")
    scope = fields.get("gemeente") or fields.get("corporatie") or "regio"
    shown = dutch.getal(waarde) if isinstance(waarde, int | float) else str(waarde)
    return f"{period}: {shown} ({scope}; bron: {fields.get('bron')})"


def render_import(result: ImportResult) -> str:
    head = "Voorbeeld: dit zou de import veranderen" if result.dry_run else "Geïmporteerd"
    lines = [head, ""]
    if not result.diff.empty:
        lines += render(result.diff).split("\n")[2:]  # without the heading "Wijzigingen van ... tot ..."
    if result.metingen:
        lines.append("Nieuwe metingen")
        for meting in result.metingen:
            lines.append(f"  {meting.indicator}: {_meting(dict(meting.fields))}")
        lines.append("")
    if result.diff.empty and not result.metingen:
        lines += ["Niets te veranderen: het invulblad bevat geen nieuwe gegevens.", ""]
    if result.files:
        verb = "Zou schrijven" if result.dry_run else "Geschreven"
        lines.append(f"{verb}: " + ", ".join(result.files))
    if result.dry_run:
        lines.append("Er is niets geschreven (voorbeeld).")
    return "\n".join(lines).rstrip("\n") + "\n"
