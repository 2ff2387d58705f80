"""Reading an untrusted spreadsheet (xlsx or csv) into located cells, never running it.

What comes in is treated like a file from a stranger: the size of the file and of
every member of the xlsx zip is checked in the zip directory before anything is
unpacked (a zip bomb never gets opened); sheets are capped at MAX_ROWS rows and
MAX_COLUMNS columns; a formula is never evaluated (openpyxl reads the formula text,
and the caller refuses the cell); merged cells are refused with their place. Every
problem is a ``SheetProblem`` with sheet, row and column; reading never raises
anything else for bad input.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from prestatie.errors import UsageError

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024  # all members of an xlsx together, as the zip directory says
MAX_MEMBERS = 500
MAX_ROWS = 5000
MAX_COLUMNS = 60

CellValue = str | int | float | dt.date | None


@dataclass(frozen=True, slots=True)
class Cell:
    value: CellValue
    formula: bool = False  # the cell holds a formula (its text in ``value``), never evaluated
    date_format: bool = False  # xlsx: the cell has a date number format


@dataclass(frozen=True, slots=True)
class SheetProblem:
    """Something wrong at a place in the spreadsheet; ``column`` is its header (or letter)."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def line(self) -> str:
        where = [f"blad {self.sheet}"]
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column is not None:
            where.append(f"kolom {self.column}")
        return f"{', '.join(where)}: {self.message}"


@dataclass(slots=True)
class Sheet:
    """One sheet: its header (row 1) and its data rows with their row numbers."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    epoch_1904: bool = False

    def column_name(self, index: int) -> str:
        text = self.header[index] if index < len(self.header) else ""
        return text or _letter(index)


@dataclass(slots=True)
class Workbook:
    kind: Literal["xlsx", "csv"]
    sheets: list[Sheet]
    problems: list[SheetProblem]


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_workbook(path: Path, *, csv_sheet: str) -> Workbook:
    """Read ``path``: .csv as one sheet named ``csv_sheet``, anything else must be an xlsx workbook.

    Raises UsageError when the file cannot be read at all; problems at a place are
    in ``Workbook.problems``.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UsageError(
                f"{path} is {size // (1024 * 1024)} MiB; prestatie leest spreadsheets tot "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MiB. Verdeel de gegevens over kleinere bestanden."
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"Het bestand {path} kan niet worden gelezen ({exc.strerror}).") from None
    if path.suffix.lower() == ".csv":
        return _read_csv(raw, path, csv_sheet)
    return _read_xlsx(raw, path)


# csv ------------------------------------------------------------------------------------


def _read_csv(raw: bytes, path: Path, name: str) -> Workbook:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(
            f"{path} is geen UTF-8-tekst. Sla het bestand op als 'CSV UTF-8 (door komma's gescheiden)'."
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise UsageError(f"{path} is geen leesbaar CSV-bestand ({exc}).") from None
    problems: list[SheetProblem] = []
    if not table:
        raise UsageError(f"{path} is leeg: de eerste regel moet de kolomnamen bevatten.")
    if len(table) - 1 > MAX_ROWS or max(len(r) for r in table) > MAX_COLUMNS:
        raise UsageError(
            f"{path} heeft meer dan {MAX_ROWS} rijen of {MAX_COLUMNS} kolommen; prestatie leest "
            "niet meer. Verdeel de gegevens over kleinere bestanden."
        )
    sheet = Sheet(name, [h.strip() for h in table[0]])
    for number, row in enumerate(table[1:], start=2):
        sheet.rows.append((number, [Cell(value.strip() or None) for value in row]))
    return Workbook("csv", [sheet], problems)


# xlsx -------------------------------------------------------------------------------------


def _check_zip(raw: bytes, path: Path) -> None:
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise UsageError(
            f"{path} is geen xlsx-werkmap (het is geen zip-archief). Sla het bestand in Excel of "
            "LibreOffice op als 'Excel-werkmap (.xlsx)', of als CSV met de extensie .csv."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UsageError(f"{path} is een beschadigd zip-archief ({exc}); er is niets gelezen.") from None
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED_BYTES:
        raise UsageError(
            f"{path} zou uitgepakt {unpacked // (1024 * 1024)} MiB in {len(members)} delen worden; "
            f"prestatie pakt niet meer uit dan {MAX_UNPACKED_BYTES // (1024 * 1024)} MiB. Het bestand "
            "is niet geopend (mogelijk een zip-bom)."
        )
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        raise UsageError(
            f"{path} is een zip-archief maar geen xlsx-werkmap (xl/workbook.xml ontbreekt). "
            "Sla het bestand op als 'Excel-werkmap (.xlsx)'."
        )


def _read_xlsx(raw: bytes, path: Path) -> Workbook:
    _check_zip(raw, path)
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it skips
            book = load_workbook(io.BytesIO(raw), data_only=False, keep_links=False, rich_text=False)
    except Exception as exc:  # noqa: BLE001 - any failure of the parser on a stranger's file
        raise UsageError(
            f"{path} kan niet als xlsx-werkmap worden gelezen ({type(exc).__name__}). Open het in "
            "Excel of LibreOffice en sla het opnieuw op als 'Excel-werkmap (.xlsx)'."
        ) from None
    problems: list[SheetProblem] = []
    sheets: list[Sheet] = []
    epoch_1904 = book.epoch.year == 1904
    for worksheet in book.worksheets:
        name = str(worksheet.title)
        if worksheet.max_row - 1 > MAX_ROWS or worksheet.max_column > MAX_COLUMNS:
            problems.append(
                SheetProblem(
                    name,
                    None,
                    None,
                    f"het blad heeft {worksheet.max_row} rijen en {worksheet.max_column} kolommen; "
                    f"prestatie leest hoogstens {MAX_ROWS} rijen en {MAX_COLUMNS} kolommen. Het blad "
                    "is niet gelezen; verdeel de gegevens over kleinere bladen.",
                )
            )
            continue
        for merged in worksheet.merged_cells.ranges:
            problems.append(
                SheetProblem(
                    name,
                    merged.min_row,
                    _letter(merged.min_col - 1),
                    f"samengevoegde cellen ({merged.coord}); maak de samenvoeging ongedaan en zet "
                    "in elke cel zijn eigen waarde.",
                )
            )
        rows = iter(worksheet.iter_rows())
        header_cells = next(rows, ())
        header = [_header_text(c.value) for c in header_cells]
        sheet = Sheet(name, header, epoch_1904=epoch_1904)
        for cells in rows:
            if not cells:
                continue
            number = int(cells[0].row or 0)
            sheet.rows.append((number, [_cell(c) for c in cells]))
        sheets.append(sheet)
    return Workbook("xlsx", sheets, problems)


def _header_text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))


def _cell(cell: object) -> Cell:
    value = getattr(cell, "value", None)
    data_type = getattr(cell, "data_type", None)
    if data_type == "f" or (value is not None and not isinstance(value, str | int | float | dt.date)):
        return Cell(str(getattr(value, "text", value)), formula=True)
    if isinstance(value, bool):
        return Cell(str(value).lower())
    if isinstance(value, dt.datetime):
        return Cell(value.date(), date_format=True)
    if isinstance(value, dt.date):
        return Cell(value, date_format=True)
    if isinstance(value, str):
        return Cell(value.strip() or None)
    return Cell(value)


# values ------------------------------------------------------------------------------------

_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DUTCH = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
FIRST_YEAR, LAST_YEAR = 1900, 2100


def as_date(cell: Cell, *, epoch_1904: bool) -> dt.date:
    """A date from a date cell, an Excel serial number, 'JJJJ-MM-DD' or 'D-M-JJJJ'; ValueError else."""
    value = cell.value
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, int | float):
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

        if not 1 <= value < 200_000:
            raise ValueError(value)
        moment = from_excel(value, CALENDAR_MAC_1904 if epoch_1904 else CALENDAR_WINDOWS_1900)
        day = moment.date() if isinstance(moment, dt.datetime) else dt.date.fromisoformat(str(moment)[:10])
    elif isinstance(value, str):
        text = value.strip()
        iso, dutch = _ISO.fullmatch(text), _DUTCH.fullmatch(text)
        if iso:
            day = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        elif dutch:
            day = dt.date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
        else:
            raise ValueError(text)
    else:
        raise ValueError(value)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(value)
    return day


def as_number(cell: Cell) -> float:
    """A number from a number cell or text with a decimal comma or point (no thousands); ValueError else."""
    value = cell.value
    if isinstance(value, bool) or isinstance(value, dt.date):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip().replace("\u2212", "-")
        if re.fullmatch(r"-?[0-9]+([.,][0-9]+)?", text) is None:
            raise ValueError(text)
        return float(text.replace(",", "."))
    raise ValueError(value)


def shown(cell: Cell) -> str:
    """The cell as the user typed it, for a message."""
    value = cell.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def iter_cells(sheet: Sheet, row: list[Cell], columns: dict[str, int]) -> Iterator[tuple[str, Cell]]:
    for name, index in columns.items():
        yield name, row[index] if index < len(row) else Cell(None)
