"""Property-based fuzzing of the reader: it only ever returns data or located findings.

When it returns data, every key and value must be where an independent reading of
the same text puts it: PyYAML's composer (``yaml.compose``), whose nodes carry their
own start marks, walked side by side with the data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prestatie.codes import CODES
from prestatie.yamlread import ReadOutcome, YamlDocument, YamlPath, read_yaml

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
        # A refused key (duplicate, not text) is left out of the data on purpose, and a
        # value in typographic quotes (PA019, e.g. a key '«»') loses them; the composer
        # keeps both, so the two trees only line up when none of these was reported.
        if not {"PA003", "PA009", "PA019"} & {f.code for f in outcome.findings}:
            text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
            checked = _same_positions_as_composer(outcome.document, yaml.compose(text, Loader=yaml.CSafeLoader))
            assert checked == _count(outcome.document.data)
    else:
        assert outcome.findings


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _same_positions_as_composer(document: YamlDocument, root: yaml.Node) -> int:
    """Compare every position with the composer's node marks; return how many nodes were compared."""
    checked = 0
    stack: list[tuple[YamlPath, Any, yaml.Node]] = [((), document.data, root)]
    while stack:
        path, data, node = stack.pop()
        assert document.locate(path) == _mark(node), (path, node)
        checked += 1
        if isinstance(node, yaml.MappingNode):
            assert isinstance(data, dict) and len(data) == len(node.value), path
            for (name, child), (key_node, value_node) in zip(data.items(), node.value, strict=True):
                assert str(name) == key_node.value or int(key_node.value) == name, (path, name)
                assert document.locate((*path, name), key=True) == _mark(key_node), (path, name)
                stack.append(((*path, name), child, value_node))
        elif isinstance(node, yaml.SequenceNode):
            assert isinstance(data, list) and len(data) == len(node.value), path
            stack.extend(((*path, i), child, item) for i, (child, item) in enumerate(zip(data, node.value, strict=True)))
        else:
            assert not isinstance(data, dict | list), path
    return checked


def _count(data: Any) -> int:
    if isinstance(data, dict):
        return 1 + sum(_count(child) for child in data.values())
    if isinstance(data, list):
        return 1 + sum(_count(child) for child in data)
    return 1


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


_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(),
    st.text(max_size=30),
    _SCALAR,
)
_KEYS = st.one_of(_KEY, st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=10))
_TREE = st.recursive(
    _LEAF,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(_KEYS, children, max_size=5)),
    max_leaves=40,
)


@st.composite
def dumped_yaml(draw: st.DrawFn) -> str:
    """Nested data written out by PyYAML in a random mix of block and flow styles."""
    data = draw(st.dictionaries(_KEYS, _TREE, min_size=1, max_size=6))
    return yaml.safe_dump(
        data,
        default_flow_style=draw(st.sampled_from([False, True, None])),
        indent=draw(st.integers(2, 6)),
        width=draw(st.integers(20, 120)),
        allow_unicode=draw(st.booleans()),
        sort_keys=False,
    )


@settings(FUZZ, max_examples=150)
@given(dumped_yaml())
def test_positions_of_nested_data_match_the_composer(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"))
