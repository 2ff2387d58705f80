"""References: every id a file names exists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from prestatie.dataset import DataSet, Loaded
from prestatie.findings import Finding
from prestatie.rules.helpers import finding_at, suggestion
from prestatie.rules.registry import rule
from prestatie.suggest import did_you_mean
from prestatie.yamlread import YamlPath


class _References:
    """Checks one reference against the ids that exist, or says nothing when it cannot know."""

    def __init__(self, dataset: DataSet) -> None:
        self.dataset = dataset
        self.has_regio = dataset.regio is not None
        self.has_themas = dataset.themas is not None
        self.broken_afspraken = dataset.broken.get("afspraak", set())
        # Names of partijen (someone wrote 'HEEMwonen' for 'heemwonen'): built once, not per reference.
        self.partij_by_name = {p.naam: p.id for p in dataset.partijen.values()}

    def unknown(
        self, loaded: Loaded[Any], path: YamlPath, ident: str, kind: str, *, key: bool = False
    ) -> Finding | None:
        """PA203 when ``ident`` (a reference to a ``kind``) does not exist."""
        dataset = self.dataset
        options: Iterable[str]
        if kind in ("gemeente", "partij"):
            if not self.has_regio:
                return None
            options = dataset.gemeenten if kind == "gemeente" else dataset.partijen
            where = "data/regio.yaml"
        elif kind in ("thema", "indicator"):
            if not self.has_themas:
                return None
            options = dataset.themas_by_id if kind == "thema" else dataset.indicatoren
            where = "data/themas.yaml"
        else:
            if ident in self.broken_afspraken:
                return None
            options = dataset.afspraken_by_id
            where = "data/afspraken/"
        if ident in options:
            return None
        hint = suggestion(ident, options)
        if kind == "partij" and not hint:
            # Someone wrote the name ("HEEMwonen") instead of the id ("heemwonen")?
            by_name = self.partij_by_name
            name = did_you_mean(ident, by_name)
            hint = f" Bedoelde u '{by_name[name]}'?" if name else ""
        return finding_at(
            loaded,
            path,
            "PA203",
            f"Er bestaat geen {kind} met de id '{ident}'.{hint} "
            f"Gebruik een id die in {where} staat (let op: de id, niet de naam).",
            key=key,
        )


@rule("PA203")
def unknown_references(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    refs = _References(dataset)
    found: list[Finding | None] = []
    for loaded in dataset.afspraken:
        a = loaded.model
        found.append(refs.unknown(loaded, ("thema",), a.thema, "thema"))
        found.append(refs.unknown(loaded, ("trekker",), a.trekker, "partij"))
        found.extend(refs.unknown(loaded, ("partijen", i), p, "partij") for i, p in enumerate(a.partijen))
        if a.gemeenten != "alle":
            found.extend(
                refs.unknown(loaded, ("gemeenten", i), g, "gemeente") for i, g in enumerate(a.gemeenten)
            )
        for i, doel in enumerate(a.doelen):
            found.append(refs.unknown(loaded, ("doelen", i, "indicator"), doel.indicator, "indicator"))
            for gemeente in doel.per_gemeente or {}:
                path = ("doelen", i, "per_gemeente", gemeente)
                found.append(refs.unknown(loaded, path, gemeente, "gemeente", key=True))
    for project_file in dataset.projecten:
        p = project_file.model
        found.append(refs.unknown(project_file, ("gemeente",), p.gemeente, "gemeente"))
        found.append(refs.unknown(project_file, ("trekker",), p.trekker, "partij"))
        found.extend(
            refs.unknown(project_file, ("partijen", i), q, "partij") for i, q in enumerate(p.partijen)
        )
        found.extend(
            refs.unknown(project_file, ("afspraken", i), a, "afspraak") for i, a in enumerate(p.afspraken)
        )
        found.extend(
            refs.unknown(project_file, ("bijdragen", ind), ind, "indicator", key=True) for ind in p.bijdragen
        )
    yield from (f for f in found if f is not None)
