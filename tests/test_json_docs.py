"""docs/json.md names every key of the JSON that ``status --vergelijk``, ``diff``, ``cyclus``
and ``geschiedenis`` give (``validate`` and ``status``: test_newcomer.py), under the heading
of its command."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import REPO
from test_newcomer import _keys
from test_review_workflow import OPGELEVERD, _data_repository

DOCUMENTED = (REPO / "docs" / "json.md").read_text(encoding="utf-8")


def _section(command: str) -> str:
    """The part of docs/json.md under the heading of ``command`` (up to the next heading)."""
    heading = f"## `prestatie {command} --format json`"
    assert heading in DOCUMENTED, heading
    return DOCUMENTED.split(heading, 1)[1].split("\n## ", 1)[0]


def _undocumented(value: Any, command: str) -> list[str]:
    section = _section(command)
    return sorted(k for k in _keys(value) if f"`{k}`" not in section)


def test_the_intro_names_every_command_with_json_output() -> None:
    intro = DOCUMENTED.split("\n## ", 1)[0]
    headings = re.findall(r"^## `prestatie (\w+)", DOCUMENTED, flags=re.MULTILINE)
    assert sorted(set(headings)) == ["cyclus", "diff", "geschiedenis", "status", "validate"]
    assert all(re.search(rf"`(prestatie )?{name}`", intro) for name in headings)


def test_json_md_names_every_key_of_vergelijk_diff_and_geschiedenis(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    checkout = _data_repository(tmp_path)
    per = ("--per", "2025-01-01", "--format", "json")
    vergelijk = cli("status", "--data", checkout, "--vergelijk", "origin/main", *per)
    diff = cli("diff", "origin/main", "--data", checkout, "--format", "json")
    project = Path(OPGELEVERD).stem
    geschiedenis = cli("geschiedenis", project, "--data", checkout, "--format", "json")
    for run in (vergelijk, diff, geschiedenis):
        assert run.exit_code == 0, run.stderr
    assert json.loads(geschiedenis.stdout)["gebeurtenissen"][-1]["wijzigingen"]
    compared = json.loads(vergelijk.stdout)
    assert compared["afspraken"] and compared["diff"]["projecten"]
    changes = compared.pop("diff")  # documented as the output of diff
    assert _undocumented(compared, "status --vergelijk REV") == []
    assert _undocumented(changes, "diff") == []
    assert _undocumented(json.loads(diff.stdout), "diff") == []
    assert _undocumented(json.loads(geschiedenis.stdout), "geschiedenis") == []


def test_json_md_names_every_key_of_cyclus(cli: Callable[..., Any]) -> None:
    run = cli("cyclus", "--data", REPO, "--per", "2026-12-31", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert any(t["achterstallig"] for t in json.loads(run.stdout)["trajecten"])
    assert _undocumented(json.loads(run.stdout), "cyclus") == []
