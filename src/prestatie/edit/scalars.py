"""Small pieces of YAML text: a value written so that it reads back as itself, and slugs."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata

from prestatie.errors import UsageError
from prestatie.yamlread import read_yaml

_PLAIN_START = re.compile(r"[A-Za-z0-9\u00c0-\uffff(]")
_FLOW_INDICATORS = frozenset(",[]{}")
# Characters that JSON leaves alone but YAML readers may treat as line breaks.
_EXTRA_ESCAPES = {"\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
_MAX_SLUG = 80


def _reads_back(text: str, candidate: str, *, flow: bool) -> bool:
    source = f"k: [{candidate}]\n" if flow else f"k: {candidate}\n"
    outcome = read_yaml(source.encode("utf-8"), "<waarde>")
    if outcome.findings or outcome.document is None:
        return False
    value: object = outcome.document.data.get("k")
    return bool(value == [text]) if flow else bool(value == text)


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (JSON escapes are valid YAML escapes)."""
    result = json.dumps(text, ensure_ascii=False)
    for char, escape in _EXTRA_ESCAPES.items():
        result = result.replace(char, escape)
    return result


def text_scalar(text: str, *, flow: bool = False) -> str:
    """``text`` as YAML: plain when that reads back as the same text, else double-quoted."""
    plain_possible = (
        text == text.strip()
        and text != ""
        and "\n" not in text
        and "\r" not in text
        and _PLAIN_START.match(text) is not None
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not (flow and _FLOW_INDICATORS.intersection(text))
    )
    if plain_possible and _reads_back(text, text, flow=flow):
        return text
    return quoted(text)


def date_scalar(value: dt.date) -> str:
    return value.isoformat()


def ascii_fold(text: str) -> str:
    """'Café Brûlé' -> 'Cafe Brule': letters without their accents."""
    special = {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "œ": "oe",
        "Œ": "OE",
        "ĳ": "ij",
        "Ĳ": "IJ",
    }
    text = "".join(special.get(char, char) for char in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slugify(text: str, *, limit: int = _MAX_SLUG) -> str:
    """An id from a name: ascii, lower case, words joined by hyphens, at most ``limit`` characters."""
    words = re.findall(r"[a-z0-9]+", ascii_fold(text).lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:limit]
    return slug


def with_prefix(prefix: str, slug: str, *, limit: int = _MAX_SLUG) -> str:
    """``prefix-slug``, without repeating the prefix when the slug already starts with it."""
    if slug == prefix or slug.startswith(prefix + "-"):
        combined = slug
    else:
        combined = f"{prefix}-{slug}" if slug else prefix
    if len(combined) > limit:
        combined = combined[:limit].rstrip("-")
        if "-" in combined[len(prefix) + 1 :]:
            combined = combined[: combined.rfind("-")]
    return combined


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def refuse_control_characters(value: str, what: str) -> None:
    """A UsageError naming the first control character (a line break, an escape code) in ``value``."""
    found = _CONTROL.search(value)
    if found:
        char = found.group()
        name = "een regeleinde" if char in "\r\n\u2028\u2029" else "een stuurteken"
        raise UsageError(
            f"{what} bevat {name} (U+{ord(char):04X}) op positie {found.start() + 1}. Schrijf de tekst "
            "op één regel, zonder stuurtekens of escape-codes."
        )
