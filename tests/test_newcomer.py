"""What a new user ran into: each mistake from a policy advisor's week of edits.

Every test edits the shipped data the way the advisor did and checks that prestatie
says what is wrong, where the user made the mistake, and how to fix it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from prestatie.units import COUNTABLE_UNITS, is_countable
from prestatie.yamlread import read_yaml

Cli = Callable[..., Any]
PER = "2026-12-01"
KAALHEIDE = "data/projecten/kerkrade/kerkrade-kaalheide-verduurzaming.yaml"
SUPERLOCAL = "data/projecten/kerkrade/kerkrade-bleijerheide-superlocal.yaml"
EYGELSHOVEN = "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"


def _edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _findings(cli: Cli, root: Path) -> list[dict[str, Any]]:
    result = cli("validate", root, "--per", PER, "--format", "json")
    findings: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return findings


def _errors(cli: Cli, root: Path) -> list[tuple[str, int, int, str, str]]:
    return [
        (f["file"], f["line"], f["column"], f["code"], f["message"])
        for f in _findings(cli, root)
        if f["severity"] == "error"
    ]


# 1. Dutch thousands separators ------------------------------------------------------


def test_thousands_separator_in_a_count_is_an_error_naming_the_number_meant(
    cli: Cli, data_copy: Path
) -> None:
    _edit(data_copy, KAALHEIDE, "labelstappen: 1650", "labelstappen: 1.650")
    [(file, line, column, code, message)] = _errors(cli, data_copy)
    assert (file, line, column, code) == (KAALHEIDE, 15, 17, "PA018")
    assert message.startswith("Bedoelt u 1650? Schrijf getallen zonder duizendtalscheiding")


@pytest.mark.parametrize(
    ("written", "meant"),
    [("1.000", "1000"), ("12.500", "12500"), ("1.300.000", "1300000"), ("-1.650", "-1650")],
)
def test_thousands_shape_is_refused_wherever_a_number_is_expected(
    cli: Cli, data_copy: Path, written: str, meant: str
) -> None:
    _edit(data_copy, EYGELSHOVEN, "investering: 1150000", f"investering: {written}")
    [(_, line, _, code, message)] = _errors(cli, data_copy)
    assert (line, code) == (15, "PA018")
    assert f"Bedoelt u {meant}?" in message


def test_thousands_shape_in_a_per_gemeente_target_is_refused(cli: Cli, data_copy: Path) -> None:
    afspraak = "data/afspraken/verduurzaming-huurwoningen.yaml"
    _edit(data_copy, afspraak, "kerkrade: 700", "kerkrade: 1.300")
    assert [(line, c, m[:21]) for _, line, _, c, m in _errors(cli, data_copy)] == [
        (40, "PA018", "Bedoelt u 1300? Schri")
    ]


def test_where_text_is_expected_the_value_stays_the_text_written() -> None:
    outcome = read_yaml(b"nummer: 2.100\naantal: 1.5\n", "x.yaml")
    assert outcome.findings == []
    assert outcome.document is not None
    assert outcome.document.data == {"nummer": "2.100", "aantal": 1.5}


def test_a_fraction_in_a_countable_unit_is_an_error(cli: Cli, data_copy: Path) -> None:
    _edit(data_copy, SUPERLOCAL, "wijkprojecten: 1", "wijkprojecten: 1.5")
    [(_, line, _, code, message)] = _errors(cli, data_copy)
    assert (line, code) == (17, "PA215")
    assert "1.5 stuks" in message and "hele aantallen" in message


def test_fractions_stay_allowed_in_euro() -> None:
    assert {"woningen", "stuks", "personen", "labelstappen"} == COUNTABLE_UNITS
    assert not any(is_countable(u) for u in ("euro", "procent", "maanden", "dagen"))
    assert is_countable(" Woningen ")


# 2. Syntax errors at the line the user edited -------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "says"),
    [
        ("naam: Eygelshoven Doet!", 'naam: "Eygelshoven Doet!', 4, 7, "op regel 4 wordt op die regel niet"),
        ("status: uitvoering", "status:uitvoering", 10, 8, "schrijf 'status: uitvoering'"),
        (
            "afspraken: [kerkrade-lokale-afspraken-2019, leefbaarheid-wijken]",
            "afspraken: [kerkrade-lokale-afspraken-2019, leefbaarheid-wijken",
            9,
            12,
            "De [ op regel 9",
        ),
    ],
)
def test_syntax_error_points_at_the_edit_with_its_cause(
    cli: Cli, data_copy: Path, old: str, new: str, line: int, column: int, says: str
) -> None:
    _edit(data_copy, EYGELSHOVEN, old, new)
    [(file, *where, code, message)] = _errors(cli, data_copy)
    assert (file, *where, code) == (EYGELSHOVEN, line, column, "PA002")
    assert says in message
    assert "inspringing" not in message


# 3. Typographic quotes ------------------------------------------------------------------


def test_typographic_quotes_around_a_value_are_refused(cli: Cli, data_copy: Path) -> None:
    _edit(data_copy, "data/afspraken/nieuwbouw-ouderen.yaml", 'nummer: "2.1"', "nummer: “2.1”")
    [(_, _, _, code, message)] = _errors(cli, data_copy)
    assert code == "PA019"
    assert 'Gebruik rechte aanhalingstekens: "2.1"' in message


def test_typographic_quotes_around_text_with_a_colon_do_not_ask_for_quotes(cli: Cli, data_copy: Path) -> None:
    _edit(data_copy, EYGELSHOVEN, "naam: Eygelshoven Doet!", "naam: “Eygelshoven: Doet!”")
    [(_, line, column, code, message)] = _errors(cli, data_copy)
    assert (line, column, code) == (4, 7, "PA019")
    assert "rechte aanhalingstekens" in message


# 5. One root cause ------------------------------------------------------------------------


def test_opgeleverd_without_date_gets_only_the_missing_date(cli: Cli, data_copy: Path) -> None:
    landgraaf = "data/projecten/landgraaf/landgraaf-waubach-middenhuur.yaml"
    before = {f["code"] for f in _findings(cli, data_copy) if f["file"] == landgraaf}
    assert before == {"PA301", "PA302"}
    _edit(data_copy, landgraaf, "status: gepauzeerd", "status: opgeleverd")
    after = [f["code"] for f in _findings(cli, data_copy) if f["file"] == landgraaf]
    assert after == ["PA207"]


# 6. Suggestions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "written", "ident"),
    [("gemeente", "Kerkrade", "kerkrade"), ("trekker", "Wonen Limburg", "wonen-limburg")],
)
def test_a_name_where_an_id_belongs_gets_the_id(
    cli: Cli, data_copy: Path, field: str, written: str, ident: str
) -> None:
    text = (data_copy / EYGELSHOVEN).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(f"{field}:"))
    _edit(data_copy, EYGELSHOVEN, line, f"{field}: {written}")
    [(_, _, _, code, message)] = _errors(cli, data_copy)
    assert code == "PA105"
    assert message == (
        f"'{written}' is een naam; hier hoort een id (kleine letters, cijfers en koppeltekens): "
        f"gebruik de id '{ident}'."
    )


def test_a_name_where_an_id_belongs_is_answered_across_processes(data_copy: Path) -> None:
    import datetime as dt

    from prestatie.validate import validate_directory

    _edit(data_copy, EYGELSHOVEN, "gemeente: kerkrade", "gemeente: KERKRADE")
    _, result = validate_directory(data_copy, peildatum=dt.date(2026, 12, 1), workers=2)
    [finding] = [f for f in result.findings if f.code == "PA105"]
    assert finding.message.endswith("gebruik de id 'kerkrade'.")


def test_voortgang_suggests_the_project_whose_id_starts_with_the_text(cli: Cli, data_copy: Path) -> None:
    result = cli("voortgang", "--data", data_copy, "kerkrade-kaal", "Iets.")
    assert result.exit_code == 2
    assert "Bedoelde u 'kerkrade-kaalheide-verduurzaming'?" in result.stderr


def test_thema_by_a_word_of_its_name_is_suggested(cli: Cli, data_copy: Path) -> None:
    result = cli("status", "--data", data_copy, "--thema", "verduurzaming")
    assert result.exit_code == 2
    assert "Bedoelde u 'Verduurzaming en levensloopbestendige voorraad'?" in result.stderr


def test_validate_of_a_file_says_it_checks_the_whole_folder(cli: Cli, data_copy: Path) -> None:
    result = cli("validate", data_copy / EYGELSHOVEN)
    assert result.exit_code == 2
    assert "is een bestand, geen map" in result.stderr
    assert f"(hier: '{data_copy}')" in result.stderr
    assert "bestaat niet" not in result.stderr


def test_a_prefix_wins_over_a_typo_like_match() -> None:
    from prestatie.suggest import did_you_mean

    ids = ["kerkrade-eygelshoven-doet", "kerkrade-seniorenwoningen-bleijerheide", "kerkrade-seniorenflat"]
    assert did_you_mean("kerkrade-senioren", ids) == "kerkrade-seniorenflat"
    assert did_you_mean("kerkrade-seniorenw", ids) == "kerkrade-seniorenwoningen-bleijerheide"


# 9. Newcomer friction ----------------------------------------------------------------------


def _command_paths() -> list[list[str]]:
    from prestatie.cli.main import command

    paths: list[list[str]] = []

    def walk(cmd: Any, path: list[str]) -> None:
        paths.append(path)
        for name, sub in sorted(getattr(cmd, "commands", {}).items()):
            walk(sub, [*path, name])

    walk(command(), [])
    return paths


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "prestatie")
def test_every_help_has_examples_and_a_dutch_usage_line(cli: Cli, path: list[str]) -> None:
    result = cli(*path, "--help")
    assert result.exit_code == 0
    usage = result.stdout.splitlines()[0]
    assert usage.startswith("Gebruik: prestatie")
    assert re.search(r"\b(OPTIONS|COMMAND|ARGS)\b", usage) is None, usage
    examples = result.stdout.split("Voorbeelden:\n", 1)[1]
    assert f"prestatie {' '.join(path)}".rstrip() in examples
    assert all(len(line) <= 80 for line in examples.splitlines())


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_docs_json_names_every_key_of_the_json_output(cli: Cli, data_copy: Path) -> None:
    from conftest import REPO

    documented = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    _edit(data_copy, KAALHEIDE, "labelstappen: 1650", "labelstappen: 1.650")
    validate = json.loads(cli("validate", data_copy, "--format", "json").stdout)
    status = json.loads(cli("status", "--data", REPO, "--gemeente", "Kerkrade", "--format", "json").stdout)
    missing = sorted(k for k in _keys(validate) | _keys(status) if f"`{k}`" not in documented)
    assert missing == []


def test_the_docs_point_only_at_files_in_the_repository() -> None:
    from conftest import REPO

    docs = [REPO / "README.md", REPO / "CONTRIBUTING.md", *(REPO / "docs").glob("*.md")]
    assert [d.name for d in docs if "DESIGN.md" in d.read_text(encoding="utf-8")] == []
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    handleiding = (REPO / "docs" / "handleiding.md").read_text(encoding="utf-8")
    assert "source .venv/bin/activate" in readme and "source .venv/bin/activate" in handleiding


def test_nieuw_project_never_offers_opgeleverd(cli: Cli, data_copy: Path) -> None:
    for typed in ("opgelevrd", "klaar"):
        result = cli(
            "nieuw",
            "project",
            "--data",
            data_copy,
            "--gemeente",
            "Kerkrade",
            "--naam",
            "X",
            "--status",
            typed,
        )
        assert result.exit_code == 2
        assert "Kies uit: idee, voorbereiding, uitvoering, gepauzeerd, vervallen." in result.stderr or (
            "kan niet meteen 'opgeleverd' zijn" in result.stderr
        )
        assert "Kies uit: idee, voorbereiding, uitvoering, opgeleverd" not in result.stderr


# 8. Status text ----------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [60, 72, 80])
def test_narrow_status_keeps_every_verdict_and_breaks_no_word(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    from conftest import REPO

    monkeypatch.setenv("COLUMNS", str(columns))
    text = cli("status", "--data", REPO, "--gemeente", "Kerkrade").stdout
    data = json.loads(cli("status", "--data", REPO, "--gemeente", "Kerkrade", "--format", "json").stdout)
    assert all(len(line.rstrip()) <= columns for line in text.splitlines())
    body = text.split("\nVertraagde projecten")[0]
    doelen = [d for a in data["afspraken"] for d in a["doelen"]]
    for doel in doelen:  # every word of a doel's name whole: none broken at the edge
        assert all(word in body for word in doel["naam"].split())
    for verdict in {d["verdict"] for d in doelen}:  # no verdict cut off ('geen lokaal doel' may wrap)
        word = "geen" if verdict == "geen lokaal doel" else verdict
        shown = body.count(word) - sum(a["verdict"] == verdict for a in data["afspraken"])
        assert shown >= sum(d["verdict"] == verdict for d in doelen), verdict


def test_project_lists_lead_with_the_name(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import REPO

    monkeypatch.setenv("COLUMNS", "100")
    lines = cli("status", "--data", REPO, "--per", "2026-12-01").stdout.splitlines()
    start = lines.index("Vertraagde projecten (3)")
    assert lines[start + 2] == "Middenhuurwoningen Waubach"
    assert lines[start + 3].strip().endswith("· landgraaf-waubach-middenhuur")


def test_status_says_what_it_compares(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import REPO

    monkeypatch.setenv("COLUMNS", "200")
    text = cli("status", "--data", REPO, "--corporatie", "HEEMwonen", "--per", "2024-07-01").stdout
    assert "de projecten waarin HEEMwonen trekker of partij is, tegen de doelen van de hele regio" in text
    assert "Peildatum in het verleden: projecten tellen met hun status van nu" in text
    today = cli("status", "--data", REPO).stdout
    assert "Peildatum in het verleden" not in today and "Met een corporatie" not in today


def test_status_rev_names_the_commit(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import DATA
    from gitrepo import repo_with_data

    monkeypatch.setenv("COLUMNS", "200")
    repo = repo_with_data(tmp_path / "repo", DATA)
    repo.commit("Gegevens", date="2026-11-01T12:00:00")
    repo.git("tag", "v1")
    commit = repo.git("rev-parse", "v1").strip()
    text = cli("status", "--data", repo.root, "--rev", "v1").stdout
    assert f"Gegevens uit git: revisie v1 (commit {commit[:12]})." in text


def test_an_afspraak_without_doelen_and_projects_is_not_op_koers(cli: Cli, data_copy: Path) -> None:
    afspraak = "data/afspraken/huurdersbetrokkenheid-evaluatie.yaml"
    text = (data_copy / afspraak).read_text(encoding="utf-8")
    assert "doelen:" not in text
    # Still lopend (the shipped 2019-2024 afspraken are afgerond).
    (data_copy / afspraak).write_text(text.replace("status: afgerond", "status: lopend"), encoding="utf-8")
    for path in (data_copy / "data/projecten").rglob("*.yaml"):
        content = path.read_text(encoding="utf-8")
        path.write_text(content.replace(", huurdersbetrokkenheid-evaluatie]", "]"), encoding="utf-8")
    data = json.loads(cli("status", "--data", data_copy, "--per", "2024-07-01", "--format", "json").stdout)
    [shown] = [a for a in data["afspraken"] if a["id"] == "huurdersbetrokkenheid-evaluatie"]
    assert (shown["projecten"]["totaal"], shown["verdict"]) == (0, "aandacht")
