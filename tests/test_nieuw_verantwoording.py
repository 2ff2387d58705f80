"""``prestatie nieuw verantwoording``: one entry appended to an afspraak, every other byte kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import prestatie.edit.verantwoording as verantwoording_module
from prestatie import dutch
from prestatie.errors import UsageError
from prestatie.yamlread import read_yaml

AFSPRAAK = "data/afspraken/herstructurering-2024-2028.yaml"

# Comments everywhere, 'single', "double" and plain quoting, a folded omschrijving.
ODD = """\
# yaml-language-server: $schema=../../schemas/afspraak.schema.json
# Prestatieafspraak 2024–2028: herstructurering   (met 'aanhalingstekens')
id: herstructurering-2024-2028   # de id
nummer: '2.1'
titel: "Verouderde sociale huurwoningen slopen en vervangen"
overeenkomst: parkstad-2024-2028
thema:    herstructurering-en-transformatie
omschrijving: >
  De corporaties slopen in 2024–2028 samen 800 verouderde sociale
  huurwoningen.
trekker: stadsregio-parkstad
partijen: [stadsregio-parkstad, heerlen, kerkrade, brunssum, landgraaf, heemwonen, weller, wonen-zuid, woonpunt, wonen-limburg]
gemeenten: alle
periode: {van: 2024, tot: 2028}
status: lopend   # loopt nog
doelen:
  - indicator: sloop
    streefwaarde: 800
    jaarschijven: {2024: 120, 2025: 160, 2026: 180, 2027: 180, 2028: 160}
verantwoording:   # nieuwste onderaan
  - datum: 2025-03-01
    oorzaak: 'Bezwaar tegen de sloopvergunning in Heerlen.'   # commentaar
    gevolgen: Sloop van 60 woningen schuift een jaar op.
    bijsturing: "Nieuwe vergunningaanvraag: uitspraak in de zomer."
  - datum: 2026-06-15
    oorzaak: Bewoners van twee complexen wachten op een passende woning.
    gevolgen: De sloop begint later.
    bijsturing: Voorrang bij herhuisvesting.
# slotcommentaar
bron: Regionale Prestatieafspraken Parkstad Limburg 2024–2028
"""

OORZAAK = "Herhuisvesting van bewoners duurt langer: er komen weinig woningen vrij."
GEVOLGEN = "Ongeveer 100 woningen worden pas in 2027 gesloopt."
BIJSTURING = "Een wisselwoningenpool van de corporaties en voorrang bij herhuisvesting."
NEW_ENTRY = (
    "  - datum: {datum}\n"
    '    oorzaak: "Herhuisvesting van bewoners duurt langer: er komen weinig woningen vrij."\n'
    "    gevolgen: Ongeveer 100 woningen worden pas in 2027 gesloopt.\n"
    "    bijsturing: Een wisselwoningenpool van de corporaties en voorrang bij herhuisvesting.\n"
)


def _write(root: Path, text: str, newline: str = "\n") -> Path:
    path = root / AFSPRAAK
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def _args(root: Path, afspraak: str = "herstructurering-2024-2028", *extra: str) -> list[str | Path]:
    return [
        "nieuw",
        "verantwoording",
        afspraak,
        "--oorzaak",
        OORZAAK,
        "--gevolgen",
        GEVOLGEN,
        "--bijsturing",
        BIJSTURING,
        *extra,
        "--data",
        root,
    ]


def _without_verantwoording(text: str) -> str:
    """The shipped afspraak without its verantwoording (the lines from that key to the next)."""
    lines = text.splitlines(keepends=True)
    if "verantwoording:\n" not in lines:
        return text
    start = lines.index("verantwoording:\n")
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return "".join(lines[:start] + lines[end:])


def _pa313(cli: Callable[..., Any], root: Path) -> list[str]:
    result = cli("validate", root)
    assert result.exit_code == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if "PA313" in line and "herstructurering" in line]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_the_entry_goes_in_date_order_and_every_other_byte_stays(
    data_copy: Path, cli: Callable[..., Any], newline: str
) -> None:
    path = _write(data_copy, ODD, newline)
    result = cli(*_args(data_copy, "herstructurering-2024-2028", "--datum", "2026-01-10"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"Bijgewerkt: {AFSPRAAK}: verantwoording van 10 januari 2026 toegevoegd."
    )
    expected = ODD.replace("  - datum: 2026-06-15\n", NEW_ENTRY.format(datum="2026-01-10") + "  - datum: 2026-06-15\n")
    assert path.read_bytes() == expected.replace("\n", newline).encode("utf-8")


def test_by_title_today_at_the_bottom_and_the_pa313_warning_goes(
    data_copy: Path, cli: Callable[..., Any]
) -> None:
    path = data_copy / AFSPRAAK
    before = _without_verantwoording(path.read_text(encoding="utf-8"))
    path.write_text(before, encoding="utf-8")
    if not _pa313(cli, data_copy):
        pytest.skip("the shipped sloop afspraak is not achter today; nothing for PA313 to say")
    result = cli(*_args(data_copy, "verouderde SOCIALE huurwoningen slopen en vervangen"))
    assert result.exit_code == 0, result.stderr
    today = dt.date.today().isoformat()
    # The list is added at the end, and nothing above it changes.
    assert path.read_text(encoding="utf-8") == before + "verantwoording:\n" + NEW_ENTRY.format(datum=today)
    assert _pa313(cli, data_copy) == []
    # The briefing shows it.
    report = cli("report", "--format", "markdown", "--data", data_copy)
    assert report.exit_code == 0, report.stderr
    assert f"Oorzaak: {OORZAAK}" in report.stdout


@pytest.mark.parametrize("empty", ["verantwoording: []", "verantwoording:   []"])
def test_an_empty_list_becomes_a_block_list(data_copy: Path, cli: Callable[..., Any], empty: str) -> None:
    head, tail = ODD.split("verantwoording:   # nieuwste onderaan\n")
    tail = tail[tail.index("# slotcommentaar") :]
    text = head + f"{empty}  # nieuwste onderaan\n" + tail
    path = _write(data_copy, text)
    result = cli(*_args(data_copy, "herstructurering-2024-2028", "--datum", "2026-11-01"))
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == (
        head + "verantwoording:  # nieuwste onderaan\n" + NEW_ENTRY.format(datum="2026-11-01") + tail
    )


def test_flow_style_entries_get_a_flow_style_entry(data_copy: Path, cli: Callable[..., Any]) -> None:
    head = ODD.split("verantwoording:")[0]
    text = head + (
        "verantwoording:\n"
        "  - {datum: 2025-03-01, oorzaak: Bezwaar., gevolgen: Later., bijsturing: Nieuwe aanvraag.}\n"
        "bron: Regionale Prestatieafspraken Parkstad Limburg 2024–2028\n"
    )
    path = _write(data_copy, text)
    result = cli(*_args(data_copy, "herstructurering-2024-2028", "--datum", "2026-11-01"))
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == text.replace(
        "bron:",
        '  - {datum: 2026-11-01, oorzaak: "Herhuisvesting van bewoners duurt langer: er komen weinig '
        'woningen vrij.", gevolgen: Ongeveer 100 woningen worden pas in 2027 gesloopt., bijsturing: '
        "Een wisselwoningenpool van de corporaties en voorrang bij herhuisvesting.}\nbron:",
    )


def test_a_non_empty_flow_list_falls_back_to_a_round_trip(data_copy: Path, cli: Callable[..., Any]) -> None:
    head = ODD.split("verantwoording:")[0]
    text = head + "verantwoording: [{datum: 2025-03-01, oorzaak: Bezwaar, gevolgen: Later, bijsturing: Aanvraag}]\n"
    path = _write(data_copy, text)
    result = cli(*_args(data_copy, "herstructurering-2024-2028", "--datum", "2026-11-01"))
    assert result.exit_code == 0, result.stderr
    written = path.read_text(encoding="utf-8")
    for line in head.splitlines():
        if not line.startswith("thema:"):  # ruamel.yaml normalises the spaces after a key
            assert line + "\n" in written
    document = read_yaml(written.encode("utf-8"), AFSPRAAK).document
    assert document is not None
    assert document.data["verantwoording"] == [
        {"datum": dt.date(2025, 3, 1), "oorzaak": "Bezwaar", "gevolgen": "Later", "bijsturing": "Aanvraag"},
        {"datum": dt.date(2026, 11, 1), "oorzaak": OORZAAK, "gevolgen": GEVOLGEN, "bijsturing": BIJSTURING},
    ]
    assert cli("validate", data_copy).exit_code == 0


def test_an_unknown_afspraak_is_refused_with_a_suggestion(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli(*_args(data_copy, "herstructurering-2024"))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "Fout: Onbekende afspraak 'herstructurering-2024' bij AFSPRAAK. Bedoelde u "
        "'Verouderde sociale huurwoningen slopen en vervangen'? Kies uit: "
    )


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--oorzaak", "  ", "Fout: De oorzaak mag niet leeg zijn: schrijf in een zin waarom het doel achterblijft.\n"),
        ("--gevolgen", "", "Fout: De gevolgen mogen niet leeg zijn: schrijf in een zin wat dat betekent"),
        ("--bijsturing", " ", "Fout: De bijsturing mag niet leeg zijn: schrijf in een zin wat de partijen eraan doen.\n"),
        ("--oorzaak", "Twee\nregels", "Fout: De oorzaak bevat een regeleinde (U+000A) op positie 5."),
        ("--datum", "1-11-2026", "Fout: '1-11-2026' is geen geldige datum voor --datum."),
        ("--datum", "2023-12-31", "Fout: De datum 31 december 2023 ligt voor de periode van de afspraak"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    data_copy: Path, cli: Callable[..., Any], option: str, value: str, message: str
) -> None:
    path = _write(data_copy, ODD)
    args = _args(data_copy)
    if option == "--datum":
        args[-2:-2] = [option, value]
    else:
        args[args.index(option) + 1] = value
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert path.read_text(encoding="utf-8") == ODD


def test_a_future_date_is_refused(data_copy: Path, cli: Callable[..., Any]) -> None:
    path = _write(data_copy, ODD)
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    result = cli(*_args(data_copy, "herstructurering-2024-2028", "--datum", future))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Fout: De datum {dutch.datum(future)} ligt in de toekomst;")
    assert path.read_text(encoding="utf-8") == ODD


def test_an_afspraak_file_with_errors_is_not_edited(data_copy: Path, cli: Callable[..., Any]) -> None:
    path = _write(data_copy, ODD.replace("status: lopend", "status: bezig"))
    before = path.read_bytes()
    result = cli(*_args(data_copy))
    assert result.exit_code == 2
    assert "bevat fouten" in result.stderr
    assert path.read_bytes() == before


def test_refuses_when_the_file_changes_while_the_command_runs(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(data_copy, ODD)
    real_check = verantwoording_module.check_candidate

    def check_then_editor_saves(*args: Any, **kwargs: Any) -> Any:
        found = real_check(*args, **kwargs)
        path.write_bytes(ODD.replace("# slotcommentaar", "# opgeslagen in de editor").encode("utf-8"))
        return found

    monkeypatch.setattr(verantwoording_module, "check_candidate", check_then_editor_saves)
    with pytest.raises(UsageError, match="is gewijzigd sinds prestatie het las"):
        verantwoording_module.record_verantwoording(
            data_copy, "herstructurering-2024-2028", oorzaak="a", gevolgen="b", bijsturing="c"
        )
    assert b"# opgeslagen in de editor" in path.read_bytes()
    assert b"oorzaak: a\n" not in path.read_bytes()
