"""Shared fixtures: the shipped data, ../shared, and running the CLI for real."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def shared_absent(folder: str) -> str | None:
    """Why the tests of ``../shared/<folder>`` skip, or None when it is there."""
    if (SHARED / folder).is_dir():
        return None
    return (
        f"../shared/{folder} is absent: these tests read it from a folder shared/ next to the "
        "repository (never copied into it); without it they skip, the other tests cover the same code"
    )


def shared_params(folder: str, values: Sequence[Any], ids: Sequence[str]) -> list[Any]:
    """Parameters of a test over the files of ``../shared/<folder>``; when the folder is
    absent one skipped parameter whose reason says so (not pytest's "got empty parameter set")."""
    reason = shared_absent(folder)
    if reason is not None:
        return [pytest.param(None, id=f"{folder}-absent", marks=pytest.mark.skip(reason=reason))]
    return [pytest.param(value, id=ident) for value, ident in zip(values, ids, strict=True)]


def _shared(folder: str) -> Path:
    reason = shared_absent(folder)
    if reason is not None:
        pytest.skip(reason)
    return SHARED / folder


@pytest.fixture
def yaml_suite_dir() -> Path:
    """../shared/yaml-test-suite (the official YAML test suite), or the test skips saying it is absent."""
    return _shared("yaml-test-suite")


@pytest.fixture
def hostile_dir() -> Path:
    """../shared/hostile-examples, or the test skips saying it is absent."""
    return _shared("hostile-examples")


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
