"""``prestatie cyclus`` as a library call: every trajectory of one year at a peildatum.

Which year: ``jaar`` when given; otherwise the cycle of the peildatum's calendar
year (evaluatie, bod by 1 July and afspraken by 15 December all fall in it), and
when that year has no file, the latest year before it that has one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from prestatie.cyclus import state
from prestatie.cyclus.model import Cyclus
from prestatie.dataset import DataSet, Loaded
from prestatie.errors import UsageError
from prestatie.selection import resolve_corporatie, resolve_gemeente


@dataclass(frozen=True, slots=True)
class TrajectStand:
    """One trajectory at the peildatum: its parties, fase, dates and what is overdue."""

    gemeente: str
    gemeente_naam: str
    corporatie: str
    corporatie_naam: str
    huurdersorganisatie: str | None
    fase: str
    evaluatie: dt.date | None
    huurdersadvies: dt.date | None
    bod: dt.date | None
    overleg_gestart: dt.date | None
    ondertekend: dt.date | None
    overeenkomst: str | None
    achterstallig: tuple[state.Achterstand, ...]

    def to_dict(self) -> dict[str, Any]:
        def day(value: dt.date | None) -> str | None:
            return value.isoformat() if value is not None else None

        return {
            "gemeente": self.gemeente,
            "corporatie": self.corporatie,
            "huurdersorganisatie": self.huurdersorganisatie,
            "fase": self.fase,
            "evaluatie": day(self.evaluatie),
            "huurdersadvies": day(self.huurdersadvies),
            "bod": day(self.bod),
            "overleg_gestart": day(self.overleg_gestart),
            "ondertekend": day(self.ondertekend),
            "overeenkomst": self.overeenkomst,
            "achterstallig": [{"code": a.code, "message": a.message} for a in self.achterstallig],
        }


@dataclass(frozen=True, slots=True)
class CyclusStand:
    """The cycle of one year at a peildatum; ``to_dict`` is its JSON (docs/json.md)."""

    jaar: int
    peildatum: dt.date
    termijnen: state.Termijnen
    trajecten: tuple[TrajectStand, ...]
    voorbeeldgegevens: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "jaar": self.jaar,
            "peildatum": self.peildatum.isoformat(),
            "termijnen": {
                "bod": self.termijnen.bod.isoformat(),
                "afspraken": self.termijnen.afspraken.isoformat(),
            },
            "trajecten": [t.to_dict() for t in self.trajecten],
        }


def running_year(years: list[int], peildatum: dt.date) -> int | None:
    """The year whose cycle runs at the peildatum (see the module docstring), or None."""
    earlier = [year for year in years if year <= peildatum.year]
    return max(earlier) if earlier else None


def select_year(dataset: DataSet, peildatum: dt.date, jaar: int | None) -> Loaded[Cyclus] | None:
    """The year file to show: ``jaar``'s, or the one running at the peildatum; None without one."""
    by_year = {loaded.model.jaar: loaded for loaded in dataset.cycli}
    wanted = jaar if jaar is not None else running_year(sorted(by_year), peildatum)
    return by_year.get(wanted) if wanted is not None else None


def missing_year(dataset: DataSet, peildatum: dt.date, jaar: int | None) -> UsageError:
    years = sorted(loaded.model.jaar for loaded in dataset.cycli)
    if not years:
        return UsageError(
            "Er zijn nog geen gegevens over de jaarcyclus (data/cyclus/<jaar>.yaml). Maak een "
            "jaarbestand met 'prestatie nieuw cyclus' en vul de datums in."
        )
    listed = ", ".join(str(year) for year in years)
    if jaar is not None:
        return UsageError(
            f"Er is geen jaarcyclus voor {jaar} (data/cyclus/{jaar}.yaml). Beschikbaar: {listed}."
        )
    return UsageError(
        f"Er is geen jaarcyclus voor {peildatum.year} of een eerder jaar. Beschikbaar: {listed}. "
        "Kies een van die jaren."
    )


def compute_cyclus(
    dataset: DataSet,
    *,
    peildatum: dt.date,
    jaar: int | None = None,
    gemeente: str | None = None,
    corporatie: str | None = None,
) -> CyclusStand:
    """Every selected trajectory of the year at the peildatum, grouped by gemeente.

    ``gemeente`` and ``corporatie`` are ids or names; an unknown one, or a year without
    a file, raises ``UsageError``. The data set must be valid.
    """
    gemeente_id = resolve_gemeente(dataset, gemeente) if gemeente is not None else None
    corporatie_id = resolve_corporatie(dataset, corporatie) if corporatie is not None else None
    loaded = select_year(dataset, peildatum, jaar)
    if loaded is None:
        raise missing_year(dataset, peildatum, jaar)
    return cyclus_stand(dataset, loaded.model, peildatum, gemeente=gemeente_id, corporatie=corporatie_id)


def cyclus_stand(
    dataset: DataSet,
    cyclus: Cyclus,
    peildatum: dt.date,
    *,
    gemeente: str | None = None,
    corporatie: str | None = None,
) -> CyclusStand:
    """The stand of one year file, restricted to a gemeente and/or corporatie id (with the
    corporaties that merged into it)."""
    termijn = state.termijnen(cyclus)
    gemeente_order = {ident: index for index, ident in enumerate(dataset.gemeenten)}
    corporatie_order = {ident: index for index, ident in enumerate(dataset.corporaties)}
    # A corporatie includes the ones that merged into it (regio.yaml: opgegaan_in).
    corporaties = {corporatie, *dataset.opvolgers.get(corporatie, set())} if corporatie is not None else None
    rows = []
    for traject in cyclus.trajecten:
        if gemeente is not None and traject.gemeente != gemeente:
            continue
        if corporaties is not None and traject.corporatie not in corporaties:
            continue
        rows.append(
            TrajectStand(
                gemeente=traject.gemeente,
                gemeente_naam=_naam(dataset, traject.gemeente),
                corporatie=traject.corporatie,
                corporatie_naam=_naam(dataset, traject.corporatie),
                huurdersorganisatie=traject.huurdersorganisatie,
                fase=state.fase(traject, peildatum),
                evaluatie=traject.evaluatie,
                huurdersadvies=traject.huurdersadvies,
                bod=traject.bod,
                overleg_gestart=traject.overleg_gestart,
                ondertekend=traject.ondertekend,
                overeenkomst=traject.overeenkomst,
                achterstallig=tuple(state.achterstallig(traject, cyclus.jaar, termijn, peildatum)),
            )
        )
    rows.sort(
        key=lambda r: (
            gemeente_order.get(r.gemeente, len(gemeente_order)),
            corporatie_order.get(r.corporatie, len(corporatie_order)),
        )
    )
    regio = dataset.regio.model if dataset.regio is not None else None
    return CyclusStand(
        jaar=cyclus.jaar,
        peildatum=peildatum,
        termijnen=termijn,
        trajecten=tuple(rows),
        voorbeeldgegevens=regio.voorbeeldgegevens if regio is not None else False,
    )


def _naam(dataset: DataSet, ident: str) -> str:
    partij = dataset.partijen.get(ident)
    return partij.naam if partij is not None else ident
