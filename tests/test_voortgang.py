"""``prestatie voortgang``: one entry appended, status updated, every other byte kept."""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import prestatie.edit.voortgang as voortgang_module
from prestatie import dutch
from prestatie.errors import UsageError
from prestatie.yamlread import read_yaml

PROJECT = "data/projecten/kerkrade/kerkrade-test-project.yaml"

# Comments everywhere, 'single', "double" and plain quoting, a quoted status.
ODD = """\
# yaml-language-server: $schema=../../../schemas/project.schema.json
# Project met 'enkele' en "dubbele" aanhalingstekens
id: kerkrade-test-project   # de id
naam: 'Seniorenwoningen ''t Hoogveld'
gemeente: "kerkrade"
wijk:    Bleijerheide
trekker: heemwonen
partijen: [heemwonen, 'kerkrade']
afspraken:
- "nieuwbouw-ouderen"
status: 'uitvoering'   # fase
planning: {start: 2022-03-01, oplevering: 2030-06-30}
# de oplevering volgt later
bijdragen:
  nieuwbouw-sociale-huur: 24   # woningen
investering: 4800000
voortgang:
  - datum: 2023-11-01
    toelichting: "Ruwbouw gereed: dak erop."   # commentaar
  - datum: 2024-02-01
    toelichting: 'Afbouw gestart'

# slotcommentaar
"""


def _write(root: Path, text: str, newline: str) -> Path:
    path = root / PROJECT
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def _validate_ok(cli: Callable[..., Any], root: Path) -> None:
    result = cli("validate", root)
    assert result.exit_code == 0, result.stdout + result.stderr


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_progress_with_status_change_edits_only_what_it_must(
    data_copy: Path, cli: Callable[..., Any], newline: str
) -> None:
    path = _write(data_copy, ODD, newline)
    result = cli(
        "voortgang",
        "kerkrade-test-project",
        "Installaties aangelegd, oplevering in juni.",
        "--status",
        "voorbereiding",
        "--datum",
        "2024-05-01",
        "--data",
        data_copy,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [f"Bijgewerkt: {PROJECT}", "Status: uitvoering -> voorbereiding"]
    expected = ODD.replace("status: 'uitvoering'   # fase", "status: 'voorbereiding' # fase").replace(
        "    toelichting: 'Afbouw gestart'\n",
        "    toelichting: 'Afbouw gestart'\n"
        "  - datum: 2024-05-01\n"
        "    toelichting: Installaties aangelegd, oplevering in juni.\n",
    )
    assert path.read_bytes() == expected.replace("\n", newline).encode("utf-8")
    _validate_ok(cli, data_copy)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_becoming_opgeleverd_sets_the_date(data_copy: Path, cli: Callable[..., Any], newline: str) -> None:
    path = _write(data_copy, ODD, newline)
    result = cli(
        "voortgang",
        "kerkrade-test-project",
        "Sleutels uitgereikt: alle 24 woningen bewoond",
        "--status",
        "opgeleverd",
        "--datum",
        "2024-06-28",
        "--data",
        data_copy,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ["Status: uitvoering -> opgeleverd", "Opgeleverd: 28 juni 2024"]
    expected = (
        ODD.replace("status: 'uitvoering'   # fase", "status: 'opgeleverd'   # fase")
        .replace(
            "planning: {start: 2022-03-01, oplevering: 2030-06-30}\n",
            "planning: {start: 2022-03-01, oplevering: 2030-06-30}\nopgeleverd: 2024-06-28\n",
        )
        .replace(
            "    toelichting: 'Afbouw gestart'\n",
            "    toelichting: 'Afbouw gestart'\n"
            "  - datum: 2024-06-28\n"
            '    toelichting: "Sleutels uitgereikt: alle 24 woningen bewoond"\n',
        )
    )
    assert path.read_bytes() == expected.replace("\n", newline).encode("utf-8")
    _validate_ok(cli, data_copy)


def test_leaving_opgeleverd_clears_the_date(data_copy: Path, cli: Callable[..., Any]) -> None:
    path = data_copy / "data/projecten/kerkrade/kerkrade-bleijerheide-superlocal.yaml"
    before = path.read_text(encoding="utf-8")
    result = cli(
        "voortgang",
        "kerkrade-bleijerheide-superlocal",
        "Herstel van de gevels nodig; weer in uitvoering.",
        "--status",
        "uitvoering",
        "--datum",
        "2023-01-10",
        "--data",
        data_copy,
    )
    assert result.exit_code == 0, result.stderr
    expected = (
        before.replace("status: opgeleverd\n", "status: uitvoering\n").replace(
            "opgeleverd: 2022-09-30\n", "opgeleverd: null\n"
        )
        + "  - datum: 2023-01-10\n    toelichting: Herstel van de gevels nodig; weer in uitvoering.\n"
    )
    assert path.read_text(encoding="utf-8") == expected


def test_default_date_is_today_and_status_stays(data_copy: Path, cli: Callable[..., Any]) -> None:
    path = _write(data_copy, ODD, "\n")
    result = cli("voortgang", "kerkrade-test-project", "Overleg met de huurders", "--data", data_copy)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [f"Bijgewerkt: {PROJECT}"]
    today = dt.date.today().isoformat()
    assert path.read_text(encoding="utf-8") == ODD.replace(
        "    toelichting: 'Afbouw gestart'\n",
        f"    toelichting: 'Afbouw gestart'\n  - datum: {today}\n    toelichting: Overleg met de huurders\n",
    )


def test_flow_style_entries_get_a_flow_style_entry(data_copy: Path, cli: Callable[..., Any]) -> None:
    text = ODD.split("voortgang:\n")[0] + (
        "voortgang:  # nieuwste onderaan\n  - {datum: 2023-11-01, toelichting: Ruwbouw gereed.}\n"
    )
    path = _write(data_copy, text, "\n")
    result = cli(
        "voortgang",
        "kerkrade-test-project",
        "Dak, kozijnen en gevel klaar",
        "--datum",
        "2024-01-15",
        "--data",
        data_copy,
    )
    assert result.exit_code == 0, result.stderr
    assert (
        path.read_text(encoding="utf-8")
        == text + '  - {datum: 2024-01-15, toelichting: "Dak, kozijnen en gevel klaar"}\n'
    )
    _validate_ok(cli, data_copy)


@pytest.mark.parametrize("empty", ["voortgang: []", "voortgang:   []"])
def test_an_empty_list_becomes_a_block_list(data_copy: Path, cli: Callable[..., Any], empty: str) -> None:
    text = ODD.split("voortgang:\n")[0] + f"{empty}  # nieuwste onderaan\n"
    path = _write(data_copy, text, "\r\n")
    result = cli("voortgang", "kerkrade-test-project", "Start", "--datum", "2024-01-15", "--data", data_copy)
    assert result.exit_code == 0, result.stderr
    expected = ODD.split("voortgang:\n")[0] + (
        "voortgang:  # nieuwste onderaan\n  - datum: 2024-01-15\n    toelichting: Start\n"
    )
    assert path.read_bytes() == expected.replace("\n", "\r\n").encode("utf-8")


def test_missing_voortgang_is_added_at_the_end(data_copy: Path, cli: Callable[..., Any]) -> None:
    text = ODD.split("voortgang:\n")[0].rstrip("\n")  # and no final newline
    path = _write(data_copy, text, "\n")
    result = cli("voortgang", "kerkrade-test-project", "Start", "--datum", "2024-01-15", "--data", data_copy)
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == text + (
        "\nvoortgang:\n  - datum: 2024-01-15\n    toelichting: Start\n"
    )


def test_a_non_empty_flow_list_falls_back_to_a_round_trip(data_copy: Path, cli: Callable[..., Any]) -> None:
    text = ODD.split("voortgang:\n")[0] + "voortgang: [{datum: 2023-11-01, toelichting: Start}]\n"
    path = _write(data_copy, text, "\n")
    result = cli("voortgang", "kerkrade-test-project", "Verder", "--datum", "2024-01-15", "--data", data_copy)
    assert result.exit_code == 0, result.stderr
    written = path.read_text(encoding="utf-8")
    # Comments, key order and quoting of the untouched part survive the round trip.
    for line in ODD.split("voortgang:\n")[0].splitlines():
        if not line.startswith("wijk:"):  # ruamel.yaml normalises the spaces after a key
            assert line + "\n" in written
    document = read_yaml(written.encode("utf-8"), PROJECT).document
    assert document is not None
    assert document.data["voortgang"] == [
        {"datum": dt.date(2023, 11, 1), "toelichting": "Start"},
        {"datum": dt.date(2024, 1, 15), "toelichting": "Verder"},
    ]
    _validate_ok(cli, data_copy)


def test_the_mode_of_the_file_is_kept(data_copy: Path, cli: Callable[..., Any]) -> None:
    path = _write(data_copy, ODD, "\n")
    path.chmod(0o600)
    assert cli("voortgang", "kerkrade-test-project", "Start", "--data", data_copy).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_unknown_project_is_refused_with_a_suggestion(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli("voortgang", "kerkrade-eygelshoven", "Start", "--data", data_copy)
    assert result.exit_code == 2
    assert result.stderr == (
        "Fout: Er bestaat geen project met de id 'kerkrade-eygelshoven'. Bedoelde u "
        "'kerkrade-eygelshoven-doet'? De id staat bovenaan het projectbestand en is gelijk aan de "
        "bestandsnaam (zonder .yaml).\n"
    )


def test_invalid_status_is_refused_with_a_suggestion(data_copy: Path, cli: Callable[..., Any]) -> None:
    path = data_copy / "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
    before = path.read_bytes()
    result = cli(
        "voortgang", "kerkrade-eygelshoven-doet", "Klaar", "--status", "opgelevert", "--data", data_copy
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "Fout: Onbekende status 'opgelevert' bij --status. Bedoelde u 'opgeleverd'? Kies uit: idee, "
        "voorbereiding, uitvoering, opgeleverd, gepauzeerd, vervallen.\n"
    )
    assert path.read_bytes() == before


def test_a_future_delivery_date_is_refused(data_copy: Path, cli: Callable[..., Any]) -> None:
    path = data_copy / "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
    before = path.read_bytes()
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    result = cli(
        "voortgang",
        "kerkrade-eygelshoven-doet",
        "Klaar",
        "--status",
        "opgeleverd",
        "--datum",
        future,
        "--data",
        data_copy,
    )
    assert result.exit_code == 2
    assert f"De datum {dutch.datum(future)} ligt in de toekomst" in result.stderr
    assert path.read_bytes() == before


def test_a_bad_date_is_refused(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli(
        "voortgang", "kerkrade-eygelshoven-doet", "Klaar", "--datum", "1-5-2024", "--data", data_copy
    )
    assert result.exit_code == 2
    assert "'1-5-2024' is geen geldige datum voor --datum" in result.stderr


def test_a_project_file_with_errors_is_not_edited(data_copy: Path, cli: Callable[..., Any]) -> None:
    path = _write(data_copy, ODD.replace("status: 'uitvoering'", "status: 'bezig'"), "\n")
    before = path.read_bytes()
    result = cli("voortgang", "kerkrade-test-project", "Start", "--data", data_copy)
    assert result.exit_code == 2
    assert "bevat fouten" in result.stderr
    assert path.read_bytes() == before


def test_refuses_when_the_file_changes_while_the_command_runs(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(data_copy, ODD, "\n")
    real_check = voortgang_module.check_candidate

    def check_then_editor_saves(*args: Any, **kwargs: Any) -> Any:
        found = real_check(*args, **kwargs)
        path.write_bytes(ODD.replace("# slotcommentaar", "# opgeslagen in de editor").encode("utf-8"))
        return found

    monkeypatch.setattr(voortgang_module, "check_candidate", check_then_editor_saves)
    with pytest.raises(UsageError, match="is gewijzigd sinds prestatie het las"):
        voortgang_module.record_progress(data_copy, "kerkrade-test-project", "Start")
    assert b"# opgeslagen in de editor" in path.read_bytes()
    assert b"toelichting: Start" not in path.read_bytes()


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_an_earlier_date_is_inserted_in_date_order(
    data_copy: Path, cli: Callable[..., Any], newline: str
) -> None:
    path = _write(data_copy, ODD, newline)
    result = cli("voortgang", "kerkrade-test-project", "Gevel klaar", "--datum", "2024-01-15", "--data", data_copy)
    assert result.exit_code == 0, result.stderr
    expected = ODD.replace(
        "  - datum: 2024-02-01\n",
        "  - datum: 2024-01-15\n    toelichting: Gevel klaar\n  - datum: 2024-02-01\n",
    )
    assert path.read_bytes() == expected.replace("\n", newline).encode("utf-8")
    assert "PA307" not in result.stdout + result.stderr
    _validate_ok(cli, data_copy)


def test_an_earlier_date_in_a_flow_style_list_is_inserted_in_date_order(
    data_copy: Path, cli: Callable[..., Any]
) -> None:
    text = ODD.split("voortgang:\n")[0] + (
        "voortgang:\n  - {datum: 2023-11-01, toelichting: Ruwbouw gereed.}\n"
        "  - {datum: 2024-12-01, toelichting: Opgeleverd aan de huurders.}\n"
    )
    path = _write(data_copy, text, "\n")
    result = cli("voortgang", "kerkrade-test-project", "Sleutels", "--datum", "2024-11-20", "--data", data_copy)
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == text.replace(
        "  - {datum: 2024-12-01", "  - {datum: 2024-11-20, toelichting: Sleutels}\n  - {datum: 2024-12-01"
    )


def test_the_same_day_goes_below_the_entries_of_that_day() -> None:
    day = dt.date(2024, 2, 1)
    assert voortgang_module.insert_index([dt.date(2023, 11, 1), day], day) == 2
    assert voortgang_module.insert_index([dt.date(2023, 11, 1), day], dt.date(2024, 1, 1)) == 1
    assert voortgang_module.insert_index([], day) == 0


def test_a_future_voortgang_date_is_refused(data_copy: Path, cli: Callable[..., Any]) -> None:
    path = _write(data_copy, ODD, "\n")
    future = (dt.date.today() + dt.timedelta(days=50)).isoformat()
    result = cli("voortgang", "kerkrade-test-project", "Later", "--datum", future, "--data", data_copy)
    assert result.exit_code == 2
    assert f"De datum {dutch.datum(future)} ligt in de toekomst; voortgang beschrijft wat er al is gebeurd." in result.stderr
    assert path.read_text(encoding="utf-8") == ODD
