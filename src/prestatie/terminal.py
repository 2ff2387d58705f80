"""The Rich console that text output goes to: colour only where it helps.

Everything from data reaches Rich as plain text, never as markup (``markup=False``:
an indicator named ``[link=…]`` stays those characters), and every rendered piece of
text is neutralised (prestatie.neutral) before it is styled.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment

from prestatie.neutral import raw_stdout, shown_lines


class _Console(Console):
    def render(self, renderable: Any, options: Any = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            text = segment.text
            if segment.control is None and not text.isprintable() and text != "\n":
                yield Segment(shown_lines(text), segment.style)
            else:
                yield segment

    def on_broken_pipe(self) -> None:
        # Rich would exit with 1, the code for "the data has errors"; the error
        # handler gives the conventional code for a closed pipe instead.
        raise BrokenPipeError


def console() -> Console:
    # soft_wrap: long Dutch messages stay on one line in CI logs; terminals wrap.
    return _Console(file=raw_stdout(), highlight=False, markup=False, soft_wrap=True, emoji=False)
