"""``--format json``: English keys, documented for users in docs/json.md."""

from __future__ import annotations

import json
from typing import Any

from prestatie.findings import ValidationResult


def as_dict(result: ValidationResult) -> dict[str, Any]:
    return {
        "valid": result.ok,
        "files": result.files,
        "errors": result.errors,
        "warnings": result.warnings,
        "findings": [
            {
                "file": f.file,
                "line": f.line,
                "column": f.column,
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
            }
            for f in result.findings
        ],
    }


def render(result: ValidationResult) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
