"""Reading data/ at a git revision: the same files as on disk, and clear errors."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import DATA
from gitrepo import Repo, git_env, repo_with_data
from prestatie.errors import DataError, UsageError
from prestatie.gitsource import GitRepo, load_sources
from prestatie.source import read_directory
from prestatie.validate import load_valid, validate_sources

PEILDATUM = dt.date.today()  # the shipped data is valid today
PROJECT = "data/projecten/kerkrade/kerkrade-kaalheide-verduurzaming.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return repo_with_data(tmp_path / "repo", DATA)


def test_files_at_a_revision_are_the_files_on_disk(repo: Repo) -> None:
    on_disk = {s.path: s.raw for s in read_directory(repo.root)}
    repo.remove(PROJECT)  # the working tree moves on; the revision does not
    repo.commit("Project verwijderd", date="2024-01-01T12:00:00")
    at_start = {s.path: s.raw for s in load_sources(repo.root, "start")}
    assert at_start == on_disk
    assert PROJECT not in {s.path for s in load_sources(repo.root, "HEAD")}
    assert PROJECT not in {s.path for s in load_sources(repo.root, "main")}
    assert PROJECT in {s.path for s in load_sources(repo.root, repo.git("rev-parse", "start"))}


def test_the_normal_pipeline_validates_a_revision(repo: Repo) -> None:
    on_disk = validate_sources(read_directory(repo.root), peildatum=PEILDATUM)[1]
    at_rev = validate_sources(load_sources(repo.root, "start"), peildatum=PEILDATUM)[1]
    assert at_rev.ok
    assert at_rev.files == on_disk.files
    assert at_rev.findings == on_disk.findings


def test_a_date_means_the_last_commit_on_or_before_the_end_of_that_day(repo: Repo) -> None:
    first = repo.git("rev-parse", "HEAD")  # 2023-01-10 12:00
    repo.edit(PROJECT, "status: opgeleverd", "status: uitvoering")
    second = repo.commit("Tweede", date="2023-06-15T23:30:00")
    git = GitRepo(repo.root)
    assert git.resolve("2023-01-10").commit == first
    assert git.resolve("2023-06-14").commit == first
    assert git.resolve("2023-06-15").commit == second
    assert git.resolve("2030-01-01").commit == second
    with pytest.raises(UsageError, match="Er is geen commit op of vóór 2023-01-09"):
        git.resolve("2023-01-09")


def test_a_data_root_in_a_subdirectory_of_the_work_tree(tmp_path: Path, cli) -> None:
    repo = repo_with_data(tmp_path / "mono", DATA, subdir="beleid/wonen")
    repo.edit(PROJECT, "status: opgeleverd", "status: uitvoering")
    repo.commit("Status terug", date="2024-01-01T12:00:00")
    git = GitRepo(repo.root)
    assert git.prefix == "beleid/wonen/"
    sources = load_sources(repo.root, "start")
    assert {s.path.split("/")[0] for s in sources} == {"data"}
    assert PROJECT in {s.path for s in sources}
    result = cli("diff", "start", "--data", repo.root, "--format", "json")
    assert result.exit_code == 0, result.stderr
    (project,) = json.loads(result.stdout)["projecten"]
    assert project["bestand"] == PROJECT
    assert project["wijzigingen"][0] == {"soort": "status", "van": "opgeleverd", "naar": "uitvoering"}
    # run from inside the subdirectory, without --data
    os.chdir(repo.root / "data")
    try:
        assert cli("diff", "start").exit_code == 0
    finally:
        os.chdir(tmp_path)


def test_unknown_revision(repo: Repo) -> None:
    with pytest.raises(UsageError, match="Onbekende revisie 'v2023'"):
        load_sources(repo.root, "v2023")
    with pytest.raises(UsageError, match="geen geldige revisie"):
        load_sources(repo.root, "--all")


def test_a_revision_before_data_existed(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    repo.write("README.md", "Nog geen gegevens.\n")
    repo.commit("Begin", date="2022-01-01T12:00:00")
    repo.git("tag", "leeg")
    (tmp_path / "data").mkdir()
    with pytest.raises(UsageError, match="In revisie 'leeg' .* bestaat de map data/ nog niet"):
        load_sources(tmp_path, "leeg")


def test_not_a_git_repository(data_copy: Path) -> None:
    with pytest.raises(UsageError, match="staat niet in een git-repository"):
        load_sources(data_copy, "HEAD")


def test_a_shallow_clone_says_how_to_fetch_the_history(repo: Repo, tmp_path: Path, cli) -> None:
    repo.git("tag", "v2023")
    repo.edit(PROJECT, "status: opgeleverd", "status: uitvoering")
    repo.commit("Later", date="2024-01-01T12:00:00")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--no-tags", f"file://{repo.top}", str(clone)],
        check=True, env=git_env(), capture_output=True,
    )  # fmt: skip
    for args in (("diff", "v2023"), ("diff", "HEAD~1"), ("diff", "2023-06-01"), ("geschiedenis", "kerkrade-kaalheide-verduurzaming")):
        result = cli(*args, "--data", clone)
        assert result.exit_code == 2, args
        assert "ondiepe kloon (shallow clone)" in result.stderr
        assert "git fetch --unshallow" in result.stderr
        assert "fetch-depth: 0" in result.stderr
    assert cli("diff", "HEAD", "--data", clone).exit_code == 0  # what is there still works


def test_invalid_data_at_a_revision_lists_the_findings(repo: Repo) -> None:
    repo.edit(PROJECT, "status: opgeleverd", "status: klaar")
    repo.commit("Fout", date="2024-01-01T12:00:00")
    repo.git("tag", "kapot")
    repo.edit(PROJECT, "status: klaar", "status: opgeleverd")  # fixed in the working tree
    with pytest.raises(DataError) as caught:
        load_valid(repo.root, rev="kapot")
    message = str(caught.value)
    assert message.startswith("De gegevens in revisie 'kapot' bevatten 1 fout(en)")
    assert f"  {PROJECT}, regel " in message
    assert ": fout PA104  " in message
    assert load_valid(repo.root, rev="start").projecten


def test_links_and_large_files_in_git_are_refused_like_on_disk(repo: Repo) -> None:
    os.symlink("/etc/passwd", repo.path("data/projecten/kerkrade/link.yaml"))
    repo.write("data/afspraken/groot.yaml", "# " + "x" * (1024 * 1024 + 10) + "\n")
    repo.commit("Link en groot bestand", date="2024-01-01T12:00:00")
    sources = {s.path: s for s in load_sources(repo.root, "HEAD")}
    link = sources["data/projecten/kerkrade/link.yaml"]
    assert link.raw is None and link.problem is not None and link.problem.code == "PA015"
    big = sources["data/afspraken/groot.yaml"]
    assert big.raw is None and big.problem is not None and big.problem.code == "PA014"


def test_a_submodule_and_a_missing_object_in_git_are_refused(repo: Repo) -> None:
    """The other places gitsource raises PA015: an entry that is not a file, a blob not in the clone."""
    head = repo.git("rev-parse", "HEAD")
    repo.write("data/afspraken/kwijt.yaml", "id: kwijt\n")
    repo.git("add", "data/afspraken/kwijt.yaml")
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{head},data/projecten/kerkrade/module")
    repo.git("commit", "-q", "-m", "Submodule en een bestand", date="2024-01-01T12:00:00")
    lost = repo.git("rev-parse", "HEAD:data/afspraken/kwijt.yaml")
    (repo.top / ".git/objects" / lost[:2] / lost[2:]).unlink()  # as in a partial clone
    sources = {s.path: s for s in load_sources(repo.root, "HEAD")}
    located = {
        path: (source.problem.line, source.problem.column, source.problem.code)
        for path, source in sources.items()
        if source.problem is not None
    }
    assert located == {
        "data/projecten/kerkrade/module": (1, 1, "PA015"),
        "data/afspraken/kwijt.yaml": (1, 1, "PA015"),
    }
    assert "git" in sources["data/afspraken/kwijt.yaml"].problem.message  # type: ignore[union-attr]


def test_many_files_stream_through_one_cat_file_process(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synth import generate

    generate(tmp_path, 1200)
    repo = Repo(tmp_path)
    repo.commit("Synthetisch", date="2024-01-01T12:00:00")
    on_disk = {s.path: s.raw for s in read_directory(tmp_path)}
    assert {s.path: s.raw for s in load_sources(tmp_path, "HEAD")} == on_disk


def test_status_rev_computes_from_the_data_as_it_was(repo: Repo, cli) -> None:
    before = cli("status", "--data", repo.root, "--format", "json", "--per", "2024-12-31")
    assert before.exit_code == 0, before.stderr
    repo.edit(PROJECT, "status: opgeleverd", "status: vervallen")
    repo.edit(PROJECT, "opgeleverd: ", "# opgeleverd: ")
    repo.commit("Kaalheide vervallen", date="2024-01-01T12:00:00")
    now = cli("status", "--data", repo.root, "--format", "json", "--per", "2024-12-31")
    assert now.stdout != before.stdout
    at_start = cli("status", "--data", repo.root, "--format", "json", "--per", "2024-12-31", "--rev", "start")
    assert at_start.exit_code == 0, at_start.stderr
    assert at_start.stdout == before.stdout


def test_status_rev_with_invalid_data_at_that_revision_exits_1(repo: Repo, cli) -> None:
    repo.edit(PROJECT, "status: opgeleverd", "status: klaar")
    repo.commit("Fout", date="2024-01-01T12:00:00")
    result = cli("status", "--data", repo.root, "--rev", "HEAD")
    assert result.exit_code == 1
    assert "De gegevens in revisie 'HEAD' bevatten" in result.stderr
    assert PROJECT in result.stderr
    assert cli("status", "--data", repo.root, "--rev", "v1999").exit_code == 2
