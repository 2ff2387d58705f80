"""Property-based fuzzing of the reader: it only ever returns data or located findings."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prestatie.codes import CODES
from prestatie.yamlread import ReadOutcome, read_yaml

FUZZ = settings(
    max_examples=300,
    deadline=dt.timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)


def _check(raw: bytes, top: type = dict) -> None:
    outcome = read_yaml(raw, "data/projecten/kerkrade/fuzz.yaml", top=top)
    assert isinstance(outcome, ReadOutcome)
    for finding in outcome.findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.code in CODES and finding.message
    if outcome.document is not None:
        assert isinstance(outcome.document.data, top)
        for path in outcome.document.values:
            assert outcome.document.locate(path) == outcome.document.values[path]
    else:
        assert outcome.findings


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(raw: bytes) -> None:
    _check(raw)


@FUZZ
@given(st.text(max_size=2000))
def test_random_text(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"))


_SCALAR = st.one_of(
    st.sampled_from(
        [
            "no",
            "NO",
            "on",
            "010",
            "1.10",
            "12:30",
            "1_000",
            "2024-02-30",
            "2024-02-29",
            "~",
            "",
            "true",
            "null",
            "-1",
            "1e400",
            ".inf",
            "'x'",
            '"a\\ud800"',
            "&a x",
            "*a",
            "!!str x",
            "!x y",
            "@x",
            "`x",
            "a: b",
            "[1, 2",
            "{a: 1}",
            "- x",
            "|\n  text",
            ">-\n  x",
            "? x",
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
    st.integers().map(str),
)
_KEY = st.one_of(
    st.sampled_from(["id", "naam", "status", "2020", "1", "true", "a b", "? x", "[k]"]), st.text(max_size=6)
)


@st.composite
def yaml_like(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 25))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 4, 1, 3]))
        shape = draw(st.integers(0, 3))
        if shape == 0:
            lines.append(f"{indent}{draw(_KEY)}: {draw(_SCALAR)}")
        elif shape == 1:
            lines.append(f"{indent}- {draw(_SCALAR)}")
        elif shape == 2:
            lines.append(f"{indent}{draw(_KEY)}:")
        else:
            lines.append(
                draw(st.sampled_from(["---", "...", "# comment", "\t- x", "%YAML 1.1", "", "<<<<<<< HEAD"]))
            )
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


@FUZZ
@given(yaml_like(), st.sampled_from([dict, list]))
def test_structured_yaml_like_text(text: str, top: type) -> None:
    _check(text.encode("utf-8", "surrogatepass"), top)
