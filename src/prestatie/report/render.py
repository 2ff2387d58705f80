"""Jinja2 environments for the reports: one for HTML, one for Markdown.

Templates come from ``--templates PAD`` (when given) and then from the built-in
set: ``prestatie/templates`` in an installed wheel, the repository's ``templates/``
in an editable install. Only template files are ever compiled; text from the data
files only ever arrives as a value, so ``{{ 7*7 }}`` in a project name stays text.

HTML: autoescape on, so every value is escaped unless a filter below marks it as
safe HTML it made itself. Markdown: every value passes ``finalize``, which escapes
it as literal Markdown on one line (pipes too), unless it is ``MarkdownText`` that
a filter below made. Both use StrictUndefined: a misspelt name is an error, not
an empty cell.

A ``--templates`` folder is trusted input (it decides what a report says), but it
is still rendered in Jinja's sandbox: a template cannot reach Python internals
(``cycler.__init__.__globals__``), and every error in it is a Dutch message that
names the template, never a crash.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import jinja2
import jinja2.exceptions
import jinja2.sandbox
from markupsafe import Markup

from prestatie import dutch
from prestatie.errors import UsageError
from prestatie.report import markdown

Format = Literal["markdown", "html"]
SUFFIX: dict[Format, str] = {"markdown": "md", "html": "html"}
_BAR_CELLS = 10


class MarkdownText(str):
    """Markdown that a filter produced safely; ``finalize`` passes it through as is."""

    __slots__ = ()


def builtin_templates() -> Path:
    """The built-in templates: the installed package's copy, else the repository's."""
    packaged = Path(str(resources.files("prestatie"))) / "templates"
    if (packaged / "report.html.j2").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def _md_finalize(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, MarkdownText):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return markdown.escape(str(value))


def _html_finalize(value: Any) -> Any:
    return "–" if value is None else value


def _bar_text(fraction: float | None) -> str:
    """A progress bar in text: ``██████░░░░``."""
    return dutch.balk(fraction, _BAR_CELLS)


def _width(fraction: float | None) -> str:
    """A CSS percentage for a bar segment, clamped to 0–100."""
    value = 0.0 if fraction is None else max(0.0, min(1.0, fraction))
    return f"{value * 100:.1f}%"


def _common_filters() -> dict[str, Any]:
    return {
        "getal": dutch.getal,
        "geld": dutch.geld,
        "aantal": dutch.aantal,
        "kort": dutch.kort,
        "procent": dutch.procent,
        "datum": dutch.datum,
        "tijdstip": dutch.tijdstip,
        "opsomming": dutch.opsomming,
        "balk": _bar_text,
        "breedte": _width,
    }


def _loader(extra: Path | None) -> jinja2.BaseLoader:
    builtin = jinja2.FileSystemLoader(str(builtin_templates()))
    if extra is None:
        return builtin
    if not extra.is_dir():
        raise UsageError(
            f"De map '{extra}' voor --templates bestaat niet. Geef een map op met report.md.j2 "
            "en/of report.html.j2."
        )
    return jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(extra)), builtin])


@cache
def environment(kind: Format, templates: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment for ``kind``, with ``templates`` searched first."""
    filters = _common_filters()
    html = kind == "html"
    env = jinja2.sandbox.SandboxedEnvironment(
        loader=_loader(templates),
        autoescape=html,  # Markdown escapes through its finalize instead
        undefined=jinja2.StrictUndefined,
        finalize=_html_finalize if html else _md_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if html:
        filters["md_block"] = lambda text: Markup(markdown.to_html(text))
        filters["md_inline"] = lambda text: Markup(markdown.to_html_inline(text))
    else:
        filters["md_block"] = lambda text: MarkdownText(markdown.to_markdown(text))
        filters["md_inline"] = lambda text: MarkdownText(markdown.to_markdown_inline(text))
    env.filters.update(filters)
    return env


def render(name: str, kind: Format, data: dict[str, Any], templates: Path | None = None) -> str:
    """Render template ``name`` (``report`` or ``index``) as ``kind`` with plain ``data``."""
    filename = f"{name}.{SUFFIX[kind]}.j2"
    env = environment(kind, templates)
    try:
        template = env.get_template(filename)
        return template.render(data)
    except jinja2.TemplateNotFound as exc:
        if exc.name == filename:
            raise UsageError(f"Het sjabloon {filename} is niet gevonden.") from None
        raise UsageError(
            f"Het sjabloon {exc.name}, dat {filename} gebruikt (include, import of extends), is niet "
            "gevonden. Zet het in de map van --templates of pas de naam aan."
        ) from None
    except UnicodeDecodeError:
        raise UsageError(
            f"Het sjabloon {filename} (of een sjabloon dat het gebruikt) is niet als UTF-8 opgeslagen. "
            "Sla het op als UTF-8."
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise UsageError(
            f"Het sjabloon {filename} probeert iets wat een sjabloon niet mag ({exc}). Een sjabloon "
            "mag alleen de gegevens van het rapport opmaken."
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(
            f"Het sjabloon {exc.filename or filename} bevat een fout op regel {exc.lineno}: {exc.message}"
        ) from None
    except jinja2.UndefinedError as exc:
        raise UsageError(
            f"Het sjabloon {filename} gebruikt een waarde die niet bestaat ({exc.message}). "
            "Controleer de namen in het sjabloon."
        ) from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as exc:
        raise UsageError(
            f"Het sjabloon {filename} gaf een fout bij het invullen ({type(exc).__name__}: {exc}). "
            "Controleer de berekeningen en namen in het sjabloon."
        ) from None
