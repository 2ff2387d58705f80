"""Atomic writes: a complete file or none, the mode kept, no overwriting, no lost edits."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from prestatie.atomic import create_file, make_folder, read_snapshot, replace_file
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
