"""Rules across files, beyond the data-driven cases: suggestions, broken files, edge dates."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from prestatie.validate import validate_directory

BASE = Path(__file__).parent / "cases" / "_base"
PROJECT = "data/projecten/kerkrade/kerkrade-seniorenwoningen.yaml"
PER = dt.date(2024, 12, 31)


def _root(tmp_path: Path) -> Path:
    shutil.copytree(BASE / "data", tmp_path / "data")
    return tmp_path


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_unknown_reference_suggests_the_id_also_from_a_name(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _edit(root, PROJECT, "trekker: heemwonen", "trekker: heemwonen-x")
    _edit(root, PROJECT, "afspraken: [nieuwbouw-ouderen]", "afspraken: [nieuwbouw-oudere]")
    _, result = validate_directory(root, peildatum=PER)
    messages = [f.message for f in result.findings if f.code == "PA203"]
    assert any("Bedoelde u 'heemwonen'?" in m for m in messages)
    assert any("Bedoelde u 'nieuwbouw-ouderen'?" in m for m in messages)


def test_reference_to_a_broken_file_is_not_reported_twice(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _edit(root, "data/afspraken/nieuwbouw-ouderen.yaml", "status: lopend", "status: bezig")
    _, result = validate_directory(root, peildatum=PER)
    assert [f.code for f in result.findings] == ["PA104"]


def test_missing_regio_does_not_flood_with_unknown_references(tmp_path: Path) -> None:
    root = _root(tmp_path)
    (root / "data/regio.yaml").unlink()
    _, result = validate_directory(root, peildatum=PER)
    assert [(f.file, f.code) for f in result.findings] == [("data/regio.yaml", "PA213")]


def test_jaarschijven_tolerate_float_rounding(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _edit(root, "data/afspraken/nieuwbouw-ouderen.yaml", "streefwaarde: 100", "streefwaarde: 0.3")
    _edit(
        root,
        "data/afspraken/nieuwbouw-ouderen.yaml",
        "{2020: 20, 2021: 20, 2022: 20, 2023: 20, 2024: 20}",
        "{2020: 0.1, 2021: 0.2}",
    )
    _, result = validate_directory(root, peildatum=PER)
    assert "PA210" not in {f.code for f in result.findings}


def test_idee_needs_no_voortgang_but_uitvoering_does(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _edit(root, PROJECT, "voortgang:\n  - {datum: 2024-10-01, toelichting: Ruwbouw gereed.}\n", "")
    _, result = validate_directory(root, peildatum=PER)
    assert [f.code for f in result.findings] == ["PA302"]
    _edit(root, PROJECT, "status: uitvoering", "status: idee")
    _, result = validate_directory(root, peildatum=PER)
    assert result.findings == []
