"""Hostile text in the data comes out as text: no script, no handler, no javascript: link,
no template evaluation, and Markdown tables stay intact."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from conftest import CliResult

Cli = Callable[..., CliResult]
PER = "2026-11-24"
PROJECT = "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
AFSPRAAK = "data/afspraken/betaalbare-kernvoorraad.yaml"  # shown by default (2024-2028)

SCRIPT = "<script>alert(1)</script>"
ONERROR = "<img src=x onerror=alert(2)>"
JS_LINK = "[klik](javascript:alert(1))"
TEMPLATE = "{{ 7*7 }} {% raw %}"
TABLE_BREAK = "a | b\n\n# Kop"


@pytest.fixture(autouse=True)
def _fixed_generation_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # The colophon prints the generation time; a clock reading of hh:49 must not
    # look like an evaluated {{ 7*7 }}.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21 14:13 UTC


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _rewrite(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _plant(root: Path, naam: str, omschrijving: str, toelichting: str, wijk: str) -> None:
    def project(doc: dict[str, Any]) -> None:
        doc["naam"] = naam
        doc["wijk"] = wijk
        doc["voortgang"].append({"datum": dt.date(2026, 11, 1), "toelichting": toelichting})

    def afspraak(doc: dict[str, Any]) -> None:
        doc["omschrijving"] = omschrijving
        doc["titel"] = TEMPLATE

    _rewrite(root / PROJECT, project)
    _rewrite(root / AFSPRAAK, afspraak)


def _assert_safe_html(html: str) -> str:
    parser = _Elements()
    parser.feed(html)
    tags = [tag for tag, _ in parser.tags]
    assert "script" not in tags and "img" not in tags and "iframe" not in tags
    for _tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), name
            if name in ("href", "src", "action"):
                assert (value or "").lower().startswith(("http:", "https:", "mailto:")), value
    return "".join(parser.text)


def _assert_safe_markdown(md: str) -> str:
    """Render the Markdown as a permissive forge would (raw HTML on) and check the result."""
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    text = _assert_safe_html(html)
    assert html.count("<h1>") == 1
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        header = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], flags=re.S):
            assert len(re.findall(r"<td", row)) == header, row
    return text


@pytest.fixture
def hostile(data_copy: Path) -> Path:
    _plant(
        data_copy,
        naam=f"{SCRIPT} {TEMPLATE}",
        omschrijving=f"{JS_LINK} {ONERROR} {TEMPLATE}\n\n# Kop\n\n[veilig](https://example.org)",
        toelichting=f"{JS_LINK} {ONERROR} {SCRIPT} | {TEMPLATE}",
        wijk=TABLE_BREAK,
    )
    return data_copy


def test_html_escapes_everything(cli: Cli, hostile: Path) -> None:
    result = cli("report", "--data", hostile, "--gemeente", "Kerkrade", "--per", PER, "--format", "html")
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    assert "<script" not in html and "onerror=" not in html.replace("onerror=alert(2)&gt;", "")
    assert "javascript:alert(1)</a>" not in html and 'href="javascript' not in html
    text = _assert_safe_html(html)
    assert SCRIPT in text  # shown as text
    assert TEMPLATE in text and "49" not in text.replace("2049", "")
    assert "[klik](javascript:alert(1))" in text
    assert '<a href="https://example.org">veilig</a>' in html
    assert "<h1>" in html and html.count("<h1") == 1  # "# Kop" is no heading


def test_markdown_keeps_text_literal_and_tables_intact(cli: Cli, hostile: Path) -> None:
    result = cli("report", "--data", hostile, "--gemeente", "Kerkrade", "--per", PER)
    assert result.exit_code == 0, result.stderr
    text = _assert_safe_markdown(result.stdout)
    assert SCRIPT in text
    assert TEMPLATE in text and "{{ 7\\*7 }}" in result.stdout
    assert "[klik](javascript:alert(1))" in text
    assert "a | b # Kop" in text  # one cell, newlines collapsed


def test_region_report_too(cli: Cli, hostile: Path) -> None:
    for kind in ("markdown", "html"):
        result = cli("report", "--data", hostile, "--per", PER, "--format", kind)
        assert result.exit_code == 0
        if kind == "html":
            _assert_safe_html(result.stdout)
        else:
            _assert_safe_markdown(result.stdout)


def _shared_value(hostile_dir: Path, name: str, key: str) -> str:
    value = yaml.safe_load((hostile_dir / name).read_text(encoding="utf-8"))[key]
    assert isinstance(value, str)
    return value


def test_shared_hostile_examples_40_to_42(cli: Cli, data_copy: Path, hostile_dir: Path) -> None:
    xss_naam = _shared_value(hostile_dir, "40_xss_text.yaml", "naam")
    xss_text = _shared_value(hostile_dir, "40_xss_text.yaml", "omschrijving")
    template = _shared_value(hostile_dir, "41_template_injection.yaml", "naam")
    table = _shared_value(hostile_dir, "42_markdown_table_break.yaml", "naam")
    _plant(data_copy, naam=xss_naam, omschrijving=xss_text, toelichting=f"{xss_text} {template}", wijk=table)
    html = cli("report", "--data", data_copy, "--gemeente", "Kerkrade", "--per", PER, "--format", "html")
    md = cli("report", "--data", data_copy, "--gemeente", "Kerkrade", "--per", PER)
    assert html.exit_code == md.exit_code == 0
    html_text = _assert_safe_html(html.stdout)
    md_text = _assert_safe_markdown(md.stdout)
    for text in (html_text, md_text):
        assert xss_naam in text and template in text
