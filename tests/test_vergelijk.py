"""``prestatie status --vergelijk BASE`` and ``diff --format markdown`` on a real git repository,
and ``validate --format markdown`` on its own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from gitrepo import Repo
from prestatie.findings import Finding, Severity, ValidationResult
from prestatie.reporters import markdown
from test_cases import CASES
from test_review_workflow import HOSTILE, OPGELEVERD, _data_repository

PER = "2025-01-01"


def test_json_lists_the_afspraak_whose_verdict_moved_with_before_and_after(cli, tmp_path: Path) -> None:
    checkout = _data_repository(tmp_path)
    run = cli("status", "--data", checkout, "--vergelijk", "origin/main", "--per", PER, "--format", "json")
    assert run.exit_code == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["van"]["revisie"] == "origin/main" and result["tot"]["werkmap"] is True
    assert result["peildatum"] == PER
    (afspraak,) = result["afspraken"]
    assert afspraak["id"] == "nieuwbouw-ouderen"
    assert afspraak["verdict"] == {"van": "aandacht", "naar": "op koers"}
    (doel,) = afspraak["doelen"]
    assert (doel["van"]["gerealiseerd"], doel["naar"]["gerealiseerd"]) == (40, 100)
    assert (doel["van"]["in_uitvoering"], doel["naar"]["in_uitvoering"]) == (60, 0)
    assert result["diff"]["samenvatting"]["opgeleverd"] == 1


def test_text_names_the_verdict_change_then_the_diff(cli, tmp_path: Path) -> None:
    checkout = _data_repository(tmp_path)
    run = cli("status", "--data", checkout, "--vergelijk", "origin/main", "--per", PER)
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Gevolgen voor de afspraken"
    assert "  2.1 Nieuwbouw voor ouderen: aandacht → op koers" in lines
    assert run.stdout.index("Gevolgen") < run.stdout.index("Wijzigingen van origin/main")
    assert HOSTILE in run.stdout  # plain text: shown as written


def test_uncommitted_work_counts_and_nothing_changed_says_so(cli, tmp_path: Path) -> None:
    checkout = _data_repository(tmp_path)
    same = cli("status", "--data", checkout, "--vergelijk", "HEAD", "--per", PER, "--format", "markdown")
    assert same.exit_code == 0, same.stderr
    assert "Geen afspraak verandert van oordeel of gerealiseerd" in same.stdout
    assert "niets inhoudelijk veranderd" in same.stdout
    path = checkout / OPGELEVERD
    path.write_text(path.read_text(encoding="utf-8").replace("nieuwbouw-sociale-huur: 60", "nieuwbouw-sociale-huur: 5"))
    moved = cli("status", "--data", checkout, "--vergelijk", "HEAD", "--per", PER, "--format", "json")
    (afspraak,) = json.loads(moved.stdout)["afspraken"]
    assert afspraak["verdict"] == {"van": "op koers", "naar": "achter"}


def test_errors_at_either_side_and_wrong_use(cli, tmp_path: Path) -> None:
    checkout = _data_repository(tmp_path)
    unknown = cli("status", "--data", checkout, "--vergelijk", "bestaat-niet")
    assert unknown.exit_code == 2 and "bestaat-niet" in unknown.stderr
    both = cli("status", "--data", checkout, "--vergelijk", "origin/main", "--rev", "HEAD")
    assert both.exit_code == 2 and "--rev" in both.stderr
    wrong = cli("status", "--data", checkout, "--format", "markdown")
    assert wrong.exit_code == 2
    path = checkout / OPGELEVERD
    path.write_text(path.read_text(encoding="utf-8").replace("status: opgeleverd", "status: klaar"))
    broken = cli("status", "--data", checkout, "--vergelijk", "origin/main", "--per", PER)
    assert broken.exit_code == 1 and "prestatie validate" in broken.stderr and "Traceback" not in broken.stderr


def test_diff_as_markdown_escapes_the_data(cli, tmp_path: Path) -> None:
    checkout = _data_repository(tmp_path)
    run = cli("diff", "origin/main", "--data", checkout, "--format", "markdown")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("## Wijzigingen sinds origin/main")
    assert "<b>" not in run.stdout and "](https://kwaad" not in run.stdout
    assert "\\|" in run.stdout


def _findings(count: int) -> ValidationResult:
    return ValidationResult(
        count,
        [Finding(f"data/a|{i}.yaml", i + 1, 2, "PA203", Severity.ERROR, f"Onbekend <b>{i}</b> | [x](https://y)")
         for i in range(count)]
        + [Finding("data/b.yaml", 1, 1, "PA304", Severity.WARNING, "Geen projecten.")],
    )


def test_validate_markdown_escapes_and_puts_errors_first() -> None:
    text = markdown.render(_findings(2))
    assert text.splitlines()[:3] == ["## Controle van de gegevens", "", "2 fouten en 1 waarschuwing in 2 bestanden."]
    rows = [line for line in text.splitlines() if line.startswith("| data")]
    assert rows[0] == "| data/a\\|0.yaml:1:2 | fout PA203 | Onbekend \\<b\\>0\\</b\\> \\| \\[x\\](https\\://y) |"
    assert rows[-1].startswith("| data/b.yaml:1:1 | waarschuwing PA304 |")
    assert "meldingen**" not in text


def test_validate_markdown_over_ten_findings_says_how_many_and_where() -> None:
    without = markdown.render(_findings(11))
    assert "Dit zijn de eerste 10 van **12 meldingen**; er zijn er nog 2." in without
    assert "de uitvoer van `prestatie validate`" in without
    link = markdown.render(_findings(11), "https://example.org/a b>(c)")
    assert "[code scanning](<https://example.org/a%20b%3E(c)>)" in link
    assert markdown.render(ValidationResult(3, [])).endswith("Alles in orde: 3 bestanden gecontroleerd, geen fouten of waarschuwingen.\n")


def test_a_base_without_data_makes_every_afspraak_new(cli, tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    repo.commit("Leeg begin", date="2023-01-01T12:00:00")
    repo.git("checkout", "-q", "-b", "gegevens")
    shutil.copytree(CASES / "_base" / "data", tmp_path / "data")
    run = cli("status", "--data", tmp_path, "--vergelijk", "main", "--per", PER, "--format", "json")
    assert run.exit_code == 0, run.stderr
    (afspraak,) = json.loads(run.stdout)["afspraken"]
    assert afspraak["id"] == "nieuwbouw-ouderen"
    assert afspraak["verdict"]["van"] is None and afspraak["verdict"]["naar"]
