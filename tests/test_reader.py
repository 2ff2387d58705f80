"""The reader's positions: lazy, exact, and the same after crossing a process boundary."""

from __future__ import annotations

import pickle

import pytest

from prestatie.cli.error_handler import run
from prestatie.dataset import load_file
from prestatie.errors import InternalError
from prestatie.source import SourceFile
from prestatie.yamlread import RECORD_EAGERLY, YamlDocument, read_yaml

TEXT = b"""id: x
naam: "Naam"
planning: {start: 2024-01-01, oplevering: 2025-06-30}
bijdragen:
  sloop: 3
voortgang:
  - datum: 2024-02-01
    toelichting: Start.
lijst: [[1, 2], {a: b}]
"""


def test_positions_of_keys_and_values() -> None:
    document = read_yaml(TEXT, "x.yaml").document
    assert document is not None
    assert document.locate(("naam",)) == (2, 7)
    assert document.locate(("naam",), key=True) == (2, 1)
    assert document.locate(("planning", "oplevering")) == (3, 43)
    assert document.locate(("bijdragen", "sloop"), key=True) == (5, 3)
    assert document.locate(("voortgang", 0, "toelichting")) == (8, 18)
    assert document.locate(("lijst", 1, "a")) == (9, 21)
    assert document.locate(("bestaat", "niet")) == (1, 1)


def test_a_document_survives_pickling_with_its_positions() -> None:
    document = read_yaml(TEXT, "x.yaml").document
    assert document is not None
    copy = pickle.loads(pickle.dumps(document))
    assert copy == document and copy.values == document.values and copy.keys == document.keys
    explicit = YamlDocument(document.data, dict(document.values), dict(document.keys))
    assert pickle.loads(pickle.dumps(explicit)) == document


def test_a_released_document_reads_its_bytes_again_for_data_and_positions() -> None:
    document = read_yaml(TEXT, "x.yaml").document
    assert document is not None
    data = document.data
    document.release()
    assert document.data == data and document.data is not data  # read again, not kept
    assert document.locate(("voortgang", 0, "toelichting")) == (8, 18)
    copy = pickle.loads(pickle.dumps(document))
    assert copy == document and copy.data == data


def test_a_large_file_keeps_its_data_and_the_positions_recorded_while_it_was_read() -> None:
    lines = b"".join(b"sleutel-%d: waarde %d\n" % (n, n) for n in range(RECORD_EAGERLY // 20))
    assert len(lines) > RECORD_EAGERLY
    document = read_yaml(lines + TEXT, "x.yaml").document
    assert document is not None
    document.release()  # kept: reading it again would take as long as reading it did
    assert document.data is document.data
    last = RECORD_EAGERLY // 20 + 1
    assert document.locate(("voortgang", 0, "toelichting")) == (last + 7, 18)
    assert document.locate(("sleutel-3",), key=True) == (4, 1)
    copy = pickle.loads(pickle.dumps(document))
    assert copy == document and copy.locate(("lijst", 1, "a")) == (last + 8, 21)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (YamlDocument({"naam": "x"}, raw=b"naam: [x\n", file="x.yaml"), "nu niet meer"),
        (YamlDocument({"naam": "y"}, raw=b"naam: x\n", file="x.yaml"), "andere gegevens"),
    ],
    ids=["bytes that no longer read", "bytes that read as other data"],
)
def test_bytes_out_of_step_with_the_data_are_an_internal_error(document: YamlDocument, problem: str) -> None:
    with pytest.raises(InternalError, match=problem):
        document.locate(("naam",))


def test_an_internal_error_ends_in_exit_3_through_the_error_handler(capsys: pytest.CaptureFixture[str]) -> None:
    def command(**_: object) -> int:
        YamlDocument({"naam": "y"}, raw=b"naam: x\n").locate(("naam",))
        return 0

    assert run(command, []) == 3
    err = capsys.readouterr().err
    assert "onverwacht" in err and "InternalError" in err and "Traceback" not in err


def test_a_file_result_survives_pickling() -> None:
    raw = TEXT.replace(b"lijst: [[1, 2], {a: b}]\n", b"gemeente: kerkrade\ntrekker: x\nstatus: idee\n")
    result = load_file(SourceFile("data/projecten/kerkrade/x.yaml", raw))
    assert result.loaded is not None, result.findings
    copy = pickle.loads(pickle.dumps(result))
    assert copy.loaded is not None and copy.loaded.model == result.loaded.model
    assert copy.loaded.document == result.loaded.document
    # Compacted (the plain data let go of), it is still the same result on both sides.
    again = pickle.loads(pickle.dumps(copy.compact()))
    assert again.loaded is not None and again.loaded.model == result.loaded.model
    assert again.loaded.document == result.loaded.document
    assert again.loaded.document.locate(("voortgang", 0, "toelichting")) == (8, 18)


def test_duplicate_key_names_the_first_line_and_keeps_the_first_value() -> None:
    outcome = read_yaml(b"a: 1\nb:\n  c: 2\nb:\n  c: 3\n", "x.yaml")
    assert [(f.code, f.line) for f in outcome.findings] == [("PA003", 4)]
    assert "regel 2" in outcome.findings[0].message
    assert outcome.document is not None and outcome.document.data == {"a": 1, "b": {"c": 2}}
    assert outcome.document.locate(("b", "c")) == (3, 6)


@pytest.mark.parametrize(
    ("source", "value", "warned"),
    [
        (b"titel: Project #1 prioriteit\n", "Project", True),
        (b"naam: a #b\nx: 1\n", "a", True),
        (b"status: idee  # twee spaties: bewust commentaar\n", "idee", False),
        (b'naam: "a #b"\n', "a #b", False),
        (b"naam: |\n  tekst #x\n", "tekst #x\n", False),
    ],
)
def test_text_cut_off_by_a_comment_is_a_warning(source: bytes, value: str, warned: bool) -> None:
    outcome = read_yaml(source, "data/projecten/kerkrade/x.yaml")
    assert outcome.document is not None
    assert next(iter(outcome.document.data.values())) == value
    codes = [(f.code, f.severity.value) for f in outcome.findings]
    assert codes == ([("PA306", "warning")] if warned else [])


def test_bytes_over_the_size_cap_are_not_parsed() -> None:
    """The reader's own cap (validate refuses such a file before reading it: tests/test_cases.py)."""
    outcome = read_yaml(b"a: b\n" + b"#" * (1024 * 1024), "data/themas.yaml")
    assert outcome.document is None
    assert [(f.file, f.line, f.column, f.code) for f in outcome.findings] == [("data/themas.yaml", 1, 1, "PA014")]
