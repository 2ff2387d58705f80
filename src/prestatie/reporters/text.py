"""``--format text``: per file, each finding with its source line and a marker.

Colour is only an addition: every finding says "fout" or "waarschuwing" in words,
and the output reads the same in a CI log or with NO_COLOR.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import groupby
from typing import IO, TYPE_CHECKING

from prestatie.codes import CODES
from prestatie.dutch import meervoud
from prestatie.findings import Finding, Severity, ValidationResult, label, position
from prestatie.neutral import raw_stdout, shown, shown_lines
from prestatie.terminal import console as terminal_console
from prestatie.terminal import surely_plain

if TYPE_CHECKING:
    from rich.console import Console

SourceLine = Callable[[str, int], str | None]


def summary(result: ValidationResult) -> str:
    files = meervoud(result.files, "bestand", "bestanden")
    if not result.findings:
        return f"Alles in orde: {files} gecontroleerd, geen fouten of waarschuwingen."
    errors = meervoud(result.errors, "fout", "fouten")
    warnings = meervoud(result.warnings, "waarschuwing", "waarschuwingen")
    return f"{errors} en {warnings} in {files}."


Segment = tuple[str, str]  # text and its Rich style ("" for none)


# At most this many characters of a source line are shown: around the column, so
# that a long line (a whole file on one line) is not printed once per finding.
ECHO_WIDTH = 200


def echo_excerpt(line: str, column: int) -> tuple[str, int]:
    """The part of ``line`` shown under a finding, and the finding's column in it.

    Tabs count as one space (as YAML columns do); control characters are escaped;
    a line longer than ECHO_WIDTH is cut around the column, with '…' where it was cut.
    """
    column = min(max(column, 1), len(line) + 1)
    start, end = 0, len(line)
    if len(line) > ECHO_WIDTH:
        start = max(0, min(column - 1 - ECHO_WIDTH // 2, len(line) - ECHO_WIDTH))
        end = start + ECHO_WIDTH
    before = shown(line[start : column - 1].expandtabs(1))
    after = shown(line[column - 1 : end].expandtabs(1))
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(line) else ""
    return lead + before + after + tail, len(lead) + len(before) + 1


def _finding_segments(finding: Finding, source_line: SourceLine) -> list[Segment]:
    style = "bold red" if finding.severity is Severity.ERROR else "bold yellow"
    # The parts of findings.finding_line, each with its style.
    segments: list[Segment] = [
        ("\n  ", ""),
        (f"{position(finding)}: ", "dim"),
        (label(finding), style),
        (f"  {shown(finding.message)}", ""),
    ]
    if CODES[finding.code].echo and finding.line > 0:
        line = source_line(finding.file, finding.line)
        if line is not None:
            number = str(finding.line)
            excerpt, column = echo_excerpt(line.rstrip("\r\n"), finding.column)
            marker = " " * (column - 1) + "^"
            segments += [
                (f"\n    {number} | ", "dim"),
                (excerpt, ""),
                (f"\n    {' ' * len(number)} | ", "dim"),
                (marker, style),
            ]
    return segments


def _file_segments(file: str, findings: Iterable[Finding], source_line: SourceLine) -> list[Segment]:
    segments: list[Segment] = [(shown(file), "bold")]
    for finding in findings:
        segments += _finding_segments(finding, source_line)
    segments.append(("\n", ""))
    return segments


def show(result: ValidationResult, source_line: SourceLine) -> None:
    """``write`` to standard output; through Rich (colour) only where colour is possible."""
    if surely_plain():
        _write_plain(_blocks(result, source_line), summary(result), raw_stdout())
    else:
        write(result, terminal_console(), source_line)


def _blocks(result: ValidationResult, source_line: SourceLine) -> list[list[Segment]]:
    return [
        _file_segments(file, findings, source_line)
        for file, findings in groupby(result.findings, key=lambda f: f.file)
    ]


def _write_plain(blocks: list[list[Segment]], closing: str, file: IO[str]) -> None:
    plain = "".join("".join(text for text, _ in block) + "\n" for block in blocks)
    file.write(shown_lines(plain + closing + "\n"))
    file.flush()


def write(result: ValidationResult, console: Console, source_line: SourceLine) -> None:
    """Findings per file, then a summary line.

    Without colour (not a terminal, NO_COLOR, a CI log) the plain text goes out
    as one string: the same words, without Rich's rendering cost per line. In colour
    too (``_write_styled``), except where Rich writes in a way of its own.
    """
    style = "green" if not result.findings else ("red" if result.errors else "yellow")
    blocks = _blocks(result, source_line)
    closing = summary(result)
    if console.no_color or console.color_system is None:
        _write_plain(blocks, closing, console.file)
        return
    own_way = console.legacy_windows or console.is_jupyter or console.record or console.quiet
    if own_way or not console.soft_wrap:
        # Rich writes through an API of its own there, keeps what it wrote, writes nothing or wraps lines.
        from rich.text import Text

        for block in blocks:
            console.print(Text.assemble(*block))
        console.print(Text(closing, style=style))
        return
    _write_styled([*blocks, [(closing, style), ("\n", "")]], console)


def _write_styled(blocks: list[list[Segment]], console: Console) -> None:
    """The blocks with each styled piece in the terminal's escape codes, as one string: the
    bytes that printing each block through Rich gives (soft wrap, no markup), without its
    rendering cost per block (~0.1 s for 700 findings). A styled piece that holds a newline
    is styled per line, as Rich does; text that is not printable is neutralised, as the
    console (terminal.py) does."""
    from rich.console import COLOR_SYSTEMS
    from rich.style import Style

    assert console.color_system is not None  # write() sends a console without colour elsewhere
    system = COLOR_SYSTEMS[console.color_system]
    styles: dict[str, Style] = {}

    def styled(text: str, style: str) -> str:
        if not text.isprintable() and text != "\n":
            text = shown_lines(text)
        if not style or not text:
            return text
        rich_style = styles.get(style) or styles.setdefault(style, Style.parse(style))
        return "\n".join(
            rich_style.render(part, color_system=system) if part else part for part in text.split("\n")
        )

    pieces = [styled(text, style) for block in blocks for text, style in [*block, ("\n", "")]]
    console.file.write("".join(pieces[:-1]))
    console.file.flush()
