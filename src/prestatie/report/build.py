"""``prestatie report`` as a library call: validate, compute status, lay out, write.

One report (any filter) to a string or a file, or with ``alle`` one report per
gemeente plus an index page in a folder. With ``rev`` the data is read from that
git revision instead of the working tree; with ``sinds`` each report gets a section
"Wijzigingen sinds …" from the semantic diff (``prestatie diff SINDS [REV]``).
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from prestatie.atomic import make_folder, replace_file
from prestatie.dataset import DataSet
from prestatie.errors import UsageError
from prestatie.gitsource import GitRepo, Revision, maybe_repo
from prestatie.report.data import build_index, build_report
from prestatie.report.render import SUFFIX, Format, render
from prestatie.status import compute_status
from prestatie.validate import load_valid, load_valid_at

if TYPE_CHECKING:
    from prestatie.cache import Cache

# What a report can be: the two templates, and the HTML page as a PDF (report/pdf.py).
OutputFormat = Literal["markdown", "html", "pdf"]


@dataclass
class ReportOutcome:
    """What was made: the text or, for a PDF, the bytes (when not written to a file),
    and the files written."""

    text: str | None = None
    written: list[Path] = field(default_factory=list)
    data: bytes | None = None


def _rendered(kind: OutputFormat, data: dict[str, Any], templates: Path | None) -> bytes:
    """One report as the bytes of its file."""
    if kind == "pdf":
        from prestatie.report.pdf import html_to_pdf

        return html_to_pdf(render("report", "html", data, templates))
    return render("report", kind, data, templates).encode("utf-8")


def generation_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH (the reproducible-builds convention) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now().astimezone()


def worktree_revision(repo: GitRepo | None) -> dict[str, Any] | None:
    """The colophon's git details for data read from the working tree: the commit, and
    whether data/ has uncommitted changes; None outside git."""
    state = repo.head_state() if repo is not None else None
    if state is None:
        return None
    sha, dirty = state
    return {"revisie": sha, "revisie_kort": sha[:12], "gewijzigd": dirty, "naam": None, "datum": None}


def load_at_revision(
    repo: GitRepo, revision: Revision, *, cache: Cache | None = None
) -> tuple[DataSet, dict[str, Any]]:
    """The valid data set at a git revision and the colophon's details of that revision.

    Validated against today, as ``status --rev`` does: an oplevering that lies before
    today is valid data, whatever the peildatum.
    """
    dataset = load_valid_at(repo, revision, cache=cache)
    commit = revision.commit
    day = repo.commit_day(commit)
    return dataset, {
        "revisie": commit,
        "revisie_kort": commit[:12],
        "gewijzigd": False,
        "naam": revision.name,
        "datum": day,
    }


def make_report(
    root: Path,
    *,
    peildatum: dt.date,
    kind: OutputFormat,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
    overeenkomst: str | None = None,
    output: Path | None = None,
    templates: Path | None = None,
    alle: bool = False,
    rev: str | None = None,
    sinds: str | None = None,
    cache: Cache | None = None,
) -> ReportOutcome:
    """Validate the data under ``root`` (at git revision ``rev`` when given) and make the
    report(s), with a section of the changes since revision ``sinds`` when given; see
    ``prestatie report --help``; ``cache``: see prestatie.cache."""
    with cache.held() if cache is not None else nullcontext():  # the pack written once
        _check_output(output, alle=alle, gemeente=gemeente)
        # One repository for the whole command; each revision resolved once, before the data
        # is read, so that a mistyped revision fails at once.
        repo = GitRepo(root) if rev is not None or sinds is not None else maybe_repo(root)
        old = repo.resolve(sinds) if repo is not None and sinds is not None else None
        new = repo.resolve(rev) if repo is not None and rev is not None else None
        if repo is None or new is None:
            dataset = load_valid(root, cache=cache)
            revision = worktree_revision(repo)
        else:
            dataset, revision = load_at_revision(repo, new, cache=cache)
        generated = generation_time()

        def one(gemeente_id: str | None) -> dict[str, Any]:
            """The template data of one report, with the section of --sinds (None without)."""
            status = compute_status(
                dataset,
                peildatum=peildatum,
                gemeente=gemeente_id,
                corporatie=corporatie,
                thema=thema,
                overeenkomst=overeenkomst,
            )
            data = build_report(dataset, status, generated=generated, revision=revision)
            data["wijzigingen"] = None
            if repo is not None and old is not None:
                from prestatie.diff.engine import diff_between
                from prestatie.report.changes import change_section
                from prestatie.selection import STANDAARD

                projecten = [p.model for p in dataset.projecten]  # the data at the diff's newest side
                # The same overeenkomsten as the report body: the newest side is the data it shows.
                diff = diff_between(
                    repo,
                    old,
                    new,
                    gemeente=gemeente_id,
                    corporatie=status.filter.corporatie,  # a former name resolved to the corporatie now
                    thema=thema,
                    overeenkomst=overeenkomst,
                    standaard=STANDAARD,
                    peildatum=peildatum,
                    projecten=projecten,
                    cache=cache,
                )
                data["wijzigingen"] = change_section(diff)
            return data

        if not alle or output is None:
            if kind == "pdf":
                content = _rendered(kind, one(gemeente), templates)
                if output is None:
                    return ReportOutcome(data=content)
                replace_file(output, content)
                return ReportOutcome(written=[output])
            text = render("report", kind, one(gemeente), templates)
            if output is None:
                return ReportOutcome(text=text)
            replace_file(output, text.encode("utf-8"))
            return ReportOutcome(written=[output])
        own_suffix = "pdf" if kind == "pdf" else SUFFIX[kind]
        if "index" in dataset.gemeenten and own_suffix != "pdf":
            # index.<ext> is the overview: the gemeente's own report would be overwritten by it.
            raise UsageError(
                f"De gemeente met de id 'index' zou met --alle hetzelfde bestand krijgen als het overzicht "
                f"(index.{own_suffix}). Geef de gemeente in data/regio.yaml een andere id, of maak haar "
                "rapport apart met --gemeente index --output BESTAND."
            )
        make_folder(output)
        outcome = ReportOutcome()
        reports = []
        for gemeente_id in dataset.gemeenten:
            data = one(gemeente_id)
            filename = f"{gemeente_id}.{'pdf' if kind == 'pdf' else SUFFIX[kind]}"
            replace_file(output / filename, _rendered(kind, data, templates))
            outcome.written.append(output / filename)
            reports.append((filename, data))
        index = build_index(dataset, reports, peildatum=peildatum, generated=generated, revision=revision)
        # The PDFs get an HTML index that links to them.
        index_kind: Format = "html" if kind == "pdf" else kind
        replace_file(
            output / f"index.{SUFFIX[index_kind]}",
            render("index", index_kind, index, templates).encode("utf-8"),
        )
        outcome.written.append(output / f"index.{SUFFIX[index_kind]}")
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
