"""The pre-commit hook, run by the real pre-commit on a temporary data repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
BROKEN = "data/projecten/kerkrade/kerkrade-bleijerheide-superlocal.yaml"


def test_hook_definition() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks == [
        {
            "id": "prestatie-validate",
            "name": "prestatie validate",
            "description": "Controleert alle bestanden in data/ voordat een commit wordt gemaakt.",
            "entry": "prestatie validate",
            "language": "python",
            "pass_filenames": False,
            "files": "^data/",
            "require_serial": True,
        }
    ]


def _git(cwd: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, timeout=60)


def _hook_repository(target: Path) -> Path:
    """This working tree (the parts pip needs) as a git repository of its own.

    pre-commit installs a hook repository from a commit; copying keeps the real
    checkout's git state untouched and includes changes not yet committed there.
    """
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".venv", "node_modules")
    for name in ("src", "templates"):
        shutil.copytree(REPO / name, target / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "docs/meldingen.md"):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target / name)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "prestatie")
    return target


def _try_repo(hook_repo: Path, data_repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [
            str(PRE_COMMIT),
            "try-repo",
            str(hook_repo),
            "prestatie-validate",
            "--all-files",
            "--color",
            "never",
        ],
        cwd=data_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.slow
def test_pre_commit_try_repo_passes_good_data_and_fails_broken_data(tmp_path: Path) -> None:
    hook_repo = _hook_repository(tmp_path / "prestatie")
    data_repo = tmp_path / "gegevens"
    shutil.copytree(REPO / "data", data_repo / "data")
    _git(data_repo, "init", "-q")
    _git(data_repo, "add", "-A")
    _git(data_repo, "commit", "-q", "-m", "gegevens")

    good = _try_repo(hook_repo, data_repo, tmp_path / "pre-commit-home")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "prestatie validate" in good.stdout
    assert "Passed" in good.stdout

    path = data_repo / BROKEN
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: opgeleverd", "status: klaar"), encoding="utf-8"
    )
    _git(data_repo, "add", "-A")

    bad = _try_repo(hook_repo, data_repo, tmp_path / "pre-commit-home")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert BROKEN in bad.stdout
    assert "'klaar'" in bad.stdout
    assert "PA104" in bad.stdout


CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


@pytest.mark.parametrize(
    ("file", "schema"),
    [("docs/ci/github-actions.yml", "vendor.github-workflows"), ("docs/ci/gitlab-ci.yml", "vendor.gitlab-ci")],
)
def test_ci_examples_are_valid_and_run_validate(file: str, schema: str) -> None:
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, file],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = (REPO / file).read_text(encoding="utf-8")
    assert "prestatie validate" in text
    assert f"]({file})" in (REPO / "README.md").read_text(encoding="utf-8")


def test_the_github_workflow_reports_annotations() -> None:
    workflow = yaml.safe_load((REPO / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["validate"]["steps"]
    assert {"name": "prestatie validate", "run": "prestatie validate --format github"} in steps
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "run: prestatie validate --format github" in readme
