"""``prestatie report`` as a library call: validate, compute status, lay out, write.

One report (any filter) to a string or a file, or with ``alle`` one report per
gemeente plus an index page in a folder.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prestatie.dataset import DataSet
from prestatie.errors import UsageError
from prestatie.report.data import build_index, build_report, git_revision
from prestatie.report.output import write_atomic
from prestatie.report.render import SUFFIX, Format, render
from prestatie.status import compute_status
from prestatie.validate import require_valid, validate_directory


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


def render_one(
    dataset: DataSet,
    *,
    peildatum: dt.date,
    kind: Format,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
    templates: Path | None = None,
    revision: dict[str, Any] | None,
    generated: dt.datetime,
) -> str:
    """One report of a valid data set as Markdown or HTML."""
    status = compute_status(
        dataset, peildatum=peildatum, gemeente=gemeente, corporatie=corporatie, thema=thema
    )
    data = build_report(dataset, status, generated=generated, revision=revision)
    return render("report", kind, data, templates)


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
) -> ReportOutcome:
    """Validate the data under ``root`` and make the report(s); see ``prestatie report --help``."""
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
    dataset, result = validate_directory(root, peildatum=peildatum)
    require_valid(dataset, result)
    generated = generation_time()
    revision = git_revision(root)
    if not alle or output is None:
        text = render_one(
            dataset,
            peildatum=peildatum,
            kind=kind,
            gemeente=gemeente,
            corporatie=corporatie,
            thema=thema,
            templates=templates,
            revision=revision,
            generated=generated,
        )
        if output is None:
            return ReportOutcome(text=text)
        write_atomic(output, text)
        return ReportOutcome(written=[output])
    output.mkdir(parents=True, exist_ok=True)
    outcome = ReportOutcome()
    reports = []
    for gemeente_id in dataset.gemeenten:
        status = compute_status(
            dataset, peildatum=peildatum, gemeente=gemeente_id, corporatie=corporatie, thema=thema
        )
        data = build_report(dataset, status, generated=generated, revision=revision)
        filename = f"{gemeente_id}.{SUFFIX[kind]}"
        write_atomic(output / filename, render("report", kind, data, templates))
        outcome.written.append(output / filename)
        reports.append((filename, data))
    index = build_index(dataset, reports, peildatum=peildatum, generated=generated, revision=revision)
    write_atomic(output / f"index.{SUFFIX[kind]}", render("index", kind, index, templates))
    outcome.written.append(output / f"index.{SUFFIX[kind]}")
    return outcome
