"""'Bedoelde u …?' and 'gebruik de id …': from what a user typed to what exists.

One place for the way the CLI and the data files match words: an id or a name, in any
case (``id_for``), and, for a word that matches nothing, the closest option
(``did_you_mean``): the option it is the start of, the one name it is a whole word
of, or else the option that differs by a typo.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sized

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


# More candidates of about the right length than this, and a typo says too little
# to pick one of them (and comparing with each would cost more than it is worth).
MAX_TYPO_CANDIDATES = 300
# Options that a prefix may match, at most (the shortest of those is chosen).
_MAX_PREFIX_MATCHES = 1000


class _Index:
    """The options of one did_you_mean call, prepared once for many calls with the same options."""

    def __init__(self, options: tuple[str, ...]) -> None:
        self.lowered = {option.casefold(): option for option in options}
        self.ordered = sorted(self.lowered)
        self.by_word: dict[str, set[str]] = {}
        self.by_length: dict[int, list[str]] = {}
        for key in self.lowered:
            for part in _WORD.findall(key):
                self.by_word.setdefault(part, set()).add(key)
            self.by_length.setdefault(len(key), []).append(key)

    def starting_with(self, key: str) -> list[str]:
        found: list[str] = []
        for option in itertools.islice(self.ordered, bisect.bisect_left(self.ordered, key), None):
            if not option.startswith(key) or len(found) >= _MAX_PREFIX_MATCHES:
                break
            found.append(option)
        return found

    def containing(self, words: set[str]) -> set[str]:
        sets = sorted((self.by_word.get(part, set()) for part in words), key=len)
        return set.intersection(*sets) if sets else set()

    def typo_candidates(self, key: str) -> list[str] | None:
        """Options long enough and short enough to reach difflib's cutoff of 0.6 against ``key``;
        None when there are more than MAX_TYPO_CANDIDATES of them."""
        size = len(key)
        lengths = range(math.ceil(size * 3 / 7), math.floor(size * 7 / 3) + 1)
        groups = [self.by_length[length] for length in lengths if length in self.by_length]
        if sum(map(len, groups)) > MAX_TYPO_CANDIDATES:
            return None
        return [option for group in groups for option in group]


# The options last indexed, by identity: the rules ask about thousands of references
# against the same few dicts of ids. Each object is kept, so its id cannot be reused.
_recent: dict[int, tuple[Sized, int, _Index]] = {}


def _index(options: Iterable[str]) -> _Index:
    if isinstance(options, Sized):
        known = _recent.get(id(options))
        if known is not None and known[0] is options and known[1] == len(options):
            return known[2]
    index = _cached_index(tuple(options))
    if isinstance(options, Sized):
        if len(_recent) >= 8:
            _recent.clear()
        _recent[id(options)] = (options, len(options), index)
    return index


@functools.lru_cache(maxsize=16)
def _cached_index(options: tuple[str, ...]) -> _Index:
    return _Index(options)


def did_you_mean(word: str, options: Iterable[str]) -> str | None:
    """The option ``word`` probably means, or None when none is close enough.

    In order: the same option in another case; the option that starts with the word
    (the shortest, when several do: ``kerkrade-senioren`` means
    ``kerkrade-seniorenwoningen``); the one option that has the word as a whole word
    (``verduurzaming`` means 'Verduurzaming en levensloopbestendige voorraad'); the
    option that differs by a typo (not among more than MAX_TYPO_CANDIDATES options of
    about the same length). The options are indexed once per set, so thousands of
    unknown words against thousands of options stay fast.
    """
    index = _index(options)
    lowered = index.lowered
    key = word.strip().casefold()
    if key in lowered:
        return lowered[key]
    if len(key) >= _MIN_PREFIX:
        starting = index.starting_with(key)
        if starting:
            return lowered[min(starting, key=lambda option: (len(option), option))]
        words = set(_WORD.findall(key))
        if words:
            containing = index.containing(words)
            if len(containing) == 1:
                return lowered[containing.pop()]
    candidates = index.typo_candidates(key)
    if candidates is None:
        return None
    matches = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None
