"""``prestatie report`` as a library call: validate, compute status, lay out, write.

One report (any filter) to a string or a file, or with ``alle`` one report per
gemeente plus an index page in a folder. With ``rev`` the data is read from that
git revision instead of the working tree; with ``sinds`` each report gets a section
"Wijzigingen sinds …" from the semantic diff (``prestatie diff SINDS [REV]``).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prestatie.atomic import make_folder, replace_file
from prestatie.dataset import DataSet
from prestatie.errors import UsageError
from prestatie.gitsource import GitRepo
from prestatie.report.data import build_index, build_report
from prestatie.report.render import SUFFIX, Format, render
from prestatie.status import compute_status
from prestatie.validate import load_valid


@dataclass
class ReportOutcome:
    """What was made: the text (when not written to a file) and the files written."""

    text: str | None = None
    written: list[Path] = field(default_factory=list)


def generation_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH (the reproducible-builds convention) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now().astimezone()


def worktree_revision(root: Path) -> dict[str, Any] | None:
    """The colophon's git details for data read from the working tree: the commit, and
    whether data/ has uncommitted changes; None outside git."""
    try:
        repo = GitRepo(root)
        if not repo.git("ls-files", "--", "data/regio.yaml").strip():
            return None
        sha = repo.git("rev-parse", "HEAD").decode("ascii").strip()
        changes = repo.git("status", "--porcelain", "--untracked-files=all", "--", "data")
    except UsageError:  # not a git repository, no commit yet, or no git at all
        return None
    dirty = bool(changes.strip())
    return {"revisie": sha, "revisie_kort": sha[:12], "gewijzigd": dirty, "naam": None, "datum": None}


def load_at_revision(root: Path, rev: str) -> tuple[DataSet, dict[str, Any]]:
    """The valid data set at git revision ``rev`` and the colophon's details of that revision.

    Validated against today, as ``status --rev`` does: an oplevering that lies before
    today is valid data, whatever the peildatum.
    """
    repo = GitRepo(root)
    commit = repo.resolve(rev).commit  # first, so that a bad revision is a usage error at once
    # require_valid_at resolves ``rev`` again, so that its messages name the revision as
    # the user wrote it; both resolve to the same commit unless a ref moves in between.
    dataset = load_valid(root, rev=rev)
    day = repo.git("log", "-1", "--format=%cs", commit, "--").decode("ascii").strip() or None
    revision = {"revisie": commit, "revisie_kort": commit[:12], "gewijzigd": False, "naam": rev, "datum": day}
    return dataset, revision


def make_report(
    root: Path,
    *,
    peildatum: dt.date,
    kind: Format,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
    output: Path | None = None,
    templates: Path | None = None,
    alle: bool = False,
    rev: str | None = None,
    sinds: str | None = None,
) -> ReportOutcome:
    """Validate the data under ``root`` (at git revision ``rev`` when given) and make the
    report(s), with a section of the changes since revision ``sinds`` when given; see
    ``prestatie report --help``."""
    _check_output(output, alle=alle, gemeente=gemeente)
    if sinds is not None:
        GitRepo(root).resolve(sinds)  # a mistyped revision fails now, before the data is read
    if rev is None:
        dataset = load_valid(root)
        revision = worktree_revision(root)
    else:
        dataset, revision = load_at_revision(root, rev)
    generated = generation_time()

    def one(gemeente_id: str | None) -> dict[str, Any]:
        """The template data of one report, with the section of --sinds (None without)."""
        status = compute_status(
            dataset, peildatum=peildatum, gemeente=gemeente_id, corporatie=corporatie, thema=thema
        )
        data = build_report(dataset, status, generated=generated, revision=revision)
        data["wijzigingen"] = None
        if sinds is not None:
            from prestatie.diff.engine import diff_revisions
            from prestatie.diff.text import report_section

            diff = diff_revisions(root, sinds, rev, gemeente=gemeente_id, corporatie=corporatie, thema=thema)
            data["wijzigingen"] = report_section(diff)
        return data

    if not alle or output is None:
        text = render("report", kind, one(gemeente), templates)
        if output is None:
            return ReportOutcome(text=text)
        replace_file(output, text.encode("utf-8"))
        return ReportOutcome(written=[output])
    make_folder(output)
    outcome = ReportOutcome()
    reports = []
    for gemeente_id in dataset.gemeenten:
        data = one(gemeente_id)
        filename = f"{gemeente_id}.{SUFFIX[kind]}"
        replace_file(output / filename, render("report", kind, data, templates).encode("utf-8"))
        outcome.written.append(output / filename)
        reports.append((filename, data))
    index = build_index(dataset, reports, peildatum=peildatum, generated=generated, revision=revision)
    replace_file(output / f"index.{SUFFIX[kind]}", render("index", kind, index, templates).encode("utf-8"))
    outcome.written.append(output / f"index.{SUFFIX[kind]}")
    return outcome


def _check_output(output: Path | None, *, alle: bool, gemeente: str | None) -> None:
    """Usage errors of --output and --alle, before any work is done."""
    if alle:
        if output is None:
            raise UsageError("--alle schrijft één rapport per gemeente: geef met --output een map op.")
        if gemeente is not None:
            raise UsageError("Gebruik --alle of --gemeente, niet allebei.")
        if output.exists() and not output.is_dir():
            raise UsageError(f"'{output}' is een bestand; --alle heeft een map nodig bij --output.")
    elif output is not None:
        if output.is_dir():
            raise UsageError(
                f"'{output}' is een map. Geef een bestandsnaam op, zoals {output / 'rapport.md'}, "
                "of gebruik --alle voor één rapport per gemeente."
            )
        if not output.parent.is_dir():
            raise UsageError(f"De map '{output.parent}' bestaat niet; maak die eerst aan.")
