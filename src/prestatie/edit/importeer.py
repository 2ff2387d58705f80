"""`prestatie import`: a filled-in template (export --invulblad) applied as minimal edits.

Sheet ``projecten``: per project row with something filled in, a new status, an
opleverdatum (the delivery date when the project is or becomes opgeleverd, else the
new planned delivery) and a voortgang sentence: the same edit as ``prestatie
voortgang`` (``edit_project_text``), so comments, quoting and order stay byte for
byte. Sheet ``metingen``: every row with a waarde becomes a meting in
data/metingen/<indicator>.yaml (a meting that is there already is skipped).

Every refused cell is reported with sheet, row and column, all of them at once;
nothing is written unless every row is fine and the whole data set would still
validate. The files are written under the data lock, all or nothing
(``atomic.write_files``): when one cannot be written, or changed since it was read,
none is.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prestatie import dutch
from prestatie.atomic import DataLock, FileWrite, Snapshot, holding_data_lock, read_snapshot, write_files
from prestatie.diff.engine import Version, build_item
from prestatie.diff.model import DataDiff, ItemDiff, Kant
from prestatie.diff.scope import gemeente_names, indicator_names
from prestatie.edit.check import DataOnDisk, check_candidates, load_dataset
from prestatie.edit.scalars import date_scalar, text_scalar
from prestatie.edit.voortgang import OPGELEVERD, ProjectChange, edit_project_text, insert_index
from prestatie.edit.yamltext import Unsupported, YamlText, roundtrip
from prestatie.errors import DataError, UsageError
from prestatie.export.cells import plain
from prestatie.export.tables import (
    BRON,
    CORPORATIE,
    DATUM_STAND,
    DATUM_VOORTGANG,
    GEMEENTE,
    ID,
    INDICATOR,
    INVULBLAD_METINGEN,
    INVULBLAD_PROJECTEN,
    NIEUWE_STATUS,
    OPLEVERDATUM,
    TOT_STROOM,
    VAN_STROOM,
    VOORTGANG,
    WAARDE,
)
from prestatie.findings import Finding
from prestatie.layout import PLACES
from prestatie.models import PROJECT_STATUSSEN
from prestatie.sheetread import Cell, Sheet, SheetProblem, as_date, as_number, read_workbook, shown
from prestatie.suggest import did_you_mean
from prestatie.yamlread import read_yaml

if TYPE_CHECKING:
    from prestatie.cache import Cache

_PROJECT_FIELDS = (NIEUWE_STATUS, OPLEVERDATUM, DATUM_VOORTGANG, VOORTGANG)
_METING_FIELDS = (INDICATOR, GEMEENTE, CORPORATIE, DATUM_STAND, VAN_STROOM, TOT_STROOM, WAARDE, BRON)


@dataclass(frozen=True, slots=True)
class NewMeting:
    indicator: str
    fields: tuple[tuple[str, Any], ...]  # in file order: datum | van, tot; waarde; gemeente; corporatie; bron


@dataclass
class ImportResult:
    dry_run: bool
    diff: DataDiff
    metingen: list[NewMeting] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # relative paths (would be) written
    warnings: list[Finding] = field(default_factory=list)


@dataclass
class _Plan:
    contents: dict[str, bytes] = field(default_factory=dict)
    targets: dict[str, Path] = field(default_factory=dict)  # where each file of contents is written
    snapshots: dict[str, Snapshot] = field(default_factory=dict)  # as read; none for a new file
    items: list[ItemDiff] = field(default_factory=list)
    metingen: list[NewMeting] = field(default_factory=list)
    problems: list[SheetProblem] = field(default_factory=list)


class _Row:
    """One data row: its cells by column name, with located problems."""

    def __init__(self, sheet: Sheet, number: int, cells: list[Cell], columns: dict[str, int], csv: bool):
        self.sheet, self.number, self.csv = sheet, number, csv
        self.cells = {name: cells[i] if i < len(cells) else Cell(None) for name, i in columns.items()}
        self.problems: list[SheetProblem] = []
        for name, cell in self.cells.items():
            if cell.formula:
                self.refuse(
                    name,
                    f"de cel bevat een formule ({shown(cell)[:60]}); prestatie rekent geen formules uit. "
                    "Typ de waarde zelf in.",
                )

    def refuse(self, column: str | None, message: str) -> None:
        self.problems.append(SheetProblem(self.sheet.name, self.number, column, message))

    def filled(self, name: str) -> bool:
        cell = self.cells.get(name)
        return cell is not None and cell.value is not None and not cell.formula

    def text(self, name: str) -> str | None:
        cell = self.cells.get(name)
        if cell is None or cell.value is None or cell.formula:
            return None
        value = shown(cell).strip()
        return (plain(value) if self.csv else value) or None

    def date(self, name: str) -> dt.date | None:
        cell = self.cells.get(name)
        if cell is None or cell.value is None or cell.formula:
            return None
        try:
            return as_date(cell, epoch_1904=self.sheet.epoch_1904)
        except (ValueError, OverflowError):
            self.refuse(
                name,
                f"'{shown(cell)}' is geen datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-06-30.",
            )
            return None

    def number_value(self, name: str) -> float | None:
        cell = self.cells.get(name)
        if cell is None or cell.value is None or cell.formula:
            return None
        try:
            return as_number(cell)
        except ValueError:
            self.refuse(name, f"'{shown(cell)}' is geen getal. Schrijf een getal zonder duizendtalscheiding.")
            return None


def _columns(sheet: Sheet, wanted: tuple[str, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, header in enumerate(sheet.header):
        for name in wanted:
            if header.casefold() == name.casefold() and name not in found:
                found[name] = index
    return found


@holding_data_lock
def import_spreadsheet(
    root: Path,
    lock: DataLock,
    file: Path,
    *,
    dry_run: bool,
    today: dt.date | None = None,
    cache: Cache | None = None,
) -> ImportResult:
    """Apply the filled-in sheet ``file`` to the data below ``root`` (with ``dry_run``: only
    say what would change). ``cache`` spares checking the unchanged files again."""
    today = today or dt.date.today()
    book = read_workbook(file, csv_sheet=INVULBLAD_PROJECTEN)
    if book.kind == "csv" and book.sheets and ID not in book.sheets[0].header:
        book.sheets[0].name = INVULBLAD_METINGEN
    on_disk = load_dataset(root, peildatum=today, cache=cache)
    plan = _Plan(problems=list(book.problems))
    used = False
    for sheet in book.sheets:
        if sheet.name.casefold() == INVULBLAD_PROJECTEN:
            columns = _columns(sheet, (ID, *_PROJECT_FIELDS))
            if ID in columns and any(name in columns for name in _PROJECT_FIELDS):
                used = True
                _projects(root, lock, on_disk, sheet, columns, book.kind == "csv", plan, today)
        elif sheet.name.casefold() == INVULBLAD_METINGEN:
            columns = _columns(sheet, _METING_FIELDS)
            if INDICATOR in columns and WAARDE in columns:
                used = True
                _metingen(root, lock, on_disk, sheet, columns, book.kind == "csv", plan)
    if not used and not plan.problems:
        raise UsageError(
            f"{file.name} heeft geen blad 'projecten' (met de kolommen {ID} en {VOORTGANG}) of 'metingen' "
            f"(met {INDICATOR} en {WAARDE}). Maak een invulblad met 'prestatie export' en de optie "
            "voor een invulblad, en vul dat in."
        )
    if plan.problems:
        listed = "\n".join(f"  {problem.line()}" for problem in plan.problems)
        raise DataError(f"Er is niets geschreven: {file.name} bevat fouten.\n{listed}")
    warnings = check_candidates(on_disk, plan.contents, peildatum=today) if plan.contents else []
    dataset = on_disk.dataset
    regio = dataset.regio.model.model_dump(mode="python") if dataset.regio is not None else None
    themas = dataset.themas.model.model_dump(mode="python") if dataset.themas is not None else None
    diff = DataDiff(
        van=Kant(None, None),
        tot=Kant(None, None),
        filter={},
        projecten=plan.items,
        gemeenten=gemeente_names(regio),
        indicatoren=indicator_names(themas),
    )
    if not dry_run:
        writes = []
        for relative, content in plan.contents.items():
            writes.append(FileWrite(plan.targets[relative], content, plan.snapshots.get(relative)))
        write_files(lock, writes)
    return ImportResult(dry_run, diff, plan.metingen, list(plan.contents), warnings)


def _projects(
    root: Path,
    lock: DataLock,
    on_disk: DataOnDisk,
    sheet: Sheet,
    columns: dict[str, int],
    csv: bool,
    plan: _Plan,
    today: dt.date,
) -> None:
    dataset = on_disk.dataset
    seen: dict[str, int] = {}
    for number, cells in sheet.rows:
        row = _Row(sheet, number, cells, columns, csv)
        if not any(row.filled(name) for name in _PROJECT_FIELDS) and not row.problems:
            continue
        ident = row.text(ID)
        loaded = dataset.projecten_by_id.get(ident or "")
        if ident is None:
            row.refuse(ID, "de id van het project ontbreekt; laat de kolom Id staan zoals die was.")
        elif loaded is None and ident in dataset.broken.get("project", set()):
            row.refuse(
                ID,
                f"het bestand van project '{ident}' bevat fouten, dus prestatie bewerkt het niet. Voer "
                "'prestatie validate' uit en herstel eerst die fouten.",
            )
        elif loaded is None:
            close = did_you_mean(ident, dataset.projecten_by_id)
            hint = f" Bedoelde u '{close}'?" if close else ""
            row.refuse(ID, f"er bestaat geen project met de id '{ident}'.{hint}")
        elif ident in seen:
            row.refuse(
                ID, f"project '{ident}' staat ook al in rij {seen[ident]}; vul één rij per project in."
            )
        else:
            seen[ident] = number
        status = row.text(NIEUWE_STATUS)
        if status is not None and status.lower() in PROJECT_STATUSSEN:
            status = status.lower()
        elif status is not None:
            close = did_you_mean(status, PROJECT_STATUSSEN)
            hint = f" Bedoelde u '{close}'?" if close else ""
            row.refuse(
                NIEUWE_STATUS, f"'{status}' is geen status.{hint} Kies uit: {', '.join(PROJECT_STATUSSEN)}."
            )
        oplevering = row.date(OPLEVERDATUM)
        datum = row.date(DATUM_VOORTGANG) or today
        if datum > today:
            row.refuse(
                DATUM_VOORTGANG,
                f"{dutch.datum(datum)} ligt in de toekomst; voortgang beschrijft wat er al is gebeurd.",
            )
        toelichting = row.text(VOORTGANG)
        if toelichting is None and not any(p.column == VOORTGANG for p in row.problems):
            row.refuse(
                VOORTGANG,
                "schrijf in een zin wat er is gebeurd; zonder voortgang verandert prestatie het "
                "project niet.",
            )
        if row.problems or loaded is None or toelichting is None:
            plan.problems.extend(row.problems)
            continue
        project = loaded.model
        new_status = status or project.status
        delivered = new_status == OPGELEVERD
        becomes = delivered and project.status != OPGELEVERD
        set_opgeleverd = (oplevering or datum) if becomes else (oplevering if delivered else None)
        if set_opgeleverd is not None and set_opgeleverd > today:
            row.refuse(
                OPLEVERDATUM,
                f"{dutch.datum(set_opgeleverd)} ligt in de toekomst; een project is pas opgeleverd als "
                "het klaar is.",
            )
            plan.problems.extend(row.problems)
            continue
        change = ProjectChange(
            new_status=new_status if new_status != project.status else None,
            set_opgeleverd=set_opgeleverd if set_opgeleverd != project.opgeleverd else None,
            clear_opgeleverd=not delivered
            and project.status == OPGELEVERD
            and project.opgeleverd is not None,
            datum=datum,
            toelichting=toelichting,
            index=insert_index([entry.datum for entry in project.voortgang], datum),
            planning_oplevering=oplevering if oplevering is not None and not delivered else None,
        )
        path = root / loaded.file
        if path.is_symlink():
            path = path.resolve()
        path = lock.writable(path)
        snapshot = read_snapshot(path)
        try:
            content = edit_project_text(snapshot.raw, change, loaded.file)
        except UsageError as exc:
            row.refuse(None, str(exc))
            plan.problems.extend(row.problems)
            continue
        plan.contents[loaded.file] = content
        plan.targets[loaded.file] = path
        plan.snapshots[loaded.file] = snapshot
        item = build_item(
            "project",
            Version(loaded.file, _data(snapshot.raw, loaded.file)),
            Version(loaded.file, _data(content, loaded.file)),
        )
        if item is not None:
            plan.items.append(item)


def _data(raw: bytes, file: str) -> Any:
    outcome = read_yaml(raw, file)
    return outcome.document.data if outcome.document is not None else None


def _metingen(
    root: Path,
    lock: DataLock,
    on_disk: DataOnDisk,
    sheet: Sheet,
    columns: dict[str, int],
    csv: bool,
    plan: _Plan,
) -> None:
    dataset = on_disk.dataset
    by_indicator: dict[str, list[NewMeting]] = {}
    for number, cells in sheet.rows:
        row = _Row(sheet, number, cells, columns, csv)
        if not row.filled(WAARDE) and not row.filled(BRON) and not row.problems:
            continue
        indicator = row.text(INDICATOR)
        if indicator is None or indicator not in dataset.indicatoren:
            close = did_you_mean(indicator or "", dataset.indicatoren)
            hint = f" Bedoelde u '{close}'?" if close else ""
            row.refuse(INDICATOR, f"'{indicator or ''}' is geen indicator uit themas.yaml.{hint}")
        waarde = row.number_value(WAARDE)
        if waarde is None and not row.filled(WAARDE):
            row.refuse(WAARDE, "vul de gemeten waarde in.")
        bron = row.text(BRON)
        if bron is None:
            row.refuse(BRON, "vul in waar de waarde vandaan komt, bijvoorbeeld 'Jaarverslag 2025'.")
        datum, van, tot = row.date(DATUM_STAND), row.date(VAN_STROOM), row.date(TOT_STROOM)
        if datum is not None and (van is not None or tot is not None):
            row.refuse(
                DATUM_STAND, "vul óf een datum (een stand) óf van en tot (een stroom) in, niet allebei."
            )
        elif datum is None and (van is None or tot is None) and not row.problems:
            row.refuse(
                VAN_STROOM if van is None else TOT_STROOM,
                "vul een datum (een stand) of van en tot (een stroom) in.",
            )
        gemeente, corporatie = row.text(GEMEENTE), row.text(CORPORATIE)
        if gemeente is not None and gemeente not in dataset.gemeenten:
            row.refuse(GEMEENTE, f"'{gemeente}' is geen gemeente-id uit regio.yaml.")
        if corporatie is not None and corporatie not in dataset.corporaties:
            row.refuse(CORPORATIE, f"'{corporatie}' is geen corporatie-id uit regio.yaml.")
        if row.problems or indicator is None or waarde is None or bron is None:
            plan.problems.extend(row.problems)
            continue
        fields: list[tuple[str, Any]] = (
            [("datum", datum)] if datum is not None else [("van", van), ("tot", tot)]
        )
        number_value: int | float = int(waarde) if waarde.is_integer() else waarde
        fields.append(("waarde", number_value))
        if gemeente is not None:
            fields.append(("gemeente", gemeente))
        if corporatie is not None:
            fields.append(("corporatie", corporatie))
        fields.append(("bron", bron))
        existing = dataset.metingen_by_indicator.get(indicator)
        meting = NewMeting(indicator, tuple(fields))
        if existing is not None and any(
            m.model_dump(exclude_none=True) == dict(fields) for m in existing.metingen
        ):
            continue  # already there (an export read back)
        by_indicator.setdefault(indicator, []).append(meting)
    for indicator, metingen in by_indicator.items():
        relative = PLACES["metingen"].path(indicator=indicator)
        target = lock.writable(root / relative)
        if target.exists():
            snapshot = read_snapshot(target)
            try:
                content = _append_metingen(snapshot.raw, metingen, relative)
            except UsageError as exc:
                plan.problems.append(SheetProblem(sheet.name, None, None, str(exc)))
                continue
            plan.snapshots[relative] = snapshot
        else:
            content = _new_metingen_file(indicator, metingen)
        plan.contents[relative] = content
        plan.targets[relative] = target
        plan.metingen.extend(metingen)


def _append_metingen(raw: bytes, metingen: list[NewMeting], file: str) -> bytes:
    before = _data(raw, file)
    if not isinstance(before, dict):
        raise UsageError(
            f"{file} kan niet worden gelezen; voer 'prestatie validate' uit en herstel het eerst."
        )
    expected = copy.deepcopy(before)
    expected["metingen"] = list(expected.get("metingen") or []) + [dict(m.fields) for m in metingen]
    try:
        text = YamlText(raw)
        for meting in metingen:
            text.append_item("metingen", list(meting.fields))
        content = text.encode()
        if _data(content, file) == expected:
            return content
    except Unsupported:
        pass
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def apply(document: CommentedMap) -> None:
        entries = document.get("metingen")
        if not isinstance(entries, CommentedSeq):
            entries = CommentedSeq()
            document["metingen"] = entries
        for meting in metingen:
            entries.append(CommentedMap(list(meting.fields)))

    content = roundtrip(raw, apply)
    if _data(content, file) == expected:
        return content
    raise UsageError(
        f"prestatie kan {file} niet veilig automatisch bewerken (de opmaak is ongebruikelijk); voeg de "
        "metingen met de hand toe."
    )


def _new_metingen_file(indicator: str, metingen: list[NewMeting]) -> bytes:
    lines = [
        "# yaml-language-server: $schema=../../schemas/metingen.schema.json",
        f"indicator: {indicator}",
        "metingen:",
    ]
    for meting in metingen:
        parts = []
        for key, value in meting.fields:
            if isinstance(value, dt.date):
                rendered = date_scalar(value)
            elif isinstance(value, str):
                rendered = text_scalar(value, flow=True)
            else:
                rendered = str(value)
            parts.append(f"{key}: {rendered}")
        lines.append("  - {" + ", ".join(parts) + "}")
    return ("\n".join(lines) + "\n").encode("utf-8")
