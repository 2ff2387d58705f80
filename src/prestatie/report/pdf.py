"""The HTML briefing as a PDF, through WeasyPrint (an optional dependency: ``prestatie[pdf]``).

A4 comes from the stylesheet's ``@page``; the document language and title from the
page's ``lang`` and ``<title>``. The PDF is PDF/UA-1: tagged, with a structure tree, so
that a screen reader and a PDF checker find headings, lists and tables. The page breaks
are the print stylesheet's (``break-inside: avoid`` keeps tables, charts and list items
whole).

WeasyPrint needs Pango (Debian: ``libpango-1.0-0``, ``libpangoft2-1.0-0``); without it, or
without the package, the error says what to install.
"""

from __future__ import annotations

from typing import Any

from prestatie.errors import UsageError

PDF_VARIANT = "pdf/ua-1"
_INSTALL = "Installeer het met: pip install 'prestatie[pdf]'."


def _weasyprint() -> Any:
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ModuleNotFoundError:
        raise UsageError(
            f"Een PDF maken vraagt het pakket WeasyPrint, dat niet is geïnstalleerd. {_INSTALL}"
        ) from None
    except OSError as exc:  # the package is there, its system libraries are not
        raise UsageError(
            "Een PDF maken vraagt WeasyPrint met de systeembibliotheek Pango, die niet is gevonden "
            f"({exc}). Installeer die, op Debian of Ubuntu met: apt-get install libpango-1.0-0 "
            "libpangoft2-1.0-0."
        ) from None
    return weasyprint


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML page (inline CSS, no external resources)."""
    weasyprint = _weasyprint()

    def no_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
        # The page is self-contained (its CSP forbids loading anything); so is the PDF.
        raise ValueError(f"geen externe bronnen: {url}")

    document = weasyprint.HTML(string=html, url_fetcher=no_fetch)
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    if not isinstance(pdf, bytes):  # write_pdf without a target returns the bytes
        raise TypeError("WeasyPrint gaf geen PDF terug")
    return pdf
