"""JSON Schemas: generated from the models, committed, and accepted by check-jsonschema."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from prestatie.jsonschema import KINDS, SCHEMA_COMMENT, build_schema, schemas_are_current
from prestatie.models import AFSPRAAK_STATUSSEN, EENHEDEN, PROJECT_STATUSSEN

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = REPO / "schemas"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"

FILES_OF_KIND = {
    "regio": ["data/regio.yaml"],
    "themas": ["data/themas.yaml"],
    "afspraak": sorted(p.relative_to(REPO).as_posix() for p in (REPO / "data/afspraken").glob("*.yaml")),
    "project": sorted(p.relative_to(REPO).as_posix() for p in (REPO / "data/projecten").glob("*/*.yaml")),
    "cyclus": sorted(p.relative_to(REPO).as_posix() for p in (REPO / "data/cyclus").glob("*.yaml")),
    "overeenkomst": sorted(
        p.relative_to(REPO).as_posix() for p in (REPO / "data/overeenkomsten").glob("*.yaml")
    ),
    "metingen": sorted(p.relative_to(REPO).as_posix() for p in (REPO / "data/metingen").glob("*.yaml")),
}


def check_jsonschema(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_committed_schemas_are_current(tmp_path: Path, cli: Callable[..., Any]) -> None:
    result = cli("schema", "--output", tmp_path / "schemas")
    assert result.exit_code == 0, result.stderr
    for kind in KINDS:
        fresh = (tmp_path / "schemas" / f"{kind}.schema.json").read_bytes()
        committed = (SCHEMAS / f"{kind}.schema.json").read_bytes()
        assert committed == fresh, (
            f"schemas/{kind}.schema.json is stale: run 'prestatie schema --output schemas/' and commit it"
        )
    assert schemas_are_current(SCHEMAS) == []


def test_a_stale_schema_is_detected(tmp_path: Path, cli: Callable[..., Any]) -> None:
    assert cli("schema", "--output", tmp_path).exit_code == 0
    path = tmp_path / "project.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace("Voortgang", "Vooruitgang"), encoding="utf-8")
    assert schemas_are_current(tmp_path) == [str(path)]


def test_schema_command_prints_what_it_wrote_and_leaves_no_temporary_files(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    target = tmp_path / "nieuw" / "schemas"
    result = cli("schema", "--output", target)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"Geschreven: {target / f'{kind}.schema.json'}" for kind in KINDS]
    assert sorted(p.name for p in target.iterdir()) == sorted(f"{kind}.schema.json" for kind in KINDS)


def test_schema_command_refuses_a_file_as_output(tmp_path: Path, cli: Callable[..., Any]) -> None:
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    result = cli("schema", "--output", tmp_path / "bestand")
    assert result.exit_code == 2
    assert "is geen map" in result.stderr


def test_schemas_pass_the_metaschema() -> None:
    result = check_jsonschema("--check-metaschema", *sorted(SCHEMAS.glob("*.schema.json")))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("kind", list(KINDS))
def test_shipped_data_passes_check_jsonschema(kind: str) -> None:
    result = check_jsonschema("--schemafile", SCHEMAS / f"{kind}.schema.json", *FILES_OF_KIND[kind])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("status: opgeleverd", "status: klaar", "klaar"),
        ("opgeleverd: 2022-09-30", "opgeleverd: 30-09-2022", "30-09-2022"),
        ("gemeente: kerkrade", "gemeente: kerkrade\nkleur: blauw", "kleur"),
        ("  sloop: 100", "  sloop: -100", "-100"),
    ],
)
def test_check_jsonschema_rejects_broken_data(tmp_path: Path, old: str, new: str, expected: str) -> None:
    source = REPO / "data/projecten/kerkrade/kerkrade-bleijerheide-superlocal.yaml"
    text = source.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "project.yaml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check_jsonschema("--schemafile", SCHEMAS / "project.schema.json", broken)
    assert result.returncode == 1
    assert expected in result.stdout


def test_jaarschijven_keys_must_be_years(tmp_path: Path) -> None:
    source = REPO / "data/afspraken/nieuwbouw-ouderen.yaml"
    text = source.read_text(encoding="utf-8")
    assert "{2020: 50," in text
    broken = tmp_path / "afspraak.yaml"
    broken.write_text(text.replace("{2020: 50,", "{twintig: 50,"), encoding="utf-8")
    result = check_jsonschema("--schemafile", SCHEMAS / "afspraak.schema.json", broken)
    assert result.returncode == 1
    assert "twintig" in result.stdout


def test_every_data_file_points_at_its_schema() -> None:
    for kind, files in FILES_OF_KIND.items():
        assert files
        for file in files:
            first = (REPO / file).read_text(encoding="utf-8").splitlines()[0]
            assert first == SCHEMA_COMMENT[kind], file
            target = (REPO / file).parent / first.split("$schema=", 1)[1]
            assert target.resolve() == (SCHEMAS / f"{kind}.schema.json").resolve(), file
            assert target.is_file()


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for name, prop in definition.get("properties", {}).items():
            yield f"{definition['title']}.{name}", prop


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_has_a_dutch_title_and_description(kind: str) -> None:
    schema = build_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["description"]
    for name, prop in _properties(schema):
        assert prop.get("description"), f"{name} has no description"
        assert prop["title"][0].isupper() and "_" not in prop["title"], name
    for definition in schema.get("$defs", {}).values():
        assert definition["description"], definition["title"]


def test_enums_come_from_the_models() -> None:
    project = build_schema("project")
    assert project["properties"]["status"]["enum"] == list(PROJECT_STATUSSEN)
    afspraak = build_schema("afspraak")
    assert afspraak["properties"]["status"]["enum"] == list(AFSPRAAK_STATUSSEN)
    themas = build_schema("themas")
    assert themas["$defs"]["Indicator"]["properties"]["eenheid"]["examples"] == list(EENHEDEN)


def test_schema_files_are_plain_json_with_a_final_newline() -> None:
    for kind in KINDS:
        raw = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert raw.endswith("}\n")
        assert json.loads(raw)["$id"] == f"{kind}.schema.json"


# Version 2 files: each kind of mistake that one file's schema can see.
V2_VALID = {
    "overeenkomst": """\
id: parkstad-2024-2028
titel: Regionale Prestatieafspraken Parkstad Limburg 2024–2028
niveau: regionaal
periode: {van: 2024-01-01, tot: 2028-12-31}
ondertekend: 2024-05-31
ondertekenaars:
  - {partij: stadsregio-parkstad, namens: [kerkrade, heerlen]}
gemeenten: alle
vervangt: parkstad-2019-2024
documenten:
  - {titel: Getekende afspraken, bestand: documenten/x.pdf, sha256: "%s"}
""" % ("ab" * 32),
    "metingen": """\
indicator: kernvoorraad
metingen:
  - {datum: 2023-12-31, waarde: 45610, bron: Woonmonitor Parkstad 2023}
  - {datum: 2023-12-31, waarde: 11820, gemeente: kerkrade, bron: Woonmonitor Parkstad 2023}
  - {van: 2024-01-01, tot: 2024-06-30, waarde: -38, bron: Taakstelling}
""",
    "afspraak": """\
id: betaalbare-kernvoorraad
titel: Een betaalbare kernvoorraad
overeenkomst: parkstad-2024-2028
thema: betaalbaarheid
trekker: stadsregio-parkstad
periode: {van: 2024, tot: 2028}
status: lopend
doelen:
  - indicator: kernvoorraad
    telling: stand
    bron: metingen
    streefwaarde: 45000
  - indicator: woningen-efg-label
    telling: stand
    bron: metingen
    richting: maximaal
    nulmeting: {datum: 2023-12-31, waarde: 1200}
    streefwaarde: 0
verantwoording:
  - {datum: 2026-10-01, oorzaak: Netcongestie., bijsturing: Versnellingsteam.}
""",
    "project": """\
id: kerkrade-kaalheide
naam: Kaalheide
gemeente: kerkrade
trekker: heemwonen
status: uitvoering
bijdragen: {woningen-verduurzaamd: 720}
opleveringen:
  - {datum: 2021-11-15, bijdragen: {woningen-verduurzaamd: 240}, toelichting: Fase 1.}
""",
    "themas": """\
- id: bouwopgave
  naam: Bouwopgave
  indicatoren:
    - {id: statushouders, naam: Gehuisveste statushouders, eenheid: personen}
    - {id: netto, naam: Netto toevoeging, eenheid: woningen, samengesteld: {plus: [nieuwbouw], min: [sloop]}}
""",
}


@pytest.mark.parametrize("kind", list(V2_VALID))
def test_check_jsonschema_accepts_version_2_fields(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.yaml"
    path.write_text(V2_VALID[kind], encoding="utf-8")
    result = check_jsonschema("--schemafile", SCHEMAS / f"{kind}.schema.json", path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("kind", "old", "new", "expected"),
    [
        ("overeenkomst", "niveau: regionaal", "niveau: provinciaal", "provinciaal"),
        ("overeenkomst", "ondertekend: 2024-05-31", "ondertekend: 31-05-2024", "31-05-2024"),
        ("overeenkomst", 'sha256: "abab', 'sha256: "ABAB', "ABAB"),
        ("metingen", "{datum: 2023-12-31, waarde: 45610,", "{datum: 2023-12-31, van: 2023-01-01, waarde: 45610,", "datum"),
        ("metingen", "{van: 2024-01-01, tot: 2024-06-30,", "{van: 2024-01-01,", "metingen[2]"),
        ("metingen", "gemeente: kerkrade,", "gemeente: kerkrade, corporatie: heemwonen,", "corporatie"),
        ("metingen", ", bron: Woonmonitor Parkstad 2023}", "}", "bron"),
        ("afspraak", "    bron: metingen\n    streefwaarde: 45000", "    streefwaarde: 45000", "'bron'"),
        ("afspraak", "    bron: metingen\n    streefwaarde: 45000", "    bron: metingen\n    jaarschijven: {2024: 1}\n    streefwaarde: 45000", "jaarschijven"),
        ("afspraak", "richting: maximaal", "richting: hoogstens", "hoogstens"),
        ("afspraak", "telling: stand\n    bron: metingen\n    richting", "bron: metingen\n    richting", "'telling'"),
        ("afspraak", "oorzaak: Netcongestie.", "reden: Netcongestie.", "reden"),
        ("project", "{woningen-verduurzaamd: 240}", "{woningen-verduurzaamd: -240}", "-240"),
        ("project", "{datum: 2021-11-15, bijdragen", "{bijdragen", "datum"),
        ("themas", "samengesteld: {plus: [nieuwbouw],", "samengesteld: {plus: [],", "[]"),
    ],
)
def test_check_jsonschema_rejects_version_2_mistakes(
    tmp_path: Path, kind: str, old: str, new: str, expected: str
) -> None:
    text = V2_VALID[kind]
    assert old in text
    broken = tmp_path / f"{kind}.yaml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check_jsonschema("--schemafile", SCHEMAS / f"{kind}.schema.json", broken)
    assert result.returncode == 1, result.stdout
    assert expected in result.stdout
