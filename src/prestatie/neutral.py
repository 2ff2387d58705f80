"""Text from data, file names and git, made harmless for a terminal or a CI log.

A file name, a commit subject or a value in a data file can hold escape codes
(``\\x1b]0;…\\x07``, ``\\x1b[2J``) that retitle or clear a terminal, bidi controls
that reorder what is shown, or a newline that starts a line with ``::error`` or
``::stop-commands`` in a GitHub Actions log. Everything prestatie prints goes
through here: such characters are shown as escapes (``\\x1b``, ``\\n``, ``\\u202e``).
"""

from __future__ import annotations

import functools
import re
import sys
from typing import Any, TextIO

# C0 and C1 controls, DEL, line and paragraph separators, bidi and other format
# characters, surrogates (undecodable bytes of a file name) and private use.
_UNSAFE = (
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\ue000-\uf8ff\U000e0000-\U000e007f\U000f0000-\U0010ffff]"
)
_UNSAFE_BUT_NEWLINE = _UNSAFE.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f")


# Compiled when first needed: most text is printable and never reaches them, and compiling
# these ranges costs every start of the command line (the entry point imports this module).
@functools.cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if char == "\r":
        return "\\r"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def shown(text: str) -> str:
    """One value (a name, a path, a message) on one line: every control character escaped."""
    if text.isprintable():
        return text
    return _pattern(_UNSAFE).sub(_escape, text)


def shown_lines(text: str) -> str:
    """Output of several lines: control characters escaped, newlines kept."""
    if text.replace("\n", "").isprintable():  # every character the pattern escapes is unprintable
        return text
    return _pattern(_UNSAFE_BUT_NEWLINE).sub(_escape, text)


class NeutralStream:
    """A text stream that shows control characters as escapes (newlines stay)."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(shown_lines(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def raw_stdout() -> TextIO:
    """The standard output below a NeutralStream (Rich writes there, after neutralising itself)."""
    stream = sys.stdout
    return stream.raw if isinstance(stream, NeutralStream) else stream


def neutralise_standard_streams() -> None:
    """Put a NeutralStream around stdout and stderr (once)."""
    if not isinstance(sys.stdout, NeutralStream):
        sys.stdout = NeutralStream(sys.stdout)
    if not isinstance(sys.stderr, NeutralStream):
        sys.stderr = NeutralStream(sys.stderr)
