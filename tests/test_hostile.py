"""The hostile YAML examples of ../shared/hostile-examples: never a traceback, always located."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED, shared_params
from prestatie.codes import CODES
from prestatie.dataset import load_file
from prestatie.source import SourceFile
from prestatie.yamlread import ReadOutcome, read_yaml

HOSTILE = SHARED / "hostile-examples"
MANIFEST: list[dict[str, Any]] = (
    json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8")) if HOSTILE.is_dir() else []
)
HUGE = "28_huge_file.yaml"


def _raw(hostile_dir: Path, entry: dict[str, Any]) -> bytes:
    name = entry["file"]
    if name.startswith(HUGE):  # not stored: the manifest says how to make it
        return ("naam: x\nlijst:\n" + "  - item\n" * 400000 + "\n").encode("utf-8")
    return (hostile_dir / name).read_bytes()


def _ids(entries: list[dict[str, Any]]) -> list[str]:
    return [e["file"].split(" ")[0] for e in entries]


@pytest.mark.parametrize("entry", shared_params("hostile-examples", MANIFEST, _ids(MANIFEST)))
def test_reader_on_the_bare_file(hostile_dir: Path, entry: dict[str, Any]) -> None:
    raw = _raw(hostile_dir, entry)
    outcome = read_yaml(raw, "data/projecten/kerkrade/x.yaml")
    assert isinstance(outcome, ReadOutcome)
    for finding in outcome.findings:
        assert finding.line >= 1 and finding.column >= 1 and finding.code in CODES
        assert finding.message
    # As a project file: the reader and the schema together must explain an error.
    result = load_file(SourceFile("data/projecten/kerkrade/x.yaml", raw))
    if entry["expect"] == "error":
        assert result.findings, entry["note"]
        assert all(f.line >= 1 and f.column >= 1 for f in result.findings)


def test_yaml_11_surprises_stay_text_or_are_refused(hostile_dir: Path) -> None:
    def read(name: str) -> ReadOutcome:
        return read_yaml((hostile_dir / name).read_bytes(), name)

    # 1.10 is a valid YAML 1.2 number; where text is meant the schema refuses it (PA107).
    version = read("11_version_float.yaml")
    assert version.document is not None
    result = load_file(SourceFile("data/afspraken/x.yaml", b"nummer: 1.10\n"))
    assert "PA107" in {f.code for f in result.findings}
    for name in ("07_norway_bool.yaml", "09_octal_id.yaml", "10_sexagesimal.yaml"):
        outcome = read(name)
        assert outcome.document is not None
        values = list(outcome.document.data.values())
        assert all(isinstance(v, str) for v in values), (name, values)
        assert {f.code for f in outcome.findings} <= {"PA017"}
    bom = read("20_bom_utf8.yaml")
    assert bom.document is not None and "naam" in bom.document.data
    crlf = read("43_crlf.yaml")
    assert crlf.document is not None and crlf.findings == []
    cp1252 = read("21_cp1252.yaml")
    assert [(f.code, f.line, f.column) for f in cp1252.findings] == [("PA001", 1, 10)]
    assert "UTF-8" in cp1252.findings[0].message
    duplicate = read("05_duplicate_key.yaml")
    assert [(f.code, f.line) for f in duplicate.findings] == [("PA003", 3)]
    assert "regel 2" in duplicate.findings[0].message


@pytest.mark.parametrize("entry", shared_params("hostile-examples", MANIFEST, _ids(MANIFEST)))
def test_whole_command_with_the_file_as_a_project(
    hostile_dir: Path, data_copy: Path, cli: Callable[..., Any], entry: dict[str, Any]
) -> None:
    target = data_copy / "data/projecten/kerkrade/vijandig.yaml"
    target.write_bytes(_raw(hostile_dir, entry))
    for output in ("text", "json", "github"):
        result = cli("validate", data_copy, "--format", output)
        assert "Traceback" not in result.stdout + result.stderr
        assert result.exit_code in (0, 1)
        if entry["expect"] == "error":
            assert result.exit_code == 1
    report = json.loads(cli("validate", data_copy, "--format", "json").stdout)
    mine = [f for f in report["findings"] if f["file"] == "data/projecten/kerkrade/vijandig.yaml"]
    assert all(f["line"] >= 1 and f["column"] >= 1 for f in mine)
    if entry["expect"] == "error":
        assert any(f["severity"] == "error" for f in mine)


def test_hostile_files_do_not_hide_each_other(
    hostile_dir: Path, data_copy: Path, cli: Callable[..., Any]
) -> None:
    folder = data_copy / "data/projecten/kerkrade"
    errors = [e for e in MANIFEST if e["expect"] == "error" and not e["file"].startswith(HUGE)]
    for index, entry in enumerate(errors):
        shutil.copy(hostile_dir / entry["file"], folder / f"vijandig-{index:02d}.yaml")
    report = json.loads(cli("validate", data_copy, "--format", "json").stdout)
    files = {f["file"] for f in report["findings"] if f["severity"] == "error"}
    assert {f"data/projecten/kerkrade/vijandig-{i:02d}.yaml" for i in range(len(errors))} <= files
