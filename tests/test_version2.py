"""Version 2: phases never count twice, a version 1 data set works as before, parties
through time, and validate's PA313 agrees with status."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, REPO
from prestatie.models import Project
from prestatie.status import compute_status
from prestatie.targetstate import ACHTER, delivered_by, delivered_in, deliveries, regional_verdict
from prestatie.validate import validate_directory

D = dt.date
BASE = REPO / "tests" / "cases" / "_base"

# Phases and the remainder ------------------------------------------------------------

days = st.dates(min_value=D(2019, 1, 1), max_value=D(2028, 12, 31))


@st.composite
def phased_projects(draw: st.DrawFn) -> Project:
    """A valid project (PA226/PA227 hold) with phases, opgeleverd or not."""
    bijdrage = draw(st.integers(min_value=0, max_value=500))
    amounts = draw(st.lists(st.integers(min_value=0, max_value=200), max_size=5))
    phases = []
    left = bijdrage
    for amount in amounts:
        part = min(amount, left)  # the phases never exceed the bijdrage (PA226)
        left -= part
        phases.append({"datum": draw(days), "bijdragen": {"woningen": part}})
    opgeleverd = draw(st.booleans())
    fields: dict[str, Any] = {
        "id": "p",
        "naam": "P",
        "gemeente": "kerkrade",
        "trekker": "heemwonen",
        "status": "opgeleverd" if opgeleverd else draw(st.sampled_from(["uitvoering", "gepauzeerd"])),
        "bijdragen": {"woningen": bijdrage},
        "opleveringen": phases,
    }
    if opgeleverd:
        last = max((p["datum"] for p in phases), default=D(2019, 1, 1))
        fields["opgeleverd"] = draw(st.dates(min_value=last, max_value=D(2029, 12, 31)))
    return Project.model_validate(fields)


@settings(max_examples=300, deadline=None)
@given(project=phased_projects(), first=days, last=days, peildatum=days)
def test_phases_and_the_remainder_never_count_twice(
    project: Project, first: dt.date, last: dt.date, peildatum: dt.date
) -> None:
    bijdrage = project.bijdragen["woningen"]
    total = sum(amount for _, amount in deliveries(project, "woningen"))
    assert total <= bijdrage
    if project.status == "opgeleverd":
        assert total == bijdrage  # once opgeleverd, exactly the bijdrage
        assert delivered_by(project, "woningen", D(2030, 1, 1)) == bijdrage
    # Any window counts a part of it, and two windows that split a span add up to the span.
    inside = delivered_in(project, "woningen", first, last)
    assert 0 <= inside <= bijdrage
    if first <= peildatum <= last:
        before = delivered_in(project, "woningen", first, peildatum)
        after = delivered_in(project, "woningen", peildatum + dt.timedelta(days=1), last)
        assert before + after == pytest.approx(inside)


# A version 1 data set ------------------------------------------------------------------


def test_a_version_1_data_set_validates_and_reports_as_before(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    shutil.copytree(BASE / "data", tmp_path / "data")
    assert not (tmp_path / "data" / "overeenkomsten").exists()
    result = cli("validate", tmp_path, "--per", "2024-12-31", "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)["findings"]) == (0, [])
    status = cli("status", "--data", tmp_path, "--per", "2024-06-30", "--format", "json")
    data = json.loads(status.stdout)
    # regio.yaml's titel and periode are its one overeenkomst 'regio'.
    assert [(o["id"], o["titel"], o["lopend"]) for o in data["overeenkomsten"]] == [
        ("regio", "Testafspraken 2020–2024", True)
    ]
    [afspraak] = data["afspraken"]
    assert (afspraak["overeenkomst"], afspraak["eindstand"]) == ("regio", False)
    [doel] = afspraak["doelen"]
    # The version 1 arithmetic: jaarschijven 20 a year, 2024 pro rata (182/366 of 20 = 9.9)
    assert (doel["verwacht"], doel["gerealiseerd"], doel["in_uitvoering"], doel["verdict"]) == (
        89.9, 0, 24, "achter")


def test_deliveries_outside_the_period_count_for_no_one(cli: Callable[..., Any], tmp_path: Path) -> None:
    """The one change for a version 1 data set: an oplevering after the period."""
    shutil.copytree(BASE / "data", tmp_path / "data")
    project = tmp_path / "data/projecten/kerkrade/kerkrade-seniorenwoningen.yaml"
    text = project.read_text(encoding="utf-8").replace("status: uitvoering", "status: opgeleverd")
    project.write_text(text + "opgeleverd: 2025-03-01\n", encoding="utf-8")
    data = json.loads(cli("status", "--data", tmp_path, "--per", "2025-06-30", "--format", "json").stdout)
    [doel] = data["afspraken"][0]["doelen"]
    assert data["afspraken"][0]["eindstand"] is True
    assert (doel["gerealiseerd"], doel["verwacht"], doel["verdict"]) == (0, 100, "niet gehaald")


# Parties through time -------------------------------------------------------------------


def _merged_data_set(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    regio = tmp_path / "data" / "regio.yaml"
    doc = yaml.safe_load(regio.read_text(encoding="utf-8"))
    for corporatie in doc["corporaties"]:
        if corporatie["id"] == "vincio-wonen":
            corporatie["voorheen"] = [{"naam": "Woningstichting Oud", "tot": D(2018, 12, 31)}]
        if corporatie["id"] == "woningstichting-simpelveld":
            corporatie["opgegaan_in"] = {"partij": "weller", "per": D(2026, 1, 1)}
    regio.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tmp_path


def test_a_former_name_is_accepted_with_a_note(tmp_path: Path) -> None:
    root = _merged_data_set(tmp_path)
    dataset, result = validate_directory(root, peildatum=D(2026, 12, 1))
    assert result.errors == 0
    report = compute_status(dataset, peildatum=D(2026, 12, 1), corporatie="woningstichting oud")
    assert report.filter.corporatie == "vincio-wonen"
    assert report.notes == (
        "'woningstichting oud' is de vroegere naam van Vincio Wonen; getoond wordt Vincio Wonen.",
    )


def test_the_successor_answers_for_the_projects_of_a_merged_party(tmp_path: Path) -> None:
    root = _merged_data_set(tmp_path)
    dataset, result = validate_directory(root, peildatum=D(2026, 12, 1))
    assert result.errors == 0
    simpelveld = {p.model.id for p in dataset.projecten if p.model.trekker == "woningstichting-simpelveld"}
    assert simpelveld
    weller = compute_status(dataset, peildatum=D(2026, 12, 1), corporatie="Weller", overeenkomst="alle")
    assert simpelveld <= set(weller.projecten)
    # ... and validate warns where the merged party still leads an active project (PA312).
    active = [f for f in result.findings if f.code == "PA312"]
    assert {f.file.rsplit("/", 1)[-1].removesuffix(".yaml") for f in active} <= simpelveld
    assert active


# One verdict for validate and status -------------------------------------------------------


def test_pa313_warns_exactly_for_the_afspraken_status_shows_as_achter() -> None:
    peildatum = D(2026, 12, 1)
    dataset, result = validate_directory(REPO, peildatum=peildatum)
    status = compute_status(dataset, peildatum=peildatum)
    achter = {a.id for a in status.afspraken if a.verdict == ACHTER}
    assert achter == {"bouwopgave-sociale-huur", "herstructurering-2024-2028", "energielabels-efg"}
    for afspraak in status.afspraken:
        model = dataset.afspraken_by_id[afspraak.id].model
        assert (regional_verdict(dataset, model, peildatum) == ACHTER) == (afspraak.id in achter)
    # The shipped data gives every afspraak achter a verantwoording from the last six months.
    assert not [f for f in result.findings if f.code == "PA313"]


def test_pa313_warns_for_each_afspraak_achter_without_a_recent_verantwoording(tmp_path: Path) -> None:
    peildatum = D(2026, 12, 1)
    shutil.copytree(DATA, tmp_path / "data")
    status = compute_status(validate_directory(tmp_path, peildatum=peildatum)[0], peildatum=peildatum)
    achter = {a.id for a in status.afspraken if a.verdict == ACHTER}
    for ident in achter | {"kerkrade-verduurzaming-2026"}:  # and one that is not achter
        path = tmp_path / "data" / "afspraken" / f"{ident}.yaml"
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        document.pop("verantwoording", None)
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, result = validate_directory(tmp_path, peildatum=peildatum)
    warned = {f.file for f in result.findings if f.code == "PA313"}
    assert warned == {f"data/afspraken/{ident}.yaml" for ident in achter}
