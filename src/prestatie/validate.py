"""The validate pipeline: read every file, check each against its schema, then the rules.

Reading and the schema check are per file and independent, so for a large data set
they are spread over the CPU cores: the main process takes the first chunk of files
and worker processes the others; the results are put back in file order before the
rules run, so the outcome is the same as in one process.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from prestatie.collector import building
from prestatie.dataset import DataSet, FileResult, assemble, load_file
from prestatie.errors import DataError
from prestatie.findings import ValidationResult, finding_line
from prestatie.limits import cap_per_file
from prestatie.rules import check_rules
from prestatie.source import FileToRead, SourceFile, data_root, read_file, walk_directory

if TYPE_CHECKING:  # git is imported where a revision is read: validate of a directory needs none of it
    from prestatie.gitsource import GitRepo, Revision

# Below this many files one process is faster than starting another.
PARALLEL_MIN_FILES = 1500
# Files a worker sends back at a time.
SEND_FILES = 500


def validate_sources(
    sources: Iterable[SourceFile], *, peildatum: dt.date
) -> tuple[DataSet, ValidationResult]:
    """Check a set of source files; all findings of all files, sorted."""
    with building():
        results = [load_file(source) for source in sources]
    return validate_results(results, peildatum=peildatum)


def validate_results(
    results: Iterable[FileResult], *, peildatum: dt.date, root: Path | None = None
) -> tuple[DataSet, ValidationResult]:
    dataset, findings = assemble(results)
    dataset.root = root
    findings.extend(check_rules(dataset, peildatum=peildatum))
    in_order = ValidationResult(dataset.files, findings, dataset.paths).sorted()
    return dataset, ValidationResult(dataset.files, cap_per_file(in_order.findings), dataset.paths).sorted()


def validate_directory(
    root: Path, *, peildatum: dt.date, workers: int | None = None
) -> tuple[DataSet, ValidationResult]:
    """Check the data set below ``root/data``."""
    return validate_results(load_results(root, workers=workers), peildatum=peildatum, root=root)


def load_results(root: Path, *, workers: int | None = None) -> list[FileResult]:
    """Read and schema-check every file below ``root/data``, in file order.

    ``workers`` is the number of processes to use (default: the CPU cores, for
    data sets of at least PARALLEL_MIN_FILES files).
    """
    items = list(walk_directory(root))
    if workers is None:
        workers = _available_cores() if len(items) >= PARALLEL_MIN_FILES else 1
    resolved = data_root(root)
    with building():
        if workers <= 1 or len(items) < 2:
            return _load_chunk(resolved, items)
        return _load_in_parallel(resolved, items, workers)


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
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Results from a worker must be sent back (and validated once more, see
    # FileResult.__reduce__): the main process, which has no such cost, takes a
    # larger share.
    own_share = 1.4 / (workers + 0.4)
    first = int(len(items) * own_share)
    rest = items[first:]
    # Sent back in small chunks: the plain data of a chunk is alive until the whole chunk
    # is unpickled (the unpickler keeps every object it made), the models after that.
    chunks = [rest[start : start + SEND_FILES] for start in range(0, len(rest), SEND_FILES)]
    methods = multiprocessing.get_all_start_methods()
    # fork starts a worker in milliseconds with everything already imported.
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=min(workers - 1, len(chunks)), mp_context=context) as pool:
        futures = [pool.submit(_load_chunk, data_root, chunk, to_send=True) for chunk in chunks]
        results = _load_chunk(data_root, items[:first])
        for future in futures:
            results.extend(future.result())
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


def load_valid(root: Path, *, rev: str | None = None) -> DataSet:
    """The data set of ``root`` (at git revision ``rev`` when given), if it has no errors.

    Checked against today, not against a command's peildatum: an oplevering before
    today is valid data even when a status or report looks back to a date before it
    (the project then counts as in uitvoering at that date).
    """
    if rev is not None:
        from prestatie.gitsource import GitRepo

        repo = GitRepo(root)
        return load_valid_at(repo, repo.resolve(rev))
    return require_valid(*validate_directory(root, peildatum=dt.date.today()))


def load_valid_at(repo: GitRepo, revision: Revision) -> DataSet:
    """The data set at ``revision``, if it has no errors (checked against today, as load_valid)."""
    return require_valid_at(revision, *validate_revision(repo, revision, peildatum=dt.date.today()))


def validate_revision(
    repo: GitRepo, revision: Revision, *, peildatum: dt.date
) -> tuple[DataSet, ValidationResult]:
    """Check the data set as it was at a git revision."""
    from prestatie.gitsource import read_revision

    return validate_sources(read_revision(repo, revision), peildatum=peildatum)


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
