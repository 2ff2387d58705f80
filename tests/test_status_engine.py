"""The status arithmetic against hand-computed expectations on a small data set.

The data set (written as YAML into tmp_path and validated for real):

afspraken (periode 2020-2024 unless noted; 2020 and 2024 are leap years, so the
period has 366 + 365 + 365 + 365 + 366 = 1827 days)
  bouw-a       1.1 thema bouw, lopend, gemeenten alle
               doel woningen 400, jaarschijven 2020-2024: 50 70 80 100 100,
                    per_gemeente {aadorp: 250}
               doel euros 1.827.000, no jaarschijven: linear, 1.000 a day
  bouw-lokaal  1.2 thema bouw, gemeenten [aadorp], doel woningen 100 (linear)
  bouw-klaar   1.3 afgerond, doel woningen 10
  bouw-weg     1.4 vervallen, doel woningen 10
  zorg-kwal    2.1 thema zorg, no doelen
projecten
  p1 aadorp-een   opgeleverd 2022-06-30 (planned 2022-03-31), trekker woonco,
                  bouw-a + bouw-lokaal, woningen 200, euros 1.000.000
  p2 bedum-twee   uitvoering, planned 2023-03-31, trekker bouwco, partij woonco,
                  bouw-a + zorg-kwal, woningen 60, euros 200.000
  p3 aadorp-drie  voorbereiding, trekker bouwco, bouw-a, woningen 30,
                  last voortgang 2022-12-31
  p4 aadorp-vier  gepauzeerd, trekker woonco, bouw-a, woningen 1.000
  p5 bedum-vijf   vervallen, trekker woonco, bouw-a, woningen 1.000, planned 2021-01-01
  p6 bedum-zes    idee, trekker bouwco, bouw-a, woningen 500
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from prestatie.dataset import DataSet
from prestatie.errors import UsageError
from prestatie.expected import elapsed, from_jaarschijven, linear, round_1
from prestatie.models import Project
from prestatie.projectstate import is_stale, is_vertraagd, months_before, status_at
from prestatie.status import compute_status
from prestatie.status.engine import StatusReport
from prestatie.status.model import AfspraakStatus, DoelStatus
from prestatie.validate import require_valid, validate_directory

D = dt.date
REGIO = {
    "naam": "Testregio",
    "titel": "Testafspraken 2020-2024",
    "periode": {"van": D(2020, 1, 1), "tot": D(2024, 12, 31)},
    "gemeenten": [
        {"id": "aadorp", "naam": "Aadorp", "cbs_code": "GM0001"},
        {"id": "bedum", "naam": "Bedum", "cbs_code": "GM0002"},
    ],
    "corporaties": [{"id": "woonco", "naam": "WoonCo"}, {"id": "bouwco", "naam": "Bouw Co"}],
}
THEMAS = [
    {
        "id": "bouw",
        "naam": "Bouwen",
        "indicatoren": [
            {"id": "woningen", "naam": "Nieuwe woningen", "eenheid": "woningen"},
            {"id": "euros", "naam": "Investering", "eenheid": "euro"},
        ],
    },
    {"id": "zorg", "naam": "Zorg", "indicatoren": [{"id": "plekken", "naam": "Plekken", "eenheid": "stuks"}]},
]


def afspraak(ident: str, nummer: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": ident,
        "nummer": nummer,
        "titel": f"Afspraak {nummer}",
        "thema": "bouw",
        "trekker": "aadorp",
        "partijen": ["aadorp"],
        "gemeenten": "alle",
        "periode": {"van": 2020, "tot": 2024},
        "status": "lopend",
    }
    return base | fields


def project(ident: str, gemeente: str, status: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": ident,
        "naam": f"Project {ident}",
        "gemeente": gemeente,
        "trekker": "woonco",
        "partijen": ["woonco"],
        "afspraken": ["bouw-a"],
        "status": status,
        "voortgang": [{"datum": D(2026, 10, 1), "toelichting": "Bijgewerkt."}],
    }
    return base | fields


AFSPRAKEN = [
    afspraak(
        "bouw-a",
        "1.1",
        partijen=["aadorp", "bedum", "woonco"],
        doelen=[
            {
                "indicator": "woningen",
                "streefwaarde": 400,
                "jaarschijven": {2020: 50, 2021: 70, 2022: 80, 2023: 100, 2024: 100},
                "per_gemeente": {"aadorp": 250},
            },
            {"indicator": "euros", "streefwaarde": 1827000},
        ],
    ),
    afspraak("bouw-lokaal", "1.2", gemeenten=["aadorp"], doelen=[{"indicator": "woningen", "streefwaarde": 100}]),
    afspraak("bouw-klaar", "1.3", status="afgerond", doelen=[{"indicator": "woningen", "streefwaarde": 10}]),
    afspraak("bouw-weg", "1.4", status="vervallen", doelen=[{"indicator": "woningen", "streefwaarde": 10}]),
    afspraak("zorg-kwal", "2.1", thema="zorg", trekker="bedum", partijen=["bedum"]),
]
PROJECTEN = [
    project(
        "aadorp-een",
        "aadorp",
        "opgeleverd",
        partijen=["woonco", "aadorp"],
        afspraken=["bouw-a", "bouw-lokaal"],
        planning={"start": D(2020, 3, 1), "oplevering": D(2022, 3, 31)},
        opgeleverd=D(2022, 6, 30),
        bijdragen={"woningen": 200, "euros": 1000000},
    ),
    project(
        "bedum-twee",
        "bedum",
        "uitvoering",
        trekker="bouwco",
        partijen=["bouwco", "woonco"],
        afspraken=["bouw-a", "zorg-kwal"],
        planning={"start": D(2021, 1, 1), "oplevering": D(2023, 3, 31)},
        bijdragen={"woningen": 60, "euros": 200000},
    ),
    project(
        "aadorp-drie",
        "aadorp",
        "voorbereiding",
        trekker="bouwco",
        partijen=["bouwco"],
        planning={"oplevering": D(2025, 6, 30)},
        bijdragen={"woningen": 30},
        voortgang=[{"datum": D(2022, 12, 31), "toelichting": "Vergunning aangevraagd."}],
    ),
    project("aadorp-vier", "aadorp", "gepauzeerd", bijdragen={"woningen": 1000}),
    project(
        "bedum-vijf", "bedum", "vervallen", planning={"oplevering": D(2021, 1, 1)}, bijdragen={"woningen": 1000}
    ),
    project("bedum-zes", "bedum", "idee", trekker="bouwco", partijen=["bouwco"], bijdragen={"woningen": 500}),
]


def write_data(root: Path, afspraken: list[dict[str, Any]], projecten: list[dict[str, Any]]) -> Path:
    """Write a data set under root/data; returns root."""
    data = root / "data"
    (data / "afspraken").mkdir(parents=True)

    def dump(path: Path, content: object) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")

    dump(data / "regio.yaml", REGIO)
    dump(data / "themas.yaml", THEMAS)
    for item in afspraken:
        dump(data / "afspraken" / f"{item['id']}.yaml", item)
    for item in projecten:
        dump(data / "projecten" / item["gemeente"] / f"{item['id']}.yaml", item)
    return root


@pytest.fixture
def dataset(tmp_path: Path) -> DataSet:
    root = write_data(tmp_path, AFSPRAKEN, PROJECTEN)
    return require_valid(*validate_directory(root, peildatum=dt.date.today()))


def afspraak_of(report: StatusReport, ident: str) -> AfspraakStatus:
    return next(a for a in report.afspraken if a.id == ident)


def doel_of(report: StatusReport, ident: str, indicator: str) -> DoelStatus:
    return next(d for d in afspraak_of(report, ident).doelen if d.indicator == indicator)


def figures(report: StatusReport, ident: str, indicator: str) -> dict[str, Any]:
    skip = ("naam", "eenheid", "telling", "bron", "richting")  # the doel's kind: som, projecten, minimaal
    return {k: v for k, v in doel_of(report, ident, indicator).to_dict().items() if k not in skip}


# Verwacht ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("peildatum", "expected"),
    [
        (D(2019, 12, 31), 0),  # before the period
        (D(2020, 1, 1), 1000),  # first day: one day of 1827
        (D(2022, 12, 31), 1096000),  # 366 + 365 + 365 days
        (D(2023, 7, 1), 1278000),  # 1096 + 31+28+31+30+31+30 + 1 = 1278 days
        (D(2024, 2, 29), 1521000),  # leap day: 1461 + 31 + 29 = 1521 days
        (D(2024, 12, 31), 1827000),  # last day: all of it
        (D(2025, 1, 1), 1827000),  # after the period
    ],
)
def test_linear_verwacht_counts_days_including_the_peildatum(peildatum: dt.date, expected: int) -> None:
    assert linear(1827000, 2020, 2024, peildatum) == expected


JAARSCHIJVEN = {2020: 50.0, 2021: 70.0, 2022: 80.0, 2023: 100.0, 2024: 100.0}


@pytest.mark.parametrize(
    ("peildatum", "expected"),
    [
        (D(2019, 6, 1), 0.0),
        (D(2020, 1, 1), 0.1),  # 50 * 1/366 = 0.137
        (D(2022, 6, 29), 159.5),  # 50 + 70 + 80 * 180/365 = 159.45
        (D(2022, 12, 31), 200.0),
        (D(2023, 7, 1), 249.9),  # 200 + 100 * 182/365 = 249.86
        (D(2024, 2, 28), 316.1),  # 300 + 100 * 59/366 = 316.12
        (D(2024, 2, 29), 316.4),  # 300 + 100 * 60/366 = 316.39
        (D(2024, 12, 31), 400.0),
        (D(2030, 1, 1), 400.0),
    ],
)
def test_jaarschijven_verwacht_is_cumulative_and_pro_rata(peildatum: dt.date, expected: float) -> None:
    assert round_1(from_jaarschijven(JAARSCHIJVEN, peildatum)) == expected


def test_rounding_is_half_up_and_exact() -> None:
    assert round_1(elapsed(D(2020, 1, 1), D(2020, 1, 4), D(2020, 1, 2)) * 5) == 2.5
    assert round_1(linear(0.25, 2020, 2020, D(2020, 12, 31))) == 0.3  # 0.25 -> 0.3, not 0.2


# Verdicts --------------------------------------------------------------------------


def test_on_track_when_realised_equals_expected(dataset: DataSet) -> None:
    report = compute_status(dataset, peildatum=D(2022, 12, 31))
    assert figures(report, "bouw-a", "woningen") == {
        "indicator": "woningen",
        "streefwaarde": 400,
        "verwacht": 200,
        "gerealiseerd": 200,
        "in_uitvoering": 60,
        "in_voorbereiding": 30,  # gepauzeerd 1000, vervallen 1000 and idee 500 count nowhere
        "verdict": "op koers",
        "regionaal": None,
    }
    # euros: 1.000.000 < 1.096.000 <= 1.000.000 + 200.000 in uitvoering
    assert figures(report, "bouw-a", "euros")["verdict"] == "aandacht"
    assert afspraak_of(report, "bouw-a").verdict == "aandacht"  # the worst of its doelen


def test_attention_and_behind(dataset: DataSet) -> None:
    report = compute_status(dataset, peildatum=D(2023, 7, 1))
    woningen = figures(report, "bouw-a", "woningen")
    assert (woningen["verwacht"], woningen["gerealiseerd"], woningen["in_uitvoering"]) == (249.9, 200, 60)
    assert woningen["verdict"] == "aandacht"  # 200 < 249.9 <= 260
    euros = figures(report, "bouw-a", "euros")
    assert (euros["verwacht"], euros["gerealiseerd"], euros["in_uitvoering"]) == (1278000, 1000000, 200000)
    assert euros["verdict"] == "achter"  # 1.200.000 < 1.278.000
    assert afspraak_of(report, "bouw-a").verdict == "achter"


def test_leap_day(dataset: DataSet) -> None:
    report = compute_status(dataset, peildatum=D(2024, 2, 29))
    assert figures(report, "bouw-a", "woningen")["verwacht"] == 316.4
    assert figures(report, "bouw-a", "woningen")["verdict"] == "achter"  # 260 < 316.4
    assert figures(report, "bouw-a", "euros")["verwacht"] == 1521000


def test_before_and_after_the_period(dataset: DataSet) -> None:
    before = compute_status(dataset, peildatum=D(2019, 12, 31))
    assert figures(before, "bouw-a", "woningen")["verwacht"] == 0
    assert figures(before, "bouw-a", "woningen")["gerealiseerd"] == 0
    assert figures(before, "bouw-a", "woningen")["verdict"] == "op koers"
    after = compute_status(dataset, peildatum=D(2026, 1, 1))
    assert figures(after, "bouw-a", "woningen")["verwacht"] == 400
    assert figures(after, "bouw-a", "euros")["verwacht"] == 1827000


def test_project_delivered_after_the_peildatum_counts_as_in_uitvoering(dataset: DataSet) -> None:
    day_before = compute_status(dataset, peildatum=D(2022, 6, 29))
    woningen = figures(day_before, "bouw-a", "woningen")
    assert (woningen["gerealiseerd"], woningen["in_uitvoering"], woningen["verwacht"]) == (0, 260, 159.5)
    assert woningen["verdict"] == "aandacht"
    assert afspraak_of(day_before, "bouw-a").projecten.opgeleverd == 0
    assert [p.id for p in day_before.vertraagde_projecten] == ["aadorp-een"]  # planned 2022-03-31
    on_the_day = compute_status(dataset, peildatum=D(2022, 6, 30))
    assert figures(on_the_day, "bouw-a", "woningen")["gerealiseerd"] == 200
    assert on_the_day.vertraagde_projecten == ()


def test_afgerond_with_doelen_is_judged_at_its_eindstand_and_vervallen_comes_from_the_status(
    dataset: DataSet,
) -> None:
    report = compute_status(dataset, peildatum=D(2023, 7, 1))
    # afgerond with a doel of 10 woningen and no project: the eindstand, not 'afgerond'
    assert afspraak_of(report, "bouw-klaar").eindstand is True
    assert afspraak_of(report, "bouw-klaar").verdict == "niet gehaald"
    assert figures(report, "bouw-klaar", "woningen")["verdict"] == "niet gehaald"
    assert figures(report, "bouw-klaar", "woningen")["verwacht"] == 10  # the streefwaarde
    assert afspraak_of(report, "bouw-weg").verdict == "vervallen"
    assert figures(report, "bouw-weg", "woningen")["verdict"] == "vervallen"


def test_afspraak_without_doelen_follows_its_projects(dataset: DataSet) -> None:
    # p2 (bedum-twee) is planned for 2023-03-31 and still in uitvoering.
    on_time = compute_status(dataset, peildatum=D(2023, 3, 31))
    assert afspraak_of(on_time, "zorg-kwal").verdict == "op koers"
    late = compute_status(dataset, peildatum=D(2023, 4, 1))
    assert afspraak_of(late, "zorg-kwal").verdict == "achter"
    assert afspraak_of(late, "zorg-kwal").projecten.vertraagd == 1


def test_project_linked_to_several_afspraken_counts_in_each(dataset: DataSet) -> None:
    report = compute_status(dataset, peildatum=D(2023, 7, 1))
    # p1 delivers 200 woningen to bouw-a and to bouw-lokaal (100 linear: 100 * 1278/1827 = 69.95)
    lokaal = figures(report, "bouw-lokaal", "woningen")
    assert (lokaal["verwacht"], lokaal["gerealiseerd"], lokaal["verdict"]) == (70, 200, "op koers")
    assert figures(report, "bouw-a", "woningen")["gerealiseerd"] == 200
    # p2 counts in bouw-a and in zorg-kwal
    assert afspraak_of(report, "zorg-kwal").projecten.uitvoering == 1


def test_project_counts(dataset: DataSet) -> None:
    report = compute_status(dataset, peildatum=D(2023, 7, 1))
    assert afspraak_of(report, "bouw-a").projecten.to_dict() == {
        "totaal": 6,
        "opgeleverd": 1,
        "uitvoering": 1,
        "voorbereiding": 1,
        "idee": 1,
        "gepauzeerd": 1,
        "vervallen": 1,
        "vertraagd": 1,  # p2; p5 is vervallen, so never vertraagd
    }


# Filters ---------------------------------------------------------------------------


def test_gemeente_with_a_local_target_spreads_it_linearly(dataset: DataSet) -> None:
    report = compute_status(dataset, peildatum=D(2023, 7, 1), gemeente="Aadorp")
    assert report.filter.gemeente == "aadorp"
    # 250 * 1278/1827 = 174.88, even though the doel has jaarschijven
    assert figures(report, "bouw-a", "woningen") == {
        "indicator": "woningen",
        "streefwaarde": 250,
        "verwacht": 174.9,
        "gerealiseerd": 200,
        "in_uitvoering": 0,  # p2 is in bedum
        "in_voorbereiding": 30,
        "verdict": "op koers",
        "regionaal": None,
    }
    # euros has no per_gemeente: the local figures, and the region's for context
    assert figures(report, "bouw-a", "euros") == {
        "indicator": "euros",
        "streefwaarde": None,
        "verwacht": None,
        "gerealiseerd": 1000000,
        "in_uitvoering": 0,
        "in_voorbereiding": 0,
        "verdict": "geen lokaal doel",
        "regionaal": {
            "streefwaarde": 1827000,
            "verwacht": 1278000,
            "gerealiseerd": 1000000,
            "in_uitvoering": 200000,
            "in_voorbereiding": 0,
            "verdict": "achter",
        },
    }
    # 'geen lokaal doel' does not make the afspraak worse
    assert afspraak_of(report, "bouw-a").verdict == "op koers"
    assert afspraak_of(report, "bouw-a").projecten.totaal == 3
    assert [a.id for a in report.afspraken] == ["bouw-a", "bouw-lokaal", "bouw-klaar", "bouw-weg", "zorg-kwal"]


def test_gemeente_without_local_targets(dataset: DataSet) -> None:
    report = compute_status(dataset, peildatum=D(2023, 7, 1), gemeente="bedum")
    # bouw-lokaal applies to aadorp only: left out
    assert [a.id for a in report.afspraken] == ["bouw-a", "bouw-klaar", "bouw-weg", "zorg-kwal"]
    woningen = doel_of(report, "bouw-a", "woningen")
    assert woningen.verdict == "geen lokaal doel"
    assert (woningen.figures.gerealiseerd, woningen.figures.in_uitvoering) == (0, 60)
    assert woningen.regionaal is not None
    assert woningen.regionaal.to_dict() == {
        "streefwaarde": 400,
        "verwacht": 249.9,
        "gerealiseerd": 200,
        "in_uitvoering": 60,
        "in_voorbereiding": 30,
        "verdict": "aandacht",
    }
    assert afspraak_of(report, "bouw-a").verdict == "geen lokaal doel"
    assert [p.id for p in report.vertraagde_projecten] == ["bedum-twee"]


def test_corporatie_as_trekker_and_as_partij(dataset: DataSet) -> None:
    woonco = compute_status(dataset, peildatum=D(2023, 7, 1), corporatie="WOONCO")
    # p1 (trekker) and p2 (partij); p4 gepauzeerd and p5 vervallen count nowhere
    woningen = figures(woonco, "bouw-a", "woningen")
    assert (woningen["gerealiseerd"], woningen["in_uitvoering"], woningen["in_voorbereiding"]) == (200, 60, 0)
    assert afspraak_of(woonco, "bouw-a").projecten.totaal == 4
    # woonco is no party to bouw-klaar and bouw-weg and has no projects there
    assert [a.id for a in woonco.afspraken] == ["bouw-a", "bouw-lokaal", "zorg-kwal"]
    bouwco = compute_status(dataset, peildatum=D(2023, 7, 1), corporatie="Bouw Co")
    woningen = figures(bouwco, "bouw-a", "woningen")
    assert (woningen["gerealiseerd"], woningen["in_uitvoering"], woningen["in_voorbereiding"]) == (0, 60, 30)
    assert [a.id for a in bouwco.afspraken] == ["bouw-a", "zorg-kwal"]


def test_thema_keeps_its_afspraken_and_their_projects(dataset: DataSet) -> None:
    report = compute_status(dataset, peildatum=D(2023, 7, 1), thema="Zorg")
    assert [a.id for a in report.afspraken] == ["zorg-kwal"]
    assert [p.id for p in report.vertraagde_projecten] == ["bedum-twee"]
    # aadorp-drie (stale too) is not linked to zorg; bedum-twee has no voortgang by then
    assert [p.id for p in report.projecten_zonder_voortgang] == ["bedum-twee"]


def test_unknown_names_are_usage_errors(dataset: DataSet) -> None:
    with pytest.raises(UsageError, match="Bedoelde u 'Aadorp'"):
        compute_status(dataset, peildatum=D(2023, 7, 1), gemeente="Aadrop")


# Lists of projects -----------------------------------------------------------------


def test_vertraagd_and_stale_lists(dataset: DataSet) -> None:
    report = compute_status(dataset, peildatum=D(2023, 7, 1))
    assert [p.to_dict() for p in report.vertraagde_projecten] == [
        {
            "id": "bedum-twee",
            "naam": "Project bedum-twee",
            "gemeente": "bedum",
            "status": "uitvoering",
            "oplevering": "2023-03-31",
        }
    ]
    # p3's last voortgang 2022-12-31 is before 2023-01-01, six months before the peildatum;
    # p2 and p4 have voortgang only after the peildatum: none yet at that date.
    stil = {p.id: p.laatste_voortgang for p in report.projecten_zonder_voortgang}
    assert stil == {"aadorp-drie": D(2022, 12, 31), "bedum-twee": None, "aadorp-vier": None}
    earlier = compute_status(dataset, peildatum=D(2023, 6, 30))
    assert "aadorp-drie" not in {p.id for p in earlier.projecten_zonder_voortgang}


def _project(**fields: Any) -> Project:
    base: dict[str, Any] = {"id": "p", "naam": "P", "gemeente": "g", "trekker": "t", "status": "uitvoering"}
    return Project.model_validate(base | fields)


def test_projectstate_predicates() -> None:
    planned = {"oplevering": D(2024, 6, 30)}
    assert not is_vertraagd(_project(planning=planned), D(2024, 6, 30))
    assert is_vertraagd(_project(planning=planned), D(2024, 7, 1))
    assert is_vertraagd(_project(planning=planned, status="gepauzeerd"), D(2024, 7, 1))
    assert not is_vertraagd(_project(planning=planned, status="vervallen"), D(2024, 7, 1))
    assert not is_vertraagd(_project(), D(2024, 7, 1))  # no planning
    delivered = _project(planning=planned, status="opgeleverd", opgeleverd=D(2024, 9, 1))
    assert is_vertraagd(delivered, D(2024, 8, 31)) and status_at(delivered, D(2024, 8, 31)) == "uitvoering"
    assert not is_vertraagd(delivered, D(2024, 9, 1)) and status_at(delivered, D(2024, 9, 1)) == "opgeleverd"
    assert months_before(D(2024, 8, 31), 6) == D(2024, 2, 29)
    assert months_before(D(2023, 8, 31), 6) == D(2023, 2, 28)
    assert months_before(D(2024, 3, 15), 6) == D(2023, 9, 15)
    logged = _project(voortgang=[{"datum": D(2024, 2, 29), "toelichting": "x"}])
    assert not is_stale(logged, D(2024, 8, 31))  # exactly six months: not more
    assert is_stale(logged, D(2024, 9, 1))
    assert not is_stale(_project(status="idee"), D(2024, 9, 1))
    assert is_stale(_project(status="voorbereiding"), D(2024, 9, 1))  # never any voortgang


# JSON shape ------------------------------------------------------------------------


def test_json_shape_has_designs_keys_and_integral_numbers(dataset: DataSet) -> None:
    data = compute_status(dataset, peildatum=D(2023, 7, 1)).to_dict()
    assert list(data) == [
        "peildatum",
        "filter",
        "overeenkomsten",
        "afspraken",
        "vertraagde_projecten",
        "projecten_zonder_voortgang",
    ]
    assert data["peildatum"] == "2023-07-01"
    assert data["filter"] == {"gemeente": None, "corporatie": None, "thema": None, "overeenkomst": None}
    # A version 1 data set: regio.yaml is the one overeenkomst 'regio'.
    assert data["overeenkomsten"] == [
        {
            "id": "regio",
            "titel": data["overeenkomsten"][0]["titel"],
            "niveau": "regionaal",
            "periode": {"van": "2020-01-01", "tot": "2024-12-31"},
            "lopend": True,
        }
    ]
    first = data["afspraken"][0]
    assert (first["overeenkomst"], first["eindstand"]) == ("regio", False)
    assert {k: first["doelen"][0][k] for k in ("telling", "bron", "richting")} == {
        "telling": "som",
        "bron": "projecten",
        "richting": "minimaal",
    }
    assert "meting_datum" not in first["doelen"][0]  # only for a stand
    design_afspraak = {"id", "titel", "thema", "status", "verdict", "doelen", "projecten", "overeenkomst", "eindstand"}
    assert design_afspraak <= set(first)
    design_doel = {
        "indicator",
        "eenheid",
        "streefwaarde",
        "verwacht",
        "gerealiseerd",
        "in_uitvoering",
        "in_voorbereiding",
        "verdict",
    }
    assert design_doel <= set(first["doelen"][0])
    assert type(first["doelen"][0]["streefwaarde"]) is int
    assert type(first["doelen"][0]["gerealiseerd"]) is int
    assert type(first["doelen"][0]["verwacht"]) is float
    assert {"id", "gemeente", "oplevering"} <= set(data["vertraagde_projecten"][0])
