"""Write one export table as CSV for Dutch spreadsheets.

Separator ``;`` with UTF-8 and a byte order mark (what Excel in a Dutch locale opens
directly), numbers with a decimal comma and no thousands separator, dates as
JJJJ-MM-DD. Text that a spreadsheet would run as a formula gets a leading
apostrophe (``cells.neutralised``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from prestatie.export.cells import neutralised
from prestatie.export.tables import Table, Value

SEPARATOR = ";"


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralised(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return format(Decimal(repr(value)), "f").replace(".", ",")  # shortest exact form, no exponent


def csv_bytes(table: Table) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=SEPARATOR, lineterminator="\r\n")
    writer.writerow([neutralised(column.header) for column in table.columns])
    for row in table.rows:
        writer.writerow([_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
