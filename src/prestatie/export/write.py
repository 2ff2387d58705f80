"""An export as the bytes of a file: a workbook with every table, or one table as CSV."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from prestatie.errors import UsageError
from prestatie.export.tables import PROJECTEN, SHEETS, Table

Format = Literal["xlsx", "csv"]
FORMATS: tuple[Format, ...] = ("xlsx", "csv")


def format_of(path: Path, chosen: str | None) -> Format:
    """The format asked for, else the one the file name's extension says."""
    name = chosen if chosen is not None else path.suffix.lower().lstrip(".")
    for known in FORMATS:
        if name == known:
            return known
    if chosen is not None:
        raise UsageError(f"'{chosen}' is geen exportformaat. Kies uit: {', '.join(FORMATS)}.")
    raise UsageError(
        f"Uit de naam '{path.name}' blijkt niet welk formaat u wilt. Gebruik de extensie .xlsx of .csv, "
        "of geef het formaat op (xlsx of csv)."
    )


def pick(tables: Sequence[Table], blad: str | None) -> list[Table]:
    """The tables to write: all, or the one named ``blad``."""
    if blad is None:
        return list(tables)
    chosen = [table for table in tables if table.name == blad.strip().lower()]
    if not chosen:
        raise UsageError(f"Onbekend blad '{blad}'. Kies uit: {', '.join(SHEETS)}.")
    return chosen


def export_bytes(tables: Sequence[Table], format: Format, blad: str | None) -> bytes:
    """xlsx: a workbook with the tables (all, or ``blad``); csv: one table (``blad``, else projecten)."""
    if format == "csv":
        from prestatie.export.csvtable import csv_bytes

        return csv_bytes(pick(tables, blad or PROJECTEN)[0])
    from prestatie.export.xlsx import workbook, xlsx_bytes

    return xlsx_bytes(workbook(pick(tables, blad)))
