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
    assert data["filter"] == {"gemeente": "aadorp", "corporatie": "bouwco", "thema": "bouw"}
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


def test_shipped_data_mid_2024(cli: Cli) -> None:
    data = shipped_json(cli, "--per", "2024-07-01")
    # 2.1: 300 + 100 * 183/366 = 350; opgeleverd 45 + 48 + 130 + 36 + 24 = 283;
    # uitvoering 28 + 60 + 30 = 118; voerendaal-ubachsberg (12) is vervallen.
    assert doel(data, "nieuwbouw-ouderen", "nieuwbouw-sociale-huur") == {
        "indicator": "nieuwbouw-sociale-huur",
        "naam": "Nieuwe sociale huurwoningen",
        "eenheid": "woningen",
        "streefwaarde": 400,
        "verwacht": 350,
        "gerealiseerd": 283,
        "in_uitvoering": 118,
        "in_voorbereiding": 0,
        "verdict": "aandacht",
        "regionaal": None,
    }
    assert afspraak(data, "nieuwbouw-ouderen")["projecten"] == {
        "totaal": 9, "opgeleverd": 5, "uitvoering": 3, "voorbereiding": 0,
        "idee": 0, "gepauzeerd": 0, "vervallen": 1, "vertraagd": 0,
    }
    # 2.3: 850 + 150/2 = 925; opgeleverd 160 + 100; uitvoering 220 -> 480 < 925
    sloop = doel(data, "sloop-en-herstructurering", "sloop")
    assert (sloop["verwacht"], sloop["gerealiseerd"], sloop["in_uitvoering"], sloop["verdict"]) == (
        925, 260, 220, "achter")
    # 3.1: 2350 + 650/2 = 2675; only landgraaf-nieuwenhagen (360) was opgeleverd by then;
    # kerkrade-kaalheide (2024-09-27) and heerlen-heerlerbaan (2025-02-14) were in uitvoering.
    verduurzaamd = doel(data, "verduurzaming-huurwoningen", "woningen-verduurzaamd")
    assert (verduurzaamd["verwacht"], verduurzaamd["gerealiseerd"], verduurzaamd["in_uitvoering"]) == (
        2675, 360, 2640)
    assert verduurzaamd["verdict"] == "aandacht"
    assert afspraak(data, "woningmarktonderzoek-parkstad")["verdict"] == "afgerond"
    assert afspraak(data, "levensloopbestendig-wonen")["status"] == "gewijzigd"
    assert data["vertraagde_projecten"] == [
        {
            "id": "kerkrade-kaalheide-verduurzaming",
            "naam": "Verduurzaming en levensloopbestendig maken Kaalheide",
            "gemeente": "kerkrade",
            "status": "uitvoering",
            "oplevering": "2024-06-30",
        }
    ]


def test_shipped_data_at_the_data_sets_own_date(cli: Cli) -> None:
    data = shipped_json(cli, "--per", "2026-11-24")
    ouderen = doel(data, "nieuwbouw-ouderen", "nieuwbouw-sociale-huur")
    assert (ouderen["verwacht"], ouderen["gerealiseerd"], ouderen["in_uitvoering"]) == (400, 283, 118)
    assert ouderen["verdict"] == "aandacht"  # 283 + 118 = 401 >= 400
    verduurzaamd = doel(data, "verduurzaming-huurwoningen", "woningen-verduurzaamd")
    assert (verduurzaamd["gerealiseerd"], verduurzaamd["in_uitvoering"]) == (2180, 820)
    assert verduurzaamd["verdict"] == "aandacht"  # 2180 + 820 = 3000
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


def test_shipped_data_for_kerkrade(cli: Cli) -> None:
    data = shipped_json(cli, "--per", "2024-07-01", "--gemeente", "Kerkrade")
    # per_gemeente kerkrade 350 spread over 2019-2024: 350 * 2009/2192 = 320.8
    sloop = doel(data, "sloop-en-herstructurering", "sloop")
    assert (sloop["streefwaarde"], sloop["verwacht"], sloop["gerealiseerd"], sloop["verdict"]) == (
        350, 320.8, 100, "achter")
    # labelstappen has no per_gemeente: Kerkrade's own figures, the region's beside them
    label = doel(data, "verduurzaming-huurwoningen", "labelstappen")
    assert (label["verdict"], label["streefwaarde"], label["in_uitvoering"]) == ("geen lokaal doel", None, 1650)
    assert label["regionaal"]["verwacht"] == 5800
    # 2.2 applies to kerkrade; the afspraken all have it in scope
    assert len(data["afspraken"]) == 10


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
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("status", "--data", REPO, "--per", "2024-07-01", "--gemeente", "Kerkrade")
    lines = [line.rstrip() for line in _lines(result.stdout)]
    assert lines[0] == "Voortgang Parkstad Limburg per 1 juli 2024"
    assert lines[1] == "Selectie: gemeente Kerkrade."
    assert "2.1 Meer kwalitatief goede sociale huurwoningen voor ouderen – aandacht" in lines
    # Dutch notation and the bar; the verdict in words
    assert any(re.search(r"160 +144 +130 +30 \+ 0 +███████░ 81% +aandacht$", line) for line in lines)
    assert any(re.search(r"350 +320,8 +100", line) for line in lines)
    # project lists lead with the name; the id ends the details, never folded
    assert "Verduurzaming en levensloopbestendig maken Kaalheide" in lines
    assert any(
        line.startswith("  ") and line.split(" · ")[-1].strip() == "kerkrade-kaalheide-verduurzaming"
        for line in lines
    )
    assert "Vertraagde projecten (1)" in lines


def test_text_dutch_thousands(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("status", "--data", REPO, "--per", "2024-07-01", "--thema", "bestaande-voorraad")
    assert result.exit_code == 0
    assert re.search(r"3\.000 +2\.675 +360 +2\.640 \+ 0", result.stdout)
    assert "NIEUWBOUW" not in result.stdout
