"""Tests over ../shared skip with a reason that names the absent folder."""

from __future__ import annotations

from conftest import shared_absent, shared_params


def test_an_absent_shared_folder_gives_one_skipped_parameter_naming_it() -> None:
    [param] = shared_params("niet-aanwezig", ["a", "b"], ["a", "b"])
    [mark] = param.marks
    assert mark.name == "skip"
    assert mark.kwargs["reason"] == shared_absent("niet-aanwezig")
    assert str(mark.kwargs["reason"]).startswith("../shared/niet-aanwezig is absent:")
    assert param.id == "niet-aanwezig-absent"
