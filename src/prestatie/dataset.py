"""From source files to a data set: reading and the schema of each file (the layout: ``layout``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar, get_args

from pydantic import BaseModel

from prestatie.cyclus.model import Cyclus
from prestatie.findings import Finding
from prestatie.layout import PLACES, Kind, classify, missing, stem
from prestatie.models import (
    Afspraak,
    DatumPeriode,
    Gemeente,
    Indicator,
    Metingen,
    Overeenkomst,
    Partij,
    Project,
    Regio,
    Thema,
    Themas,
)
from prestatie.schemacheck import check_document
from prestatie.source import SourceFile
from prestatie.suggest import id_for
from prestatie.yamlread import YamlDocument, read_yaml

T = TypeVar("T", bound=BaseModel)

_MODELS: dict[Kind, type[BaseModel]] = {
    "regio": Regio,
    "themas": Themas,
    "afspraak": Afspraak,
    "project": Project,
    "cyclus": Cyclus,
    "overeenkomst": Overeenkomst,
    "metingen": Metingen,
}
# The id of the one overeenkomst of a data set without data/overeenkomsten/ (version 1).
IMPLICIT_OVEREENKOMST = "regio"


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T]):
    """A model with the file it came from and the positions of its values."""

    model: T
    file: str
    document: YamlDocument

    @property
    def stem(self) -> str:
        return stem(self.file)

    @property
    def folder(self) -> str:
        return self.file.rsplit("/", 2)[-2]


@dataclass(slots=True)
class FileResult:
    """What reading one file gave: its kind, its model if valid, its findings."""

    path: str
    kind: Kind | None
    loaded: Loaded[BaseModel] | None
    findings: list[Finding]
    # PA105 findings (in ``findings``) with the text written there: see assemble().
    invalid_ids: list[tuple[Finding, str]] = field(default_factory=list)

    def __reduce__(self) -> tuple[Any, ...]:
        # Between processes, send the plain data and not the model: pickling Pydantic
        # models costs far more than validating the data again on the other side.
        # (After compact() the document reads its bytes again for that: correct, slower.)
        document = self.loaded.document if self.loaded is not None else None
        written = [(self.findings.index(f), text) for f, text in self.invalid_ids]
        return (_rebuild_result, (self.path, self.kind, self.findings, document, written))

    def compact(self) -> FileResult:
        """Keep the result in as little memory as it takes, once it stays in this process.

        The plain data is let go of (YamlDocument.release): what stays per file is the
        model, the findings and the file's bytes (for positions); the model's instances
        share their sets of given field names (_share_fields_sets). Every use of the
        result is unchanged; only pickling it again costs a second read of the bytes, so
        a result that is to be sent or stored is pickled before this. Returns the result.
        """
        if self.loaded is not None:
            self.loaded.document.release()
            _share_fields_sets(self.loaded.model)
        return self


def _rebuild_result(
    path: str,
    kind: Kind | None,
    findings: list[Finding],
    document: YamlDocument | None,
    written: list[tuple[int, str]],
) -> FileResult:
    invalid_ids = [(findings[index], text) for index, text in written]
    if kind is None or document is None:
        return FileResult(path, kind, None, findings, invalid_ids)
    model = _MODELS[kind].model_validate(document.data)
    return FileResult(path, kind, Loaded(model, path, document), findings, invalid_ids).compact()


# One set of given field names per distinct set (see _share_fields_sets).
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
# For each class met in a model: the names of its fields that can hold models (None:
# not a model).
_NESTED: dict[type, tuple[str, ...] | None] = {}


def _share_fields_sets(model: BaseModel) -> BaseModel:
    """Let instances with the same given fields share one set of their names.

    Pydantic gives every model instance its own set of the fields the data gave
    (``model_fields_set``, for ``exclude_unset``): 200 to 700 bytes each, a fifth of a
    project's memory. The models here are frozen, so that set never changes after
    validation (``model_copy`` copies it before it adds to it): one set for each
    distinct set of names is enough. Returns ``model``.
    """
    stack: list[Any] = [model]
    while stack:
        current = stack.pop()
        kind = current.__class__
        if kind not in _NESTED:
            _NESTED[kind] = _nested_fields(kind)
        nested = _NESTED[kind]
        if nested is None:
            continue
        given = current.__pydantic_fields_set__
        shared = _FIELDS_SETS.setdefault(frozenset(given), given)
        if shared is not given:
            object.__setattr__(current, "__pydantic_fields_set__", shared)
        values = current.__dict__
        for name in nested:
            value = values[name]
            if value.__class__ is list:
                stack.extend(value)
            elif value.__class__ is dict:
                stack.extend(value.values())
            elif value is not None:
                stack.append(value)
    return model


def _nested_fields(kind: type) -> tuple[str, ...] | None:
    """The fields of model class ``kind`` whose annotation names a model; None for a non-model."""
    if not issubclass(kind, BaseModel):
        return None
    return tuple(name for name, info in kind.model_fields.items() if _names_a_model(info.annotation))


def _names_a_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_names_a_model(argument) for argument in get_args(annotation))


HasId = TypeVar("HasId", Gemeente, Partij, Thema)


def _first_by_id(items: Iterable[HasId]) -> dict[str, HasId]:
    """Index by id; of two with the same id (PA202) the first counts, as in every index here."""
    result: dict[str, HasId] = {}
    for item in items:
        result.setdefault(item.id, item)
    return result


def load_file(source: SourceFile) -> FileResult:
    """Read and check one file; never raises for any content."""
    if source.problem is not None:
        return FileResult(source.path, None, None, [source.problem])
    kind, problem = classify(source.path)
    if kind is None or source.raw is None:
        return FileResult(source.path, None, None, [problem] if problem else [])
    outcome = read_yaml(source.raw, source.path, top=PLACES[kind].top)
    findings = list(outcome.findings)
    if outcome.document is None:
        return FileResult(source.path, kind, None, findings)
    invalid_ids: list[tuple[Finding, str]] = []
    model, schema_findings = check_document(
        _MODELS[kind], outcome.document, source.path, outcome.bad_paths, outcome.thousands, invalid_ids
    )
    findings.extend(schema_findings)
    if model is None:
        return FileResult(source.path, kind, None, findings, invalid_ids)
    return FileResult(source.path, kind, Loaded(model, source.path, outcome.document), findings)


@dataclass
class DataSet:
    """Every valid file of one data set, with indexes by id.

    Files that did not pass their schema are not in here (their findings are);
    lists keep duplicates so that the rules can report them.
    """

    files: int = 0
    paths: list[str] = field(default_factory=list)  # the files counted in ``files``
    regio: Loaded[Regio] | None = None
    themas: Loaded[Themas] | None = None
    afspraken: list[Loaded[Afspraak]] = field(default_factory=list)
    projecten: list[Loaded[Project]] = field(default_factory=list)
    cycli: list[Loaded[Cyclus]] = field(default_factory=list)
    overeenkomsten: list[Loaded[Overeenkomst]] = field(default_factory=list)
    metingen: list[Loaded[Metingen]] = field(default_factory=list)
    # Whether data/overeenkomsten/ holds any .yaml file (valid or not): then every
    # afspraak names its overeenkomst, otherwise regio.yaml is the one (version 1).
    has_overeenkomsten: bool = False
    # The directory that holds data/, when read from disk (documents are checked there).
    root: Path | None = None
    # Stems of files that exist but did not pass their schema: a reference to one
    # of these is not reported again as unknown.
    broken: dict[Kind, set[str]] = field(default_factory=dict)

    @cached_property
    def gemeenten(self) -> dict[str, Gemeente]:
        return _first_by_id(self.regio.model.gemeenten) if self.regio else {}

    @cached_property
    def corporaties(self) -> dict[str, Partij]:
        return _first_by_id(self.regio.model.corporaties) if self.regio else {}

    @cached_property
    def partijen(self) -> dict[str, Partij]:
        """Every party (gemeente, corporatie, huurdersorganisatie, other): one namespace."""
        if self.regio is None:
            return {}
        regio = self.regio.model
        everyone: list[Partij] = [
            *regio.gemeenten,
            *regio.corporaties,
            *regio.huurdersorganisaties,
            *regio.overige_partijen,
        ]
        return _first_by_id(everyone)

    @cached_property
    def themas_by_id(self) -> dict[str, Thema]:
        return _first_by_id(self.themas.model.root) if self.themas else {}

    @cached_property
    def indicatoren(self) -> dict[str, tuple[Indicator, Thema]]:
        result: dict[str, tuple[Indicator, Thema]] = {}
        for thema in self.themas_by_id.values():
            for indicator in thema.indicatoren:
                result.setdefault(indicator.id, (indicator, thema))
        return result

    @cached_property
    def afspraken_by_id(self) -> dict[str, Loaded[Afspraak]]:
        result: dict[str, Loaded[Afspraak]] = {}
        for loaded in self.afspraken:
            result.setdefault(loaded.model.id, loaded)
        return result

    @cached_property
    def projecten_by_id(self) -> dict[str, Loaded[Project]]:
        result: dict[str, Loaded[Project]] = {}
        for loaded in self.projecten:
            result.setdefault(loaded.model.id, loaded)
        return result

    @cached_property
    def overeenkomsten_by_id(self) -> dict[str, Overeenkomst]:
        """Every overeenkomst by id; without data/overeenkomsten/ the one implicit 'regio'."""
        if not self.has_overeenkomsten:
            regio = self.regio.model if self.regio is not None else None
            if regio is None or regio.periode is None:
                return {}
            implicit = Overeenkomst(
                id=IMPLICIT_OVEREENKOMST,
                titel=regio.titel or regio.naam,
                niveau="regionaal",
                periode=DatumPeriode(van=regio.periode.van, tot=regio.periode.tot),
                ondertekend=regio.ondertekend,
            )
            return {IMPLICIT_OVEREENKOMST: implicit}
        result: dict[str, Overeenkomst] = {}
        for loaded in self.overeenkomsten:
            result.setdefault(loaded.model.id, loaded.model)
        return result

    def overeenkomst_of(self, afspraak: Afspraak) -> Overeenkomst | None:
        """The overeenkomst an afspraak belongs to (None when unknown)."""
        if not self.has_overeenkomsten:
            return self.overeenkomsten_by_id.get(IMPLICIT_OVEREENKOMST)
        return self.overeenkomsten_by_id.get(afspraak.overeenkomst or "")

    @cached_property
    def metingen_by_indicator(self) -> dict[str, Metingen]:
        result: dict[str, Metingen] = {}
        for loaded in self.metingen:
            result.setdefault(loaded.model.indicator, loaded.model)
        return result

    @cached_property
    def opvolgers(self) -> dict[str, set[str]]:
        """Party id -> the ids of the parties that merged into it, directly or through others."""
        merged: dict[str, set[str]] = defaultdict(set)
        for partij in self.partijen.values():
            seen: set[str] = {partij.id}
            current = partij
            while current.opgegaan_in is not None and current.opgegaan_in.partij not in seen:
                successor = current.opgegaan_in.partij
                merged[successor].add(partij.id)
                seen.add(successor)
                following = self.partijen.get(successor)
                if following is None:
                    break
                current = following
        return dict(merged)

    def afspraak_gemeenten(self, afspraak: Afspraak) -> list[str]:
        """The ids of the gemeenten an afspraak applies to."""
        if afspraak.gemeenten == "alle":
            return list(self.gemeenten)
        return list(afspraak.gemeenten)


def assemble(results: Iterable[FileResult]) -> tuple[DataSet, list[Finding]]:
    """Gather per-file results into one data set and all their findings."""
    dataset = DataSet()
    findings: list[Finding] = []
    present: set[Kind] = set()
    invalid_ids: list[tuple[Finding, str]] = []
    for result in results:
        if result.kind is not None or result.findings:
            dataset.files += 1  # explanatory .md files are not checked, so not counted
            dataset.paths.append(result.path)
        findings.extend(result.findings)
        invalid_ids.extend(result.invalid_ids)
        if result.kind is not None:
            present.add(result.kind)
            if result.kind == "overeenkomst":
                dataset.has_overeenkomsten = True
        loaded = result.loaded
        if loaded is None:
            if result.kind is not None:
                dataset.broken.setdefault(result.kind, set()).add(stem(result.path))
            continue
        model = loaded.model
        if isinstance(model, Regio):
            dataset.regio = Loaded(model, loaded.file, loaded.document)
        elif isinstance(model, Themas):
            dataset.themas = Loaded(model, loaded.file, loaded.document)
        elif isinstance(model, Afspraak):
            dataset.afspraken.append(Loaded(model, loaded.file, loaded.document))
        elif isinstance(model, Project):
            dataset.projecten.append(Loaded(model, loaded.file, loaded.document))
        elif isinstance(model, Cyclus):
            dataset.cycli.append(Loaded(model, loaded.file, loaded.document))
        elif isinstance(model, Overeenkomst):
            dataset.overeenkomsten.append(Loaded(model, loaded.file, loaded.document))
        elif isinstance(model, Metingen):
            dataset.metingen.append(Loaded(model, loaded.file, loaded.document))
    absent = [place.kind for place in PLACES.values() if place.required and place.kind not in present]
    findings.extend(missing(kind) for kind in absent)
    if invalid_ids:
        findings = _with_ids_for_names(dataset, findings, invalid_ids)
    return dataset, findings


def _with_ids_for_names(
    dataset: DataSet, findings: list[Finding], invalid_ids: list[tuple[Finding, str]]
) -> list[Finding]:
    """PA105 for a name written where an id belongs ('Kerkrade', 'HEEMwonen') says the id.

    The CLI accepts a gemeente, partij or thema by id or by name; a file needs the id,
    so the finding names the id that the CLI would have taken the text for.
    """
    names: dict[str, str] = {
        **{p.id: p.naam for p in dataset.partijen.values()},
        **{t.id: t.naam for t in dataset.themas_by_id.values()},
        **{ident: indicator.naam for ident, (indicator, _) in dataset.indicatoren.items()},
        **{ident: loaded.model.titel for ident, loaded in dataset.afspraken_by_id.items()},
    }
    hints: dict[int, str] = {}
    for finding, text in invalid_ids:
        ident = id_for(text, names)
        if ident is not None:
            what = "een naam" if text.strip().casefold() == names[ident].casefold() else "geen id"
            hints[id(finding)] = (
                f"'{text}' is {what}; hier hoort een id (kleine letters, cijfers en koppeltekens): "
                f"gebruik de id '{ident}'."
            )
    return [replace(f, message=hints[id(f)]) if id(f) in hints else f for f in findings]
