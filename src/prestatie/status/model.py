"""What `status` computes: plain frozen data, and its JSON shape (DESIGN.md "Status").

``to_dict`` gives exactly DESIGN.md's keys (version 2: ``overeenkomsten`` at the top,
``overeenkomst`` and ``eindstand`` per afspraak, ``telling``, ``bron``, ``richting`` and
for a stand ``meting_datum`` per doel), plus a few that DESIGN.md leaves open:
``nummer`` and the newest ``verantwoording`` of an afspraak, ``naam``, ``regionaal``,
``meting_bron`` (stand) and ``onderdelen`` (composite) of a doel, ``overeenkomst`` in
the filter, ``naam`` and ``status`` of a vertraagd project, and the list
``projecten_zonder_voortgang``.
Numbers are integers when integral (400, not 400.0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from prestatie.models import Verantwoording
from prestatie.targetstate import (
    AANDACHT,
    ACHTER,
    AFGEROND,
    GEEN_LOKAAL_DOEL,
    GEEN_METING,
    GEHAALD,
    NIET_GEHAALD,
    OP_KOERS,
    VERVALLEN,
)

VERDICTS = (
    OP_KOERS,
    AANDACHT,
    ACHTER,
    GEEN_METING,
    GEHAALD,
    NIET_GEHAALD,
    GEEN_LOKAAL_DOEL,
    AFGEROND,
    VERVALLEN,
)
__all__ = ["AANDACHT", "ACHTER", "AFGEROND", "GEEN_LOKAAL_DOEL", "GEEN_METING", "GEHAALD",
           "NIET_GEHAALD", "OP_KOERS", "VERVALLEN", "VERDICTS"]

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
class Onderdeel:
    """One component of a composite doel: its indicator, sign and gerealiseerd."""

    indicator: str
    naam: str
    teken: int  # +1 (plus) or -1 (min)
    gerealiseerd: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "naam": self.naam,
            "teken": "+" if self.teken > 0 else "-",
            "gerealiseerd": number(self.gerealiseerd),
        }


@dataclass(frozen=True, slots=True)
class Figures:
    """Target, expectation and realisation of one doel in one scope (region, gemeente, corporatie).

    For a stand, ``gerealiseerd`` is the measured value (None without a meting) and
    ``meting_datum``/``meting_bron`` say which meting; ``verwacht`` is what it is judged
    against (at the eindstand: the streefwaarde). A composite lists its ``onderdelen``.
    """

    streefwaarde: float | None
    verwacht: float | None
    gerealiseerd: float | None
    in_uitvoering: float
    in_voorbereiding: float
    verdict: str
    meting_datum: dt.date | None = None
    meting_bron: str | None = None
    onderdelen: tuple[Onderdeel, ...] = ()

    def to_dict(self, *, stand: bool = False) -> dict[str, Any]:
        result: dict[str, Any] = {
            "streefwaarde": number(self.streefwaarde),
            "verwacht": number(self.verwacht),
            "gerealiseerd": number(self.gerealiseerd),
            "in_uitvoering": number(self.in_uitvoering),
            "in_voorbereiding": number(self.in_voorbereiding),
            "verdict": self.verdict,
        }
        if stand:
            result["meting_datum"] = self.meting_datum.isoformat() if self.meting_datum else None
            result["meting_bron"] = self.meting_bron
        if self.onderdelen:
            result["onderdelen"] = [o.to_dict() for o in self.onderdelen]
        return result


@dataclass(frozen=True, slots=True)
class DoelStatus:
    indicator: str
    naam: str
    eenheid: str
    figures: Figures
    # Under --gemeente without a local target: the figures of the whole region.
    regionaal: Figures | None = None
    telling: str = "som"
    bron: str = "projecten"
    richting: str = "minimaal"

    @property
    def verdict(self) -> str:
        return self.figures.verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "naam": self.naam,
            "eenheid": self.eenheid,
            "telling": self.telling,
            "bron": self.bron,
            "richting": self.richting,
            **self.figures.to_dict(stand=self.telling == "stand"),
            "regionaal": (
                self.regionaal.to_dict(stand=self.telling == "stand") if self.regionaal is not None else None
            ),
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
    overeenkomst: str = ""
    # The eindstand applies: the period is over (or the afspraak afgerond).
    eindstand: bool = False
    # The newest verantwoording on or before the peildatum, if any.
    verantwoording: Verantwoording | None = None

    def to_dict(self) -> dict[str, Any]:
        verantwoording = self.verantwoording
        return {
            "overeenkomst": self.overeenkomst,
            "eindstand": self.eindstand,
            "id": self.id,
            "nummer": self.nummer,
            "titel": self.titel,
            "thema": self.thema,
            "status": self.status,
            "verdict": self.verdict,
            "doelen": [doel.to_dict() for doel in self.doelen],
            "projecten": self.projecten.to_dict(),
            "verantwoording": (
                {
                    "datum": verantwoording.datum.isoformat(),
                    "oorzaak": verantwoording.oorzaak,
                    "gevolgen": verantwoording.gevolgen,
                    "bijsturing": verantwoording.bijsturing,
                }
                if verantwoording is not None
                else None
            ),
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
    # --overeenkomst as given (an id or 'alle'); None: the default choice.
    overeenkomst: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "gemeente": self.gemeente,
            "corporatie": self.corporatie,
            "thema": self.thema,
            "overeenkomst": self.overeenkomst,
        }


@dataclass(frozen=True, slots=True)
class OvereenkomstInfo:
    """An overeenkomst a status covers; ``lopend``: its period holds the peildatum;
    ``afgelopen``: it ended before the peildatum (its afspraken show their eindstand)."""

    id: str
    titel: str
    niveau: str
    van: dt.date
    tot: dt.date
    lopend: bool
    afgelopen: bool = False

    @property
    def toelichting(self) -> str | None:
        """What a heading adds to its name: 'eindstand' after its period, 'nog niet
        begonnen' before it, nothing while it runs."""
        if self.lopend:
            return None
        return "eindstand" if self.afgelopen else "nog niet begonnen"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "titel": self.titel,
            "niveau": self.niveau,
            "periode": {"van": self.van.isoformat(), "tot": self.tot.isoformat()},
            "lopend": self.lopend,
        }


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
    # The overeenkomsten whose afspraken are shown, and notes for people (e.g. that a
    # name given to --corporatie is a former name).
    overeenkomsten: tuple[OvereenkomstInfo, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "peildatum": self.peildatum.isoformat(),
            "filter": self.filter.to_dict(),
            "overeenkomsten": [o.to_dict() for o in self.overeenkomsten],
            "afspraken": [afspraak.to_dict() for afspraak in self.afspraken],
            "vertraagde_projecten": [project.to_dict() for project in self.vertraagde_projecten],
            "projecten_zonder_voortgang": [p.to_dict() for p in self.projecten_zonder_voortgang],
        }
