"""Start-up: a command line builds and imports only what it runs.

``prestatie --version`` and ``prestatie validate`` are the commands people (and CI, and
editors) start most often; their start-up time is mostly imports. What a real process
imported is read from its ``sys.modules`` at exit (no timing here: benchmarks/validate.py
measures the time).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from rich.console import Console

from conftest import REPO
from prestatie.cli.app import root_app
from prestatie.cli.main import COMMANDS, command, needed
from prestatie.terminal import surely_plain

# Runs the real entry point and writes the names of all imported modules to $MODULES at exit.
PROBE = """
import atexit, json, os, sys
atexit.register(lambda: open(os.environ["MODULES"], "w").write(json.dumps(sorted(sys.modules))))
from prestatie.cli.main import main
sys.argv[0] = "prestatie"
main()
"""
COMMAND_MODULES = {f"prestatie.cli.{module}" for module in COMMANDS.values()}
# What makes Rich colour output that is not a terminal, or not colour one that is.
COLOUR_VARIABLES = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def imported(tmp_path: Path, *args: str) -> set[str]:
    """The modules a ``prestatie ARGS`` process imported (its output, a pipe, is not looked at)."""
    modules = tmp_path / "modules.json"
    env = {name: value for name, value in os.environ.items() if name not in COLOUR_VARIABLES}
    env["MODULES"] = str(modules)
    subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, check=False)
    return set(json.loads(modules.read_text(encoding="utf-8")))


def _roots(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_each_command_is_registered_by_the_module_the_table_names() -> None:
    modules = sorted(set(COMMANDS.values()))
    for module in modules:
        registry = __import__(f"prestatie.cli.{module}", fromlist=["app"]).app
        built = typer.main.get_command(root_app(registry))
        assert sorted(built.commands) == sorted(name for name, m in COMMANDS.items() if m == module)  # type: ignore[attr-defined]


def test_the_overview_lists_every_command() -> None:
    assert sorted(command().commands) == sorted(COMMANDS)


@pytest.mark.parametrize(
    ("args", "modules"),
    [
        (["validate", "--strict"], ["validate"]),
        (["import", "invulblad.xlsx"], ["importeer"]),
        (["nieuw", "project", "--help"], ["nieuw"]),
        (["--", "status"], ["status"]),
        (["--geen-cache", "validate"], ["validate"]),
        (["--version"], []),
        (["--onbekend"], []),
        ([], list(COMMANDS.values())),
        (["--help"], list(COMMANDS.values())),
        (["-h", "validate"], list(COMMANDS.values())),
        (["valdate"], list(COMMANDS.values())),
    ],
)
def test_a_command_line_needs_the_module_of_its_command(args: list[str], modules: list[str]) -> None:
    assert needed(args) == modules


def test_the_root_options_take_no_value() -> None:
    # needed() takes the first word that is not an option for the command's name: that holds
    # while no option before the command takes a value.
    root = typer.main.get_command(root_app())
    assert root.params and all(getattr(param, "is_flag", False) for param in root.params)


def test_shell_completion_sees_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_PRESTATIE_COMPLETE", "bash_complete")
    assert needed(["validate"]) == list(COMMANDS.values())


def test_version_imports_no_command_and_no_data_library(tmp_path: Path) -> None:
    modules = imported(tmp_path, "--version")
    assert not modules & COMMAND_MODULES
    assert not _roots(modules) & {"pydantic", "pydantic_core", "yaml", "rich", "babel", "jinja2"}


def test_validate_imports_only_what_checking_needs(tmp_path: Path) -> None:
    modules = imported(tmp_path, "validate", str(REPO))
    assert modules & COMMAND_MODULES == {"prestatie.cli.validate"}
    # What other commands use: templates, Markdown, the YAML editor, spreadsheets, git.
    assert not _roots(modules) & {"jinja2", "markdown_it", "ruamel", "openpyxl", "weasyprint"}
    # Text without colour (a pipe, a CI log) needs no Rich; dates in findings need no Babel.
    assert not _roots(modules) & {"rich", "babel"}
    for engine in ("status", "report", "diff", "edit", "export", "history", "gitsource"):
        assert f"prestatie.{engine}" not in modules


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"NO_COLOR": "1"},
        {"NO_COLOR": ""},
        {"FORCE_COLOR": "1"},
        {"FORCE_COLOR": ""},
        {"TTY_COMPATIBLE": "1"},
        {"TTY_COMPATIBLE": "0"},
        {"TERM": "dumb"},
        {"NO_COLOR": "1", "FORCE_COLOR": "1"},
    ],
)
def test_plain_without_rich_only_where_rich_writes_no_colour(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    for name in (*COLOUR_VARIABLES, "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    leader, follower = os.openpty()  # a real terminal
    with open(follower, "w", encoding="utf-8") as terminal, os.fdopen(leader, "rb"):
        for file in (io.StringIO(), terminal):
            rich = Console(file=file)
            if surely_plain(file):
                assert rich.no_color or rich.color_system is None, (env, file)
    # The usual cases are the fast ones: a pipe or a file, and NO_COLOR.
    if env in ({}, {"NO_COLOR": "1"}, {"NO_COLOR": ""}, {"TERM": "dumb"}):
        assert surely_plain(io.StringIO())
