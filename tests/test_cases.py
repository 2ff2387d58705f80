"""Data-driven located cases under tests/cases/ (the format is explained in tests/cases/README.md).

Each case folder is named ``PAxxx-what`` after the code it is about. It holds a ``data/``
overlay that is copied over the small, valid data set in ``tests/cases/_base``,
optionally a ``remove.txt`` naming base files to delete first, and an ``expected.txt``
with every finding of the run at peildatum 2024-12-31, one ``file:line:column: CODE``
per line in the order validate reports them. A code may have several case folders (one
per place it is raised from), and a folder may pin several findings.

The test keeps every code of ``codes.CODES`` covered by at least one case.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from prestatie.codes import CODES

CASES = Path(__file__).parent / "cases"
BASE = CASES / "_base"
PER = "2024-12-31"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))
# Codes whose input cannot live in a folder (a file over 1 MiB, a symbolic link): tested below.
BUILT_IN_TESTS = {"PA014", "PA015"}
_EXPECTED_LINE = re.compile(
    r"(?P<file>[^\s:#]+):(?P<line>[0-9]+):(?P<column>[0-9]+): (?P<code>PA[0-9]{3})(?:\s+#.*)?"
)


def expected_findings(case: Path) -> list[str]:
    """The findings ``expected.txt`` lists, as ``file:line:column: CODE`` (comments dropped)."""
    found = []
    for number, text in enumerate((case / "expected.txt").read_text(encoding="utf-8").splitlines(), 1):
        text = text.strip()
        if not text or text.startswith("#"):
            continue
        match = _EXPECTED_LINE.fullmatch(text)
        assert match, f"{case.name}/expected.txt line {number}: not 'file:line:column: CODE': {text!r}"
        found.append(f"{match['file']}:{match['line']}:{match['column']}: {match['code']}")
    return found


def _data_set(tmp_path: Path, case: Path | None = None) -> Path:
    shutil.copytree(BASE / "data", tmp_path / "data")
    if case is None:
        return tmp_path
    removed = case / "remove.txt"
    if removed.exists():
        for name in removed.read_text(encoding="utf-8").splitlines():
            if name.strip() and not name.startswith("#"):
                (tmp_path / name.strip()).unlink()
    if (case / "data").is_dir():
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
    expected = expected_findings(case)
    code, findings = _run(cli, _data_set(tmp_path, case))
    located = [f"{f['file']}:{f['line']}:{f['column']}: {f['code']}" for f in findings]
    assert located == expected
    assert case.name[:5] in {f["code"] for f in findings}
    assert all(f["line"] >= 1 and f["column"] >= 1 and f["message"] for f in findings)
    assert code == (1 if any(f["severity"] == "error" for f in findings) else 0)


def test_every_case_folder_has_the_expected_file() -> None:
    """A folder in an older or misspelt format would otherwise be skipped silently."""
    for case in CASE_DIRS:
        assert re.fullmatch(r"PA[0-9]{3}-[a-z0-9-]+", case.name), case.name
        assert case.name[:5] in CODES, case.name
        assert (case / "expected.txt").is_file(), f"{case.name}: no expected.txt (see tests/cases/README.md)"
        allowed = {"data", "expected.txt", "remove.txt"}
        assert {p.name for p in case.iterdir()} <= allowed, f"{case.name}: only {sorted(allowed)}"


def test_every_case_is_in_the_table_of_raise_sites() -> None:
    """tests/cases/README.md says which place each case pins; a new case gets a row there."""
    table = (CASES / "README.md").read_text(encoding="utf-8")
    missing = [case.name for case in CASE_DIRS if f"| {case.name} |" not in table]
    assert not missing, f"add a row for each to the tables in tests/cases/README.md: {missing}"


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


def _link_to_a_folder(data: Path) -> str:
    (data / "projecten/kerkrade-link").symlink_to(data / "projecten/kerkrade", target_is_directory=True)
    return "data/projecten/kerkrade-link"


def _fifo(data: Path) -> str:
    os.mkfifo(data / "projecten/kerkrade/pijp.yaml")
    return "data/projecten/kerkrade/pijp.yaml"


def _broken_link(data: Path) -> str:
    (data / "projecten/kerkrade/weg.yaml").symlink_to(data / "projecten/kerkrade/bestaat-niet.yaml")
    return "data/projecten/kerkrade/weg.yaml"


@pytest.mark.parametrize(
    "make", [_link_to_a_folder, _fifo, _broken_link], ids=["link to a folder", "fifo", "broken link"]
)
def test_files_that_are_not_read(cli: Callable[..., Any], tmp_path: Path, make: Callable[[Path], str]) -> None:
    """The other places PA015 is raised from (a link out of data/: the test above)."""
    root = _data_set(tmp_path)
    path = make(root / "data")
    code, findings = _run(cli, root)
    assert code == 1
    assert [(f["file"], f["line"], f["column"], f["code"]) for f in findings] == [(path, 1, 1, "PA015")]
