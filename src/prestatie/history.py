"""A project's timeline from git: per commit who changed what, following renames.

``git log --follow`` lists the commits that touched the project's file (also under
an earlier name); one ``git cat-file --batch`` process reads every version, and the
diff engine compares each version with the one before it. ``render`` writes the
timeline as the text of ``prestatie geschiedenis``, in the lines of the diff text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prestatie.diff.compare import mapping, text
from prestatie.diff.engine import Version as _Version
from prestatie.diff.engine import build_item, plain_data
from prestatie.diff.model import Wijziging, plain
from prestatie.diff.scope import gemeente_names, indicator_names
from prestatie.diff.text import change_lines
from prestatie.dutch import DATUM_KORT_BREEDTE, datum_kort
from prestatie.errors import UsageError
from prestatie.gitsource import GitRepo
from prestatie.layout import PLACES, SLUG, stem
from prestatie.source import SourceFile
from prestatie.suggest import did_you_mean


@dataclass(slots=True)
class Gebeurtenis:
    """One commit that touched the project's file."""

    commit: str
    datum: dt.date
    auteur: str
    onderwerp: str
    bestand: str
    wijziging: str  # nieuw | gewijzigd | hernoemd | verwijderd | onleesbaar
    vorig_bestand: str | None = None
    wijzigingen: list[Wijziging] = field(default_factory=list)

    @property
    def kort(self) -> str:
        return self.commit[:7]

    def to_dict(self) -> dict[str, Any]:
        return {
            "commit": self.commit,
            "kort": self.kort,
            "datum": plain(self.datum),
            "auteur": self.auteur,
            "onderwerp": self.onderwerp,
            "bestand": self.bestand,
            "vorig_bestand": self.vorig_bestand,
            "wijziging": self.wijziging,
            "wijzigingen": [w.to_dict() for w in self.wijzigingen],
        }


@dataclass(slots=True)
class Geschiedenis:
    """The timeline of one project, oldest first."""

    project: str
    naam: str | None
    gemeente: str | None
    bestand: str
    gebeurtenissen: list[Gebeurtenis] = field(default_factory=list)
    gemeenten: dict[str, str] = field(default_factory=dict)
    indicatoren: dict[str, tuple[str, str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "naam": self.naam,
            "gemeente": self.gemeente,
            "bestand": self.bestand,
            "gebeurtenissen": [g.to_dict() for g in self.gebeurtenissen],
        }


def _current_path(repo: GitRepo, project_id: str) -> tuple[str, str | None]:
    """The project's file and the commit to start from (None: HEAD)."""
    place = PLACES["project"]
    for candidate in sorted(repo.root.glob(place.glob(id=project_id))):
        return candidate.relative_to(repo.root).as_posix(), None
    found = repo.last_change(place.glob(id=project_id))
    if found is not None:
        commit, path = found
        return path, commit
    known = sorted(p.stem for p in repo.root.glob(place.glob()))
    close = did_you_mean(project_id, known)
    hint = f" Bedoelde u '{close}'?" if close else ""
    raise UsageError(
        f"Het project '{project_id}' bestaat niet, nu niet en niet in de git-geschiedenis.{hint} "
        "Geef de id van een project (de bestandsnaam zonder .yaml)."
    )


def project_history(root: Path, project_id: str) -> Geschiedenis:
    """Every commit that changed project ``project_id``, oldest first."""
    if not SLUG.fullmatch(project_id):
        raise UsageError(
            f"'{project_id}' is geen geldige project-id: gebruik kleine letters, cijfers en koppeltekens, "
            "zoals de bestandsnaam zonder .yaml."
        )
    repo = GitRepo(root)
    repo.require_full_history()
    path, start = _current_path(repo, project_id)
    records = repo.follow(path, start or "HEAD")
    names = [repo.object_name(r.commit, r.path) if r.status != "D" and r.path else "" for r in records]
    context = [PLACES["regio"].path(), PLACES["themas"].path()]
    with repo.blobs() as reader:
        wanted = [n for n in names if n]
        contents = iter(reader.read(wanted + [repo.object_name("HEAD", path) for path in context]))
        versions = {n: next(contents) for n in wanted}
        regio_raw, themas_raw = next(contents), next(contents)
    regio = plain_data(SourceFile(context[0], regio_raw) if regio_raw else None, "regio")
    themas = plain_data(SourceFile(context[1], themas_raw) if themas_raw else None, "themas")
    history = Geschiedenis(
        project=project_id,
        naam=None,
        gemeente=None,
        bestand=path,
        gemeenten=gemeente_names(mapping(regio) or None),
        indicatoren=indicator_names(themas),
    )
    previous: _Version | None = None
    for record, name in zip(reversed(records), reversed(names), strict=True):
        event = Gebeurtenis(
            commit=record.commit,
            datum=_date(record.moment),
            auteur=record.auteur,
            onderwerp=record.onderwerp,
            bestand=record.path or "",
            wijziging="gewijzigd",
            vorig_bestand=record.old_path,
        )
        history.gebeurtenissen.append(event)
        if record.status == "D":
            event.wijziging = "verwijderd"
            previous = None
            continue
        raw = versions.get(name)
        data = plain_data(SourceFile(record.path or "", raw) if raw else None, "project")
        if data is None:
            event.wijziging = "onleesbaar"
            continue
        current = _Version(record.path or "", data)
        if previous is None:
            event.wijziging = "nieuw"
        else:
            item = build_item("project", previous, current)
            event.wijzigingen = item.wijzigingen if item is not None else []
            if record.status == "R":
                event.wijziging = "hernoemd"
        previous = current
        history.naam = text(mapping(data), "naam") or history.naam
        history.gemeente = text(mapping(data), "gemeente") or history.gemeente
    if history.naam is None:
        history.naam = stem(path)
    return history


def _date(moment: str) -> dt.date:
    try:
        return dt.datetime.fromisoformat(moment).date()
    except ValueError:
        return dt.date.min


def render(history: Geschiedenis) -> str:
    """The timeline as Dutch text: per commit the date, short commit, author and what
    changed, in the lines of ``prestatie diff`` (diff/text.py)."""
    plaats = history.gemeenten.get(history.gemeente or "", history.gemeente or "")
    title = f"Geschiedenis van {history.naam} ({history.project}" + (f", {plaats})" if plaats else ")")
    lines = [title, ""]
    if not history.gebeurtenissen:
        lines.append(
            "Dit project staat nog niet in de git-geschiedenis: er is nog geen commit met dit bestand."
        )
        return "\n".join(lines) + "\n"
    for event in history.gebeurtenissen:
        day = datum_kort(event.datum)
        lines.append(f"{day:<{DATUM_KORT_BREEDTE}}  {event.kort}  {event.auteur}: {event.onderwerp}")
        if event.wijziging == "nieuw":
            lines.append(f"      project aangemaakt in {event.bestand}")
        elif event.wijziging == "verwijderd":
            lines.append(f"      bestand verwijderd: {event.bestand}")
        elif event.wijziging == "onleesbaar":
            lines.append("      deze versie van het bestand is geen geldige YAML; niet vergeleken")
        if event.vorig_bestand and event.vorig_bestand != event.bestand:
            lines.append(f"      verplaatst: {event.vorig_bestand} → {event.bestand}")
        changes = change_lines(event.wijzigingen, history.indicatoren, history.gemeenten)
        lines += ["      " + line for line in changes]
        if event.wijziging in ("gewijzigd", "hernoemd") and not changes and not event.vorig_bestand:
            lines.append("      geen inhoudelijke wijziging (opmaak of commentaar)")
    return "\n".join(lines) + "\n"
