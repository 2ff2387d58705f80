"""Entry point: build the commands a command line needs, run them, exit with their code."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

import typer

from prestatie.cli.app import root_app
from prestatie.cli.dutch_help import make_dutch
from prestatie.cli.error_handler import closed_pipe, run
from prestatie.neutral import neutralise_standard_streams

# Each command and the module in prestatie.cli that registers it, in the order of
# `prestatie --help` (which lists the commands first, then the groups: cyclus, nieuw).
COMMANDS: dict[str, str] = {
    "cyclus": "cyclus",
    "diff": "diff",
    "export": "export",
    "geschiedenis": "geschiedenis",
    "import": "importeer",
    "nieuw": "nieuw",
    "report": "report",
    "schema": "schema",
    "status": "status",
    "validate": "validate",
    "voortgang": "voortgang",
}
HELP_OPTIONS = ("-h", "--help")
# Set by a shell asking Click to complete a command line: then every command counts.
COMPLETION_VARIABLE = "_PRESTATIE_COMPLETE"


def needed(args: Sequence[str] | None) -> list[str]:
    """The command modules that the command line ``args`` can reach (None: all).

    No option of the root takes a value (tests/test_startup.py), so the first word that is
    not an option names the command. The overview (--help, no arguments) and an unknown command (whose
    message lists the known ones) need all; ``--version`` alone needs none.
    """
    everything = list(COMMANDS.values())
    if args is None or not args or os.environ.get(COMPLETION_VARIABLE):
        return everything
    for arg in args:
        if arg in HELP_OPTIONS:
            return everything
        if not arg.startswith("-"):
            return [COMMANDS[arg]] if arg in COMMANDS else everything
    return []


def command(args: Sequence[str] | None = None) -> Any:
    """The Click command behind the Typer app, with Dutch help.

    With ``args``, only the commands that command line can run are imported and built (the
    start-up time of every command); without, all of them (the overview, tests).
    """
    registries = [importlib.import_module(f"prestatie.cli.{module}").app for module in needed(args)]
    return make_dutch(typer.main.get_command(root_app(*registries)))


def _tolerant_streams() -> None:
    """Characters the terminal's encoding cannot show (a legacy locale) become '?', not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main() -> None:
    _tolerant_streams()
    neutralise_standard_streams()
    code = run(command(sys.argv[1:]))
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = closed_pipe()
    sys.exit(code)
