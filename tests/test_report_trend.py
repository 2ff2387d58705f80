"""The trend charts: every chart's table holds the numbers of ``status --format json``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from conftest import DATA, CliResult
from prestatie.dutch import kort
from prestatie.report.data import build_report
from prestatie.report.trend import TrendGrafiek
from prestatie.status import compute_status
from prestatie.status.series import reeksen
from prestatie.validate import load_valid

Cli = Callable[..., CliResult]
SELECTIONS = [
    (),
    ("--gemeente", "kerkrade"),
    ("--gemeente", "heerlen"),
    ("--gemeente", "landgraaf"),
    ("--corporatie", "heemwonen"),
    ("--corporatie", "weller"),  # a thema holds afspraken of one overeenkomst only (2019-2024 or 2024-2028)
]


@pytest.mark.parametrize("peildatum", ["2022-06-30", "2026-12-01"])
@pytest.mark.parametrize("selection", SELECTIONS)
def test_every_chart_table_holds_the_status_figures(cli: Cli, selection: tuple[str, ...], peildatum: str) -> None:
    result = cli("status", "--data", DATA.parent, *selection, "--per", peildatum, "--format", "json")
    assert result.exit_code == 0, result.stderr
    status_json = json.loads(result.stdout)
    figures = {
        (a["id"], d["indicator"]): d for a in status_json["afspraken"] for d in a["doelen"]
    }
    dataset = load_valid(DATA.parent)
    options = dict(zip(selection[::2], selection[1::2], strict=True))
    status = compute_status(
        dataset,
        peildatum=dt.date.fromisoformat(peildatum),
        gemeente=options.get("--gemeente"),
        corporatie=options.get("--corporatie"),
        thema=options.get("--thema"),
    )
    data = build_report(dataset, status, generated=dt.datetime(2026, 12, 1, tzinfo=dt.UTC), revision=None)
    charts: list[TrendGrafiek] = data["trends"]
    assert charts, "the shipped data has doelen with a target in every selection"
    series = reeksen(
        dataset,
        [a.id for a in status.afspraken],
        peildatum=status.peildatum,
        gemeente=status.filter.gemeente,
        corporatie=status.filter.corporatie,
        thema=status.filter.thema,
    )
    assert len(charts) == len(series)
    for (afspraak, indicator), reeks in series.items():
        doel = figures[(afspraak, indicator)]
        last = reeks.punten[-1]
        # The series ends at the engine's figure, number for number...
        assert (last.gerealiseerd, last.verwacht, reeks.streefwaarde) == (
            doel["gerealiseerd"],
            doel["verwacht"],
            doel["streefwaarde"],
        ), (afspraak, indicator)
        # ...and the chart's table shows it as the status table does.
        chart = next(c for c in charts if c.id == f"trend-{afspraak}-{indicator}")
        row = chart.rijen[-1]
        assert (row.gerealiseerd, row.verwacht) == (
            kort(doel["gerealiseerd"], doel["eenheid"]),
            kort(doel["verwacht"], doel["eenheid"]),
        )
        # Cumulative: never less than the year before.
        done = [p.gerealiseerd for p in reeks.punten]
        assert done == sorted(done)


def test_the_html_chart_is_an_accessible_inline_svg(cli: Cli) -> None:
    html = cli("report", "--data", DATA.parent, "--gemeente", "kerkrade", "--per", "2026-12-01", "--format", "html")
    assert html.exit_code == 0, html.stderr
    out = html.stdout
    section = out.split('<section class="trends" aria-labelledby="trends">')[1].split("</section>")[0]
    charts = section.count("<svg ")
    assert charts > 0
    assert section.count('role="img"') == charts
    assert section.count("<title id=") == charts and section.count("<desc id=") == charts
    assert section.count("<caption>Per jaar: gerealiseerd vs ") == charts
    assert "<script" not in out
