"""Atomic writes: a complete file or none, the mode kept, no overwriting, no lost edits."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import prestatie.atomic as atomic
from prestatie.atomic import (
    FileWrite,
    create_file,
    lock_data,
    make_folder,
    read_snapshot,
    replace_file,
    write_files,
)
from prestatie.errors import UsageError


def test_replace_file_writes_new_content_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "project.yaml"
    path.write_bytes(b"id: a\n")
    path.chmod(0o640)
    snapshot = read_snapshot(path)
    replace_file(path, b"id: b\n", expected=snapshot)
    assert path.read_bytes() == b"id: b\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project.yaml"]


def test_replace_file_refuses_when_the_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "project.yaml"
    path.write_bytes(b"id: a\n")
    snapshot = read_snapshot(path)
    path.write_bytes(b"id: a\n# door de editor opgeslagen\n")
    with pytest.raises(UsageError, match="is gewijzigd sinds prestatie het las"):
        replace_file(path, b"id: b\n", expected=snapshot)
    assert path.read_bytes() == b"id: a\n# door de editor opgeslagen\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project.yaml"]


def test_replace_file_refuses_when_only_the_modification_time_changed(tmp_path: Path) -> None:
    path = tmp_path / "project.yaml"
    path.write_bytes(b"id: a\n")
    snapshot = read_snapshot(path)
    os.utime(path, ns=(snapshot.mtime_ns + 5_000_000_000, snapshot.mtime_ns + 5_000_000_000))
    with pytest.raises(UsageError):
        replace_file(path, b"id: b\n", expected=snapshot)
    assert path.read_bytes() == b"id: a\n"


def test_replace_file_refuses_when_the_file_was_deleted(tmp_path: Path) -> None:
    path = tmp_path / "project.yaml"
    path.write_bytes(b"id: a\n")
    snapshot = read_snapshot(path)
    path.unlink()
    with pytest.raises(UsageError):
        replace_file(path, b"id: b\n", expected=snapshot)
    assert not path.exists()


def test_create_file_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "nieuw.yaml"
    create_file(path, b"id: nieuw\n")
    assert path.read_bytes() == b"id: nieuw\n"
    with pytest.raises(UsageError, match="bestaat al; prestatie overschrijft geen bestaand bestand"):
        create_file(path, b"id: anders\n")
    assert path.read_bytes() == b"id: nieuw\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["nieuw.yaml"]


def test_create_file_does_not_follow_a_dangling_symlink(tmp_path: Path) -> None:
    target = tmp_path / "elders.txt"
    link = tmp_path / "nieuw.yaml"
    link.symlink_to(target)
    with pytest.raises(UsageError):
        create_file(link, b"id: nieuw\n")
    assert not target.exists()


def test_a_write_that_the_system_refuses_is_a_dutch_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand, geen map", encoding="utf-8")
    with pytest.raises(UsageError, match=r"kan .*geen-map/rapport.md niet schrijven"):
        replace_file(blocker / "rapport.md", b"x")
    with pytest.raises(UsageError, match="niet schrijven"):
        create_file(blocker / "nieuw.yaml", b"x")
    with pytest.raises(UsageError, match="niet schrijven"):
        make_folder(blocker / "rapporten")


# write_files: several files all or nothing (prestatie import).


@pytest.fixture
def three(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A data root with two existing files (one mode 0o640) in two folders; the paths."""
    (tmp_path / "data/projecten").mkdir(parents=True)
    (tmp_path / "data/metingen").mkdir(parents=True)
    a = tmp_path / "data/projecten/a.yaml"
    b = tmp_path / "data/metingen/b.yaml"
    a.write_bytes(b"id: a\n")
    a.chmod(0o640)
    b.write_bytes(b"indicator: b\n")
    return tmp_path, [a, b, tmp_path / "data/metingen/c.yaml"]


def _state(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below data/ (hidden temporaries too) with its bytes (a link: its target) and mode."""
    return {
        str(p.relative_to(root)): (
            os.readlink(p).encode() if p.is_symlink() else p.read_bytes(),
            stat.S_IMODE(p.lstat().st_mode),
        )
        for p in sorted((root / "data").rglob("*"))
        if p.is_file() or p.is_symlink()
    }


def _writes(paths: list[Path]) -> list[FileWrite]:
    a, b, c = paths
    return [
        FileWrite(a, b"id: a\nnieuw: 1\n", read_snapshot(a)),
        FileWrite(b, b"indicator: b\nnieuw: 2\n", read_snapshot(b)),
        FileWrite(c, b"indicator: c\n"),
    ]


def test_write_files_writes_every_file_and_leaves_no_temporary(three: tuple[Path, list[Path]]) -> None:
    root, paths = three
    with lock_data(root) as lock:
        write_files(lock, _writes(paths))
    assert _state(root) == {
        "data/projecten/a.yaml": (b"id: a\nnieuw: 1\n", 0o640),
        "data/metingen/b.yaml": (b"indicator: b\nnieuw: 2\n", 0o644),
        "data/metingen/c.yaml": (b"indicator: c\n", 0o644),
    }


def test_write_files_writes_nothing_when_the_last_file_changed_since_it_was_read(
    three: tuple[Path, list[Path]],
) -> None:
    root, paths = three
    writes = _writes(paths)
    paths[1].write_bytes(b"indicator: b\n# door de editor opgeslagen\n")
    before = _state(root)
    with lock_data(root) as lock, pytest.raises(UsageError) as refused:
        write_files(lock, writes)
    assert "b.yaml is gewijzigd sinds prestatie het las" in str(refused.value)
    assert "Er is niets geschreven" in str(refused.value)
    assert _state(root) == before


def test_write_files_writes_nothing_when_a_new_name_is_taken(three: tuple[Path, list[Path]]) -> None:
    root, paths = three
    paths[2].symlink_to(root / "elders.yaml")  # dangling: the name is taken all the same
    before = _state(root)
    with lock_data(root) as lock, pytest.raises(UsageError, match="c.yaml bestaat al"):
        write_files(lock, _writes(paths))
    assert _state(root) == before
    assert not (root / "elders.yaml").exists()


def test_write_files_writes_nothing_when_the_system_refuses_a_file(three: tuple[Path, list[Path]]) -> None:
    root, paths = three
    # A name the file system refuses (longer than 255 bytes with the temporary's prefix and
    # suffix): a real failure, also for root, after the first two files were prepared.
    paths[2] = paths[2].with_name("c" * 240 + ".yaml")
    before = _state(root)
    with lock_data(root) as lock, pytest.raises(UsageError) as refused:
        write_files(lock, _writes(paths))
    assert "niet schrijven" in str(refused.value) and "ook niet in de andere 2 bestanden" in str(refused.value)
    assert _state(root) == before


def test_write_files_puts_back_what_it_renamed_when_a_later_rename_is_refused(
    three: tuple[Path, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saves b.yaml in the instant after a.yaml was renamed into place: the check
    right before b's rename refuses it, and a.yaml is put back as it was (same bytes, mode)."""
    root, paths = three
    before = _state(root)
    real_replace = os.replace

    def replace_then_editor_saves(source: str | Path, target: str | Path) -> None:
        real_replace(source, target)
        if Path(target) == paths[0]:
            paths[1].write_bytes(b"indicator: b\n# door de editor opgeslagen\n")

    monkeypatch.setattr(atomic.os, "replace", replace_then_editor_saves)
    with lock_data(root) as lock, pytest.raises(UsageError, match="b.yaml is gewijzigd sinds prestatie het las"):
        write_files(lock, _writes(paths))
    monkeypatch.undo()
    before["data/metingen/b.yaml"] = (b"indicator: b\n# door de editor opgeslagen\n", 0o644)
    assert _state(root) == before
