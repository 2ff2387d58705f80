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
from prestatie.status.series import SOM, reeksen
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
            kort(doel["gerealiseerd"], doel["eenheid"]) if doel["gerealiseerd"] is not None else "geen meting",
            kort(doel["verwacht"], doel["eenheid"]),
        )
        # A plain sum is cumulative: never less than the year before.
        if reeks.soort == SOM and not reeks.samengesteld:
            done = [p.gerealiseerd for p in reeks.punten]
            assert done == sorted(done)
        # Each row of a composite shows its components, plus minus min.
        for punt, row in zip(reeks.punten, chart.rijen, strict=True):
            assert len(row.onderdelen) == len(chart.kolommen_onderdelen) == len(punt.onderdelen)
            if punt.onderdelen and punt.gerealiseerd is not None:
                total = sum(d.teken * (d.gerealiseerd or 0.0) for d in punt.onderdelen)
                assert punt.gerealiseerd == pytest.approx(total)
    # Every kind of doel with a target has its chart (sums, flows, stands, composites).
    with_target = {k for k, d in figures.items() if d["streefwaarde"] is not None}
    assert set(series) == with_target


def test_the_html_chart_is_an_accessible_inline_svg(cli: Cli) -> None:
    html = cli("report", "--data", DATA.parent, "--gemeente", "kerkrade", "--per", "2026-12-01", "--format", "html")
    assert html.exit_code == 0, html.stderr
    out = html.stdout
    section = out.split('<section class="trends" aria-labelledby="trends">')[1].split("</section>")[0]
    charts = section.count("<svg ")
    assert charts > 0
    assert section.count('role="img"') == charts
    assert section.count("<title id=") == charts and section.count("<desc id=") == charts
    assert section.count("<caption>Per jaar: ") == charts
    # A dot on every expected value, so that a one-year series still shows its line's point.
    assert section.count('<circle class="trend-punt"') == section.count('<tr><th scope="row">')
    assert "<script" not in out


def test_a_stand_without_meting_has_no_bar_and_a_negative_composite_goes_below_zero() -> None:
    from prestatie.report.trend import grafiek
    from prestatie.status.series import NIVEAU, STAND, Deel, JaarPunt, Reeks

    stand = Reeks(
        "a",
        "kernvoorraad",
        100.0,
        NIVEAU,
        STAND,
        False,
        (JaarPunt(2024, dt.date(2024, 12, 31), None, 100.0), JaarPunt(2025, dt.date(2025, 6, 1), 90.0, 100.0)),
    )
    chart = grafiek(stand, naam="Kernvoorraad", titel="t", eenheid="woningen")
    assert [s.gemeten for s in chart.staven] == [False, True]
    assert chart.staven[0].hoogte == 0
    assert [r.gerealiseerd for r in chart.rijen] == ["geen meting", "90"]
    assert chart.onderschrift == "Per jaar: stand vs doel, in woningen"
    assert "Stand per jaar: 2024: geen meting en 2025: 90." in chart.beschrijving
    netto = Reeks(
        "a",
        "netto",
        0.0,
        "lineair",
        SOM,
        True,
        (
            JaarPunt(
                2024,
                dt.date(2024, 12, 31),
                -10.0,
                0.0,
                (Deel("nieuw", "Nieuw", 1, 5.0), Deel("sloop", "Sloop", -1, 15.0)),
            ),
        ),
    )
    chart = grafiek(netto, naam="Netto", titel="t", eenheid="woningen")
    (bar,) = chart.staven
    assert bar.y == chart.basislijn and bar.hoogte > 0  # it hangs below the zero line
    assert chart.kolommen_onderdelen == ("Nieuw (+)", "Sloop (−)")
    assert chart.rijen[0].onderdelen == ("5", "15")
    assert "Netto is samengesteld: Nieuw min Sloop" in chart.beschrijving
    assert chart.kolom_verwacht == "Verwacht (hoogstens)"
