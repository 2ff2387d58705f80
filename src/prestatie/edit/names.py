"""From what a user typed (an id or a name, any case) to an id, or a Dutch refusal.

The same resolution and messages as the reading commands (``prestatie.selection``).
"""

from __future__ import annotations

from collections.abc import Mapping

from prestatie.selection import resolve as _resolve

_UNKNOWN = {
    "gemeente": "Onbekende gemeente",
    "partij": "Onbekende partij",
    "afspraak": "Onbekende afspraak",
    "thema": "Onbekend thema",
}


def resolve(typed: str, names: Mapping[str, str], what: str, option: str) -> str:
    """The id in ``names`` (id -> name) that ``typed`` means, by id or by name.

    Raises UsageError with a "bedoelde u …?" suggestion when nothing matches.
    """
    return _resolve(typed, names, unknown=_UNKNOWN[what], option=option)
