"""What rules share: a finding located at a key or value, where a value is, the text of hints."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from prestatie.codes import severity_of
from prestatie.dataset import Loaded
from prestatie.findings import Finding
from prestatie.suggest import did_you_mean
from prestatie.yamlread import YamlPath


def finding_at(loaded: Loaded[Any], path: YamlPath, code: str, message: str, *, key: bool = False) -> Finding:
    """A finding at the value (or with ``key``, the key) at ``path`` in ``loaded``'s file."""
    line, column = loaded.document.locate(path, key=key)
    return Finding(loaded.file, line, column, code, severity_of(code), message)


def where(loaded: Loaded[Any], path: YamlPath, *, key: bool = False) -> str:
    """'data/... regel N': where a value is, for a message about another place."""
    line, _ = loaded.document.locate(path, key=key)
    return f"{loaded.file} regel {line}"


def suggestion(word: str, options: Iterable[str]) -> str:
    """' Bedoelde u 'x'?' when an option is close to ``word``, else ''."""
    hint = did_you_mean(word, options)
    return f" Bedoelde u '{hint}'?" if hint and hint != word else ""


def number(value: float) -> str:
    """A number as an advisor writes it: 400, not 400.0; a decimal comma is not YAML."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
