"""``prestatie nieuw cyclus`` and ``prestatie cyclus zet``: a year file of the Woningwet
cycle, and one date of one trajectory in it.

A new year file gets a trajectory for every gemeente × corporatie pair that work
together in the data set: a project in the gemeente with the corporatie as trekker or
partij, or an afspraak for a list of gemeenten that names both (as trekker or partij).
A region-wide afspraak (``gemeenten: alle``) names every party, so it does not make a
pair: prestatieafspraken are made where a corporatie actually works. All dates are empty;
the header explains every field, so an advisor only fills in dates.

Setting a date edits one line (``yamltext``), keeps comments and layout, falls back to
a ruamel.yaml round trip for unusual layouts, reads the result back, checks it with
the whole data set and writes atomically, refusing a file changed since it was read.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from prestatie.atomic import DataLock, create_file, holding_data_lock, read_snapshot, replace_file
from prestatie.cyclus import state
from prestatie.cyclus.overview import missing_year, select_year
from prestatie.dataset import DataSet
from prestatie.edit.check import check_candidate, load_dataset
from prestatie.edit.scalars import date_scalar
from prestatie.edit.yamltext import Unsupported, YamlText, first_faithful, roundtrip
from prestatie.errors import DataError, UsageError
from prestatie.findings import Finding
from prestatie.jsonschema import SCHEMA_COMMENT
from prestatie.layout import PLACES
from prestatie.selection import resolve, resolve_corporatie, resolve_gemeente
from prestatie.yamlread import read_yaml

# The dates ``cyclus zet`` can set: the name a user types -> the path inside a trajectory.
VELDEN: dict[str, tuple[str, ...]] = {
    "evaluatie": ("evaluatie",),
    "huurdersadvies": ("huurdersadvies",),
    "bod": ("bod",),
    "overleg_gestart": ("overleg_gestart",),
    "ondertekend": ("ondertekend",),
    "geschil_ingediend": ("geschil", "ingediend"),
    "geschil_uitspraak": ("geschil", "uitspraak"),
}


@dataclass(frozen=True)
class Written:
    path: Path
    relative: str
    trajecten: int
    warnings: list[Finding]


def _require_regio(dataset: DataSet) -> None:
    if dataset.regio is None:
        raise DataError(
            "data/regio.yaml ontbreekt of bevat fouten; daarom weet prestatie niet welke gemeenten en "
            "corporaties er zijn. Voer 'prestatie validate' uit en herstel eerst die fouten."
        )


def pairs(dataset: DataSet) -> list[tuple[str, str]]:
    """Every (gemeente, corporatie) that has a project or an afspraak together, in regio order."""
    gemeenten, corporaties = dataset.gemeenten, dataset.corporaties
    found: set[tuple[str, str]] = set()
    for loaded in dataset.projecten:
        project = loaded.model
        if project.gemeente in gemeenten:
            for partij in {project.trekker, *project.partijen}:
                if partij in corporaties:
                    found.add((project.gemeente, partij))
    for afspraak_file in dataset.afspraken:
        afspraak = afspraak_file.model
        if afspraak.gemeenten == "alle":
            continue  # a region-wide afspraak names everyone: it says nothing about a pair
        named = {afspraak.trekker, *afspraak.partijen}
        found.update((g, c) for g in named if g in afspraak.gemeenten for c in named if c in corporaties)
    g_order = {ident: i for i, ident in enumerate(gemeenten)}
    c_order = {ident: i for i, ident in enumerate(corporaties)}
    return sorted(found, key=lambda pair: (g_order[pair[0]], c_order[pair[1]]))


def cyclus_yaml(dataset: DataSet, jaar: int) -> str:
    """The text of a new year file: commented header, termijnen, empty trajectories."""
    assert dataset.regio is not None
    regio = dataset.regio.model
    first, last = state.window(jaar)
    huurders = regio.huurdersorganisaties
    lines = [
        SCHEMA_COMMENT["cyclus"],
        f"# Jaarcyclus {jaar} van de Woningwet (art. 44) in {regio.naam}.",
        "# Gemaakt met 'prestatie nieuw cyclus'. Vul per traject de datums in (JJJJ-MM-DD) zodra ze",
        "# bekend zijn, hier of met 'prestatie cyclus zet GEMEENTE CORPORATIE VELD DATUM', en",
        "# controleer het bestand met 'prestatie validate'. Tekst na een # is uitleg.",
        "#",
        "# Elk traject is één gemeente met één corporatie (en haar huurdersorganisatie):",
        "#   huurdersorganisatie  id uit data/regio.yaml (optioneel)",
        f"#   evaluatie            de dag waarop het jaar {jaar - 1} met de partijen is geëvalueerd",
        "#   huurdersadvies       de dag van het advies van de huurdersorganisatie over het bod",
        "#   bod                  de dag waarop het bod van de corporatie binnenkwam",
        "#   overleg_gestart      de dag waarop het overleg over de afspraken begon",
        f"#   ondertekend          de dag waarop de afspraken voor {jaar + 1} zijn ondertekend",
        "#   overeenkomst         optioneel: id van de overeenkomst met de afspraken",
        "#   geschil              optioneel (art. 44 lid 4): {ingediend: JJJJ-MM-DD, uitspraak: JJJJ-MM-DD}",
        '#   documenten           optioneel: [{titel: Bod 2027, url: "https://…"}]',
        "# Volgorde: bod, overleg_gestart, ondertekend. Alle datums liggen tussen",
        f"# {first.isoformat()} en {last.isoformat()}. Zes maanden na de start van het overleg zonder",
        "# afspraken mag elke partij binnen vier weken een geschil aan de minister voorleggen.",
        f"jaar: {jaar}",
        "termijnen:",
        f"  bod: {jaar}-07-01        # laatste dag voor het bod (Woningwet: vóór 1 juli)",
        f"  afspraken: {jaar}-12-15  # laatste dag voor ondertekening (brief minister 2023: 1 december)",
    ]
    found = pairs(dataset)
    if not found:
        lines.append("trajecten: []  # nog geen gemeente en corporatie met samen een project of afspraak")
        return "\n".join(lines) + "\n"
    lines.append("trajecten:")
    for gemeente, corporatie in found:
        lines += [f"  - gemeente: {gemeente}", f"    corporatie: {corporatie}"]
        if len(huurders) == 1:
            lines.append(f"    huurdersorganisatie: {huurders[0].id}")
        lines += [f"    {name}:" for name in state.DATE_FIELDS]
    return "\n".join(lines) + "\n"


@holding_data_lock
def new_cyclus(root: Path, lock: DataLock, *, jaar: int, today: dt.date | None = None) -> Written:
    """Write data/cyclus/<jaar>.yaml with an empty trajectory for every pair; refuse an existing file."""
    today = today or dt.date.today()
    if not 1901 <= jaar <= 2099:
        raise UsageError(
            f"{jaar} is geen geldig jaar voor een jaarcyclus: kies een jaar tussen 1901 en 2099."
        )
    on_disk = load_dataset(root, peildatum=today)
    dataset = on_disk.dataset
    _require_regio(dataset)
    relative = PLACES["cyclus"].path(jaar=str(jaar))
    text = cyclus_yaml(dataset, jaar)
    content = text.encode("utf-8")
    warnings = check_candidate(on_disk, relative, content, peildatum=today)
    path = root / relative
    create_file(lock.writable(path), content)
    return Written(path, relative, len(pairs(dataset)), warnings)


@dataclass(frozen=True)
class DateSet:
    path: Path
    relative: str
    jaar: int
    gemeente: str
    corporatie: str
    veld: str
    old: dt.date | None
    new: dt.date
    fase: str
    warnings: list[Finding]


@holding_data_lock
def set_date(
    root: Path,
    lock: DataLock,
    *,
    gemeente: str,
    corporatie: str,
    veld: str,
    datum: dt.date,
    jaar: int | None = None,
    today: dt.date | None = None,
) -> DateSet:
    """Set one date of the trajectory of ``gemeente`` × ``corporatie`` in a year file.

    The year is ``jaar``, or the cycle running today (as ``prestatie cyclus`` picks it).
    """
    today = today or dt.date.today()
    veld_key = resolve(veld, {name: name for name in VELDEN}, unknown="Onbekend veld", option="VELD")
    path_in_traject = VELDEN[veld_key]
    on_disk = load_dataset(root, peildatum=today)
    dataset = on_disk.dataset
    _require_regio(dataset)
    gemeente_id = resolve_gemeente(dataset, gemeente)
    corporatie_id = resolve_corporatie(dataset, corporatie)
    loaded = select_year(dataset, today, jaar)
    if loaded is None:
        broken = dataset.broken.get("cyclus", set())
        wanted = str(jaar if jaar is not None else today.year)
        if wanted in broken:
            raise UsageError(
                f"Het bestand data/cyclus/{wanted}.yaml bevat fouten, dus prestatie bewerkt het niet. "
                "Voer 'prestatie validate' uit en herstel eerst die fouten."
            )
        raise missing_year(dataset, today, jaar)
    cyclus = loaded.model
    index = next(
        (
            i
            for i, t in enumerate(cyclus.trajecten)
            if t.gemeente == gemeente_id and t.corporatie == corporatie_id
        ),
        None,
    )
    if index is None:
        raise UsageError(
            f"In {loaded.file} staat geen traject voor gemeente '{gemeente_id}' en corporatie "
            f"'{corporatie_id}'. Voeg het toe onder 'trajecten:' (met gemeente en corporatie) en "
            "probeer het opnieuw."
        )
    traject = cyclus.trajecten[index]
    old: dt.date | None = (
        getattr(traject, path_in_traject[0])
        if len(path_in_traject) == 1
        else (getattr(traject.geschil, path_in_traject[1]) if traject.geschil is not None else None)
    )
    file_path = root / loaded.file
    if file_path.is_symlink():  # a link inside data/ (the reader refuses others): edit its target
        file_path = file_path.resolve()
    file_path = lock.writable(file_path)
    snapshot = read_snapshot(file_path)
    content = edit_date_text(snapshot.raw, index, path_in_traject, datum, loaded.file)
    warnings = check_candidate(on_disk, loaded.file, content, peildatum=today)
    replace_file(file_path, content, expected=snapshot)
    new_traject = traject.model_copy(
        update={path_in_traject[0]: datum}
        if len(path_in_traject) == 1
        else {"geschil": (traject.geschil or _empty_geschil()).model_copy(update={path_in_traject[1]: datum})}
    )
    return DateSet(
        file_path,
        loaded.file,
        cyclus.jaar,
        gemeente_id,
        corporatie_id,
        veld_key,
        old,
        datum,
        state.fase(new_traject, today),
        warnings,
    )


def _empty_geschil() -> Any:
    from prestatie.cyclus.model import Geschil

    return Geschil()


def _expected(raw: bytes, index: int, path: tuple[str, ...], datum: dt.date, file: str) -> Any:
    outcome = read_yaml(raw, file)
    if outcome.document is None or outcome.findings:
        raise UsageError(
            f"{file} kan niet worden gelezen; voer 'prestatie validate' uit en herstel het eerst."
        )
    data = copy.deepcopy(outcome.document.data)
    node = data["trajecten"][index]
    for step in path[:-1]:
        if not isinstance(node.get(step), dict):
            node[step] = {}
        node = node[step]
    node[path[-1]] = datum
    return data


def _line_by_line(raw: bytes, index: int, path: tuple[str, ...], datum: dt.date) -> bytes:
    text = YamlText(raw)
    within: tuple[str | int, ...] = ("trajecten", index, *path[:-1])
    if path[-1] not in text.mapping(within):
        raise Unsupported("the field is not in the file yet")
    text.set_value(path[-1], date_scalar(datum), within=within)
    return text.encode()


def _round_trip(raw: bytes, index: int, path: tuple[str, ...], datum: dt.date) -> bytes:
    def apply(document: CommentedMap) -> None:
        node = document["trajecten"][index]
        for step in path[:-1]:
            if not isinstance(node.get(step), CommentedMap):
                node[step] = CommentedMap()
            node = node[step]
        node[path[-1]] = datum

    return roundtrip(raw, apply)


def edit_date_text(raw: bytes, index: int, path: tuple[str, ...], datum: dt.date, file: str) -> bytes:
    """The new bytes of a year file: one line changed when possible, else a ruamel.yaml round trip."""
    return first_faithful(
        (lambda: _line_by_line(raw, index, path, datum), lambda: _round_trip(raw, index, path, datum)),
        (Unsupported, YAMLError, KeyError, IndexError, TypeError),
        _expected(raw, index, path, datum, file),
        file,
        "Vul de datum met de hand in.",
    )
