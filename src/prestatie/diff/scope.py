"""The --gemeente, --corporatie, --thema and --overeenkomst filters of a diff, over plain data.

What a filter keeps is ``prestatie.selection`` (shared with status and the report);
this module reads the facts it needs from the plain data of each version. Names
resolve against the newest side's regio.yaml and themas.yaml. A change is in scope
when either version of the document is selected, so a project that moved out of a
gemeente still shows up there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from prestatie.diff.compare import Document, mapping, strings, text
from prestatie.layout import stem
from prestatie.selection import (
    STANDAARD_DIFF,
    OvereenkomstFeiten,
    Selection,
    Standaard,
    select,
    with_overeenkomsten,
)


@dataclass(frozen=True, slots=True)
class PlainProject:
    """A project's facts for the filters (selection.ProjectFacts), from its plain data."""

    gemeente: str | None
    trekker: str | None
    partijen: list[str]
    afspraken: list[str]


@dataclass(frozen=True, slots=True)
class PlainAfspraak:
    """An afspraak's facts for the filters (selection.AfspraakFacts), from its plain data."""

    id: str | None
    thema: str | None
    overeenkomst: str | None
    trekker: str | None
    partijen: list[str]
    gemeenten: list[str] | Literal["alle"]


def plain_project(doc: Document) -> PlainProject:
    return PlainProject(
        text(doc, "gemeente"),
        text(doc, "trekker"),
        strings(doc.get("partijen")),
        strings(doc.get("afspraken")),
    )


def plain_afspraak(doc: Document, path: str) -> PlainAfspraak:
    gemeenten = doc.get("gemeenten", "alle")
    return PlainAfspraak(
        text(doc, "id") or stem(path),
        text(doc, "thema"),
        text(doc, "overeenkomst"),
        text(doc, "trekker"),
        strings(doc.get("partijen")),
        "alle" if gemeenten == "alle" else strings(gemeenten),
    )


def afspraak_overeenkomsten(afspraken: Mapping[str, Any]) -> dict[str, str | None]:
    """Afspraak id -> overeenkomst id (None: the implicit one), from afspraak files (path -> data)."""
    result: dict[str, str | None] = {}
    for path, data in afspraken.items():
        facts = plain_afspraak(mapping(data), path)
        if facts.id is not None and data is not None:
            result[facts.id] = facts.overeenkomst
    return result


def afspraak_themas(afspraken: Mapping[str, Any]) -> dict[str, str]:
    """Afspraak id -> thema id, from the plain data of afspraak files (path -> data)."""
    result: dict[str, str] = {}
    for path, data in afspraken.items():
        facts = plain_afspraak(mapping(data), path)
        if facts.id is not None and facts.thema is not None:
            result[facts.id] = facts.thema
    return result


@dataclass(frozen=True, slots=True)
class Scope:
    """A selection with what it needs to know of the newest side beyond the changed files.

    ``afspraak_themas`` (afspraak id -> thema id) for --thema, ``linked`` (the
    afspraken with a project of the selection, ``Selection.linked``) for --corporatie,
    ``afspraak_overeenkomsten`` (afspraak id -> overeenkomst id) for --overeenkomst.
    """

    selection: Selection = field(default_factory=Selection)
    afspraak_themas: Mapping[str, str] = field(default_factory=dict)
    linked: Collection[str] = frozenset()
    afspraak_overeenkomsten: Mapping[str, str | None] = field(default_factory=dict)

    def project(self, *versions: Document | None) -> bool:
        return any(
            self.selection.project(plain_project(doc), self.afspraak_themas, self.afspraak_overeenkomsten)
            for doc in versions
            if doc is not None
        )

    def overeenkomst(self, *versions: tuple[Document, str] | None) -> bool:
        """Whether either version (its data and path) of an overeenkomst file is selected:
        one the selection covers, when no other filter than the overeenkomst is active."""
        selection = self.selection
        if selection.active and selection.chosen_overeenkomsten is None:
            return False  # --gemeente, --corporatie or --thema alone: an agreement concerns all
        covered = selection.overeenkomsten
        return covered is None or any(
            (text(doc, "id") or stem(path)) in covered for doc, path in (v for v in versions if v is not None)
        )

    def afspraak(self, *versions: tuple[Document, str] | None) -> bool:
        """Whether either version (its data and path) of an afspraak is selected."""
        return any(
            self.selection.afspraak(plain_afspraak(doc, path), self.linked)
            for doc, path in (v for v in versions if v is not None)
        )


def _names(items: Any) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in items if isinstance(items, list) else []:
        ident = text(mapping(item), "id")
        if ident is not None:
            result.setdefault(ident, text(mapping(item), "naam") or ident)
    return result


def gemeente_names(regio: Document | None) -> dict[str, str]:
    return _names(regio.get("gemeenten")) if regio else {}


def indicator_names(themas: Any) -> dict[str, tuple[str, str]]:
    result: dict[str, tuple[str, str]] = {}
    for thema in themas if isinstance(themas, list) else []:
        raw = mapping(thema).get("indicatoren")
        for indicator in raw if isinstance(raw, list) else []:
            ident = text(mapping(indicator), "id")
            if ident is not None:
                entry = mapping(indicator)
                result.setdefault(ident, (text(entry, "naam") or ident, text(entry, "eenheid") or ""))
    return result


def _day(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def overeenkomst_feiten(
    overeenkomsten: Mapping[str, Any], regio: Document | None
) -> list[OvereenkomstFeiten]:
    """What the choice of overeenkomsten reads, from the plain data of the overeenkomst
    files (path -> data); without any, a version 1 data set's one implicit overeenkomst."""
    result: list[OvereenkomstFeiten] = []
    for path, data in overeenkomsten.items():
        doc = mapping(data)
        ident = text(doc, "id") or stem(path)
        periode = mapping(doc.get("periode"))
        gemeenten = doc.get("gemeenten", "alle")
        result.append(
            OvereenkomstFeiten(
                ident,
                text(doc, "titel") or ident,
                text(doc, "onderdeel_van"),
                _day(periode.get("van")),
                _day(periode.get("tot")),
                None if gemeenten == "alle" else frozenset(strings(gemeenten)),
            )
        )
    if not result and regio:
        from prestatie.dataset import IMPLICIT_OVEREENKOMST  # pydantic: only on this rare path

        titel = text(regio, "titel") or text(regio, "naam") or IMPLICIT_OVEREENKOMST
        result.append(OvereenkomstFeiten(IMPLICIT_OVEREENKOMST, titel, None, None, None))
    return result


def resolve_selection(
    regio: Document | None,
    themas: Any,
    *,
    gemeente: str | None,
    corporatie: str | None,
    thema: str | None,
    overeenkomst: str | None = None,
    overeenkomsten: Mapping[str, Any] | None = None,
    standaard: Standaard = STANDAARD_DIFF,
    peildatum: dt.date | None = None,
) -> Selection:
    """Resolve the user's words to ids; an unknown one is a usage error (exit 2).

    ``overeenkomsten``: the plain data of the overeenkomst files (path -> data), needed
    with ``overeenkomst`` or a ``standaard`` other than every overeenkomst; which ones
    are covered is ``selection.choose_overeenkomsten``.
    """
    if (gemeente, corporatie, thema, overeenkomst) == (None,) * 4 and standaard == STANDAARD_DIFF:
        return Selection()
    corporaties = _names(regio.get("corporaties")) if regio else {}
    selection = select(
        gemeente_names(regio),
        corporaties,
        _names(themas),
        gemeente=gemeente,
        corporatie=corporatie,
        thema=thema,
    )
    if overeenkomst is None and standaard == STANDAARD_DIFF:
        return selection
    known = overeenkomst_feiten(overeenkomsten or {}, regio)
    return with_overeenkomsten(selection, overeenkomst, known, standaard=standaard, peildatum=peildatum)
