"""Data-driven cases: one folder per finding code under tests/cases/.

Each case folder holds a ``data/`` overlay that is copied over the small, valid data
set in ``tests/cases/_base`` and an ``expected.yaml`` with every finding of the run
(file, line, column, code) at peildatum 2024-12-31. The folder name starts with the
code it is about; a test keeps every code of ``codes.CODES`` covered.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from prestatie.codes import CODES

CASES = Path(__file__).parent / "cases"
BASE = CASES / "_base"
PER = "2024-12-31"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))
# Codes whose input cannot live in a folder (a file over 1 MiB, a symbolic link): tested below.
BUILT_IN_TESTS = {"PA014", "PA015"}


def _data_set(tmp_path: Path, case: Path | None = None) -> Path:
    shutil.copytree(BASE / "data", tmp_path / "data")
    if case is not None:
        shutil.copytree(case / "data", tmp_path / "data", dirs_exist_ok=True)
    return tmp_path


def _run(cli: Callable[..., Any], root: Path) -> tuple[int, list[dict[str, Any]]]:
    result = cli("validate", root, "--per", PER, "--format", "json")
    assert result.stderr == ""
    report = json.loads(result.stdout)
    return result.exit_code, report["findings"]


def test_base_data_set_is_clean(cli: Callable[..., Any], tmp_path: Path) -> None:
    code, findings = _run(cli, _data_set(tmp_path))
    assert (code, findings) == (0, [])


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_case(cli: Callable[..., Any], tmp_path: Path, case: Path) -> None:
    expected = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))["findings"]
    code, findings = _run(cli, _data_set(tmp_path, case))
    located = [{k: f[k] for k in ("file", "line", "column", "code")} for f in findings]
    assert located == expected
    assert case.name[:5] in {f["code"] for f in findings}
    assert all(f["line"] >= 1 and f["column"] >= 1 and f["message"] for f in findings)
    assert code == (1 if any(f["severity"] == "error" for f in findings) else 0)


def test_every_code_has_a_case() -> None:
    covered = {p.name[:5] for p in CASE_DIRS} | BUILT_IN_TESTS
    assert covered == set(CODES)


def test_file_over_the_size_cap(cli: Callable[..., Any], tmp_path: Path) -> None:
    root = _data_set(tmp_path)
    big = root / "data/projecten/kerkrade/groot.yaml"
    big.write_text("naam: x\nlijst:\n" + "  - item\n" * 200_000, encoding="utf-8")
    code, findings = _run(cli, root)
    assert code == 1
    assert [(f["file"], f["line"], f["column"], f["code"]) for f in findings] == [
        ("data/projecten/kerkrade/groot.yaml", 1, 1, "PA014")
    ]


def test_symlink_out_of_the_data_root_is_not_read(cli: Callable[..., Any], tmp_path: Path) -> None:
    root = _data_set(tmp_path / "repo")
    secret = tmp_path / "geheim.txt"
    secret.write_text("wachtwoord: hunter2\n", encoding="utf-8")
    (root / "data/projecten/kerkrade/lek.yaml").symlink_to(secret)
    result = cli("validate", root, "--per", PER)
    assert result.exit_code == 1
    assert "PA015" in result.stdout and "data/projecten/kerkrade/lek.yaml" in result.stdout
    assert "hunter2" not in result.stdout + result.stderr
