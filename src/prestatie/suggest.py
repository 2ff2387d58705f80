"""'Bedoelde u …?': the closest known name to a typo."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, options: Iterable[str]) -> str | None:
    """The option closest to ``word``, if one is close enough to be a typo."""
    candidates = list(options)
    lowered = {option.lower(): option for option in candidates}
    if word.lower() in lowered:
        return lowered[word.lower()]
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None
