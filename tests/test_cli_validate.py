"""``prestatie validate`` end to end: formats, --strict, --per and the exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from prestatie.cli.error_handler import run

Cli = Callable[..., Any]


def test_shipped_data_is_valid(cli: Cli) -> None:
    from conftest import REPO

    result = cli("validate", REPO, "--format", "json")
    assert result.exit_code == 0, result.stdout
    report = json.loads(result.stdout)
    assert report["valid"] is True and report["errors"] == 0 and report["files"] >= 30


def _break(root: Path) -> None:
    project = next((root / "data/projecten/kerkrade").glob("*.yaml"))
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("trekker: ", "trekker: onbekende-", 1), encoding="utf-8")


def test_errors_in_every_format_and_exit_1(cli: Cli, data_copy: Path) -> None:
    _break(data_copy)
    text = cli("validate", data_copy)
    assert text.exit_code == 1
    assert "fout PA203" in text.stdout and "\x1b[" not in text.stdout
    assert "^" in text.stdout
    report = json.loads(cli("validate", data_copy, "--format", "json").stdout)
    assert report["valid"] is False
    [finding] = [f for f in report["findings"] if f["code"] == "PA203"]
    assert finding["file"].startswith("data/projecten/kerkrade/") and finding["line"] >= 1
    github = cli("validate", data_copy, "--format", "github")
    assert github.exit_code == 1
    assert any(
        line.startswith(f"::error file={finding['file']},line={finding['line']},col=")
        for line in github.stdout.splitlines()
    )


def test_strict_turns_warnings_into_errors(cli: Cli, data_copy: Path) -> None:
    project = next((data_copy / "data/projecten/kerkrade").glob("*.yaml"))
    lines = project.read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if not line.startswith("partijen:")]
    project.write_text("\n".join(lines) + "\n", encoding="utf-8")  # PA305: trekker not among partijen
    normal = cli("validate", data_copy, "--format", "json", "--per", "2026-11-24")
    report = json.loads(normal.stdout)
    assert report["errors"] == 0 and report["warnings"] >= 1 and normal.exit_code == 0
    strict = cli("validate", data_copy, "--format", "json", "--per", "2026-11-24", "--strict")
    assert strict.exit_code == 1
    assert json.loads(strict.stdout)["warnings"] == 0


def test_per_checks_dates_against_the_peildatum(cli: Cli, data_copy: Path) -> None:
    early = json.loads(cli("validate", data_copy, "--format", "json", "--per", "2021-01-01").stdout)
    assert "PA208" in {f["code"] for f in early["findings"]}


def test_usage_errors_exit_2(cli: Cli, tmp_path: Path, data_copy: Path) -> None:
    missing = cli("validate", tmp_path / "bestaat-niet")
    assert missing.exit_code == 2 and "bestaat niet" in missing.stderr
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert cli("validate", empty).exit_code == 2  # no data/ in it
    bad_format = cli("validate", data_copy, "--format", "xml")
    assert bad_format.exit_code == 2 and "text, json, github" in bad_format.stderr
    bad_date = cli("validate", data_copy, "--per", "31-12-2024")
    assert bad_date.exit_code == 2 and "JJJJ-MM-DD" in bad_date.stderr
    unknown = cli("validate", "--strikt")
    assert unknown.exit_code == 2 and "Traceback" not in unknown.stderr


def test_data_directory_itself_is_accepted(cli: Cli, data_copy: Path) -> None:
    """Given data/ itself, or the root with --data, validate reads the same files as from the root."""
    _break(data_copy)
    from_root = cli("validate", data_copy, "--format", "json")
    report = json.loads(from_root.stdout)
    assert from_root.exit_code == 1 and report["files"] >= 30
    errors = [f["file"][:24] for f in report["findings"] if f["severity"] == "error"]
    assert errors == ["data/projecten/kerkrade/"]
    for args in ((data_copy / "data",), ("--data", data_copy), ("--data", data_copy / "data")):
        result = cli("validate", *args, "--format", "json")
        assert (result.exit_code, result.stdout, result.stderr) == (1, from_root.stdout, ""), args


def test_unexpected_failure_is_exit_3_without_traceback(capsys: Any) -> None:
    def broken(**_: object) -> int:
        raise ZeroDivisionError("deling door nul")

    assert run(broken, []) == 3
    err = capsys.readouterr().err
    assert "onverwacht" in err and "Traceback" not in err


def test_parallel_run_gives_the_same_findings(tmp_path: Path) -> None:
    import datetime as dt
    import sys

    from conftest import REPO

    sys.path.insert(0, str(REPO / "benchmarks"))
    from synth import generate

    from prestatie.validate import validate_directory

    root = generate(tmp_path, 300)
    project = next((root / "data/projecten/heerlen").glob("*.yaml"))
    project.write_text(project.read_text(encoding="utf-8").replace("status:", "stauts:"), encoding="utf-8")
    per = dt.date(2026, 11, 24)
    single_set, single = validate_directory(root, peildatum=per, workers=1)
    double_set, double = validate_directory(root, peildatum=per, workers=2)
    assert single.findings == double.findings and single.files == double.files
    assert [p.model for p in single_set.projecten] == [p.model for p in double_set.projecten]
    assert {f.code for f in single.findings} >= {"PA101", "PA301"}


def test_data_dir_that_is_a_link_keeps_plain_paths(cli: Cli, data_copy: Path) -> None:
    # data/ may be a link to a folder inside the repository; findings still name data/… paths.
    (data_copy / "data").rename(data_copy / "gegevens")
    (data_copy / "data").symlink_to("gegevens")
    _break(data_copy)
    report = json.loads(cli("validate", data_copy, "--format", "json").stdout)
    files = {f["file"] for f in report["findings"] if f["severity"] == "error"}
    assert files and all(f.startswith("data/projecten/kerkrade/") for f in files), files


def test_data_dir_that_links_out_of_the_repository_is_refused_unread(
    cli: Cli, data_copy: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "geheim.yaml").write_text("wachtwoord: [\n")
    root = tmp_path / "werkmap"
    root.mkdir()
    (root / "data").symlink_to(elsewhere)
    for form in ("text", "json", "github"):
        result = cli("validate", root, "--format", form)
        assert result.exit_code == 2, result
        assert "buiten" in result.stderr
        assert "geheim" not in result.stdout + result.stderr and "wachtwoord" not in result.stdout
