"""What a change does to the agreements: status at a git revision and now, compared.

``prestatie status --vergelijk BASE`` computes the status twice with the same
peildatum and selection: with the data as it was at BASE and as it is in the working
tree. Every afspraak whose verdict, or the gerealiseerd of one of its doelen, differs
is listed with before and after; so are afspraken that appear or disappear in the
selection. The semantic diff of the same two sides comes along, so that one command
gives a reviewer both what changed and what it does.

Each file is read and checked once: the working tree in full, and from BASE only the
files that git reports as changed since (a file unchanged since BASE is the same data
at both sides). Both sides must be valid, as for ``status``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prestatie.dataset import FileResult
from prestatie.diff.engine import diff_between
from prestatie.diff.model import DataDiff, Kant
from prestatie.gitsource import GitRepo, Revision, TreeEntry, revision_entries
from prestatie.selection import STANDAARD
from prestatie.status.engine import compute_status
from prestatie.status.model import AfspraakStatus, DoelStatus, Figures, Filter
from prestatie.validate import check_valid, invalid_at, load_results, load_revision, require_valid

if TYPE_CHECKING:
    from prestatie.cache import Cache


@dataclass(frozen=True, slots=True)
class DoelVerschil:
    """One doel of an afspraak at both sides (None where the doel is absent)."""

    indicator: str
    naam: str
    eenheid: str
    van: Figures | None
    naar: Figures | None

    @property
    def gewijzigd(self) -> bool:
        van, naar = self.van, self.naar
        if van is None or naar is None:
            return van is not naar
        return van.gerealiseerd != naar.gerealiseerd or van.verdict != naar.verdict

    def to_dict(self) -> dict[str, Any]:
        def side(figures: Figures | None) -> dict[str, Any] | None:
            return figures.to_dict() if figures is not None else None

        return {
            "indicator": self.indicator,
            "naam": self.naam,
            "eenheid": self.eenheid,
            "van": side(self.van),
            "naar": side(self.naar),
        }


@dataclass(frozen=True, slots=True)
class AfspraakVerschil:
    """An afspraak whose verdict or gerealiseerd moved, or that entered or left the selection."""

    id: str
    nummer: str | None
    titel: str
    van: AfspraakStatus | None
    naar: AfspraakStatus | None
    doelen: tuple[DoelVerschil, ...]  # the doelen that changed

    @property
    def verdict_van(self) -> str | None:
        return self.van.verdict if self.van is not None else None

    @property
    def verdict_naar(self) -> str | None:
        return self.naar.verdict if self.naar is not None else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "nummer": self.nummer,
            "titel": self.titel,
            "verdict": {"van": self.verdict_van, "naar": self.verdict_naar},
            "doelen": [doel.to_dict() for doel in self.doelen],
        }


@dataclass(frozen=True, slots=True)
class StatusVergelijking:
    van: Kant
    tot: Kant
    peildatum: dt.date
    filter: Filter
    afspraken: tuple[AfspraakVerschil, ...]
    diff: DataDiff
    regio: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "van": self.van.to_dict(),
            "tot": self.tot.to_dict(),
            "peildatum": self.peildatum.isoformat(),
            "filter": self.filter.to_dict(),
            "afspraken": [afspraak.to_dict() for afspraak in self.afspraken],
            "diff": self.diff.to_dict(),
        }


def _doelen(van: AfspraakStatus | None, naar: AfspraakStatus | None) -> tuple[DoelVerschil, ...]:
    before = {d.indicator: d for d in van.doelen} if van is not None else {}
    after = {d.indicator: d for d in naar.doelen} if naar is not None else {}
    result = []
    for indicator in [*after, *(i for i in before if i not in after)]:
        shown: DoelStatus = after.get(indicator) or before[indicator]
        old, new = before.get(indicator), after.get(indicator)
        verschil = DoelVerschil(
            indicator,
            shown.naam,
            shown.eenheid,
            old.figures if old is not None else None,
            new.figures if new is not None else None,
        )
        if verschil.gewijzigd:
            result.append(verschil)
    return tuple(result)


def compare(
    before: Sequence[AfspraakStatus], after: Sequence[AfspraakStatus]
) -> tuple[AfspraakVerschil, ...]:
    """The afspraken whose verdict or gerealiseerd differs, in the order of ``after``
    (afspraken only in ``before`` at the end)."""
    old = {a.id: a for a in before}
    new = {a.id: a for a in after}
    result = []
    for ident in [*new, *(i for i in old if i not in new)]:
        van, naar = old.get(ident), new.get(ident)
        shown = naar or van
        assert shown is not None
        doelen = _doelen(van, naar)
        moved = van is None or naar is None or van.verdict != naar.verdict
        if moved or doelen:
            result.append(AfspraakVerschil(ident, shown.nummer, shown.titel, van, naar, doelen))
    return tuple(result)


def _results_at(
    repo: GitRepo,
    revision: Revision,
    now: Sequence[FileResult],
    cache: Cache | None,
    listed: Sequence[TreeEntry],
) -> list[FileResult]:
    """The checked files at ``revision`` (``listed``: its files as list_files gives them): those
    unchanged since, taken from ``now``; the rest read (or taken from the cache)."""
    current = {result.path: result for result in now}
    changed = {c.old_path for c in repo.changed_files(revision.commit, None) if c.old_path is not None}
    entries = revision_entries(repo, revision, listed)
    reread = [e for e in entries if e.path in changed or e.path not in current]
    read = {result.path: result for result in load_revision(repo, revision, cache=cache, entries=reread)}
    return [read[e.path] if e.path in read else current[e.path] for e in entries]


def compare_status(
    root: Path,
    base: str,
    *,
    peildatum: dt.date,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
    overeenkomst: str | None = None,
    cache: Cache | None = None,
) -> StatusVergelijking:
    """Status at ``base`` and in the working tree of ``root``, compared (see the module);
    ``overeenkomst`` an id or 'alle', by default (as status) those running at the peildatum.
    ``cache``: files checked or parsed before are taken from it (see prestatie.cache)."""
    with cache.held() if cache is not None else nullcontext():  # the pack written once
        repo = GitRepo(root)
        revision = repo.resolve(base)
        diff = diff_between(
            repo,
            revision,
            None,
            gemeente=gemeente,
            corporatie=corporatie,
            thema=thema,
            overeenkomst=overeenkomst,
            standaard=STANDAARD,  # the same overeenkomsten as the status it comes with
            peildatum=peildatum,
            cache=cache,
        )
        today = dt.date.today()  # validity as for status: against today (see load_valid)
        now = load_results(root, cache=cache)
        new_dataset = require_valid(*check_valid(now, peildatum=today))
        chosen = {
            "gemeente": gemeente, "corporatie": corporatie, "thema": thema, "overeenkomst": overeenkomst
        }  # fmt: skip
        after = compute_status(new_dataset, peildatum=peildatum, **chosen)
        before: Sequence[AfspraakStatus] = ()  # no data/ at the base yet: every afspraak is new
        listed = repo.list_files(revision.commit)
        if listed:
            at_base = _results_at(repo, revision, now, cache, listed)
            old_dataset, old_result = check_valid(at_base, peildatum=today)
            if not old_result.ok:
                raise invalid_at(base, old_result)
            before = compute_status(old_dataset, peildatum=peildatum, **chosen).afspraken
        return StatusVergelijking(
            van=diff.van,
            tot=diff.tot,
            peildatum=peildatum,
            filter=after.filter,
            afspraken=compare(before, after.afspraken),
            diff=diff,
            regio=after.regio,
        )


__all__ = ["StatusVergelijking", "AfspraakVerschil", "DoelVerschil", "compare", "compare_status"]
