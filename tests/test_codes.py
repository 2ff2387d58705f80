"""Every finding code is declared where it is raised, and the catalogue follows from that.

A reader module declares its codes with ``RAISES = raised_here(...)``, a rule with
``@rule(...)``. These tests read each module's source (``ast``) and check:

- the code literals in a module are exactly the codes it declares (a code named but
  not declared, or declared but never named, fails);
- each rule function names only codes its own ``@rule`` declares;
- together the declarations are the catalogue ``codes.CODES``, each documented in
  docs/meldingen.md;
- at run time a rule that yields a code it did not declare is stopped.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import prestatie
from conftest import REPO
from prestatie.codes import CODES, raised_here
from prestatie.dataset import DataSet
from prestatie.findings import Finding, Severity
from prestatie.rules import RULES, Rule
from prestatie.rules.registry import UndeclaredCode

PACKAGE = Path(prestatie.__file__).parent
CODE = re.compile(r"PA\d{3}")
MELDINGEN = (REPO / "docs" / "meldingen.md").read_text(encoding="utf-8")


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__main__":
            continue  # runs the command line when imported
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _is_declaration(node: ast.AST) -> bool:
    """``RAISES = raised_here(...)`` or a ``@rule(...)`` decorator."""
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == "RAISES" for t in node.targets)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "rule"


def _literals(node: ast.AST) -> set[str]:
    """The code literals below ``node``, outside declarations."""
    found: set[str] = set()
    if _is_declaration(node):
        return found
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value):
        found.add(node.value)
    for child in ast.iter_child_nodes(node):
        found |= _literals(child)
    return found


def _declared(module: ModuleType) -> set[str]:
    """What a module declares: its RAISES, and the codes of the rules defined in it."""
    declared = set(getattr(module, "RAISES", ()))
    for registered in RULES:
        if registered.function.__module__ == module.__name__:
            declared |= registered.codes
    return declared


def test_every_module_declares_exactly_the_codes_it_names() -> None:
    checked = 0
    for name, path in _modules():
        if name == "prestatie.codes":
            continue  # the catalogue itself
        module = importlib.import_module(name)
        named = _literals(ast.parse(path.read_text(encoding="utf-8")))
        assert named == _declared(module), (
            f"{name} names {sorted(named)} but declares {sorted(_declared(module))}: declare the codes it "
            "raises (RAISES = raised_here(...) or @rule(...)); read anything else from codes.CODES"
        )
        checked += bool(named)
    assert checked >= 6  # yamlread, schemacheck, source, gitsource, layout, the rule modules


def test_each_rule_names_only_the_codes_it_declares() -> None:
    assert len(RULES) >= 13
    for registered in RULES:
        module = importlib.import_module(registered.function.__module__)
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        (function,) = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.name == registered.function.__name__
        ]
        named = set().union(*(_literals(statement) for statement in function.body))
        assert named <= registered.codes, f"{registered.name} names {sorted(named - registered.codes)}"


def test_the_declarations_are_the_catalogue_and_all_are_documented() -> None:
    declared: set[str] = set()
    for name, _ in _modules():
        if name != "prestatie.codes":
            declared |= _declared(importlib.import_module(name))
    assert declared == set(CODES)
    for code in declared:
        assert f"## {code}: {CODES[code].title}" in MELDINGEN, code


def test_a_code_outside_the_catalogue_cannot_be_declared() -> None:
    with pytest.raises(KeyError, match="PA999"):
        raised_here("PA201", "PA999")


def test_a_rule_that_yields_an_undeclared_code_is_stopped() -> None:
    def wrong(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
        yield Finding("data/regio.yaml", 1, 1, "PA202", Severity.ERROR, "x")

    with pytest.raises(UndeclaredCode, match="PA202"):
        list(Rule(wrong, frozenset({"PA201"})).run(DataSet(), dt.date(2024, 1, 1)))
