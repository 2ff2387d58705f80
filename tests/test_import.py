"""`prestatie import`: an invulblad back into the YAML, minimal edits, located refusals, hostile files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import DATA, CliResult
from gitrepo import Repo

Cli = Callable[..., CliResult]


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    top = tmp_path / "repo"
    top.mkdir()
    shutil.copytree(DATA, top / "data")
    repository = Repo(top)
    repository.git("add", "-A")
    repository.commit("gegevens", date="2026-01-01T12:00:00")
    return repository


def invulblad(cli: Cli, root: Path, out: Path, corporatie: str) -> None:
    result = cli("export", out, "--data", root, "--invulblad", "--corporatie", corporatie)
    assert result.exit_code == 0, result.stderr


def fill(path: Path, values: dict[str, dict[str, Any]], *, sheet: str = "projecten") -> Path:
    """Fill the row of each id (column A) with {header: value}; returns the saved path."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    header = {cell.value: cell.column for cell in ws[1]}
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}
    for ident, cells in values.items():
        for name, value in cells.items():
            ws.cell(rows[ident], header[name]).value = value
    book.save(path)
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "data").rglob("*.yaml"))}


def test_round_trip_twenty_cells_twenty_changes(cli: Cli, repo: Repo, tmp_path: Path) -> None:
    root = repo.root
    limburg = tmp_path / "wonen-limburg.xlsx"
    heem = tmp_path / "heemwonen.xlsx"
    invulblad(cli, root, limburg, "Wonen Limburg")
    invulblad(cli, root, heem, "HEEMwonen")
    book = openpyxl.load_workbook(limburg)
    limburg_ids = [r[0].value for r in book["projecten"].iter_rows(min_row=2) if r[0].value]
    assert len(limburg_ids) == 4
    cells = 0
    changes: dict[str, dict[str, Any]] = {}
    for n, ident in enumerate(limburg_ids):  # 4 projects x 3 cells
        changes[ident] = {
            "Nieuwe status": "gepauzeerd",
            "Opleverdatum": dt.date(2029, 1, n + 1),
            "Voortgang": f"Even stilgelegd (project {n + 1}).",
        }
        cells += 3
    fill(limburg, changes)
    heem_changes: dict[str, dict[str, Any]] = {
        "kerkrade-haanrade-particuliere-woningen": {
            "Nieuwe status": "uitvoering",
            "Opleverdatum": "2027-03-31",  # a date typed as text
            "Voortgang": "Bouw gestart.",
        },
        "kerkrade-bleijerheide-superlocal": {
            "Opleverdatum": dt.date(2022, 9, 29),
            "Voortgang": "Datum gecorrigeerd.",
        },
        "kerkrade-kaalheide-verduurzaming": {"Opleverdatum": "1-3-2024", "Voortgang": "Datum gecorrigeerd."},
        "landgraaf-lauradorp-particuliere-woningen": {"Voortgang": "Nazorg afgerond."},
    }
    cells += 3 + 2 + 2 + 1
    fill(heem, heem_changes)
    assert cells == 20
    before = snapshot(root)
    preview = cli("import", limburg, "--data", root, "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    assert "Er is niets geschreven (voorbeeld)." in preview.stdout
    assert "status: uitvoering → gepauzeerd" in preview.stdout
    assert snapshot(root) == before
    for workbook in (limburg, heem):
        result = cli("import", workbook, "--data", root)
        assert result.exit_code == 0, result.stdout + result.stderr
    diff = cli("diff", "HEAD", "--data", root, "--format", "json")
    assert diff.exit_code == 0, diff.stderr
    data = json.loads(diff.stdout)
    counted = sum(len(item["wijzigingen"]) for item in data["projecten"])
    assert counted == 20, json.dumps(data["projecten"], ensure_ascii=False, indent=1)
    assert not data["afspraken"] and not data["overig"]
    # git: one line replaced per status or date cell, two lines added per voortgang sentence.
    numstat = repo.git("diff", "--numstat").split("\n")
    added = sum(int(line.split()[0]) for line in numstat if line)
    removed = sum(int(line.split()[1]) for line in numstat if line)
    replaced = 4 * 2 + 2 + 1 + 1  # limburg status+date, haanrade status+date, two opgeleverd dates
    voortgang = 4 + 4
    assert (removed, added) == (replaced, replaced + 2 * voortgang)
    patch = repo.git("diff", "-U0")
    removed_lines = [
        line for line in patch.split("\n") if line.startswith("-") and not line.startswith("---")
    ]
    assert all(
        line.startswith(("-status:", "-planning:", "-opgeleverd:")) or "oplevering:" in line
        for line in removed_lines
    ), removed_lines
    assert cli("validate", "--data", root).exit_code == 0


def test_every_bad_cell_is_reported_and_nothing_is_written(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "heemwonen.xlsx"
    invulblad(cli, data_copy, out, "heemwonen")
    fill(
        out,
        {
            "kerkrade-haanrade-particuliere-woningen": {
                "Nieuwe status": "opleverd",
                "Opleverdatum": "31-6-2026",
                "Voortgang": "Klaar.",
            },
            "kerkrade-kaalheide-verduurzaming": {"Nieuwe status": "uitvoering"},
            "landgraaf-lauradorp-particuliere-woningen": {
                "Voortgang": '=HYPERLINK("https://example.org","klik")'
            },
            "kerkrade-bleijerheide-superlocal": {"Voortgang": "Goed.", "Datum voortgang": "2030-01-01"},
        },
    )
    before = snapshot(data_copy)
    result = cli("import", out, "--data", data_copy)
    assert result.exit_code == 1
    err = result.stderr
    assert "Er is niets geschreven" in err
    assert (
        "blad projecten, rij 3, kolom Nieuwe status: 'opleverd' is geen status. Bedoelde u 'opgeleverd'?"
        in err
    )
    assert "blad projecten, rij 3, kolom Opleverdatum: '31-6-2026' is geen datum." in err
    assert "kolom Voortgang: schrijf in een zin wat er is gebeurd" in err
    assert "kolom Voortgang: de cel bevat een formule (=HYPERLINK(" in err
    assert "kolom Datum voortgang: 1 januari 2030 ligt in de toekomst" in err
    assert "Traceback" not in err
    assert snapshot(data_copy) == before


def test_a_meting_is_added_and_an_existing_one_skipped(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "metingen.csv"
    rows = [
        [
            "Indicator",
            "Gemeente",
            "Corporatie",
            "Datum (stand)",
            "Van (stroom)",
            "Tot (stroom)",
            "Waarde",
            "Bron",
        ],
        ["sloop", "", "", "", "2024-01-01", "2024-12-31", "260", "Woonmonitor Parkstad 2024"],
        ["sloop", "", "heemwonen", "", "1-1-2025", "31-12-2025", "42", "Jaarverslag HEEMwonen 2025"],
    ]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    file = data_copy / "data/metingen/sloop.yaml"
    before = file.read_bytes()
    result = cli("import", path, "--data", data_copy)
    assert result.exit_code == 0, result.stdout + result.stderr
    after = file.read_bytes()
    assert after.startswith(before)
    added = after[len(before) :].decode("utf-8")
    assert (
        added
        == "  - {van: 2025-01-01, tot: 2025-12-31, waarde: 42, corporatie: heemwonen, bron: Jaarverslag HEEMwonen 2025}\n"
    )
    assert cli("validate", "--data", data_copy).exit_code == 0


def test_csv_with_the_invulblad_columns(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "projecten.csv"
    result = cli(
        "export", out, "--data", data_copy, "--invulblad", "--corporatie", "heemwonen", "--blad", "projecten"
    )
    assert result.exit_code == 0, result.stderr
    table = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    header = table[0]
    row = next(r for r in table if r[0] == "kerkrade-haanrade-particuliere-woningen")
    row[header.index("Nieuwe status")] = "uitvoering"
    row[header.index("Datum voortgang")] = "2025-11-01"
    row[header.index("Voortgang")] = "'-start bouw"  # neutralised by the export rule, comes back plain
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(table)
    out.write_text(buffer.getvalue(), encoding="utf-8")
    result = cli("import", out, "--data", data_copy)
    assert result.exit_code == 0, result.stdout + result.stderr
    text = (data_copy / "data/projecten/kerkrade/kerkrade-haanrade-particuliere-woningen.yaml").read_text(
        encoding="utf-8"
    )
    assert "status: uitvoering\n" in text and 'toelichting: "-start bouw"\n' in text


# hostile spreadsheets ------------------------------------------------------------------------


def _refused(cli: Cli, root: Path, path: Path, *needles: str) -> str:
    before = snapshot(root)
    result = cli("import", path, "--data", root)
    assert result.exit_code in (1, 2), result.stdout
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr
    assert snapshot(root) == before
    return result.stderr


def test_formula_cells_are_never_evaluated(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.xlsx"
    invulblad(cli, data_copy, out, "heemwonen")
    fill(
        out,
        {
            "kerkrade-haanrade-particuliere-woningen": {
                "Nieuwe status": "=cmd|' /C calc'!A0",
                "Voortgang": "=1+1",
            }
        },
    )
    _refused(
        cli,
        data_copy,
        out,
        "rij 3, kolom Nieuwe status: de cel bevat een formule (=cmd|",
        "kolom Voortgang: de cel bevat een formule (=1+1)",
    )


def test_merged_cells_are_refused_with_their_place(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    invulblad(cli, data_copy, out, "heemwonen")
    book = openpyxl.load_workbook(out)
    book["projecten"].merge_cells("H3:K4")
    book.save(out)
    _refused(cli, data_copy, out, "blad projecten, rij 3, kolom H: samengevoegde cellen (H3:K4)")


def test_a_huge_sheet_is_not_read(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    from prestatie.sheetread import MAX_ROWS

    out = tmp_path / "groot.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "projecten"
    ws.append(["Id", "Voortgang"])
    for n in range(MAX_ROWS + 1):
        ws.append([f"p{n}", "x"])
    book.save(out)
    _refused(
        cli,
        data_copy,
        out,
        f"blad projecten: het blad heeft {MAX_ROWS + 2} rijen",
        f"hoogstens {MAX_ROWS} rijen",
    )


def test_dates_as_serial_numbers_in_both_date_systems(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    for epoch, serial in ((None, 46477), (CALENDAR_MAC_1904, 46477 - 1462)):  # both 2027-03-31
        root = tmp_path / f"r{serial}"
        shutil.copytree(data_copy / "data", root / "data")
        out = tmp_path / f"s{serial}.xlsx"
        invulblad(cli, root, out, "heemwonen")
        book = openpyxl.load_workbook(out)
        if epoch is not None:
            book.epoch = epoch
        ws = book["projecten"]
        header = {c.value: c.column for c in ws[1]}
        ws.cell(3, header["Opleverdatum"]).value = serial
        ws.cell(3, header["Opleverdatum"]).number_format = "General"
        ws.cell(3, header["Voortgang"]).value = "Planning bijgesteld."
        assert ws.cell(3, 1).value == "kerkrade-haanrade-particuliere-woningen"
        book.save(out)
        result = cli("import", out, "--data", root)
        assert result.exit_code == 0, result.stdout + result.stderr
        text = (root / "data/projecten/kerkrade/kerkrade-haanrade-particuliere-woningen.yaml").read_text(
            "utf-8"
        )
        assert "oplevering: 2027-03-31}" in text, epoch


def test_a_zip_bomb_is_not_opened(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    from prestatie.sheetread import MAX_UNPACKED_BYTES

    out = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (MAX_UNPACKED_BYTES + 1))
    assert out.stat().st_size < 1024 * 1024
    _refused(cli, data_copy, out, "prestatie pakt niet meer uit dan", "niet geopend (mogelijk een zip-bom)")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"Id;Voortgang\nx;y\n", "is geen xlsx-werkmap (het is geen zip-archief)"),
        (b"\x00\x01garbage" * 10, "is geen xlsx-werkmap (het is geen zip-archief)"),
    ],
)
def test_a_file_that_is_not_xlsx(
    cli: Cli, data_copy: Path, tmp_path: Path, content: bytes, needle: str
) -> None:
    out = tmp_path / "nep.xlsx"
    out.write_bytes(content)
    _refused(cli, data_copy, out, needle)


def test_a_zip_that_is_not_a_workbook(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    _refused(cli, data_copy, out, "geen xlsx-werkmap (xl/workbook.xml ontbreekt)")
    broken = tmp_path / "kapot.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("xl/workbook.xml", "<<<dit is geen xml")
    _refused(cli, data_copy, broken, "kan niet als xlsx-werkmap worden gelezen")


def test_invulblad_has_drop_downs_dates_and_the_metingen_owed(
    cli: Cli, data_copy: Path, tmp_path: Path
) -> None:
    afspraak = data_copy / "data/afspraken/sloop-en-herstructurering.yaml"
    text = afspraak.read_text(encoding="utf-8")
    afspraak.write_text(
        text.replace("  - indicator: sloop\n", "  - indicator: sloop\n    bron: metingen\n", 1),
        encoding="utf-8",
    )
    out = tmp_path / "weller.xlsx"
    result = cli(
        "export", out, "--data", data_copy, "--invulblad", "--corporatie", "Weller", "--per", "2026-03-01"
    )
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["projecten", "metingen"]
    projecten = book["projecten"]
    rules = {str(v.sqref).split(":")[0][0]: v for v in projecten.data_validations.dataValidation}
    header = {c.value: c.column_letter for c in projecten[1]}
    assert rules[header["Nieuwe status"]].type == "list"
    assert "opgeleverd" in (rules[header["Nieuwe status"]].formula1 or "")
    assert rules[header["Opleverdatum"]].type == "date"
    assert projecten.freeze_panes == "A2"
    metingen = book["metingen"]
    mheader = {c.value: c.column for c in metingen[1]}
    rows = [r for r in metingen.iter_rows(min_row=2, values_only=True) if r[0]]
    owed = [(r[0], r[mheader["Corporatie"] - 1]) for r in rows]
    # Besides the metingen doelen of 2024-2028 in which Weller takes part, the sloop one.
    assert ("sloop", "weller") in owed and all(corporatie == "weller" for _, corporatie in owed)
    index = owed.index(("sloop", "weller"))
    assert rows[index][mheader["Van (stroom)"] - 1] == dt.datetime(2025, 1, 1)
    metingen.cell(index + 2, mheader["Waarde"]).value = 12
    metingen.cell(index + 2, mheader["Bron"]).value = "Jaarverslag Weller 2025"
    book.save(out)
    file = data_copy / "data/metingen/sloop.yaml"
    before = file.read_bytes()
    preview = cli("import", out, "--data", data_copy, "--dry-run")
    assert preview.exit_code == 0, preview.stdout + preview.stderr
    assert (
        "Nieuwe metingen\n  sloop: 1 januari 2025 t/m 31 december 2025: 12 (weller; bron: Jaarverslag Weller 2025)"
        in preview.stdout
    )
    assert file.read_bytes() == before
    assert cli("import", out, "--data", data_copy).exit_code == 0
    assert file.read_bytes() == before + (
        b"  - {van: 2025-01-01, tot: 2025-12-31, waarde: 12, corporatie: weller, bron: Jaarverslag Weller 2025}\n"
    )
    again = cli("import", out, "--data", data_copy)  # the same meting twice: skipped
    assert again.exit_code == 0 and "Niets te veranderen" in again.stdout


def test_a_file_changed_since_it_was_read_is_refused(
    cli: Cli, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prestatie.edit import importeer
    from prestatie.errors import UsageError

    out = tmp_path / "h.xlsx"
    invulblad(cli, data_copy, out, "heemwonen")
    fill(out, {"kerkrade-haanrade-particuliere-woningen": {"Voortgang": "Gesprek gevoerd."}})
    path = data_copy / "data/projecten/kerkrade/kerkrade-haanrade-particuliere-woningen.yaml"
    real = importeer.check_candidates

    def check_then_editor_saves(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        path.write_bytes(path.read_bytes() + b"# opgeslagen in de editor\n")
        return found

    monkeypatch.setattr(importeer, "check_candidates", check_then_editor_saves)
    with pytest.raises(UsageError, match="is gewijzigd sinds prestatie het las"):
        importeer.import_spreadsheet(data_copy, out, dry_run=False)
    assert b"Gesprek gevoerd" not in path.read_bytes()


def _sheet_for_three_files(cli: Cli, root: Path, out: Path) -> list[Path]:
    """An invulblad of HEEMwonen with a voortgang for one project and two metingen; the three
    files it writes, in the order import writes them."""
    invulblad(cli, root, out, "heemwonen")
    fill(out, {"kerkrade-haanrade-particuliere-woningen": {"Voortgang": "Gesprek gevoerd."}})
    fill(out, {"kernvoorraad": {"Waarde": 11750, "Bron": "Jaarverslag HEEMwonen 2025"}}, sheet="metingen")
    fill(out, {"verkoop-sociale-huur": {"Waarde": 7, "Bron": "Jaarverslag HEEMwonen 2025"}}, sheet="metingen")
    return [
        root / "data/projecten/kerkrade/kerkrade-haanrade-particuliere-woningen.yaml",
        root / "data/metingen/kernvoorraad.yaml",
        root / "data/metingen/verkoop-sociale-huur.yaml",
    ]


def test_a_sheet_for_three_files_writes_all_three(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "h.xlsx"
    files = _sheet_for_three_files(cli, data_copy, out)
    before = {path: path.read_bytes() for path in files}
    result = cli("import", out, "--data", data_copy)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert b"Gesprek gevoerd." in files[0].read_bytes()
    assert b"waarde: 11750" in files[1].read_bytes() and b"waarde: 7," in files[2].read_bytes()
    assert all(path.read_bytes().startswith(before[path][:20]) for path in files)
    assert not [p for p in (data_copy / "data").rglob(".*") if p.is_file()]


def test_the_cache_gives_the_same_import_as_reading_every_file(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    """With a warm cache of checked files import writes what it writes without one; an
    unchanged file comes from the cache, the one edited after warming it is read again."""
    out = tmp_path / "h.xlsx"
    files = _sheet_for_three_files(cli, data_copy, out)
    files[1].write_bytes(files[1].read_bytes() + b"# na het vullen van de cache bewerkt\n")
    twin = tmp_path / "zonder-cache"
    shutil.copytree(data_copy / "data", twin / "data")
    assert cli("validate", "--data", data_copy, "--per", "2026-12-01").exit_code in (0, 1)  # warm
    files[2].write_bytes(files[2].read_bytes() + b"# na het vullen van de cache bewerkt\n")
    twin_last = twin / files[2].relative_to(data_copy)
    twin_last.write_bytes(twin_last.read_bytes() + b"# na het vullen van de cache bewerkt\n")
    with_cache = cli("import", out, "--data", data_copy)
    without = cli("--geen-cache", "import", out, "--data", twin)
    assert with_cache.exit_code == without.exit_code == 0, with_cache.stderr + without.stderr
    assert snapshot(data_copy) == snapshot(twin)
    last = files[2].read_bytes()
    assert b"# na het vullen van de cache bewerkt\n" in last and b"waarde: 7, corporatie: heemwonen" in last


def test_a_sheet_for_three_files_writes_none_when_the_last_changed_since_it_was_read(
    cli: Cli, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or nothing: an editor saves the last of the three files between the check and the
    write; import refuses, and the two files before it are not written either."""
    from prestatie.edit import importeer
    from prestatie.errors import UsageError

    out = tmp_path / "h.xlsx"
    files = _sheet_for_three_files(cli, data_copy, out)
    real = importeer.check_candidates

    def check_then_editor_saves(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        files[2].write_bytes(files[2].read_bytes() + b"# opgeslagen in de editor\n")
        return found

    monkeypatch.setattr(importeer, "check_candidates", check_then_editor_saves)
    before = snapshot(data_copy)
    with pytest.raises(UsageError) as refused:
        importeer.import_spreadsheet(data_copy, out, dry_run=False)
    message = str(refused.value)
    assert "verkoop-sociale-huur.yaml is gewijzigd sinds prestatie het las" in message
    assert "Er is niets geschreven" in message
    edited = "data/metingen/verkoop-sociale-huur.yaml"
    assert snapshot(data_copy) == {**before, edited: before[edited] + b"# opgeslagen in de editor\n"}
    assert not [p for p in (data_copy / "data").rglob(".*") if p.is_file()]


def test_a_project_whose_file_has_errors_is_not_edited(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "h.xlsx"
    invulblad(cli, data_copy, out, "heemwonen")
    fill(out, {"kerkrade-haanrade-particuliere-woningen": {"Voortgang": "Gesprek gevoerd."}})
    path = data_copy / "data/projecten/kerkrade/kerkrade-haanrade-particuliere-woningen.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: voorbereiding", "status: bezig"), "utf-8"
    )
    _refused(
        cli,
        data_copy,
        out,
        "rij 3, kolom Id: het bestand van project 'kerkrade-haanrade-particuliere-woningen' bevat fouten",
    )


def test_entity_expansion_in_the_sheet_xml_is_refused(cli: Cli, data_copy: Path, tmp_path: Path) -> None:
    """A 'billion laughs' sheet: the XML parser refuses it; the file is reported, nothing written."""
    good = tmp_path / "goed.xlsx"
    invulblad(cli, data_copy, good, "heemwonen")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{n + 1} "{("&lol" + (str(n) if n else "") + ";") * 10}">' for n in range(9))
        + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
    )
    bad = tmp_path / "lol.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = laughs.encode("utf-8")
            target.writestr(item, data)
    _refused(cli, data_copy, bad, "kan niet als xlsx-werkmap worden gelezen")
