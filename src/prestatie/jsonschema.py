"""JSON Schemas (draft 2020-12) of the data files, generated from the Pydantic models.

The models stay the truth; these schemas serve editors (VS Code's YAML extension
reads the ``# yaml-language-server: $schema=…`` line at the top of every data file)
and tools such as check-jsonschema. They describe the YAML as *those* tools read
it: dates are strings in ``format: date`` and mapping keys are strings, so the
years of ``jaarschijven`` are keys matching ``^[0-9]{4}$``.

Titles and descriptions are Dutch: an advisor sees them while typing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from prestatie.cyclus.model import Cyclus
from prestatie.models import Afspraak, Metingen, Overeenkomst, Project, Regio, Themas

DIALECT = "https://json-schema.org/draft/2020-12/schema"
YEAR_KEY = "^[0-9]{4}$"
INTEGER_KEY = "^-?[0-9]+$"

# File kind -> (model, title of its schema).
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "regio": (Regio, "Regio (data/regio.yaml)"),
    "themas": (Themas, "Thema's (data/themas.yaml)"),
    "afspraak": (Afspraak, "Prestatieafspraak (data/afspraken/<id>.yaml)"),
    "project": (Project, "Project (data/projecten/<gemeente>/<id>.yaml)"),
    "cyclus": (Cyclus, "Jaarcyclus van de Woningwet (data/cyclus/<jaar>.yaml)"),
    "overeenkomst": (Overeenkomst, "Overeenkomst (data/overeenkomsten/<id>.yaml)"),
    "metingen": (Metingen, "Metingen (data/metingen/<indicator>.yaml)"),
}

# Titles and descriptions of the nested models (their $defs), in Dutch.
_DEFS: dict[str, tuple[str, str]] = {
    "Partij": ("Partij", "Een corporatie, huurdersorganisatie of andere partij, met id en naam."),
    "Gemeente": ("Gemeente", "Een gemeente in de regio, met id, naam en CBS-code."),
    "DatumPeriode": ("Periode (datums)", "Looptijd van eerste tot en met laatste dag, als JJJJ-MM-DD."),
    "Indicator": (
        "Indicator",
        "Een meetbare grootheid, bijvoorbeeld het aantal nieuwe sociale huurwoningen.",
    ),
    "Thema": ("Thema", "Een thema van de afspraken, met zijn meetbare indicatoren."),
    "JarenPeriode": ("Periode (jaren)", "Looptijd van eerste tot en met laatste jaar."),
    "Doel": ("Doel", "Een meetbaar doel: een indicator met een streefwaarde voor de hele periode."),
    "Planning": ("Planning", "Geplande start en oplevering van het project."),
    "Voortgang": ("Voortgang", "Eén stap in de voortgang: een datum en een toelichting."),
    "Termijnen": ("Termijnen", "De laatste dag voor het bod en voor ondertekende afspraken."),
    "Traject": (
        "Traject",
        "Eén gemeente, corporatie en huurdersorganisatie in de jaarcyclus: bod, overleg, ondertekening.",
    ),
    "Geschil": ("Geschil", "Een geschil bij de minister (art. 44 lid 4 Woningwet)."),
    "Voorheen": ("Eerdere naam", "Een naam die de partij eerder had, tot een datum."),
    "OpgegaanIn": ("Opgegaan in", "De partij waarin deze partij per een datum is opgegaan."),
    "Samengesteld": (
        "Samengesteld",
        "Een samengestelde indicator: de som van 'plus' min de som van 'min'.",
    ),
    "Nulmeting": ("Nulmeting", "Het beginpunt (datum en waarde) van de lijn naar de streefwaarde."),
    "Verantwoording": (
        "Verantwoording",
        "Waarom een doel achterblijft, wat dat betekent en wat de partijen eraan doen.",
    ),
    "Oplevering": ("Oplevering (fase)", "Een deel van het project dat al is opgeleverd, met datum."),
    "Ondertekenaar": ("Ondertekenaar", "Een organisatie die tekende, eventueel namens gemeenten."),
    "Document": ("Document", "De getekende tekst of een ander stuk: een bestand of een webadres."),
    "Meting": ("Meting", "Een stand op een datum of een stroom over een periode, met bron."),
}

# What one file's schema can say beyond the models' fields: the combinations that
# validate also checks (PA225, PA228, PA229), so that an editor flags them while typing.
_EXTRA: dict[str, dict[str, Any]] = {
    "Doel": {
        "allOf": [
            {
                "if": {"properties": {"telling": {"const": "stand"}}, "required": ["telling"]},
                "then": {
                    "properties": {"bron": {"const": "metingen"}},
                    "required": ["bron"],
                    "not": {"required": ["jaarschijven"]},
                },
            },
            {
                "if": {"required": ["nulmeting"]},
                "then": {"properties": {"telling": {"const": "stand"}}, "required": ["telling"]},
            },
        ]
    },
    "Meting": {
        "oneOf": [
            {"required": ["datum"], "not": {"anyOf": [{"required": ["van"]}, {"required": ["tot"]}]}},
            {"required": ["van", "tot"], "not": {"required": ["datum"]}},
        ],
        "not": {"required": ["gemeente", "corporatie"]},
    },
}


def schema_file(kind: str) -> str:
    return f"{kind}.schema.json"


def schema_comment(kind: str, depth: int) -> str:
    """The first line of a data file ``depth`` folders below the root that points at its schema."""
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{schema_file(kind)}"


SCHEMA_COMMENT = {
    "regio": schema_comment("regio", 1),
    "themas": schema_comment("themas", 1),
    "afspraak": schema_comment("afspraak", 2),
    "project": schema_comment("project", 3),
    "cyclus": schema_comment("cyclus", 2),
    "overeenkomst": schema_comment("overeenkomst", 2),
    "metingen": schema_comment("metingen", 2),
}


def _title(name: str) -> str:
    """'overige_partijen' -> 'Overige partijen'."""
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


class _DutchSchema(GenerateJsonSchema):
    """Pydantic's generator with Dutch field titles and string keys for dicts."""

    def get_title_from_name(self, name: str) -> str:
        return _title(name)

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        result = super().dict_schema(schema)
        keys: dict[str, Any] = dict(schema.get("keys_schema") or {})
        values = result.pop("additionalProperties", None)
        patterns = result.pop("patternProperties", None)
        names = result.pop("propertyNames", None) or {}
        if keys.get("type") == "int":
            # YAML keys like 2020 are text to JSON tools.
            pattern = YEAR_KEY if keys.get("ge") == 1900 and keys.get("le") == 2100 else INTEGER_KEY
            result["patternProperties"] = {pattern: values if values is not None else {}}
            result["additionalProperties"] = False
        elif patterns:
            result["patternProperties"] = patterns
            result["additionalProperties"] = False
            limits = {k: v for k, v in names.items() if k in ("maxLength", "minLength")}
            if limits:
                result["propertyNames"] = limits
        elif values is not None:
            result["additionalProperties"] = values
            if names:
                result["propertyNames"] = names
        return result


def build_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one file kind: ``regio``, ``themas``, ``afspraak``, ``project`` or ``cyclus``."""
    """The JSON Schema of one file kind (a key of ``KINDS``)."""
    model, title = KINDS[kind]
    generated = model.model_json_schema(schema_generator=_DutchSchema)
    for name, definition in generated.get("$defs", {}).items():
        if name in _DEFS:
            definition["title"], definition["description"] = _DEFS[name]
        definition.update(_EXTRA.get(name, {}))
    for definition in [generated, *generated.get("$defs", {}).values()]:
        for name, prop in definition.get("properties", {}).items():
            prop.setdefault("title", _title(name))
    return {
        "$schema": DIALECT,
        "$id": schema_file(kind),
        "title": title,
        **{key: value for key, value in generated.items() if key != "title"},
    }


def render_schema(kind: str) -> str:
    return json.dumps(build_schema(kind), ensure_ascii=False, indent=2) + "\n"


def write_schemas(output: Path) -> list[Path]:
    """Write every schema into ``output`` (created if needed), each file atomically."""
    from prestatie.atomic import make_folder, replace_file

    make_folder(output)
    written = []
    for kind in KINDS:
        path = output / schema_file(kind)
        replace_file(path, render_schema(kind).encode("utf-8"))
        written.append(path)
    return written


def schemas_are_current(output: Path) -> list[str]:
    """The schema files in ``output`` that are missing or differ from the models."""
    stale = []
    for kind in KINDS:
        path = output / schema_file(kind)
        try:
            current = path.read_bytes()
        except OSError:
            current = b""
        if current.replace(b"\r\n", b"\n") != render_schema(kind).encode("utf-8"):
            stale.append(os.fspath(path))
    return stale
