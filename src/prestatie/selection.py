"""The filters --gemeente, --corporatie, --thema, --overeenkomst: what a command shows.

One predicate for status (and so the report body), the report's "Wijzigingen" section
and diff: ``Selection.afspraak`` and ``Selection.project``. The words of the user
resolve to ids here too, by id or by name, case-insensitively; an unknown name is a
usage error (exit 2) that lists the valid names and suggests the closest one.

The rule (README, "prestatie status"):

- a project is selected when it lies in the gemeente, the corporatie is its trekker
  or one of its partijen, and it is linked to an afspraak of the thema;
- an afspraak is selected when it has the thema, applies to the gemeente ('alle' or
  listed), and the corporatie is its trekker or a partij, or has a project linked to
  it in the selection's gemeente;
- with an overeenkomst: an afspraak is selected when it belongs to one of the
  overeenkomsten covered (an id covers its parts, ``onderdeel_van``). An afspraak that
  names no overeenkomst belongs to the one implicit overeenkomst of a version 1 data set.
  Only an explicit ``--overeenkomst ID`` also narrows the projects (to those linked to
  such an afspraak) and leaves out what belongs to no overeenkomst (metingen, regio,
  thema's, jaarcyclus in a diff): the default choice picks which afspraken are judged
  (DESIGN.md), while work under way stays in view (vertraagd, zonder voortgang, its
  changes) whatever agreement it was linked to.

Which overeenkomsten a command covers is decided here too, once, for status, report
(its body and its "Wijzigingen sinds" section), export, diff and ``prestatie nieuw``:
``choose_overeenkomsten`` over ``OvereenkomstFeiten`` (read from the models of a valid
data set, ``overeenkomst_feiten``, or from a diff's plain data). Without ``--overeenkomst``
the default is a named choice: ``STANDAARD`` (DESIGN.md, "Which afspraken": those running
at the peildatum, all levels, else the last that ended) for status, report and export;
``STANDAARD_DIFF`` (every overeenkomst) for diff, which has no peildatum.

A new filter is a field of ``Selection``, a line in ``as_filter``, a condition in
``afspraak`` and/or ``project`` and a resolver below; nothing outside this module
decides what a filter keeps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, Protocol

from prestatie.errors import InternalError, UsageError
from prestatie.suggest import did_you_mean, id_for

if TYPE_CHECKING:
    from prestatie.dataset import DataSet


class Party(Protocol):
    """What the corporatie filter reads of an afspraak or project."""

    @property
    def trekker(self) -> str | None: ...
    @property
    def partijen(self) -> Sequence[str]: ...


class ProjectFacts(Party, Protocol):
    """What the filters read of a project (a models.Project, or what a diff could read of one)."""

    @property
    def gemeente(self) -> str | None: ...
    @property
    def afspraken(self) -> Sequence[str]: ...


class AfspraakFacts(Party, Protocol):
    """What the filters read of an afspraak (a models.Afspraak, or what a diff could read of one)."""

    @property
    def id(self) -> str | None: ...
    @property
    def thema(self) -> str | None: ...
    @property
    def overeenkomst(self) -> str | None: ...
    @property
    def gemeenten(self) -> Sequence[str] | Literal["alle"]: ...


ALLE = "alle"  # --overeenkomst alle: every overeenkomst


@dataclass(frozen=True, slots=True)
class Selection:
    """The ids a command restricts itself to; None means no restriction."""

    gemeente: str | None = None
    corporatie: str | None = None
    thema: str | None = None
    # The parties that merged into the corporatie (opgegaan_in): their projects count too.
    opgegaan: frozenset[str] = frozenset()
    # The overeenkomst as chosen (an id or 'alle'), and the ids it covers (with its parts);
    # None: every overeenkomst.
    overeenkomst: str | None = None
    overeenkomsten: frozenset[str] | None = None

    @property
    def chosen_overeenkomsten(self) -> frozenset[str] | None:
        """The overeenkomsten an explicit ``--overeenkomst ID`` covers; None with the default
        choice or 'alle' (which do not narrow the projects)."""
        return self.overeenkomsten if self.overeenkomst is not None else None

    @property
    def active(self) -> bool:
        """Whether anything beyond the default choice of overeenkomsten narrows the selection."""
        chosen = (self.gemeente, self.corporatie, self.thema, self.chosen_overeenkomsten)
        return any(value is not None for value in chosen)

    def as_filter(self) -> dict[str, str | None]:
        return {
            "gemeente": self.gemeente,
            "corporatie": self.corporatie,
            "thema": self.thema,
            "overeenkomst": self.overeenkomst,
        }

    def in_overeenkomst(self, overeenkomst: str | None) -> bool:
        """Whether an afspraak of ``overeenkomst`` (None: the implicit one) is in the selection."""
        return self.overeenkomsten is None or overeenkomst is None or overeenkomst in self.overeenkomsten

    def takes_part(self, item: Party) -> bool:
        """Whether the corporatie (if any) is the trekker or one of the partijen of ``item``."""
        corporatie = self.corporatie
        if corporatie is None:
            return True
        ids = self.opgegaan | {corporatie}
        return item.trekker in ids or not ids.isdisjoint(item.partijen)

    def counts(self, project: ProjectFacts) -> bool:
        """Whether a project counts for the selection: in the gemeente, with the corporatie.

        (The thema selects afspraken; a project's thema is that of its afspraken.)
        """
        if self.gemeente is not None and project.gemeente != self.gemeente:
            return False
        return self.takes_part(project)

    def project(
        self,
        project: ProjectFacts,
        afspraak_themas: Mapping[str, str],
        afspraak_overeenkomsten: Mapping[str, str | None] | None = None,
    ) -> bool:
        """Whether a project is shown; ``afspraak_themas`` maps afspraak ids to thema ids,
        ``afspraak_overeenkomsten`` (needed with an overeenkomst) to overeenkomst ids."""
        if not self.counts(project):
            return False
        if self.chosen_overeenkomsten is not None:
            known = afspraak_overeenkomsten or {}
            if not any(a in known and self.in_overeenkomst(known[a]) for a in project.afspraken):
                return False
        return self.thema is None or any(afspraak_themas.get(a) == self.thema for a in project.afspraken)

    def linked(self, projects: Iterable[ProjectFacts]) -> set[str]:
        """The ids of the afspraken that a project counting for the selection links to.

        Only --corporatie needs them (see ``afspraak``); without it, none are collected.
        """
        if self.corporatie is None:
            return set()
        return {a for p in projects if self.counts(p) for a in p.afspraken}

    def concerns(self, gemeente: str | None) -> bool:
        """Whether a fact about one gemeente (a per_gemeente target) belongs to the selection.

        Under --gemeente Kerkrade an afspraak for all gemeenten is shown, but not what it
        says about Heerlen; a fact about no gemeente in particular always belongs.
        """
        return gemeente is None or self.gemeente is None or gemeente == self.gemeente

    def afspraak(self, afspraak: AfspraakFacts, linked: Collection[str]) -> bool:
        """Whether an afspraak is shown; ``linked`` is ``self.linked`` of all projects."""
        if self.thema is not None and afspraak.thema != self.thema:
            return False
        if not self.in_overeenkomst(afspraak.overeenkomst):
            return False
        gemeenten = afspraak.gemeenten
        if self.gemeente is not None and gemeenten != "alle" and self.gemeente not in gemeenten:
            return False
        return self.takes_part(afspraak) or afspraak.id in linked


def _label(ident: str, name: str) -> str:
    return name if name.casefold() == ident.casefold() else f"{name} ({ident})"


def resolve(text: str, names: Mapping[str, str], *, unknown: str, option: str) -> str:
    """The id in ``names`` (id -> name) that ``text`` means, by id or name.

    ``unknown`` starts the Dutch message ("Onbekende gemeente", "Onbekend thema").
    """
    ident = id_for(text, names)
    if ident is not None:
        return ident
    valid = ", ".join(sorted((_label(i, n) for i, n in names.items()), key=str.casefold)) or "(geen)"
    by_key = {**names, **{name: name for name in names.values()}}
    close = did_you_mean(text.strip(), by_key)
    hint = f" Bedoelde u '{by_key[close]}'?" if close is not None else ""
    raise UsageError(f"{unknown} '{text}' bij {option}.{hint} Kies uit: {valid}.")


# Which overeenkomsten ----------------------------------------------------------------

Standaard = Literal["lopend", "alle"]
LOPEND: Standaard = "lopend"
#: Without --overeenkomst, status, report (body and "Wijzigingen sinds") and export cover
#: the overeenkomsten whose period holds the peildatum (all levels); when none does, the
#: one that ended last before it with its parts; before every period, those that start first.
STANDAARD: Standaard = LOPEND
#: Without --overeenkomst, diff covers every overeenkomst: it shows what changed in the
#: data between two revisions, has no peildatum, and closing the afspraken of an
#: overeenkomst that ended (what PA warns about) is a change a reviewer must see.
STANDAARD_DIFF: Standaard = "alle"


@dataclass(frozen=True, slots=True)
class OvereenkomstFeiten:
    """What the choice reads of an overeenkomst (from its model, or from a diff's plain data;
    a period that could not be read is None there and never runs)."""

    id: str
    titel: str
    onderdeel_van: str | None
    van: dt.date | None
    tot: dt.date | None
    gemeenten: frozenset[str] | None = None  # its scope; None: every gemeente

    def concerns(self, gemeente: str | None) -> bool:
        """Whether its scope holds the gemeente (None: no gemeente chosen)."""
        return gemeente is None or self.gemeenten is None or gemeente in self.gemeenten


def with_parts(parents: Mapping[str, str | None], ident: str) -> frozenset[str]:
    """An overeenkomst and every one that is (through others) ``onderdeel_van`` it;
    ``parents`` maps each overeenkomst id to its ``onderdeel_van``."""
    chosen = {ident}
    grew = True
    while grew:
        grew = False
        for child, parent in parents.items():
            if parent in chosen and child not in chosen:
                chosen.add(child)
                grew = True
    return frozenset(chosen)


def lopende(known: Sequence[OvereenkomstFeiten], peildatum: dt.date) -> frozenset[str]:
    """``STANDAARD``: the ids of those whose period holds the peildatum (all levels); when
    none does, the one that ended last before it, with its parts (``onderdeel_van``); before
    every period, the ones that start first."""
    dated = [(o, o.van, o.tot) for o in known if o.van is not None and o.tot is not None]
    running = frozenset(o.id for o, van, tot in dated if van <= peildatum <= tot)
    if running or not dated:
        return running
    ended = [(tot, o.onderdeel_van is None, o.id) for o, _, tot in dated if tot < peildatum]
    if ended:
        parents = {o.id: o.onderdeel_van for o in known}
        return with_parts(parents, max(ended)[2])
    first = min(van for _, van, _ in dated)
    return frozenset(o.id for o, van, _ in dated if van == first)


def choose_overeenkomsten(
    wanted: str | None,
    known: Sequence[OvereenkomstFeiten],
    *,
    standaard: Standaard,
    peildatum: dt.date | None = None,
    gemeente: str | None = None,
) -> tuple[str | None, frozenset[str] | None]:
    """What ``--overeenkomst`` means: the overeenkomst as chosen (an id, 'alle', or None for
    the default ``standaard``) and the ids it covers (None: every overeenkomst, and with
    them the afspraken that name none). An id covers its parts (``onderdeel_van``); it is
    found by id or titel, an unknown one raises UsageError. ``LOPEND`` needs the peildatum.
    With a ``gemeente``, an overeenkomst whose scope leaves it out is not covered (unless
    it is the one chosen by id): Heerlen's report does not cover Kerkrade's jaarschijf.
    """
    scoped = [o for o in known if o.concerns(gemeente)]
    chosen: str | None
    covered: frozenset[str] | None
    if wanted is None:
        if standaard == ALLE or len(known) <= 1:
            chosen, covered = None, None  # a version 1 data set: its one overeenkomst is all there is
        elif peildatum is None:
            raise InternalError("De standaardkeuze van de overeenkomsten heeft een peildatum nodig.")
        else:
            return None, lopende(scoped, peildatum)
    elif wanted.strip().casefold() == ALLE:
        chosen, covered = ALLE, None
    else:
        names = {o.id: o.titel for o in known}
        chosen = resolve(wanted, names, unknown="Onbekende overeenkomst", option="--overeenkomst")
        parts = with_parts({o.id: o.onderdeel_van for o in known}, chosen)
        return chosen, frozenset(o.id for o in known if o.id in parts and (o.id == chosen or o in scoped))
    if len(scoped) < len(known):
        covered = frozenset(o.id for o in scoped)
    return chosen, covered


def overeenkomst_feiten(dataset: DataSet) -> list[OvereenkomstFeiten]:
    """The overeenkomsten of a valid data set (version 1: its one implicit overeenkomst)."""
    return [
        OvereenkomstFeiten(
            o.id,
            o.titel,
            o.onderdeel_van,
            o.periode.van,
            o.periode.tot,
            None if o.gemeenten == "alle" else frozenset(o.gemeenten),
        )
        for o in dataset.overeenkomsten_by_id.values()
    ]


def afspraak_overeenkomsten(dataset: DataSet) -> dict[str, str | None]:
    """Afspraak id -> the id of its overeenkomst (what ``Selection.project`` reads)."""
    result: dict[str, str | None] = {}
    for loaded in dataset.afspraken:
        found = dataset.overeenkomst_of(loaded.model)
        result[loaded.model.id] = found.id if found is not None else None
    return result


def with_overeenkomsten(
    selection: Selection,
    wanted: str | None,
    known: Sequence[OvereenkomstFeiten],
    *,
    standaard: Standaard,
    peildatum: dt.date | None = None,
) -> Selection:
    """``selection`` restricted to the overeenkomsten that ``wanted`` (or the default) covers."""
    chosen, covered = choose_overeenkomsten(
        wanted, known, standaard=standaard, peildatum=peildatum, gemeente=selection.gemeente
    )
    return replace(selection, overeenkomst=chosen, overeenkomsten=covered)


def resolve_gemeente(dataset: DataSet, text: str) -> str:
    names = {ident: g.naam for ident, g in dataset.gemeenten.items()}
    return resolve(text, names, unknown="Onbekende gemeente", option="--gemeente")


def resolve_corporatie(dataset: DataSet, text: str) -> str:
    names = {ident: c.naam for ident, c in dataset.corporaties.items()}
    return resolve(text, names, unknown="Onbekende corporatie", option="--corporatie")


def former_name(dataset: DataSet, text: str) -> tuple[str, str] | None:
    """When ``text`` is an earlier name (``voorheen``) of a corporatie and no current
    name or id: that corporatie's id and a note for people saying whom it means now."""
    wanted = text.strip().casefold()
    current = {c.naam.casefold() for c in dataset.corporaties.values()} | set(dataset.corporaties)
    if wanted in current:
        return None
    for ident, corporatie in dataset.corporaties.items():
        for earlier in corporatie.voorheen:
            if earlier.naam.casefold() == wanted:
                naam = corporatie.naam
                return ident, f"'{text.strip()}' is de vroegere naam van {naam}; getoond wordt {naam}."
    return None


def resolve_thema(dataset: DataSet, text: str) -> str:
    names = {ident: t.naam for ident, t in dataset.themas_by_id.items()}
    return resolve(text, names, unknown="Onbekend thema", option="--thema")


def select(
    gemeenten: Mapping[str, str],
    corporaties: Mapping[str, str],
    themas: Mapping[str, str],
    *,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
) -> Selection:
    """The selection the user's words mean, given the names (id -> naam) of each kind.

    Raises UsageError for an unknown word.
    """

    def pick(words: str | None, names: Mapping[str, str], unknown: str, option: str) -> str | None:
        return None if words is None else resolve(words, names, unknown=unknown, option=option)

    return Selection(
        gemeente=pick(gemeente, gemeenten, "Onbekende gemeente", "--gemeente"),
        corporatie=pick(corporatie, corporaties, "Onbekende corporatie", "--corporatie"),
        thema=pick(thema, themas, "Onbekend thema", "--thema"),
    )


def resolve_selection(
    dataset: DataSet,
    *,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
    overeenkomst: str | None = None,
    peildatum: dt.date | None = None,
) -> Selection:
    """Turn the user's words into ids; raises UsageError for an unknown one.

    With a ``peildatum`` the selection covers the overeenkomsten of ``overeenkomst`` (an id
    or 'alle'), by default ``STANDAARD``; without one, ``overeenkomst`` alone restricts.
    """
    selection = select(
        {ident: g.naam for ident, g in dataset.gemeenten.items()},
        {ident: c.naam for ident, c in dataset.corporaties.items()},
        {ident: t.naam for ident, t in dataset.themas_by_id.items()},
        gemeente=gemeente,
        corporatie=corporatie,
        thema=thema,
    )
    if overeenkomst is None and peildatum is None:
        return selection
    return with_overeenkomsten(
        selection, overeenkomst, overeenkomst_feiten(dataset), standaard=STANDAARD, peildatum=peildatum
    )


def selection_at(
    dataset: DataSet,
    *,
    peildatum: dt.date,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
    overeenkomst: str | None = None,
) -> tuple[Selection, tuple[str, ...]]:
    """The selection of status, report and export at the peildatum, and notes for people.

    A corporatie may be named by a former name (the note says whom it means now); the
    parties that merged into it (``opgegaan_in``) count with it. The overeenkomsten are
    ``overeenkomst`` (an id or 'alle') or ``STANDAARD``.
    """
    notes: list[str] = []
    former = former_name(dataset, corporatie) if corporatie is not None else None
    if former is not None:
        corporatie, note = former
        notes.append(note)
    selection = resolve_selection(
        dataset,
        gemeente=gemeente,
        corporatie=corporatie,
        thema=thema,
        overeenkomst=overeenkomst,
        peildatum=peildatum,
    )
    if selection.corporatie is not None:
        merged = frozenset(dataset.opvolgers.get(selection.corporatie, set()))
        selection = replace(selection, opgegaan=merged)
    return selection, tuple(notes)
