"""The state of a project at a peildatum: shared by validate (PA301, PA302) and status.

The data records a project's *current* status; the only history it holds is the
``opgeleverd`` date and the voortgang log. So, at a peildatum:

- a project counts as opgeleverd only when its ``opgeleverd`` date is on or before
  the peildatum; an opgeleverd project delivered after the peildatum was still in
  uitvoering then (``status_at``);
- every other project has its current status.

Its bijdragen count towards one key figure by that status (``figure_at``): gerealiseerd
(opgeleverd), in uitvoering, in voorbereiding; an idee, gepauzeerd or vervallen
project counts in none. The status engine and the report's kerncijfers both use it.

Vertraagd (PA301): the planned oplevering lies before the peildatum, the project was
not opgeleverd on the peildatum, and it is not vervallen. A gepauzeerd project can be
vertraagd; a project without planning cannot.

Stale, "geen voortgang in de laatste zes maanden" (PA302): a project that is being
worked on at the peildatum (voorbereiding, uitvoering or gepauzeerd; an idee has
nothing to report yet, opgeleverd and vervallen are finished) whose newest voortgang
entry on or before the peildatum lies strictly before the same day six calendar
months earlier (29, 30, 31 clamp to the month's last day), or that has no entry at
all by then. Entries dated after the peildatum did not exist yet at that date.

validate (rules/) and status must use these predicates, so that a project is
vertraagd or stale in both or in neither.

One root cause, one finding: a project with status opgeleverd but no ``opgeleverd``
date, or one after the peildatum, is an error in validate (PA207, PA208). Its status
says it is finished, so validate does not also warn that it is vertraagd or has no
recent voortgang (``delivery_in_error``): those warnings would tell the user to set a
status the file already has.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools

from prestatie.models import Project

STALE_MONTHS = 6
# A project in one of these statuses is being worked on and should log its progress.
ACTIVE_STATUSES = frozenset({"voorbereiding", "uitvoering", "gepauzeerd"})
# The key figures a project's bijdragen count towards, and by which status at the peildatum.
GEREALISEERD = "gerealiseerd"
IN_UITVOERING = "in_uitvoering"
IN_VOORBEREIDING = "in_voorbereiding"
FIGURES = (GEREALISEERD, IN_UITVOERING, IN_VOORBEREIDING)
_FIGURE_OF_STATUS = {
    "opgeleverd": GEREALISEERD,
    "uitvoering": IN_UITVOERING,
    "voorbereiding": IN_VOORBEREIDING,
}


def is_opgeleverd(project: Project, peildatum: dt.date) -> bool:
    """Delivered on or before the peildatum."""
    return (
        project.status == "opgeleverd" and project.opgeleverd is not None and project.opgeleverd <= peildatum
    )


def delivery_in_error(project: Project, peildatum: dt.date) -> bool:
    """Status opgeleverd without a date, or with one after the peildatum (PA207, PA208)."""
    return project.status == "opgeleverd" and (project.opgeleverd is None or project.opgeleverd > peildatum)


def status_at(project: Project, peildatum: dt.date) -> str:
    """The project's status as it was at the peildatum (see the module docstring)."""
    if project.status == "opgeleverd" and not is_opgeleverd(project, peildatum):
        return "uitvoering"
    return project.status


def figure_at(project: Project, peildatum: dt.date) -> str | None:
    """The key figure the project's bijdragen count towards at the peildatum (one of
    FIGURES); None for an idee, gepauzeerd or vervallen project."""
    return _FIGURE_OF_STATUS.get(status_at(project, peildatum))


def is_vertraagd(project: Project, peildatum: dt.date) -> bool:
    """Planned oplevering before the peildatum, not opgeleverd by then, not vervallen."""
    if project.status == "vervallen" or project.planning is None:
        return False
    return project.planning.oplevering < peildatum and not is_opgeleverd(project, peildatum)


@functools.lru_cache(maxsize=64)  # asked per project with the same peildatum
def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier, clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def last_voortgang(project: Project, peildatum: dt.date) -> dt.date | None:
    """The latest voortgang date on or before the peildatum (the log need not be sorted)."""
    dates = [entry.datum for entry in project.voortgang if entry.datum <= peildatum]
    return max(dates) if dates else None


def is_stale(project: Project, peildatum: dt.date) -> bool:
    """Being worked on at the peildatum, with no voortgang for more than six months."""
    if status_at(project, peildatum) not in ACTIVE_STATUSES:
        return False
    last = last_voortgang(project, peildatum)
    return last is None or last < months_before(peildatum, STALE_MONTHS)
