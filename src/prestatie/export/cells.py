"""Text in a spreadsheet cell that a spreadsheet would run as a formula ("CSV injection").

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is a formula (or becomes one when edited) in Excel and LibreOffice. The export never
writes one as such: in xlsx such text is a string cell with the quote prefix (shown
as written, kept as text when edited); in csv it gets a leading apostrophe, which
``plain`` removes again on import.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
APOSTROPHE = "'"


def is_risky(text: str) -> bool:
    """Whether a spreadsheet would take ``text`` (at the start of a cell) as a formula."""
    return text.startswith(FORMULA_STARTS)


def _escaped(text: str) -> bool:
    # Risky text, also behind apostrophes: "'=x" gets one more, so that it comes back as written.
    return is_risky(text.lstrip(APOSTROPHE))


def neutralised(text: str) -> str:
    """``text`` as a csv cell that no spreadsheet runs: risky text gets a leading apostrophe."""
    return APOSTROPHE + text if _escaped(text) else text


def plain(text: str) -> str:
    """The text that ``neutralised`` was given (its leading apostrophe removed)."""
    if text.startswith(APOSTROPHE) and _escaped(text):
        return text[1:]
    return text
