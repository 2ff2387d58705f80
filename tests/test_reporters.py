"""The reporters on their own: JSON shape, GitHub escaping, text grouping without colour."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console

from prestatie.findings import Finding, Severity, ValidationResult
from prestatie.reporters import github, text
from prestatie.reporters import json as json_reporter
from prestatie.terminal import _console_class


def _result() -> ValidationResult:
    return ValidationResult(
        3,
        [
            Finding("data/a.yaml", 2, 5, "PA203", Severity.ERROR, "Onbekend: 'x'. 50% klaar,\nregel twee\r"),
            Finding("data/a.yaml", 4, 1, "PA305", Severity.WARNING, "Trekker ontbreekt."),
            Finding("data/b,c:d%.yaml", 1, 1, "PA213", Severity.ERROR, "Verkeerde plek."),
        ],
    )


def test_json_shape() -> None:
    report = json.loads(json_reporter.render(_result()))
    assert list(report) == ["valid", "files", "errors", "warnings", "findings"]
    assert (report["valid"], report["files"], report["errors"], report["warnings"]) == (False, 3, 2, 1)
    assert report["findings"][1] == {
        "file": "data/a.yaml",
        "line": 4,
        "column": 1,
        "code": "PA305",
        "severity": "warning",
        "message": "Trekker ontbreekt.",
    }


def test_github_annotations_and_escaping() -> None:
    lines = github.render(_result()).splitlines()
    assert lines == [
        "::error file=data/a.yaml,line=2,col=5,title=PA203::Onbekend: 'x'. 50%25 klaar,%0Aregel twee%0D",
        "::warning file=data/a.yaml,line=4,col=1,title=PA305::Trekker ontbreekt.",
        "::error file=data/b%2Cc%3Ad%25.yaml,line=1,col=1,title=PA213::Verkeerde plek.",
    ]


def test_text_is_grouped_per_file_without_colour() -> None:
    out = io.StringIO()
    console = Console(file=out, no_color=True, force_terminal=False, soft_wrap=True, highlight=False)
    lines = {("data/a.yaml", 2): "trekker: x", ("data/a.yaml", 4): "trekker: heemwonen"}
    text.write(_result(), console, lambda file, line: lines.get((file, line)))
    output = out.getvalue()
    assert "\x1b[" not in output
    # A newline or carriage return in a message (from data) never starts a line of its own.
    assert output.splitlines()[:3] == [
        "data/a.yaml",
        "  regel 2, kolom 5: fout PA203  Onbekend: 'x'. 50% klaar,\\nregel twee\\r",
        "    2 | trekker: x",
    ]
    assert "      |     ^" in output
    assert output.index("data/a.yaml") < output.index("data/b,c:d%.yaml")
    assert output.count("data/a.yaml\n") == 1
    assert output.rstrip().endswith("2 fouten en 1 waarschuwing in 3 bestanden.")


def test_text_in_colour_on_a_terminal_says_the_same_words() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="standard", soft_wrap=True)
    text.write(_result(), console, lambda file, line: None)
    coloured = out.getvalue()
    assert "\x1b[" in coloured
    plain = io.StringIO()
    text.write(_result(), Console(file=plain, no_color=True, soft_wrap=True), lambda file, line: None)
    import re

    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured).replace("\r", "") == plain.getvalue().replace("\r", "")


def test_summary_when_all_is_well() -> None:
    assert text.summary(ValidationResult(39, [])) == (
        "Alles in orde: 39 bestanden gecontroleerd, geen fouten of waarschuwingen."
    )


@pytest.mark.parametrize("color_system", ["standard", "256", "truecolor"])
def test_text_in_colour_is_what_rich_prints_block_by_block(color_system: str) -> None:
    """The coloured text goes out as one string: byte for byte what printing each block
    through the console (Rich, which keeps a record, is asked to do that) gives."""
    lines = {
        ("data/a.yaml", 2): "  thema: \x1b[31mrood\x1b[0m\tx",
        ("data/a.yaml", 4): "trekker: " + "lang " * 80,
        ("data/b,c:d%.yaml", 1): "id: b",
    }
    result = ValidationResult(
        3,
        [*_result().findings, Finding("data/c.yaml", 7, 3, "PA301", Severity.WARNING, "Te laat\x07.")],
    )
    outputs = []
    for record in (False, True):
        out = io.StringIO()
        console = _console_class()(
            file=out,
            force_terminal=True,
            color_system=color_system,
            soft_wrap=True,
            highlight=False,
            markup=False,
            emoji=False,
            record=record,
        )
        text.write(result, console, lambda file, line: lines.get((file, line)))
        outputs.append(out.getvalue())
    assert "\x1b[" in outputs[0]  # in colour
    assert "rood" in outputs[0] and "\x1b[31mrood" not in outputs[0]  # the data's own codes shown escaped
    assert outputs[0] == outputs[1]


def test_text_in_colour_wraps_where_the_console_wraps() -> None:
    """A console that wraps long lines (not the one prestatie makes) still gets Rich's wrapping."""
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="standard", width=40, highlight=False)
    text.write(_result(), console, lambda file, line: None)
    assert max(len(re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in out.getvalue().splitlines()) <= 40
