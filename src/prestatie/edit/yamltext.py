"""Minimal edits of a YAML file's text, located with ruamel.yaml's round-trip parser.

An edit changes only the lines it must: a value on one line, one inserted line,
or appended list items. Every other line (comments, quoting, indentation, line
endings, a byte order mark) stays byte for byte as it was. ruamel.yaml's
round-trip loader tells where each key, value and list item stands; the new
fragments follow the style of the surrounding file.

Layouts this cannot edit line by line (a non-empty flow list, a value that
continues on the next line) raise ``Unsupported``; the caller then falls back
to a full ruamel.yaml round trip (``roundtrip``). After an edit the lines are parsed
again only when a next edit needs the positions: every caller reads the new bytes
back with the validating reader and compares them with the data it meant, so the
last edit of a file is checked there, not parsed twice.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from prestatie.edit.scalars import date_scalar, text_scalar
from prestatie.errors import UsageError
from prestatie.yamlread import read_yaml

BOM = "\ufeff"
Value = str | dt.date | int | float


class Unsupported(Exception):
    """This layout cannot be edited line by line."""


def _rt_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # never fold long lines
    return yaml


class YamlText:
    """The lines of one YAML document whose top level is a mapping."""

    def __init__(self, raw: bytes) -> None:
        text = raw.decode("utf-8")
        self.bom = text.startswith(BOM)
        text = text.removeprefix(BOM)
        self.newline = "\r\n" if "\r\n" in text else "\n"
        parts = text.split("\n")
        self.lines = [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        self._parse()
        self.document  # noqa: B018  (parsed now: a file that is no mapping is Unsupported at once)

    # -- reading --------------------------------------------------------------

    def _parse(self) -> None:
        """Parse the lines again when the document is next needed (after an edit): the last
        edit of a file is not parsed here, its caller reads the bytes back anyway."""
        self._document: CommentedMap | None = None

    @property
    def document(self) -> CommentedMap:
        if self._document is None:
            document = _rt_yaml().load("".join(self.lines))
            if not isinstance(document, CommentedMap):
                raise Unsupported("top level is not a mapping")
            self._document = document
        return self._document

    def text(self) -> str:
        return (BOM if self.bom else "") + "".join(self.lines)

    def encode(self) -> bytes:
        return self.text().encode("utf-8")

    @staticmethod
    def _body(line: str) -> str:
        return line.rstrip("\r\n")

    @staticmethod
    def _ending(line: str) -> str:
        return line[len(line.rstrip("\r\n")) :]

    def key_position(self, key: str, within: tuple[str | int, ...] = ()) -> tuple[int, int]:
        line, column = self.mapping(within).lc.key(key)
        return int(line), int(column)

    def mapping(self, within: tuple[str | int, ...] = ()) -> CommentedMap:
        """The block mapping at path ``within`` (the top level when empty)."""
        node: Any = self.document
        for step in within:
            node = node[step]
        if not isinstance(node, CommentedMap) or (within and node.fa.flow_style()):
            raise Unsupported("not a block mapping")
        return node

    def document_end(self) -> int:
        """Index of the document end marker line (``...``), or the number of lines without one.

        Whatever follows the marker (often comments) is outside the document and stays there.
        """
        for index, line in enumerate(self.lines):
            body = self._body(line)
            if body == "..." or body.startswith(("... ", "...\t")):
                return index
        return len(self.lines)

    def block_end(self, key: str) -> int:
        """Index of the last line that holds content of ``key``'s value (comments excluded)."""
        keys = list(self.document)
        start, _ = self.key_position(key)
        following = keys.index(key) + 1
        stop = self.key_position(keys[following])[0] if following < len(keys) else self.document_end()
        for index in range(stop - 1, start, -1):
            body = self._body(self.lines[index]).strip()
            if body and not body.startswith("#"):
                return index
        return start

    def _value_span(self, key: str, within: tuple[str | int, ...] = ()) -> tuple[int, int, int]:
        """(line, start, end) of the scalar value on ``key``'s own line; start == end when empty."""
        line_index, column = self.key_position(key, within)
        body = self._body(self.lines[line_index])
        position = column
        if body[position : position + 1] in ("'", '"'):
            position = _quoted_end(body, position)
        colon = body.find(":", position)
        if colon < 0:
            raise Unsupported("no colon after the key")
        start = colon + 1
        while start < len(body) and body[start] == " ":
            start += 1
        if start >= len(body) or body[start] == "#":
            return line_index, colon + 1, colon + 1
        first = body[start]
        if first in "'\"":
            end = _quoted_end(body, start)
        elif body[start : start + 2] in ("[]", "{}"):
            end = start + 2
        elif first in "[{|>&*!":
            raise Unsupported("not a plain scalar")
        else:
            comment = body.find(" #", start)
            end = len(body[:comment].rstrip()) if comment >= 0 else len(body.rstrip())
        return line_index, start, end

    def value_token(self, key: str) -> str:
        line_index, start, end = self._value_span(key)
        return self._body(self.lines[line_index])[start:end]

    # -- editing ----------------------------------------------------------------

    def _replace_line(self, index: int, body: str) -> None:
        self.lines[index] = body + self._ending(self.lines[index])

    def _insert_lines(self, after: int, bodies: list[str]) -> None:
        """Insert lines after line ``after`` (-1: at the top; len-1: at the end)."""
        if bodies and 0 <= after == len(self.lines) - 1 and not self._ending(self.lines[after]):
            self.lines[after] += self.newline
        self.lines[after + 1 : after + 1] = [body + self.newline for body in bodies]

    def set_value(
        self, key: str, rendered: str, *, keep_quotes: bool = False, within: tuple[str | int, ...] = ()
    ) -> None:
        """Replace the scalar value of ``key`` by ``rendered`` (YAML text).

        ``key`` is a top-level key, or one of the block mapping at path ``within``. With
        ``keep_quotes``, a plain word ``rendered`` keeps the quote style the old value had.
        """
        line_index, start, end = self._value_span(key, within)
        body = self._body(self.lines[line_index])
        old = body[start:end]
        if keep_quotes and old[:1] == "'" and rendered.isidentifier():
            rendered = f"'{rendered}'"
        elif keep_quotes and old[:1] == '"' and rendered.isidentifier():
            rendered = f'"{rendered}"'
        if start == end:  # an empty value: 'key:' or 'key:  # comment'
            rest = body[start:]
            new_body = body[:start] + " " + rendered + (rest if rest.strip() else "")
        else:
            rest = body[end:]
            gap = len(rest) - len(rest.lstrip(" "))
            if rest.strip().startswith("#") and gap:
                # keep a trailing comment in its column when there is room
                gap = max(1, gap + len(old) - len(rendered))
                rest = " " * gap + rest.lstrip(" ")
            new_body = body[:start] + rendered + rest
        self._replace_line(line_index, new_body)
        self._parse()

    def insert_key(self, key: str, rendered: str, *, after: tuple[str, ...]) -> None:
        """Add top-level ``key: rendered`` after the first of ``after`` that exists (else at the end)."""
        indent = self.key_position(next(iter(self.document)))[1] if self.document else 0
        anchor = next((name for name in after if name in self.document), None)
        position = self.block_end(anchor) if anchor is not None else self.document_end() - 1
        self._insert_lines(position, [" " * indent + f"{key}: {rendered}"])
        self._parse()

    def append_item(self, key: str, fields: list[tuple[str, Value]], *, before: int | None = None) -> None:
        """Add a mapping item (its keys and values, in order) to the top-level list ``key``.

        At the end, or just before the item with index ``before``, in the style of the
        items around it.
        """
        if key not in self.document:
            indent = self.key_position(next(iter(self.document)))[1] if self.document else 0
            self._insert_lines(
                self.document_end() - 1, [" " * indent + f"{key}:", *_block_item(fields, indent + 2, 2)]
            )
            self._parse()
            return
        line_index, key_column = self.key_position(key)
        value = self.document[key]
        if value is None or (isinstance(value, CommentedSeq) and not value):
            token_line, start, end = self._value_span(key)
            if token_line != line_index or self._body(self.lines[line_index])[start:end] not in (
                "",
                "[]",
                "null",
                "~",
            ):
                raise Unsupported("empty list written in an unusual way")
            body = self._body(self.lines[line_index])
            rest = body[end:]
            self._replace_line(line_index, body[:start].rstrip() + rest)
            self._insert_lines(line_index, _block_item(fields, key_column + 2, 2))
            self._parse()
            return
        if not isinstance(value, CommentedSeq) or value.fa.flow_style() or not value:
            raise Unsupported("not a block list")
        inside = before is not None and before < len(value)
        neighbour = before if inside and before is not None else len(value) - 1
        item_line, item_column = (int(n) for n in value.lc.item(neighbour))
        prefix = self._body(self.lines[item_line])[:item_column]
        dash = prefix.rstrip().rfind("-")
        if dash < 0 or prefix[:dash].strip():
            raise Unsupported("list item not at the start of its line")
        previous = value[neighbour]
        if isinstance(previous, CommentedMap) and previous.fa.flow_style():
            inner = ", ".join(f"{name}: {_render(value, flow=True)}" for name, value in fields)
            bodies = [" " * dash + "-" + " " * (item_column - dash - 1) + "{" + inner + "}"]
        else:
            bodies = _block_item(fields, dash, item_column - dash)
        self._insert_lines(item_line - 1 if inside else self.block_end(key), bodies)
        self._parse()


def _quoted_end(body: str, start: int) -> int:
    """The index after the closing quote of the quoted scalar starting at ``start``."""
    quote = body[start]
    index = start + 1
    while index < len(body):
        char = body[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and body[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index + 1
        index += 1
    raise Unsupported("quoted scalar continues on the next line")


def _render(value: Value, *, flow: bool) -> str:
    if isinstance(value, dt.date):
        return date_scalar(value)
    if isinstance(value, str):
        return text_scalar(value, flow=flow)
    return repr(value)  # a number as YAML reads it back (the caller checks the result)


def _block_item(fields: list[tuple[str, Value]], dash: int, offset: int) -> list[str]:
    """Lines of a block list item: the dash at column ``dash``, its keys ``offset`` further."""
    lines = []
    for number, (name, value) in enumerate(fields):
        lead = " " * dash + "-" + " " * (offset - 1) if number == 0 else " " * (dash + offset)
        lines.append(f"{lead}{name}: {_render(value, flow=False)}")
    return lines


def roundtrip(raw: bytes, change: Callable[[CommentedMap], None]) -> bytes:
    """Apply ``change`` through a full ruamel.yaml round trip (the fallback).

    Comments, key order and quoting survive; indentation follows the file's first
    block list; line endings and a byte order mark are kept.
    """
    text = raw.decode("utf-8")
    bom = text.startswith(BOM)
    text = text.removeprefix(BOM)
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    yaml = _rt_yaml()
    sequence, offset = _list_indentation(text)
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    document: Any = yaml.load(text)
    change(document)
    out = io.StringIO()
    yaml.dump(document, out)
    result = out.getvalue()
    if newline != "\n":
        result = result.replace("\n", newline)
    return ((BOM if bom else "") + result).encode("utf-8")


def reads_as(content: bytes, expected: Any, file: str) -> bool:
    """Whether ``content`` reads back, without findings, as exactly the data ``expected``."""
    outcome = read_yaml(content, file)
    return not outcome.findings and outcome.document is not None and outcome.document.data == expected


def first_faithful(
    attempts: Iterable[Callable[[], bytes]],
    skip: tuple[type[Exception], ...],
    expected: Any,
    file: str,
    by_hand: str,
) -> bytes:
    """The bytes of the first attempt that ``reads_as`` the data meant (an attempt raising one
    of ``skip`` is passed over); none: a UsageError ending with ``by_hand`` (what the user does)."""
    for attempt in attempts:
        try:
            content = attempt()
        except skip:
            continue
        if reads_as(content, expected, file):
            return content
    raise UsageError(
        f"prestatie kan {file} niet veilig automatisch bewerken (de opmaak is ongebruikelijk). "
        f"Er is niets geschreven. {by_hand}"
    )


def _list_indentation(text: str) -> tuple[int, int]:
    """(sequence, offset) indentation of the first block list under a key; default (4, 2)."""
    lines = text.split("\n")
    for number, line in enumerate(lines[1:], start=1):
        stripped = line.lstrip(" ")
        if not stripped.startswith("- "):
            continue
        parent = lines[number - 1]
        if not parent.rstrip().endswith(":"):
            continue
        parent_indent = len(parent) - len(parent.lstrip(" "))
        dash = len(line) - len(stripped) - parent_indent
        content = len(stripped) - len(stripped[1:].lstrip(" ")) + dash
        if dash >= 0 and content > dash:
            return content, dash
    return 4, 2
