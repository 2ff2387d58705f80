"""The Rich console that text output goes to: colour only where it helps."""

from __future__ import annotations

from rich.console import Console


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit with 1, the code for "the data has errors"; the error
        # handler gives the conventional code for a closed pipe instead.
        raise BrokenPipeError


def console() -> Console:
    # soft_wrap: long Dutch messages stay on one line in CI logs; terminals wrap.
    return _Console(highlight=False, soft_wrap=True, emoji=False)
