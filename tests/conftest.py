"""Shared fixtures: the shipped data, ../shared, and running the CLI for real."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SHARED = REPO.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    # Commands keep a cache of checked files (prestatie.cache): the tests' own, never the
    # user's cache directory; every command run by a test uses it (also in a subprocess),
    # so the whole suite runs through the cache as a user's commands do.
    import tempfile

    os.environ["PRESTATIE_CACHE"] = tempfile.mkdtemp(prefix="prestatie-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = os.environ.pop("PRESTATIE_CACHE", None)
    if folder is not None and Path(folder).name.startswith("prestatie-test-cache-"):
        shutil.rmtree(folder, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run the slow end-to-end tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Slow end-to-end tests run in CI (CI is set there) or with --slow.
    if config.getoption("--slow") or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(
        reason="slow end-to-end test: run with --slow (CI runs them; CONTRIBUTING.md lists what they need)"
    )
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(
            "optional: extra YAML cases kept outside this repository (a folder shared/ next to "
            "it) are not here; nothing to do, the other tests cover the same code"
        )
    return SHARED


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data set; returns the directory holding data/."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Run ``prestatie ARGS`` in-process through the real entry point."""
    from prestatie.cli.error_handler import run
    from prestatie.cli.main import command

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")

    def invoke(*args: str | Path) -> CliResult:
        capsys.readouterr()
        argv = [str(a) for a in args]
        # As the entry point does: only the commands this command line can reach are built.
        code = run(command(argv), argv)
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return invoke
