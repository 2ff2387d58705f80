"""The cache of per-file results cannot lie: whatever happened to the files or to the cache,
a run with it gives the same findings as a run without it.

Every test compares against ``validate_directory`` without a cache on the same files.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CliResult
from gitrepo import Repo
from prestatie.cache import Cache, blob_id
from prestatie.findings import Finding
from prestatie.validate import load_sources, validate_directory, validate_revision

PEILDATUM = dt.date(2025, 6, 30)
PROJECT = "data/projecten/beekdaelen/beekdaelen-nuth-levensloopbestendig.yaml"


def findings(root: Path, cache: Cache | None = None) -> list[Finding]:
    return validate_directory(root, peildatum=PEILDATUM, cache=cache)[1].findings


def files(root: Path) -> int:
    return sum(1 for path in (root / "data").rglob("*") if path.is_file())


@pytest.fixture
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")  # outside the data's folder (data_copy is tmp_path)


def test_a_second_run_takes_every_file_from_the_cache(data_copy: Path, cache_dir: Path) -> None:
    first = Cache.for_root(data_copy, cache_dir)
    assert first is not None
    assert findings(data_copy, first) == findings(data_copy)
    assert (first.hits, first.misses) == (0, files(data_copy))
    second = Cache.for_root(data_copy, cache_dir)
    assert second is not None
    assert findings(data_copy, second) == findings(data_copy)
    assert (second.hits, second.misses) == (files(data_copy), 0)


def test_a_file_changed_with_the_same_size_and_time_is_read_again(data_copy: Path, cache_dir: Path) -> None:
    path = data_copy / PROJECT
    before = findings(data_copy, Cache.for_root(data_copy, cache_dir))
    info = path.stat()
    text = path.read_bytes()
    changed = text.replace(b"status: opgeleverd", b"status: opgeleverX")
    assert changed != text and len(changed) == len(text)
    path.write_bytes(changed)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (info.st_size, info.st_mtime_ns)
    cache = Cache.for_root(data_copy, cache_dir)
    after = findings(data_copy, cache)
    assert after == findings(data_copy)
    assert after != before and any(f.file == PROJECT and f.severity == "error" for f in after)
    assert cache is not None and cache.misses == 1


def test_a_renamed_file_is_read_again_under_its_new_name(data_copy: Path, cache_dir: Path) -> None:
    # Broken first, so that its findings name the file: they must name the new path.
    path = data_copy / PROJECT
    path.write_text(path.read_text(encoding="utf-8").replace("status: opgeleverd", "status: klaar"))
    findings(data_copy, Cache.for_root(data_copy, cache_dir))
    renamed = path.with_name("beekdaelen-nuth-hernoemd.yaml")
    path.rename(renamed)
    after = findings(data_copy, Cache.for_root(data_copy, cache_dir))
    assert after == findings(data_copy)
    new_path = renamed.relative_to(data_copy).as_posix()
    assert any(f.file == new_path for f in after) and not any(f.file == PROJECT for f in after)


def test_another_prestatie_version_starts_afresh(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings(data_copy, Cache.for_root(data_copy, cache_dir))
    import prestatie

    monkeypatch.setattr(prestatie, "__version__", "99.0.0")
    cache = Cache.for_root(data_copy, cache_dir)
    assert findings(data_copy, cache) == findings(data_copy)
    assert cache is not None and cache.hits == 0
    assert len(list(cache_dir.iterdir())) == 2  # each version its own folder


def test_a_changed_module_of_prestatie_starts_afresh(data_copy: Path, cache_dir: Path) -> None:
    first = Cache.for_root(data_copy, cache_dir)
    second = Cache.for_root(data_copy, cache_dir)
    assert first is not None and second is not None and first.folder == second.folder
    import prestatie.yamlread

    module = Path(prestatie.yamlread.__file__)
    info = module.stat()
    try:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        third = Cache.for_root(data_copy, cache_dir)
        assert third is not None and third.folder != first.folder
    finally:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "empty", "index"])
def test_a_damaged_cache_file_is_ignored(data_copy: Path, cache_dir: Path, damage: str) -> None:
    cache = Cache.for_root(data_copy, cache_dir)
    assert cache is not None
    findings(data_copy, cache)
    raw = cache.pack.read_bytes()
    if damage == "truncated":
        raw = raw[: len(raw) // 2]
    elif damage == "flipped":  # one byte in the last entry
        raw = raw[:-10] + bytes([raw[-10] ^ 0xFF]) + raw[-9:]
    elif damage == "garbage":
        raw = os.urandom(len(raw))
    elif damage == "empty":
        raw = b""
    else:  # a byte of the index
        raw = raw[:40] + bytes([raw[40] ^ 0x01]) + raw[41:]
    cache.pack.write_bytes(raw)
    again = Cache.for_root(data_copy, cache_dir)
    assert findings(data_copy, again) == findings(data_copy)
    assert again is not None and again.misses >= 1
    # ... and the next run has a sound pack again.
    last = Cache.for_root(data_copy, cache_dir)
    assert findings(data_copy, last) == findings(data_copy)
    assert last is not None and last.misses == 0


def test_an_entry_that_would_run_code_is_refused(data_copy: Path, cache_dir: Path) -> None:
    cache = Cache.for_root(data_copy, cache_dir)
    assert cache is not None
    findings(data_copy, cache)
    marker = cache_dir / "ran"

    class Planted:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.mkdir, (str(marker),))

    raw = (data_copy / PROJECT).read_bytes()
    planted = Cache.for_root(data_copy, cache_dir)
    assert planted is not None
    planted.put(Cache.key("bestand", PROJECT, blob_id(raw)), Planted())
    planted.save()
    again = Cache.for_root(data_copy, cache_dir)
    assert findings(data_copy, again) == findings(data_copy)
    assert not marker.exists()
    assert again is not None and again.misses == 1


PARALLEL_RUN = """
import datetime as dt, pickle, sys
from pathlib import Path
from typing import Any
from prestatie.cache import Cache
from prestatie.validate import validate_directory
root, folder = Path(sys.argv[1]), Path(sys.argv[2])
found = validate_directory(root, peildatum=dt.date(2025, 6, 30), cache=Cache.for_root(root, folder))[1]
sys.stdout.buffer.write(pickle.dumps(found.findings))
"""


def test_two_runs_at_once_write_the_same_entries(data_copy: Path, cache_dir: Path) -> None:
    expected = findings(data_copy)
    for _ in range(3):  # each round: both runs start together from the same state
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", PARALLEL_RUN, str(data_copy), str(cache_dir)], stdout=subprocess.PIPE
            )
            for _ in range(2)
        ]
        outputs = [run.communicate()[0] for run in runs]
        assert [run.returncode for run in runs] == [0, 0]
        assert [pickle.loads(out) for out in outputs] == [expected, expected]
        path = data_copy / PROJECT  # a new entry for the next round
        path.write_text(path.read_text(encoding="utf-8") + "\n")
    cache = Cache.for_root(data_copy, cache_dir)
    assert findings(data_copy, cache) == findings(data_copy)
    assert cache is not None and cache.misses <= 1
    assert [p.name for p in cache.folder.iterdir() if p.name.endswith(".tmp")] == []


def test_worker_processes_fill_the_cache_as_one_process_would(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import prestatie.validate
    from prestatie.source import read_directory

    # Small chunks: this process takes the workers' chunks between its own.
    monkeypatch.setattr(prestatie.validate, "SEND_FILES", 3)
    sources = list(read_directory(data_copy))
    plain = load_sources(sources)
    cache = Cache.for_root(data_copy, cache_dir)
    parallel = load_sources(sources, cache=cache, workers=2)
    assert [(r.path, r.findings, r.loaded) for r in parallel] == [
        (r.path, r.findings, r.loaded) for r in plain
    ]
    warm = load_sources(sources, cache=Cache.for_root(data_copy, cache_dir))
    assert [(r.path, r.findings, r.loaded) for r in warm] == [(r.path, r.findings, r.loaded) for r in plain]


def test_a_cache_inside_the_data_repository_is_never_used(data_copy: Path) -> None:
    assert Cache.for_root(data_copy, data_copy / ".prestatie-cache") is None
    assert Cache.for_root(data_copy, data_copy / "data" / "cache") is None


def test_blob_id_is_git_s_object_id(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"id: x\nnaam: \xc3\xa9\n")
    done = subprocess.run(["git", "hash-object", str(path)], capture_output=True, text=True, check=True)
    assert blob_id(path.read_bytes()) == done.stdout.strip()


def test_a_revision_reuses_the_working_tree_s_entries(data_copy: Path, cache_dir: Path) -> None:
    repo = Repo(data_copy)
    repo.commit("start", date="2025-01-02T10:00:00")
    findings(data_copy, Cache.for_root(data_copy, cache_dir))
    from prestatie.gitsource import GitRepo

    git = GitRepo(data_copy)
    cache = Cache.for_root(data_copy, cache_dir)
    at_rev = validate_revision(git, git.resolve("main"), peildatum=PEILDATUM, cache=cache)[1]
    assert at_rev.findings == validate_revision(git, git.resolve("main"), peildatum=PEILDATUM)[1].findings
    assert cache is not None and cache.misses == 0 and cache.hits == files(data_copy)


def test_geen_cache_writes_nothing(
    data_copy: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    cli: Callable[..., CliResult],
) -> None:
    folder = tmp_path_factory.mktemp("elders") / "cache"
    monkeypatch.setenv("PRESTATIE_CACHE", str(folder))
    result = cli("--geen-cache", "validate", data_copy)
    assert result.exit_code == 0, result.stdout
    assert not folder.exists()
    result = cli("validate", data_copy)
    assert result.exit_code == 0, result.stdout
    assert len(list(folder.rglob("*.pack"))) == 1


def test_diff_through_the_cache_is_the_diff_without_it(tmp_path: Path, cache_dir: Path) -> None:
    from conftest import DATA
    from gitrepo import repo_with_data
    from prestatie.diff.engine import diff_revisions

    repo = repo_with_data(tmp_path / "repo", DATA)
    projects = sorted((repo.root / "data/projecten").glob("*/*.yaml"))
    first, second, third = (p.relative_to(repo.root).as_posix() for p in projects[:3])
    repo.edit(first, "status: ", "status: opgeleverd\n# was: ")
    repo.move(second, second.replace(".yaml", "-nieuw.yaml"))
    repo.write(third, "id: [kapot\n")  # does not parse: a finding, at one side
    repo.commit("wijzigingen", date="2024-02-01T10:00:00")
    repo.write(first, (repo.root / first).read_text(encoding="utf-8").replace("naam: ", "naam: Nieuw: ", 1))

    def diffs(cache: Cache | None, **filters: str) -> list[dict[str, object]]:
        return [
            diff_revisions(repo.root, "start", "main", cache=cache, **filters).to_dict(),
            diff_revisions(repo.root, "start", cache=cache, **filters).to_dict(),  # the working tree
        ]

    for filters in ({}, {"corporatie": "heemwonen"}, {"thema": "nieuwbouw"}):
        expected = diffs(None, **filters)
        cold = Cache.for_root(repo.root, cache_dir)
        assert diffs(cold, **filters) == expected
        warm = Cache.for_root(repo.root, cache_dir)
        assert diffs(warm, **filters) == expected
        assert warm is not None and warm.misses == 0 and warm.hits > 0


def test_status_vergelijk_through_the_cache_is_the_same(tmp_path: Path, cache_dir: Path) -> None:
    from prestatie.status.vergelijk import compare_status
    from test_review_workflow import _data_repository

    checkout = _data_repository(tmp_path)
    project = sorted((checkout / "data/projecten").glob("*/*.yaml"))[0]
    project.write_text(project.read_text(encoding="utf-8").replace("naam: ", "naam: Gewijzigd ", 1))

    def compared(cache: Cache | None) -> dict[str, object]:
        return compare_status(checkout, "origin/main", peildatum=PEILDATUM, cache=cache).to_dict()

    expected = compared(None)
    assert expected["afspraken"]
    assert compared(Cache.for_root(checkout, cache_dir)) == expected
    warm = Cache.for_root(checkout, cache_dir)
    assert compared(warm) == expected
    assert warm is not None and warm.misses == 0


def test_a_file_known_by_its_status_is_not_read_and_any_write_is_seen(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import prestatie.validate

    # Files count as settled at once (normally: STABLE_NS after their last change).
    monkeypatch.setattr(prestatie.validate, "STABLE_NS", 0)
    reads: list[str] = []
    real_read = prestatie.validate.read_file

    def counted(data_root: Path, item: object) -> object:
        reads.append(getattr(item, "path", ""))
        return real_read(data_root, item)  # type: ignore[arg-type]

    monkeypatch.setattr(prestatie.validate, "read_file", counted)
    expected = findings(data_copy)
    reads.clear()
    assert findings(data_copy, Cache.for_root(data_copy, cache_dir)) == expected
    # Each file read to know it, and again where it is checked (its bytes not held meanwhile).
    assert len(set(reads)) == files(data_copy)
    reads.clear()
    assert findings(data_copy, Cache.for_root(data_copy, cache_dir)) == expected
    assert reads == []  # every file known by its status
    time.sleep(0.05)  # the write below falls in a later tick of the file system's clock
    path = data_copy / PROJECT
    info = path.stat()
    changed = path.read_bytes().replace(b"status: opgeleverd", b"status: opgeleverX")
    path.write_bytes(changed)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (info.st_size, info.st_mtime_ns)
    after = findings(data_copy, Cache.for_root(data_copy, cache_dir))
    assert set(reads) == {PROJECT}
    assert after == findings(data_copy) != expected


def test_old_folders_and_left_temporary_files_are_removed_when_a_pack_is_written(
    data_copy: Path, cache_dir: Path
) -> None:
    from prestatie.cache import STALE_DAYS

    old = cache_dir / ("0" * 24)  # another fingerprint, not written for longer than STALE_DAYS
    recent = cache_dir / ("1" * 24)
    for folder in (old, recent):
        folder.mkdir()
        (folder / ("a" * 32 + ".pack")).write_bytes(b"x")
    other = cache_dir / "notes.txt"  # not prestatie's: left alone
    other.write_text("mine")
    cache = Cache.for_root(data_copy, cache_dir)
    assert cache is not None
    cache.folder.mkdir(parents=True)
    left = cache.folder / ".abandoned.tmp"
    left.write_bytes(b"half a pack")
    long_ago = os.stat(old).st_mtime - (STALE_DAYS + 1) * 86400
    for path in (old / ("a" * 32 + ".pack"), old, left):
        os.utime(path, (long_ago, long_ago))
    assert findings(data_copy, cache) == findings(data_copy)  # writes a pack
    assert not old.exists() and not left.exists()
    assert (recent / ("a" * 32 + ".pack")).exists() and other.exists() and cache.pack.exists()


def test_status_vergelijk_writes_the_pack_once(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It reads the diff, the working tree and the base through the cache: one pack for all."""
    from prestatie.status.vergelijk import compare_status
    from test_review_workflow import _data_repository

    checkout = _data_repository(tmp_path)
    project = sorted((checkout / "data/projecten").glob("*/*.yaml"))[0]
    project.write_text(project.read_text(encoding="utf-8").replace("naam: ", "naam: Gewijzigd ", 1))
    writes: list[Path] = []
    write = Cache._write

    def counted(self: Cache, *args: Any) -> None:
        writes.append(self.pack)
        write(self, *args)

    monkeypatch.setattr(Cache, "_write", counted)
    cache = Cache.for_root(checkout, cache_dir)
    compare_status(checkout, "origin/main", peildatum=PEILDATUM, cache=cache)
    assert len(writes) == 1
    warm = Cache.for_root(checkout, cache_dir)
    compare_status(checkout, "origin/main", peildatum=PEILDATUM, cache=warm)
    assert warm is not None and warm.misses == 0 and len(writes) == 1
