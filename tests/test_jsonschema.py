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
    assert themas["$defs"]["Indicator"]["properties"]["eenheid"]["enum"] == list(EENHEDEN)


def test_schema_files_are_plain_json_with_a_final_newline() -> None:
    for kind in KINDS:
        raw = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert raw.endswith("}\n")
        assert json.loads(raw)["$id"] == f"{kind}.schema.json"
