"""The layout of ``data/``: which kinds of file there are, where each lives, what id a name gives.

This is the one place that knows the layout. Every reader of the data set (validate,
status, diff, history, nieuw) asks this module what a path is. Adding a kind of file
is one entry in ``PLACES``: its kind name, where it lives, and the YAML shape at its
top; ``Kind`` below must name it too (a test keeps the two equal).

No Pydantic here: history and the command line import this module at start-up.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal, get_args

from prestatie.codes import raised_here, severity_of
from prestatie.findings import Finding

RAISES = raised_here("PA213")

DATA_DIR = "data"

# An id: lowercase letters, digits and single hyphens. File names of afspraken and
# projecten are ids, so this is also what a file name may be (models.Slug uses it).
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG = re.compile(SLUG_PATTERN)

Kind = Literal["regio", "themas", "afspraak", "project", "cyclus", "overeenkomst", "metingen"]
KINDS: tuple[Kind, ...] = get_args(Kind)


@dataclass(frozen=True, slots=True)
class Place:
    """Where one kind of file lives below ``data/``.

    ``template`` is the path below ``data/`` with ``<name>`` for a part that varies,
    e.g. ``projecten/<gemeente>/<id>.yaml``; the last part always ends in ``.yaml``.
    ``top`` is the YAML shape at the top of the file. ``required`` files must exist.
    ``flat_hint`` is the advice for a file put directly in the kind's first folder
    when the kind needs a folder below it.
    """

    kind: Kind
    template: str
    top: type = dict
    required: bool = False
    flat_hint: str | None = None

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.template.split("/"))

    def matches(self, inner: list[str]) -> bool:
        """Whether the path below ``data/`` (split at '/', ending in .yaml) is this kind's."""
        parts = self.parts
        if len(inner) != len(parts):
            return False
        return all(part.startswith("<") or part == name for part, name in zip(parts, inner, strict=True))

    def path(self, **names: str) -> str:
        """The path (``data/...``) of this kind's file for the given ``<name>`` parts."""
        path = self.glob(**names)
        if "*" in path:
            raise ValueError(f"{self.template}: not every part is given ({names})")
        return path

    def glob(self, **names: str) -> str:
        """A glob pattern (``data/...``) for this kind's files; ``*`` for each part not given."""
        parts = []
        for part in self.parts:
            for name, value in names.items():
                part = part.replace(f"<{name}>", value)
            parts.append(re.sub(r"<[a-z]+>", "*", part))
        return "/".join([DATA_DIR, *parts])

    def folder(self, **names: str) -> str:
        """The folder (``data/...``) that holds this kind's file."""
        return self.glob(**names).rsplit("/", 1)[0]


PLACES: dict[Kind, Place] = {
    p.kind: p
    for p in [
        Place("regio", "regio.yaml", required=True),
        Place("themas", "themas.yaml", top=list, required=True),
        Place("afspraak", "afspraken/<id>.yaml"),
        Place(
            "project",
            "projecten/<gemeente>/<id>.yaml",
            flat_hint="Een project hoort in de map van zijn gemeente: verplaats het naar "
            "data/projecten/<gemeente>/{name}.",
        ),
        Place("cyclus", "cyclus/<jaar>.yaml"),
        Place("overeenkomst", "overeenkomsten/<id>.yaml"),
        Place("metingen", "metingen/<indicator>.yaml"),
    ]
}

_IGNORED_SUFFIXES = (".md", ".txt")


def stem(path: str) -> str:
    """The id a data file's name gives: ``data/afspraken/x.yaml`` -> ``x``."""
    return path.rsplit("/", 1)[-1].removesuffix(".yaml")


def hidden(path: str) -> bool:
    """Hidden files and folders below ``data/`` are not part of the data set."""
    return any(part.startswith(".") for part in path.split("/")[1:])


def layout_problem(path: str, message: str) -> Finding:
    return Finding(path, 1, 1, "PA213", severity_of("PA213"), message)


def _listing() -> str:
    templates = [place.template for place in PLACES.values()]
    return ", ".join(templates[:-1]) + " en " + templates[-1]


def classify(path: str) -> tuple[Kind | None, Finding | None]:
    """Which kind of file ``path`` (relative to the root) is, or why it fits nowhere.

    (None, None) for a file that is not data: an explanation (.md, .txt) or a hidden file.
    """
    parts = path.split("/")
    if parts[0] != DATA_DIR:
        return None, layout_problem(path, "Dit bestand staat niet in data/.")
    inner = parts[1:]
    name = inner[-1]
    if hidden(path) or name.endswith(_IGNORED_SUFFIXES):
        return None, None
    if name.endswith(".yml"):
        return None, layout_problem(
            path, f"Gebruik de extensie .yaml, niet .yml: hernoem het bestand naar {name[:-4]}.yaml."
        )
    if not name.endswith(".yaml"):
        return None, layout_problem(
            path, "Onbekend soort bestand in data/. Alleen .yaml-bestanden (en .md-uitleg) horen hier."
        )
    for place in PLACES.values():
        if place.matches(inner):
            return place.kind, None
    for place in PLACES.values():
        if place.flat_hint is not None and len(inner) == 2 and inner[0] == place.parts[0]:
            return None, layout_problem(path, place.flat_hint.format(name=name))
    return None, layout_problem(path, f"Dit bestand past niet in de indeling van data/: {_listing()}.")


def kind_of(path: str | None) -> Kind | None:
    """The kind of a data file, or None for anything else (no path, not data, misplaced)."""
    return _kind_of(path) if path is not None else None


@functools.lru_cache(maxsize=8192)  # the diff asks for the same paths several times
def _kind_of(path: str) -> Kind | None:
    return classify(path)[0]


def missing(kind: Kind) -> Finding:
    """The finding for a required file that is absent."""
    path = PLACES[kind].path()
    return layout_problem(
        path,
        f"Het bestand {path} ontbreekt; zonder dit bestand kan niets worden gecontroleerd.",
    )
