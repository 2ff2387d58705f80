"""The documentation of every finding code, read from docs/meldingen.md.

docs/meldingen.md has one section per code: ``## PA101: <title>``, then a paragraph
that starts with ``*Fout.*`` or ``*Waarschuwing.*`` and explains the code, then a wrong
and a right example. SARIF carries these texts as the help of each rule.

The installed wheel ships the file as ``prestatie/docs/meldingen.md``; from a checkout
it is read from the repository's ``docs/``. The address of the documentation online
is the ``Documentation`` URL of the package metadata (``[project.urls]`` in
pyproject.toml), so a fork that publishes elsewhere changes one line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import quote

FILE = "meldingen.md"
_HEADING = re.compile(r"^## (PA\d{3}): (.+)$", re.MULTILINE)
_SEVERITY_MARK = re.compile(r"^\*(Fout|Waarschuwing)\.\*\s*")


@dataclass(frozen=True, slots=True)
class CodeDoc:
    code: str
    title: str
    explanation: str  # the explaining paragraph, without the *Fout.* mark
    markdown: str  # the whole section below the heading, as written
    anchor: str  # the heading's anchor as GitHub and GitLab make it


def meldingen_path() -> Path:
    """docs/meldingen.md: the installed package's copy, else the repository's."""
    packaged = Path(str(resources.files("prestatie"))) / "docs" / FILE
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "docs" / FILE


def anchor(heading: str) -> str:
    """The anchor that GitHub (and GitLab) give a Markdown heading.

    Lower case; everything but letters, digits, ``_``, ``-`` and spaces dropped;
    each space a hyphen (so ``Tekst na ' #' valt`` gives ``tekst-na---valt``).
    """
    kept = "".join(
        ch
        for ch in heading.strip().lower()
        if ch in "-_ " or unicodedata.category(ch)[0] in ("L", "N")
    )
    return kept.replace(" ", "-")


def parse(text: str) -> dict[str, CodeDoc]:
    """Every code's section of docs/meldingen.md, in the order of the file."""
    headings = list(_HEADING.finditer(text))
    docs: dict[str, CodeDoc] = {}
    for index, match in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        body = text[match.end() : end].strip()
        first = body.split("\n\n", 1)[0]
        explanation = " ".join(_SEVERITY_MARK.sub("", first).split())
        code, title = match.group(1), match.group(2).strip()
        docs[code] = CodeDoc(code, title, explanation, body, anchor(f"{code}: {title}"))
    return docs


@cache
def code_docs() -> dict[str, CodeDoc]:
    return parse(meldingen_path().read_text(encoding="utf-8"))


@cache
def docs_url() -> str | None:
    """The ``Documentation`` URL of the installed package (no trailing slash), if any."""
    try:
        urls = metadata.metadata("prestatie").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip().rstrip("/")
    return None


def help_uri(doc: CodeDoc) -> str | None:
    """Where the code is explained online: docs/meldingen.md at its heading."""
    base = docs_url()
    if base is None:
        return None
    return f"{base}/{FILE}#{quote(doc.anchor, safe='-_')}"
