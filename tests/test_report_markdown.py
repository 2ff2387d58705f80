"""Safe Markdown: raw HTML off, only http/https/mailto links, table cells that stay intact."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from prestatie.report import markdown

GFM = MarkdownIt("commonmark", {"html": True}).enable("table")  # a permissive reader, like a forge


def _cells(row_markdown: str) -> list[str]:
    """The rendered cells of the one body row of a two-column table around ``row_markdown``."""
    html = GFM.render(f"| a | b |\n| --- | --- |\n| {row_markdown} | z |\n")
    body = html.split("<tbody>")[1]
    return re.findall(r"<td>(.*?)</td>", body, flags=re.S)


def test_raw_html_is_text_in_html() -> None:
    html = markdown.to_html("<script>alert(1)</script> <img src=x onerror=alert(2)>")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_only_http_https_mailto_links() -> None:
    html = markdown.to_html(
        "[a](https://example.org) [b](http://example.org) [c](mailto:info@example.org) "
        "[d](javascript:alert(1)) [e](JaVaScRiPt:alert(1)) [f](data:text/html,x) [g](vbscript:x) "
        "[h](/relatief) <javascript:alert(1)>"
    )
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs == ["https://example.org", "http://example.org", "mailto:info@example.org"]
    assert "[d](javascript:alert(1))" in html  # visible as text


def test_no_images_and_no_headings() -> None:
    html = markdown.to_html("# Kop\n\n![x](https://example.org/x.png)")
    assert "<h1" not in html and "<img" not in html


def test_markdown_output_keeps_emphasis_and_safe_links() -> None:
    text = "Dit is **vet**, *schuin*, `code` en [een site](https://example.org/a_(b))."
    assert markdown.to_markdown(text) == (
        "Dit is **vet**, *schuin*, `code` en [een site](<https://example.org/a_(b)>)."
    )


def test_markdown_output_keeps_hostile_text_literal() -> None:
    out = markdown.to_markdown_inline("[klik](javascript:alert(1)) <img src=x onerror=alert(2)> {{ 7*7 }}")
    rendered = GFM.render(out)
    assert "<img" not in rendered and "href" not in rendered
    assert "{{ 7*7 }}" in rendered
    assert "[klik](javascript:alert(1))" in rendered


def test_a_pipe_and_a_newline_do_not_break_a_table() -> None:
    cells = _cells(markdown.escape("a | b\n\n# Kop"))
    assert cells == ["a | b # Kop", "z"]


def test_lists_survive_as_lists() -> None:
    assert markdown.to_markdown("- een\n- twee\n\nslot") == "- een\n- twee\n\nslot"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60))
def test_any_text_stays_one_literal_table_cell(text: str) -> None:
    cells = _cells(markdown.escape(text))
    assert len(cells) == 2 and cells[1] == "z"
    assert "<" not in cells[0].replace("&lt;", "")  # no element, whatever the input


@given(st.text(alphabet=st.sampled_from("ab |*_[]()<>#`\\\n-=:!{}"), max_size=40))
def test_any_markdown_stays_one_table_cell(text: str) -> None:
    cells = _cells(markdown.to_markdown_inline(text))
    assert len(cells) == 2 and cells[1] == "z"
