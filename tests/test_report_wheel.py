"""The built wheel ships the templates as prestatie/templates and docs/meldingen.md as
prestatie/docs/meldingen.md (the help of SARIF rules), and the code finds them there."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

TEMPLATES = (
    "report.md.j2",
    "report.html.j2",
    "report.css",
    "index.md.j2",
    "index.html.j2",
    "wijzigingen.md.j2",
    "diff.md.j2",
    "vergelijk.md.j2",
)


@pytest.mark.slow
def test_wheel_contains_templates_and_uses_them(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("prestatie-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for name in TEMPLATES:
        assert f"prestatie/templates/{name}" in names
    assert "prestatie/docs/meldingen.md" in names
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "from prestatie.report.render import builtin_templates; print(builtin_templates()); "
            "from prestatie.codedocs import meldingen_path; print(meldingen_path())",
        ],
        env={"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    templates, meldingen = found.stdout.splitlines()
    assert Path(templates) == unpacked / "prestatie" / "templates"
    assert Path(meldingen) == unpacked / "prestatie" / "docs" / "meldingen.md"
