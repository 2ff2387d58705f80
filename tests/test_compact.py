"""A compacted file result (dataset.FileResult.compact) behaves exactly as before, in less memory."""

from __future__ import annotations

import pickle

from prestatie.dataset import FileResult, load_file
from prestatie.models import Project
from prestatie.source import SourceFile

PROJECT = b"""id: {ident}
naam: Project {ident}
gemeente: kerkrade
trekker: heemwonen
status: idee
planning: {{start: 2025-01-01, oplevering: 2026-06-30}}
voortgang:
  - datum: 2025-02-01
    toelichting: Gestart.
"""


def _result(ident: str) -> FileResult:
    raw = PROJECT.replace(b"{ident}", ident.encode()).replace(b"{{", b"{").replace(b"}}", b"}")
    result = load_file(SourceFile(f"data/projecten/kerkrade/{ident}.yaml", raw))
    assert result.loaded is not None, result.findings
    return result


def _project(result: FileResult) -> Project:
    assert result.loaded is not None
    model = result.loaded.model
    assert isinstance(model, Project)
    return model


def test_compacted_models_share_their_given_fields_and_stay_equal() -> None:
    first, second = _result("een"), _result("twee")
    before = _project(first).model_dump(exclude_unset=True)
    assert _project(first).model_fields_set is not _project(second).model_fields_set
    first.compact()
    second.compact()
    one, two = _project(first), _project(second)
    assert one.model_fields_set is two.model_fields_set
    assert one.voortgang[0].model_fields_set is two.voortgang[0].model_fields_set
    assert one.model_dump(exclude_unset=True) == before
    # A copy with a field added gets a set of its own: the shared one does not change.
    copy = one.model_copy(update={"wijk": "Centrum"})
    assert "wijk" in copy.model_fields_set and "wijk" not in two.model_fields_set


def test_a_compacted_result_reads_its_bytes_again_only_when_asked() -> None:
    result = _result("een")
    assert result.loaded is not None
    document = result.loaded.document
    data = document.data
    assert document.data is data  # kept until compacted
    result.compact()
    assert document.data == data and document.data is not data  # let go of: read again
    assert document.locate(("voortgang", 0, "toelichting")) == (9, 18)
    again = pickle.loads(pickle.dumps(result))
    assert again.loaded is not None and again.loaded.model == result.loaded.model
