"""The docs keep up with the code: every finding code documented, every command in the README."""

from __future__ import annotations

import re
from typing import Any

from conftest import REPO
from prestatie.cli.main import command
from prestatie.codedocs import anchor, code_docs, meldingen_path
from prestatie.codes import CODES

MELDINGEN = (REPO / "docs" / "meldingen.md").read_text(encoding="utf-8")


def _sections() -> dict[str, str]:
    return {code: doc.markdown for code, doc in code_docs().items()}


def test_code_docs_come_from_the_repository_docs() -> None:
    assert meldingen_path() == REPO / "docs" / "meldingen.md"
    for code, doc in code_docs().items():
        assert doc.title == CODES[code].title
        assert doc.explanation and not doc.explanation.startswith("*"), code
        assert MELDINGEN.count(f"## {code}: ") == 1


def test_anchors_as_github_makes_them() -> None:
    assert anchor("PA017: Dubbelzinnige waarde (YAML 1.1)") == "pa017-dubbelzinnige-waarde-yaml-11"
    assert anchor("PA306: Tekst na ' #' valt weg als commentaar") == "pa306-tekst-na---valt-weg-als-commentaar"
    assert anchor("PA006: Meer dan één YAML-document") == "pa006-meer-dan-één-yaml-document"
    assert anchor("PA107: Tekst verwacht: zet de waarde") == "pa107-tekst-verwacht-zet-de-waarde"


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
