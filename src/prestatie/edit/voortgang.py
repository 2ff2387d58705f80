"""Record progress on a project: append a voortgang entry, update status and opgeleverd.

The file is edited line by line (``yamltext``): everything the edit does not
touch stays byte for byte. The result is read back and compared with what was
meant before it is checked against the whole data set and written atomically.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from prestatie import dutch
from prestatie.atomic import DataLock, holding_data_lock, read_snapshot, replace_file
from prestatie.edit.check import check_candidate, load_dataset
from prestatie.edit.scalars import date_scalar, refuse_control_characters
from prestatie.edit.yamltext import Unsupported, YamlText, reads_as, roundtrip
from prestatie.errors import UsageError
from prestatie.findings import Finding
from prestatie.models import PROJECT_STATUSSEN
from prestatie.suggest import did_you_mean
from prestatie.yamlread import read_yaml

OPGELEVERD = "opgeleverd"
PLANNING = "planning"
OPLEVERING = "oplevering"


@dataclass(frozen=True)
class Progress:
    path: Path
    relative: str
    old_status: str
    new_status: str
    datum: dt.date
    opgeleverd: dt.date | None
    warnings: list[Finding]


@dataclass(frozen=True)
class ProjectChange:
    """One edit of a project file: always a voortgang entry, maybe status and dates."""

    new_status: str | None  # None: unchanged
    set_opgeleverd: dt.date | None
    clear_opgeleverd: bool
    datum: dt.date
    toelichting: str
    index: int  # where the entry goes in the voortgang list (date order)
    planning_oplevering: dt.date | None = None  # a new planned delivery date (import)


def insert_index(dates: list[dt.date], datum: dt.date) -> int:
    """Where a voortgang entry dated ``datum`` goes: newest at the bottom.

    After every entry dated on or before it, so that on the same day the newest
    entry is still the last; in a list that is out of order, just above the trailing
    entries dated later.
    """
    index = len(dates)
    while index > 0 and dates[index - 1] > datum:
        index -= 1
    return index


@holding_data_lock
def record_progress(
    root: Path,
    lock: DataLock,
    project_id: str,
    toelichting: str,
    *,
    status: str | None = None,
    datum: dt.date | None = None,
    today: dt.date | None = None,
) -> Progress:
    today = today or dt.date.today()
    datum = datum or today
    toelichting = toelichting.strip()
    if not toelichting:
        raise UsageError("De toelichting mag niet leeg zijn: schrijf in een zin wat er is gebeurd.")
    refuse_control_characters(toelichting, "De toelichting")
    if status is not None and status not in PROJECT_STATUSSEN:
        close = did_you_mean(status, PROJECT_STATUSSEN)
        hint = f" Bedoelde u '{close}'?" if close else ""
        raise UsageError(
            f"Onbekende status '{status}' bij --status.{hint} Kies uit: {', '.join(PROJECT_STATUSSEN)}."
        )
    on_disk = load_dataset(root, peildatum=today)
    dataset = on_disk.dataset
    loaded = dataset.projecten_by_id.get(project_id)
    if loaded is None:
        if project_id in dataset.broken.get("project", set()):
            raise UsageError(
                f"Het bestand van project '{project_id}' bevat fouten, dus prestatie bewerkt het niet. "
                "Voer 'prestatie validate' uit en herstel eerst die fouten."
            )
        close = did_you_mean(project_id, dataset.projecten_by_id)
        hint = f" Bedoelde u '{close}'?" if close else ""
        raise UsageError(
            f"Er bestaat geen project met de id '{project_id}'.{hint} De id staat bovenaan het "
            "projectbestand en is gelijk aan de bestandsnaam (zonder .yaml)."
        )
    project = loaded.model
    new_status = status or project.status
    becomes = new_status == OPGELEVERD and project.status != OPGELEVERD
    leaves = new_status != OPGELEVERD and project.status == OPGELEVERD
    if (becomes or status == OPGELEVERD) and datum > today:
        raise UsageError(
            f"De datum {dutch.datum(datum)} ligt in de toekomst; een project is pas opgeleverd als het "
            "klaar is. Leg de oplevering vast op of na die dag, of laat --datum weg (vandaag)."
        )
    if datum > today:
        raise UsageError(
            f"De datum {dutch.datum(datum)} ligt in de toekomst; voortgang beschrijft wat er al is "
            "gebeurd. Controleer de datum, of laat --datum weg (vandaag)."
        )
    change = ProjectChange(
        new_status=new_status if new_status != project.status else None,
        set_opgeleverd=datum if becomes else None,
        clear_opgeleverd=leaves and project.opgeleverd is not None,
        datum=datum,
        toelichting=toelichting,
        index=insert_index([entry.datum for entry in project.voortgang], datum),
    )
    path = root / loaded.file
    if path.is_symlink():  # a link inside data/ (the reader refuses others): edit its target
        path = path.resolve()
    path = lock.writable(path)
    snapshot = read_snapshot(path)
    content = edit_project_text(snapshot.raw, change, loaded.file)
    warnings = check_candidate(on_disk, loaded.file, content, peildatum=today)
    replace_file(path, content, expected=snapshot)
    return Progress(
        path,
        loaded.file,
        project.status,
        new_status,
        datum,
        datum if becomes else (None if leaves else project.opgeleverd),
        warnings,
    )


def _expected(raw: bytes, change: ProjectChange, file: str) -> Any:
    outcome = read_yaml(raw, file)
    if outcome.document is None or outcome.findings:
        raise UsageError(
            f"{file} kan niet worden gelezen; voer 'prestatie validate' uit en herstel het eerst."
        )
    data = copy.deepcopy(outcome.document.data)
    if change.new_status is not None:
        data["status"] = change.new_status
    if change.set_opgeleverd is not None:
        data[OPGELEVERD] = change.set_opgeleverd
    if change.clear_opgeleverd:
        data[OPGELEVERD] = None
    if change.planning_oplevering is not None:
        planning = dict(data.get(PLANNING) or {})
        planning[OPLEVERING] = change.planning_oplevering
        data[PLANNING] = planning
    entries = list(data.get("voortgang") or [])
    entries.insert(change.index, {"datum": change.datum, "toelichting": change.toelichting})
    data["voortgang"] = entries
    return data


def _line_by_line(raw: bytes, change: ProjectChange) -> bytes:
    text = YamlText(raw)
    if change.new_status is not None:
        text.set_value("status", change.new_status, keep_quotes=True)
    if change.set_opgeleverd is not None:
        rendered = date_scalar(change.set_opgeleverd)
        if OPGELEVERD in text.document:
            text.set_value(OPGELEVERD, rendered)
        else:
            text.insert_key(OPGELEVERD, rendered, after=("planning", "status"))
    if change.clear_opgeleverd:
        text.set_value(OPGELEVERD, "null")
    if change.planning_oplevering is not None:
        rendered = date_scalar(change.planning_oplevering)
        if PLANNING in text.document:
            text.set_value(OPLEVERING, rendered, within=(PLANNING,))
        else:
            text.insert_key(PLANNING, f"{{{OPLEVERING}: {rendered}}}", after=("status",))
    text.append_item(
        "voortgang",
        [("datum", change.datum), ("toelichting", change.toelichting)],
        before=change.index,
    )
    return text.encode()


def _round_trip(raw: bytes, change: ProjectChange) -> bytes:
    def apply(document: CommentedMap) -> None:
        if change.new_status is not None:
            old = document.get("status")
            document["status"] = type(old)(change.new_status) if isinstance(old, str) else change.new_status
        if change.set_opgeleverd is not None:
            if OPGELEVERD in document:
                document[OPGELEVERD] = change.set_opgeleverd
            else:
                keys = list(document)
                anchor = next((k for k in ("planning", "status") if k in document), keys[-1])
                document.insert(keys.index(anchor) + 1, OPGELEVERD, change.set_opgeleverd)
        if change.clear_opgeleverd:
            document[OPGELEVERD] = None
        if change.planning_oplevering is not None:
            planning = document.get(PLANNING)
            if isinstance(planning, CommentedMap):
                planning[OPLEVERING] = change.planning_oplevering
            else:
                keys = list(document)
                anchor = next((k for k in ("status",) if k in document), keys[-1])
                document.insert(
                    keys.index(anchor) + 1, PLANNING, CommentedMap([(OPLEVERING, change.planning_oplevering)])
                )
        entries = document.get("voortgang")
        if not isinstance(entries, CommentedSeq):
            entries = CommentedSeq()
            document["voortgang"] = entries
        entry = CommentedMap([("datum", change.datum), ("toelichting", change.toelichting)])
        neighbour = entries[min(change.index, len(entries) - 1)] if entries else None
        if isinstance(neighbour, CommentedMap) and neighbour.fa.flow_style():
            entry.fa.set_flow_style()
        entries.insert(change.index, entry)

    return roundtrip(raw, apply)


def edit_project_text(raw: bytes, change: ProjectChange, file: str) -> bytes:
    """The new bytes of a project file: line by line when possible, else a ruamel.yaml round trip."""
    expected = _expected(raw, change, file)
    try:
        content = _line_by_line(raw, change)
        if reads_as(content, expected, file):
            return content
    except (Unsupported, YAMLError):
        pass
    try:
        content = _round_trip(raw, change)
        if reads_as(content, expected, file):
            return content
    except YAMLError:
        pass
    raise UsageError(
        f"prestatie kan {file} niet veilig automatisch bewerken (de opmaak is ongebruikelijk). "
        "Er is niets geschreven. Voeg de voortgang met de hand toe."
    )
