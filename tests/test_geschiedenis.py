"""``prestatie geschiedenis``: a project's timeline from real git history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA
from gitrepo import Repo, repo_with_data

OLD = "data/projecten/kerkrade/kerkrade-testproject.yaml"
NEW = "data/projecten/kerkrade/kerkrade-testproject-centrum.yaml"
TEXT = """\
id: kerkrade-testproject
naam: Testproject Kerkrade
gemeente: kerkrade
trekker: heemwonen
partijen: [heemwonen, kerkrade]
afspraken: [nieuwbouw-ouderen]
status: voorbereiding
planning: {start: 2022-01-01, oplevering: 2024-06-30}
bijdragen:
  nieuwbouw-sociale-huur: 24
voortgang:
  - {datum: 2021-11-01, toelichting: Haalbaarheid onderzocht.}
"""


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = repo_with_data(tmp_path / "repo", DATA)
    repo.write(OLD, TEXT)
    repo.commit("Testproject aangemaakt", date="2021-11-02T10:00:00+01:00", author="Anna de Vries")
    repo.edit(OLD, "status: voorbereiding", "status: uitvoering")
    repo.append(OLD, "  - {datum: 2022-02-01, toelichting: Bouw gestart.}\n")
    repo.commit("Bouw gestart", date="2022-02-02T10:00:00+01:00", author="Bram Jansen")
    repo.write(OLD, "# alleen een opmerking erbij\n" + repo.path(OLD).read_text(encoding="utf-8"))
    repo.commit("Opmerking", date="2022-05-01T10:00:00+02:00", author="Bram Jansen")
    repo.move(OLD, NEW)
    repo.edit(NEW, "id: kerkrade-testproject", "id: kerkrade-testproject-centrum")
    repo.edit(NEW, "oplevering: 2024-06-30", "oplevering: 2024-12-31")
    repo.commit("Hernoemd en later gepland", date="2023-03-15T10:00:00+01:00", author="Özlem Yılmaz")
    # another project's change is not in this timeline
    repo.edit("data/projecten/kerkrade/kerkrade-kaalheide-verduurzaming.yaml", "wijk: Kaalheide", "wijk: Kaalheide-Noord")
    repo.commit("Ander project", date="2023-04-01T10:00:00+02:00")
    return repo


def test_timeline_as_text_follows_the_rename(repo: Repo, cli) -> None:
    result = cli("geschiedenis", "kerkrade-testproject-centrum", "--data", repo.root)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Geschiedenis van Testproject Kerkrade (kerkrade-testproject-centrum, Kerkrade)\n"
        "\n"
        f"2 nov 2021   {repo.short('HEAD~4')}  Anna de Vries: Testproject aangemaakt\n"
        f"      project aangemaakt in {OLD}\n"
        f"2 feb 2022   {repo.short('HEAD~3')}  Bram Jansen: Bouw gestart\n"
        "      status: voorbereiding → uitvoering\n"
        "      voortgang 1 februari 2022: Bouw gestart.\n"
        f"1 mei 2022   {repo.short('HEAD~2')}  Bram Jansen: Opmerking\n"
        "      geen inhoudelijke wijziging (opmaak of commentaar)\n"
        f"15 mrt 2023  {repo.short('HEAD~1')}  Özlem Yılmaz: Hernoemd en later gepland\n"
        f"      verplaatst: {OLD} → {NEW}\n"
        "      hernoemd: kerkrade-testproject → kerkrade-testproject-centrum\n"
        "      geplande oplevering: 30 juni 2024 → 31 december 2024 (184 dagen later, vertraging)\n"
    )


def test_timeline_as_json(repo: Repo, cli) -> None:
    result = cli("geschiedenis", "kerkrade-testproject-centrum", "--data", repo.root, "--format", "json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["project"] == "kerkrade-testproject-centrum"
    assert out["naam"] == "Testproject Kerkrade"
    assert out["gemeente"] == "kerkrade"
    assert out["bestand"] == NEW
    events = out["gebeurtenissen"]
    assert [(e["datum"], e["auteur"], e["wijziging"]) for e in events] == [
        ("2021-11-02", "Anna de Vries", "nieuw"),
        ("2022-02-02", "Bram Jansen", "gewijzigd"),
        ("2022-05-01", "Bram Jansen", "gewijzigd"),
        ("2023-03-15", "Özlem Yılmaz", "hernoemd"),
    ]
    assert events[-1]["commit"] == repo.git("rev-parse", "HEAD~1")
    assert events[-1]["kort"] == repo.short("HEAD~1")
    assert events[-1]["vorig_bestand"] == OLD
    assert events[-1]["wijzigingen"][-1] == {
        "soort": "oplevering", "van": "2024-06-30", "naar": "2024-12-31", "dagen": 184, "vertraging": True,
    }


def test_a_deleted_project_still_has_a_history(repo: Repo, cli) -> None:
    repo.remove(NEW)
    repo.commit("Project vervallen", date="2024-01-01T10:00:00+01:00", author="Anna de Vries")
    out = json.loads(cli("geschiedenis", "kerkrade-testproject-centrum", "--data", repo.root, "--format", "json").stdout)
    assert [e["wijziging"] for e in out["gebeurtenissen"]] == ["nieuw", "gewijzigd", "gewijzigd", "hernoemd", "verwijderd"]


def test_an_unreadable_version_is_shown_not_fatal(repo: Repo, cli) -> None:
    repo.edit(NEW, "status: uitvoering", "status: [uitvoering")
    repo.commit("Tikfout", date="2024-01-01T10:00:00+01:00")
    repo.edit(NEW, "status: [uitvoering", "status: opgeleverd\nopgeleverd: 2024-01-05")
    repo.commit("Hersteld en opgeleverd", date="2024-01-06T10:00:00+01:00")
    result = cli("geschiedenis", "kerkrade-testproject-centrum", "--data", repo.root)
    assert result.exit_code == 0
    assert "deze versie van het bestand is geen geldige YAML; niet vergeleken" in result.stdout
    assert result.stdout.endswith("status: uitvoering → opgeleverd (op 5 januari 2024)\n")


def test_a_project_not_yet_committed(repo: Repo, cli) -> None:
    repo.write("data/projecten/heerlen/heerlen-nieuw.yaml", TEXT.replace("kerkrade-testproject", "heerlen-nieuw"))
    result = cli("geschiedenis", "heerlen-nieuw", "--data", repo.root)
    assert result.exit_code == 0
    assert "Dit project staat nog niet in de git-geschiedenis" in result.stdout


def test_unknown_project_is_a_usage_error_with_a_suggestion(repo: Repo, cli) -> None:
    result = cli("geschiedenis", "kerkrade-testproject-centrun", "--data", repo.root)
    assert result.exit_code == 2
    assert "Het project 'kerkrade-testproject-centrun' bestaat niet" in result.stderr
    assert "Bedoelde u 'kerkrade-testproject-centrum'?" in result.stderr
    result = cli("geschiedenis", "../../etc/passwd", "--data", repo.root)
    assert result.exit_code == 2
    assert "geen geldige project-id" in result.stderr


def test_outside_git_is_a_usage_error(data_copy: Path, cli) -> None:
    result = cli("geschiedenis", "kerkrade-kaalheide-verduurzaming", "--data", data_copy)
    assert result.exit_code == 2
    assert "staat niet in een git-repository" in result.stderr
