"""Check one read document against its model; turn Pydantic errors into findings.

Each Pydantic error ``loc`` is walked through the document to find the line and
column of the key or value it concerns, and its message is rewritten in Dutch
with a hint on how to fix it.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from prestatie.codes import raised_here, severity_of
from prestatie.findings import Finding
from prestatie.limits import MAX_FINDINGS_PER_FILE, too_many_findings
from prestatie.models import AANTAL_DECIMALEN, MAX_AANTAL
from prestatie.suggest import did_you_mean
from prestatie.yamlread import EXPONENT, THOUSANDS, YamlDocument, YamlPath

RAISES = raised_here("PA018", "PA021", "PA101", "PA102", "PA103", "PA104", "PA105", "PA106", "PA107", "PA108")

M = TypeVar("M", bound=BaseModel)


def describe_value(value: object) -> str:
    """How YAML read a value, in words an advisor understands."""
    if isinstance(value, bool):
        return f"de ja/nee-waarde {str(value).lower()}"
    if isinstance(value, int | float):
        return f"het getal {value}"
    if isinstance(value, dt.date):
        return f"de datum {value.isoformat()}"
    if isinstance(value, str):
        return f"de tekst '{value}'" if len(value) <= 60 else "een tekst"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een mapping (sleutel: waarde)"
    return "niets (leeg)"


def describe_number(value: object) -> str:
    """A number as the user may have written it (1e+28 rather than 28 digits)."""
    return f"{value:g}" if isinstance(value, float) else str(value)


_EXPECTED = {
    "int_type": "een heel getal, bijvoorbeeld 2024",
    "int_from_float": "een heel getal zonder komma",
    "float_type": "een getal, bijvoorbeeld 400 of 12.5 (punt als decimaalteken)",
    "bool_type": "true of false",
    "date_type": "een datum als JJJJ-MM-DD, bijvoorbeeld 2024-06-30",
    "list_type": "een lijst",
    "dict_type": "een mapping (regels als 'sleutel: waarde')",
    "model_type": "een mapping (regels als 'sleutel: waarde')",
    "model_attributes_type": "een mapping (regels als 'sleutel: waarde')",
}


def _model_at(model: Any, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that a loc points into, for field-name suggestions."""
    current: Any = model
    for segment in loc:
        current = _unwrap_model(current)
        if current is None:
            return None
        if isinstance(segment, str) and segment in current.model_fields:
            current = current.model_fields[segment].annotation
        elif isinstance(segment, int) or segment not in getattr(current, "model_fields", {}):
            current = _item_type(current)
    return _unwrap_model(current)


def _unwrap_model(tp: Any) -> type[BaseModel] | None:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        root = tp.model_fields.get("root")
        if root is not None and len(tp.model_fields) == 1:
            return _unwrap_model(_item_type(root.annotation)) or tp
        return tp
    for arg in typing.get_args(tp):
        found = _unwrap_model(arg)
        if found is not None:
            return found
    return None


def _item_type(tp: Any) -> Any:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (list, dict) or isinstance(tp, types.GenericAlias):
        return args[-1] if args else None
    return tp


def _walk(document: YamlDocument, loc: tuple[Any, ...]) -> tuple[YamlPath, bool]:
    """The document path a Pydantic loc refers to, and whether it means the key.

    Union branches add segments that are not in the data ("list[...]"); they are
    skipped. A trailing "[key]" means the error is about a mapping key.
    """
    node: Any = document.data
    path: list[str | int] = []
    is_key = False
    for segment in loc:
        if segment == "[key]":
            is_key = True
            break
        if isinstance(node, dict) and segment in node:
            path.append(segment)
            node = node[segment]
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            path.append(segment)
            node = node[segment]
        elif isinstance(node, dict) and isinstance(segment, str) and not _looks_like_branch(segment):
            path.append(segment)  # a missing or extra field: keep the name
            node = None
    return tuple(path), is_key


def _looks_like_branch(segment: str) -> bool:
    return "[" in segment or segment in {"str", "int", "float", "bool", "date", "none"}


def _message(error: ErrorDetails, field: str, model: type[BaseModel] | None) -> tuple[str, str]:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        options = sorted(model.model_fields) if model else []
        hint = did_you_mean(field, options)
        allowed = ", ".join(options)
        shown = field.encode("unicode_escape").decode("ascii") if not field.isprintable() else field
        message = f"Onbekend veld '{shown}'."
        message += f" Bedoelde u '{hint}'?" if hint else ""
        return "PA101", f"{message} Toegestane velden hier: {allowed}."
    if kind == "missing":
        return "PA102", f"Het verplichte veld '{field}' ontbreekt. Voeg '{field}: …' toe."
    if value is None and kind.endswith("_type"):
        return "PA102", f"Het veld '{field}' is leeg. Vul een waarde in of verwijder de regel."
    if kind == "string_type":
        shown = value.isoformat() if isinstance(value, dt.date) else value
        if isinstance(value, bool | int | float | dt.date):
            if isinstance(value, float):
                # YAML already dropped what made the text special ("1.10" -> 1.1),
                # so the hint cannot quote it back exactly.
                return "PA107", (
                    f"Hier hoort tekst, maar YAML leest {describe_value(value)}. Zet de waarde "
                    f'tussen aanhalingstekens, precies zoals bedoeld, bijvoorbeeld {field}: "1.10".'
                )
            return "PA107", (
                f"Hier hoort tekst, maar YAML leest {describe_value(value)}. Zet de waarde "
                f'tussen aanhalingstekens: {field}: "{shown}".'
            )
        return "PA103", f"Hier hoort tekst, maar er staat {describe_value(value)}."
    if kind in _EXPECTED:
        return "PA103", f"Hier hoort {_EXPECTED[kind]}, maar er staat {describe_value(value)}."
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", ""))
        options = [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip(" '")]
        hint = did_you_mean(str(value), options) if isinstance(value, str) else None
        described = describe_value(value)
        message = f"{described[0].upper()}{described[1:]} is hier niet toegestaan."
        message += f" Bedoelde u '{hint}'?" if hint else ""
        return "PA104", f"{message} Kies uit: {', '.join(options)}."
    if kind in ("string_pattern_mismatch", "string_too_long") and field != "cbs_code":
        return "PA105", (
            f"'{value}' is geen geldige id. Een id bestaat uit kleine letters, cijfers en "
            "enkele koppeltekens (geen spaties of hoofdletters), hoogstens 80 tekens, "
            "bijvoorbeeld 'kerkrade-bleijerheide'."
        )
    if kind == "string_pattern_mismatch":
        return (
            "PA108",
            f"'{value}' is geen CBS-gemeentecode: schrijf GM en vier cijfers, bijvoorbeeld GM0928.",
        )
    if kind == "string_too_short":
        return "PA102", f"Het veld '{field}' is leeg. Vul een waarde in."
    if kind == "too_short":
        return "PA102", f"De lijst '{field}' is leeg; er hoort minstens één item in."
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return "PA106", f"Het getal {value} is negatief; hier hoort 0 of meer."
    if kind == "less_than_equal" and ctx.get("le") == MAX_AANTAL:
        return "PA108", (
            f"Het getal {describe_number(value)} is te groot: hier hoort hoogstens "
            f"{MAX_AANTAL:_} (een biljoen). Controleer het getal.".replace("_", ".")
        )
    if kind == "too_many_decimals":
        return "PA108", (
            f"Het getal {describe_number(value)} heeft meer dan {AANTAL_DECIMALEN} cijfers achter de "
            "komma. Rond het af, bijvoorbeeld op twee decimalen."
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        return "PA108", f"{value} is geen geldig jaar: kies een jaar tussen 1900 en 2100."
    if kind == "finite_number":
        return "PA108", "Hier hoort een gewoon getal (geen oneindig of NaN)."
    return "PA108", f"Ongeldige waarde: {error['msg']}."


_NUMBER_EXPECTED = frozenset({"float_type", "int_type", "float_parsing", "int_parsing"})


def thousands_message(written: str) -> str:
    """PA018: a number written with Dutch thousands separators (1.650)."""
    meant = written.replace(".", "")
    fraction = written.rstrip("0").rstrip(".")
    if THOUSANDS.fullmatch(fraction):
        fraction += "0"  # 1.125 stays a fraction as 1.1250
    if written.count(".") > 1:
        return f"Bedoelt u {meant}? Schrijf getallen zonder duizendtalscheiding: {meant}, niet {written}."
    as_fraction = f"{float(written):g}".replace(".", ",")
    return (
        f"Bedoelt u {meant}? Schrijf getallen zonder duizendtalscheiding: {meant}. YAML zou "
        f"{written} lezen als {as_fraction} (de punt is het decimaalteken). Bedoelt u echt "
        f"{as_fraction}, schrijf dan {fraction}."
    )


def exponent_message(written: str) -> str:
    """PA021: a number in exponent notation (1e3)."""
    value = float(written)
    if abs(value) >= 1e15:
        plain = "in cijfers"
    elif value.is_integer():
        plain = f"voluit: {int(value)}"
    else:
        plain = "voluit: " + f"{value:.15f}".rstrip("0").rstrip(".")
    return (
        f"Schrijf het getal {plain}, niet {written} (e-notatie). Dan leest iedereen het getal "
        "zoals prestatie het leest."
    )


def _without_excess_fields(model: type[BaseModel], data: Any) -> tuple[Any, list[ErrorDetails]]:
    """``data`` without its unknown top-level fields when there are too many to report,
    and an ``extra_forbidden`` error for each of those left out."""
    if not isinstance(data, dict) or len(data) <= MAX_FINDINGS_PER_FILE or "root" in model.model_fields:
        return data, []
    known = model.model_fields
    extra = [name for name in data if name not in known]
    if len(extra) <= MAX_FINDINGS_PER_FILE:
        return data, []
    kept = {name: value for name, value in data.items() if name in known}
    errors: list[ErrorDetails] = [
        {
            "type": "extra_forbidden",
            "loc": (name,),
            "msg": "Extra inputs are not permitted",
            "input": data[name],
        }
        for name in extra
    ]
    return kept, errors


_PREFERRED = {"literal_error": 0, "enum": 0, "missing": 1, "extra_forbidden": 1}


def check_document(
    model: type[M],
    document: YamlDocument,
    file: str,
    bad_paths: set[YamlPath] | frozenset[YamlPath] = frozenset(),
    thousands: set[YamlPath] | frozenset[YamlPath] = frozenset(),
    invalid_ids: list[tuple[Finding, str]] | None = None,
) -> tuple[M | None, list[Finding]]:
    """Validate ``document`` against ``model``; findings carry file, line and column.

    ``thousands``: the paths of values written like 1.650, which the reader kept as
    text; where the model expects a number there, the finding is PA018.
    ``invalid_ids``, when given, receives each PA105 finding with the text written
    there, so that a name written where an id belongs ('Kerkrade') can be answered
    with the id once the whole data set is known (``dataset.assemble``).
    """
    data, unknown = _without_excess_fields(model, document.data)
    try:
        validated = model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:
        if not unknown:
            return validated, []
        errors = []
    if unknown:
        # Thousands of unknown top-level fields: the first ones are checked (and
        # reported below), the rest only counted, so that Pydantic never builds an
        # error for each.
        errors.extend(unknown[:MAX_FINDINGS_PER_FILE])
    chosen: dict[tuple[YamlPath, bool], ErrorDetails] = {}
    for error in errors:
        path, is_key = _walk(document, tuple(error["loc"]))
        if bad_paths and any(path[:length] in bad_paths for length in range(len(path) + 1)):
            continue  # the reader reported this value (or one that holds it) already
        is_key = is_key or error["type"] == "extra_forbidden"
        slot = (path, is_key)
        previous = chosen.get(slot)
        if previous is None or _PREFERRED.get(error["type"], 9) < _PREFERRED.get(previous["type"], 9):
            chosen[slot] = error
    # A field that is "missing" because it was misspelt is reported once, as the
    # unknown field with its "bedoelde u …?" hint.
    extras: dict[YamlPath, list[str]] = {}
    for (path, _), error in chosen.items():
        if error["type"] == "extra_forbidden" and path:
            extras.setdefault(path[:-1], []).append(str(path[-1]))
    findings: list[Finding] = []
    hidden = max(0, len(unknown) - MAX_FINDINGS_PER_FILE)  # unknown fields not even checked
    for number, ((path, is_key), error) in enumerate(chosen.items()):
        if len(findings) >= MAX_FINDINGS_PER_FILE:
            hidden += len(chosen) - number
            break
        if (
            error["type"] == "missing"
            and path
            # (the first extras are enough: no more than that many findings are shown)
            and any(
                did_you_mean(extra, [str(path[-1])])
                for extra in extras.get(path[:-1], [])[:MAX_FINDINGS_PER_FILE]
            )
        ):
            continue
        field = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
        if error["type"] == "missing":
            line, column = document.locate(path[:-1])
        else:
            line, column = document.locate(path, key=is_key)
        parent_loc = tuple(p for p in error["loc"] if p != "[key]")[:-1]
        if path in thousands and not is_key and error["type"] in _NUMBER_EXPECTED:
            written = str(error.get("input"))
            if EXPONENT.fullmatch(written):
                code, message = "PA021", exponent_message(written)
            else:
                code, message = "PA018", thousands_message(written)
        else:
            code, message = _message(error, field, _model_at(model, parent_loc))
        finding = Finding(file, line, column, code, severity_of(code), message)
        findings.append(finding)
        if code == "PA105" and invalid_ids is not None and isinstance(error.get("input"), str):
            invalid_ids.append((finding, error["input"]))
    if hidden and findings:
        findings.append(too_many_findings(file, (findings[-1].line, findings[-1].column), hidden))
    return None, findings
