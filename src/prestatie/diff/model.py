"""The result of a diff as plain data: dataclasses that turn into JSON-ready dicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from prestatie.findings import Finding
from prestatie.layout import Kind

Value = str | int | float | bool | dt.date | list[str] | None
Wijzigingssoort = Literal["nieuw", "verwijderd", "gewijzigd"]


def plain(value: Any) -> Any:
    """A value as JSON has it: dates as YYYY-MM-DD, whole floats as ints."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Wijziging:
    """One semantic change of one document.

    ``soort`` says what changed (status, oplevering, start, opgeleverd, bijdrage,
    investering, voortgang, streefwaarde, jaarschijf, per_gemeente, doel, id, traject,
    fase, doel_telling, doel_bron, doel_richting, nulmeting, nulmeting_datum, verantwoording,
    document, meting, meting_bron, or a plain field name such as naam or bod); ``indicator``,
    ``jaar``, ``gemeente``, ``corporatie``, ``begin`` and ``datum`` say which part, where
    that applies. For oplevering and start, ``dagen`` is how far the date moved and
    ``vertraging`` whether that is later (a slip).
    """

    soort: str
    van: Value = None
    naar: Value = None
    indicator: str | None = None
    jaar: int | None = None
    gemeente: str | None = None
    datum: dt.date | None = None
    dagen: int | None = None
    vertraging: bool | None = None
    corporatie: str | None = None  # with gemeente: the trajectory of the Woningwet cycle; a meting's
    begin: dt.date | None = None  # a meting of a flow: its first day (``datum`` is its last)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"soort": self.soort}
        for key in ("indicator", "jaar", "gemeente", "corporatie", "begin", "datum"):
            value = getattr(self, key)
            if value is not None:
                result[key] = plain(value)
        result["van"] = plain(self.van)
        result["naar"] = plain(self.naar)
        if self.dagen is not None:
            result["dagen"] = self.dagen
            result["vertraging"] = self.vertraging
        return result


@dataclass(slots=True)
class ItemDiff:
    """What changed in one project, afspraak, regio.yaml or themas.yaml."""

    soort: Kind
    id: str
    naam: str
    wijziging: Wijzigingssoort
    bestand: str
    vorig_bestand: str | None = None
    gemeente: str | None = None  # projects: the gemeente id (new side, else old side)
    status: str | None = None  # the status at the newest side
    oplevering: dt.date | None = None  # projects: planned oplevering at the newest side
    opgeleverd: dt.date | None = None  # projects: the date it was opgeleverd, at the newest side
    wijzigingen: list[Wijziging] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "id": self.id,
            "naam": self.naam,
            "wijziging": self.wijziging,
            "bestand": self.bestand,
        }
        if self.vorig_bestand is not None:
            result["vorig_bestand"] = self.vorig_bestand
        if self.soort == "project":
            result["gemeente"] = self.gemeente
            result["oplevering"] = plain(self.oplevering)
            result["opgeleverd"] = plain(self.opgeleverd)
        if self.soort in ("project", "afspraak"):
            result["status"] = self.status
        result["wijzigingen"] = [w.to_dict() for w in self.wijzigingen]
        return result


@dataclass(frozen=True, slots=True)
class Kant:
    """One side of a diff: a revision (name and commit) or the working tree."""

    naam: str | None  # as the user gave it; None for the working tree
    commit: str | None
    datum: dt.date | None = None  # commit date

    @property
    def werkmap(self) -> bool:
        return self.commit is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "revisie": self.naam,
            "commit": self.commit,
            "datum": plain(self.datum),
            "werkmap": self.werkmap,
        }


@dataclass(frozen=True, slots=True)
class Melding:
    """A changed file that could not be read at one side."""

    kant: str  # the revision's name, or "werkmap"
    finding: Finding

    def to_dict(self) -> dict[str, Any]:
        f = self.finding
        return {
            "revisie": self.kant,
            "file": f.file,
            "line": f.line,
            "column": f.column,
            "code": f.code,
            "severity": str(f.severity),
            "message": f.message,
        }


@dataclass(slots=True)
class DataDiff:
    """Everything that changed from ``van`` to ``tot``, filtered, in a stable order."""

    van: Kant
    tot: Kant
    filter: dict[str, str | None]
    projecten: list[ItemDiff] = field(default_factory=list)
    afspraken: list[ItemDiff] = field(default_factory=list)
    overig: list[ItemDiff] = field(default_factory=list)
    meldingen: list[Melding] = field(default_factory=list)
    # Names for display: gemeente id -> naam, indicator id -> (naam, eenheid).
    gemeenten: dict[str, str] = field(default_factory=dict)
    indicatoren: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.meldingen

    @property
    def empty(self) -> bool:
        return not (self.projecten or self.afspraken or self.overig)

    def samenvatting(self) -> dict[str, int]:
        def count(items: list[ItemDiff], kind: str) -> int:
            return sum(1 for item in items if item.wijziging == kind)

        changes = [w for p in self.projecten for w in p.wijzigingen]
        return {
            "projecten_nieuw": count(self.projecten, "nieuw"),
            "projecten_verwijderd": count(self.projecten, "verwijderd"),
            "projecten_gewijzigd": count(self.projecten, "gewijzigd"),
            "statuswijzigingen": sum(1 for w in changes if w.soort == "status"),
            "opgeleverd": sum(1 for w in changes if w.soort == "status" and w.naar == "opgeleverd"),
            "oplevering_later": sum(1 for w in changes if w.soort == "oplevering" and w.vertraging),
            "oplevering_eerder": sum(
                1 for w in changes if w.soort == "oplevering" and w.vertraging is False and w.dagen
            ),
            "voortgangsberichten": sum(1 for w in changes if w.soort == "voortgang" and w.naar is not None),
            "afspraken_nieuw": count(self.afspraken, "nieuw"),
            "afspraken_verwijderd": count(self.afspraken, "verwijderd"),
            "afspraken_gewijzigd": count(self.afspraken, "gewijzigd"),
        }

    def to_dict(self) -> dict[str, Any]:
        projecten = []
        for item in self.projecten:
            entry = item.to_dict()
            entry["gemeente_naam"] = self.gemeenten.get(item.gemeente or "", item.gemeente)
            projecten.append(entry)
        return {
            "van": self.van.to_dict(),
            "tot": self.tot.to_dict(),
            "filter": dict(self.filter),
            "samenvatting": self.samenvatting(),
            "projecten": projecten,
            "afspraken": [item.to_dict() for item in self.afspraken],
            "overig": [item.to_dict() for item in self.overig],
            "meldingen": [m.to_dict() for m in self.meldingen],
        }
