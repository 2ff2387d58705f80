"""What `status` computes: plain frozen data, and its JSON shape (DESIGN.md "Status").

``to_dict`` gives exactly DESIGN.md's keys, plus a few that DESIGN.md leaves open:
``nummer`` of an afspraak, ``naam`` and ``regionaal`` of a doel, ``naam`` and
``status`` of a vertraagd project, and the list ``projecten_zonder_voortgang``.
Numbers are integers when integral (400, not 400.0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

OP_KOERS = "op koers"
AANDACHT = "aandacht"
ACHTER = "achter"
AFGEROND = "afgerond"
VERVALLEN = "vervallen"
GEEN_LOKAAL_DOEL = "geen lokaal doel"
VERDICTS = (OP_KOERS, AANDACHT, ACHTER, GEEN_LOKAAL_DOEL, AFGEROND, VERVALLEN)

# A project status as people read it, in the order of ProjectCounts.
STATUS_LABELS = {
    "opgeleverd": "opgeleverd",
    "uitvoering": "in uitvoering",
    "voorbereiding": "in voorbereiding",
    "idee": "idee",
    "gepauzeerd": "gepauzeerd",
    "vervallen": "vervallen",
}


def number(value: float | None) -> int | float | None:
    """400.0 -> 400; 310.5 stays 310.5; None stays None."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True, slots=True)
class Figures:
    """Target, expectation and realisation of one doel for one set of projects."""

    streefwaarde: float | None
    verwacht: float | None
    gerealiseerd: float
    in_uitvoering: float
    in_voorbereiding: float
    verdict: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "streefwaarde": number(self.streefwaarde),
            "verwacht": number(self.verwacht),
            "gerealiseerd": number(self.gerealiseerd),
            "in_uitvoering": number(self.in_uitvoering),
            "in_voorbereiding": number(self.in_voorbereiding),
            "verdict": self.verdict,
        }


@dataclass(frozen=True, slots=True)
class DoelStatus:
    indicator: str
    naam: str
    eenheid: str
    figures: Figures
    # Under --gemeente without a local target: the figures of the whole region.
    regionaal: Figures | None = None

    @property
    def verdict(self) -> str:
        return self.figures.verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "naam": self.naam,
            "eenheid": self.eenheid,
            **self.figures.to_dict(),
            "regionaal": self.regionaal.to_dict() if self.regionaal is not None else None,
        }


@dataclass(frozen=True, slots=True)
class ProjectCounts:
    totaal: int
    opgeleverd: int
    uitvoering: int
    voorbereiding: int
    idee: int
    gepauzeerd: int
    vervallen: int
    vertraagd: int

    def to_dict(self) -> dict[str, int]:
        return {
            "totaal": self.totaal,
            "opgeleverd": self.opgeleverd,
            "uitvoering": self.uitvoering,
            "voorbereiding": self.voorbereiding,
            "idee": self.idee,
            "gepauzeerd": self.gepauzeerd,
            "vervallen": self.vervallen,
            "vertraagd": self.vertraagd,
        }


@dataclass(frozen=True, slots=True)
class AfspraakStatus:
    id: str
    nummer: str | None
    titel: str
    thema: str
    status: str
    verdict: str
    doelen: tuple[DoelStatus, ...]
    projecten: ProjectCounts

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "nummer": self.nummer,
            "titel": self.titel,
            "thema": self.thema,
            "status": self.status,
            "verdict": self.verdict,
            "doelen": [doel.to_dict() for doel in self.doelen],
            "projecten": self.projecten.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class VertraagdProject:
    id: str
    naam: str
    gemeente: str
    status: str
    oplevering: dt.date

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "naam": self.naam,
            "gemeente": self.gemeente,
            "status": self.status,
            "oplevering": self.oplevering.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class StilProject:
    """A project without voortgang for more than six months (validate's PA302)."""

    id: str
    naam: str
    gemeente: str
    status: str
    laatste_voortgang: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        last = self.laatste_voortgang
        return {
            "id": self.id,
            "naam": self.naam,
            "gemeente": self.gemeente,
            "status": self.status,
            "laatste_voortgang": last.isoformat() if last is not None else None,
        }


@dataclass(frozen=True, slots=True)
class Filter:
    """The selection as ids, and as names for people."""

    gemeente: str | None = None
    corporatie: str | None = None
    thema: str | None = None
    gemeente_naam: str | None = None
    corporatie_naam: str | None = None
    thema_naam: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"gemeente": self.gemeente, "corporatie": self.corporatie, "thema": self.thema}


@dataclass(frozen=True, slots=True)
class StatusReport:
    peildatum: dt.date
    filter: Filter
    afspraken: tuple[AfspraakStatus, ...]
    vertraagde_projecten: tuple[VertraagdProject, ...]
    projecten_zonder_voortgang: tuple[StilProject, ...]
    # For people: the region's name, the names of the themas in their order, and
    # whether the figures are illustrative.
    regio: str = ""
    themas: tuple[tuple[str, str], ...] = ()
    voorbeeldgegevens: bool = False
    # The ids of the projects of the selection, in data-set order: what the report
    # lists. Not part of the JSON contract.
    projecten: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "peildatum": self.peildatum.isoformat(),
            "filter": self.filter.to_dict(),
            "afspraken": [afspraak.to_dict() for afspraak in self.afspraken],
            "vertraagde_projecten": [project.to_dict() for project in self.vertraagde_projecten],
            "projecten_zonder_voortgang": [p.to_dict() for p in self.projecten_zonder_voortgang],
        }
