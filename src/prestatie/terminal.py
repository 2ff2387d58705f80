"""The Rich console that text output goes to: colour only where it helps.

Everything from data reaches Rich as plain text, never as markup (``markup=False``:
an indicator named ``[link=…]`` stays those characters), and every rendered piece of
text is neutralised (prestatie.neutral) before it is styled.

Rich is imported only when a console is made: output that surely has no colour
(``surely_plain``) can be written without it, which spares its import at every start.
"""

from __future__ import annotations

import builtins
import functools
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from prestatie.neutral import raw_stdout, shown_lines

if TYPE_CHECKING:
    from rich.console import Console


@functools.cache
def _console_class() -> type[Console]:
    from rich.console import Console
    from rich.segment import Segment

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

    return _Console


def console() -> Console:
    # soft_wrap: long Dutch messages stay on one line in CI logs; terminals wrap.
    return _console_class()(file=raw_stdout(), highlight=False, markup=False, soft_wrap=True, emoji=False)


def surely_plain(file: TextIO | None = None) -> bool:
    """Whether a console would surely write ``file`` (standard output) without colour.

    NO_COLOR asks for none; otherwise a file that is not a terminal, unless FORCE_COLOR or
    TTY_COMPATIBLE says to treat it as one (Rich's own rules). Where unsure: False, and the
    console decides.
    """
    if os.environ.get("NO_COLOR", "") != "":
        return True
    if "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ:
        return False
    if getattr(sys.stdin, "__module__", "").startswith("idlelib") or hasattr(builtins, "get_ipython"):
        return False  # IDLE and Jupyter: Rich has rules of its own there
    isatty = getattr(raw_stdout() if file is None else file, "isatty", None)
    try:
        return isatty is not None and not isatty()
    except ValueError:  # a closed file
        return False
