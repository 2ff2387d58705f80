"""The validate pipeline: read every file, check each against its schema, then the rules.

Reading and the schema check are per file and independent, so for a large data set
they are spread over the CPU cores: the main process takes the first chunk of files
and worker processes the others; the results are put back in file order before the
rules run, so the outcome is the same as in one process.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import pickle
import stat
import struct
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from prestatie.collector import building
from prestatie.dataset import DataSet, FileResult, assemble, load_file
from prestatie.errors import DataError
from prestatie.findings import Finding, Severity, ValidationResult, finding_line
from prestatie.limits import cap_per_file
from prestatie.rules import check_rules
from prestatie.source import FileToRead, SourceFile, data_root, read_file, walk_directory

if TYPE_CHECKING:  # git is imported where a revision is read: validate of a directory needs none of it
    from prestatie.cache import Cache
    from prestatie.gitsource import GitRepo, Revision, TreeEntry

# Below this many files one process is faster than starting another.
PARALLEL_MIN_FILES = 1500
# Files a worker sends back at a time.
SEND_FILES = 500
# What a worker's result costs: sending it (the worker) and rebuilding it (this process,
# unpickling and validating its model again), as fractions of checking its file
# (measured on 10,000 synthetic projects: 0.06, and 0.16 to 0.22). With two cores this
# process checks 46% of the files.
SEND_COST = 0.06
REBUILD_COST = 0.2


def validate_sources(
    sources: Sequence[SourceFile], *, peildatum: dt.date, cache: Cache | None = None
) -> tuple[DataSet, ValidationResult]:
    """Check a set of source files; all findings of all files, sorted.

    With ``cache``, a file checked before (the same bytes at the same path) is taken from it.
    """
    return validate_results(load_sources(sources, cache=cache), peildatum=peildatum)


# What the cache holds a checked file under (cache.Cache.key).
CACHE_NAMESPACE = "bestand"


def load_sources(
    sources: Iterable[SourceFile], *, cache: Cache | None = None, workers: int | None = None
) -> list[FileResult]:
    """Each source file read and checked on its own (load_file), in order; with ``cache``,
    files checked before come from it and the others are added to it (and saved)."""
    sources = list(sources)
    if cache is None:
        with building():
            return [load_file(source).compact() for source in sources]
    results = _load_sources(sources, cache, workers)
    cache.save()
    return results


def _load_sources(
    sources: Sequence[SourceFile | FileToRead | ToCheck],
    cache: Cache,
    workers: int | None,
    data_root: Path | None = None,
) -> list[FileResult]:
    """Each source checked through the cache, in order. A FileToRead (below ``data_root``) is
    one the caller looked up and did not find: it is read (again) where it is checked, so
    that its bytes are not held here meanwhile; a ToCheck one it read, looked up and did not
    find."""
    from prestatie.cache import Cache, blob_id

    results: list[FileResult | None] = [None] * len(sources)
    keys: dict[int, tuple[SourceFile | FileToRead, bytes | None]] = {}
    with building():
        for index, source in enumerate(sources):
            if isinstance(source, tuple):
                keys[index] = source
                continue
            if isinstance(source, FileToRead):
                keys[index] = (source, None)
                continue
            if source.raw is None:  # refused unread: nothing to spare
                results[index] = load_file(source)
                continue
            key = Cache.key(CACHE_NAMESPACE, source.path, source.oid or blob_id(source.raw))
            found = cache.get(key)
            if isinstance(found, FileResult) and found.path == source.path:
                results[index] = found
            else:
                keys[index] = (source, key)
        todo = list(keys.values())
        if workers is None:
            workers = _available_cores() if len(todo) >= PARALLEL_MIN_FILES else 1
        # Each new entry goes to the cache as it arrives (cache.put_payload writes it out),
        # so no pickle outlives its file; a result is kept only as its live object.
        here = functools.partial(_check_and_keep, cache, data_root)
        if workers <= 1 or len(todo) < 2:
            checked: list[FileResult | Pickled] = list(here(todo))
        else:
            take = functools.partial(_unpickle, cache)
            there = functools.partial(_check_and_pickle, data_root)
            checked = _in_parallel(here, there, todo, workers, take=take)
        for index, result in zip(keys, checked, strict=True):
            assert isinstance(result, FileResult)
            results[index] = result
    return [result for result in results if result is not None]


# A file to check: read, or to be read below the data root, with its cache key (None: it
# is computed from the bytes when they are read).
ToCheck = tuple[SourceFile | FileToRead, bytes | None]
# A checked file as a worker sends it back: its cache key and its pickle.
Pickled = tuple[bytes, bytes]


def _read(
    data_root: Path | None, item: SourceFile | FileToRead, key: bytes | None
) -> tuple[SourceFile, bytes | None]:
    """The source to check and its cache key (None: not to be cached, as a file refused unread)."""
    if isinstance(item, SourceFile):
        return item, key
    from prestatie.cache import Cache, blob_id

    assert data_root is not None
    source = read_file(data_root, item)
    if source.raw is None:
        return source, None
    return source, Cache.key(CACHE_NAMESPACE, source.path, blob_id(source.raw))


def _check_and_keep(
    cache: Cache, data_root: Path | None, todo: Sequence[ToCheck]
) -> list[FileResult | Pickled]:
    """Each file checked in this process: pickled once for the cache, kept as it is."""
    checked: list[FileResult | Pickled] = []
    with building():
        for item, known_key in todo:
            source, key = _read(data_root, item, known_key)
            result = load_file(source)
            if key is not None:
                cache.put_payload(key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            checked.append(result.compact())  # after pickling: compact lets go of the plain data
    return checked


def _check_and_pickle(data_root: Path | None, todo: Sequence[ToCheck]) -> list[FileResult | Pickled]:
    """Each file checked (in a worker process), as the pickle that goes to the parent and the
    cache (a file not to be cached as itself)."""
    checked: list[FileResult | Pickled] = []
    with building():
        for item, known_key in todo:
            source, key = _read(data_root, item, known_key)
            result = load_file(source)
            if key is None:
                checked.append(result)
            else:
                checked.append((key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)))
    return checked


def _unpickle(cache: Cache, checked: FileResult | Pickled) -> FileResult | Pickled:
    """A worker's result as it arrives: its pickle to the cache, the file rebuilt from it."""
    if isinstance(checked, FileResult):
        return checked
    key, payload = checked
    cache.put_payload(key, payload)
    result: FileResult = pickle.loads(payload)
    return result


def validate_results(
    results: Iterable[FileResult], *, peildatum: dt.date, root: Path | None = None
) -> tuple[DataSet, ValidationResult]:
    dataset, findings = assemble(results)
    dataset.root = root
    return dataset, _result(dataset, findings, peildatum)


def check_valid(
    results: Iterable[FileResult], *, peildatum: dt.date, root: Path | None = None
) -> tuple[DataSet, ValidationResult]:
    """As validate_results, for a command that only needs to know whether the data is valid:
    the rules that can only warn run only when there are errors.

    Without errors the result is ok and lists no findings (the warnings were not looked
    for); with errors it is validate_results' full result. Its ``ok`` is always that of
    validate_results: warnings never make data invalid, and with errors everything runs.
    """
    dataset, findings = assemble(results)
    dataset.root = root
    if any(f.severity is Severity.ERROR for f in findings) or any(
        f.severity is Severity.ERROR for f in check_rules(dataset, peildatum=peildatum, errors_only=True)
    ):
        return dataset, _result(dataset, findings, peildatum)
    return dataset, ValidationResult(dataset.files, [], dataset.paths)


def _result(dataset: DataSet, findings: list[Finding], peildatum: dt.date) -> ValidationResult:
    findings.extend(check_rules(dataset, peildatum=peildatum))
    in_order = ValidationResult(dataset.files, findings, dataset.paths).sorted()
    return ValidationResult(dataset.files, cap_per_file(in_order.findings), dataset.paths).sorted()


def validate_directory(
    root: Path, *, peildatum: dt.date, workers: int | None = None, cache: Cache | None = None
) -> tuple[DataSet, ValidationResult]:
    """Check the data set below ``root/data``."""
    results = load_results(root, workers=workers, cache=cache)
    return validate_results(results, peildatum=peildatum, root=root)


def load_results(root: Path, *, workers: int | None = None, cache: Cache | None = None) -> list[FileResult]:
    """Read and schema-check every file below ``root/data``, in file order.

    ``workers`` is the number of processes to use (default: the CPU cores, for
    data sets of at least PARALLEL_MIN_FILES files). With ``cache``, only the files not
    in the cache are checked (see _load_known).
    """
    items = list(walk_directory(root))
    if cache is not None:
        return _load_known(data_root(root), items, cache, workers)
    if workers is None:
        workers = _available_cores() if len(items) >= PARALLEL_MIN_FILES else 1
    resolved = data_root(root)
    with building():
        if workers <= 1 or len(items) < 2:
            return _load_chunk(resolved, items)
        return _load_in_parallel(resolved, items, workers)


# A file whose status changed less than this long before it was read is not recorded as
# known by its status (its next change could fall in the same tick of the clock).
STABLE_NS = 3_000_000_000
# Where the cache keeps, per data root, the status and blob id of each file read: path ->
# the status (_STATUS: size, mtime, ctime (ns), inode, device) followed by the blob id's
# 20 bytes, one bytes object per file (a tuple of numbers and a hex string would cost
# three times the memory: 70 MB at 100,000 files).
STATUS_KEY = ("status", "", "")
_STATUS = struct.Struct("<QqqQQ")
_RECORD_BYTES = _STATUS.size + 20


def _load_known(
    data_root: Path, items: Sequence[FileToRead | SourceFile], cache: Cache, workers: int | None
) -> list[FileResult]:
    """Every file checked through the cache, in order.

    A file is known by its blob id, computed from its bytes. To spare reading them, the
    cache also keeps each regular file's status (size, modification and change time,
    inode, device) with the blob id it had, as git's index does: a file with exactly
    that status has those bytes. Any write changes the change time (ctime), which no
    program can set back, also when it keeps the size and sets the modification time
    back; a file replaced by another (a checkout, a rename over it) has another inode.
    Only files whose status is older than STABLE_NS when they are read are recorded, so
    that a later write cannot fall in the same tick of the clock. The status is taken
    before the bytes are read: a write in between makes the recorded status stale, never
    the recorded bytes.
    """
    from prestatie.cache import Cache, blob_id

    status_key = Cache.key(*STATUS_KEY)
    recorded = cache.get(status_key, counted=False)
    if not isinstance(recorded, dict):
        recorded = {}
    stable_before = time.time_ns() - STABLE_NS
    statuses: dict[str, bytes] = {}
    results: list[FileResult | None] = [None] * len(items)
    unread: list[SourceFile | FileToRead | ToCheck] = []
    kept = 0  # misses kept with their bytes
    with building():
        for number, item in enumerate(items):
            if isinstance(item, SourceFile):
                unread.append(item)
                continue
            status = _status(item.absolute)
            entry = recorded.get(item.path) if status is not None else None
            if _matches(entry, status):
                assert isinstance(entry, bytes)
                found = cache.get(Cache.key(CACHE_NAMESPACE, item.path, entry[_STATUS.size :].hex()))
                if isinstance(found, FileResult) and found.path == item.path:
                    results[number] = found
                    statuses[item.path] = entry
                    continue
            source = read_file(data_root, item)
            if source.raw is None:
                unread.append(source)
                continue
            oid = blob_id(source.raw)
            if status is not None and status[1] < stable_before:
                statuses[item.path] = status[0] + bytes.fromhex(oid)
            key = Cache.key(CACHE_NAMESPACE, item.path, oid)
            found = cache.get(key)
            if isinstance(found, FileResult) and found.path == item.path:
                results[number] = found
            elif kept < PARALLEL_MIN_FILES:
                # Fewer misses than that are all checked in this process: their bytes are
                # checked as read, not read again.
                unread.append((source, key))
                kept += 1
            else:
                # Read again where it is checked (its key from those bytes): its bytes are
                # not held here meanwhile. A write in between changed its status (ctime):
                # the status recorded above is then stale, never wrong.
                unread.append(item)
    loaded = iter(_load_sources(unread, cache, workers, data_root))
    del unread
    done = [result if result is not None else next(loaded) for result in results]
    del results
    if statuses != recorded:
        cache.put(status_key, statuses)
    del statuses, recorded
    cache.save()
    return done


def _matches(entry: object, status: tuple[bytes, int] | None) -> bool:
    """Whether a recorded entry is that of a file with this status."""
    return (
        status is not None
        and isinstance(entry, bytes)
        and len(entry) == _RECORD_BYTES
        and entry.startswith(status[0])
    )


def _status(path: str) -> tuple[bytes, int] | None:
    """The status of a regular file (not through a symbolic link), packed (_STATUS), and
    the later of its modification and change time; None for anything else."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    packed = _STATUS.pack(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
    return packed, max(info.st_mtime_ns, info.st_ctime_ns)


def _available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _load_item(data_root: Path, item: FileToRead | SourceFile) -> FileResult:
    return load_file(item if isinstance(item, SourceFile) else read_file(data_root, item))


def _load_chunk(
    data_root: Path, items: Sequence[FileToRead | SourceFile], *, to_send: bool = False
) -> list[FileResult]:
    # Also in a worker process (``to_send``): it builds the results it sends back, with
    # their plain data (see FileResult.__reduce__). Results that stay here let go of the
    # plain data as soon as their model is built (FileResult.compact).
    with building():
        if to_send:
            return [_load_item(data_root, item) for item in items]
        return [_load_item(data_root, item).compact() for item in items]


def _load_in_parallel(
    data_root: Path, items: Sequence[FileToRead | SourceFile], workers: int
) -> list[FileResult]:
    here = functools.partial(_load_chunk, data_root)
    there = functools.partial(_load_chunk, data_root, to_send=True)
    return _in_parallel(here, there, items, workers)


Item = TypeVar("Item")
Out = TypeVar("Out")


def _in_parallel(
    here: Callable[[Sequence[Item]], list[Out]],
    there: Callable[[Sequence[Item]], list[Out]],
    items: Sequence[Item],
    workers: int,
    *,
    take: Callable[[Out], Out] | None = None,
) -> list[Out]:
    """``items`` in chunks over ``workers`` processes (``there`` in the workers, ``here`` on the
    main process's own share); the results in order.

    ``take`` turns each result of a worker into what is kept: then this process checks its
    share a chunk at a time and takes, between its chunks, the workers' chunks that have
    arrived, so that they do not wait as sent (pickled) while it works.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Results from a worker must be sent back and validated once more on this side (see
    # FileResult.__reduce__). Shares that keep every process equally busy: this process
    # checks its share and rebuilds the rest; each worker checks and sends its part.
    per_worker = (1 + SEND_COST) / (workers - 1)
    own_share = max(0.0, (per_worker - REBUILD_COST) / (1 - REBUILD_COST + per_worker))
    first = int(len(items) * own_share)
    rest = items[first:]
    # Sent back in small chunks: the plain data of a chunk is alive until the whole chunk
    # is unpickled (the unpickler keeps every object it made), the models after that.
    chunks = [rest[start : start + SEND_FILES] for start in range(0, len(rest), SEND_FILES)]
    methods = multiprocessing.get_all_start_methods()
    # fork starts a worker in milliseconds with everything already imported.
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=min(workers - 1, len(chunks)), mp_context=context) as pool:
        futures = [pool.submit(there, chunk) for chunk in chunks]
        futures.reverse()
        theirs: list[Out] = []

        def receive(wait: bool) -> None:  # each future let go of once taken: it holds its chunk
            while futures and (wait or futures[-1].done()):
                chunk = futures.pop().result()
                theirs.extend(chunk if take is None else map(take, chunk))
                del chunk

        if take is None:
            results = here(items[:first])
        else:
            results = []
            for start in range(0, first, SEND_FILES):
                results.extend(here(items[start : min(start + SEND_FILES, first)]))
                receive(wait=False)
        receive(wait=True)
    results.extend(theirs)
    return results


def require_valid(dataset: DataSet, result: ValidationResult) -> DataSet:
    """The data set, if it has no errors; otherwise a DataError that says what to do."""
    if not result.ok:
        raise DataError(
            f"De gegevens bevatten {result.errors} fout(en); daarom kan er geen overzicht "
            "worden gemaakt. Voer 'prestatie validate' uit om te zien wat er mis is en hoe "
            "u het herstelt."
        )
    return dataset


def load_valid(root: Path, *, rev: str | None = None, cache: Cache | None = None) -> DataSet:
    """The data set of ``root`` (at git revision ``rev`` when given), if it has no errors.

    Checked against today, not against a command's peildatum: an oplevering before
    today is valid data even when a status or report looks back to a date before it
    (the project then counts as in uitvoering at that date).
    """
    if rev is not None:
        from prestatie.gitsource import GitRepo

        repo = GitRepo(root)
        return load_valid_at(repo, repo.resolve(rev), cache=cache)
    today = dt.date.today()
    return require_valid(*check_valid(load_results(root, cache=cache), peildatum=today, root=root))


def load_valid_at(repo: GitRepo, revision: Revision, *, cache: Cache | None = None) -> DataSet:
    """The data set at ``revision``, if it has no errors (checked against today, as load_valid)."""
    results = load_revision(repo, revision, cache=cache)
    return require_valid_at(revision, *check_valid(results, peildatum=dt.date.today()))


def validate_revision(
    repo: GitRepo, revision: Revision, *, peildatum: dt.date, cache: Cache | None = None
) -> tuple[DataSet, ValidationResult]:
    """Check the data set as it was at a git revision (with ``cache``: files known by blob id
    are not even read from git)."""
    return validate_results(load_revision(repo, revision, cache=cache), peildatum=peildatum)


def load_revision(
    repo: GitRepo,
    revision: Revision,
    *,
    cache: Cache | None = None,
    entries: Sequence[TreeEntry] | None = None,
) -> list[FileResult]:
    """Every file below ``data/`` at ``revision`` (or only ``entries`` of it), checked.

    With ``cache``, a file whose blob id and path are in it is not read from git at all.
    """
    from prestatie.gitsource import entry_problem, read_entries, revision_entries

    if entries is None:
        entries = revision_entries(repo, revision)
    if cache is None:
        return load_sources(read_entries(repo, entries))
    from prestatie.cache import Cache

    found: dict[int, FileResult] = {}
    with building():
        for index, entry in enumerate(entries):
            if entry_problem(entry) is None:
                result = cache.get(Cache.key(CACHE_NAMESPACE, entry.path, entry.oid))
                if isinstance(result, FileResult) and result.path == entry.path:
                    found[index] = result
    unread = [entry for index, entry in enumerate(entries) if index not in found]
    read = iter(load_sources(read_entries(repo, unread), cache=cache))
    # read_entries keeps every entry (a problem becomes a refused file), in order.
    return [found[index] if index in found else next(read) for index in range(len(entries))]


def require_valid_at(revision: Revision, dataset: DataSet, result: ValidationResult) -> DataSet:
    """The data set at ``revision``, or the DataError of ``invalid_at``."""
    if result.ok:
        return dataset
    raise invalid_at(revision.name, result)


def invalid_at(rev: str, result: ValidationResult) -> DataError:
    """The error for data with errors at revision ``rev``: it names the revision and lists
    the errors (at most 20), since 'prestatie validate' checks the working tree.

    For ``status --rev``, ``status --vergelijk`` and ``report --rev``.
    """
    errors = [f for f in result.findings if f.severity == "error"]
    lines = [f"  {finding_line(f, file=f.file)}" for f in errors[:20]]
    if len(errors) > 20:
        lines.append(f"  … en nog {len(errors) - 20} fout(en).")
    return DataError(
        f"De gegevens in revisie '{rev}' bevatten {len(errors)} fout(en); daarom kan er geen "
        "overzicht van worden gemaakt:\n" + "\n".join(lines)
    )
