"""Why libyaml refused a text: the line the user edited, the real cause, in Dutch.

libyaml reports where it got stuck, which is often a line after the edit that caused
it: an unclosed quote swallows the next lines up to the next quote in the file; an
unclosed ``[`` is noticed on the next line; ``status:uitvoering`` is one word to YAML,
so the problem shows on the line below; typographic quotes from a word processor are
no quotes at all. ``syntax_problem`` looks back from libyaml's marks for these causes
and reports the line where they start; otherwise it explains libyaml's own complaint.

It also holds the one definition of typographic quotes, used by the reader for a
value wrapped in them.
"""

from __future__ import annotations

import re

import yaml
from yaml.tokens import ScalarToken

from prestatie.codes import raised_here

RAISES = raised_here("PA002", "PA012", "PA013", "PA019")

Position = tuple[int, int]
Problem = tuple[Position, str, str]

# Quotes a word processor types instead of " and ': none of them quotes anything in YAML.
TYPOGRAPHIC_QUOTES = frozenset("“”„‟‘’‚‛«»‹›")


def typographic_quoted(value: str) -> bool:
    """A whole value wrapped in typographic quotes, as Word writes “2.1”."""
    return len(value) >= 2 and value[0] in TYPOGRAPHIC_QUOTES and value[-1] in TYPOGRAPHIC_QUOTES


def typographic_message(inner: str, *, broke_syntax: bool = False) -> str:
    """PA019's message for a value wrapped in typographic quotes."""
    shown = inner if len(inner) <= 60 else inner[:57] + "…"
    effect = (
        ", dus leest YAML een ': ' erin als het begin van een nieuwe sleutel"
        if broke_syntax
        else " en neemt ze op in de waarde"
    )
    return (
        "Deze waarde staat tussen gekrulde aanhalingstekens (“ ” of ‘ ’), zoals een "
        f"tekstverwerker ze zet; YAML ziet die als gewone tekens{effect}. Gebruik rechte "
        f'aanhalingstekens: "{shown}".'
    )


# A line that starts a 'key: value' entry (or a list item that does).
_KEY_LINE = re.compile(r"[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*:(?:[ \t]|$)")
# A key glued to its value: 'status:uitvoering'.
_GLUED_KEY = re.compile(r"([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w-]*):([^\s#].*)")
# ': ' (or '- ') followed by a typographic quote: a value the user meant to quote.
_TYPOGRAPHIC_VALUE = re.compile("(?:^|:[ \\t]+|-[ \\t]+|[\\[{,][ \\t]*)([“”„‟‘’‚‛«»‹›])")

_HINTS: list[tuple[str, str]] = [
    (
        "mapping values are not allowed",
        "Een dubbele punt met een spatie erna (': ') mag hier niet. Staat die in een "
        "tekst? Zet de hele tekst dan tussen aanhalingstekens, bijvoorbeeld "
        'titel: "Doel: meer woningen".',
    ),
    (
        "found character '\\t'",
        "Hier staat een tab. YAML laat alleen spaties toe om in te springen: vervang de tab door spaties.",
    ),
    (
        "cannot start any token",
        "Een waarde mag niet met dit teken beginnen. Zet de waarde tussen "
        'aanhalingstekens, bijvoorbeeld "@waarde".',
    ),
    (
        "could not find expected ':'",
        "Hier ontbreekt een dubbele punt na de sleutel, of een aanhalingsteken is niet gesloten.",
    ),
    (
        "did not find expected key",
        "De inspringing klopt niet: regels op hetzelfde niveau moeten even ver inspringen.",
    ),
    (
        "did not find expected '-' indicator",
        "De inspringing van deze lijst klopt niet: elk item begint met '- ' op dezelfde hoogte.",
    ),
    (
        "found unexpected end of stream",
        "Het bestand houdt midden in een waarde op: waarschijnlijk is een "
        "aanhalingsteken of haakje niet gesloten.",
    ),
    (
        "found unknown escape character",
        "In tekst tussen dubbele aanhalingstekens is deze backslash-combinatie niet "
        "toegestaan. Gebruik enkele aanhalingstekens of schrijf \\\\.",
    ),
    (
        "did not find expected ',' or ']'",
        "Een lijst tussen [ ] is niet goed gesloten of mist een komma.",
    ),
    (
        "did not find expected ',' or '}'",
        "Een mapping tussen { } is niet goed gesloten of mist een komma.",
    ),
    (
        "found undefined tag handle",
        "Een uitroepteken (!) aan het begin van een waarde is een YAML-tag. Zet de "
        "waarde tussen aanhalingstekens.",
    ),
    (
        "block sequence entries are not allowed",
        "Een lijstitem ('- ') staat op een plek waar geen lijst kan beginnen: controleer de inspringing.",
    ),
]
_TAB_HINT = _HINTS[1][1]


def explain(problem: str, char: str = "") -> tuple[str, str]:
    """The code and Dutch message for a libyaml problem text, where it got stuck."""
    if "nesting depth" in problem:
        return "PA013", "De gegevens zijn hier te diep genest. Controleer haakjes en inspringing."
    if "Unicode character escape" in problem or "invalid Unicode" in problem:
        return "PA012", (
            "Deze \\u-escape geeft een ongeldig teken (bijvoorbeeld een losse surrogaat). "
            "Verwijder de escape-code of typ het teken zelf."
        )
    if char == "\t" or "\t" in problem:
        return "PA002", "YAML kan deze regel niet lezen. " + _TAB_HINT
    for needle, hint in _HINTS:
        if needle in problem:
            return "PA002", f"YAML kan deze regel niet lezen. {hint}"
    return "PA002", (
        "YAML kan deze regel niet lezen (libyaml meldt: "
        f"{problem}). Controleer inspringing, dubbele punten en aanhalingstekens."
    )


def syntax_problem(text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """Where the user's mistake is, its code and the Dutch message.

    Looks for the causes that libyaml notices only later (see the module docstring),
    from the most specific to the least; else explains libyaml's complaint where it
    got stuck.
    """
    lines = text.split("\n")
    problem = str(exc.problem)
    mark = exc.problem_mark or exc.context_mark
    stuck = (mark.line, mark.column) if mark is not None else (0, 0)
    context = exc.context_mark
    first_line = min(context.line, stuck[0]) if context is not None else stuck[0]
    for diagnose in (_typographic, _unclosed_quote, _unclosed_bracket, _glued_key):
        found = diagnose(text, lines, exc, first_line, stuck)
        if found is not None:
            return found
    code, message = explain(problem, _char_at(lines, stuck))
    return (stuck[0] + 1, stuck[1] + 1), code, message


def _char_at(lines: list[str], at: tuple[int, int]) -> str:
    line = lines[at[0]] if 0 <= at[0] < len(lines) else ""
    return line[at[1]] if 0 <= at[1] < len(line) else ""


def _typographic(
    text: str, lines: list[str], exc: yaml.MarkedYAMLError, first_line: int, stuck: tuple[int, int]
) -> Problem | None:
    """A value opened with a typographic quote on a line libyaml looked at."""
    for number in range(first_line, min(stuck[0], len(lines) - 1) + 1):
        match = _TYPOGRAPHIC_VALUE.search(lines[number])
        if match:
            rest = lines[number][match.start(1) :].rstrip()
            inner = rest[1:-1] if typographic_quoted(rest) else rest[1:]
            return (number + 1, match.start(1) + 1), "PA019", typographic_message(inner, broke_syntax=True)
    return None


def _unclosed_quote(
    text: str, lines: list[str], exc: yaml.MarkedYAMLError, first_line: int, stuck: tuple[int, int]
) -> Problem | None:
    """A quote that opens a value and is not closed on its line.

    Either libyaml reached the end of the file inside it, or the quote closed at the
    next quote further on (swallowing lines that look like 'key: value') and libyaml
    got stuck after that.
    """
    context = exc.context_mark
    if exc.context == "while scanning a quoted scalar" and context is not None and context.line < stuck[0]:
        return _quote_problem(lines, (context.line, context.column), None)
    try:
        for token in yaml.scan(text, Loader=yaml.CSafeLoader):
            start, end = token.start_mark, token.end_mark
            if start.line > stuck[0]:
                break
            if (
                isinstance(token, ScalarToken)
                and token.style in ('"', "'")
                and end.line > start.line
                and any(_KEY_LINE.match(line) for line in lines[start.line + 1 : end.line + 1])
            ):
                return _quote_problem(lines, (start.line, start.column), end.line)
    except yaml.YAMLError:
        pass
    return None


def _quote_problem(lines: list[str], at: tuple[int, int], closed_on: int | None) -> Problem:
    quote = _char_at(lines, at) or '"'
    until = f"tot regel {closed_on + 1}" if closed_on is not None else "tot het einde van het bestand"
    return (
        (at[0] + 1, at[1] + 1),
        "PA002",
        f"Het aanhalingsteken {quote} op regel {at[0] + 1} wordt op die regel niet gesloten, "
        f"dus leest YAML alles {until} als één tekst. Zet een {quote} aan het eind van de "
        "tekst op deze regel.",
    )


_CLOSING = {"[": ("]", "lijst"), "{": ("}", "mapping")}


def _unclosed_bracket(
    text: str, lines: list[str], exc: yaml.MarkedYAMLError, first_line: int, stuck: tuple[int, int]
) -> Problem | None:
    """A [ or { that is still open when the next line starts a new entry."""
    context = exc.context_mark
    flow = exc.context in ("while parsing a flow sequence", "while parsing a flow mapping")
    if not flow or context is None:
        return None
    stuck_line = lines[stuck[0]] if stuck[0] < len(lines) else ""
    if context.line >= stuck[0] or not (_KEY_LINE.match(stuck_line) or not stuck_line.strip()):
        return None
    bracket = _char_at(lines, (context.line, context.column))
    if bracket not in _CLOSING:
        return None
    closing, what = _CLOSING[bracket]
    return (
        (context.line + 1, context.column + 1),
        "PA002",
        f"De {bracket} op regel {context.line + 1} wordt niet gesloten. Zet een {closing} aan "
        f"het eind van de {what} op deze regel.",
    )


def _glued_key(
    text: str, lines: list[str], exc: yaml.MarkedYAMLError, first_line: int, stuck: tuple[int, int]
) -> Problem | None:
    """'status:uitvoering': a key without the space after its colon, or without a colon."""
    context = exc.context_mark
    if exc.context != "while scanning a simple key" or context is None or context.line >= len(lines):
        return None
    line = lines[context.line]
    glued = _GLUED_KEY.fullmatch(line.rstrip())
    if glued:
        lead, key, value = glued.groups()
        column = len(lead) + len(key) + 2
        return (
            (context.line + 1, column),
            "PA002",
            f"Na de dubbele punt hoort een spatie: schrijf '{key}: {value}'. Zonder spatie "
            "leest YAML de hele regel als één woord.",
        )
    if ":" not in line:
        return (
            (context.line + 1, context.column + 1),
            "PA002",
            "Op deze regel ontbreekt de dubbele punt na de sleutel: schrijf 'sleutel: waarde'.",
        )
    return None
