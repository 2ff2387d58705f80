"""Read one untrusted YAML file into plain data, knowing where every value stands.

The dialect is a strict subset of YAML: one document, no anchors or aliases, no
tags, text keys (whole numbers allowed, for years), and YAML 1.2-like typing of
plain scalars in which the YAML 1.1 surprises (``no``, ``on``, ``010``, ``1_000``,
``12:30``) are refused instead of silently becoming a boolean or a number.

Events come from libyaml (``CSafeLoader``); the tree is built here, iteratively,
so that deep nesting, alias bombs and odd tags never reach a recursive or
unsafe constructor.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml._yaml import CParser as _CParser  # libyaml's event parser, without a constructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from prestatie.codes import raised_here, severity_of
from prestatie.dutch import getal
from prestatie.errors import InternalError
from prestatie.findings import Finding
from prestatie.limits import MAX_FINDINGS_PER_FILE, too_many_findings
from prestatie.yamlsyntax import (
    TYPOGRAPHIC_QUOTES,
    explain,
    syntax_problem,
    typographic_message,
    typographic_quoted,
)

RAISES = raised_here(
    "PA001", "PA003", "PA004", "PA005", "PA006", "PA007", "PA008", "PA009",
    "PA010", "PA011", "PA012", "PA013", "PA014", "PA016", "PA017", "PA019", "PA306",
)  # fmt: skip

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
# A file larger than this has its positions recorded as it is read (see YamlDocument).
RECORD_EAGERLY = 64 * 1024
MAX_DIGITS = 15

YamlPath = tuple[str | int, ...]
Position = tuple[int, int]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_AMBIGUOUS_BOOL = frozenset({"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"})
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
_AMBIGUOUS_NUMBER = re.compile(
    r"[-+]?(?:0[0-9]+|0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?"
    r"|[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)"
)
# One to three digits, then groups of three after points: how Dutch writes 1.650 (one
# thousand six hundred and fifty). YAML would read 1.650 as 1,65 and 1.300.000 as text.
THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(?:\.[0-9]{3})+")
# A number in exponent notation (1e3, 2.5E-4): no advisor means that; kept as text like 1.650.
EXPONENT = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+")
# A plain scalar that starts with none of these and is none of these words is text.
_SPECIAL_START = frozenset("0123456789+-.~") | TYPOGRAPHIC_QUOTES
_SPECIAL_WORDS = frozenset({"", *_BOOLS, *_AMBIGUOUS_BOOL, *(n for n in _NULLS if n)})
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Dates repeat across files: each is made once (up to this many different ones).
_DATES: dict[str, dt.date] = {}
_DATES_KEPT = 100_000
# Plain text up to this length (ids, states, short names) is kept as one string
# however many files repeat it (sys.intern); longer text is seldom repeated.
_SHARED_LENGTH = 40
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
)
# C0/C1 controls (U+0085 too: YAML would count it as a line break where git and
# editors do not; in practice it is a Windows-1252 '…' read as Latin-1), DEL,
# surrogates and non-characters are not YAML.
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\ufeff]")
# Invisible characters by Unicode category, so that no list goes stale: format
# characters (bidi controls, zero-width joiners, tag characters), private use,
# surrogates, line and paragraph separators. They make text look different from
# what it is, or (U+2028, U+2029) end a line for YAML but not for git.
_BAD_CATEGORIES = frozenset({"Cf", "Co", "Cs", "Zl", "Zp"})


def _first_bad_char(text: str) -> int | None:
    """The offset of the first character that is refused (PA012), or None."""
    found = _BAD_CHAR.search(text)
    first = found.start() if found else None
    if not text.isascii():
        for char in set(text):
            if char > "\x7f" and unicodedata.category(char) in _BAD_CATEGORIES:
                offset = text.find(char)
                if first is None or offset < first:
                    first = offset
    return first
# A plain value, one space, then '#': YAML makes the rest a comment, so text such as
# "Project #1" silently loses its end. Two or more spaces read as a deliberate comment.
_SINGLE_SPACE_HASH = re.compile(r"[^\s#] #")
_CONFLICT_MARKER = re.compile(r"^(?:<{7}|={7}|>{7})(?: |$)", re.MULTILINE)


class YamlDocument:
    """Plain data (dicts, lists, str, int, float, bool, date, None) with positions.

    ``values`` maps the path of every node to the 1-based line and column where
    its value starts; ``keys`` maps the path of every mapping entry to its key.

    Positions are not recorded while a file is read: most files never need one (no
    findings), and recording every key and value would cost a fifth of the reading and
    more memory than the data itself. The document keeps the bytes it was read from;
    the first time a position is asked for, the reader reads them once more with
    positions recorded (the same bytes give the same data, node for node), and builds
    the path dictionaries.

    ``release()`` lets go of the plain data once a model is built from it: what stays is
    the bytes, about the size of the file. ``data`` reads them again when it is asked
    for after that (to send the document to another process, for instance).

    A large file (over RECORD_EAGERLY bytes, rare) would take long to read again: its
    positions are recorded while it is read (``flat``), and it keeps its plain data.
    """

    __slots__ = ("_data", "_raw", "_file", "_values", "_keys", "_flat")

    def __init__(
        self,
        data: Any,
        values: dict[YamlPath, Position] | None = None,
        keys: dict[YamlPath, Position] | None = None,
        *,
        raw: bytes | None = None,
        file: str = "",
        flat: tuple[list[Position], list[Position]] | None = None,
    ) -> None:
        self._data = data
        self._raw = raw
        self._file = file
        self._flat = flat
        if raw is None:
            values = values if values is not None else {}
            keys = keys if keys is not None else {}
        self._values = values
        self._keys = keys

    def __reduce__(self) -> tuple[Any, ...]:
        if self._raw is None:
            return (_rebuild_document, (self._data, None, self._file, self._values, self._keys))
        return (_rebuild_document, (self.data, self._raw, self._file, None, None, self._flat))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, YamlDocument):
            return NotImplemented
        return (self.data, self.values, self.keys) == (other.data, other.values, other.keys)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"YamlDocument({self.data!r})"

    @property
    def data(self) -> Any:
        """The plain data; after ``release()`` read again from the bytes at each call (not kept)."""
        if self._data is _RELEASED:
            return self._read_again()[0]
        return self._data

    def release(self) -> None:
        """Drop the plain data (a model holds what is needed of it); the bytes stay."""
        if self._raw is not None and self._flat is None:
            self._data = _RELEASED

    @property
    def values(self) -> dict[YamlPath, Position]:
        if self._values is None:
            self._materialize()
        assert self._values is not None
        return self._values

    @property
    def keys(self) -> dict[YamlPath, Position]:
        if self._keys is None:
            self._materialize()
        assert self._keys is not None
        return self._keys

    def _read_again(self) -> tuple[Any, list[Position], list[Position]]:
        """The data and its positions (values, keys, in document order) from the bytes."""
        assert self._raw is not None
        reader = _Reader(self._file, record=True)
        try:
            data = reader.build(reader.decode(self._raw))
        except _Stop:
            raise InternalError(
                f"{self._file or 'Het bestand'} was eerder wel te lezen en nu niet meer "
                "(interne fout in yamlread)."
            ) from None
        if self._data is not _RELEASED and data != self._data:
            raise InternalError(
                f"{self._file or 'Het bestand'} geeft bij opnieuw lezen andere gegevens "
                "(interne fout in yamlread)."
            )
        return data, reader.value_positions, reader.key_positions

    def _materialize(self) -> None:
        if self._flat is not None:
            data, (value_positions, key_positions) = self._data, self._flat
        else:
            data, value_positions, key_positions = self._read_again()
        values: dict[YamlPath, Position] = {}
        keys: dict[YamlPath, Position] = {}
        values_left, keys_left = iter(value_positions), iter(key_positions)
        try:
            _fill(data, (), values, keys, values_left.__next__, keys_left.__next__)
        except StopIteration:
            raise _position_mismatch(len(value_positions), len(key_positions)) from None
        if next(values_left, None) is not None or next(keys_left, None) is not None:
            raise _position_mismatch(len(value_positions), len(key_positions))
        self._values, self._keys = values, keys

    def locate(self, path: YamlPath, *, key: bool = False) -> Position:
        """Where ``path`` stands, or its nearest ancestor that exists."""
        path = tuple(path)
        values, keys = self.values, self.keys
        while True:
            if key and path in keys:
                return keys[path]
            if path in values:
                return values[path]
            if not path:
                return (1, 1)
            path = path[:-1]


# The data of a released document (None is data too: a document can hold just null).
_RELEASED: Any = object()


def _position_mismatch(values: int, keys: int) -> InternalError:
    """The recorded positions do not fit the data: every position after this point would be wrong."""
    return InternalError(
        f"De {values} waarde- en {keys} sleutelposities passen niet bij de gelezen gegevens "
        "(interne fout in yamlread)."
    )


def _rebuild_document(
    data: Any,
    raw: bytes | None,
    file: str,
    values: dict[YamlPath, Position] | None = None,
    keys: dict[YamlPath, Position] | None = None,
    flat: tuple[list[Position], list[Position]] | None = None,
) -> YamlDocument:
    return YamlDocument(data, values, keys, raw=raw, file=file, flat=flat)


@dataclass(slots=True)
class ReadOutcome:
    """The document (None when the file could not be read at all) and the problems.

    A document can come with problems: a duplicate key or an invalid date is
    reported, and reading goes on so that the rest of the file is checked too.
    ``bad_paths`` lists the paths whose value the reader already reported, so
    that schema checks do not report them a second time. ``thousands`` lists the
    plain values written like 1.650 or 1e3: they are kept as their text, which is fine
    where text is expected, and refused where a number is (PA018, PA021, schemacheck).
    """

    document: YamlDocument | None
    findings: list[Finding]
    bad_paths: set[YamlPath] = field(default_factory=set)
    thousands: set[YamlPath] = field(default_factory=set)


def too_big_message(size: int) -> str:
    """PA014's message: the same whether the size shows on disk, in git or in the bytes."""
    return (
        f"Het bestand is {getal(size)} bytes; de grens is {getal(MAX_BYTES)} bytes. "
        "Splits het op of controleer of dit wel een databestand is."
    )


class _Stop(Exception):
    """A problem after which this file cannot be read any further."""


def _describe_char(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _position_in_bytes(raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def _position_in_text(text: str, offset: int) -> Position:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


class _Reader:
    def __init__(self, file: str, *, record: bool = False) -> None:
        self.file = file
        self.findings: list[Finding] = []
        self.bad_paths: set[YamlPath] = set()
        self.thousands: set[YamlPath] = set()
        # With ``record``: positions in document order (pre-order, each key before its
        # value; see YamlDocument), of the values and of the keys that are kept.
        self.record = record
        self.value_positions: list[Position] = []
        self.key_positions: list[Position] = []
        # Where the top node starts (None: the document holds no node at all).
        self.top: Position | None = None

    def report(self, position: Position, code: str, message: str) -> None:
        self.findings.append(Finding(self.file, position[0], position[1], code, severity_of(code), message))
        if len(self.findings) >= MAX_FINDINGS_PER_FILE:
            # Reading on would only repeat the same mistake: say so, and stop.
            self.findings.append(too_many_findings(self.file, position, None))
            raise _Stop()

    def stop(self, position: Position, code: str, message: str) -> _Stop:
        self.report(position, code, message)
        return _Stop()

    # Text ---------------------------------------------------------------

    def decode(self, raw: bytes) -> str:
        if len(raw) > MAX_BYTES:
            raise self.stop(
                (1, 1),
                "PA014",
                too_big_message(len(raw)),
            )
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (
            b"\x00" in raw[:64] and len(raw) >= 2 and (raw[0] == 0 or raw[1] == 0)
        ):
            raise self.stop(
                (1, 1),
                "PA001",
                "Het bestand is opgeslagen als UTF-16. Sla het bestand op als UTF-8 "
                "(in de meeste editors: Opslaan als… → codering UTF-8).",
            )
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise self.stop(
                _position_in_bytes(raw, exc.start),
                "PA001",
                f"Dit teken is geen geldige UTF-8 (byte 0x{raw[exc.start]:02X}); het "
                "bestand is waarschijnlijk als Windows-1252 of Latin-1 opgeslagen. "
                "Sla het bestand op als UTF-8.",
            ) from None
        bad = _first_bad_char(text)
        if bad is not None:
            raise self.stop(
                _position_in_text(text, bad),
                "PA012",
                f"Hier staat een onzichtbaar of ongeldig teken ({_describe_char(text[bad])}). "
                "Verwijder het; typ de tekst zo nodig opnieuw.",
            )
        conflict = (
            _CONFLICT_MARKER.search(text)
            if "<<<<<<<" in text or "=======" in text or ">>>>>>>" in text
            else None
        )
        if conflict:
            raise self.stop(
                _position_in_text(text, conflict.start()),
                "PA016",
                "Hier staat een merge-conflictmarkering van git "
                f"({conflict.group().strip()}). Kies welke versie blijft en verwijder de "
                "regels met <<<<<<<, ======= en >>>>>>>.",
            )
        return text

    # Scalars -------------------------------------------------------------

    def scalar(self, event: Any, path: YamlPath) -> Any:
        value: str = event.value
        style = event.style
        if style:  # quoted or block scalar: always text
            # The text was checked as a whole; only a \u escape can add a bad character.
            if style == '"' and _first_bad_char(value) is not None:
                self.bad_paths.add(path)
                self.report(
                    _mark(event),
                    "PA012",
                    "Deze tekst bevat een ongeldig teken (bijvoorbeeld een losse "
                    "surrogaat via \\u-escape). Verwijder de escape-code.",
                )
            return value
        if value[:1] not in _SPECIAL_START and value not in _SPECIAL_WORDS:
            return value  # plain text: the common case, no pattern can match
        if value in _NULLS:
            return None
        if value in _BOOLS:
            return _BOOLS[value]
        # The two common cases first, exactly as the patterns below would take them: a
        # date read before, and a whole number without a leading zero.
        known = _DATES.get(value)
        if known is not None:
            return known
        if value.isdigit() and value.isascii() and value[0] != "0" and len(value) <= MAX_DIGITS:
            return int(value)
        if value[0] in TYPOGRAPHIC_QUOTES:
            if typographic_quoted(value):
                self.bad_paths.add(path)
                self.report(_mark(event), "PA019", typographic_message(value[1:-1]))
                return value[1:-1]
            return value
        if THOUSANDS.fullmatch(value) or (EXPONENT.fullmatch(value) and math.isfinite(float(value))):
            self.thousands.add(path)
            return value
        if _INT.fullmatch(value):
            if len(value.lstrip("+-")) > MAX_DIGITS:
                self.bad_paths.add(path)
                self.report(
                    _mark(event),
                    "PA011",
                    f"Dit getal heeft meer dan {MAX_DIGITS} cijfers. Controleer het getal; "
                    "bedoelt u tekst, zet het dan tussen aanhalingstekens.",
                )
                return None
            return int(value)
        if _FLOAT.fullmatch(value):
            number = float(value)
            if not math.isfinite(number) or len(value) > 40:
                self.bad_paths.add(path)
                self.report(_mark(event), "PA011", "Dit getal is te groot of te lang.")
                return None
            return number
        if value in _AMBIGUOUS_BOOL or _AMBIGUOUS_NUMBER.fullmatch(value):
            self.bad_paths.add(path)
            self.report(
                _mark(event),
                "PA017",
                f"De waarde {value} is dubbelzinnig: oudere YAML-programma's lezen dit "
                "als ja/nee of als een ander getal. Bedoelt u tekst, zet het dan tussen "
                f'aanhalingstekens ("{value}"); bedoelt u ja/nee, schrijf true of false; '
                "bedoelt u een getal, schrijf het zonder voorloopnul, _ of :.",
            )
            return value
        if _DATE.fullmatch(value):
            try:
                date = dt.date.fromisoformat(value)
            except ValueError:
                self.bad_paths.add(path)
                self.report(
                    _mark(event),
                    "PA010",
                    f"{value} is geen bestaande datum. Schrijf een datum als JJJJ-MM-DD, "
                    "bijvoorbeeld 2024-02-29.",
                )
                return value
            if len(_DATES) < _DATES_KEPT:
                _DATES[value] = date
            return date
        if _TIMESTAMP.fullmatch(value):
            self.bad_paths.add(path)
            self.report(
                _mark(event),
                "PA010",
                f"{value} is geen datum in de vorm JJJJ-MM-DD. Schrijf alleen de datum, "
                "met voorloopnullen, bijvoorbeeld 2024-03-05.",
            )
            return value
        return value

    # Tree ----------------------------------------------------------------

    def refuse_node_features(self, event: Any) -> None:
        if event.anchor is not None:
            raise self.stop(
                _mark(event),
                "PA004",
                f"Anchors (&{event.anchor}) en aliassen (*naam) zijn niet toegestaan: "
                "schrijf de waarde voluit op elke plek waar die nodig is.",
            )
        if event.tag is not None:
            raise self.stop(
                _mark(event),
                "PA005",
                f"Tags zoals {event.tag} zijn niet toegestaan. Verwijder de tag; staat het "
                "uitroepteken in een tekst, zet de tekst dan tussen aanhalingstekens.",
            )

    def build(self, text: str) -> Any:
        root: list[Any] = []
        # Each frame: [container, path, pending key or _NO_KEY, mode, line of each key]
        # mode: _MAPPING or _LIST, plus _DETACHED for the value of a refused key
        # (read to check it, but not kept and not recorded).
        stack: list[list[Any]] = []
        documents = 0
        parser = _CParser(text)
        get_event = parser.get_event
        record = self.record
        value_positions = self.value_positions
        key_positions = self.key_positions
        scalar = self.scalar
        intern = sys.intern
        try:
            while True:
                event: Any = get_event()
                if event is None:
                    break
                kind = event.__class__
                if kind is ScalarEvent:
                    if event.anchor is not None or event.tag is not None:
                        self.refuse_node_features(event)
                    if not stack:
                        self.place(stack, root, event, None)
                        continue
                    # The common cases inline (this loop runs for every value of
                    # every file); everything unusual goes through place().
                    frame = stack[-1]
                    mode = frame[3]
                    if mode & _DETACHED:
                        self.place(stack, root, event, None)
                        continue
                    parent = frame[0]
                    value = event.value
                    plain = (
                        not event.style and value[:1] not in _SPECIAL_START and value not in _SPECIAL_WORDS
                    )
                    if plain and len(value) <= _SHARED_LENGTH:
                        # Ids, names and states repeat across files: kept once.
                        value = intern(value)
                    if mode == _LIST:
                        parent.append(value if plain else scalar(event, frame[1] + (len(parent),)))
                        if record:
                            value_positions.append(_mark(event))
                        continue
                    pending = frame[2]
                    if pending is _NO_KEY:
                        if plain and value not in parent:
                            value = intern(value)  # keys repeat in every file: kept once
                            line = event.start_mark.line + 1
                            if record:
                                key_positions.append((line, event.start_mark.column + 1))
                            frame[4][value] = line
                            frame[2] = value
                        else:
                            self.place(stack, root, event, None)
                    elif pending.__class__ is _Bad:
                        self.place(stack, root, event, None)
                    else:
                        frame[2] = _NO_KEY
                        parent[pending] = value if plain else scalar(event, frame[1] + (pending,))
                        if record:
                            value_positions.append(_mark(event))
                elif kind is MappingStartEvent or kind is SequenceStartEvent:
                    self.refuse_node_features(event)
                    if len(stack) >= MAX_DEPTH:
                        raise self.stop(
                            _mark(event),
                            "PA013",
                            f"De gegevens zijn hier dieper genest dan {MAX_DEPTH} niveaus. "
                            "Controleer haakjes en inspringing.",
                        )
                    mode = _LIST if kind is SequenceStartEvent else _MAPPING
                    container: Any = [] if mode == _LIST else {}
                    path, attached = self.place(stack, root, event, container)
                    stack.append([container, path, _NO_KEY, mode if attached else mode | _DETACHED, {}])
                elif kind is MappingEndEvent or kind is SequenceEndEvent:
                    stack.pop()
                elif kind is AliasEvent:
                    raise self.stop(
                        _mark(event),
                        "PA004",
                        f"Aliassen (*{event.anchor}) en anchors (&naam) zijn niet "
                        "toegestaan: schrijf de waarde voluit op elke plek waar die nodig is.",
                    )
                elif kind is DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise self.stop(
                            _mark(event),
                            "PA006",
                            "Hier begint een tweede YAML-document (---). Een bestand bevat "
                            "precies één afspraak, project of lijst: verwijder de --- of "
                            "splits het bestand.",
                        )
        except yaml.MarkedYAMLError as exc:
            raise self.stop(*syntax_problem(text, exc)) from None
        except yaml.YAMLError as exc:
            raise self.stop((1, 1), *explain(str(exc))) from None
        finally:
            parser.dispose()
        return root[0] if root else None

    def place(
        self, stack: list[list[Any]], root: list[Any], event: Any, container: Any
    ) -> tuple[YamlPath, bool]:
        """Put a scalar or a new container where it belongs.

        Returns its path and whether it is kept in the data (False for the value of
        a refused key, and for everything inside one).
        """
        position = _mark(event)
        record = self.record
        if not stack:
            root.append(self.scalar(event, ()) if container is None else container)
            self.top = position
            if record:
                self.value_positions.append(position)
            return (), True
        frame = stack[-1]
        parent: Any = frame[0]
        parent_path: YamlPath = frame[1]
        pending: Any = frame[2]
        attached = not frame[3] & _DETACHED
        if frame[3] & _LIST:
            path = (*parent_path, len(parent))
            parent.append(self.scalar(event, path) if container is None else container)
            if attached and record:
                self.value_positions.append(position)
            return path, attached
        if pending is _NO_KEY:
            if container is not None:
                raise self.stop(
                    position,
                    "PA009",
                    "Een sleutel moet een woord zijn, geen lijst of mapping. Controleer "
                    "de haakjes en de vraagtekens (?) aan het begin van de regel.",
                )
            key = self.scalar(event, (*parent_path, event.value))
            if isinstance(key, bool) or not isinstance(key, str | int):
                self.report(
                    position,
                    "PA009",
                    f"De sleutel {event.value or '(leeg)'} is geen tekst. Gebruik een naam "
                    "van letters, of zet de sleutel tussen aanhalingstekens.",
                )
                key = _Bad(event.value)
            elif key in parent:
                self.report(
                    position,
                    "PA003",
                    f"De sleutel '{key}' staat hier voor de tweede keer; de eerste staat op "
                    f"regel {frame[4][key]}. Verwijder een van beide of voeg ze samen.",
                )
                key = _Bad(key)
            else:
                if isinstance(key, str):
                    key = sys.intern(key)
                frame[4][key] = position[0]
                if attached and record:
                    self.key_positions.append(position)
            frame[2] = key
            return parent_path, attached
        frame[2] = _NO_KEY
        path = (*parent_path, pending)
        if isinstance(pending, _Bad):
            # The value of a refused key is read (to check its syntax) but not kept.
            if container is None:
                self.scalar(event, path)
            return path, False
        parent[pending] = self.scalar(event, path) if container is None else container
        if attached and record:
            self.value_positions.append(position)
        return path, attached


class _Bad(str):
    """A key that was reported already; its value is read but not kept."""

    __slots__ = ()


_NO_KEY: Any = object()
_MAPPING = 0
_LIST = 1
_DETACHED = 2


def _mark(event: Any) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


def read_yaml(raw: bytes, file: str, *, top: type = dict) -> ReadOutcome:
    """Read ``raw`` (the bytes of ``file``) as one document whose top is ``top``.

    Never raises for any input: every problem becomes a located finding.
    """
    reader = _Reader(file, record=len(raw) > RECORD_EAGERLY)
    try:
        text = reader.decode(raw)
        data = reader.build(text)
    except _Stop:
        return ReadOutcome(None, reader.findings, reader.bad_paths, reader.thousands)
    except RecursionError:  # pragma: no cover - the builder is iterative
        reader.report((1, 1), "PA013", "De gegevens zijn te diep genest.")
        return ReadOutcome(None, reader.findings, reader.bad_paths, reader.thousands)
    if reader.top is None:
        reader.report(
            (1, 1),
            "PA007",
            "Het bestand is leeg of bevat alleen commentaar. Vul het in of verwijder het.",
        )
        return ReadOutcome(None, reader.findings, reader.bad_paths, reader.thousands)
    if not isinstance(data, top):
        wanted = (
            "een lijst (regels die met '- ' beginnen)"
            if top is list
            else ("een mapping (regels als 'sleutel: waarde')")
        )
        reader.report(
            reader.top,
            "PA008",
            f"Dit bestand moet op het hoogste niveau {wanted} bevatten.",
        )
        return ReadOutcome(None, reader.findings, reader.bad_paths, reader.thousands)
    if " #" in text and _SINGLE_SPACE_HASH.search(text):
        reader.findings.extend(_cut_by_comment(text, file))
    flat = (reader.value_positions, reader.key_positions) if reader.record else None
    document = YamlDocument(data, raw=raw, file=file, flat=flat)
    return ReadOutcome(document, reader.findings, reader.bad_paths, reader.thousands)


def _cut_by_comment(text: str, file: str) -> list[Finding]:
    """Warnings for plain values followed by ' #' on the same line (PA306).

    Only runs for the rare file where a single space precedes a '#'; the text parsed
    once already, so this second pass over its events cannot fail.
    """
    lines = text.split("\n")
    findings = []
    parser = _CParser(text)
    try:
        while (event := parser.get_event()) is not None:
            if event.__class__ is not ScalarEvent or event.style:
                continue
            end: Any = event.end_mark
            line = lines[end.line] if end.line < len(lines) else ""
            if line[end.column : end.column + 2] != " #":
                continue
            kept = event.value
            whole = f"{kept} {line[end.column + 1 :].rstrip()}"
            findings.append(
                Finding(
                    file,
                    end.line + 1,
                    end.column + 2,
                    "PA306",
                    severity_of("PA306"),
                    f"Alles vanaf ' #' is voor YAML commentaar: de waarde is alleen '{kept}'. "
                    "Hoort het # bij de tekst, zet de hele waarde dan tussen aanhalingstekens "
                    f'("{whole}"); is het commentaar, zet dan twee spaties voor het #.',
                )
            )
    except yaml.YAMLError:  # pragma: no cover - the same text parsed a moment ago
        pass
    finally:
        parser.dispose()
    return findings


def _fill(
    node: Any,
    path: YamlPath,
    values: dict[YamlPath, Position],
    keys: dict[YamlPath, Position],
    next_value: Callable[[], Position],
    next_key: Callable[[], Position],
) -> None:
    """Position dicts from the flat positions (YamlDocument._materialize), in document order.

    A module function and not a closure: a closure that calls itself is a garbage cycle,
    which only the cyclic collector frees, and that is off while data is loaded (collector.py).
    Depth is at most MAX_DEPTH, so recursion is safe here.
    """
    values[path] = next_value()
    if node.__class__ is dict:
        for name, child in node.items():
            child_path = (*path, name)
            keys[child_path] = next_key()
            if child.__class__ is dict or child.__class__ is list:
                _fill(child, child_path, values, keys, next_value, next_key)
            else:
                values[child_path] = next_value()
    elif node.__class__ is list:
        for index, child in enumerate(node):
            if child.__class__ is dict or child.__class__ is list:
                _fill(child, (*path, index), values, keys, next_value, next_key)
            else:
                values[(*path, index)] = next_value()
