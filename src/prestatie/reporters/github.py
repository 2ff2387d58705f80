"""``--format github``: one workflow command per finding, so annotations land on the PR."""

from __future__ import annotations

from prestatie.findings import ValidationResult
from prestatie.neutral import shown_lines


def _escape_data(text: str) -> str:
    encoded = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return shown_lines(encoded)  # and escape codes never reach the log


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: ValidationResult) -> str:
    lines = []
    for f in result.findings:
        properties = ",".join(
            [
                f"file={_escape_property(f.file)}",
                f"line={f.line}",
                f"col={f.column}",
                f"title={_escape_property(f.code)}",
            ]
        )
        lines.append(f"::{f.severity.value} {properties}::{_escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)
