"""Entry point: register the commands, run them, exit with their code."""

from __future__ import annotations

import sys
from typing import Any

import typer

from prestatie.cli import validate  # noqa: F401  (registers the command)
from prestatie.cli.app import app
from prestatie.cli.dutch_help import make_dutch
from prestatie.cli.error_handler import run


def command() -> Any:
    """The Click command behind the Typer app, with Dutch help (also for tests)."""
    return make_dutch(typer.main.get_command(app))


def main() -> None:
    sys.exit(run(command()))
