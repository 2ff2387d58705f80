"""A diff as Dutch text: a summary, then per gemeente what moved, then the afspraken.

Every change is one line, and new voortgang per project is folded into one line,
so that a year of changes fits one screen. The parts (``summary``, ``groups``,
``item_name``, ``item_note``, ``change_lines``) are also what the report's section
"Wijzigingen sinds …" (report/changes.py) and ``geschiedenis`` (history/text.py) show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from itertools import groupby
from typing import TypeGuard

from prestatie import dutch
from prestatie.diff.model import DataDiff, ItemDiff, Kant, Value, Wijziging
from prestatie.findings import finding_line
from prestatie.units import EURO

_MARK = {"nieuw": "+", "gewijzigd": "~", "verwijderd": "-"}
_FIELDS = {
    "naam": "naam",
    "titel": "titel",
    "wijk": "wijk",
    "trekker": "trekker",
    "thema": "thema",
    "periode": "periode",
    "nummer": "nummer",
    "gemeente": "gemeente",
    "opgeleverd": "opgeleverd op",
    "start": "start",
    "status": "status",
    "periode_van": "begin van de periode",
    "periode_tot": "einde van de periode",
    "voorbeeldgegevens": "voorbeeldgegevens",
    "termijn_bod": "termijn voor het bod",
    "termijn_afspraken": "termijn voor de afspraken",
    "overeenkomst": "overeenkomst",
    "niveau": "niveau",
    "ondertekend": "ondertekend",
    "onderdeel_van": "onderdeel van",
    "vervangt": "vervangt",
    "bron": "bron",
}
# The version 2 fields of a doel, in words.
_DOEL = {"doel_telling": "telling", "doel_bron": "bron", "doel_richting": "richting"}
# The fields of a trajectory of the Woningwet cycle, in words.
_TRAJECT = {
    "overleg_gestart": "overleg gestart",
    "geschil_ingediend": "geschil ingediend",
    "geschil_uitspraak": "uitspraak geschil",
}
MAX_NOTE = 70

Indicatoren = Mapping[str, tuple[str, str]]


NONE = "geen"


def datum(value: dt.date | None) -> str:
    return dutch.datum(value) if value else NONE


def _number(value: Value) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def hoeveelheid(value: Value, eenheid: str) -> str:
    return dutch.aantal(value, eenheid) if _number(value) else NONE


def _van_naar(van: Value, naar: Value, eenheid: str) -> str:
    """``€ 5,35 mln → € 5,4 mln``: two quantities, written so that they differ."""
    if _number(van) and _number(naar):
        van_text, naar_text = dutch.paar(van, naar, eenheid)
        return f"{van_text} → {naar_text}"
    return f"{hoeveelheid(van, eenheid)} → {hoeveelheid(naar, eenheid)}"


def _value(value: Value) -> str:
    if value is None:
        return "geen"
    if isinstance(value, dt.date):
        return datum(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return dutch.getal(value)
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def _short(note: str) -> str:
    note = " ".join(note.split())
    return note if len(note) <= MAX_NOTE else note[: MAX_NOTE - 1].rstrip() + "…"


def _members(w: Wijziging) -> str:
    parts = []
    if w.naar:
        parts.append("+ " + _value(w.naar))
    if w.van:
        parts.append("− " + _value(w.van))
    return "; ".join(parts)


def change_line(w: Wijziging, indicatoren: Indicatoren, gemeenten: Mapping[str, str]) -> str | None:
    """One change as one line of Dutch; voortgang is folded by ``change_lines``."""
    naam, eenheid = indicatoren.get(w.indicator or "", (w.indicator or "", ""))
    if w.soort in ("meting", "meting_bron"):
        return _meting_line(w, naam, eenheid, gemeenten)
    if w.corporatie is not None:
        traject = f"{gemeenten.get(w.gemeente or '', w.gemeente or '')} × {w.corporatie}"
        if w.soort == "traject":
            return f"traject {traject} {'nieuw' if w.van is None else 'verwijderd'}"
        return f"{traject}: {_TRAJECT.get(w.soort, w.soort)} {_value(w.van)} → {_value(w.naar)}"
    if w.soort in ("oplevering", "start") and w.dagen is not None:
        richting = "later" if w.dagen > 0 else "eerder"
        tail = f"{dutch.meervoud(abs(w.dagen), 'dag', 'dagen')} {richting}"
        if w.vertraging:
            tail += ", vertraging"
        label = "geplande oplevering" if w.soort == "oplevering" else "geplande start"
        return f"{label}: {datum(w.van)} → {datum(w.naar)} ({tail})"  # type: ignore[arg-type]
    if w.soort == "oplevering":
        return f"geplande oplevering: {_value(w.van)} → {_value(w.naar)}"
    if w.soort == "status":
        return f"status: {_value(w.van)} → {_value(w.naar)}"
    if w.soort == "bijdrage":
        return f"bijdrage {naam}: {_van_naar(w.van, w.naar, eenheid)}"
    if w.soort == "investering":
        return f"investering: {_van_naar(w.van, w.naar, EURO)}"
    if w.soort == "streefwaarde":
        return f"streefwaarde {naam}: {_van_naar(w.van, w.naar, eenheid)}"
    if w.soort == "jaarschijf":
        return f"jaarschijf {w.jaar} {naam}: {_van_naar(w.van, w.naar, eenheid)}"
    if w.soort == "per_gemeente":
        plaats = gemeenten.get(w.gemeente or "", w.gemeente or "")
        return f"doel {plaats} {naam}: {_van_naar(w.van, w.naar, eenheid)}"
    if w.soort == "doel":
        if w.van is None:
            return f"nieuw doel {naam}: streefwaarde {hoeveelheid(w.naar, eenheid)}"
        return f"doel {naam} vervallen (was {hoeveelheid(w.van, eenheid)})"
    line = _v2_line(w, naam, eenheid)
    if line is not None:
        return line
    if w.soort == "id":
        return f"hernoemd: {_value(w.van)} → {_value(w.naar)}"
    if w.soort == "omschrijving":
        return "omschrijving aangepast"
    if w.soort in ("partijen", "afspraken", "gemeenten", "corporaties", "huurdersorganisaties",
                   "overige_partijen", "themas", "indicatoren", "ondertekenaars", "documenten"):  # fmt: skip
        label = {"themas": "thema's", "overige_partijen": "overige partijen"}.get(w.soort, w.soort)
        return f"{label}: {_members(w)}"
    if w.soort == "voortgang":
        return None
    label = _FIELDS.get(w.soort, w.soort)
    return f"{label}: {_value(w.van)} → {_value(w.naar)}"


def _meting_line(w: Wijziging, naam: str, eenheid: str, gemeenten: Mapping[str, str]) -> str:
    """``Kernvoorraad, Kerkrade, 31 december 2025: 11.800 → 11.750 woningen``."""
    if w.gemeente is not None:
        plaats = gemeenten.get(w.gemeente, w.gemeente)
    else:
        plaats = w.corporatie if w.corporatie is not None else "hele regio"
    wanneer = f"{datum(w.begin)} t/m {datum(w.datum)}" if w.begin is not None else datum(w.datum)
    which = f"{naam}, {plaats}, {wanneer}"
    if w.soort == "meting_bron":
        return f"{which}: bron {_value(w.van)} → {_value(w.naar)}"
    if w.van is None:
        return f"nieuwe meting {which}: {hoeveelheid(w.naar, eenheid)}"
    if w.naar is None:
        return f"meting {which} vervallen (was {hoeveelheid(w.van, eenheid)})"
    return f"{which}: {_van_naar(w.van, w.naar, eenheid)}"


def _v2_line(w: Wijziging, naam: str, eenheid: str) -> str | None:
    """Phases, the kind of a doel, nulmeting, verantwoording and documents; None for others."""
    if w.soort == "fase":
        if w.van is None:
            return f"fase opgeleverd {datum(w.datum)}, {naam}: {hoeveelheid(w.naar, eenheid)}"
        if w.naar is None:
            return f"fase van {datum(w.datum)}, {naam} vervallen (was {hoeveelheid(w.van, eenheid)})"
        return f"fase van {datum(w.datum)}, {naam}: {_van_naar(w.van, w.naar, eenheid)}"
    if w.soort in _DOEL:
        return f"{_DOEL[w.soort]} doel {naam}: {_value(w.van)} → {_value(w.naar)}"
    if w.soort == "nulmeting":
        if w.van is None:
            return f"nulmeting {naam}: {hoeveelheid(w.naar, eenheid)} op {datum(w.datum)}"
        if w.naar is None:
            return f"nulmeting {naam} vervallen (was {hoeveelheid(w.van, eenheid)})"
        return f"nulmeting {naam}: {_van_naar(w.van, w.naar, eenheid)}"
    if w.soort == "nulmeting_datum":
        return f"datum nulmeting {naam}: {_value(w.van)} → {_value(w.naar)}"
    if w.soort == "verantwoording":
        if w.van is None:
            return f"nieuwe verantwoording {datum(w.datum)}: {_short(str(w.naar or ''))}"
        if w.naar is None:
            return f"verantwoording van {datum(w.datum)} verwijderd"
        return f"verantwoording van {datum(w.datum)} aangepast: {_short(str(w.naar))}"
    if w.soort == "document":
        return f"document aangepast: {_value(w.naar)}"
    return None


def change_lines(
    wijzigingen: list[Wijziging], indicatoren: Indicatoren, gemeenten: Mapping[str, str]
) -> list[str]:
    delivered = next((w for w in wijzigingen if w.soort == "opgeleverd" and w.naar is not None), None)
    lines = []
    for w in wijzigingen:
        if w is delivered and any(x.soort == "status" and x.naar == "opgeleverd" for x in wijzigingen):
            continue  # folded into the status line
        line = change_line(w, indicatoren, gemeenten)
        if line is not None and w.soort == "status" and w.naar == "opgeleverd" and delivered is not None:
            line += f" (op {datum(delivered.naar)})"  # type: ignore[arg-type]
        if line is not None:
            lines.append(line)
    nieuw = [w for w in wijzigingen if w.soort == "voortgang" and w.naar is not None]
    weg = [w for w in wijzigingen if w.soort == "voortgang" and w.naar is None]
    if nieuw:
        last = nieuw[-1]
        count = "" if len(nieuw) == 1 else f"{len(nieuw)} nieuwe berichten, laatste "
        lines.append(f"voortgang {count}{datum(last.datum)}: {_short(str(last.naar))}")
    if weg:
        lines.append(f"voortgang: {dutch.meervoud(len(weg), 'bericht', 'berichten')} verwijderd of aangepast")
    return lines


def kant(side: Kant) -> str:
    if side.werkmap:
        return "de werkmap"
    details = ", ".join(x for x in ((side.commit or "")[:7], datum(side.datum) if side.datum else "") if x)
    return f"{side.naam} ({details})"


def summary(diff: DataDiff) -> list[str]:
    """The counts in words: "Projecten: 1 nieuw project, …." and "Daarin: …."."""
    s = diff.samenvatting()
    parts = []
    if s["projecten_nieuw"]:
        parts.append(dutch.meervoud(s["projecten_nieuw"], "nieuw project", "nieuwe projecten"))
    if s["projecten_gewijzigd"]:
        parts.append(dutch.meervoud(s["projecten_gewijzigd"], "project gewijzigd", "projecten gewijzigd"))
    if s["projecten_verwijderd"]:
        parts.append(dutch.meervoud(s["projecten_verwijderd"], "project verwijderd", "projecten verwijderd"))
    details = []
    if s["statuswijzigingen"]:
        details.append(
            dutch.meervoud(s["statuswijzigingen"], "statuswijziging", "statuswijzigingen")
            + (f" ({s['opgeleverd']} opgeleverd)" if s["opgeleverd"] else "")
        )
    for key, richting in (("oplevering_later", "later"), ("oplevering_eerder", "eerder")):
        if s[key]:
            details.append(f"{dutch.meervoud(s[key], 'oplevering', 'opleveringen')} {richting} gepland")
    if s["voortgangsberichten"]:
        details.append(dutch.meervoud(s["voortgangsberichten"], "voortgangsbericht", "voortgangsberichten"))
    for key, one, more in (
        ("afspraken_nieuw", "nieuwe afspraak", "nieuwe afspraken"),
        ("afspraken_gewijzigd", "afspraak gewijzigd", "afspraken gewijzigd"),
        ("afspraken_verwijderd", "afspraak verwijderd", "afspraken verwijderd"),
    ):
        if s[key]:
            details.append(dutch.meervoud(s[key], one, more))
    lines = []
    if parts:
        lines.append("Projecten: " + ", ".join(parts) + ".")
    if details:
        lines.append("Daarin: " + "; ".join(details) + ".")
    return lines


def item_note(item: ItemDiff) -> str | None:
    """What the name of a new or removed item is followed by, in brackets; None for a change."""
    if item.soort == "project":
        if item.wijziging == "nieuw":
            if item.status == "opgeleverd" and item.opgeleverd:
                return f"nieuw project, opgeleverd {datum(item.opgeleverd)}"
            note = f"nieuw project, {item.status or 'zonder status'}"
            if item.oplevering:
                note += f", geplande oplevering {datum(item.oplevering)}"
            return note
        if item.wijziging == "verwijderd":
            return f"verwijderd; status was {item.status or 'onbekend'}"
        return None
    if item.soort == "afspraak":
        return {"nieuw": "nieuwe afspraak", "verwijderd": "verwijderd"}.get(item.wijziging)
    if item.soort == "overeenkomst":
        return {"nieuw": "nieuwe overeenkomst", "verwijderd": "verwijderd"}.get(item.wijziging)
    if item.soort == "metingen":
        return {"nieuw": "nieuw bestand", "verwijderd": "bestand verwijderd"}.get(item.wijziging)
    return "nieuw" if item.wijziging == "nieuw" else None


def item_name(item: ItemDiff) -> str:
    return item.naam if item.soort in ("project", "afspraak", "overeenkomst", "metingen") else item.bestand


def _item_head(item: ItemDiff) -> str:
    note = item_note(item)
    return f"{_MARK[item.wijziging]} {item_name(item)}" + (f" ({note})" if note else "")


def groups(diff: DataDiff) -> list[tuple[str, list[ItemDiff]]]:
    """The changed items under their headings, in the order both the terminal text and the
    report show them: each gemeente (its projects), then Afspraken, Overeenkomsten, Metingen,
    Jaarcyclus, Regio en thema's."""
    found = [
        (diff.gemeenten.get(gemeente, gemeente or "Zonder gemeente"), list(items))
        for gemeente, items in groupby(diff.projecten, key=lambda i: i.gemeente or "")
    ]

    def of(*kinds: str) -> list[ItemDiff]:
        return [item for item in diff.overig if item.soort in kinds]

    for kop, items in (
        ("Afspraken", diff.afspraken),
        ("Overeenkomsten", of("overeenkomst")),
        ("Metingen", of("metingen")),
        ("Jaarcyclus", of("cyclus")),
        ("Regio en thema's", of("regio", "themas")),
    ):
        if items:
            found.append((kop, list(items)))
    return found


def _item_lines(item: ItemDiff, diff: DataDiff) -> list[str]:
    lines = ["  " + _item_head(item)]
    lines += ["      " + line for line in change_lines(item.wijzigingen, diff.indicatoren, diff.gemeenten)]
    return lines


def render(diff: DataDiff) -> str:
    lines = [f"Wijzigingen van {kant(diff.van)} tot {kant(diff.tot)}"]
    active = {k: v for k, v in diff.filter.items() if v}
    if active:
        lines.append("Filter: " + ", ".join(f"{k} {v}" for k, v in active.items()))
    lines.append("")
    if diff.empty and not diff.meldingen:
        lines.append("Geen inhoudelijke wijzigingen.")
        return "\n".join(lines) + "\n"
    sentences = summary(diff)
    if sentences:
        lines += [*sentences, ""]
    for kop, items in groups(diff):
        lines.append(kop)
        for item in items:
            lines += _item_lines(item, diff)
        lines.append("")
    if diff.meldingen:
        lines.append("Niet te lezen: deze gewijzigde bestanden konden niet worden vergeleken")
        for m in diff.meldingen:
            f = m.finding
            lines.append(f"  {finding_line(f, file=f'{f.file} ({m.kant})')}")
        lines.append("")
    return "\n".join(lines)
