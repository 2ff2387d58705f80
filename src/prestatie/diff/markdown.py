"""``prestatie diff --format markdown``: the diff for a pull request comment or a CI job summary.

The same section as the report's "Wijzigingen sinds …" (templates/wijzigingen.md.j2,
from ``report.changes.change_section``): grouped per gemeente, then the afspraken, every value from
the data escaped as literal Markdown (no table column, HTML or link of its own).
"""

from __future__ import annotations

from prestatie.diff.model import DataDiff


def render(diff: DataDiff) -> str:
    from prestatie.report.changes import change_section
    from prestatie.report.render import render as render_template

    return render_template("diff", "markdown", {"wijzigingen": change_section(diff)}).lstrip("\n")
