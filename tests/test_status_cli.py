"""`prestatie status` end to end: exit codes, JSON, and text that reads in 80 columns.

The figures on the shipped data are the hand calculations of the closing note of
issue 4 (peildatum 2024-07-01: 1 July is day 183 of the leap year 2024, so exactly
half of that year's jaarschijf is expected).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, CliResult
from test_status_engine import AFSPRAKEN, PROJECTEN, project, write_data

Cli = Callable[..., CliResult]


def doel(data: dict[str, Any], afspraak: str, indicator: str) -> dict[str, Any]:
    found = next(a for a in data["afspraken"] if a["id"] == afspraak)
    return next(d for d in found["doelen"] if d["indicator"] == indicator)


def afspraak(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(a for a in data["afspraken"] if a["id"] == ident)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_data(tmp_path, AFSPRAKEN, PROJECTEN)


def test_json_on_a_small_data_set(cli: Cli, small: Path) -> None:
    result = cli("status", "--data", small, "--per", "2023-07-01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["peildatum"] == "2023-07-01"
    assert doel(data, "bouw-a", "woningen") == {
        "indicator": "woningen",
        "naam": "Nieuwe woningen",
        "eenheid": "woningen",
        "telling": "som",
        "bron": "projecten",
        "richting": "minimaal",
        "streefwaarde": 400,
        "verwacht": 249.9,
        "gerealiseerd": 200,
        "in_uitvoering": 60,
        "in_voorbereiding": 30,
        "verdict": "aandacht",
        "regionaal": None,
    }
    assert data["vertraagde_projecten"] == [
        {
            "id": "bedum-twee",
            "naam": "Project bedum-twee",
            "gemeente": "bedum",
            "status": "uitvoering",
            "oplevering": "2023-03-31",
        }
    ]


def test_filters_by_name(cli: Cli, small: Path) -> None:
    result = cli("status", "--data", small, "--per", "2023-07-01", "-f", "json", "--gemeente", "AADORP",
                 "--corporatie", "bouw co", "--thema", "Bouwen")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["filter"] == {"gemeente": "aadorp", "corporatie": "bouwco", "thema": "bouw", "overeenkomst": None}
    # in aadorp, bouwco only has p3 (voorbereiding, 30) for bouw-a
    assert [a["id"] for a in data["afspraken"]] == ["bouw-a"]
    woningen = doel(data, "bouw-a", "woningen")
    assert (woningen["gerealiseerd"], woningen["in_voorbereiding"], woningen["verdict"]) == (0, 30, "achter")


def test_unknown_gemeente_exits_2_with_a_suggestion(cli: Cli, small: Path) -> None:
    result = cli("status", "--data", small, "--gemeente", "Aadrop")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Fout: Onbekende gemeente 'Aadrop' bij --gemeente. Bedoelde u 'Aadorp'? Kies uit: Aadorp, Bedum.\n"
    )


def test_unknown_corporatie_and_thema_exit_2(cli: Cli) -> None:
    assert cli("status", "--data", REPO, "--corporatie", "Heemwoonen").exit_code == 2
    result = cli("status", "--data", REPO, "--thema", "wonen-en-zorgg")
    assert result.exit_code == 2
    assert result.stderr.startswith("Fout: Onbekend thema 'wonen-en-zorgg' bij --thema. Bedoelde u 'Wonen en zorg'?")


def test_bad_option_values_exit_2(cli: Cli) -> None:
    assert cli("status", "--data", REPO, "--per", "2024-13-01").exit_code == 2
    result = cli("status", "--data", REPO, "--format", "xml")
    assert result.exit_code == 2
    assert "Kies uit: text, json" in result.stderr


def test_invalid_data_exits_1_and_points_to_validate(cli: Cli, tmp_path: Path) -> None:
    broken = [*PROJECTEN, project("aadorp-fout", "aadorp", "uitvoering", afspraken=["bestaat-niet"])]
    root = write_data(tmp_path, AFSPRAKEN, broken)
    result = cli("status", "--data", root, "--per", "2023-07-01")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "prestatie validate" in result.stderr
    assert "Traceback" not in result.stderr


# The shipped data ------------------------------------------------------------------


def shipped_json(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli("status", "--data", REPO, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# The shipped data on 1 December 2026: the overeenkomsten running then (2024-2028 and
# Kerkrade's jaarschijf 2026) by default, the eindstand of 2019-2024 on request. The
# period 2024-2028 has 1827 days (2024 and 2028 are leap years); 1 January 2024 up to and
# including 1 December 2026 are 366 + 365 + 335 = 1066 of them.


def test_shipped_data_running_agreements_each_kind(cli: Cli) -> None:
    data = shipped_json(cli, "--per", "2026-12-01")
    assert [(o["id"], o["lopend"]) for o in data["overeenkomsten"]] == [
        ("parkstad-2024-2028", True),
        ("kerkrade-2026", True),
    ]
    assert {a["overeenkomst"] for a in data["afspraken"]} == {"parkstad-2024-2028", "kerkrade-2026"}
    assert not any(a["eindstand"] for a in data["afspraken"])
    # som from projects with phases: heerlen-vrieheide delivered 20 of its 60 in a phase on
    # 2025-06-30 (the other 40 are in uitvoering), beekdaelen-schinveld has 28 in uitvoering;
    # verwacht 1350 * 1066/1827 = 787.68
    bouw = doel(data, "bouwopgave-sociale-huur", "nieuwbouw-sociale-huur")
    assert (bouw["verwacht"], bouw["gerealiseerd"], bouw["in_uitvoering"], bouw["verdict"]) == (
        787.7, 20, 68, "achter")
    # jaarschijven: 120 + 160 + 180 * 335/365 = 445.2; vrieheide's phase demolished 80, 140 to go
    sloop = doel(data, "herstructurering-2024-2028", "sloop")
    assert (sloop["verwacht"], sloop["gerealiseerd"], sloop["in_uitvoering"], sloop["verdict"]) == (
        445.2, 80, 140, "achter")
    # composite, flows from metingen: (185 + 240) - (260 + 210) - (21 + 36) = -102, at most 0
    netto = doel(data, "bouwopgave-sociale-huur", "netto-toevoeging-sociale-huur")
    assert (netto["richting"], netto["bron"], netto["verwacht"], netto["gerealiseerd"]) == (
        "maximaal", "metingen", 0, -102)
    assert [(o["indicator"], o["teken"], o["gerealiseerd"]) for o in netto["onderdelen"]] == [
        ("nieuwbouw-sociale-huur", "+", 425),
        ("sloop", "-", 470),
        ("verkoop-sociale-huur", "-", 57),
    ]
    assert netto["verdict"] == "op koers"
    # stand, minimaal: the newest regional stand on or before the peildatum
    kern = doel(data, "betaalbare-kernvoorraad", "kernvoorraad")
    assert (kern["telling"], kern["gerealiseerd"], kern["meting_datum"], kern["verwacht"]) == (
        "stand", 45210, "2025-12-31", 45000)
    assert (kern["meting_bron"], kern["verdict"]) == ("Woonmonitor Parkstad 2025", "op koers")
    # flow som, maximaal: 21 + 36 = 57 sold, verwacht at most 200 * 1066/1827 = 116.69
    verkoop = doel(data, "betaalbare-kernvoorraad", "verkoop-sociale-huur")
    assert (verkoop["verwacht"], verkoop["gerealiseerd"], verkoop["verdict"]) == (116.7, 57, "op koers")
    # flow som, minimaal, in personen: five half years 240 + 225 + 250 + 230 + 235 = 1180;
    # verwacht 2000 * 1066/1827 = 1166.94
    status = doel(data, "statushouders-huisvesten", "statushouders-gehuisvest")
    assert (status["eenheid"], status["verwacht"], status["gerealiseerd"], status["verdict"]) == (
        "personen", 1166.9, 1180, "op koers")
    # stand, maximaal, with a nulmeting of 1200 on 2023-12-31 towards 0 on 2028-12-31:
    # 1200 - 1200 * 1066/1827 = 499.84; measured 760 on 2025-12-31
    efg = doel(data, "energielabels-efg", "woningen-efg-label")
    assert (efg["verwacht"], efg["gerealiseerd"], efg["meting_datum"], efg["verdict"]) == (
        499.8, 760, "2025-12-31", "achter")
    assert afspraak(data, "energielabels-efg")["verantwoording"]["datum"] == "2026-10-01"
    # jaarschijf 2026 of Kerkrade: 150 * 335/365 = 137.67; phases 60 + 50, 70 in uitvoering
    jaar = doel(data, "kerkrade-verduurzaming-2026", "woningen-verduurzaamd")
    assert (jaar["verwacht"], jaar["gerealiseerd"], jaar["in_uitvoering"], jaar["verdict"]) == (
        137.7, 110, 70, "aandacht")


def test_shipped_data_eindstand_of_2019_2024(cli: Cli) -> None:
    data = shipped_json(cli, "--per", "2026-12-01", "--overeenkomst", "parkstad-2019-2024")
    assert [(o["id"], o["lopend"]) for o in data["overeenkomsten"]] == [
        ("parkstad-2019-2024", False),
        ("kerkrade-2019", False),  # onderdeel_van the regional one
    ]
    assert all(a["eindstand"] for a in data["afspraken"])
    # Delivered 2020-2024: brunssum-noord 45 + heerlen-hoensbroek 48 + superlocal 130 +
    # landgraaf-schaesberg 36 + simpelveld-bocholtz 24 = 283; vrieheide's phase of
    # 2025-06-30 lies after the period and counts for 2024-2028 only.
    ouderen = doel(data, "nieuwbouw-ouderen", "nieuwbouw-sociale-huur")
    assert (ouderen["streefwaarde"], ouderen["verwacht"], ouderen["gerealiseerd"]) == (400, 400, 283)
    assert ouderen["verdict"] == "niet gehaald"
    # kaalheide in three parts (240 on 2021-11-15, 240 on 2023-06-01, the last 240 at its
    # oplevering 2024-09-27) and landgraaf-nieuwenhagen 360; heerlen-heerlerbaan's 1100
    # were opgeleverd on 2025-02-14, after the period.
    verduurzaamd = doel(data, "verduurzaming-huurwoningen", "woningen-verduurzaamd")
    assert (verduurzaamd["gerealiseerd"], verduurzaamd["verdict"]) == (1080, "niet gehaald")
    assert afspraak(data, "woningmarktonderzoek-parkstad")["verdict"] == "afgerond"  # no doelen
    # Kerkrade: kaalheide's 720 against its own 700
    kerkrade = shipped_json(
        cli, "--per", "2026-12-01", "--overeenkomst", "parkstad-2019-2024", "--gemeente", "Kerkrade"
    )
    eigen = doel(kerkrade, "verduurzaming-huurwoningen", "woningen-verduurzaamd")
    assert (eigen["streefwaarde"], eigen["gerealiseerd"], eigen["verdict"]) == (700, 720, "gehaald")


def test_shipped_data_projects_at_the_data_sets_own_date(cli: Cli) -> None:
    data = shipped_json(cli, "--per", "2026-11-24")
    # data/README.md: three projects vertraagd, two without voortgang for six months
    assert [p["id"] for p in data["vertraagde_projecten"]] == [
        "landgraaf-waubach-middenhuur",
        "beekdaelen-schinnen-verduurzaming",
        "heerlen-centrum-middenhuur",
    ]
    assert [p["id"] for p in data["projecten_zonder_voortgang"]] == [
        "landgraaf-waubach-middenhuur",
        "brunssum-treebeek-particuliere-woningen",
    ]


def test_an_unknown_overeenkomst_exits_2(cli: Cli) -> None:
    result = cli("status", "--data", REPO, "--overeenkomst", "parkstad-2024-2082")
    assert result.exit_code == 2
    assert "Onbekende overeenkomst 'parkstad-2024-2082' bij --overeenkomst. Bedoelde u" in result.stderr


def _lines(text: str) -> list[str]:
    return text.splitlines()


@pytest.mark.parametrize("args", [(), ("--gemeente", "Kerkrade"), ("--corporatie", "Weller")])
def test_text_fits_80_columns_without_colour(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("status", "--data", REPO, "--per", "2024-07-01", *args)
    assert result.exit_code == 0, result.stderr
    assert "\x1b[" not in result.stdout  # NO_COLOR: no escape codes
    assert "…" not in result.stdout  # nothing cut off
    too_wide = [line for line in _lines(result.stdout) if len(line.rstrip()) > 80]
    assert too_wide == []


def test_text_content_for_kerkrade(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = cli("status", "--data", REPO, "--per", "2026-12-01", "--gemeente", "Kerkrade")
    lines = [line.rstrip() for line in _lines(result.stdout)]
    assert lines[0] == "Voortgang Parkstad Limburg per 1 december 2026"
    assert lines[1] == "Selectie: gemeente Kerkrade."
    # The heading names the overeenkomsten it covers.
    text = " ".join(result.stdout.split())
    assert "Overeenkomsten: Regionale Prestatieafspraken Parkstad Limburg 2024–2028 (" in text
    assert "; Jaarschijf Kerkrade 2026 (" in text
    # Dutch notation and the bar; the verdict in words; a stand in words with its source
    assert any(re.search(r"150 +137,7 +110 +70 \+ 0 +██████░░ 73% +aandacht$", line) for line in lines)
    assert (
        "Kernvoorraad sociale huurwoningen: stand 11.690 woningen op 31 december 2025 "
        "(bron: Woonmonitor Parkstad 2025), doel minimaal 11.500." in text
    )
    assert "Vertraagde projecten (0)" in lines


def test_text_eindstand_for_kerkrade(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = cli(
        "status", "--data", REPO, "--per", "2026-12-01", "--gemeente", "Kerkrade",
        "--overeenkomst", "parkstad-2019-2024",
    )  # fmt: skip
    text = " ".join(result.stdout.split())
    assert "Overeenkomsten: Regionale Prestatieafspraken Parkstad Limburg 2019–2024 (" in text
    assert "31 december 2024, eindstand)" in text
    # Kerkrade's own 700 were gehaald; labelstappen has no local target
    assert "3.1 Verduurzaming van de sociale huurvoorraad – eindstand: gehaald" in text
    assert "Woningen met minimaal twee labelstappen: eindstand: 720 woningen, doel minimaal 700 woningen." in text
    assert "2.1 Meer kwalitatief goede sociale huurwoningen voor ouderen – eindstand: niet gehaald" in text


def test_text_dutch_thousands(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli(
        "status", "--data", REPO, "--per", "2026-12-01", "--thema", "bestaande-voorraad",
        "--overeenkomst", "alle",
    )  # fmt: skip
    assert result.exit_code == 0
    assert re.search(r"3\.000 +3\.000 +1\.080 +820 \+ 0", result.stdout)
    assert "NIEUWBOUW" not in result.stdout


def test_headings_say_which_overeenkomst_ended_and_which_has_not_begun(cli: Cli, tmp_path: Path) -> None:
    """Before its period an overeenkomst has no eindstand: status, report and export say so."""
    import openpyxl

    chosen = ("--data", REPO, "--per", "2025-06-01", "--overeenkomst", "alle")
    text = " ".join(cli("status", *chosen).stdout.split())  # the heading wraps
    assert "Parkstad Limburg 2019–2024 (1 januari 2019 tot en met 31 december 2024, eindstand);" in text
    assert "Parkstad Limburg 2024–2028 (1 januari 2024 tot en met 31 december 2028);" in text
    assert "Jaarschijf Kerkrade 2026 (1 januari 2026 tot en met 31 december 2026, nog niet begonnen)." in text
    heading = cli("report", *chosen).stdout.splitlines()[2]
    assert "Parkstad Limburg 2019–2024 (eindstand); " in heading
    assert "Jaarschijf Kerkrade 2026 (nog niet begonnen)." in heading
    out = tmp_path / "export.xlsx"
    assert cli("export", out, *chosen).exit_code == 0
    sheet = openpyxl.load_workbook(out)["overeenkomsten"]
    moments = {row[1]: row[6] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert moments == {
        "parkstad-2019-2024": "afgelopen: eindstand",
        "parkstad-2024-2028": "loopt",
        "kerkrade-2019": "afgelopen: eindstand",
        "kerkrade-2026": "nog niet begonnen",
    }


def test_an_afgerond_afspraak_without_doelen_is_not_judged_by_its_projects(cli: Cli) -> None:
    text = " ".join(cli("status", "--data", REPO, "--per", "2026-12-01", "--overeenkomst", "alle").stdout.split())
    assert "2.4 Actualisatie van het regionale woningbehoefteonderzoek – afgerond Geen projecten. " \
        "Geen meetbare doelen; de afspraak is afgerond." in text  # fmt: skip
    assert "niets laat zien" not in text
