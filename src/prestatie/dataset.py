"""From source files to a data set: layout, reading and the schema of each file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel

from prestatie.codes import severity_of
from prestatie.findings import Finding
from prestatie.models import Afspraak, Gemeente, Indicator, Partij, Project, Regio, Thema, Themas
from prestatie.schemacheck import check_document
from prestatie.source import DATA_DIR, SourceFile
from prestatie.yamlread import YamlDocument, read_yaml

Kind = Literal["regio", "themas", "afspraak", "project"]
T = TypeVar("T", bound=BaseModel)

_MODELS: dict[Kind, type[BaseModel]] = {
    "regio": Regio,
    "themas": Themas,
    "afspraak": Afspraak,
    "project": Project,
}
_IGNORED_SUFFIXES = (".md", ".txt")


def _stem(path: str) -> str:
    """The id a data file's name gives: ``data/afspraken/x.yaml`` -> ``x``."""
    return path.rsplit("/", 1)[-1].removesuffix(".yaml")


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T]):
    """A model with the file it came from and the positions of its values."""

    model: T
    file: str
    document: YamlDocument

    @property
    def stem(self) -> str:
        return _stem(self.file)

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

    def __reduce__(self) -> tuple[Any, ...]:
        # Between processes, send the plain data and not the model: pickling Pydantic
        # models costs far more than validating the data again on the other side.
        document = self.loaded.document if self.loaded is not None else None
        return (_rebuild_result, (self.path, self.kind, self.findings, document))


def _rebuild_result(
    path: str, kind: Kind | None, findings: list[Finding], document: YamlDocument | None
) -> FileResult:
    if kind is None or document is None:
        return FileResult(path, kind, None, findings)
    model = _MODELS[kind].model_validate(document.data)
    return FileResult(path, kind, Loaded(model, path, document), findings)


def _layout_problem(path: str, message: str) -> Finding:
    return Finding(path, 1, 1, "PA213", severity_of("PA213"), message)


def classify(path: str) -> tuple[Kind | None, Finding | None]:
    """Which kind of file ``path`` is (relative to the root), or why it fits nowhere."""
    parts = path.split("/")
    if parts[0] != DATA_DIR:
        return None, _layout_problem(path, "Dit bestand staat niet in data/.")
    inner = parts[1:]
    name = inner[-1]
    if name.endswith(_IGNORED_SUFFIXES):
        return None, None
    if name.endswith(".yml"):
        return None, _layout_problem(
            path, f"Gebruik de extensie .yaml, niet .yml: hernoem het bestand naar {name[:-4]}.yaml."
        )
    if not name.endswith(".yaml"):
        return None, _layout_problem(
            path, "Onbekend soort bestand in data/. Alleen .yaml-bestanden (en .md-uitleg) horen hier."
        )
    if inner == ["regio.yaml"]:
        return "regio", None
    if inner == ["themas.yaml"]:
        return "themas", None
    if len(inner) == 2 and inner[0] == "afspraken":
        return "afspraak", None
    if len(inner) == 3 and inner[0] == "projecten":
        return "project", None
    if len(inner) == 2 and inner[0] == "projecten":
        return None, _layout_problem(
            path,
            "Een project hoort in de map van zijn gemeente: verplaats het naar "
            f"data/projecten/<gemeente>/{name}.",
        )
    return None, _layout_problem(
        path,
        "Dit bestand past niet in de indeling van data/: regio.yaml, themas.yaml, "
        "afspraken/<id>.yaml en projecten/<gemeente>/<id>.yaml.",
    )


def load_file(source: SourceFile) -> FileResult:
    """Read and check one file; never raises for any content."""
    if source.problem is not None:
        return FileResult(source.path, None, None, [source.problem])
    kind, problem = classify(source.path)
    if kind is None or source.raw is None:
        return FileResult(source.path, None, None, [problem] if problem else [])
    outcome = read_yaml(source.raw, source.path, top=list if kind == "themas" else dict)
    findings = list(outcome.findings)
    if outcome.document is None:
        return FileResult(source.path, kind, None, findings)
    model, schema_findings = check_document(_MODELS[kind], outcome.document, source.path, outcome.bad_paths)
    findings.extend(schema_findings)
    if model is None:
        return FileResult(source.path, kind, None, findings)
    return FileResult(source.path, kind, Loaded(model, source.path, outcome.document), findings)


@dataclass
class DataSet:
    """Every valid file of one data set, with indexes by id.

    Files that did not pass their schema are not in here (their findings are);
    lists keep duplicates so that the rules can report them.
    """

    files: int = 0
    regio: Loaded[Regio] | None = None
    themas: Loaded[Themas] | None = None
    afspraken: list[Loaded[Afspraak]] = field(default_factory=list)
    projecten: list[Loaded[Project]] = field(default_factory=list)
    # Stems of files that exist but did not pass their schema: a reference to one
    # of these is not reported again as unknown.
    broken: dict[Kind, set[str]] = field(default_factory=dict)

    @cached_property
    def gemeenten(self) -> dict[str, Gemeente]:
        return {g.id: g for g in self.regio.model.gemeenten} if self.regio else {}

    @cached_property
    def corporaties(self) -> dict[str, Partij]:
        return {c.id: c for c in self.regio.model.corporaties} if self.regio else {}

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
        result: dict[str, Partij] = {}
        for partij in everyone:
            result.setdefault(partij.id, partij)
        return result

    @cached_property
    def themas_by_id(self) -> dict[str, Thema]:
        return {t.id: t for t in self.themas.model.root} if self.themas else {}

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
    for result in results:
        if result.kind is not None or result.findings:
            dataset.files += 1  # explanatory .md files are not checked, so not counted
        findings.extend(result.findings)
        if result.kind is not None:
            present.add(result.kind)
        loaded = result.loaded
        if loaded is None:
            if result.kind is not None:
                dataset.broken.setdefault(result.kind, set()).add(_stem(result.path))
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
    for kind, name in (("regio", "regio.yaml"), ("themas", "themas.yaml")):
        if kind not in present:
            findings.append(
                _layout_problem(
                    f"{DATA_DIR}/{name}",
                    f"Het bestand data/{name} ontbreekt; zonder dit bestand kan niets worden gecontroleerd.",
                )
            )
    return dataset, findings
