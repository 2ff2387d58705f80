"""The briefing's section "Wijzigingen sinds …" (``report --sinds``): a semantic diff as
display-ready data.

The same lines as ``prestatie diff`` prints, grouped the same way (the parts come from
diff/text.py); a template only lays them out and escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from prestatie.diff.model import DataDiff, ItemDiff, Kant
from prestatie.diff.text import change_lines, groups, item_name, item_note, kant, summary
from prestatie.dutch import datum
from prestatie.findings import finding_line


@dataclass(frozen=True, slots=True)
class ChangedItem:
    """One changed item: its name, how it changed (nieuw, gewijzigd, verwijderd), a note
    in brackets for a new or removed one, and a line per change."""

    naam: str
    wijziging: str
    toelichting: str | None
    regels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChangeGroup:
    """The items under one heading: a gemeente, Afspraken or Regio en thema's."""

    kop: str
    onderdelen: tuple[ChangedItem, ...]


@dataclass(frozen=True, slots=True)
class ChangeSection:
    """The section: its title, one sentence that names both sides (when nothing changed
    it says so and is all there is to show), the counts in words, the groups, and the
    changed files that could not be read."""

    titel: str
    inleiding: str
    samenvatting: tuple[str, ...]
    groepen: tuple[ChangeGroup, ...]
    meldingen: tuple[str, ...]


def _since(side: Kant) -> str:
    """A revision as the section's title names it: its name and, when known, its date."""
    if side.werkmap:
        return "de werkmap"
    return f"{side.naam} ({datum(side.datum)})" if side.datum else str(side.naam)


def _onderdeel(item: ItemDiff, diff: DataDiff) -> ChangedItem:
    return ChangedItem(
        naam=item_name(item),
        wijziging=item.wijziging,
        toelichting=item_note(item),
        regels=tuple(change_lines(item.wijzigingen, diff.indicatoren, diff.gemeenten)),
    )


def change_section(diff: DataDiff) -> ChangeSection:
    """The section of ``diff``, for the report's ``wijzigingen``."""
    van = kant(diff.van)
    tot = "nu (de werkmap)" if diff.tot.werkmap else kant(diff.tot)
    where = " in deze selectie" if any(diff.filter.values()) else ""
    if diff.empty and diff.meldingen:
        readable = "in de bestanden die te lezen waren"
        inleiding = f"Van {van} tot {tot} is er{where} niets inhoudelijk veranderd {readable}."
    elif diff.empty:
        inleiding = f"Van {van} tot {tot} is er{where} niets inhoudelijk veranderd."
    else:
        inleiding = f"Wat er{where} inhoudelijk veranderde van {van} tot {tot}."
    return ChangeSection(
        titel=f"Wijzigingen sinds {_since(diff.van)}",
        inleiding=inleiding,
        samenvatting=tuple(summary(diff)),
        groepen=tuple(
            ChangeGroup(kop, tuple(_onderdeel(item, diff) for item in items)) for kop, items in groups(diff)
        ),
        meldingen=tuple(finding_line(m.finding, file=f"{m.finding.file} ({m.kant})") for m in diff.meldingen),
    )
