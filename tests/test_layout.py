"""The layout of data/: one table of kinds of file, and everything else follows from it."""

from __future__ import annotations

from typing import get_args, get_type_hints

import pytest

from prestatie import models
from prestatie.diff.model import ItemDiff
from prestatie.layout import KINDS, PLACES, SLUG_PATTERN, Kind, classify, kind_of, stem


def test_every_kind_has_one_place() -> None:
    assert tuple(PLACES) == KINDS
    assert all(kind == place.kind for kind, place in PLACES.items())


def test_the_diff_and_the_models_reuse_the_layout() -> None:
    assert get_args(get_type_hints(ItemDiff)["soort"]) == get_args(Kind)
    slug = get_args(models.Slug)[1]
    assert slug.pattern == SLUG_PATTERN


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("data/regio.yaml", "regio"),
        ("data/themas.yaml", "themas"),
        ("data/afspraken/nieuwbouw.yaml", "afspraak"),
        ("data/projecten/kerkrade/kerkrade-x.yaml", "project"),
    ],
)
def test_each_kind_is_recognised(path: str, kind: str) -> None:
    assert classify(path) == (kind, None)
    assert kind_of(path) == kind


@pytest.mark.parametrize("path", ["data/README.md", "data/afspraken/uitleg.txt", "data/.github/x.yaml"])
def test_explanations_and_hidden_files_are_not_data(path: str) -> None:
    assert classify(path) == (None, None)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("elders/x.yaml", "Dit bestand staat niet in data/."),
        ("data/regio.yml", "hernoem het bestand naar regio.yaml"),
        ("data/x.json", "Alleen .yaml-bestanden"),
        ("data/projecten/x.yaml", "verplaats het naar data/projecten/<gemeente>/x.yaml"),
        (
            "data/afspraken/a/b.yaml",
            "regio.yaml, themas.yaml, afspraken/<id>.yaml, projecten/<gemeente>/<id>.yaml, "
            "cyclus/<jaar>.yaml, overeenkomsten/<id>.yaml en metingen/<indicator>.yaml.",
        ),
    ],
)
def test_a_misplaced_file_says_where_it_belongs(path: str, message: str) -> None:
    kind, problem = classify(path)
    assert kind is None and kind_of(path) is None
    assert problem is not None and problem.code == "PA213" and message in problem.message
    assert (problem.file, problem.line, problem.column) == (path, 1, 1)


def test_paths_follow_from_the_table() -> None:
    project = PLACES["project"]
    assert project.path(gemeente="kerkrade", id="x") == "data/projecten/kerkrade/x.yaml"
    assert project.folder(gemeente="kerkrade") == "data/projecten/kerkrade"
    assert project.glob(id="x") == "data/projecten/*/x.yaml"
    assert PLACES["afspraak"].folder() == "data/afspraken"
    assert PLACES["regio"].path() == "data/regio.yaml"
    assert PLACES["themas"].top is list and PLACES["regio"].top is dict
    with pytest.raises(ValueError, match="not every part"):
        project.path(id="x")
    assert stem("data/projecten/kerkrade/kerkrade-x.yaml") == "kerkrade-x"
