"""The reports against the real checkers: Nu Html Checker (vnu), axe-core in headless
Chromium (WCAG 2.1 A/AA) and markdownlint. Slow; CI runs them and must have the tools
(`.ci/run` installs them), elsewhere a missing tool skips with the reason.

Screenshots and the A4 print view land in test-artifacts/ (gitignored).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, CliResult

pytestmark = pytest.mark.slow
Cli = Callable[..., CliResult]
PER = "2026-11-24"
ARTIFACTS = REPO / "test-artifacts"
NODE_MODULES = REPO / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar/build/dist/vnu.jar"
CHROMIUM = os.environ.get("PRESTATIE_CHROMIUM", "/usr/bin/chromium")


def _require(present: bool, what: str) -> None:
    if present:
        return
    message = (
        f"{what} is missing; .ci/run installs it (apt-get install chromium default-jre-headless; npm ci)"
    )
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the HTML checks, but {message}")
    pytest.skip(message)


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    _require(found is not None, "node")
    for package in ("axe-core", "playwright-core", "markdownlint-cli", "vnu-jar"):
        _require((NODE_MODULES / package).is_dir(), f"node_modules/{package} (npm ci)")
    assert found is not None
    return found


@pytest.fixture(scope="module")
def java() -> str:
    found = shutil.which("java")
    _require(found is not None, "java")
    _require(VNU_JAR.is_file(), "the vnu jar (npm ci)")
    assert found is not None
    return found


@pytest.fixture(scope="module")
def chromium() -> str:
    _require(Path(CHROMIUM).is_file(), f"chromium at {CHROMIUM}")
    return CHROMIUM


def _report(cli: Cli, root: Path, out: Path, *args: str) -> Path:
    result = cli("report", "--data", root, "--per", PER, "--output", out, *args)
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture
def pages(cli: Cli, data_copy: Path, tmp_path: Path) -> dict[str, Path]:
    """Kerkrade, the whole region and the index of --alle, as HTML."""
    alle = tmp_path / "alle"
    _report(cli, data_copy, alle, "--alle", "--format", "html")
    return {
        "kerkrade": _report(cli, data_copy, tmp_path / "kerkrade.html", "--gemeente", "Kerkrade"),
        "regio": _report(cli, data_copy, tmp_path / "regio.html"),
        "corporatie": _report(cli, data_copy, tmp_path / "heemwonen.html", "--corporatie", "HEEMwonen"),
        "index": alle / "index.html",
    }


def _vnu(java: str, *files: Path) -> str:
    done = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return (done.stdout + done.stderr).strip()


def _axe(node: str, chromium: str, page: Path) -> dict[str, object]:
    done = subprocess.run(
        [node, str(REPO / "tests/js/axe-check.mjs"), str(page), str(ARTIFACTS), "--executable", chromium],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _markdownlint(node: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            node,
            str(NODE_MODULES / "markdownlint-cli/markdownlint.js"),
            "--config",
            str(REPO / ".markdownlint.json"),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_vnu_finds_no_errors(java: str, pages: dict[str, Path]) -> None:
    assert _vnu(java, *pages.values()) == ""


def test_vnu_does_report_errors(java: str, tmp_path: Path) -> None:
    # A control: the checker really runs and fails a broken page.
    bad = tmp_path / "kapot.html"
    bad.write_text(
        "<!DOCTYPE html><html><head></head><body><table><p>x</table></body></html>", encoding="utf-8"
    )
    assert "error" in _vnu(java, bad).lower()


def test_axe_finds_no_wcag21aa_violations(node: str, chromium: str, pages: dict[str, Path]) -> None:
    for name, page in pages.items():
        target = ARTIFACTS / f"report-{name}.html"
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copyfile(page, target)
        result = _axe(node, chromium, target)
        assert result["violations"] == [], json.dumps(result["violations"], indent=1, ensure_ascii=False)
        assert result["requests"] == [], "the page must not load anything"
        assert result["consoleErrors"] == []
        assert result["scriptsInPage"] == 0
        assert Path(str(result["screenshot"])).stat().st_size > 10_000
        assert Path(str(result["pdf"])).stat().st_size > 10_000
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:  # the A4 print view as images, to look at
        subprocess.run(
            [
                pdftoppm,
                "-r",
                "70",
                "-png",
                str(ARTIFACTS / "report-kerkrade.pdf"),
                str(ARTIFACTS / "report-kerkrade-print"),
            ],
            check=True,
            timeout=120,
        )


def test_axe_does_report_violations(node: str, chromium: str, tmp_path: Path) -> None:
    # A control: an image without alt text and grey-on-grey text must be found.
    bad = tmp_path / "ontoegankelijk.html"
    bad.write_text(
        '<!DOCTYPE html><html><head><title>x</title></head><body><main><img src="data:,">'
        '<p style="color:#aaa;background:#bbb">onleesbaar</p></main></body></html>',
        encoding="utf-8",
    )
    ids = {v["id"] for v in _axe(node, chromium, bad)["violations"]}  # type: ignore[attr-defined]
    assert {"image-alt", "html-has-lang", "color-contrast"} <= ids


def test_markdownlint_finds_nothing(node: str, cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    files = [
        _report(cli, data_copy, tmp_path / "kerkrade.md", "--gemeente", "Kerkrade"),
        _report(cli, data_copy, tmp_path / "regio.md"),
        _report(cli, data_copy, tmp_path / "thema.md", "--thema", "wonen-en-zorg", "--corporatie", "weller"),
    ]
    _report(cli, data_copy, tmp_path / "alle", "--alle")
    files += sorted((tmp_path / "alle").glob("*.md"))
    done = _markdownlint(node, *files)
    assert done.returncode == 0, done.stdout + done.stderr
    bad = tmp_path / "slecht.md"
    bad.write_text("## geen h1\n# dubbel\n\n\n| a |\n", encoding="utf-8")
    control = _markdownlint(node, bad)
    assert control.returncode != 0


def test_hostile_data_passes_the_checkers_too(
    node: str, java: str, chromium: str, cli: Cli, data_copy: Path, tmp_path: Path
) -> None:
    from test_report_safety import JS_LINK, ONERROR, SCRIPT, TABLE_BREAK, TEMPLATE, _plant

    _plant(
        data_copy,
        naam=f"{SCRIPT} {TEMPLATE}",
        omschrijving=f"{JS_LINK} {ONERROR}\n\n# Kop",
        toelichting=f"{JS_LINK} {SCRIPT} | {TEMPLATE}",
        wijk=TABLE_BREAK,
    )
    page = _report(cli, data_copy, tmp_path / "vijandig.html", "--gemeente", "Kerkrade")
    assert _vnu(java, page) == ""
    result = _axe(node, chromium, page)
    assert result["violations"] == [] and result["scriptsInPage"] == 0 and result["requests"] == []
    md = _report(cli, data_copy, tmp_path / "vijandig.md", "--gemeente", "Kerkrade")
    done = _markdownlint(node, md)
    assert done.returncode == 0, done.stdout
