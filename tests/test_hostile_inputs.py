"""Hostile inputs under the size cap finish, with capped output (timed in benchmarks/hostile.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from prestatie.limits import MAX_FINDINGS_PER_FILE

_SPEC = importlib.util.spec_from_file_location("hostile", Path(__file__).parents[1] / "benchmarks/hostile.py")
assert _SPEC is not None and _SPEC.loader is not None
hostile = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("hostile", hostile)
_SPEC.loader.exec_module(hostile)


@pytest.mark.parametrize("case", hostile.CASES, ids=lambda case: case.name)
def test_a_hostile_file_gives_capped_findings_and_output(
    tmp_path: Path, cli: Callable[..., Any], case: Any
) -> None:
    root = hostile.prepare(case, tmp_path)
    result = cli("validate", root, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    per_file = Counter(f["file"] for f in findings)
    assert per_file["data/afspraken/vijandig.yaml"] <= MAX_FINDINGS_PER_FILE + 1
    assert max(per_file.values()) <= MAX_FINDINGS_PER_FILE + 1
    if per_file["data/afspraken/vijandig.yaml"] > MAX_FINDINGS_PER_FILE:
        assert [f["code"] for f in findings if f["file"] == "data/afspraken/vijandig.yaml"].count(
            "PA020"
        ) == 1
    text = cli("validate", root)
    assert text.exit_code == 1
    # Each finding shows at most 200 characters of its source line.
    assert len(text.stdout) < 150 * 1024
    assert all(len(line) < 1200 for line in text.stdout.splitlines())
