"""The Rich console that text output goes to: colour only where it helps."""

from __future__ import annotations

from rich.console import Console


def console() -> Console:
    # soft_wrap: long Dutch messages stay on one line in CI logs; terminals wrap.
    return Console(highlight=False, soft_wrap=True, emoji=False)
