"""Resolving --gemeente, --corporatie and --thema: by id or by name, case-insensitively.

Shared by status, report and diff. An unknown name is a usage error (exit 2) that
lists the valid names and suggests the closest one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from prestatie.dataset import DataSet
from prestatie.errors import UsageError
from prestatie.suggest import did_you_mean


@dataclass(frozen=True, slots=True)
class Selection:
    """The ids a command restricts itself to; None means no restriction."""

    gemeente: str | None = None
    corporatie: str | None = None
    thema: str | None = None


def _label(ident: str, name: str) -> str:
    return name if name.casefold() == ident.casefold() else f"{name} ({ident})"


def resolve(text: str, names: Mapping[str, str], *, unknown: str, option: str) -> str:
    """The id in ``names`` (id -> name) that ``text`` means, by id or name.

    ``unknown`` starts the Dutch message ("Onbekende gemeente", "Onbekend thema").
    """
    wanted = text.strip().casefold()
    for ident, name in names.items():
        if wanted in (ident.casefold(), name.casefold()):
            return ident
    valid = ", ".join(sorted((_label(i, n) for i, n in names.items()), key=str.casefold)) or "(geen)"
    by_key = {**names, **{name: name for name in names.values()}}
    close = did_you_mean(text.strip(), by_key)
    hint = f" Bedoelde u '{by_key[close]}'?" if close is not None else ""
    raise UsageError(f"{unknown} '{text}' bij {option}.{hint} Kies uit: {valid}.")


def resolve_gemeente(dataset: DataSet, text: str) -> str:
    names = {ident: g.naam for ident, g in dataset.gemeenten.items()}
    return resolve(text, names, unknown="Onbekende gemeente", option="--gemeente")


def resolve_corporatie(dataset: DataSet, text: str) -> str:
    names = {ident: c.naam for ident, c in dataset.corporaties.items()}
    return resolve(text, names, unknown="Onbekende corporatie", option="--corporatie")


def resolve_thema(dataset: DataSet, text: str) -> str:
    names = {ident: t.naam for ident, t in dataset.themas_by_id.items()}
    return resolve(text, names, unknown="Onbekend thema", option="--thema")


def resolve_selection(
    dataset: DataSet,
    *,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
) -> Selection:
    """Turn the user's words into ids; raises UsageError for an unknown one."""
    return Selection(
        gemeente=resolve_gemeente(dataset, gemeente) if gemeente is not None else None,
        corporatie=resolve_corporatie(dataset, corporatie) if corporatie is not None else None,
        thema=resolve_thema(dataset, thema) if thema is not None else None,
    )
