"""Entry point: register the commands, run them, exit with their code."""

from __future__ import annotations

import sys
from typing import Any

import typer

# Importing a command module registers its command on the app.
from prestatie.cli import (  # noqa: F401
    cyclus,
    diff,
    export,
    geschiedenis,
    importeer,
    nieuw,
    report,
    schema,
    status,
    validate,
    voortgang,
)
from prestatie.cli.app import app
from prestatie.cli.dutch_help import make_dutch
from prestatie.cli.error_handler import closed_pipe, run
from prestatie.neutral import neutralise_standard_streams


def command() -> Any:
    """The Click command behind the Typer app, with Dutch help (also for tests)."""
    return make_dutch(typer.main.get_command(app))


def _tolerant_streams() -> None:
    """Characters the terminal's encoding cannot show (a legacy locale) become '?', not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main() -> None:
    _tolerant_streams()
    neutralise_standard_streams()
    code = run(command())
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = closed_pipe()
    sys.exit(code)
