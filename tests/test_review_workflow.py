"""The pull-request review of docs/ci/github-actions.yml, run for real.

A data repository is made with ``git init`` (branch main), pushed to a bare "origin",
and changed on a feature branch: one project opgeleverd (which moves its afspraak
from aandacht to op koers), one delivery planned 184 days later (a delay that moves
no verdict), with a project name full of Markdown, HTML and a link. A full clone (as
``fetch-depth: 0`` makes) is checked out at the feature branch, and the ``run:``
scripts of the workflow's prestatie steps are executed there by bash, with the
variables GitHub Actions sets. The job summary must name every planted change and
every verdict that moved, and nothing else.

The data's period runs to 2099, so that "today" (the workflow passes no --per)
always lies inside it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from gitrepo import Repo, git_env
from prestatie.report.markdown import escape

WORKFLOW = REPO / "docs/ci/github-actions.yml"
GITHUB = {
    "github.base_ref": "main",
    "github.server_url": "https://github.com",
    "github.repository": "regio/prestatieafspraken",
    "github.event.pull_request.number": "42",
    "github.event_name": "pull_request",
}

REGIO = """\
naam: Testregio
titel: Testafspraken 2020–2099
periode: {van: 2020-01-01, tot: 2099-12-31}
gemeenten:
  - {id: kerkrade, naam: Kerkrade, cbs_code: GM0928}
  - {id: heerlen, naam: Heerlen, cbs_code: GM0917}
corporaties:
  - {id: heemwonen, naam: HEEMwonen}
"""
THEMAS = """\
- id: nieuwbouw
  naam: Nieuwbouw
  indicatoren:
    - {id: nieuwbouw-sociale-huur, naam: Nieuwe sociale huurwoningen, eenheid: woningen}
    - {id: sloop, naam: Gesloopte woningen, eenheid: woningen}
"""


def _afspraak(ident: str, titel: str, nummer: str, indicator: str, streefwaarde: int) -> str:
    return f"""\
id: {ident}
nummer: "{nummer}"
titel: {titel}
thema: nieuwbouw
trekker: heemwonen
partijen: [heemwonen, kerkrade, heerlen]
gemeenten: alle
periode: {{van: 2020, tot: 2099}}
status: lopend
doelen:
  - indicator: {indicator}
    streefwaarde: {streefwaarde}
"""


def _project(ident: str, naam: str, gemeente: str, afspraak: str, status: str, oplevering: str,
             bijdragen: str, opgeleverd: str | None = None) -> str:
    return f"""\
id: {ident}
naam: "{naam}"
gemeente: {gemeente}
trekker: heemwonen
partijen: [heemwonen, {gemeente}]
afspraken: [{afspraak}]
status: {status}
planning: {{start: 2021-01-01, oplevering: {oplevering}}}
{f"opgeleverd: {opgeleverd}" + chr(10) if opgeleverd else ""}bijdragen:
  {bijdragen}
voortgang:
  - {{datum: 2022-03-01, toelichting: Bouw gestart.}}
"""


HOSTILE = "Zuid | <b>vet</b> [klik](https://kwaad.example) *ster*"
OPGELEVERD = "data/projecten/kerkrade/kerkrade-bleijerheide.yaml"
VERTRAAGD = "data/projecten/heerlen/heerlen-zuid.yaml"


def _data_repository(tmp_path: Path) -> Path:
    """origin (bare) with main and feature; returns a full clone at feature."""
    (tmp_path / "werk").mkdir()
    work = Repo(tmp_path / "werk")
    work.write("data/regio.yaml", REGIO)
    work.write("data/themas.yaml", THEMAS)
    work.write("data/afspraken/nieuwbouw-ouderen.yaml",
               _afspraak("nieuwbouw-ouderen", "Nieuwbouw voor ouderen", "2.1", "nieuwbouw-sociale-huur", 800))
    work.write("data/afspraken/sloop.yaml",
               _afspraak("sloop", "Sloop van verouderde woningen", "2.3", "sloop", 500))
    work.write("data/projecten/kerkrade/kerkrade-centrum.yaml",
               _project("kerkrade-centrum", "Seniorenwoningen Centrum", "kerkrade", "nieuwbouw-ouderen",
                        "opgeleverd", "2023-06-30", "nieuwbouw-sociale-huur: 40", opgeleverd="2023-06-30"))
    work.write(OPGELEVERD,
               _project("kerkrade-bleijerheide", "Seniorenwoningen Bleijerheide", "kerkrade",
                        "nieuwbouw-ouderen", "uitvoering", "2030-06-30", "nieuwbouw-sociale-huur: 60"))
    work.write(VERTRAAGD,
               _project("heerlen-zuid", HOSTILE, "heerlen", "sloop", "voorbereiding", "2030-06-30", "sloop: 30"))
    work.commit("Gegevens", date="2023-07-01T12:00:00")
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work.top), str(origin)],
                   env=git_env(), check=True, capture_output=True)
    work.git("remote", "add", "origin", str(origin))
    work.git("checkout", "-q", "-b", "feature")
    work.edit(OPGELEVERD, "status: uitvoering\n", "status: opgeleverd\nopgeleverd: 2024-05-31\n")
    work.edit(VERTRAAGD, "oplevering: 2030-06-30", "oplevering: 2030-12-31")
    work.commit("Bleijerheide opgeleverd, Zuid later", date="2024-06-01T12:00:00")
    work.git("push", "-q", "origin", "feature")
    checkout = tmp_path / "checkout"
    subprocess.run(["git", "clone", "-q", str(origin), str(checkout)], env=git_env(), check=True, capture_output=True)
    subprocess.run(["git", "checkout", "-q", "feature"], cwd=checkout, env=git_env(), check=True, capture_output=True)
    return checkout


def _expand(text: str) -> str:
    """The ${{ … }} expressions of the workflow, as GitHub fills them in for PR 42."""
    def value(match: re.Match[str]) -> str:
        return GITHUB[match.group(1).strip()]

    return re.sub(r"\$\{\{([^}]*)\}\}", value, text)


def _run_steps(checkout: Path, summary: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["validate"]["steps"]
    done = {}
    for step in steps:
        script = step.get("run", "")
        if "prestatie " not in script or "pip install" in script:
            continue
        env = {**git_env(), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               "GITHUB_STEP_SUMMARY": str(summary), "NO_COLOR": "1"}
        env.update({key: _expand(str(value)) for key, value in step.get("env", {}).items()})
        done[step["name"]] = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=checkout, env=env, capture_output=True, text=True, timeout=300,
        )
    return done


@pytest.fixture(scope="module")
def workflow_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, subprocess.CompletedProcess[str]]]:
    tmp_path = tmp_path_factory.mktemp("review")
    checkout = _data_repository(tmp_path)
    summary = tmp_path / "step-summary.md"
    done = _run_steps(checkout, summary)
    return checkout, summary.read_text(encoding="utf-8"), done


def _section(summary: str, title: str) -> str:
    start = summary.index(f"## {title}")
    end = summary.find("\n## ", start + 1)
    return summary[start:] if end == -1 else summary[start:end]


def test_every_step_succeeds_and_sarif_is_written(workflow_run) -> None:
    checkout, _, done = workflow_run
    assert set(done) == {"prestatie validate", "meldingen als SARIF", "samenvatting voor de review"}
    for name, run in done.items():
        assert run.returncode == 0, (name, run.stdout, run.stderr)
    log = json.loads((checkout / "prestatie.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"


def test_the_summary_names_every_planted_change_and_nothing_else(workflow_run) -> None:
    _, summary, _ = workflow_run
    assert summary.startswith("# Wat deze pull request doet\n\n## Controle van de gegevens\n")
    titles = re.findall(r"^## (.+)$", summary, flags=re.MULTILINE)
    assert titles[0] == "Controle van de gegevens"
    assert titles[1] == "Gevolgen voor de afspraken"
    assert titles[2].startswith("Wijzigingen sinds origin/main")

    impact = _section(summary, "Gevolgen voor de afspraken")
    rows = [line for line in impact.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    assert rows[0] == "| Afspraak | Oordeel | Wat verandert |"
    assert rows[1:] == [
        "| 2.1 Nieuwbouw voor ouderen | aandacht → op koers | Nieuwe sociale huurwoningen: "
        + rows[1].split("Nieuwe sociale huurwoningen: ", 1)[1]
    ]
    assert "gerealiseerd 40" in rows[1] and "100 woningen" in rows[1]
    assert "1 afspraak verandert" in impact

    changes = _section(summary, titles[2])
    projects = re.findall(r"^- \*\*(.+)\*\*", changes, flags=re.MULTILINE)
    # per gemeente: Heerlen, then Kerkrade
    assert projects == [escape(HOSTILE), "Seniorenwoningen Bleijerheide"]
    details = re.findall(r"^  - (.+)$", changes, flags=re.MULTILINE)
    assert details == [
        "geplande oplevering: 30 juni 2030 → 31 december 2030 (184 dagen later, vertraging)",
        "status: uitvoering → opgeleverd (op 31 mei 2024)",
    ]
    assert "Sloop" not in impact  # a delay in voorbereiding moves no verdict
    assert "Centrum" not in summary  # unchanged


def test_data_in_the_summary_is_escaped(workflow_run) -> None:
    _, summary, _ = workflow_run
    assert "<b>" not in summary
    assert "](https://kwaad" not in summary
    assert "Zuid \\| \\<b\\>vet\\</b\\> \\[klik\\]" in summary


def test_more_than_ten_findings_say_how_many_and_link_to_code_scanning(tmp_path: Path) -> None:
    checkout = _data_repository(tmp_path)
    for number in range(12):
        path = checkout / f"data/projecten/kerkrade/kerkrade-extra-{number}.yaml"
        path.write_text(
            _project(f"kerkrade-extra-{number}", f"Extra {number}", "kerkrade", "onbekend", "idee",
                     "2030-01-01", "nieuwbouw-sociale-huur: 1"),
            encoding="utf-8",
        )
    summary = tmp_path / "summary.md"
    done = _run_steps(checkout, summary)
    assert done["prestatie validate"].returncode == 1
    assert done["samenvatting voor de review"].returncode == 0, done["samenvatting voor de review"].stderr
    text = summary.read_text(encoding="utf-8")
    findings = json.loads(done["meldingen als SARIF"].stdout or (checkout / "prestatie.sarif").read_text())
    count = len(findings["runs"][0]["results"])
    assert count > 12
    assert f"**{count} meldingen**" in text
    assert (
        "[code scanning](<https://github.com/regio/prestatieafspraken/security/code-scanning"
        "?query=is%3Aopen+pr%3A42+tool%3Aprestatie>)" in text
    )
    assert text.count("| data/projecten/kerkrade/kerkrade-extra-") == 10
    # With errors there is no verdict to compare: the diff still shows what changed.
    assert "## Gevolgen voor de afspraken" not in text
    assert "Extra 3" in text and "## Wijzigingen sinds origin/main" in text


@pytest.mark.slow
def test_the_summary_passes_markdownlint(workflow_run, tmp_path: Path) -> None:
    node = shutil.which("node")
    lint = REPO / "node_modules/markdownlint-cli/markdownlint.js"
    if node is None or not lint.is_file():
        message = "node and node_modules/markdownlint-cli (npm ci) are needed"
        if os.environ.get("CI"):
            pytest.fail(f"CI must lint the summary, but {message}")
        pytest.skip(message)
    _, summary, _ = workflow_run
    target = tmp_path / "summary.md"
    target.write_text(summary, encoding="utf-8")
    run = subprocess.run(
        [node, str(lint), "--config", str(REPO / ".markdownlint.json"), str(target)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
