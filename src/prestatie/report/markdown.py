"""Markdown from the data files, rendered safely.

Free text (``omschrijving``, ``toelichting``) may use Markdown. It is parsed with
markdown-it-py with raw HTML disabled, without images and headings, and with
only http, https and mailto links: any other link stays visible as plain text.

For the HTML report the tokens become HTML (markdown-it escapes all text). For
the Markdown report the same tokens are written back as a small, safe subset of
Markdown (text, emphasis, code, links, list items) in which every character that
Markdown or a table would act on is escaped, so a value can never add a heading,
a table column, raw HTML or a link of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

SAFE_SCHEMES = ("http:", "https:", "mailto:")

# Characters that Markdown (CommonMark + GFM tables) gives a meaning inline.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
# At the start of a line these begin a block (heading, list, quote, setext line).
_BLOCK_START = re.compile(r"^([#+=-])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_BARE_URL = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data|file):(?=//)")


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


@cache
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image", "heading", "lheading", "html_block", "html_inline"])
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


# HTML -----------------------------------------------------------------------------


def to_html(text: str) -> str:
    """Block Markdown as safe HTML (paragraphs, lists, emphasis, safe links)."""
    return str(parser().render(text))


def to_html_inline(text: str) -> str:
    """Inline Markdown as safe HTML, without a surrounding paragraph."""
    return str(parser().renderInline(text))


# Markdown -------------------------------------------------------------------------


def escape(text: str) -> str:
    """Plain text as literal Markdown on one line: safe in a paragraph, list item or table cell.

    Whitespace (newlines, tabs) collapses to single spaces, so that a value cannot
    end a table row or start a block; pipes and other active characters are escaped.
    """
    return _escape_part(" ".join(text.split()))


def _escape_part(text: str) -> str:
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _BARE_URL.sub(r"\1\\:", text)  # no bare URL: it is text here, not a link
    text = _ORDERED_START.sub(r"\1\\\2", text)
    return _BLOCK_START.sub(r"\\\1", text)


def _escape_inline(text: str) -> str:
    """Like ``escape`` but keeps one space at either end (text between other inline tokens)."""
    collapsed = " ".join(text.split())
    lead = " " if text[:1].isspace() and collapsed else ""
    trail = " " if text[-1:].isspace() and collapsed else ""
    return lead + _escape_part(collapsed) + trail


def _code_span(content: str) -> str:
    content = " ".join(content.split())
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{fence}{pad}{content}{pad}{fence}"


def _link_destination(href: str) -> str:
    if any(char in href for char in "()<> "):
        return "<" + href.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"
    return href


def _inline(children: Sequence[Token]) -> str:
    parts: list[str] = []
    links: list[str] = []
    for token in children:
        kind = token.type
        if kind == "text":
            parts.append(_escape_inline(token.content))
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "code_inline":
            # a pipe splits a table cell even inside a code span: then plain text
            parts.append(escape(token.content) if "|" in token.content else _code_span(token.content))
        elif kind in ("strong_open", "strong_close"):
            parts.append("**")
        elif kind in ("em_open", "em_close"):
            parts.append("*")
        elif kind == "link_open":
            href = str(token.attrGet("href") or "")
            if token.markup == "autolink" and not href.lower().startswith("https:"):
                links.append("")  # <http://…>: shown as text, as a bare URL is
                continue
            if parts and parts[-1].endswith("!"):
                parts[-1] = parts[-1][:-1] + "\\!"  # '!' before '[': never an image
            links.append(href)
            parts.append("[")
        elif kind == "link_close":
            href = links.pop() if links else ""
            if href:
                parts.append(f"]({_link_destination(href)})")
        else:  # anything else: its text, literally
            parts.append(escape(token.content))
    return " ".join("".join(parts).split(" ")).strip()


def to_markdown_blocks(text: str) -> list[str]:
    """Markdown text as a list of safe one-line blocks (paragraphs and list items).

    List items come back prefixed with ``- ``; everything else is a paragraph.
    """
    blocks: list[str] = []
    in_item = 0
    for token in parser().parse(text):
        if token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "inline":
            line = _inline(token.children or [])
            if line:
                blocks.append(f"- {line}" if in_item else line)
        elif token.type in ("code_block", "fence"):
            line = escape(token.content)
            if line:
                blocks.append(f"- {line}" if in_item else line)
    return blocks


def to_markdown(text: str) -> str:
    """Block Markdown as safe Markdown: paragraphs separated by a blank line, lists kept together."""
    out: list[str] = []
    previous_item = False
    for block in to_markdown_blocks(text):
        item = block.startswith("- ")
        if out:
            out.append("\n" if item and previous_item else "\n\n")
        out.append(block)
        previous_item = item
    return "".join(out)


def to_markdown_inline(text: str) -> str:
    """Markdown text as safe Markdown on one line (for list items and table cells)."""
    return " ".join(block.removeprefix("- ") for block in to_markdown_blocks(text))
