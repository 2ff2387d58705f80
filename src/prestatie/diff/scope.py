"""The --gemeente, --corporatie and --thema filters of a diff.

Names resolve against the newest side's regio.yaml and themas.yaml (through
``prestatie.selection``, shared with status and report). A change is in scope when
either version of the document matches, so a project that moved out of a gemeente
still shows up there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from prestatie.diff.compare import Document, mapping, strings, text


@dataclass(frozen=True, slots=True)
class Scope:
    gemeente: str | None = None
    corporatie: str | None = None
    thema: str | None = None
    afspraak_themas: Mapping[str, str] = field(default_factory=dict)  # afspraak id -> thema id

    @property
    def active(self) -> bool:
        return any((self.gemeente, self.corporatie, self.thema))

    def as_filter(self) -> dict[str, str | None]:
        return {"gemeente": self.gemeente, "corporatie": self.corporatie, "thema": self.thema}

    def _corporatie_in(self, doc: Document) -> bool:
        """Whether the corporatie of --corporatie leads or takes part in a project or afspraak."""
        return text(doc, "trekker") == self.corporatie or self.corporatie in strings(doc.get("partijen"))

    def project(self, *versions: Document | None) -> bool:
        docs = [v for v in versions if v is not None]
        if self.gemeente and not any(text(d, "gemeente") == self.gemeente for d in docs):
            return False
        if self.corporatie and not any(self._corporatie_in(d) for d in docs):
            return False
        if self.thema and not any(
            self.afspraak_themas.get(a) == self.thema for d in docs for a in strings(d.get("afspraken"))
        ):
            return False
        return True

    def afspraak(self, *versions: Document | None) -> bool:
        docs = [v for v in versions if v is not None]
        if self.gemeente and not any(
            d.get("gemeenten", "alle") == "alle" or self.gemeente in strings(d.get("gemeenten")) for d in docs
        ):
            return False
        if self.corporatie and not any(self._corporatie_in(d) for d in docs):
            return False
        if self.thema and not any(text(d, "thema") == self.thema for d in docs):
            return False
        return True


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


def resolve_scope(
    regio: Document | None,
    themas: Any,
    afspraak_themas: Mapping[str, str],
    *,
    gemeente: str | None,
    corporatie: str | None,
    thema: str | None,
) -> Scope:
    """Resolve the user's words to ids; an unknown one is a usage error (exit 2)."""
    if gemeente is None and corporatie is None and thema is None:
        return Scope()
    from prestatie.selection import resolve

    def pick(words: str | None, names: dict[str, str], unknown: str, option: str) -> str | None:
        return resolve(words, names, unknown=unknown, option=option) if words is not None else None

    corporaties = _names(regio.get("corporaties")) if regio else {}
    return Scope(
        gemeente=pick(gemeente, gemeente_names(regio), "Onbekende gemeente", "--gemeente"),
        corporatie=pick(corporatie, corporaties, "Onbekende corporatie", "--corporatie"),
        thema=pick(thema, _names(themas), "Onbekend thema", "--thema"),
        afspraak_themas=afspraak_themas,
    )
