"""New data files: a project or an afspraak, valid and commented, under a fresh id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from prestatie.atomic import DataLock, create_file, holding_data_lock
from prestatie.dataset import DataSet
from prestatie.edit.check import DataOnDisk, check_candidate, load_dataset
from prestatie.edit.scalars import refuse_control_characters, slugify, with_prefix
from prestatie.edit.templates import NewAfspraak, NewProject, afspraak_yaml, project_yaml
from prestatie.errors import DataError, UsageError
from prestatie.findings import Finding
from prestatie.layout import PLACES
from prestatie.models import PROJECT_STATUSSEN
from prestatie.selection import lopende, overeenkomst_feiten, resolve, resolve_gemeente, resolve_thema
from prestatie.suggest import did_you_mean

# A new project is not opgeleverd yet: that is recorded with 'prestatie voortgang'.
NEW_PROJECT_STATUSSEN: tuple[str, ...] = tuple(s for s in PROJECT_STATUSSEN if s != "opgeleverd")


@dataclass(frozen=True)
class Created:
    path: Path
    relative: str
    id: str
    warnings: list[Finding]


def _text(value: str, option: str) -> str:
    value = value.strip()
    if not value:
        raise UsageError(f"{option} mag niet leeg zijn.")
    refuse_control_characters(value, option)
    return value


def _require_regio(dataset: DataSet) -> None:
    if dataset.regio is None or dataset.themas is None:
        raise DataError(
            "data/regio.yaml of data/themas.yaml ontbreekt of bevat fouten; daarom kan prestatie "
            "geen nieuw bestand maken. Voer 'prestatie validate' uit en herstel eerst die fouten."
        )


def _resolve_partij(dataset: DataSet, typed: str) -> str:
    names = {p.id: p.naam for p in dataset.partijen.values()}
    return resolve(typed, names, unknown="Onbekende partij", option="--trekker")


def _free_id(base: str, taken: set[str], exists: Callable[[str], bool]) -> str:
    """``base``, or ``base-2``, ``base-3``, … when that id is taken or its file exists."""
    candidate, number = base, 1
    while candidate in taken or exists(candidate):
        number += 1
        suffix = f"-{number}"
        candidate = base[: 80 - len(suffix)].rstrip("-") + suffix
    return candidate


@holding_data_lock
def new_project(
    root: Path,
    lock: DataLock,
    *,
    gemeente: str,
    naam: str,
    afspraken: list[str],
    trekker: str | None = None,
    status: str = "idee",
    today: dt.date | None = None,
) -> Created:
    """Write data/projecten/<gemeente>/<id>.yaml for a new project; return where."""
    today = today or dt.date.today()
    naam = _text(naam, "--naam")
    if status not in PROJECT_STATUSSEN:
        close = did_you_mean(status, PROJECT_STATUSSEN)
        if close not in NEW_PROJECT_STATUSSEN:  # 'opgelevrd': say why opgeleverd cannot be
            status = close or status
        else:
            raise UsageError(
                f"Onbekende status '{status}' bij --status. Bedoelde u '{close}'? Kies uit: "
                f"{', '.join(NEW_PROJECT_STATUSSEN)}."
            )
    if status not in PROJECT_STATUSSEN:
        raise UsageError(
            f"Onbekende status '{status}' bij --status. Kies uit: {', '.join(NEW_PROJECT_STATUSSEN)}."
        )
    if status not in NEW_PROJECT_STATUSSEN:
        raise UsageError(
            "Een nieuw project kan niet meteen 'opgeleverd' zijn: maak het aan en leg de oplevering "
            "vast met 'prestatie voortgang PROJECT \"toelichting\" --status opgeleverd'."
        )
    on_disk = load_dataset(root, peildatum=today)
    dataset = on_disk.dataset
    _require_regio(dataset)
    gemeente_id = resolve_gemeente(dataset, gemeente)
    trekker_id = _resolve_partij(dataset, trekker) if trekker else gemeente_id
    afspraak_titels = {a.model.id: a.model.titel for a in dataset.afspraken}
    afspraak_ids: list[str] = []
    for typed in afspraken:
        ident = resolve(typed, afspraak_titels, unknown="Onbekende afspraak", option="--afspraak")
        if ident not in afspraak_ids:
            afspraak_ids.append(ident)
    for ident in afspraak_ids:
        scope = dataset.afspraak_gemeenten(dataset.afspraken_by_id[ident].model)
        if gemeente_id not in scope:
            raise UsageError(
                f"Afspraak '{ident}' geldt niet voor gemeente '{gemeente_id}' (alleen voor "
                f"{', '.join(scope)}). Kies een andere afspraak of laat --afspraak weg."
            )
    bijdragen: list[tuple[str, str]] = []
    for ident in afspraak_ids:
        for doel in dataset.afspraken_by_id[ident].model.doelen:
            if doel.indicator in dataset.indicatoren and doel.indicator not in dict(bijdragen):
                bijdragen.append((doel.indicator, dataset.indicatoren[doel.indicator][0].eenheid))
    folder = root / PLACES["project"].folder(gemeente=gemeente_id)
    base = with_prefix(gemeente_id, slugify(naam))
    ident = _free_id(base, set(dataset.projecten_by_id), lambda i: (folder / f"{i}.yaml").exists())
    partijen = [trekker_id] + ([gemeente_id] if gemeente_id != trekker_id else [])
    text = project_yaml(
        NewProject(
            id=ident,
            naam=naam,
            gemeente=gemeente_id,
            gemeente_naam=dataset.gemeenten[gemeente_id].naam,
            trekker=trekker_id,
            partijen=partijen,
            afspraken=afspraak_ids,
            status=status,
            bijdragen=bijdragen,
        )
    )
    relative = PLACES["project"].path(gemeente=gemeente_id, id=ident)
    return _create(root, lock, on_disk, relative, text, ident, today)


@holding_data_lock
def new_afspraak(
    root: Path,
    lock: DataLock,
    *,
    thema: str,
    titel: str,
    trekker: str | None = None,
    nummer: str | None = None,
    today: dt.date | None = None,
) -> Created:
    """Write data/afspraken/<id>.yaml for a new afspraak; return where."""
    today = today or dt.date.today()
    titel = _text(titel, "--titel")
    if nummer is not None:
        nummer = _text(nummer, "--nummer")
    on_disk = load_dataset(root, peildatum=today)
    dataset = on_disk.dataset
    _require_regio(dataset)
    assert dataset.regio is not None
    thema_id = resolve_thema(dataset, thema)
    regio = dataset.regio.model
    default_trekker = (regio.overige_partijen or regio.gemeenten)[0].id
    trekker_id = _resolve_partij(dataset, trekker) if trekker else default_trekker
    base = slugify(titel)
    if not base:
        raise UsageError("Uit de titel valt geen id te maken: gebruik letters of cijfers in --titel.")
    folder = root / PLACES["afspraak"].folder()
    ident = _free_id(base, set(dataset.afspraken_by_id), lambda i: (folder / f"{i}.yaml").exists())
    thema_model = dataset.themas_by_id[thema_id]
    running = lopende(overeenkomst_feiten(dataset), today)
    current = [o for o in dataset.overeenkomsten_by_id.values() if o.id in running]
    if not current:
        raise UsageError(
            "Er is geen overeenkomst om de afspraak onder te zetten: leg eerst de looptijd vast in "
            "data/regio.yaml of in data/overeenkomsten/<id>.yaml."
        )
    overeenkomst = next((o for o in current if o.onderdeel_van is None), current[0])
    text = afspraak_yaml(
        NewAfspraak(
            id=ident,
            titel=titel,
            thema=thema_id,
            thema_naam=thema_model.naam,
            trekker=trekker_id,
            van=overeenkomst.periode.van.year,
            tot=overeenkomst.periode.tot.year,
            nummer=nummer,
            indicatoren=[(i.id, i.eenheid) for i in thema_model.indicatoren],
            overeenkomst=overeenkomst.id if dataset.has_overeenkomsten else None,
        )
    )
    relative = PLACES["afspraak"].path(id=ident)
    return _create(root, lock, on_disk, relative, text, ident, today)


def _create(
    root: Path, lock: DataLock, on_disk: DataOnDisk, relative: str, text: str, ident: str, today: dt.date
) -> Created:
    content = text.encode("utf-8")
    warnings = check_candidate(on_disk, relative, content, peildatum=today)
    path = root / relative
    create_file(lock.writable(path), content)
    return Created(path, relative, ident, warnings)
