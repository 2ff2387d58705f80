"""`prestatie export`: the sheets, their types, the status figures, and no formula ever written."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import CliResult
from prestatie.export.cells import neutralised, plain

Cli = Callable[..., CliResult]
PER = "2025-12-31"


def rows(path: Path, sheet: str) -> list[dict[str, Any]]:
    book = openpyxl.load_workbook(path)
    values = list(book[sheet].iter_rows(values_only=True))
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def status_json(cli: Cli, root: Path, *args: str) -> dict[str, Any]:
    result = cli("status", "--data", root, "--per", PER, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("filters", [(), ("--gemeente", "Kerkrade"), ("--corporatie", "HEEMwonen")])
def test_status_sheet_equals_the_status_json(
    cli: Cli, data_copy: Path, tmp_path: Path, filters: tuple[str, ...]
) -> None:
    out = tmp_path / "export.xlsx"
    result = cli("export", out, "--data", data_copy, "--per", PER, *filters)
    assert result.exit_code == 0, result.stderr
    expected = status_json(cli, data_copy, *filters)
    sheet = rows(out, "status")
    pairs = [(a, d) for a in expected["afspraken"] for d in (a["doelen"] or [None])]
    assert len(sheet) == len(pairs) > 0
    for row, (afspraak, doel) in zip(sheet, pairs, strict=True):
        assert row["Peildatum"] == dt.datetime(2025, 12, 31)
        assert row["Afspraak"] == afspraak["id"]
        assert row["Oordeel afspraak"] == afspraak["verdict"]
        assert row["Projecten"] == afspraak["projecten"]["totaal"]
        assert row["Vertraagd"] == afspraak["projecten"]["vertraagd"]
        if doel is None:
            assert row["Indicator"] is None
            continue
        assert row["Indicator"] == doel["indicator"]
        for key, header in [
            ("streefwaarde", "Streefwaarde"),
            ("verwacht", "Verwacht"),
            ("gerealiseerd", "Gerealiseerd"),
            ("in_uitvoering", "In uitvoering"),
            ("in_voorbereiding", "In voorbereiding"),
            ("verdict", "Oordeel doel"),
        ]:
            assert row[header] == doel[key], (afspraak["id"], key)
            regionaal = doel["regionaal"]
            assert row[f"Regio: {header[0].lower()}{header[1:]}"] == (
                regionaal[key] if regionaal is not None else None
            )


def test_every_sheet_with_types_frozen_header_and_widths(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.xlsx"
    assert cli("export", out, "--data", data_copy, "--per", PER, "--overeenkomst", "alle").exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["overeenkomsten", "projecten", "afspraken", "status", "metingen", "cyclus"]
    for sheet in book:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet["A1"].font.b
        assert sheet.column_dimensions["A"].width >= 8
    projecten = {row["Id"]: row for row in rows(out, "projecten")}
    doet = projecten["kerkrade-eygelshoven-doet"]
    assert doet["Gemeente"] == "kerkrade" and doet["Gemeentenaam"] == "Kerkrade"
    assert isinstance(doet["Oplevering gepland"], dt.datetime)
    assert doet["Bestand"] == "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
    with_money = [row for row in projecten.values() if row["Investering (euro)"] is not None]
    assert with_money and all(isinstance(r["Investering (euro)"], int | float) for r in with_money)
    # Every project of the data set, one row each.
    assert len(projecten) == len(list((data_copy / "data/projecten").rglob("*.yaml")))
    metingen = rows(out, "metingen")
    shipped = {p.stem for p in (data_copy / "data/metingen").glob("*.yaml")}
    assert {m["Indicator"] for m in metingen} == shipped and len(shipped) == 6
    assert all(isinstance(m["Waarde"], int | float) for m in metingen)
    cyclus = rows(out, "cyclus")
    assert {c["Jaar"] for c in cyclus} == {2025, 2026}
    afspraken = rows(out, "afspraken")
    assert {a["Afspraak"] for a in afspraken} == {
        p.stem for p in (data_copy / "data/afspraken").glob("*.yaml")
    }


def test_the_first_sheet_names_the_overeenkomsten_covered(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    """Without --overeenkomst those running at the peildatum (as status); with one, its
    afspraken with their eindstand; the status and afspraken sheets hold those afspraken."""
    out = tmp_path / "export.xlsx"
    assert cli("export", out, "--data", data_copy, "--per", "2026-12-01").exit_code == 0
    heading = rows(out, "overeenkomsten")
    assert [(r["Overeenkomst"], r["Op de peildatum"], r["Gekozen"]) for r in heading] == [
        ("parkstad-2024-2028", "loopt", "standaard: lopend op de peildatum"),
        ("kerkrade-2026", "loopt", "standaard: lopend op de peildatum"),
    ]
    assert {r["Overeenkomst"] for r in rows(out, "status")} == {"parkstad-2024-2028", "kerkrade-2026"}
    ended = tmp_path / "oud.xlsx"
    chosen = ("--per", "2026-12-01", "--overeenkomst", "parkstad-2019-2024", "--gemeente", "Kerkrade")
    assert cli("export", ended, "--data", data_copy, *chosen).exit_code == 0
    heading = rows(ended, "overeenkomsten")
    assert [(r["Overeenkomst"], r["Op de peildatum"], r["Gekozen"], r["Gemeente"]) for r in heading] == [
        ("parkstad-2019-2024", "afgelopen: eindstand", "parkstad-2019-2024", "kerkrade"),
        ("kerkrade-2019", "afgelopen: eindstand", "parkstad-2019-2024", "kerkrade"),
    ]
    expected = json.loads(cli("status", "--data", data_copy, *chosen, "--format", "json").stdout)
    status = rows(ended, "status")
    assert {r["Oordeel doel"] for r in status} <= {"gehaald", "niet gehaald", "geen lokaal doel", None}
    assert [r["Afspraak"] for r in status] == [a["id"] for a in expected["afspraken"] for _ in a["doelen"] or [0]]
    assert {r["Afspraak"] for r in rows(ended, "afspraken")} == {a["id"] for a in expected["afspraken"]}
    csv = tmp_path / "overeenkomsten.csv"
    assert cli("export", csv, "--data", data_copy, *chosen, "--blad", "overeenkomsten").exit_code == 0
    assert "Lokale prestatieafspraken Kerkrade 2019" in csv.read_text(encoding="utf-8-sig")
    refused = cli("export", tmp_path / "x.xlsx", "--data", data_copy, "--invulblad", "--corporatie", "HEEMwonen",
                  "--overeenkomst", "alle")  # fmt: skip
    assert refused.exit_code == 2 and "--overeenkomst" in refused.stderr


def test_filters_keep_the_same_projects_as_status(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "kerkrade.xlsx"
    assert cli("export", out, "--data", data_copy, "--per", PER, "--gemeente", "kerkrade").exit_code == 0
    assert {row["Gemeente"] for row in rows(out, "projecten")} == {"kerkrade"}
    assert {row["Gemeente"] for row in rows(out, "cyclus")} == {"kerkrade"}


HOSTILE = [
    '=HYPERLINK("https://example.org/x","klik")',
    "=cmd|' /C calc'!A0",
    "+31 45 123",
    "-2 woningen",
    "@SUM(A1)",
    "\tverborgen",
]


def _hostile_project(root: Path) -> None:
    path = root / "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
    text = path.read_text(encoding="utf-8")
    extra = "".join(
        f"  - datum: 2024-01-0{n + 1}\n    toelichting: {json.dumps(value)}\n"
        for n, value in enumerate(HOSTILE)
    )
    assert "voortgang:\n" in text
    path.write_text(text.replace("voortgang:\n", "voortgang:\n" + extra, 1), encoding="utf-8")


def test_export_never_writes_a_formula(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    _hostile_project(data_copy)
    path = data_copy / "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
    text = path.read_text(encoding="utf-8")
    # The newest voortgang is the last entry: make it the formula.
    text = text.rstrip("\n") + '\n  - datum: 2025-06-30\n    toelichting: "=HYPERLINK(\\"https://x\\")"\n'
    path.write_text(text, encoding="utf-8")
    assert cli("validate", "--data", data_copy).exit_code in (0, 1)
    out = tmp_path / "export.xlsx"
    result = cli("export", out, "--data", data_copy, "--per", PER)
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    book = openpyxl.load_workbook(out)
    cell = next(
        c for row in book["projecten"].iter_rows() for c in row if c.value == '=HYPERLINK("https://x")'
    )
    assert cell.data_type == "s" and cell.quotePrefix
    csv_out = tmp_path / "projecten.csv"
    assert cli("export", csv_out, "--data", data_copy, "--per", PER).exit_code == 0
    csv_text = csv_out.read_bytes().decode("utf-8-sig")
    assert '\'=HYPERLINK(""https://x"")' in csv_text
    for line in csv_text.splitlines():
        for cell_text in line.split(";"):
            assert not cell_text.lstrip('"').startswith(("=", "+", "@", "\t")), line


@pytest.mark.parametrize("text", [*HOSTILE, "gewoon", "'=al een apostrof", "", "'", "-"])
def test_neutralised_text_comes_back_plain(text: str) -> None:
    assert plain(neutralised(text)) == text
    assert not neutralised(text).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_is_one_sheet_for_dutch_spreadsheets(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "status.csv"
    result = cli("export", out, "--data", data_copy, "--per", PER, "--blad", "status")
    assert result.exit_code == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv

    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:3] == ["Peildatum", "Afspraak", "Nummer"]
    expected = status_json(cli, data_copy)
    first = expected["afspraken"][0]["doelen"][0]
    streef = table[0].index("Streefwaarde")
    assert table[1][streef].replace(",", ".") == str(first["streefwaarde"])
    verwacht = table[0].index("Verwacht")
    assert float(table[1][verwacht].replace(",", ".")) == first["verwacht"]


def test_format_from_the_option_and_refusals(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.dat"
    refused = cli("export", out, "--data", data_copy)
    assert refused.exit_code == 2
    assert "extensie .xlsx of .csv" in refused.stderr and not out.exists()
    assert cli("export", out, "--data", data_copy, "--format", "csv").exit_code == 0
    assert out.read_bytes().decode("utf-8-sig").startswith("Id;Naam;Gemeente;Gemeentenaam")
    wrong = cli("export", tmp_path / "x.xlsx", "--data", data_copy, "--blad", "statuss")
    assert wrong.exit_code == 2 and "Onbekend blad 'statuss'" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def _soffice() -> str:
    import os
    import shutil

    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = "LibreOffice (soffice; Debian: libreoffice-calc-nogui) is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"CI must open the export in a real spreadsheet engine, but {message}")
        pytest.skip(message)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("filters", [(), ("--gemeente", "kerkrade")])
def test_libreoffice_reads_the_status_figures_of_the_json(
    cli: Cli, data_copy: Path, tmp_path: Path, filters: tuple[str, ...]
) -> None:
    """The workbook opens in LibreOffice Calc; its status sheet, saved as CSV there, holds the JSON's figures."""
    import csv
    import subprocess

    soffice = _soffice()
    out = tmp_path / "export.xlsx"
    assert cli("export", out, "--data", data_copy, "--per", PER, *filters).exit_code == 0
    # Comma-separated, UTF-8, values (not as shown), sheet 4 (status; the first is overeenkomsten).
    target = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,4"
    converted = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profiel').as_uri()}",
         "--convert-to", target, "--outdir", str(tmp_path / "lo"), str(out)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    produced = sorted((tmp_path / "lo").glob("*.csv"))
    assert converted.returncode == 0 and produced, converted.stdout + converted.stderr
    table = list(csv.DictReader(produced[0].read_text(encoding="utf-8").splitlines()))
    expected = status_json(cli, data_copy, *filters)
    pairs = [(a, d) for a in expected["afspraken"] for d in (a["doelen"] or [None])]
    assert len(table) == len(pairs) > 0

    def value(cell: str) -> float | str | None:
        if cell == "":
            return None
        try:
            return float(cell)
        except ValueError:
            return cell

    for row, (afspraak, doel) in zip(table, pairs, strict=True):
        assert row["Peildatum"] == PER
        assert (row["Afspraak"], row["Oordeel afspraak"]) == (afspraak["id"], afspraak["verdict"])
        assert value(row["Projecten"]) == afspraak["projecten"]["totaal"]
        if doel is None:
            continue
        for key, header in [
            ("streefwaarde", "Streefwaarde"),
            ("verwacht", "Verwacht"),
            ("gerealiseerd", "Gerealiseerd"),
            ("in_uitvoering", "In uitvoering"),
            ("in_voorbereiding", "In voorbereiding"),
            ("verdict", "Oordeel doel"),
        ]:
            assert value(row[header]) == doel[key], (afspraak["id"], key, row[header])
