"""Reporters turn a ValidationResult into text for people, or into a format for tools.

``text`` writes to the terminal (see reporters/text.py); every other format is a
module here with ``render(result) -> str``, registered in ``RENDERERS`` and imported
only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import cast

from prestatie.findings import ValidationResult

Render = Callable[[ValidationResult], str]

# format name -> its module in prestatie.reporters
RENDERERS: dict[str, str] = {
    "json": "json",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "markdown": "markdown",
}
FORMATS = ("text", *RENDERERS)


def renderer(name: str) -> Render:
    """The render function of a registered format."""
    module = import_module(f"prestatie.reporters.{RENDERERS[name]}")
    return cast(Render, module.render)
