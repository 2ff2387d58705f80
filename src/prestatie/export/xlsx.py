"""Write export tables to an .xlsx workbook with openpyxl.

Dates are date cells, numbers are number cells (with a format), text is always a
string cell: never a formula, whatever it starts with (``cells.is_risky`` text gets
the quote prefix). Each sheet has a bold, frozen header row, an autofilter and
column widths from the table.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Literal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from prestatie.export.cells import is_risky
from prestatie.export.tables import Column, Table, Value

DATE_FORMAT = "yyyy-mm-dd"  # as the data writes dates; Excel and LibreOffice show it in every locale
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0#####"
YEAR_FORMAT = "0"


def _safe_text(text: str) -> str:
    """Control characters that xlsx cannot hold become U+FFFD (the cell stays readable)."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)


def _put(sheet: Worksheet, row: int, col: int, column: Column, value: Value) -> None:
    if value is None:
        return
    cell = sheet.cell(row=row, column=col)
    if isinstance(value, str):
        text = _safe_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would make text starting with '=' a formula
        if is_risky(text):
            cell.quotePrefix = True
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, bool):  # pragma: no cover - tables hold no booleans
        cell.value = "ja" if value else "nee"
    else:
        cell.value = value
        if column.kind == "jaar":
            cell.number_format = YEAR_FORMAT
        else:
            cell.number_format = INTEGER_FORMAT if isinstance(value, int) else DECIMAL_FORMAT


def add_sheet(book: Workbook, table: Table) -> Worksheet:
    sheet: Worksheet = book.create_sheet(table.name)
    bold = Font(bold=True)
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.data_type = "s"
        cell.font = bold
        sheet.column_dimensions[get_column_letter(index)].width = max(column.width, len(column.header) + 2)
    for row_number, row in enumerate(table.rows, start=2):
        for index, (column, value) in enumerate(zip(table.columns, row, strict=True), start=1):
            _put(sheet, row_number, index, column, value)
    _validations(sheet, table)
    sheet.freeze_panes = "A2"
    if table.columns:
        last = get_column_letter(len(table.columns))
        sheet.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"
    return sheet


FILL_IN = PatternFill("solid", fgColor="FFF2CC")  # light yellow: the columns to fill in
TEMPLATE_ROWS = 200  # validation reaches this far below the last row (rows users add)


# The range check of a column kind: validation type, lowest, highest, error title, error text.
_RANGES: dict[str, tuple[Literal["date", "decimal"], str, str, str, str]] = {
    "datum": (
        "date",
        "DATE(1900,1,1)",
        "DATE(2100,12,31)",
        "Geen datum",
        "Typ een datum, bijvoorbeeld 2026-06-30.",
    ),
    "getal": (
        "decimal",
        "-1000000000000",
        "1000000000000",
        "Geen getal",
        "Typ een getal, zonder duizendtalscheiding.",
    ),
}


def _validations(sheet: Worksheet, table: Table) -> None:
    """Drop-downs and date checks on the columns a user fills in (a template)."""
    last = len(table.rows) + 1 + TEMPLATE_ROWS
    for index, column in enumerate(table.columns, start=1):
        if not column.invullen:
            continue
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index).fill = FILL_IN
        area = f"{letter}2:{letter}{last}"
        if column.keuzes:
            rule = DataValidation(
                type="list", formula1='"' + ",".join(column.keuzes) + '"', allow_blank=True,
                showErrorMessage=True, errorTitle="Onbekende waarde",
                error="Kies een waarde uit de lijst: " + ", ".join(column.keuzes) + ".",
            )  # fmt: skip
        elif column.kind in _RANGES:
            kind, lowest, highest, title, error = _RANGES[column.kind]
            rule = DataValidation(
                type=kind, operator="between", formula1=lowest, formula2=highest,
                allow_blank=True, showErrorMessage=True, errorTitle=title, error=error,
            )  # fmt: skip
        else:
            continue
        sheet.add_data_validation(rule)
        rule.add(area)
        if column.kind == "datum":
            for row in range(2, last + 1):
                sheet.cell(row=row, column=index).number_format = DATE_FORMAT


def workbook(tables: Sequence[Table]) -> Workbook:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for table in tables:
        add_sheet(book, table)
    return book


def xlsx_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
