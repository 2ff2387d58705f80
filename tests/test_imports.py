"""The module graph of prestatie: no import cycles, no upward imports, git only in gitsource.

Every import of a prestatie module counts, also one inside a function (``ast`` reads
them all). Each module belongs to one layer of LAYERS (the same list as in
CONTRIBUTING.md, "Layers"); a module may import from its own layer and the layers
below it, never from a layer above. A new module needs a place in LAYERS.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import prestatie

PACKAGE = Path(prestatie.__file__).parent

# Lowest first. "x.*" is the package x with all its modules; otherwise one module.
LAYERS: list[tuple[str, list[str]]] = [
    (
        "basis",
        [
            "prestatie", "prestatie.errors", "prestatie.findings", "prestatie.codes", "prestatie.codedocs",
            "prestatie.suggest", "prestatie.units", "prestatie.layout", "prestatie.terminal", "prestatie.dutch",
            "prestatie.neutral", "prestatie.limits", "prestatie.collector",
        ],
    ),
    (
        "reading",
        [
            "prestatie.yamlsyntax", "prestatie.yamlread", "prestatie.models", "prestatie.schemacheck",
            "prestatie.source", "prestatie.gitsource", "prestatie.atomic", "prestatie.jsonschema",
            "prestatie.sheetread", "prestatie.cache",
            "prestatie.cyclus", "prestatie.cyclus.model",
        ],
    ),
    ("data set", ["prestatie.dataset", "prestatie.expected", "prestatie.projectstate", "prestatie.targetstate", "prestatie.selection", "prestatie.cyclus.state"]),
    ("checking", ["prestatie.rules.*", "prestatie.validate"]),
    (
        "engines",
        [
            "prestatie.status", "prestatie.status.engine", "prestatie.status.model",
            "prestatie.status.series",
            "prestatie.diff", "prestatie.diff.compare", "prestatie.diff.model", "prestatie.diff.scope",
            "prestatie.diff.engine", "prestatie.edit.*", "prestatie.status.vergelijk",
            "prestatie.cyclus.overview", "prestatie.cyclus.briefing",
            "prestatie.export", "prestatie.export.tables", "prestatie.export.cells",
        ],
    ),
    (
        "presentation",
        [
            "prestatie.status.text", "prestatie.status.describe", "prestatie.status.vergelijk_text", "prestatie.diff.text", "prestatie.diff.markdown",
            "prestatie.cyclus.text", "prestatie.report.*", "prestatie.reporters.*", "prestatie.history",
            "prestatie.export.xlsx", "prestatie.export.csvtable", "prestatie.export.write",
            "prestatie.export.importtext",
        ],
    ),
    ("command line", ["prestatie.cli.*", "prestatie.__main__"]),
]  # fmt: skip


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The prestatie modules that module ``name`` imports (``from p import m`` counts as p.m)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package) if node.level else node.module or ""
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in MODULES else base)
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (length of the entry, layer)
    for index, (_, entries) in enumerate(LAYERS):
        for entry in entries:
            package = entry.removesuffix(".*")
            matches = module == package or (entry.endswith(".*") and module.startswith(package + "."))
            if matches and (best is None or len(package) > best[0]):
                best = (len(package), index)
    return best[1] if best is not None else None


def test_every_module_has_a_layer() -> None:
    missing = [module for module in MODULES if _layer(module) is None]
    assert not missing, f"give these modules a layer in LAYERS (and in CONTRIBUTING.md): {missing}"


def test_no_module_imports_from_a_higher_layer() -> None:
    upward = []
    for module, imports in GRAPH.items():
        own = _layer(module)
        for imported in sorted(imports):
            theirs = _layer(imported)
            if own is not None and theirs is not None and theirs > own:
                upward.append(f"{module} ({LAYERS[own][0]}) imports {imported} ({LAYERS[theirs][0]})")
    assert not upward, "\n".join(upward)


def test_there_are_no_import_cycles() -> None:
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> None:
        if module in path:
            cycle = path[path.index(module) :] + [module]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        path.append(module)
        for imported in sorted(GRAPH[module]):
            visit(imported)
        path.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)


def test_contributing_lists_the_same_layers() -> None:
    """CONTRIBUTING.md, "Layers": the same layers in the same order, each naming its modules."""
    text = (PACKAGE.parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("Layers, lowest first") : text.index("A command module parses")]
    blocks = re.split(r"^\d\. ", section, flags=re.MULTILINE)[1:]
    assert [block.split(":", 1)[0] for block in blocks] == [name for name, _ in LAYERS]
    for block, (name, entries) in zip(blocks, LAYERS, strict=True):
        for entry in entries:
            short = entry.removesuffix(".*").rpartition(".")[2] or entry
            if entry.endswith(".*"):
                short += "/"
            assert re.search(rf"(?<![\w.]){re.escape(short)}(?![\w])", block), f"{entry} not under {name}"


def test_only_gitsource_runs_programs() -> None:
    running = {"subprocess", "os.system", "pty", "shlex"}
    users = set()
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import) and any(alias.name in running for alias in node.names):
                users.add(name)
            if isinstance(node, ast.ImportFrom) and node.module in running:
                users.add(name)
    assert users == {"prestatie.gitsource"}


def test_the_graph_is_read() -> None:
    """The checks above see real edges: a known import and a package's submodule import."""
    assert "prestatie.gitsource" in GRAPH["prestatie.validate"]
    assert "prestatie.expected" in GRAPH["prestatie.status.engine"]
    assert "prestatie.validate" not in GRAPH["prestatie.gitsource"]
    assert sys.modules["prestatie"] is prestatie
