"""``prestatie diff``: a semantic diff between two revisions, on real git repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA
from gitrepo import Repo, repo_with_data

PROJECT = "data/projecten/kerkrade/kerkrade-testproject.yaml"
AFSPRAAK = "data/afspraken/test-afspraak.yaml"
PROJECT_TEXT = """\
# Een project om mee te testen
id: kerkrade-testproject
naam: Testproject Kerkrade
gemeente: kerkrade
wijk: Centrum
trekker: heemwonen
partijen: [heemwonen, kerkrade]
afspraken: [test-afspraak]
status: uitvoering
planning: {start: 2022-01-01, oplevering: 2024-06-30}
bijdragen:
  nieuwbouw-sociale-huur: 24
investering: 4800000
voortgang:
  - {datum: 2023-11-01, toelichting: Ruwbouw gereed.}
"""
AFSPRAAK_TEXT = """\
id: test-afspraak
titel: Testafspraak voor seniorenwoningen
thema: nieuwbouw
trekker: stadsregio-parkstad
partijen: [stadsregio-parkstad, heemwonen]
gemeenten: [kerkrade, heerlen]
periode: {van: 2022, tot: 2024}
status: lopend
doelen:
  - indicator: nieuwbouw-sociale-huur
    streefwaarde: 100
    jaarschijven: {2022: 30, 2023: 30, 2024: 40}
"""
NEW_PROJECT = """\
id: heerlen-testnieuwbouw
naam: Nieuwbouw Testlaan
gemeente: heerlen
trekker: weller
partijen: [weller, heerlen]
afspraken: [test-afspraak]
status: voorbereiding
planning: {start: 2025-01-01, oplevering: 2026-12-31}
bijdragen:
  nieuwbouw-sociale-huur: 12
"""


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """The shipped data plus a test project and afspraak, tagged v2023 on 1 December 2023."""
    repo = repo_with_data(tmp_path / "repo", DATA)
    repo.write(PROJECT, PROJECT_TEXT)
    repo.write(AFSPRAAK, AFSPRAAK_TEXT)
    repo.commit("Testproject en testafspraak", date="2023-12-01T12:00:00")
    repo.git("tag", "v2023")
    return repo


def year_of_changes(repo: Repo) -> None:
    """Every kind of change, over a few dated commits, tagged v2024."""
    repo.edit(PROJECT, "oplevering: 2024-06-30", "oplevering: 2024-09-30")
    repo.append(PROJECT, "  - {datum: 2024-03-01, toelichting: Wind- en waterdicht.}\n")
    repo.commit("Planning testproject bijgewerkt", date="2024-03-02T09:00:00", author="Bram Jansen")
    repo.edit(PROJECT, "status: uitvoering", "status: opgeleverd\nopgeleverd: 2024-09-27")
    repo.edit(PROJECT, "nieuwbouw-sociale-huur: 24", "nieuwbouw-sociale-huur: 30")
    repo.edit(PROJECT, "investering: 4800000", "investering: 5100000")
    repo.append(PROJECT, "  - {datum: 2024-09-27, toelichting: Opgeleverd aan de huurders.}\n")
    repo.write("data/projecten/heerlen/heerlen-testnieuwbouw.yaml", NEW_PROJECT)
    repo.edit(AFSPRAAK, "streefwaarde: 100", "streefwaarde: 110")
    repo.edit(AFSPRAAK, "2024: 40}", "2024: 50}")
    repo.commit("Oplevering testproject", date="2024-10-01T09:00:00")
    repo.remove("data/projecten/voerendaal/voerendaal-kunrade-zorgwoonvorm.yaml")
    repo.commit("Project Kunrade vervallen en verwijderd", date="2024-11-15T09:00:00")
    repo.git("tag", "v2024")


EXPECTED_TEXT = """\
Wijzigingen van v2023 ({v2023}, 1 december 2023) tot v2024 ({v2024}, 15 november 2024)

Projecten: 1 nieuw project, 1 project gewijzigd, 1 project verwijderd.
Daarin: 1 statuswijziging (1 opgeleverd); 1 oplevering later gepland; 2 voortgangsberichten; \
1 afspraak gewijzigd.

Heerlen
  + Nieuwbouw Testlaan (nieuw project, voorbereiding, geplande oplevering 31 december 2026)

Kerkrade
  ~ Testproject Kerkrade
      status: uitvoering → opgeleverd (op 27 september 2024)
      geplande oplevering: 30 juni 2024 → 30 september 2024 (92 dagen later, vertraging)
      bijdrage Nieuwe sociale huurwoningen: 24 woningen → 30 woningen
      investering: € 4,8 mln → € 5,1 mln
      voortgang 2 nieuwe berichten, laatste 27 september 2024: Opgeleverd aan de huurders.

{voerendaal}
  - {kunrade} (verwijderd; status was {kunrade_status})

Afspraken
  ~ Testafspraak voor seniorenwoningen
      streefwaarde Nieuwe sociale huurwoningen: 100 woningen → 110 woningen
      jaarschijf 2024 Nieuwe sociale huurwoningen: 40 woningen → 50 woningen
"""


def test_a_year_of_changes_as_dutch_text_grouped_per_gemeente(repo: Repo, cli) -> None:
    kunrade = (DATA / "projecten/voerendaal/voerendaal-kunrade-zorgwoonvorm.yaml").read_text(encoding="utf-8")
    naam = next(line for line in kunrade.splitlines() if line.startswith("naam: "))[6:]
    status = next(line for line in kunrade.splitlines() if line.startswith("status: "))[8:]
    year_of_changes(repo)
    result = cli("diff", "v2023", "v2024", "--data", repo.root)
    assert result.exit_code == 0, result.stderr
    expected = EXPECTED_TEXT.format(
        v2023=repo.short("v2023"),
        v2024=repo.short("v2024"),
        voerendaal="Voerendaal",
        kunrade=naam,
        kunrade_status=status,
    )
    assert result.stdout == expected
    assert result.stderr == ""


def test_json_has_every_kind_of_change(repo: Repo, cli) -> None:
    year_of_changes(repo)
    result = cli("diff", "v2023", "v2024", "--data", repo.root, "--format", "json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["van"] == {
        "revisie": "v2023",
        "commit": repo.git("rev-parse", "v2023"),
        "datum": "2023-12-01",
        "werkmap": False,
    }
    assert out["filter"] == {"gemeente": None, "corporatie": None, "thema": None, "overeenkomst": None}
    assert out["samenvatting"]["projecten_nieuw"] == 1
    assert out["samenvatting"]["projecten_verwijderd"] == 1
    assert out["samenvatting"]["oplevering_later"] == 1
    assert out["meldingen"] == []
    by_id = {p["id"]: p for p in out["projecten"]}
    assert by_id["heerlen-testnieuwbouw"]["wijziging"] == "nieuw"
    assert by_id["heerlen-testnieuwbouw"]["gemeente_naam"] == "Heerlen"
    assert by_id["voerendaal-kunrade-zorgwoonvorm"]["wijziging"] == "verwijderd"
    project = by_id["kerkrade-testproject"]
    assert project["wijziging"] == "gewijzigd"
    assert project["status"] == "opgeleverd"
    assert project["oplevering"] == "2024-09-30"
    assert project["wijzigingen"] == [
        {"soort": "status", "van": "uitvoering", "naar": "opgeleverd"},
        {"soort": "opgeleverd", "van": None, "naar": "2024-09-27"},
        {"soort": "oplevering", "van": "2024-06-30", "naar": "2024-09-30", "dagen": 92, "vertraging": True},
        {"soort": "bijdrage", "indicator": "nieuwbouw-sociale-huur", "van": 24, "naar": 30},
        {"soort": "investering", "van": 4800000, "naar": 5100000},
        {"soort": "voortgang", "datum": "2024-03-01", "van": None, "naar": "Wind- en waterdicht."},
        {"soort": "voortgang", "datum": "2024-09-27", "van": None, "naar": "Opgeleverd aan de huurders."},
    ]
    assert out["afspraken"] == [
        {
            "id": "test-afspraak",
            "naam": "Testafspraak voor seniorenwoningen",
            "wijziging": "gewijzigd",
            "bestand": AFSPRAAK,
            "status": "lopend",
            "wijzigingen": [
                {"soort": "streefwaarde", "indicator": "nieuwbouw-sociale-huur", "van": 100, "naar": 110},
                {"soort": "jaarschijf", "indicator": "nieuwbouw-sociale-huur", "jaar": 2024, "van": 40, "naar": 50},
            ],
        }
    ]


def test_oplevering_earlier_is_no_slip_and_afspraken_added_and_removed(repo: Repo, cli) -> None:
    repo.edit(PROJECT, "oplevering: 2024-06-30", "oplevering: 2024-05-31")
    repo.remove(AFSPRAAK)
    repo.write(
        "data/afspraken/sloop-test.yaml",
        "id: sloop-test\ntitel: Sloop van verouderde flats\nthema: nieuwbouw\ntrekker: heerlen\n"
        "periode: {van: 2024, tot: 2026}\nstatus: lopend\ndoelen:\n  - {indicator: sloop, streefwaarde: 80}\n",
    )
    repo.commit("Afspraken herzien", date="2024-02-01T12:00:00")
    out = json.loads(cli("diff", "v2023", "HEAD", "--data", repo.root, "--format", "json").stdout)
    (project,) = out["projecten"]
    assert project["wijzigingen"] == [
        {"soort": "oplevering", "van": "2024-06-30", "naar": "2024-05-31", "dagen": -30, "vertraging": False}
    ]
    assert [(a["id"], a["wijziging"]) for a in out["afspraken"]] == [
        ("sloop-test", "nieuw"),
        ("test-afspraak", "verwijderd"),
    ]
    text = cli("diff", "v2023", "HEAD", "--data", repo.root).stdout
    assert "geplande oplevering: 30 juni 2024 → 31 mei 2024 (30 dagen eerder)" in text
    assert "+ Sloop van verouderde flats (nieuwe afspraak)" in text
    assert "- Testafspraak voor seniorenwoningen (verwijderd)" in text


def test_doelen_per_gemeente_and_other_fields(repo: Repo, cli) -> None:
    repo.edit(AFSPRAAK, "    jaarschijven: {2022: 30, 2023: 30, 2024: 40}\n",
              "    jaarschijven: {2022: 30, 2023: 30, 2024: 40}\n    per_gemeente: {kerkrade: 60}\n")
    repo.edit(AFSPRAAK, "status: lopend", "status: gewijzigd")
    repo.edit(PROJECT, "partijen: [heemwonen, kerkrade]", "partijen: [heemwonen, kerkrade, roh-parkstad]")
    repo.edit(PROJECT, "naam: Testproject Kerkrade", "naam: Testproject Kerkrade-West")
    repo.commit("Details", date="2024-02-01T12:00:00")
    out = json.loads(cli("diff", "v2023", "HEAD", "--data", repo.root, "--format", "json").stdout)
    assert out["afspraken"][0]["wijzigingen"] == [
        {"soort": "status", "van": "lopend", "naar": "gewijzigd"},
        {"soort": "per_gemeente", "indicator": "nieuwbouw-sociale-huur", "gemeente": "kerkrade", "van": None, "naar": 60},
    ]
    assert out["projecten"][0]["wijzigingen"] == [
        {"soort": "naam", "van": "Testproject Kerkrade", "naar": "Testproject Kerkrade-West"},
        {"soort": "partijen", "van": [], "naar": ["roh-parkstad"]},
    ]
    text = cli("diff", "v2023", "HEAD", "--data", repo.root).stdout
    assert "doel Kerkrade Nieuwe sociale huurwoningen: geen → 60 woningen" in text
    assert "partijen: + roh-parkstad" in text


def test_a_renamed_project_file_is_the_same_project(repo: Repo, cli) -> None:
    new = "data/projecten/kerkrade/kerkrade-testproject-centrum.yaml"
    repo.move(PROJECT, new)
    repo.edit(new, "id: kerkrade-testproject", "id: kerkrade-testproject-centrum")
    repo.edit(new, "status: uitvoering", "status: gepauzeerd")
    repo.commit("Hernoemd", date="2024-02-01T12:00:00")
    out = json.loads(cli("diff", "v2023", "HEAD", "--data", repo.root, "--format", "json").stdout)
    (project,) = out["projecten"]
    assert project["id"] == "kerkrade-testproject-centrum"
    assert project["wijziging"] == "gewijzigd"
    assert project["bestand"] == new
    assert project["vorig_bestand"] == PROJECT
    assert project["wijzigingen"] == [
        {"soort": "id", "van": "kerkrade-testproject", "naar": "kerkrade-testproject-centrum"},
        {"soort": "status", "van": "uitvoering", "naar": "gepauzeerd"},
    ]


def test_a_project_moved_to_another_gemeente_folder_keeps_its_history(repo: Repo, cli) -> None:
    new = "data/projecten/heerlen/kerkrade-testproject.yaml"
    repo.move(PROJECT, new)
    repo.edit(new, "gemeente: kerkrade", "gemeente: heerlen")
    repo.commit("Verplaatst", date="2024-02-01T12:00:00")
    out = json.loads(cli("diff", "v2023", "HEAD", "--data", repo.root, "--format", "json").stdout)
    (project,) = out["projecten"]
    assert project["wijzigingen"] == [{"soort": "gemeente", "van": "kerkrade", "naar": "heerlen"}]
    assert project["gemeente"] == "heerlen"


def test_working_tree_is_the_default_tot_with_untracked_files(repo: Repo, cli) -> None:
    repo.edit(PROJECT, "status: uitvoering", "status: gepauzeerd")  # not committed
    repo.write("data/projecten/heerlen/heerlen-testnieuwbouw.yaml", NEW_PROJECT)  # untracked
    result = cli("diff", "v2023", "--data", repo.root)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Wijzigingen van v2023 ({repo.short('v2023')}, "
                                    "1 december 2023) tot de werkmap\n")
    assert "+ Nieuwbouw Testlaan (nieuw project, voorbereiding, geplande oplevering 31 december 2026)" in result.stdout
    assert "status: uitvoering → gepauzeerd" in result.stdout
    out = json.loads(cli("diff", "v2023", "--data", repo.root, "--format", "json").stdout)
    assert out["tot"] == {"revisie": None, "commit": None, "datum": None, "werkmap": True}


def test_comment_and_formatting_changes_are_not_changes(repo: Repo, cli) -> None:
    repo.edit(PROJECT, "# Een project om mee te testen", "# Een project om mee te testen (bijgewerkt)")
    repo.edit(PROJECT, "partijen: [heemwonen, kerkrade]", "partijen:\n  - heemwonen\n  - kerkrade")
    repo.write("data/README.md", "Uitleg die niet meetelt.\n")
    repo.commit("Opmaak", date="2024-02-01T12:00:00")
    result = cli("diff", "v2023", "HEAD", "--data", repo.root)
    assert result.exit_code == 0
    assert result.stdout.endswith("\n\nGeen inhoudelijke wijzigingen.\n")


def test_the_date_form_of_a_revision(repo: Repo, cli) -> None:
    year_of_changes(repo)
    # 2024-03-02 is the end of the day of the first commit of the year: only its changes count.
    out = json.loads(cli("diff", "2023-12-31", "2024-03-02", "--data", repo.root, "--format", "json").stdout)
    assert out["van"]["commit"] == repo.git("rev-parse", "v2023")
    assert out["tot"]["datum"] == "2024-03-02"
    (project,) = out["projecten"]
    assert [w["soort"] for w in project["wijzigingen"]] == ["oplevering", "voortgang"]


def test_filters_gemeente_corporatie_thema(repo: Repo, cli) -> None:
    year_of_changes(repo)

    def ids(*options: str) -> list[str]:
        result = cli("diff", "v2023", "v2024", "--data", repo.root, "--format", "json", *options)
        assert result.exit_code == 0, result.stderr
        out = json.loads(result.stdout)
        return [p["id"] for p in out["projecten"]] + [a["id"] for a in out["afspraken"]]

    assert ids("--gemeente", "KERKRADE") == ["kerkrade-testproject", "test-afspraak"]
    assert ids("--gemeente", "heerlen") == ["heerlen-testnieuwbouw", "test-afspraak"]
    # Weller takes no part in test-afspraak, but its project is linked to it: kept, as in status.
    assert ids("--corporatie", "Weller") == ["heerlen-testnieuwbouw", "test-afspraak"]
    assert ids("--thema", "nieuwbouw") == ["heerlen-testnieuwbouw", "kerkrade-testproject", "test-afspraak"]
    text = cli("diff", "v2023", "v2024", "--data", repo.root, "--gemeente", "Kerkrade").stdout
    assert "Filter: gemeente kerkrade\n" in text


def test_an_unknown_gemeente_is_a_usage_error(repo: Repo, cli) -> None:
    result = cli("diff", "v2023", "--data", repo.root, "--gemeente", "Kerkraad")
    assert result.exit_code == 2
    assert "Onbekende gemeente 'Kerkraad' bij --gemeente. Bedoelde u 'Kerkrade'?" in result.stderr


def test_a_changed_file_that_does_not_parse_is_reported_and_exits_1(repo: Repo, cli) -> None:
    repo.edit(PROJECT, "status: uitvoering", "status: [uitvoering")
    repo.write("data/projecten/heerlen/heerlen-testnieuwbouw.yaml", NEW_PROJECT)
    repo.commit("Kapot", date="2024-02-01T12:00:00")
    result = cli("diff", "v2023", "HEAD", "--data", repo.root)
    assert result.exit_code == 1
    assert "+ Nieuwbouw Testlaan" in result.stdout  # the rest is still shown
    assert "Niet te lezen: deze gewijzigde bestanden konden niet worden vergeleken" in result.stdout
    assert f"  {PROJECT} (HEAD), regel " in result.stdout
    assert "fout PA002" in result.stdout
    out = json.loads(cli("diff", "v2023", "HEAD", "--data", repo.root, "--format", "json").stdout)
    (melding,) = out["meldingen"]
    assert melding["revisie"] == "HEAD"
    assert melding["file"] == PROJECT
    assert melding["code"] == "PA002"
    assert melding["severity"] == "error"


def test_unknown_revision_is_a_usage_error(repo: Repo, cli) -> None:
    result = cli("diff", "v1999", "--data", repo.root)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Fout: Onbekende revisie 'v1999': er is geen tag, branch of commit")
    assert cli("diff", "--output=x", "--data", repo.root).exit_code == 2
    result = cli("diff", "2019-01-01", "--data", repo.root)
    assert result.exit_code == 2
    assert "Er is geen commit op of vóór 2019-01-01" in result.stderr
    result = cli("diff", "2023-02-30", "--data", repo.root)
    assert result.exit_code == 2
    assert "'2023-02-30' is geen bestaande datum" in result.stderr


def test_outside_a_git_repository_is_a_usage_error(data_copy: Path, cli) -> None:
    result = cli("diff", "v2023", "--data", data_copy)
    assert result.exit_code == 2
    assert "staat niet in een git-repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_format_is_a_usage_error(repo: Repo, cli) -> None:
    result = cli("diff", "v2023", "--data", repo.root, "--format", "xml")
    assert result.exit_code == 2
    assert "'xml' is geen geldige waarde voor --format" in result.stderr


def test_a_new_project_that_was_delivered_shows_its_delivery_date(repo: Repo, cli) -> None:
    delivered = NEW_PROJECT.replace("status: voorbereiding", "status: opgeleverd\nopgeleverd: 2024-12-01")
    repo.write("data/projecten/heerlen/heerlen-testnieuwbouw.yaml", delivered.replace("2025-01-01", "2024-01-01"))
    repo.commit("Opgeleverd project nagetekend", date="2024-12-02T09:00:00")
    result = cli("diff", "v2023", "HEAD", "--data", repo.root)
    assert "+ Nieuwbouw Testlaan (nieuw project, opgeleverd 1 december 2024)" in result.stdout
    assert "31 december 2026" not in result.stdout
    out = json.loads(cli("diff", "v2023", "HEAD", "--data", repo.root, "--format", "json").stdout)
    assert (out["projecten"][0]["opgeleverd"], out["projecten"][0]["oplevering"]) == ("2024-12-01", "2026-12-31")


def test_gemeente_filter_leaves_out_the_targets_of_other_gemeenten(repo: Repo, cli) -> None:
    repo.edit(AFSPRAAK, "    jaarschijven: {2022: 30, 2023: 30, 2024: 40}\n",
              "    jaarschijven: {2022: 30, 2023: 30, 2024: 40}\n    per_gemeente: {heerlen: 40}\n")
    repo.commit("Doel Heerlen", date="2024-02-01T12:00:00")

    def afspraken(*options: str) -> list[tuple[str, list[str]]]:
        out = json.loads(cli("diff", "v2023", "HEAD", "--data", repo.root, "--format", "json", *options).stdout)
        return [(a["id"], [w["gemeente"] for w in a["wijzigingen"]]) for a in out["afspraken"]]

    assert afspraken() == [("test-afspraak", ["heerlen"])]
    assert afspraken("--gemeente", "Heerlen") == [("test-afspraak", ["heerlen"])]
    assert afspraken("--gemeente", "Kerkrade") == []
    repo.edit(AFSPRAAK, "status: lopend", "status: gewijzigd")
    repo.commit("Gewijzigd", date="2024-03-01T12:00:00")
    out = json.loads(cli("diff", "v2023", "HEAD", "--data", repo.root, "--format", "json", "--gemeente", "Kerkrade").stdout)
    assert [w["soort"] for w in out["afspraken"][0]["wijzigingen"]] == ["status"]
