"""Two versions of one document compared field by field: a list of Wijzigingen.

The documents are plain data as ``yamlread`` gives it (dicts, lists, text, numbers,
dates). The diff does not re-validate the schema, that is ``validate``'s job, so
every accessor here takes what it expects and treats anything else as absent:
comparing never fails, whatever a file holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from prestatie.diff.model import Value, Wijziging

Document = Mapping[str, Any]


def text(doc: Document | None, key: str) -> str | None:
    value = doc.get(key) if doc else None
    return value if isinstance(value, str) else None


def number(value: Any) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def mapping(value: Any) -> Mapping[Any, Any]:
    return value if isinstance(value, Mapping) else {}


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def planned(doc: Document | None, key: str = "oplevering") -> dt.date | None:
    return date(mapping(doc.get("planning") if doc else None).get(key))


def _moved(soort: str, old: dt.date | None, new: dt.date | None) -> list[Wijziging]:
    if old == new:
        return []
    if old is None or new is None:
        return [Wijziging(soort, old, new)]
    days = (new - old).days
    return [Wijziging(soort, old, new, dagen=days, vertraging=days > 0)]


def _field(soort: str, old: Value, new: Value) -> list[Wijziging]:
    return [] if old == new else [Wijziging(soort, old, new)]


def _same_number(a: Any, b: Any) -> bool:
    return number(a) == number(b) and (number(a) is not None or a == b)


def _amounts(old: Mapping[Any, Any], new: Mapping[Any, Any]) -> list[tuple[Any, Value, Value]]:
    """Per key of two mappings of amounts that differ: (key, before, after)."""
    result: list[tuple[Any, Value, Value]] = []
    for key in sorted({*old, *new}, key=str):
        before, after = old.get(key), new.get(key)
        if key in old and key in new and _same_number(before, after):
            continue
        result.append((key, number(before), number(after)))
    return result


def _members(soort: str, old: list[str], new: list[str]) -> list[Wijziging]:
    """A list of ids: one change with what was added and what was removed."""
    added = [x for x in new if x not in old]
    removed = [x for x in old if x not in new]
    if not added and not removed:
        return []
    return [Wijziging(soort, removed, added)]


def _voortgang(old: Document | None, new: Document | None) -> list[Wijziging]:
    def entries(doc: Document | None) -> list[tuple[dt.date | None, str]]:
        raw = doc.get("voortgang") if doc else None
        items = raw if isinstance(raw, list) else []
        return [(date(mapping(e).get("datum")), text(mapping(e), "toelichting") or "") for e in items]

    before, after = entries(old), entries(new)
    result = [
        Wijziging("voortgang", None, note, datum=day) for day, note in after if (day, note) not in before
    ]
    result += [
        Wijziging("voortgang", note, None, datum=day) for day, note in before if (day, note) not in after
    ]
    return result


def compare_project(old: Document | None, new: Document | None) -> list[Wijziging]:
    """What changed in a project; for a new or removed one, nothing (the item says so)."""
    if old is None or new is None:
        return []
    changes: list[Wijziging] = []
    changes += _field("id", text(old, "id"), text(new, "id"))
    changes += _field("gemeente", text(old, "gemeente"), text(new, "gemeente"))
    changes += _field("status", text(old, "status"), text(new, "status"))
    changes += _field("opgeleverd", date(old.get("opgeleverd")), date(new.get("opgeleverd")))
    changes += _moved("oplevering", planned(old), planned(new))
    changes += _moved("start", planned(old, "start"), planned(new, "start"))
    for key, before, after in _amounts(mapping(old.get("bijdragen")), mapping(new.get("bijdragen"))):
        changes.append(Wijziging("bijdrage", before, after, indicator=str(key)))
    old_investering, new_investering = old.get("investering"), new.get("investering")
    if not _same_number(old_investering, new_investering):
        changes.append(Wijziging("investering", number(old_investering), number(new_investering)))
    changes += compare_opleveringen(old, new)
    changes += _voortgang(old, new)
    changes += _field("naam", text(old, "naam"), text(new, "naam"))
    changes += _field("wijk", text(old, "wijk"), text(new, "wijk"))
    changes += _field("trekker", text(old, "trekker"), text(new, "trekker"))
    changes += _members("partijen", strings(old.get("partijen")), strings(new.get("partijen")))
    changes += _members("afspraken", strings(old.get("afspraken")), strings(new.get("afspraken")))
    return changes


def _doelen(doc: Document) -> dict[str, Mapping[Any, Any]]:
    raw = doc.get("doelen")
    result: dict[str, Mapping[Any, Any]] = {}
    for doel in raw if isinstance(raw, list) else []:
        indicator = text(mapping(doel), "indicator")
        if indicator is not None:
            result.setdefault(indicator, mapping(doel))
    return result


def _periode(doc: Document) -> str | None:
    periode = mapping(doc.get("periode"))
    van, tot = periode.get("van"), periode.get("tot")
    return f"{van}–{tot}" if van is not None or tot is not None else None


def _scope(doc: Document) -> list[str]:
    return strings(doc.get("gemeenten", "alle"))


def compare_afspraak(old: Document | None, new: Document | None) -> list[Wijziging]:
    if old is None or new is None:
        return []
    changes: list[Wijziging] = []
    changes += _field("id", text(old, "id"), text(new, "id"))
    changes += _field("status", text(old, "status"), text(new, "status"))
    old_doelen, new_doelen = _doelen(old), _doelen(new)
    for indicator in [*old_doelen, *[i for i in new_doelen if i not in old_doelen]]:
        before, after = old_doelen.get(indicator), new_doelen.get(indicator)
        if before is None or after is None:
            changes.append(
                Wijziging(
                    "doel",
                    number(before.get("streefwaarde")) if before else None,
                    number(after.get("streefwaarde")) if after else None,
                    indicator=indicator,
                )
            )
            continue
        if not _same_number(before.get("streefwaarde"), after.get("streefwaarde")):
            changes.append(
                Wijziging(
                    "streefwaarde",
                    number(before.get("streefwaarde")),
                    number(after.get("streefwaarde")),
                    indicator=indicator,
                )
            )
        for key, a, b in _amounts(mapping(before.get("jaarschijven")), mapping(after.get("jaarschijven"))):
            year = key if isinstance(key, int) and not isinstance(key, bool) else None
            changes.append(Wijziging("jaarschijf", a, b, indicator=indicator, jaar=year))
        for key, a, b in _amounts(mapping(before.get("per_gemeente")), mapping(after.get("per_gemeente"))):
            changes.append(Wijziging("per_gemeente", a, b, indicator=indicator, gemeente=str(key)))
    changes += compare_afspraak_v2(old, new)
    changes += _field("titel", text(old, "titel"), text(new, "titel"))
    changes += _field("thema", text(old, "thema"), text(new, "thema"))
    changes += _field("periode", _periode(old), _periode(new))
    changes += _field("trekker", text(old, "trekker"), text(new, "trekker"))
    changes += _members("gemeenten", _scope(old), _scope(new))
    changes += _members("partijen", strings(old.get("partijen")), strings(new.get("partijen")))
    changes += _field("nummer", text(old, "nummer"), text(new, "nummer"))
    if text(old, "omschrijving") != text(new, "omschrijving"):
        changes.append(Wijziging("omschrijving"))
    return changes


def _parties(doc: Document, kind: str) -> list[str]:
    raw = doc.get(kind)
    return [text(mapping(p), "id") or "" for p in raw] if isinstance(raw, list) else []


def compare_regio(old: Document | None, new: Document | None) -> list[Wijziging]:
    if old is None or new is None:
        return []
    changes: list[Wijziging] = []
    changes += _field("titel", text(old, "titel"), text(new, "titel"))
    old_periode, new_periode = mapping(old.get("periode")), mapping(new.get("periode"))
    changes += _moved("periode_van", date(old_periode.get("van")), date(new_periode.get("van")))
    changes += _moved("periode_tot", date(old_periode.get("tot")), date(new_periode.get("tot")))
    for kind in ("gemeenten", "corporaties", "huurdersorganisaties", "overige_partijen"):
        changes += _members(kind, _parties(old, kind), _parties(new, kind))
    if bool(old.get("voorbeeldgegevens")) != bool(new.get("voorbeeldgegevens")):
        changes.append(
            Wijziging("voorbeeldgegevens", old.get("voorbeeldgegevens"), new.get("voorbeeldgegevens"))
        )
    return changes


def indicator_ids(themas: Any) -> list[str]:
    result = []
    for thema in themas if isinstance(themas, list) else []:
        raw = mapping(thema).get("indicatoren")
        result += [text(mapping(i), "id") or "" for i in raw] if isinstance(raw, list) else []
    return result


def compare_themas(old: Any, new: Any) -> list[Wijziging]:
    if old is None or new is None:
        return []

    def thema_ids(themas: Any) -> list[str]:
        return [text(mapping(t), "id") or "" for t in themas] if isinstance(themas, list) else []

    return [
        *_members("themas", thema_ids(old), thema_ids(new)),
        *_members("indicatoren", indicator_ids(old), indicator_ids(new)),
    ]


# The dates of a trajectory of the Woningwet cycle (data/cyclus/<jaar>.yaml), and where
# each is in the trajectory.
_TRAJECT_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("evaluatie", ("evaluatie",)),
    ("huurdersadvies", ("huurdersadvies",)),
    ("bod", ("bod",)),
    ("overleg_gestart", ("overleg_gestart",)),
    ("ondertekend", ("ondertekend",)),
    ("geschil_ingediend", ("geschil", "ingediend")),
    ("geschil_uitspraak", ("geschil", "uitspraak")),
)


def _trajecten(doc: Document) -> dict[tuple[str, str], Mapping[Any, Any]]:
    raw = doc.get("trajecten")
    result: dict[tuple[str, str], Mapping[Any, Any]] = {}
    for item in raw if isinstance(raw, list) else []:
        traject = mapping(item)
        result.setdefault((text(traject, "gemeente") or "", text(traject, "corporatie") or ""), traject)
    return result


def _at(traject: Mapping[Any, Any], path: tuple[str, ...]) -> Any:
    value: Any = traject
    for step in path:
        value = mapping(value).get(step)
    return value


def compare_cyclus(old: Document | None, new: Document | None) -> list[Wijziging]:
    """Changed termijnen, and per trajectory (gemeente × corporatie) every changed date."""
    if old is None or new is None:
        return []
    changes: list[Wijziging] = []
    old_termijnen, new_termijnen = mapping(old.get("termijnen")), mapping(new.get("termijnen"))
    for name in ("bod", "afspraken"):
        changes += _field(f"termijn_{name}", date(old_termijnen.get(name)), date(new_termijnen.get(name)))
    before, after = _trajecten(old), _trajecten(new)
    for pair in [*before, *(p for p in after if p not in before)]:
        gemeente, corporatie = pair
        if pair not in after or pair not in before:
            present = pair in after
            changes.append(
                Wijziging("traject", None if present else "", "" if present else None, gemeente=gemeente,
                          corporatie=corporatie)
            )  # fmt: skip
            continue
        for soort, path in _TRAJECT_FIELDS:
            van, naar = date(_at(before[pair], path)), date(_at(after[pair], path))
            if van != naar:
                changes.append(Wijziging(soort, van, naar, gemeente=gemeente, corporatie=corporatie))
        van_text, naar_text = text(before[pair], "overeenkomst"), text(after[pair], "overeenkomst")
        if van_text != naar_text:
            changes.append(
                Wijziging("overeenkomst", van_text, naar_text, gemeente=gemeente, corporatie=corporatie)
            )
    return changes


# Version 2: overeenkomsten, metingen, and the new fields of afspraken and projects.

_DOEL_DEFAULTS = (("telling", "som"), ("bron", "projecten"), ("richting", "minimaal"))


def _doel_v2(indicator: str, before: Mapping[Any, Any], after: Mapping[Any, Any]) -> list[Wijziging]:
    """The version 2 fields of one doel: telling, bron, richting (with their defaults), nulmeting."""
    changes: list[Wijziging] = []
    for key, default in _DOEL_DEFAULTS:
        van, naar = text(before, key) or default, text(after, key) or default
        if van != naar:
            changes.append(Wijziging(f"doel_{key}", van, naar, indicator=indicator))
    old_nul, new_nul = mapping(before.get("nulmeting")), mapping(after.get("nulmeting"))
    old_day, new_day = date(old_nul.get("datum")), date(new_nul.get("datum"))
    if not old_nul or not new_nul or not _same_number(old_nul.get("waarde"), new_nul.get("waarde")):
        if old_nul or new_nul:
            changes.append(
                Wijziging("nulmeting", number(old_nul.get("waarde")), number(new_nul.get("waarde")),
                          indicator=indicator, datum=new_day or old_day)
            )  # fmt: skip
    if old_nul and new_nul and old_day != new_day:
        changes.append(Wijziging("nulmeting_datum", old_day, new_day, indicator=indicator))
    return changes


def _verantwoording(old: Document, new: Document) -> list[Wijziging]:
    """Per date: a new, removed or changed verantwoording (its oorzaak stands for it)."""

    def entries(doc: Document) -> dict[dt.date | None, Mapping[Any, Any]]:
        raw = doc.get("verantwoording")
        result: dict[dt.date | None, Mapping[Any, Any]] = {}
        for entry in raw if isinstance(raw, list) else []:
            result.setdefault(date(mapping(entry).get("datum")), mapping(entry))
        return result

    before, after = entries(old), entries(new)
    changes: list[Wijziging] = []
    for day in [*before, *(d for d in after if d not in before)]:
        a, b = before.get(day), after.get(day)
        if a is not None and b is not None and dict(a) == dict(b):
            continue
        changes.append(
            Wijziging("verantwoording", text(a, "oorzaak") if a is not None else None,
                      text(b, "oorzaak") if b is not None else None, datum=day)
        )  # fmt: skip
    return changes


def compare_afspraak_v2(old: Document | None, new: Document | None) -> list[Wijziging]:
    """The version 2 fields of an afspraak: overeenkomst, each doel's kind, verantwoording."""
    if old is None or new is None:
        return []
    changes = _field("overeenkomst", text(old, "overeenkomst"), text(new, "overeenkomst"))
    old_doelen, new_doelen = _doelen(old), _doelen(new)
    for indicator in old_doelen:
        if indicator in new_doelen:
            changes += _doel_v2(indicator, old_doelen[indicator], new_doelen[indicator])
    changes += _verantwoording(old, new)
    return changes


def compare_opleveringen(old: Document | None, new: Document | None) -> list[Wijziging]:
    """Per phase (by its date) and indicator: what a phase delivers, added, removed or changed."""
    if old is None or new is None:
        return []

    def phases(doc: Document) -> dict[dt.date | None, Mapping[Any, Any]]:
        raw = doc.get("opleveringen")
        result: dict[dt.date | None, Mapping[Any, Any]] = {}
        for entry in raw if isinstance(raw, list) else []:
            result.setdefault(date(mapping(entry).get("datum")), mapping(mapping(entry).get("bijdragen")))
        return result

    before, after = phases(old), phases(new)
    changes: list[Wijziging] = []
    for day in sorted({*before, *after}, key=lambda d: d or dt.date.min):
        for key, a, b in _amounts(before.get(day, {}), after.get(day, {})):
            changes.append(Wijziging("fase", a, b, indicator=str(key), datum=day))
    return changes


def _documenten(doc: Document) -> dict[str, Mapping[Any, Any]]:
    raw = doc.get("documenten")
    result: dict[str, Mapping[Any, Any]] = {}
    for entry in raw if isinstance(raw, list) else []:
        result.setdefault(text(mapping(entry), "titel") or "", mapping(entry))
    return result


def _ondertekenaars(doc: Document) -> list[str]:
    raw = doc.get("ondertekenaars")
    result = []
    for entry in raw if isinstance(raw, list) else []:
        partij, namens = text(mapping(entry), "partij") or "", strings(mapping(entry).get("namens"))
        result.append(f"{partij} (namens {', '.join(namens)})" if namens else partij)
    return result


def compare_overeenkomst(old: Document | None, new: Document | None) -> list[Wijziging]:
    if old is None or new is None:
        return []
    changes: list[Wijziging] = []
    changes += _field("id", text(old, "id"), text(new, "id"))
    changes += _field("titel", text(old, "titel"), text(new, "titel"))
    changes += _field("niveau", text(old, "niveau"), text(new, "niveau"))
    old_periode, new_periode = mapping(old.get("periode")), mapping(new.get("periode"))
    changes += _moved("periode_van", date(old_periode.get("van")), date(new_periode.get("van")))
    changes += _moved("periode_tot", date(old_periode.get("tot")), date(new_periode.get("tot")))
    changes += _field("ondertekend", date(old.get("ondertekend")), date(new.get("ondertekend")))
    changes += _members("ondertekenaars", _ondertekenaars(old), _ondertekenaars(new))
    changes += _members("gemeenten", _scope(old), _scope(new))
    changes += _field("onderdeel_van", text(old, "onderdeel_van"), text(new, "onderdeel_van"))
    changes += _field("vervangt", text(old, "vervangt"), text(new, "vervangt"))
    old_docs, new_docs = _documenten(old), _documenten(new)
    changes += _members("documenten", list(old_docs), list(new_docs))
    for titel in old_docs:
        if titel in new_docs and dict(old_docs[titel]) != dict(new_docs[titel]):
            changes.append(Wijziging("document", titel, titel))
    changes += _field("bron", text(old, "bron"), text(new, "bron"))
    return changes


MetingKey = tuple[str | None, str | None, dt.date | None, dt.date | None, dt.date | None]


def _metingen(doc: Document) -> dict[MetingKey, Mapping[Any, Any]]:
    """Each meting by its scope (gemeente, corporatie) and date (datum, or van and tot)."""
    raw = doc.get("metingen")
    result: dict[MetingKey, Mapping[Any, Any]] = {}
    for entry in raw if isinstance(raw, list) else []:
        m = mapping(entry)
        key = (text(m, "gemeente"), text(m, "corporatie"), date(m.get("datum")), date(m.get("van")),
               date(m.get("tot")))  # fmt: skip
        result.setdefault(key, m)
    return result


def compare_metingen(old: Document | None, new: Document | None) -> list[Wijziging]:
    """Per scope and date: a meting added, removed, or with another waarde or bron."""
    if old is None or new is None:
        return []
    indicator = text(new, "indicator") or text(old, "indicator")
    before, after = _metingen(old), _metingen(new)
    changes: list[Wijziging] = []
    for key in sorted({*before, *after}, key=lambda k: (k[2] or k[4] or dt.date.min, k[3] or dt.date.min,
                                                          k[0] or "", k[1] or "")):  # fmt: skip
        gemeente, corporatie, datum, van, tot = key
        a, b = before.get(key), after.get(key)
        if a is None or b is None or not _same_number(a.get("waarde"), b.get("waarde")):
            soort = "meting"
            old_value: Value = number(a.get("waarde")) if a is not None else None
            new_value: Value = number(b.get("waarde")) if b is not None else None
        elif text(a, "bron") != text(b, "bron"):
            soort, old_value, new_value = "meting_bron", text(a, "bron"), text(b, "bron")
        else:
            continue
        changes.append(
            Wijziging(soort, old_value, new_value, indicator=indicator, gemeente=gemeente,
                      corporatie=corporatie, datum=datum or tot, begin=van)
        )  # fmt: skip
    return changes
