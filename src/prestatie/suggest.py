"""'Bedoelde u …?' and 'gebruik de id …': from what a user typed to what exists.

One place for the way the CLI and the data files match words: an id or a name, in any
case (``id_for``), and, for a word that matches nothing, the closest option
(``did_you_mean``): the option it is the start of, the one name it is a whole word
of, or else the option that differs by a typo.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

# A prefix shorter than this says too little to pick one option.
_MIN_PREFIX = 3
_WORD = re.compile(r"[^\W_]+")


def id_for(text: str, names: Mapping[str, str]) -> str | None:
    """The id in ``names`` (id -> name) that ``text`` is, by id or by name, in any case."""
    wanted = text.strip().casefold()
    for ident, name in names.items():
        if wanted in (ident.casefold(), name.casefold()):
            return ident
    return None


def did_you_mean(word: str, options: Iterable[str]) -> str | None:
    """The option ``word`` probably means, or None when none is close enough.

    In order: the same option in another case; the option that starts with the word
    (the shortest, when several do: ``kerkrade-senioren`` means
    ``kerkrade-seniorenwoningen``); the one option that has the word as a whole word
    (``verduurzaming`` means 'Verduurzaming en levensloopbestendige voorraad'); the
    option that differs by a typo.
    """
    lowered = {option.casefold(): option for option in options}
    key = word.strip().casefold()
    if key in lowered:
        return lowered[key]
    if len(key) >= _MIN_PREFIX:
        starting = [option for option in lowered if option.startswith(key)]
        if starting:
            return lowered[min(starting, key=lambda option: (len(option), option))]
        words = set(_WORD.findall(key))
        if words:
            containing = [option for option in lowered if words <= set(_WORD.findall(option))]
            if len(containing) == 1:
                return lowered[containing[0]]
    matches = difflib.get_close_matches(key, list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None
