"""One selection: the report body (status) and its --sinds section (diff) keep the same things,
and status (also --vergelijk), report, export and diff cover the same overeenkomsten.

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
from prestatie.export.tables import Table, compute_export
from prestatie.report.build import make_report
from prestatie.status.engine import compute_status
from prestatie.status.vergelijk import compare_status
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
    shutil.copytree(DATA / "overeenkomsten", top / "data" / "overeenkomsten")
    repo.commit("Overeenkomsten", date="2023-01-20T12:00:00")
    repo.git("tag", "kaal")  # valid: the agreements without afspraken (status --vergelijk needs it)
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


def _overeenkomst_choices() -> list[str | None]:
    dataset, _ = validate_directory(DATA.parent, peildatum=PER)
    return [None, "alle", *dataset.overeenkomsten_by_id]


def _column(table: Table, header: str) -> list[object]:
    index = [c.header for c in table.columns].index(header)
    return [row[index] for row in table.rows]


@pytest.mark.parametrize("gemeente", [None, "heerlen"], ids=lambda g: g or "regio")
@pytest.mark.parametrize("choice", _overeenkomst_choices(), ids=lambda c: c or "standaard")
def test_status_report_export_and_diff_cover_the_same_overeenkomsten(
    shipped: tuple[Path, DataSet], choice: str | None, gemeente: str | None
) -> None:
    """One choice of overeenkomsten (selection.choose_overeenkomsten) for every command:
    the same overeenkomsten named in each heading and the same afspraken in each body.
    Under --gemeente Heerlen, Kerkrade's own overeenkomsten are left out unless chosen by id."""
    root, dataset = shipped
    chosen = {"overeenkomst": choice, "gemeente": gemeente}
    status = compute_status(dataset, peildatum=PER, **chosen)
    covered = [o.id for o in status.overeenkomsten]
    afspraken = sorted(a.id for a in status.afspraken)
    alle = compute_status(dataset, peildatum=PER, overeenkomst="alle", gemeente=gemeente)
    everything = sorted(a.id for a in alle.afspraken)
    if choice is None:  # DESIGN.md: those running at the peildatum, all levels (in scope)
        running = ["parkstad-2024-2028", "kerkrade-2026"]
        assert covered == (running if gemeente is None else running[:1])
    if choice is not None and choice != "alle":
        assert choice in covered
    if gemeente is None:
        assert afspraken and (afspraken == sorted(dataset.afspraken_by_id)) == (choice == "alle")
    else:
        assert not any(o.startswith("kerkrade") for o in covered if o != choice)

    tables = {t.name: t for t in compute_export(dataset, peildatum=PER, **chosen)}
    assert _column(tables["overeenkomsten"], "Overeenkomst") == covered
    assert sorted(set(_column(tables["afspraken"], "Afspraak"))) == afspraken
    assert sorted(set(_column(tables["status"], "Afspraak"))) == afspraken

    text = make_report(root, peildatum=PER, kind="markdown", sinds="leeg", **chosen).text
    assert text is not None
    heading = text.splitlines()[2]
    for o in dataset.overeenkomsten_by_id.values():
        assert (o.titel in heading) == (o.id in covered), o.id
    section = text.split("## Wijzigingen sinds", 1)[1].split("## Afspraken per thema", 1)[0]
    titels = {a.model.id: a.model.titel for a in dataset.afspraken}
    assert sorted(i for i, t in titels.items() if f"**{t}** (nieuwe afspraak)" in section) == afspraken
    n = len(afspraken)
    if n:
        assert f"{n} nieuwe afspra{'ken' if n > 1 else 'ak'}." in section  # counted as new, not as changed

    vergelijking = compare_status(root, "kaal", peildatum=PER, **chosen)  # status --vergelijk
    assert sorted(a.id for a in vergelijking.afspraken) == afspraken
    assert sorted(item.id for item in vergelijking.diff.afspraken) == afspraken

    # diff: an explicit choice covers the same; without one, every overeenkomst (STANDAARD_DIFF).
    diff = diff_revisions(root, "leeg", None, **chosen)
    assert sorted(item.id for item in diff.afspraken) == (afspraken if choice is not None else everything)
