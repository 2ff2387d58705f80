"""The docs keep up with the code: every finding code documented, every command in the README."""

from __future__ import annotations

import re
from typing import Any

from conftest import REPO
from prestatie.cli.main import command
from prestatie.codes import CODES

MELDINGEN = (REPO / "docs" / "meldingen.md").read_text(encoding="utf-8")


def _sections() -> dict[str, str]:
    parts = re.split(r"^## (PA\d{3})\b.*$", MELDINGEN, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_code_is_documented_and_no_other() -> None:
    assert list(_sections()) == list(CODES)


def test_every_code_has_its_title_and_a_wrong_and_a_right_example() -> None:
    for code, body in _sections().items():
        assert f"## {code}: {CODES[code].title}" in MELDINGEN
        fout = body.find("Fout:\n\n```yaml\n")
        goed = body.find("Goed:\n\n```yaml\n")
        assert 0 <= fout < goed, code
        assert body.count("```yaml") == 2, code


def _commands(cmd: Any, prefix: str = "prestatie") -> list[tuple[str, Any]]:
    found = []
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        found.append((f"{prefix} {name}", sub))
        found.extend(_commands(sub, f"{prefix} {name}"))
    return found


def test_every_command_has_dutch_help_and_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = _commands(command())
    assert commands
    english = re.compile(r"\b(the|show|and|with|of the)\b")
    for name, cmd in commands:
        help_text = (cmd.help or "").strip()
        assert help_text, f"{name} has no help text"
        assert not english.search(help_text), f"{name}: help looks English: {help_text}"
        assert f"`{name}" in readme, f"{name} is missing from README.md"
        for param in cmd.params:
            if getattr(param, "help", None):
                assert not english.search(param.help), f"{name} {param.name}: {param.help}"
