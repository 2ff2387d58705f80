"""``prestatie nieuw project|afspraak``: a valid, commented file under a fresh id, never overwriting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from prestatie.edit.scalars import slugify, text_scalar, with_prefix
from prestatie.jsonschema import SCHEMA_COMMENT

BLEIJERHEIDE = "data/projecten/kerkrade/kerkrade-seniorenwoningen-bleijerheide.yaml"

EXPECTED_PROJECT = """\
# yaml-language-server: $schema=../../../schemas/project.schema.json
# Project in Kerkrade: Seniorenwoningen Bleijerheide
# Gemaakt met 'prestatie nieuw project'. Vul de velden aan en controleer het bestand
# met 'prestatie validate'. Tekst na een # is uitleg en mag blijven staan.
id: kerkrade-seniorenwoningen-bleijerheide  # gelijk aan de bestandsnaam; niet wijzigen
naam: Seniorenwoningen Bleijerheide         # de naam zoals die in rapportages verschijnt
gemeente: kerkrade                          # id van de gemeente; gelijk aan de map van dit bestand
# wijk: Naam van de wijk                    # optioneel: haal de # weg en vul de wijk of kern in
trekker: heemwonen                          # id van de partij die het project trekt (data/regio.yaml)
partijen: [heemwonen, kerkrade]             # ids van alle betrokken partijen, ook de trekker
afspraken: [nieuwbouw-ouderen]              # ids van de afspraken waar het project aan bijdraagt
status: idee                                # idee | voorbereiding | uitvoering | opgeleverd | gepauzeerd | vervallen
# planning:                                 # geplande datums als JJJJ-MM-DD; haal de # weg en vul in
#   start: 2025-01-01
#   oplevering: 2026-12-31
opgeleverd: null                            # datum van oplevering (JJJJ-MM-DD), alleen bij status opgeleverd
bijdragen:                                  # per indicator-id wat het project oplevert; vul de aantallen in
  nieuwbouw-sociale-huur: 0                 # woningen
# investering: 0                            # optioneel: de investering in euro
voortgang: []                               # nieuwste onderaan; voeg toe met 'prestatie voortgang'
"""


def _validate_ok(cli: Callable[..., Any], root: Path) -> None:
    result = cli("validate", root)
    assert result.exit_code == 0, result.stdout + result.stderr


def test_new_project_writes_a_valid_commented_file(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli(
        "nieuw",
        "project",
        "--gemeente",
        "Kerkrade",
        "--naam",
        "Seniorenwoningen Bleijerheide",
        "--afspraak",
        "nieuwbouw-ouderen",
        "--trekker",
        "HEEMwonen",
        "--data",
        data_copy,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Aangemaakt: {BLEIJERHEIDE}\nVul het bestand aan en controleer het met 'prestatie validate'.\n"
    )
    assert (data_copy / BLEIJERHEIDE).read_text(encoding="utf-8") == EXPECTED_PROJECT
    _validate_ok(cli, data_copy)


def test_names_ids_and_titles_are_all_accepted(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli(
        "nieuw",
        "project",
        "--gemeente",
        "KERKRADE",
        "--naam",
        "Café Brûlé: ’s-Gravenhof & Straße",
        "--afspraak",
        "meer kwalitatief goede sociale huurwoningen voor ouderen",
        "--afspraak",
        "sloop-en-herstructurering",
        "--status",
        "voorbereiding",
        "--data",
        data_copy,
    )
    assert result.exit_code == 0, result.stderr
    relative = "data/projecten/kerkrade/kerkrade-cafe-brule-s-gravenhof-strasse.yaml"
    assert result.stdout.startswith(f"Aangemaakt: {relative}\n")
    text = (data_copy / relative).read_text(encoding="utf-8")
    assert 'naam: "Café Brûlé: ’s-Gravenhof & Straße"' in text
    assert "afspraken: [nieuwbouw-ouderen, sloop-en-herstructurering]" in text
    assert "status: voorbereiding " in text
    assert "trekker: kerkrade " in text
    _validate_ok(cli, data_copy)


def test_a_second_project_with_the_same_name_gets_a_fresh_id(
    data_copy: Path, cli: Callable[..., Any]
) -> None:
    args = (
        "nieuw",
        "project",
        "--gemeente",
        "kerkrade",
        "--naam",
        "Seniorenwoningen Bleijerheide",
        "--data",
        data_copy,
    )
    assert cli(*args).exit_code == 0
    first = (data_copy / BLEIJERHEIDE).read_bytes()
    second = cli(*args)
    assert second.exit_code == 0, second.stderr
    assert second.stdout.startswith(
        "Aangemaakt: data/projecten/kerkrade/kerkrade-seniorenwoningen-bleijerheide-2.yaml\n"
    )
    assert (data_copy / BLEIJERHEIDE).read_bytes() == first
    _validate_ok(cli, data_copy)


def test_an_existing_file_is_never_overwritten_even_when_broken(
    data_copy: Path, cli: Callable[..., Any]
) -> None:
    existing = data_copy / "data/projecten/kerkrade/kerkrade-hofje.yaml"
    existing.write_bytes(b"# half af\nid: [\n")
    result = cli("nieuw", "project", "--gemeente", "kerkrade", "--naam", "Hofje", "--data", data_copy)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Aangemaakt: data/projecten/kerkrade/kerkrade-hofje-2.yaml\n")
    assert existing.read_bytes() == b"# half af\nid: [\n"


def test_an_existing_project_id_is_not_reused(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli(
        "nieuw", "project", "--gemeente", "kerkrade", "--naam", "Eygelshoven doet", "--data", data_copy
    )
    assert result.exit_code == 0, result.stderr
    assert "kerkrade-eygelshoven-doet-2.yaml" in result.stdout


def test_unknown_gemeente_is_refused_with_a_suggestion(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli("nieuw", "project", "--gemeente", "Kerkraad", "--naam", "X", "--data", data_copy)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "Fout: Onbekende gemeente 'Kerkraad' bij --gemeente. Bedoelde u 'Kerkrade'? Kies uit: Beekdaelen,"
    )
    assert not (data_copy / "data/projecten/kerkrade/kerkrade-x.yaml").exists()


def test_unknown_afspraak_is_refused_with_a_suggestion(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli(
        "nieuw",
        "project",
        "--gemeente",
        "kerkrade",
        "--naam",
        "X",
        "--afspraak",
        "nieuwbouw-oudren",
        "--data",
        data_copy,
    )
    assert result.exit_code == 2
    assert (
        "Onbekende afspraak 'nieuwbouw-oudren' bij --afspraak. Bedoelde u "
        in result.stderr
    )


def test_an_afspraak_outside_the_gemeente_is_refused(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli(
        "nieuw",
        "project",
        "--gemeente",
        "simpelveld",
        "--naam",
        "X",
        "--afspraak",
        "nieuwbouw-middeninkomens",
        "--data",
        data_copy,
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "Fout: Afspraak 'nieuwbouw-middeninkomens' geldt niet voor gemeente 'simpelveld' (alleen voor "
        "brunssum, heerlen, kerkrade, landgraaf). Kies een andere afspraak of laat --afspraak weg.\n"
    )


def test_status_opgeleverd_and_unknown_statuses_are_refused(data_copy: Path, cli: Callable[..., Any]) -> None:
    done = cli(
        "nieuw",
        "project",
        "--gemeente",
        "kerkrade",
        "--naam",
        "X",
        "--status",
        "opgeleverd",
        "--data",
        data_copy,
    )
    assert done.exit_code == 2
    assert "kan niet meteen 'opgeleverd' zijn" in done.stderr
    typo = cli(
        "nieuw", "project", "--gemeente", "kerkrade", "--naam", "X", "--status", "ide", "--data", data_copy
    )
    assert typo.exit_code == 2
    assert "Onbekende status 'ide' bij --status. Bedoelde u 'idee'?" in typo.stderr


def test_a_name_with_a_line_break_is_refused(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli("nieuw", "project", "--gemeente", "kerkrade", "--naam", "Twee\nregels", "--data", data_copy)
    assert result.exit_code == 2
    assert "--naam bevat een regeleinde (U+000A)" in result.stderr


def test_new_afspraak_writes_a_valid_commented_file(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli(
        "nieuw",
        "afspraak",
        "--thema",
        "Nieuwbouw voor ouderen en middeninkomens",
        "--titel",
        "Meer woningen voor starters",
        "--nummer",
        "2.4",
        "--data",
        data_copy,
    )
    assert result.exit_code == 0, result.stderr
    relative = "data/afspraken/meer-woningen-voor-starters.yaml"
    assert result.stdout.startswith(f"Aangemaakt: {relative}\n")
    lines = (data_copy / relative).read_text(encoding="utf-8").splitlines()
    assert lines[0] == SCHEMA_COMMENT["afspraak"]
    assert lines[4].startswith("id: meer-woningen-voor-starters  ")
    assert lines[5].startswith('nummer: "2.4"  ')
    # Under the regional overeenkomst running today (2024–2028).
    assert lines[7].startswith("overeenkomst: parkstad-2024-2028  ")
    assert "periode: {van: 2024, tot: 2028}" in lines[14]
    assert any(line.startswith("trekker: stadsregio-parkstad ") for line in lines)
    _validate_ok(cli, data_copy)


def test_new_afspraak_refuses_an_unknown_thema(data_copy: Path, cli: Callable[..., Any]) -> None:
    result = cli("nieuw", "afspraak", "--thema", "nieubouw", "--titel", "X", "--data", data_copy)
    assert result.exit_code == 2
    assert (
        "Fout: Onbekend thema 'nieubouw' bij --thema. Bedoelde u 'Nieuwbouw voor ouderen en middeninkomens'?"
        in result.stderr
    )


def test_slugs_are_ascii_and_bounded() -> None:
    assert slugify("Seniorenwoningen Bleijerheide") == "seniorenwoningen-bleijerheide"
    assert slugify("Ærø — Ĳssel ’t Café") == "aero-ijssel-t-cafe"
    assert len(slugify("woord " * 40)) <= 80
    assert with_prefix("kerkrade", "kerkrade-centrum") == "kerkrade-centrum"
    assert with_prefix("kerkrade", "centrum") == "kerkrade-centrum"
    assert len(with_prefix("kerkrade", slugify("lang " * 30))) <= 80


def test_text_is_quoted_only_when_needed() -> None:
    assert text_scalar("Ruwbouw gereed, dak erop.") == "Ruwbouw gereed, dak erop."
    assert text_scalar("Ruwbouw gereed, dak erop.", flow=True) == '"Ruwbouw gereed, dak erop."'
    assert text_scalar("Fase 2: start") == '"Fase 2: start"'
    assert text_scalar("no") == '"no"'
    assert text_scalar("2024-01-01") == '"2024-01-01"'
    assert text_scalar("1.10") == '"1.10"'
    assert text_scalar("- lijst") == '"- lijst"'
    assert text_scalar('zei "ja"') == 'zei "ja"'
    assert text_scalar("regel\nregel") == '"regel\\nregel"'
