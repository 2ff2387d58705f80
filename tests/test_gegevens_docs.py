"""docs/gegevens.md names every field of every data file, in the section of that file.

The fields come from the JSON Schemas (built from the models, see test_jsonschema.py), so a
field added to a model without a word in the docs fails here.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import REPO
from prestatie.jsonschema import KINDS, build_schema

GEGEVENS = (REPO / "docs" / "gegevens.md").read_text(encoding="utf-8")
HEADINGS = {
    "regio": "## regio.yaml",
    "themas": "## themas.yaml",
    "afspraak": "## afspraken/",
    "project": "## projecten/",
    "cyclus": "## cyclus/",
    "overeenkomst": "## overeenkomsten/",
    "metingen": "## metingen/",
}


def _fields(node: Any, defs: dict[str, Any], seen: frozenset[str] = frozenset()) -> set[str]:
    """The property names below ``node``, following ``$ref`` into ``$defs`` once."""
    if isinstance(node, list):
        return set().union(*(_fields(item, defs, seen) for item in node))
    if not isinstance(node, dict):
        return set()
    if isinstance(ref := node.get("$ref"), str):
        name = ref.rsplit("/", 1)[-1]
        return set() if name in seen else _fields(defs.get(name, {}), defs, seen | {name})
    found = set(node.get("properties", {}))
    for key, value in node.items():
        if key != "$defs":
            found |= _fields(value, defs, seen)
    return found


def _section(kind: str) -> str:
    heading = HEADINGS[kind]
    assert heading in GEGEVENS, heading
    return GEGEVENS.split(heading, 1)[1].split("\n## ", 1)[0]


def test_every_kind_has_a_section() -> None:
    assert set(HEADINGS) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_field_is_named_in_its_section(kind: str) -> None:
    schema = build_schema(kind)
    fields = _fields(schema, schema.get("$defs", {}))
    assert len(fields) >= 2
    section = _section(kind)
    missing = sorted(f for f in fields if not re.search(rf"[`{{ ,]{re.escape(f)}[`}},:]", section))
    assert missing == [], f"docs/gegevens.md, {HEADINGS[kind]}: name these fields {missing}"
