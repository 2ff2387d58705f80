"""``prestatie nieuw cyclus`` and ``prestatie cyclus zet``: a commented year file, one date set."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import prestatie.edit.cyclus as cyclus_edit
from prestatie.errors import UsageError
from prestatie.yamlread import read_yaml

YEAR_2026 = "data/cyclus/2026.yaml"


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_nieuw_cyclus_writes_every_pair_with_empty_dates(cli: Callable[..., Any], data_copy: Path) -> None:
    result = cli("nieuw", "cyclus", "--jaar", "2027", "--data", data_copy)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Aangemaakt: data/cyclus/2027.yaml (25 trajecten)")
    text = (data_copy / "data/cyclus/2027.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/cyclus.schema.json\n")
    for field in ("evaluatie", "huurdersadvies", "bod", "overleg_gestart", "ondertekend", "geschil"):
        assert f"#   {field} " in text, field  # the header explains every field
    data = read_yaml(text.encode(), "x").document
    assert data is not None
    assert data.data["jaar"] == 2027
    pairs = [(t["gemeente"], t["corporatie"]) for t in data.data["trajecten"]]
    # a project together makes a pair ...
    assert ("kerkrade", "wonen-zuid") in pairs and ("voerendaal", "woningstichting-voerendaal") in pairs
    # ... an afspraak for some gemeenten that names both as well; a region-wide one does not
    assert ("brunssum", "heemwonen") in pairs
    assert ("voerendaal", "heemwonen") not in pairs
    assert len(pairs) == len(set(pairs)) == 25
    for traject in data.data["trajecten"]:
        assert [
            traject[f] for f in ("evaluatie", "huurdersadvies", "bod", "overleg_gestart", "ondertekend")
        ] == [None] * 5
    assert cli("validate", data_copy, "--per", "2026-12-01").exit_code == 0
    again = cli("nieuw", "cyclus", "--jaar", "2027", "--data", data_copy)
    assert again.exit_code == 2 and "bestaat al" in again.stderr


def test_zet_changes_one_line_and_keeps_comments(cli: Callable[..., Any], data_copy: Path) -> None:
    path = data_copy / YEAR_2026
    before = path.read_text(encoding="utf-8")
    result = cli(
        "cyclus", "zet", "Landgraaf", "Wonen Zuid", "bod", "2026-07-14", "--jaar", "2026", "--data", data_copy
    )
    assert result.exit_code == 0, result.stderr
    assert "landgraaf × wonen-zuid, bod 14 juli 2026" in result.stdout
    assert "Fase nu: " in result.stdout  # the fase today, whatever day the test runs
    after = path.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == [("    bod:", "    bod: 2026-07-14")]
    # a second date for the same trajectory replaces the value in place
    cli(
        "cyclus",
        "zet",
        "heerlen",
        "woonpunt",
        "ondertekend",
        "2026-11-30",
        "--jaar",
        "2026",
        "--data",
        data_copy,
    )
    assert _changed_lines(after, path.read_text(encoding="utf-8")) == [
        ("    ondertekend:", "    ondertekend: 2026-11-30")
    ]
    shown = json.loads(cli("cyclus", "--per", "2026-12-01", "--data", data_copy, "-f", "json").stdout)
    by_pair = {(t["gemeente"], t["corporatie"]): t for t in shown["trajecten"]}
    assert by_pair[("landgraaf", "wonen-zuid")]["fase"] == "bod ontvangen"
    assert by_pair[("heerlen", "woonpunt")]["fase"] == "ondertekend"
    assert all(not t["achterstallig"] for t in shown["trajecten"])  # both planted findings are resolved


def test_zet_a_geschil_date_and_a_flow_style_trajectory(cli: Callable[..., Any], data_copy: Path) -> None:
    path = data_copy / YEAR_2026
    path.write_text(
        "# de jaarcyclus\njaar: 2026\ntrajecten:\n"
        "  - {gemeente: kerkrade, corporatie: heemwonen, bod: 2026-06-24}  # in één regel\n",
        encoding="utf-8",
    )
    result = cli(
        "cyclus",
        "zet",
        "kerkrade",
        "heemwonen",
        "overleg_gestart",
        "2026-07-08",
        "--jaar",
        "2026",
        "--data",
        data_copy,
    )
    assert result.exit_code == 0, result.stderr
    result = cli(
        "cyclus",
        "zet",
        "kerkrade",
        "heemwonen",
        "geschil_ingediend",
        "2027-02-01",
        "--jaar",
        "2026",
        "--data",
        data_copy,
    )
    assert result.exit_code == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# de jaarcyclus\n") and "# in één regel" in text
    data = read_yaml(text.encode(), "x").document
    assert data is not None
    traject = data.data["trajecten"][0]
    assert str(traject["overleg_gestart"]) == "2026-07-08"
    assert str(traject["geschil"]["ingediend"]) == "2027-02-01"


def test_zet_refuses_what_validate_would_reject(cli: Callable[..., Any], data_copy: Path) -> None:
    path = data_copy / YEAR_2026
    before = path.read_bytes()
    # the overleg cannot start before the bod
    result = cli(
        "cyclus",
        "zet",
        "kerkrade",
        "heemwonen",
        "overleg_gestart",
        "2026-06-01",
        "--jaar",
        "2026",
        "--data",
        data_copy,
    )
    assert result.exit_code == 2
    assert "Er is niets geschreven" in result.stderr and "PA230" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kerkrade", "heemwonen", "boed", "2026-06-24"], "Bedoelde u 'bod'?"),
        (["kerkrade", "heemwonen", "bod", "24-06-2026"], "geen geldige datum"),
        (
            ["kerkrade", "zo-wonen", "bod", "2026-06-24"],
            "geen traject voor gemeente 'kerkrade' en corporatie 'zo-wonen'",
        ),
        (["kerkraad", "heemwonen", "bod", "2026-06-24"], "Bedoelde u 'Kerkrade'?"),
        (["kerkrade", "heemwonen", "bod", "2026-06-24", "--jaar", "2031"], "geen jaarcyclus voor 2031"),
    ],
)
def test_zet_usage_errors(cli: Callable[..., Any], data_copy: Path, args: list[str], message: str) -> None:
    before = (data_copy / YEAR_2026).read_bytes()
    result = cli("cyclus", "zet", *args, "--data", data_copy)
    assert result.exit_code == 2
    assert message in result.stderr
    assert (data_copy / YEAR_2026).read_bytes() == before


def test_zet_refuses_a_file_changed_since_it_was_read(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_copy / YEAR_2026
    real = cyclus_edit.edit_date_text

    def edit_while_someone_saves(raw: bytes, *args: Any) -> bytes:
        path.write_bytes(raw + b"# opgeslagen in een editor\n")
        return real(raw, *args)

    monkeypatch.setattr(cyclus_edit, "edit_date_text", edit_while_someone_saves)
    with pytest.raises(UsageError, match="gewijzigd sinds prestatie het las"):
        cyclus_edit.set_date(
            data_copy,
            gemeente="kerkrade",
            corporatie="heemwonen",
            veld="ondertekend",
            datum=dt.date(2026, 12, 11),
            jaar=2026,
        )
    assert path.read_bytes().endswith(b"# opgeslagen in een editor\n")
