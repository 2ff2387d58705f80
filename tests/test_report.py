"""``prestatie report``: acceptance tests through the real entry point."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, CliResult
from prestatie.report.data import build_report
from prestatie.status import compute_status
from prestatie.validate import load_valid

Cli = Callable[..., CliResult]
PER = "2026-11-24"


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21 14:13 UTC


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "HOME": str(cwd),
            "PATH": "/usr/bin:/bin:/usr/local/bin",
        },
    ).stdout


def test_kerkrade_markdown_to_stdout(cli: Cli, data_copy: Path) -> None:
    result = cli("report", "--data", data_copy, "--gemeente", "Kerkrade", "--per", PER)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Voortgang prestatieafspraken gemeente Kerkrade\n\n")
    # The overeenkomsten it covers: those running on the peildatum.
    assert (
        "Regionale Prestatieafspraken Parkstad Limburg 2024–2028; Jaarschijf Kerkrade 2026. "
        "Stand per 24 november 2026." in out
    )
    assert "> **Voorbeeldgegevens.** De cijfers in dit overzicht zijn illustratief" in out
    for heading in (
        "## Samenvatting",
        "## Afspraken per thema",
        "### Betaalbaarheid",
        "## Wat vraagt aandacht",
        "## Projecten",
        "## Recente voortgang",
        "## De afspraken in het kort",
        "## Colofon",
    ):
        assert f"\n{heading}\n" in out
    assert "In Kerkrade zijn 6 projecten: 2 in uitvoering, 1 in voorbereiding en 3 opgeleverd." in out
    assert (
        "| 3.1 Een kernvoorraad van minstens 45.000 betaalbare sociale huurwoningen: Kernvoorraad sociale "
        "huurwoningen (stand 11.690 woningen op 31 december 2025 (bron: Woonmonitor Parkstad 2025), doel "
        "minimaal 11.500) | 11.500 | 11.500 | 11.690 | – | ██████████ 102% | op koers |"
    ) in out
    # Spekholzerheide's two phases (60 and 50) count; 70 are still in uitvoering.
    assert "| Woningen met minimaal twee labelstappen | 110 woningen | 70 woningen | – |" in out
    assert (
        "| SUPERLOCAL Bleijerheide | Bleijerheide | HEEMwonen | opgeleverd | opgeleverd 30 september 2022 |"
    ) in out
    # Recent voortgang: the three months before the peildatum, newest first.
    recent = out.split("## Recente voortgang")[1].split("##")[0]
    assert (
        recent.index("30 oktober 2026") < recent.index("20 oktober 2026") < recent.index("15 september 2026")
    )
    assert "2024" not in recent
    assert "Gemaakt met prestatie" in out and "21 september 2026 om 14:13" in out
    assert "De gegevens staan niet in git; er is geen revisie bekend." in out
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_whole_region_and_filters(cli: Cli, data_copy: Path) -> None:
    regio = cli("report", "--data", data_copy, "--per", PER)
    assert regio.exit_code == 0
    assert regio.stdout.startswith("# Voortgang prestatieafspraken Parkstad Limburg\n")
    assert "| Project | Gemeente | Wijk | Trekker | Status | Oplevering |" in regio.stdout
    both = cli(
        "report",
        "--data",
        data_copy,
        "--corporatie",
        "heemwonen",
        "--thema",
        "Nieuwbouw voor ouderen en middeninkomens",
        "--per",
        PER,
    )
    assert both.exit_code == 0
    assert both.stdout.startswith(
        "# Voortgang prestatieafspraken HEEMwonen, thema Nieuwbouw voor ouderen en middeninkomens\n"
    )
    assert "### Verduurzaming" not in both.stdout


def test_vertraagde_projects_ask_for_action(cli: Cli, data_copy: Path) -> None:
    result = cli("report", "--data", data_copy, "--gemeente", "heerlen", "--per", PER)
    action = result.stdout.split("## Wat vraagt aandacht")[1].split("\n## ")[0]
    assert (
        "- **Middenhuurwoningen Heerlen-Centrum**, trekker Weller\n"
        "  - vertraagd: oplevering was gepland op 30 september 2026 en is nog niet gehaald\n"
    ) in action


def test_html_to_a_file_by_extension(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "uit" / "kerkrade.html"
    target.parent.mkdir()
    target.write_text("oud", encoding="utf-8")
    result = cli("report", "--data", data_copy, "--gemeente", "Kerkrade", "--per", PER, "--output", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Geschreven: {target}\n"
    html = target.read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
    ) in html
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert '<p class="banner" role="note">' in html
    assert list(target.parent.iterdir()) == [target]  # no temp file left behind


def test_format_option_beats_the_extension(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    result = cli("report", "--data", data_copy, "--per", PER, "--format", "markdown", "-o", target)
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Voortgang")
    html = cli("report", "--data", data_copy, "--per", PER, "--format", "html")
    assert html.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--gemeente", "Kerkraad"), "Onbekende gemeente 'Kerkraad' bij --gemeente. Bedoelde u 'Kerkrade'?"),
        (("--corporatie", "nope"), "Onbekende corporatie 'nope' bij --corporatie."),
        (("--format", "docx"), "'docx' is geen geldige waarde voor --format. Kies uit: markdown, html, pdf."),
        (("--output", "rapport.docx"), "Uit de naam 'rapport.docx' blijkt niet welk formaat u wilt."),
        (("--alle",), "--alle schrijft één rapport per gemeente: geef met --output een map op."),
        (("--per", "2026-13-01"), "'2026-13-01' is geen geldige datum voor --per."),
        (("--output", "/nergens/rapport.md"), "De map '/nergens' bestaat niet"),
    ],
)
def test_wrong_use_exits_2(cli: Cli, data_copy: Path, args: tuple[str, ...], message: str) -> None:
    result = cli("report", "--data", data_copy, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_data_with_errors_exits_1_and_points_to_validate(cli: Cli, data_copy: Path) -> None:
    project = data_copy / "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("status: uitvoering", "status: bezig"))
    result = cli("report", "--data", data_copy, "--gemeente", "Kerkrade")
    assert result.exit_code == 1
    assert "prestatie validate" in result.stderr
    assert result.stdout == ""


def test_alle_writes_one_report_per_gemeente_and_an_index(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "rapporten"
    result = cli("report", "--data", data_copy, "--per", PER, "--alle", "--output", out, "--format", "html")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            f"{g}.html"
            for g in (
                "beekdaelen",
                "brunssum",
                "heerlen",
                "kerkrade",
                "landgraaf",
                "simpelveld",
                "voerendaal",
            )
        ]
        + ["index.html"]
    )
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="kerkrade.html">Kerkrade</a>' in index
    assert "<h1>Voortgang prestatieafspraken gemeente Kerkrade</h1>" in (out / "kerkrade.html").read_text()
    md = cli("report", "--data", data_copy, "--per", PER, "--alle", "--output", out)
    assert md.exit_code == 0
    assert "| [Kerkrade](kerkrade.md) |" in (out / "index.md").read_text(encoding="utf-8")
    conflict = cli("report", "--data", data_copy, "--alle", "--gemeente", "Kerkrade", "--output", out)
    assert conflict.exit_code == 2


def test_colophon_names_the_git_revision(cli: Cli, data_copy: Path) -> None:
    _git(data_copy, "init", "-q")
    _git(data_copy, "add", "data")
    _git(data_copy, "commit", "-q", "-m", "gegevens")
    sha = _git(data_copy, "rev-parse", "HEAD").strip()
    clean = cli("report", "--data", data_copy, "--gemeente", "Kerkrade", "--per", PER)
    assert f"Gegevens uit git, revisie `{sha[:12]}`.\n" in clean.stdout
    changed = data_copy / "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# nieuw\n", encoding="utf-8")
    dirty = cli("report", "--data", data_copy, "--gemeente", "Kerkrade", "--per", PER)
    assert f"revisie `{sha[:12]}`, met wijzigingen in data/ die nog niet zijn vastgelegd." in dirty.stdout


def test_without_voorbeeldgegevens_there_is_no_banner(cli: Cli, data_copy: Path) -> None:
    regio = data_copy / "data/regio.yaml"
    regio.write_text(regio.read_text(encoding="utf-8").replace("voorbeeldgegevens: true\n", ""))
    md = cli("report", "--data", data_copy, "--per", PER)
    html = cli("report", "--data", data_copy, "--per", PER, "--format", "html")
    assert md.exit_code == html.exit_code == 0
    assert "Voorbeeldgegevens" not in md.stdout and "Voorbeeldgegevens" not in html.stdout


def test_own_templates_come_first_and_fall_back(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    own = tmp_path / "sjablonen"
    own.mkdir()
    (own / "report.md.j2").write_text(
        "Eigen: {{ titel }} ({{ projecten|length }} projecten)\n", encoding="utf-8"
    )
    md = cli("report", "--data", data_copy, "--gemeente", "kerkrade", "--templates", own)
    assert md.exit_code == 0
    assert md.stdout == "Eigen: Voortgang prestatieafspraken gemeente Kerkrade (6 projecten)\n"
    html = cli(
        "report", "--data", data_copy, "--gemeente", "kerkrade", "--templates", own, "--format", "html"
    )
    assert html.stdout.startswith("<!DOCTYPE html>")  # the built-in one
    (own / "report.md.j2").write_text("{{ bestaat_niet }}\n", encoding="utf-8")
    broken = cli("report", "--data", data_copy, "--templates", own)
    assert broken.exit_code == 2
    assert "Het sjabloon report.md.j2 gebruikt een waarde die niet bestaat" in broken.stderr
    missing = cli("report", "--data", data_copy, "--templates", tmp_path / "weg")
    assert missing.exit_code == 2 and "bestaat niet" in missing.stderr


def test_help_is_dutch(cli: Cli) -> None:
    result = cli("report", "--help")
    assert result.exit_code == 0
    assert "Gebruik: prestatie report" in result.stdout
    for option in (
        "--gemeente",
        "--corporatie",
        "--thema",
        "--per",
        "--format",
        "--output",
        "--templates",
        "--alle",
    ):
        assert option in result.stdout


def test_a_peildatum_before_a_real_oplevering_still_reports(cli: Cli) -> None:
    # kerkrade-kaalheide-verduurzaming was opgeleverd on 2024-09-27: valid data today,
    # and at 2024-07-01 it counts as in uitvoering instead of making the data invalid.
    from conftest import REPO

    result = cli("report", "--data", REPO, "--gemeente", "Kerkrade", "--per", "2024-07-01")
    assert result.exit_code == 0, result.stderr
    assert "Stand per 1 juli 2024" in result.stdout


def test_an_output_folder_that_cannot_be_made_is_exit_2(cli: Cli, data_copy: Path) -> None:
    blocker = data_copy / "bestand"
    blocker.write_text("x", encoding="utf-8")
    result = cli("report", "--data", data_copy, "--alle", "--output", blocker / "rapporten")
    assert result.exit_code == 2
    assert result.stderr.startswith("Fout: prestatie kan ")
    assert "Traceback" not in result.stderr


def _report_data(**selection: str) -> dict[str, Any]:
    dataset = load_valid(DATA.parent)
    status = compute_status(dataset, peildatum=dt.date.fromisoformat(PER), **selection)
    return build_report(dataset, status, generated=dt.datetime(2026, 11, 24, tzinfo=dt.UTC), revision=None)


def test_the_selection_holds_ids_and_names_apart() -> None:
    chosen = _report_data(gemeente="Kerkrade", corporatie="HEEMwonen")["selectie"]
    assert (chosen["gemeente"], chosen["gemeente_naam"]) == ("kerkrade", "Kerkrade")
    assert (chosen["corporatie"], chosen["corporatie_naam"]) == ("heemwonen", "HEEMwonen")
    assert chosen["thema"] is None


@pytest.mark.parametrize("gemeente", [None, "kerkrade", "heerlen"])
def test_key_figures_count_a_project_where_the_status_engine_does(gemeente: str | None) -> None:
    """Where an indicator is the doel of one afspraak only, its kerncijfers are that doel's
    figures: the report and the status engine put each project in the same figure."""
    data = _report_data(overeenkomst="alle", **({"gemeente": gemeente} if gemeente else {}))
    doelen: dict[str, list[Any]] = {}
    for thema in data["themas"]:
        for afspraak in thema["afspraken"]:
            for doel in afspraak.doelen:
                doelen.setdefault(doel.indicator, []).append(doel)
    compared = 0
    for key in data["kerncijfers"]:
        if len(doelen.get(key.indicator, [])) != 1:
            continue
        doel = doelen[key.indicator][0]
        assert (key.gerealiseerd, key.in_uitvoering, key.in_voorbereiding) == pytest.approx(
            (doel.gerealiseerd, doel.in_uitvoering, doel.in_voorbereiding)
        ), key.indicator
        compared += 1
    assert compared >= 3
