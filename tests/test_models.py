"""The shipped data loads, and each model refuses the typical mistakes with a useful message."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import DATA, REPO
from prestatie.dataset import load_file
from prestatie.findings import Finding
from prestatie.source import read_directory
from prestatie.validate import validate_directory


def test_every_shipped_file_loads_into_its_model() -> None:
    results = [load_file(source) for source in read_directory(REPO)]
    problems = [f for r in results for f in r.findings]
    assert problems == []
    kinds = Counter(r.kind for r in results if r.loaded is not None)
    assert kinds["regio"] == 1
    assert kinds["themas"] == 1
    assert kinds["afspraak"] >= 6
    assert kinds["project"] >= 21


def test_shipped_data_set_counts() -> None:
    import datetime as dt

    dataset, result = validate_directory(REPO, peildatum=dt.date(2026, 11, 24))
    assert result.ok, result.findings
    assert dataset.regio is not None and dataset.regio.model.voorbeeldgegevens is True
    codes = {g.id: g.cbs_code for g in dataset.regio.model.gemeenten}
    assert codes == {
        "beekdaelen": "GM1954",
        "brunssum": "GM0899",
        "heerlen": "GM0917",
        "kerkrade": "GM0928",
        "landgraaf": "GM0882",
        "simpelveld": "GM0965",
        "voerendaal": "GM0986",
    }
    assert len(dataset.corporaties) == 9
    assert len(dataset.themas_by_id) == 10
    assert {o.model.niveau for o in dataset.overeenkomsten} == {"regionaal", "lokaal", "jaarschijf"}
    doelen = [d for a in dataset.afspraken for d in a.model.doelen]
    kinds = {(d.telling, d.bron, d.richting, d.nulmeting is not None) for d in doelen}
    assert {
        ("som", "projecten", "minimaal", False),
        ("som", "metingen", "minimaal", False),
        ("som", "metingen", "maximaal", False),
        ("stand", "metingen", "minimaal", False),
        ("stand", "metingen", "maximaal", True),
    } <= kinds
    assert any(dataset.indicatoren[d.indicator][0].samengesteld for d in doelen)
    assert any(p.model.opleveringen for p in dataset.projecten)
    per_gemeente = Counter(p.model.gemeente for p in dataset.projecten)
    assert set(per_gemeente) == set(codes) and min(per_gemeente.values()) >= 3
    assert {p.model.status for p in dataset.projecten} == {
        "idee",
        "voorbereiding",
        "uitvoering",
        "opgeleverd",
        "gepauzeerd",
        "vervallen",
    }
    assert any(not a.model.doelen for a in dataset.afspraken)
    for thema in dataset.themas_by_id:
        assert any(a.model.thema == thema and a.model.doelen for a in dataset.afspraken)
    ids = set(dataset.projecten_by_id)
    assert {
        "kerkrade-bleijerheide-superlocal",
        "kerkrade-eygelshoven-doet",
        "kerkrade-poyckstraat-nassaustraat",
    } <= ids


def test_no_personal_contact_data_in_data() -> None:
    import re

    for path in DATA.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), path
            assert not re.search(r"\b0\d{2}[- ]?\d{7}\b|\+31", text), path


def _project(**changes: str) -> bytes:
    fields = {
        "id": "kerkrade-test",
        "naam": "Test",
        "gemeente": "kerkrade",
        "trekker": "heemwonen",
        "partijen": "[heemwonen, kerkrade]",
        "afspraken": "[nieuwbouw-ouderen]",
        "status": "uitvoering",
        "planning": "{start: 2022-03-01, oplevering: 2030-06-30}",
    }
    fields.update(changes)
    return "".join(f"{k}: {v}\n" for k, v in fields.items() if v != "-").encode()


def _findings(raw: bytes) -> list[Finding]:
    from prestatie.source import SourceFile

    return load_file(SourceFile("data/projecten/kerkrade/kerkrade-test.yaml", raw)).findings


def test_a_valid_project_has_no_findings() -> None:
    assert _findings(_project()) == []


@pytest.mark.parametrize(
    ("changes", "code", "line", "words"),
    [
        ({"stauts": "uitvoering", "status": "-"}, "PA101", 8, "Bedoelde u 'status'?"),
        ({"status": "uitvoring"}, "PA104", 7, "Bedoelde u 'uitvoering'?"),
        ({"wijk": "no"}, "PA017", 9, "aanhalingstekens"),
        ({"wijk": "010"}, "PA017", 9, "voorloopnul"),
        ({"wijk": "1.10"}, "PA107", 9, "precies zoals bedoeld"),
        ({"wijk": "2024-01-01"}, "PA107", 9, "aanhalingstekens"),
        ({"id": "Kerkrade_Test"}, "PA105", 1, "kleine letters"),
        ({"naam": "-"}, "PA102", 1, "'naam' ontbreekt"),
        ({"investering": "-5"}, "PA106", 9, "negatief"),
        ({"investering": "veel"}, "PA103", 9, "getal"),
        ({"planning": "{start: 2022-03-01, oplevering: 2024-02-30}"}, "PA010", 8, "geen bestaande datum"),
    ],
)
def test_project_mistakes_are_located_and_explained(
    changes: dict[str, str], code: str, line: int, words: str
) -> None:
    findings = _findings(_project(**changes))
    assert [(f.code, f.line) for f in findings] == [(code, line)], findings
    assert words in findings[0].message
