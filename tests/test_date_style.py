"""One date style for everything a user reads, written in one place: ``dutch.py``.

A date in text, a table, a finding or a report is ``dutch.datum`` (``24 juni 2026``) or
``dutch.datum_kort`` (``24 jun 2026``). This test reads the source of every module and
fails where one writes a date itself: ``.isoformat()``, ``.strftime()``, babel's date
functions, or a day or month put into an f-string. ISO dates are right only where they
are the contract of machine output, or where a value is echoed exactly as the user typed
it; each such place is listed below with its reason. A new place either uses dutch.py or
earns an entry here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import prestatie

SRC = Path(prestatie.__file__).parent

_JSON = "the JSON contract (--format json): dates are YYYY-MM-DD"
_TEMPLATE_DATA = "plain data for the templates, which show it with the |datum filter (<time datetime> wants ISO)"

# (module, enclosing function) -> why an ISO date is right there.
ALLOWED: dict[tuple[str, str], str] = {
    ("cyclus/overview.py", "TrajectStand.to_dict.day"): _JSON,
    ("cyclus/overview.py", "CyclusStand.to_dict"): _JSON,
    ("status/model.py", "Figures.to_dict"): _JSON,
    ("status/model.py", "AfspraakStatus.to_dict"): _JSON,
    ("status/model.py", "VertraagdProject.to_dict"): _JSON,
    ("status/model.py", "StilProject.to_dict"): _JSON,
    ("status/model.py", "OvereenkomstInfo.to_dict"): _JSON,
    ("status/model.py", "StatusReport.to_dict"): _JSON,
    ("status/vergelijk.py", "StatusVergelijking.to_dict"): _JSON,
    ("diff/model.py", "plain"): _JSON,
    ("cyclus/briefing.py", "jaarcyclus_section"): _TEMPLATE_DATA,
    ("cyclus/briefing.py", "jaarcyclus_section.day"): _TEMPLATE_DATA,
    ("report/data.py", "_project_rows"): _TEMPLATE_DATA,
    ("report/data.py", "_actions"): _TEMPLATE_DATA,
    ("report/data.py", "_recent"): _TEMPLATE_DATA,
    ("report/data.py", "build_report"): _TEMPLATE_DATA,
    ("report/data.py", "_colophon"): _TEMPLATE_DATA,
    ("report/data.py", "build_index"): _TEMPLATE_DATA,
    ("edit/scalars.py", "date_scalar"): "a date written into a data file: YAML wants JJJJ-MM-DD",
    ("edit/cyclus.py", "cyclus_yaml"): "a comment in a new data file, next to the dates the user fills in as JJJJ-MM-DD",
    ("export/csvtable.py", "_cell"): "a CSV cell: data for another program, read back by import",
    ("export/tables.py", "_projects_table"): "the phases cell of the exported data, in the notation of the data file",
    ("schemacheck.py", "describe_value"): "echoes the value as the user typed it (YAML read it as a date)",
    ("schemacheck.py", "_message"): "echoes the value as the user typed it (YAML read it as a date)",
    ("sheetread.py", "shown"): "echoes a cell as the user typed it in the sheet",
}

_METHODS = {"isoformat", "strftime"}
_BABEL = {"format_date", "format_datetime", "format_skeleton", "format_interval"}
_PARTS = {"day", "month"}


def date_formatting(source: str) -> Iterator[tuple[str, int, str]]:
    """(enclosing function, line, what) for each place in ``source`` that writes a date."""

    def visit(node: ast.AST, scope: str) -> Iterator[tuple[str, int, str]]:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            scope = f"{scope}.{node.name}" if scope else node.name
        where = scope or "<module>"
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in _METHODS:
                yield where, node.lineno, f".{func.attr}()"
            if isinstance(func, ast.Attribute | ast.Name) and (
                func.attr if isinstance(func, ast.Attribute) else func.id
            ) in _BABEL:
                yield where, node.lineno, "babel"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("babel"):
            yield where, node.lineno, "babel"
        if isinstance(node, ast.FormattedValue):
            value = node.value
            if isinstance(value, ast.Attribute) and value.attr in _PARTS:
                yield where, node.lineno, f"{{….{value.attr}}} in an f-string"
            spec = node.format_spec
            if spec is not None and "%" in ast.unparse(spec):
                yield where, node.lineno, "a strftime format in an f-string"
        for child in ast.iter_child_nodes(node):
            yield from visit(child, scope)

    yield from visit(ast.parse(source), "")


def test_no_module_but_dutch_writes_a_date_for_users() -> None:
    found: set[tuple[str, str]] = set()
    wrong: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).as_posix()
        if module == "dutch.py":
            continue
        for scope, line, what in date_formatting(path.read_text(encoding="utf-8")):
            found.add((module, scope))
            if (module, scope) not in ALLOWED:
                wrong.append(f"{module}:{line} ({scope}): {what}")
    assert not wrong, (
        "a date written for users outside dutch.py; use dutch.datum or dutch.datum_kort "
        "(or, for machine output, add the place to ALLOWED with its reason):\n" + "\n".join(wrong)
    )
    stale = sorted(set(ALLOWED) - found)
    assert not stale, f"ALLOWED lists places that no longer write a date: {stale}"


def test_the_scan_finds_each_way_of_writing_a_date() -> None:
    source = (
        "import datetime as dt\n"
        "from babel.dates import format_date\n"
        "def a(d: dt.date) -> str:\n"
        "    return f'op {d.isoformat()}'\n"
        "def b(d: dt.date) -> str:\n"
        "    return d.strftime('%d-%m-%Y')\n"
        "def c(d: dt.date) -> str:\n"
        "    return f'{d.day:02d}-{d.month:02d}-{d.year}'\n"
        "def e(d: dt.date) -> str:\n"
        "    return f'{d:%d %B %Y}'\n"
        "class K:\n"
        "    def f(self, d: dt.date) -> str:\n"
        "        return format_date(d, locale='nl_NL')\n"
    )
    assert sorted({(scope, what) for scope, _, what in date_formatting(source)}) == [
        ("<module>", "babel"),
        ("K.f", "babel"),
        ("a", ".isoformat()"),
        ("b", ".strftime()"),
        ("c", "{….day} in an f-string"),
        ("c", "{….month} in an f-string"),
        ("e", "a strftime format in an f-string"),
    ]
