"""Atomic writing of report files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prestatie.report.output import write_atomic


def test_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "rapport.md"
    target.write_text("oud", encoding="utf-8")
    os.chmod(target, 0o640)
    write_atomic(target, "nieuw ✓\n")
    assert target.read_text(encoding="utf-8") == "nieuw ✓\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.md"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "rapport.md"
    target.write_text("oud", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "kapot \udcff")
    assert target.read_text(encoding="utf-8") == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.md"]
