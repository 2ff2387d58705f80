"""Line-by-line edits: on every shipped project, only the lines meant to change do."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from prestatie.edit.voortgang import record_progress
from prestatie.edit.yamltext import YamlText
from prestatie.validate import validate_directory

REPO = Path(__file__).resolve().parents[1]
PROJECTS = sorted((REPO / "data/projecten").glob("*/*.yaml"))


@pytest.mark.parametrize("source", PROJECTS, ids=[p.stem for p in PROJECTS])
def test_every_shipped_project_keeps_its_untouched_lines(data_copy: Path, source: Path) -> None:
    path = data_copy / source.relative_to(REPO)
    before = path.read_bytes().splitlines(keepends=True)
    text = path.read_text(encoding="utf-8")
    new_status = "uitvoering" if "\nstatus: uitvoering" not in text else "voorbereiding"
    today = dt.date.today()  # after every entry, so the entry goes at the end
    record_progress(data_copy, path.stem, "Stand: zie het verslag, fase 2.", status=new_status, datum=today)
    after = path.read_bytes().splitlines(keepends=True)
    changed_old: list[bytes] = []
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            changed_old.extend(before[i1:i2])
    # Only the status line and (when the project was opgeleverd) the opgeleverd line change.
    assert all(line.startswith((b"status:", b"opgeleverd:")) for line in changed_old), changed_old
    assert len(after) - len(before) == 2
    assert after[-2:] == [
        f"  - datum: {today.isoformat()}\n".encode(),
        b'    toelichting: "Stand: zie het verslag, fase 2."\n',
    ]
    _, result = validate_directory(data_copy, peildatum=dt.date.today())
    assert [f for f in result.findings if f.file.endswith(path.name) and f.severity == "error"] == []


def test_a_byte_order_mark_and_missing_final_newline_survive() -> None:
    text = YamlText("\ufeffid: x\r\nstatus: idee  # s\r\nvoortgang: []".encode())
    text.set_value("status", "uitvoering", keep_quotes=True)
    text.append_item("voortgang", [("datum", dt.date(2024, 1, 2)), ("toelichting", "Start")])
    assert (
        text.encode()
        == (
            "\ufeffid: x\r\nstatus: uitvoering # s\r\nvoortgang:\r\n  - datum: 2024-01-02\r\n    toelichting: Start\r\n"
        ).encode()
    )


def test_a_trailing_comment_keeps_its_column_when_there_is_room() -> None:
    text = YamlText(b"opgeleverd: null        # datum\nstatus: 'idee'\n")
    text.set_value("opgeleverd", "2024-01-02")
    text.set_value("status", "opgeleverd", keep_quotes=True)
    assert text.encode() == b"opgeleverd: 2024-01-02  # datum\nstatus: 'opgeleverd'\n"


def test_an_indented_list_style_is_followed() -> None:
    text = YamlText(b"voortgang:\n-   datum: 2023-01-01\n    toelichting: a\n# eind\n")
    text.append_item("voortgang", [("datum", dt.date(2024, 1, 2)), ("toelichting", "b")])
    assert text.encode() == (
        b"voortgang:\n-   datum: 2023-01-01\n    toelichting: a\n-   datum: 2024-01-02\n    toelichting: b\n# eind\n"
    )
