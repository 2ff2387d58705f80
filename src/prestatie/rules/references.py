"""References: every id a file names exists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Iterator
from typing import Any

from prestatie.dataset import DataSet, Loaded
from prestatie.findings import Finding
from prestatie.rules.helpers import finding_at, suggestion
from prestatie.rules.registry import rule
from prestatie.suggest import did_you_mean
from prestatie.yamlread import YamlPath


class _Anything:
    """Every id: what a reference may name when the ids of its kind cannot be known."""

    def __contains__(self, item: object) -> bool:
        return True


class _References:
    """Checks references against the ids that exist, or says nothing when it cannot know.

    The sets of acceptable ids are built once per run, so that the check per reference
    is one membership test; only a reference that fails it costs a call.
    """

    def __init__(self, dataset: DataSet) -> None:
        self.dataset = dataset
        anything = _Anything()
        has_regio = dataset.regio is not None
        has_themas = dataset.themas is not None
        broken_afspraken = dataset.broken.get("afspraak", set())
        # What a reference of each kind may name without a finding: the ids that exist,
        # for afspraken also those of files that failed their schema (reported there);
        # anything when regio.yaml or themas.yaml is missing or broken.
        self.gemeente: Container[str] = dataset.gemeenten if has_regio else anything
        self.partij: Container[str] = dataset.partijen if has_regio else anything
        self.thema: Container[str] = dataset.themas_by_id if has_themas else anything
        self.indicator: Container[str] = dataset.indicatoren if has_themas else anything
        self.afspraak: Container[str] = set(dataset.afspraken_by_id) | broken_afspraken
        # Names of partijen (someone wrote 'HEEMwonen' for 'heemwonen'): built once, not per reference.
        self.partij_by_name = {p.naam: p.id for p in dataset.partijen.values()}

    def unknown(
        self, loaded: Loaded[Any], path: YamlPath, ident: str, kind: str, *, key: bool = False
    ) -> Finding:
        """PA203: ``ident``, a reference to a ``kind``, is not among the ids that exist."""
        dataset = self.dataset
        options: Iterable[str]
        if kind in ("gemeente", "partij"):
            options = dataset.gemeenten if kind == "gemeente" else dataset.partijen
            where = "data/regio.yaml"
        elif kind in ("thema", "indicator"):
            options = dataset.themas_by_id if kind == "thema" else dataset.indicatoren
            where = "data/themas.yaml"
        else:
            options = dataset.afspraken_by_id
            where = "data/afspraken/"
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
    gemeenten, partijen, themas = refs.gemeente, refs.partij, refs.thema
    indicatoren, afspraken = refs.indicator, refs.afspraak
    unknown = refs.unknown
    for loaded in dataset.afspraken:
        a = loaded.model
        if a.thema not in themas:
            yield unknown(loaded, ("thema",), a.thema, "thema")
        if a.trekker not in partijen:
            yield unknown(loaded, ("trekker",), a.trekker, "partij")
        for i, partij in enumerate(a.partijen):
            if partij not in partijen:
                yield unknown(loaded, ("partijen", i), partij, "partij")
        if a.gemeenten != "alle":
            for i, g in enumerate(a.gemeenten):
                if g not in gemeenten:
                    yield unknown(loaded, ("gemeenten", i), g, "gemeente")
        for i, doel in enumerate(a.doelen):
            if doel.indicator not in indicatoren:
                yield unknown(loaded, ("doelen", i, "indicator"), doel.indicator, "indicator")
            for gemeente in doel.per_gemeente or {}:
                if gemeente not in gemeenten:
                    path = ("doelen", i, "per_gemeente", gemeente)
                    yield unknown(loaded, path, gemeente, "gemeente", key=True)
    for project_file in dataset.projecten:
        p = project_file.model
        if p.gemeente not in gemeenten:
            yield unknown(project_file, ("gemeente",), p.gemeente, "gemeente")
        if p.trekker not in partijen:
            yield unknown(project_file, ("trekker",), p.trekker, "partij")
        for i, q in enumerate(p.partijen):
            if q not in partijen:
                yield unknown(project_file, ("partijen", i), q, "partij")
        for i, afspraak in enumerate(p.afspraken):
            if afspraak not in afspraken:
                yield unknown(project_file, ("afspraken", i), afspraak, "afspraak")
        for ind in p.bijdragen:
            if ind not in indicatoren:
                yield unknown(project_file, ("bijdragen", ind), ind, "indicator", key=True)
