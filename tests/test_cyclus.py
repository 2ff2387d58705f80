"""The annual Woningwet cycle: fase and deadlines, ``prestatie cyclus``, its JSON and text."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from prestatie.cyclus import state
from prestatie.cyclus.model import Cyclus, Geschil, Traject

D = dt.date
PLANTED = "2026-12-01"


def _traject(**dates: Any) -> Traject:
    return Traject(gemeente="kerkrade", corporatie="heemwonen", **dates)


def _codes(traject: Traject, peildatum: dt.date, jaar: int = 2026) -> list[str]:
    termijn = state.termijnen(Cyclus(jaar=jaar))
    return [a.code for a in state.achterstallig(traject, jaar, termijn, peildatum)]


# state: fase and deadlines ----------------------------------------------------------


def test_default_termijnen_and_window() -> None:
    termijn = state.termijnen(Cyclus(jaar=2026))
    assert (termijn.bod, termijn.afspraken) == (D(2026, 7, 1), D(2026, 12, 15))
    assert state.window(2026) == (D(2025, 1, 1), D(2027, 12, 31))
    own = Cyclus.model_validate({"jaar": 2026, "termijnen": {"afspraken": D(2026, 12, 1)}})
    assert state.termijnen(own).afspraken == D(2026, 12, 1)


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ({}, "geen bod"),
        ({"bod": D(2026, 6, 1)}, "bod ontvangen"),
        ({"bod": D(2026, 6, 1), "overleg_gestart": D(2026, 7, 1)}, "in overleg"),
        (
            {"bod": D(2026, 6, 1), "overleg_gestart": D(2026, 7, 1), "ondertekend": D(2026, 11, 1)},
            "ondertekend",
        ),
        (
            {"overleg_gestart": D(2026, 3, 1), "geschil": Geschil(ingediend=D(2026, 9, 10))},
            "geschil",
        ),
        # dates after the peildatum had not happened yet
        ({"bod": D(2026, 6, 1), "overleg_gestart": D(2026, 12, 2)}, "bod ontvangen"),
        ({"bod": D(2026, 12, 24)}, "geen bod"),
    ],
)
def test_fase(dates: dict[str, Any], expected: str) -> None:
    assert state.fase(_traject(**dates), D(2026, 12, 1)) == expected


def test_termijn_is_the_last_day_on_time() -> None:
    assert _codes(_traject(evaluatie=D(2026, 3, 1)), D(2026, 7, 1)) == []
    assert _codes(_traject(evaluatie=D(2026, 3, 1)), D(2026, 7, 2)) == ["PA330"]
    assert _codes(_traject(bod=D(2026, 6, 1)), D(2026, 7, 2)) == ["PA332"]


def test_months_after_clamps_to_the_end_of_the_month() -> None:
    assert state.months_after(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert state.months_after(D(2027, 8, 31), 6) == D(2028, 2, 29)
    assert state.months_after(D(2026, 5, 20), 6) == D(2026, 11, 20)


def test_geschil_window_by_hand() -> None:
    # Overleg from 20 May 2026: six months end on 20 November 2026; four weeks (28 days)
    # later, 18 December 2026, is the last day to bring a geschil to the minister.
    window = state.geschil_termijn(D(2026, 5, 20))
    assert (window.zes_maanden, window.laatste_dag) == (D(2026, 11, 20), D(2026, 12, 18))


def test_overleg_past_six_months() -> None:
    base = {"evaluatie": D(2026, 3, 1), "bod": D(2026, 4, 28), "overleg_gestart": D(2026, 5, 20)}
    assert _codes(_traject(**base), D(2026, 11, 20)) == []  # exactly six months: not more
    termijn = state.termijnen(Cyclus(jaar=2026))
    inside = state.achterstallig(_traject(**base), 2026, termijn, D(2026, 11, 21))
    assert [a.code for a in inside] == ["PA333"]
    assert "tot en met 18 december 2026" in inside[0].message
    closed = state.achterstallig(_traject(**base), 2026, termijn, D(2026, 12, 19))
    assert "liepen af op 18 december 2026" in closed[0].message
    # signed, or a geschil filed: nothing to warn about any more
    assert _codes(_traject(**base, ondertekend=D(2026, 11, 30)), D(2026, 12, 1)) == []
    filed = _traject(**base, geschil=Geschil(ingediend=D(2026, 12, 1)))
    assert _codes(filed, D(2026, 12, 31)) == []


def test_not_signed_after_the_afspraken_termijn() -> None:
    base = {"evaluatie": D(2026, 3, 1), "bod": D(2026, 6, 24), "overleg_gestart": D(2026, 7, 8)}
    assert _codes(_traject(**base), D(2026, 12, 15)) == []
    assert _codes(_traject(**base), D(2026, 12, 16)) == ["PA331"]
    assert _codes(_traject(**base, ondertekend=D(2026, 12, 11)), D(2026, 12, 16)) == []


# the command on the shipped data ---------------------------------------------------


def test_json_reads_back_field_by_field(cli: Callable[..., Any]) -> None:
    result = cli("cyclus", "--per", PLANTED, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    report = json.loads(result.stdout)
    assert list(report) == ["jaar", "peildatum", "termijnen", "trajecten"]
    assert report["jaar"] == 2026
    assert report["peildatum"] == PLANTED
    assert report["termijnen"] == {"bod": "2026-07-01", "afspraken": "2026-12-15"}
    fields = [
        "gemeente", "corporatie", "huurdersorganisatie", "fase", "evaluatie", "huurdersadvies",
        "bod", "overleg_gestart", "ondertekend", "overeenkomst", "achterstallig",
    ]  # fmt: skip
    for traject in report["trajecten"]:
        assert list(traject) == fields
        assert traject["fase"] in state.FASEN
        for name in state.DATE_FIELDS:
            value = traject[name]
            assert value is None or dt.date.fromisoformat(value).isoformat() == value
        for item in traject["achterstallig"]:
            assert list(item) == ["code", "message"]
    by_pair = {(t["gemeente"], t["corporatie"]): t for t in report["trajecten"]}
    late = by_pair[("landgraaf", "wonen-zuid")]
    assert (late["fase"], late["bod"]) == ("geen bod", None)
    assert [a["code"] for a in late["achterstallig"]] == ["PA330"]
    overleg = by_pair[("heerlen", "woonpunt")]
    assert (overleg["fase"], overleg["overleg_gestart"], overleg["ondertekend"]) == (
        "in overleg",
        "2026-05-20",
        None,
    )
    assert [a["code"] for a in overleg["achterstallig"]] == ["PA333"]
    assert "tot en met 18 december 2026" in overleg["achterstallig"][0]["message"]
    overdue = [pair for pair, t in by_pair.items() if t["achterstallig"]]
    assert sorted(overdue) == [("heerlen", "woonpunt"), ("landgraaf", "wonen-zuid")]


def test_validate_reports_the_same_findings_located(cli: Callable[..., Any]) -> None:
    cyclus = json.loads(cli("cyclus", "--per", PLANTED, "--format", "json").stdout)
    expected = sorted((a["code"], a["message"]) for t in cyclus["trajecten"] for a in t["achterstallig"])
    report = json.loads(cli("validate", "--per", PLANTED, "--format", "json").stdout)
    found = [f for f in report["findings"] if f["file"] == "data/cyclus/2026.yaml"]
    assert sorted((f["code"], f["message"]) for f in found) == expected
    lines = (Path(__file__).parents[1] / "data/cyclus/2026.yaml").read_text(encoding="utf-8").splitlines()
    located = {f["code"]: lines[f["line"] - 1][f["column"] - 1 :] for f in found}
    assert located == {"PA330": "", "PA333": "2026-05-20"}
    assert lines[next(f["line"] for f in found if f["code"] == "PA330") - 1].strip() == "bod:"
    assert not [f for f in report["findings"] if f["file"] == "data/cyclus/2025.yaml"]


def test_text_groups_by_gemeente_and_fits_80_columns(cli: Callable[..., Any]) -> None:
    result = cli("cyclus", "--per", PLANTED)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "Jaarcyclus 2026 (Woningwet art. 44), peildatum 1 december 2026" in lines
    gemeenten = [line for line in lines if line and not line.startswith(" ") and line[0].isupper()]
    assert gemeenten[-7:] == [
        "Beekdaelen",
        "Brunssum",
        "Heerlen",
        "Kerkrade",
        "Landgraaf",
        "Simpelveld",
        "Voerendaal",
    ]
    text = " ".join(line.strip() for line in lines)
    assert "Wonen Zuid geen bod – – –" in " ".join(text.split())
    # the dates in the style of every other table (dutch.datum_kort), each in its column
    assert "Vincio Wonen ondertekend 8 jun 2026 22 jun 2026 16 nov 2026" in " ".join(text.split())
    assert not re.search(r"\d{2}-\d{2}-\d{4}", text)
    header = next(line for line in lines if line.strip().startswith("Corporatie"))
    row = next(line for line in lines if "Vincio Wonen" in line)
    assert row.index("22 jun") == header.index("Overleg") and row.index("16 nov") == header.index("Ondertekend")
    assert "tot en met 18 december 2026" in text and "[PA333]" in text and "[PA330]" in text
    assert lines[-1] == "25 trajecten: 1 geen bod, 15 in overleg, 9 ondertekend; 2 met achterstand."


def test_filters_by_id_or_name(cli: Callable[..., Any]) -> None:
    result = cli(
        "cyclus", "--per", PLANTED, "--gemeente", "Heerlen", "--corporatie", "woonpunt", "-f", "json"
    )
    trajecten = json.loads(result.stdout)["trajecten"]
    assert [(t["gemeente"], t["corporatie"]) for t in trajecten] == [("heerlen", "woonpunt")]


def test_unknown_gemeente_or_corporatie_is_a_usage_error(cli: Callable[..., Any]) -> None:
    result = cli("cyclus", "--gemeente", "Kerkraad")
    assert result.exit_code == 2
    assert "Onbekende gemeente 'Kerkraad'" in result.stderr and "Bedoelde u 'Kerkrade'?" in result.stderr
    result = cli("cyclus", "--corporatie", "HEEMwone")
    assert result.exit_code == 2 and "Bedoelde u 'HEEMwonen'?" in result.stderr


def test_which_year_without_jaar(cli: Callable[..., Any]) -> None:
    def jaar(*args: str) -> Any:
        result = cli("cyclus", "-f", "json", *args)
        return json.loads(result.stdout)["jaar"] if result.exit_code == 0 else result

    assert jaar("--per", "2025-12-31") == 2025
    assert jaar("--per", "2026-01-01") == 2026
    assert jaar("--per", "2028-03-01") == 2026  # no file for 2027 or 2028: the latest before
    assert jaar("--per", "2026-12-01", "--jaar", "2025") == 2025
    before = jaar("--per", "2024-06-01")
    assert before.exit_code == 2 and "Beschikbaar: 2025, 2026." in before.stderr
    missing = jaar("--jaar", "2030")
    assert missing.exit_code == 2 and "geen jaarcyclus voor 2030" in missing.stderr


def test_without_cyclus_files(cli: Callable[..., Any], data_copy: Path) -> None:
    for path in (data_copy / "data/cyclus").iterdir():
        path.unlink()
    result = cli("cyclus", "--data", data_copy)
    assert result.exit_code == 2 and "prestatie nieuw cyclus" in result.stderr


# the briefing ------------------------------------------------------------------------


def test_briefing_has_a_jaarcyclus_section(cli: Callable[..., Any]) -> None:
    md = cli("report", "--gemeente", "Landgraaf", "--per", PLANTED).stdout
    section = md[md.index("## Jaarcyclus 2026") : md.index("## Projecten")]
    assert "Bod ontvangen van HEEMwonen, Weller, Woonpunt en Wonen Limburg." in section
    assert "Nog geen bod van Wonen Zuid." in section
    assert "Ondertekend met HEEMwonen en Woonpunt." in section
    assert "| Wonen Zuid | geen bod | – | – | – |" in section
    assert "- **Wonen Zuid**: Er is nog geen bod" in section and "(PA330)" in section
    html = cli("report", "--gemeente", "Heerlen", "--per", PLANTED, "--format", "html").stdout
    start = html.index('<section class="jaarcyclus"')
    part = html[start : html.index("</section>", start)]
    assert '<h2 id="jaarcyclus">Jaarcyclus 2026</h2>' in part
    assert "<strong>Woonpunt</strong>: Het overleg loopt sinds 20 mei 2026" in part
    assert "tot en met 18 december 2026" in part


def test_briefing_without_a_gemeente_or_a_cycle_has_no_section(cli: Callable[..., Any]) -> None:
    assert "Jaarcyclus" not in cli("report", "--per", PLANTED).stdout
    assert "Jaarcyclus" not in cli("report", "--gemeente", "Kerkrade", "--per", "2024-12-31").stdout
    complete = cli("report", "--gemeente", "Kerkrade", "--per", "2025-12-31").stdout
    assert "## Jaarcyclus 2025" in complete and "Niets in de jaarcyclus is te laat." in complete


def test_corporatie_includes_the_ones_that_merged_into_it(cli: Callable[..., Any], data_copy: Path) -> None:
    regio = data_copy / "data/regio.yaml"
    text = regio.read_text(encoding="utf-8")
    merged = (
        "  - {id: ws-oud, naam: Woningstichting Oud, opgegaan_in: {partij: heemwonen, per: 2025-06-01}}\n"
    )
    regio.write_text(text.replace("corporaties:\n", "corporaties:\n" + merged, 1), encoding="utf-8")
    year = data_copy / "data/cyclus/2025.yaml"
    year.write_text(
        year.read_text(encoding="utf-8")
        + "  - {gemeente: kerkrade, corporatie: ws-oud, evaluatie: 2025-02-01,"
        " bod: 2025-05-01, overleg_gestart: 2025-05-20, ondertekend: 2025-11-01}\n",
        encoding="utf-8",
    )
    result = cli(
        "cyclus",
        "--data",
        data_copy,
        "--jaar",
        "2025",
        "--per",
        "2025-12-31",
        "--corporatie",
        "HEEMwonen",
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    pairs = [(t["gemeente"], t["corporatie"]) for t in json.loads(result.stdout)["trajecten"]]
    assert ("kerkrade", "ws-oud") in pairs and ("kerkrade", "heemwonen") in pairs
    assert {c for _, c in pairs} == {"heemwonen", "ws-oud"}


def test_a_party_of_another_kind_is_named_as_such(cli: Callable[..., Any], data_copy: Path) -> None:
    year = data_copy / "data/cyclus/2026.yaml"
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace("corporatie: wonen-zuid", "corporatie: roh-parkstad", 1), encoding="utf-8")
    report = json.loads(cli("validate", data_copy, "--per", PLANTED, "--format", "json").stdout)
    (found,) = [f for f in report["findings"] if f["code"] == "PA203"]
    assert found["file"] == "data/cyclus/2026.yaml"
    assert found["message"].startswith(
        "'roh-parkstad' (Regionaal Overleg Huurdersorganisaties Parkstad) is geen corporatie."
    )
