"""Text from data, file names and git never controls the terminal or the CI log.

Run as real processes (the entry point puts the neutralising streams in place).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gitrepo import Repo

ESCAPES = "\x1b]0;gehackt\x07\x1b[2J"
INJECTED = "x\n::error file=nep.yaml::vals alarm\n::add-mask::geheim\n::stop-commands::stop"


def _prestatie(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prestatie", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100", **(env or {})},
    )


def _no_commands(output: str, allowed: tuple[str, ...] = ()) -> None:
    assert "\x1b" not in output and "\x07" not in output
    for line in output.splitlines():
        assert not line.startswith("::") or line.startswith(allowed), line


def test_file_names_with_escape_codes_and_newlines_stay_on_their_line(data_copy: Path) -> None:
    folder = data_copy / "data" / "afspraken"
    (folder / f"a{ESCAPES}.yaml").write_text("id: [\n")
    (folder / f"b{INJECTED}.yaml").write_text("id: [\n")
    text = _prestatie("validate", data_copy)
    assert text.returncode == 1
    _no_commands(text.stdout + text.stderr)
    assert "a\\x1b]0;gehackt\\x07\\x1b[2J.yaml" in text.stdout
    assert "bx\\n::error file=nep.yaml::vals alarm" in text.stdout
    github = _prestatie("validate", data_copy, "--format", "github")
    _no_commands(github.stdout, ("::error file=", "::warning file="))
    assert github.stdout.count("\n") == len(github.stdout.splitlines())


def test_values_with_escape_codes_are_shown_escaped(data_copy: Path) -> None:
    path = data_copy / "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
    text = path.read_text()
    path.write_text(text.replace("\nnaam: ", '\ninvestering: "x\\n::error::vals alarm"\nnaam: ', 1))
    result = _prestatie("validate", data_copy)
    assert result.returncode == 1
    _no_commands(result.stdout)


def test_data_is_never_rich_markup(data_copy: Path) -> None:
    themas = data_copy / "data/themas.yaml"
    text = themas.read_text()
    for name in ("[link=https://evil.example/login]Klik[/link]", "[/]", "[bold red]Let op[/]"):
        themas.write_text(text.replace("naam: Nieuwe sociale huurwoningen", f"naam: '{name}'", 1))
        for env in ({"NO_COLOR": "1"}, {"FORCE_COLOR": "1", "TERM": "xterm-256color"}):
            result = _prestatie("status", "--data", data_copy, env=env)
            assert result.returncode == 0, result.stderr
            assert name in result.stdout
            assert "\x1b]8;" not in result.stdout  # no hyperlink


def test_git_authors_and_subjects_cannot_reach_the_terminal(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    repo.write("data/regio.yaml", (Path(__file__).parents[1] / "data/regio.yaml").read_text())
    repo.commit("begin", date="2024-01-01T12:00:00")
    project = "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
    repo.write(project, (Path(__file__).parents[1] / project).read_text())
    repo.commit(f"nieuw project {ESCAPES}", date="2024-02-01T12:00:00", author=f"Mallory{ESCAPES}")
    result = _prestatie("geschiedenis", "kerkrade-eygelshoven-doet", "--data", tmp_path)
    assert result.returncode == 0, result.stderr
    _no_commands(result.stdout + result.stderr)
    assert "Mallory\\x1b]0;gehackt" in result.stdout
