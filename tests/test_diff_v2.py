"""``prestatie diff`` on version 2 data: overeenkomsten, metingen, and the new fields of
afspraken (overeenkomst, a doel's kind, nulmeting, verantwoording) and projects (opleveringen)."""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA
from gitrepo import Repo, repo_with_data

OVEREENKOMST = "data/overeenkomsten/test-overeenkomst.yaml"
METINGEN = "data/metingen/woningen-verduurzaamd.yaml"
AFSPRAAK = "data/afspraken/test-afspraak.yaml"
PROJECT = "data/projecten/kerkrade/kerkrade-testproject.yaml"

OVEREENKOMST_TEXT = """\
id: test-overeenkomst
titel: Testafspraken Kerkrade 2026
niveau: lokaal
periode: {van: 2026-01-01, tot: 2026-12-31}
ondertekenaars:
  - {partij: heemwonen}
gemeenten: [kerkrade]
onderdeel_van: parkstad-2024-2028
documenten:
  - {titel: Getekende afspraken, url: "https://example.org/v1.pdf"}
"""
METINGEN_TEXT = """\
indicator: woningen-verduurzaamd
metingen:
  - {datum: 2025-12-31, waarde: 11800, gemeente: kerkrade, bron: Woonmonitor 2025}
  - {datum: 2025-12-31, waarde: 45210, bron: Woonmonitor 2025}
  - {datum: 2025-12-31, waarde: 900, corporatie: heemwonen, bron: Jaarverslag 2025}
  - {van: 2025-01-01, tot: 2025-06-30, waarde: 38, gemeente: heerlen, bron: Taakstelling}
"""
AFSPRAAK_TEXT = """\
id: test-afspraak
titel: Testafspraak verduurzaming
overeenkomst: parkstad-2024-2028
thema: verduurzaming
trekker: stadsregio-parkstad
partijen: [stadsregio-parkstad, heemwonen]
gemeenten: [kerkrade]
periode: {van: 2024, tot: 2028}
status: lopend
doelen:
  - indicator: woningen-verduurzaamd
    streefwaarde: 500
verantwoording:
  - {datum: 2025-10-01, oorzaak: Netcongestie., bijsturing: Versnellingsteam.}
"""
PROJECT_TEXT = """\
id: kerkrade-testproject
naam: Testproject Kerkrade
gemeente: kerkrade
trekker: heemwonen
partijen: [heemwonen, kerkrade]
afspraken: [test-afspraak]
status: uitvoering
planning: {start: 2022-01-01, oplevering: 2026-06-30}
bijdragen:
  woningen-verduurzaamd: 400
opleveringen:
  - {datum: 2024-06-30, bijdragen: {woningen-verduurzaamd: 100}, toelichting: Fase 1.}
"""


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """The shipped data plus version 2 test files, tagged v1; then every kind of change, tagged v2."""
    repo = repo_with_data(tmp_path / "repo", DATA)
    for path, text in ((OVEREENKOMST, OVEREENKOMST_TEXT), (METINGEN, METINGEN_TEXT), (AFSPRAAK, AFSPRAAK_TEXT),
                       (PROJECT, PROJECT_TEXT)):  # fmt: skip
        repo.write(path, text)
    repo.commit("Versie 2 testgegevens", date="2026-01-10T12:00:00")
    repo.git("tag", "v1")
    return repo


def change_everything(repo: Repo) -> None:
    repo.edit(OVEREENKOMST, "titel: Testafspraken Kerkrade 2026", "titel: Lokale afspraken Kerkrade 2026")
    repo.edit(OVEREENKOMST, "periode: {van: 2026-01-01, tot: 2026-12-31}",
              "periode: {van: 2026-01-01, tot: 2027-12-31}\nondertekend: 2026-02-14")  # fmt: skip
    repo.edit(OVEREENKOMST, "  - {partij: heemwonen}", "  - {partij: heemwonen}\n  - {partij: roh-parkstad}")
    repo.edit(OVEREENKOMST, "niveau: lokaal", "niveau: jaarschijf")
    repo.edit(OVEREENKOMST, "v1.pdf", "v2.pdf")
    repo.append(
        OVEREENKOMST, '  - {titel: Persbericht, url: "https://example.org/pers"}\nvervangt: kerkrade-2019\n'
    )
    repo.edit(METINGEN, "waarde: 11800", "waarde: 11750")
    repo.edit(METINGEN, "waarde: 900, corporatie: heemwonen, bron: Jaarverslag 2025",
              "waarde: 900, corporatie: heemwonen, bron: Jaarverslag 2025 (herzien)")  # fmt: skip
    repo.edit(METINGEN, "  - {datum: 2025-12-31, waarde: 45210, bron: Woonmonitor 2025}\n", "")
    repo.append(
        METINGEN, "  - {datum: 2026-06-30, waarde: 11900, gemeente: kerkrade, bron: Woonmonitor 2026}\n"
    )
    repo.edit(METINGEN, "waarde: 38, gemeente: heerlen", "waarde: 40, gemeente: heerlen")
    repo.edit(AFSPRAAK, "overeenkomst: parkstad-2024-2028", "overeenkomst: test-overeenkomst")
    repo.edit(AFSPRAAK, "    streefwaarde: 500",
              "    telling: stand\n    bron: metingen\n    richting: maximaal\n"
              "    nulmeting: {datum: 2023-12-31, waarde: 1200}\n    streefwaarde: 500")  # fmt: skip
    repo.append(AFSPRAAK, "  - {datum: 2026-03-01, oorzaak: Aannemer failliet; twee complexen liggen stil., "
                          "bijsturing: Nieuwe aanbesteding.}\n")  # fmt: skip
    repo.edit(PROJECT, "woningen-verduurzaamd: 100}", "woningen-verduurzaamd: 120}")
    repo.append(
        PROJECT, "  - {datum: 2025-06-30, bijdragen: {woningen-verduurzaamd: 150}, toelichting: Fase 2.}\n"
    )
    repo.commit("Versie 2 bijgewerkt", date="2026-07-01T12:00:00")
    repo.git("tag", "v2")


def section(stdout: str, kop: str) -> list[str]:
    lines = stdout.splitlines()
    start = lines.index(kop)
    end = next((i for i in range(start + 1, len(lines)) if not lines[i]), len(lines))
    return lines[start:end]


def test_text_names_each_change_of_an_overeenkomst(repo: Repo, cli: Callable[..., Any]) -> None:
    change_everything(repo)
    result = cli("diff", "v1", "v2", "--data", repo.root)
    assert result.exit_code == 0, result.stderr
    assert section(result.stdout, "Overeenkomsten") == [
        "Overeenkomsten",
        "  ~ Lokale afspraken Kerkrade 2026",
        "      titel: Testafspraken Kerkrade 2026 → Lokale afspraken Kerkrade 2026",
        "      niveau: lokaal → jaarschijf",
        "      einde van de periode: 31 december 2026 → 31 december 2027",
        "      ondertekend: geen → 14 februari 2026",
        "      ondertekenaars: + roh-parkstad",
        "      vervangt: geen → kerkrade-2019",
        "      documenten: + Persbericht",
        "      document aangepast: Getekende afspraken",
    ]


def test_text_names_each_meting_by_scope_and_date(repo: Repo, cli: Callable[..., Any]) -> None:
    change_everything(repo)
    result = cli("diff", "v1", "v2", "--data", repo.root)
    assert section(result.stdout, "Metingen") == [
        "Metingen",
        "  ~ Woningen met minimaal twee labelstappen",
        "      Woningen met minimaal twee labelstappen, Heerlen, 1 januari 2025 t/m 30 juni 2025: "
        "38 woningen → 40 woningen",
        "      meting Woningen met minimaal twee labelstappen, hele regio, 31 december 2025 vervallen "
        "(was 45.210 woningen)",
        "      Woningen met minimaal twee labelstappen, heemwonen, 31 december 2025: "
        "bron Jaarverslag 2025 → Jaarverslag 2025 (herzien)",
        "      Woningen met minimaal twee labelstappen, Kerkrade, 31 december 2025: "
        "11.800 woningen → 11.750 woningen",
        "      nieuwe meting Woningen met minimaal twee labelstappen, Kerkrade, 30 juni 2026: 11.900 woningen",
    ]


def test_text_names_the_new_fields_of_afspraken_and_projects(repo: Repo, cli: Callable[..., Any]) -> None:
    change_everything(repo)
    result = cli("diff", "v1", "v2", "--data", repo.root)
    naam = "Woningen met minimaal twee labelstappen"
    assert section(result.stdout, "Afspraken") == [
        "Afspraken",
        "  ~ Testafspraak verduurzaming",
        "      overeenkomst: parkstad-2024-2028 → test-overeenkomst",
        f"      telling doel {naam}: som → stand",
        f"      bron doel {naam}: projecten → metingen",
        f"      richting doel {naam}: minimaal → maximaal",
        f"      nulmeting {naam}: 1.200 woningen op 31 december 2023",
        "      nieuwe verantwoording 1 maart 2026: Aannemer failliet; twee complexen liggen stil.",
    ]
    assert section(result.stdout, "Kerkrade") == [
        "Kerkrade",
        "  ~ Testproject Kerkrade",
        f"      fase van 30 juni 2024, {naam}: 100 woningen → 120 woningen",
        f"      fase opgeleverd 30 juni 2025, {naam}: 150 woningen",
    ]


def test_json_and_markdown_carry_the_version_2_changes(repo: Repo, cli: Callable[..., Any]) -> None:
    change_everything(repo)
    result = cli("diff", "v1", "v2", "--data", repo.root, "--format", "json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    (overeenkomst,) = [i for i in out["overig"] if i["bestand"] == OVEREENKOMST]
    assert {"soort": "ondertekend", "van": None, "naar": "2026-02-14"} in overeenkomst["wijzigingen"]
    (metingen,) = [i for i in out["overig"] if i["bestand"] == METINGEN]
    assert metingen["id"] == "woningen-verduurzaamd"
    assert {"soort": "meting", "indicator": "woningen-verduurzaamd", "gemeente": "kerkrade",
            "datum": "2025-12-31", "van": 11800, "naar": 11750} in metingen["wijzigingen"]  # fmt: skip
    assert {"soort": "meting", "indicator": "woningen-verduurzaamd", "gemeente": "heerlen",
            "begin": "2025-01-01", "datum": "2025-06-30", "van": 38, "naar": 40} in metingen["wijzigingen"]  # fmt: skip
    (afspraak,) = out["afspraken"]
    assert {"soort": "verantwoording", "datum": "2026-03-01", "van": None,
            "naar": "Aannemer failliet; twee complexen liggen stil."} in afspraak["wijzigingen"]  # fmt: skip
    (project,) = out["projecten"]
    assert {"soort": "fase", "indicator": "woningen-verduurzaamd", "datum": "2025-06-30", "van": None,
            "naar": 150} in project["wijzigingen"]  # fmt: skip
    markdown = cli("diff", "v1", "v2", "--data", repo.root, "--format", "markdown").stdout
    assert "Lokale afspraken Kerkrade 2026" in markdown
    assert "Kerkrade, 31 december 2025: 11.800 woningen → 11.750 woningen" in markdown


def test_new_and_removed_overeenkomst_and_metingen_files(repo: Repo, cli: Callable[..., Any]) -> None:
    repo.remove(OVEREENKOMST)
    repo.write(
        "data/overeenkomsten/nationaal.yaml",
        "id: nationaal\ntitel: Nationale Prestatieafspraken\nniveau: nationaal\n"
        "periode: {van: 2022-06-30, tot: 2030-12-31}\nondertekend: 2022-06-30\n",
    )
    repo.remove(METINGEN)
    repo.commit("Overeenkomst vervangen", date="2026-07-01T12:00:00")
    result = cli("diff", "v1", "HEAD", "--data", repo.root)
    assert result.exit_code == 0, result.stderr
    assert section(result.stdout, "Overeenkomsten") == [
        "Overeenkomsten",
        "  + Nationale Prestatieafspraken (nieuwe overeenkomst)",
        "  - Testafspraken Kerkrade 2026 (verwijderd)",
    ]
    assert section(result.stdout, "Metingen") == [
        "Metingen",
        "  - Woningen met minimaal twee labelstappen (bestand verwijderd)",
    ]


def headings(stdout: str) -> list[str]:
    """The filter line and the headings of the groups (a line above an item)."""
    lines = stdout.splitlines()
    found = [line for line in lines if line.startswith("Filter: ")]
    return found + [a for a, b in pairwise(lines) if a and not a.startswith(" ") and b.startswith("  ")]


def test_overeenkomst_keeps_its_file_its_afspraken_and_their_projects(
    repo: Repo, cli: Callable[..., Any]
) -> None:
    change_everything(repo)
    result = cli("diff", "v1", "v2", "--data", repo.root, "--overeenkomst", "test-overeenkomst")
    assert result.exit_code == 0, result.stderr
    assert headings(result.stdout) == ["Filter: overeenkomst test-overeenkomst", "Kerkrade", "Afspraken",
                                       "Overeenkomsten"]  # fmt: skip
    # The parent covers its parts (onderdeel_van); by titel too, case-insensitively.
    parent = cli(
        "diff",
        "v1",
        "v2",
        "--data",
        repo.root,
        "--overeenkomst",
        "regionale prestatieafspraken parkstad limburg 2024–2028",
    )
    assert headings(parent.stdout)[1:] == ["Kerkrade", "Afspraken", "Overeenkomsten"]
    out = json.loads(cli("diff", "v1", "v2", "--data", repo.root, "--overeenkomst", "parkstad-2024-2028",
                         "--format", "json").stdout)  # fmt: skip
    assert out["filter"]["overeenkomst"] == "parkstad-2024-2028"
    assert [i["bestand"] for i in out["overig"]] == [OVEREENKOMST]


def test_overeenkomst_without_changes_and_alle(repo: Repo, cli: Callable[..., Any]) -> None:
    change_everything(repo)
    result = cli("diff", "v1", "v2", "--data", repo.root, "--overeenkomst", "parkstad-2019-2024")
    assert result.exit_code == 0, result.stderr
    assert "Geen inhoudelijke wijzigingen." in result.stdout
    alle = cli("diff", "v1", "v2", "--data", repo.root, "--overeenkomst", "alle")
    assert "Filter: overeenkomst alle" in alle.stdout
    assert headings(alle.stdout)[-2:] == ["Overeenkomsten", "Metingen"]


def test_an_unknown_overeenkomst_is_a_usage_error(repo: Repo, cli: Callable[..., Any]) -> None:
    result = cli("diff", "v1", "--data", repo.root, "--overeenkomst", "parkstad-2024-2029")
    assert result.exit_code == 2
    assert "Onbekende overeenkomst 'parkstad-2024-2029' bij --overeenkomst." in result.stderr
    assert "Bedoelde u 'Regionale Prestatieafspraken Parkstad Limburg 2024–2028'?" in result.stderr


def test_a_version_1_data_set_has_the_one_implicit_overeenkomst(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    repo = repo_with_data(tmp_path / "repo", DATA)
    for path in sorted(repo.path("data/overeenkomsten").glob("*.yaml")):
        path.unlink()
    repo.commit("Zonder overeenkomsten", date="2026-01-10T12:00:00")
    result = cli("diff", "HEAD", "--data", repo.root, "--overeenkomst", "regio")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == "Filter: overeenkomst regio"
    unknown = cli("diff", "HEAD", "--data", repo.root, "--overeenkomst", "parkstad-2024-2028")
    assert unknown.exit_code == 2
    assert "(regio)." in unknown.stderr
