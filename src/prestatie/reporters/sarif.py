"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One rule per finding code of the catalogue (title, explanation and examples from
docs/meldingen.md, and a link to the code's heading there); one result per finding,
at its file, line and column. File paths stay as findings have them: relative to the
directory that holds data/ (the repository root in CI), with forward slashes, so a
viewer finds them in the checkout.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from prestatie import __version__
from prestatie.codedocs import code_docs, docs_url, help_uri
from prestatie.codes import CODES
from prestatie.findings import Finding, ValidationResult

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
VERSION = "2.1.0"
LANGUAGE = "nl-NL"
# Where relative artifact URIs start: the checkout, as GitHub code scanning expects.
SRCROOT = "%SRCROOT%"


def _rules() -> list[dict[str, Any]]:
    docs = code_docs()
    rules = []
    for code in CODES.values():
        doc = docs.get(code.code)
        rule: dict[str, Any] = {
            "id": code.code,
            "shortDescription": {"text": code.title},
            "fullDescription": {"text": doc.explanation if doc else code.title},
            "defaultConfiguration": {"level": code.severity.value},
        }
        if doc is not None:
            rule["help"] = {"text": f"{code.code}: {code.title}\n\n{doc.markdown}", "markdown": doc.markdown}
            uri = help_uri(doc)
            if uri is not None:
                rule["helpUri"] = uri
        rules.append(rule)
    return rules


def artifact_uri(path: str) -> str:
    """A finding's file as a relative URI reference: forward slashes kept, the rest escaped."""
    return quote(path, safe="/")


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": artifact_uri(finding.file), "uriBaseId": SRCROOT},
    }
    if finding.line >= 1:  # line 0: the file as a whole, no region
        region: dict[str, int] = {"startLine": finding.line}
        if finding.column >= 1:
            region["startColumn"] = finding.column
        physical["region"] = region
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": finding.severity.value,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    return result


def as_dict(result: ValidationResult) -> dict[str, Any]:
    rules = _rules()
    rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "prestatie",
        "version": __version__,
        "semanticVersion": __version__,
        "language": LANGUAGE,
        "rules": rules,
    }
    base = docs_url()
    if base is not None:
        driver["informationUri"] = base
    return {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "language": LANGUAGE,
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_index) for f in result.findings],
            }
        ],
    }


def render(result: ValidationResult) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
