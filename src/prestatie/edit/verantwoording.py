"""``prestatie nieuw verantwoording``: append one verantwoording to an afspraak's file.

A verantwoording says, for a target that falls behind, its oorzaak, gevolgen and
bijsturing (DESIGN.md, version 2). The entry goes into the afspraak's ``verantwoording``
list at the place of its date (newest at the bottom), edited line by line (``yamltext``)
so that every other byte of the file stays as it was; an unusual layout falls back to a
ruamel.yaml round trip. The result is read back and compared with what was meant, checked
with the whole data set, and written atomically, refusing a file changed since it was read.
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
from prestatie.edit.scalars import refuse_control_characters
from prestatie.edit.voortgang import insert_index
from prestatie.edit.yamltext import Unsupported, Value, YamlText, first_faithful, roundtrip
from prestatie.errors import UsageError
from prestatie.findings import Finding
from prestatie.selection import resolve
from prestatie.yamlread import read_yaml

VERANTWOORDING = "verantwoording"


@dataclass(frozen=True)
class Recorded:
    path: Path
    relative: str
    afspraak: str
    datum: dt.date
    aantal: int  # the number of verantwoordingen in the file now
    warnings: list[Finding]


# Each text of an entry: its name in a message, and what to write when it is empty.
_TEXTS = {
    "oorzaak": ("De oorzaak", "mag niet leeg zijn: schrijf in een zin waarom het doel achterblijft."),
    "gevolgen": (
        "De gevolgen",
        "mogen niet leeg zijn: schrijf in een zin wat dat betekent, bijvoorbeeld voor de planning.",
    ),
    "bijsturing": ("De bijsturing", "mag niet leeg zijn: schrijf in een zin wat de partijen eraan doen."),
}


def _text(value: str, field: str) -> str:
    what, empty = _TEXTS[field]
    value = value.strip()
    if not value:
        raise UsageError(f"{what} {empty}")
    refuse_control_characters(value, what)
    return value


@holding_data_lock
def record_verantwoording(
    root: Path,
    lock: DataLock,
    afspraak: str,
    *,
    oorzaak: str,
    gevolgen: str,
    bijsturing: str,
    datum: dt.date | None = None,
    today: dt.date | None = None,
) -> Recorded:
    """Append a verantwoording (dated ``datum``, default today) to the afspraak ``afspraak``
    (id or titel); refuse empty texts, a date in the future and anything validate rejects."""
    today = today or dt.date.today()
    datum = datum or today
    fields: list[tuple[str, Value]] = [
        ("datum", datum),
        ("oorzaak", _text(oorzaak, "oorzaak")),
        ("gevolgen", _text(gevolgen, "gevolgen")),
        ("bijsturing", _text(bijsturing, "bijsturing")),
    ]
    if datum > today:
        raise UsageError(
            f"De datum {dutch.datum(datum)} ligt in de toekomst; een verantwoording beschrijft wat de "
            "partijen al hebben vastgesteld. Controleer de datum, of laat hem weg (vandaag)."
        )
    on_disk = load_dataset(root, peildatum=today)
    dataset = on_disk.dataset
    broken = dataset.broken.get("afspraak", set())
    if afspraak.strip() in broken:
        raise UsageError(
            f"Het bestand van afspraak '{afspraak.strip()}' bevat fouten, dus prestatie bewerkt het niet. "
            "Voer 'prestatie validate' uit en herstel eerst die fouten."
        )
    titels = {a.model.id: a.model.titel for a in dataset.afspraken}
    ident = resolve(afspraak, titels, unknown="Onbekende afspraak", option="AFSPRAAK")
    loaded = dataset.afspraken_by_id[ident]
    model = loaded.model
    if model.periode.van > datum.year:
        raise UsageError(
            f"De datum {dutch.datum(datum)} ligt voor de periode van de afspraak '{ident}' "
            f"({model.periode.van}–{model.periode.tot}); een verantwoording gaat over een doel dat "
            "al loopt. Controleer de datum."
        )
    index = insert_index([v.datum for v in model.verantwoording], datum)
    path = root / loaded.file
    if path.is_symlink():  # a link inside data/ (the reader refuses others): edit its target
        path = path.resolve()
    path = lock.writable(path)
    snapshot = read_snapshot(path)
    content = edit_afspraak_text(snapshot.raw, fields, index, loaded.file)
    warnings = check_candidate(on_disk, loaded.file, content, peildatum=today)
    replace_file(path, content, expected=snapshot)
    return Recorded(path, loaded.file, ident, datum, len(model.verantwoording) + 1, warnings)


def _expected(raw: bytes, fields: list[tuple[str, Value]], index: int, file: str) -> Any:
    outcome = read_yaml(raw, file)
    if outcome.document is None or outcome.findings:
        raise UsageError(
            f"{file} kan niet worden gelezen; voer 'prestatie validate' uit en herstel het eerst."
        )
    data = copy.deepcopy(outcome.document.data)
    entries = list(data.get(VERANTWOORDING) or [])
    entries.insert(index, dict(fields))
    data[VERANTWOORDING] = entries
    return data


def _line_by_line(raw: bytes, fields: list[tuple[str, Value]], index: int) -> bytes:
    text = YamlText(raw)
    text.append_item(VERANTWOORDING, fields, before=index)
    return text.encode()


def _round_trip(raw: bytes, fields: list[tuple[str, Value]], index: int) -> bytes:
    def apply(document: CommentedMap) -> None:
        entries = document.get(VERANTWOORDING)
        if not isinstance(entries, CommentedSeq):
            entries = CommentedSeq()
            document[VERANTWOORDING] = entries
        entry = CommentedMap(fields)
        neighbour = entries[min(index, len(entries) - 1)] if entries else None
        if isinstance(neighbour, CommentedMap) and neighbour.fa.flow_style():
            entry.fa.set_flow_style()
        entries.insert(index, entry)

    return roundtrip(raw, apply)


def edit_afspraak_text(raw: bytes, fields: list[tuple[str, Value]], index: int, file: str) -> bytes:
    """The new bytes of an afspraak file: the entry added line by line when possible, else
    through a ruamel.yaml round trip; either way read back and compared with what was meant."""
    return first_faithful(
        (lambda: _line_by_line(raw, fields, index), lambda: _round_trip(raw, fields, index)),
        (Unsupported, YAMLError),
        _expected(raw, fields, index, file),
        file,
        "Voeg de verantwoording met de hand toe.",
    )
