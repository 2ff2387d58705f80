"""The diff between two sides of the data: two revisions, or a revision and the working tree.

Only the files that git reports as changed are read and parsed (plus regio.yaml and
themas.yaml of the newest side, for names and filters), all through one
``git cat-file --batch`` process; with a cache (prestatie.cache), a version parsed
before (by blob id and path) is neither read nor parsed again. A renamed project
file is the same project; so is a file deleted in one place and added in another
with the same id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prestatie.collector import building
from prestatie.diff.compare import (
    compare_afspraak,
    compare_cyclus,
    compare_metingen,
    compare_overeenkomst,
    compare_project,
    compare_regio,
    compare_themas,
    date,
    mapping,
    planned,
    strings,
    text,
)
from prestatie.diff.model import DataDiff, ItemDiff, Kant, Melding, Wijziging
from prestatie.diff.scope import (
    Scope,
    afspraak_overeenkomsten,
    afspraak_themas,
    gemeente_names,
    indicator_names,
    plain_project,
    resolve_selection,
)
from prestatie.findings import Finding
from prestatie.gitsource import (
    BlobReader,
    Change,
    GitRepo,
    Revision,
    blob_source,
    commit_date,
    entry_problem,
    mode_problem,
)
from prestatie.layout import DATA_DIR, PLACES, Kind, kind_of, stem
from prestatie.selection import STANDAARD_DIFF, ProjectFacts, Standaard
from prestatie.source import FileToRead, SourceFile, read_file
from prestatie.yamlread import read_yaml

if TYPE_CHECKING:
    from prestatie.cache import Cache

WERKMAP = "werkmap"
# What the cache holds a file version's plain data under (cache.Cache.key), per kind.
CACHE_NAMESPACE = "gegevens"
_ORDER = {"nieuw": 0, "gewijzigd": 1, "verwijderd": 2}


@dataclass(slots=True)
class Version:
    """One version of one file: its path and its plain data (None when unreadable)."""

    path: str
    data: Any


Pair = tuple[Kind, Version | None, Version | None]  # one document's old and new version


def parse(source: SourceFile, kind: Kind, side: str) -> tuple[Any, list[Melding]]:
    """The plain data of one file, or the findings that say why it cannot be read."""
    return _Parser(None).parse(source, kind, side)


def plain_data(source: SourceFile | None, kind: Kind) -> Any:
    """The plain data of a file whose findings are not reported; None when absent or unreadable."""
    return parse(source, kind, "")[0] if source is not None else None


Parsed = tuple[Any, list[Finding]]  # the plain data (None with errors) and the reader's errors


class _Parser:
    """The plain data of file versions, through the cache when there is one.

    A version is known by its path and git blob id; one the cache holds need not even be
    read (``cached``), its SourceFile then carries no bytes, only the blob id.
    """

    def __init__(self, cache: Cache | None) -> None:
        self.cache = cache
        self._known: dict[tuple[str, str], Parsed] = {}
        self._absent: set[tuple[str, str]] = set()  # asked before, not in the cache

    def cached(self, path: str | None, oid: str | None) -> bool:
        """Whether the version ``oid`` of ``path`` was parsed before (then it need not be read)."""
        if self.cache is None or path is None or oid is None:
            return False
        if (path, oid) in self._known:
            return True
        if (path, oid) in self._absent:
            return False
        from prestatie.cache import Cache

        kind = kind_of(path)
        value = self.cache.get(Cache.key(f"{CACHE_NAMESPACE}:{kind}", path, oid)) if kind else None
        if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], list)):
            self._absent.add((path, oid))
            return False
        self._known[(path, oid)] = value
        return True

    def parse(self, source: SourceFile, kind: Kind, side: str) -> tuple[Any, list[Melding]]:
        if source.problem is not None:
            return None, [Melding(side, source.problem)]
        oid = source.oid
        if oid is None and self.cache is not None and source.raw is not None:
            from prestatie.cache import blob_id

            oid = blob_id(source.raw)
        if kind == kind_of(source.path) and self.cached(source.path, oid):
            assert oid is not None
            data, errors = self._known[(source.path, oid)]
        elif source.raw is None:
            return None, []
        else:
            outcome = read_yaml(source.raw, source.path, top=PLACES[kind].top)
            errors = [f for f in outcome.findings if f.severity == "error"]
            data = outcome.document.data if outcome.document is not None and not errors else None
            if self.cache is not None and oid is not None and kind == kind_of(source.path):
                from prestatie.cache import Cache

                self.cache.put(Cache.key(f"{CACHE_NAMESPACE}:{kind}", source.path, oid), (data, errors))
        return data, [Melding(side, f) for f in errors]

    def plain_data(self, source: SourceFile | None, kind: Kind) -> Any:
        return self.parse(source, kind, "")[0] if source is not None else None


# The semantic comparison of one document kind's two versions.
_COMPARE: Mapping[Kind, Callable[[Any, Any], list[Wijziging]]] = {
    "project": compare_project,
    "afspraak": compare_afspraak,
    "regio": compare_regio,
    "cyclus": compare_cyclus,
    "overeenkomst": compare_overeenkomst,
    "metingen": compare_metingen,
    "themas": compare_themas,
}


def build_item(kind: Kind, old: Version | None, new: Version | None) -> ItemDiff | None:
    """The item for one document's two versions; None when nothing changed semantically."""
    old_doc, new_doc = (old.data if old else None), (new.data if new else None)
    newest = new_doc if new_doc is not None else old_doc
    newest_path = new.path if new else old.path if old else ""
    wijziging = "nieuw" if old is None else "verwijderd" if new is None else "gewijzigd"
    changes = _COMPARE[kind](old_doc, new_doc)
    if wijziging == "gewijzigd" and not changes:
        return None
    doc = mapping(newest)
    ident = text(doc, "id") or text(doc, "indicator") or stem(newest_path)
    naam = text(doc, "naam") or text(doc, "titel") or ident
    item = ItemDiff(
        soort=kind,
        id=ident,
        naam=naam,
        wijziging=wijziging,  # type: ignore[arg-type]
        bestand=newest_path,
        vorig_bestand=old.path if old and new and old.path != new.path else None,
        status=text(doc, "status"),
        wijzigingen=changes,
    )
    if kind == "project":
        folder = newest_path.split("/")[2] if newest_path.count("/") >= 3 else None
        item.gemeente = text(doc, "gemeente") or folder
        item.oplevering = planned(doc)
        item.opgeleverd = date(doc.get("opgeleverd"))
    return item


def _pair_by_id(pairs: list[Pair]) -> None:
    """A document removed in one place and added in another with the same id is one document."""
    removed: dict[tuple[str, str], int] = {}
    for index, (kind, old, new) in enumerate(pairs):
        if old is not None and new is None and old.data is not None:
            removed[(kind, text(mapping(old.data), "id") or stem(old.path))] = index
    for index, (kind, old, new) in enumerate(pairs):
        if old is None and new is not None and new.data is not None:
            key = (kind, text(mapping(new.data), "id") or stem(new.path))
            if key in removed:
                other = removed.pop(key)
                pairs[index] = (kind, pairs[other][1], new)
                pairs[other] = (kind, None, None)
    pairs[:] = [pair for pair in pairs if pair[1] is not None or pair[2] is not None]


class _Sides:
    """Reads file versions at the old and new side through one cat-file process."""

    def __init__(
        self, repo: GitRepo, reader: BlobReader, old: Revision, new: Revision | None, parser: _Parser
    ) -> None:
        self.repo, self.reader, self.old, self.new = repo, reader, old, new
        self.parser = parser
        self.data_root = (repo.root / DATA_DIR).resolve()

    def name(self, revision: Revision | None) -> str:
        return revision.name if revision is not None else WERKMAP

    def worktree(self, path: str) -> SourceFile:
        return read_file(self.data_root, FileToRead(path, str(self.repo.root / path)))

    def read(
        self, changes: Sequence[Change], context: Sequence[str]
    ) -> tuple[list[tuple[SourceFile | None, SourceFile | None]], dict[str, SourceFile], list[bytes | None]]:
        """Both versions of every change, the context files at the new side, the commit objects."""
        names: list[str] = [self.old.commit] + ([self.new.commit] if self.new else [])
        commits = len(names)
        if self.new is not None:
            names += [self.repo.object_name(self.new.commit, path) for path in context]
        cached = self.parser.cached
        for change in changes:  # a version parsed before is not read
            names.append(change.old_oid or "" if not cached(change.old_path, change.old_oid) else "")
            names.append(change.new_oid or "" if not cached(change.new_path, change.new_oid) else "")
        wanted = [i for i, n in enumerate(names) if n]
        got = self.reader.read([names[i] for i in wanted])
        contents: list[bytes | None] = [None] * len(names)
        for i, raw in zip(wanted, got, strict=True):
            contents[i] = raw
        context_files: dict[str, SourceFile] = {}
        for offset, path in enumerate(context):
            if self.new is None:
                if (self.repo.root / path).is_file():
                    context_files[path] = self.worktree(path)
            elif (raw := contents[commits + offset]) is not None:
                context_files[path] = blob_source(path, raw)
        start = commits + (len(context) if self.new is not None else 0)
        versions: list[tuple[SourceFile | None, SourceFile | None]] = []
        for index, change in enumerate(changes):
            old_raw, new_raw = contents[start + 2 * index], contents[start + 2 * index + 1]
            old = self._version(change.old_path, change.old_oid, old_raw)
            if change.old_path and (problem := mode_problem(change.old_path, change.old_mode)):
                old = problem
            if change.new_path is None:
                new = None
            elif self.new is None:
                new = self.worktree(change.new_path)
            elif problem := mode_problem(change.new_path, change.new_mode):
                new = problem
            else:
                new = self._version(change.new_path, change.new_oid, new_raw)
            versions.append((old, new))
        return versions, context_files, contents[:commits]

    def _version(self, path: str | None, oid: str | None, raw: bytes | None) -> SourceFile | None:
        """One side of a change: read, or known to the parser by its blob id (then not read)."""
        if path is None:
            return None
        if raw is None:
            return SourceFile(path, None, oid=oid) if self.parser.cached(path, oid) else None
        return blob_source(path, raw, oid)

    def documents(
        self, kind: Kind, known: Mapping[str, Any], *, mentioning: Collection[str] | None = None
    ) -> dict[str, Any]:
        """The plain data of every file of ``kind`` at the new side: path -> data (None: unreadable).

        ``known`` holds the data of the files at the new side that the diff has already
        parsed (path -> data): they are not read twice. With ``mentioning``, a file whose
        text contains none of those words is not parsed (its data is None).
        """
        place = PLACES[kind]
        sources: dict[str, SourceFile] = {}
        if self.new is None:
            found = (p.relative_to(self.repo.root).as_posix() for p in self.repo.root.glob(place.glob()))
            paths = sorted(path for path in found if kind_of(path) == kind)
            sources = {path: self.worktree(path) for path in paths if path not in known}
        else:
            entries = [
                e
                for e in self.repo.list_files(self.new.commit, f"{DATA_DIR}/{place.parts[0]}/")
                if kind_of(e.path) == kind and entry_problem(e) is None
            ]
            paths = [e.path for e in entries]
            unread = [e for e in entries if e.path not in known]
            sources = {e.path: SourceFile(e.path, None, oid=e.oid) for e in unread
                       if self.parser.cached(e.path, e.oid)}  # fmt: skip
            unread = [e for e in unread if e.path not in sources]
            raws = self.reader.read([e.oid for e in unread])
            sources.update(
                (e.path, blob_source(e.path, raw, e.oid))
                for e, raw in zip(unread, raws, strict=True)
                if raw is not None
            )
        if mentioning is not None:
            needles = [word.encode("utf-8") for word in mentioning]
            sources = {
                path: source
                for path, source in sources.items()
                if source.raw is None or any(needle in source.raw for needle in needles)
            }
        parse = self.parser.plain_data
        parsed = {path: parse(sources.get(path), kind) for path in paths if path not in known}
        return {path: known[path] if path in known else parsed[path] for path in paths}


def diff_revisions(
    root: Path,
    van: str,
    tot: str | None = None,
    *,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
    overeenkomst: str | None = None,
    cache: Cache | None = None,
) -> DataDiff:
    """What changed in ``root/data`` from revision ``van`` to ``tot`` (None: the working tree).

    ``overeenkomst``: an id (with its parts) or 'alle'; None: every overeenkomst.
    """
    repo = GitRepo(root)
    old = repo.resolve(van)
    new = repo.resolve(tot) if tot is not None else None
    return diff_between(
        repo,
        old,
        new,
        gemeente=gemeente,
        corporatie=corporatie,
        thema=thema,
        overeenkomst=overeenkomst,
        cache=cache,
    )


def diff_between(
    repo: GitRepo,
    old: Revision,
    new: Revision | None,
    *,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
    overeenkomst: str | None = None,
    standaard: Standaard = STANDAARD_DIFF,
    peildatum: dt.date | None = None,
    projecten: Iterable[ProjectFacts] | None = None,
    cache: Cache | None = None,
) -> DataDiff:
    """What changed in the data from revision ``old`` to ``new`` (None: the working tree).

    ``overeenkomst``: an id (with its parts) or 'alle'; without it, ``standaard`` says
    which overeenkomsten are covered (``selection.STANDAARD`` with the ``peildatum``: the
    report's own choice; by default every one). ``projecten``: the projects at ``new``,
    when the caller has read them already (the report has); otherwise --corporatie reads
    the project files that it needs.
    ``cache``: file versions parsed before are taken from it (see prestatie.cache).
    """
    parser = _Parser(cache)
    changes = [c for c in repo.changed_files(old.commit, new.commit if new else None)
               if kind_of(c.old_path) or kind_of(c.new_path)]  # fmt: skip
    context = [PLACES["regio"].path(), PLACES["themas"].path()]
    # The collector kept off the freshly parsed data, as when a data set is loaded.
    with building(), repo.blobs() as reader:
        sides = _Sides(repo, reader, old, new, parser)
        versions, context_files, commits = sides.read(changes, context)
        regio_data = parser.plain_data(context_files.get(context[0]), "regio")
        themas_data = parser.plain_data(context_files.get(context[1]), "themas")
        meldingen: list[Melding] = []
        pairs, newest = _pairs(changes, versions, sides, meldingen)
        overeenkomsten = (
            sides.documents("overeenkomst", newest["overeenkomst"])
            if overeenkomst is not None or standaard != STANDAARD_DIFF
            else None
        )
        selection = resolve_selection(
            mapping(regio_data) or None,
            themas_data,
            gemeente=gemeente,
            corporatie=corporatie,
            thema=thema,
            overeenkomst=overeenkomst,
            overeenkomsten=overeenkomsten,
            standaard=standaard,
            peildatum=peildatum,
        )
        scope = Scope(selection)
        if selection.thema is not None or selection.overeenkomsten is not None:
            afspraken = sides.documents("afspraak", newest["afspraak"])
            scope = replace(
                scope,
                afspraak_themas=afspraak_themas(afspraken),
                afspraak_overeenkomsten=afspraak_overeenkomsten(afspraken),
            )
        # --corporatie keeps an afspraak with a project of the corporatie linked to it: only
        # the changed afspraken are asked about, and only files that name one can link to it.
        changed = {
            text(mapping(v.data), "id") or stem(v.path)
            for k, *vs in pairs
            if k == "afspraak"
            for v in vs
            if v
        }
        if selection.corporatie is not None and changed:
            if projecten is None:
                read = sides.documents("project", newest["project"], mentioning=changed).values()
                projecten = [plain_project(mapping(d)) for d in read if d is not None]
            scope = replace(scope, linked=selection.linked(projecten))
    if cache is not None:
        cache.save()
    result = DataDiff(
        van=Kant(old.name, old.commit, commit_date(commits[0])),
        tot=Kant(new.name, new.commit, commit_date(commits[1])) if new else Kant(None, None),
        filter=selection.as_filter(),
        gemeenten=gemeente_names(mapping(regio_data) or None),
        indicatoren=indicator_names(themas_data),
        meldingen=meldingen,
    )
    for kind, old_version, new_version in pairs:
        item = build_item(kind, old_version, new_version)
        if item is None or not _in_scope(scope, kind, old_version, new_version):
            continue
        if kind == "metingen":
            item.naam = result.indicatoren.get(item.id, (item.naam, ""))[0]
        item.wijzigingen = [w for w in item.wijzigingen if selection.concerns(w.gemeente)]
        if item.wijziging == "gewijzigd" and not item.wijzigingen:
            continue  # only other gemeenten's targets changed
        {"project": result.projecten, "afspraak": result.afspraken}.get(kind, result.overig).append(item)
    _sort(result)
    return result


def _pairs(
    changes: Sequence[Change],
    versions: Sequence[tuple[SourceFile | None, SourceFile | None]],
    sides: _Sides,
    meldingen: list[Melding],
) -> tuple[list[Pair], dict[Kind, dict[str, Any]]]:
    """Each changed document's two parsed versions, paired by id across files; and the data of
    the changed files at the new side, per kind (path -> data, None when unreadable)."""
    pairs: list[Pair] = []
    newest: dict[Kind, dict[str, Any]] = {kind: {} for kind in PLACES}
    for change, (old_source, new_source) in zip(changes, versions, strict=True):
        old_kind, new_kind = kind_of(change.old_path), kind_of(change.new_path)
        old_version = _version(sides.parser, old_source, old_kind, sides.name(sides.old), meldingen)
        new_version = _version(sides.parser, new_source, new_kind, sides.name(sides.new), meldingen)
        if new_kind is not None and new_source is not None:
            newest[new_kind][new_source.path] = new_version.data if new_version else None
        if old_kind == new_kind and old_kind is not None:
            if (old_source is not None and old_version is None) or (
                new_source is not None and new_version is None
            ):
                continue  # unreadable at one side: reported as a finding, not guessed at
            pairs.append((old_kind, old_version, new_version))
            continue
        if old_kind is not None and old_version is not None:
            pairs.append((old_kind, old_version, None))
        if new_kind is not None and new_version is not None:
            pairs.append((new_kind, None, new_version))
    _pair_by_id(pairs)
    return pairs, newest


def _version(
    parser: _Parser, source: SourceFile | None, kind: Kind | None, side: str, meldingen: list[Melding]
) -> Version | None:
    if source is None or kind is None:
        return None
    data, found = parser.parse(source, kind, side)
    meldingen.extend(found)
    return Version(source.path, data) if data is not None else None


def _in_scope(scope: Scope, kind: Kind, old: Version | None, new: Version | None) -> bool:
    # The choice of overeenkomsten applies to afspraken and agreements also when it is the default.
    if kind == "afspraak":
        return scope.afspraak(*((mapping(v.data), v.path) if v else None for v in (old, new)))
    if kind == "overeenkomst":
        return scope.overeenkomst(*((mapping(v.data), v.path) if v else None for v in (old, new)))
    if not scope.selection.active:
        return True
    if kind == "project":
        return scope.project(*(mapping(v.data) if v else None for v in (old, new)))
    return False  # regio, themas, metingen and cyclus concern everyone: shown only without a filter


def _sort(result: DataDiff) -> None:
    result.projecten.sort(
        key=lambda i: (result.gemeenten.get(i.gemeente or "", i.gemeente or "").casefold(),
                       _ORDER[i.wijziging], i.naam.casefold(), i.id)
    )  # fmt: skip
    result.afspraken.sort(key=lambda i: (_ORDER[i.wijziging], i.id))
    result.overig.sort(key=lambda i: i.bestand)
    result.meldingen.sort(key=lambda m: (m.finding.file, m.finding.line, m.kant))


__all__ = ["diff_revisions", "diff_between", "build_item", "parse", "plain_data", "strings"]
