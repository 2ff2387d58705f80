"""One selection: the report body (status) and its --sinds section (diff) keep the same things.

On a real git repository holding the shipped data, a first commit has only regio.yaml
and themas.yaml, so that every afspraak and project of the second commit is a change.
For every filter (none, each gemeente, each corporatie, each thema) the afspraken and
projects of ``compute_status`` (the report body) and of ``diff_revisions`` (the section
"Wijzigingen sinds", with the filters the report passes) must be the same.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA, CliResult
from gitrepo import Repo
from prestatie.dataset import DataSet
from prestatie.diff.engine import diff_revisions
from prestatie.status.engine import compute_status
from prestatie.validate import validate_directory

PER = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DataSet]:
    top = tmp_path_factory.mktemp("repo")
    (top / "data").mkdir()
    for name in ("regio.yaml", "themas.yaml"):
        shutil.copy(DATA / name, top / "data" / name)
    repo = Repo(top)
    repo.commit("Regio en thema's", date="2023-01-10T12:00:00")
    repo.git("tag", "leeg")
    shutil.rmtree(top / "data")
    shutil.copytree(DATA, top / "data")
    repo.commit("Afspraken en projecten", date="2023-02-10T12:00:00")
    dataset, result = validate_directory(top, peildatum=PER)
    assert result.errors == 0
    return top, dataset


def _filters() -> list[dict[str, str]]:
    dataset, _ = validate_directory(DATA.parent, peildatum=PER)
    return [
        {},
        *({"gemeente": g} for g in dataset.gemeenten),
        *({"corporatie": c} for c in dataset.corporaties),
        *({"thema": t} for t in dataset.themas_by_id),
    ]


@pytest.mark.parametrize("chosen", _filters(), ids=lambda f: "-".join(f.values()) or "geen")
def test_report_body_and_changes_select_the_same(
    shipped: tuple[Path, DataSet], chosen: dict[str, str]
) -> None:
    root, dataset = shipped
    status = compute_status(dataset, peildatum=PER, overeenkomst="alle", **chosen)
    diff = diff_revisions(root, "leeg", None, **chosen)
    assert sorted(item.id for item in diff.afspraken) == sorted(a.id for a in status.afspraken)
    assert sorted(item.id for item in diff.projecten) == sorted(status.projecten)
    assert all(item.wijziging == "nieuw" for item in [*diff.afspraken, *diff.projecten])


def test_every_kind_of_filter_selects_something_and_leaves_something_out(
    shipped: tuple[Path, DataSet],
) -> None:
    _, dataset = shipped
    everything = compute_status(dataset, peildatum=PER, overeenkomst="alle")
    for chosen in _filters()[1:]:
        status = compute_status(dataset, peildatum=PER, overeenkomst="alle", **chosen)
        assert 0 < len(status.afspraken) + len(status.projecten)
        assert len(status.afspraken) + len(status.projecten) < len(everything.afspraken) + len(
            everything.projecten
        )


def test_a_corporatie_keeps_an_afspraak_that_only_has_its_project(
    shipped: tuple[Path, DataSet], cli: Callable[..., CliResult]
) -> None:
    """Woonpunt takes no part in particuliere-koopwoningen, but has a project under it."""
    root, dataset = shipped
    afspraak = dataset.afspraken_by_id["particuliere-koopwoningen"].model
    assert "woonpunt" not in (afspraak.trekker, *afspraak.partijen)
    result = cli(
        "report", "--data", root, "--per", PER.isoformat(), "--corporatie", "woonpunt", "--sinds", "leeg",
        "--overeenkomst", "alle",
    )
    assert result.exit_code == 0, result.stderr
    section, body = result.stdout.split("## Wijzigingen sinds", 1)[1].split("## Afspraken per thema", 1)
    assert afspraak.titel in body
    assert afspraak.titel in section
