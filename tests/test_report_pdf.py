"""``report --format pdf``: a real PDF through WeasyPrint, read back with real tools.

Slow: it renders the Kerkrade briefing, turns page 1 into an image with pdftoppm
(Debian's poppler-utils; the image lands in test-artifacts/ to look at), and reads the
text and the document structure back with pypdf. CI must have the tools (``.ci/run``
installs them); elsewhere a missing tool skips with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow
PER = "2026-12-01"
ARTIFACTS = REPO / "test-artifacts"


def _require(present: bool, what: str) -> None:
    if present:
        return
    message = f"{what} is missing; .ci/run installs it (apt-get install poppler-utils; pip install -e '.[test]')"
    if os.environ.get("CI"):
        pytest.fail(f"CI must test the PDF, but {message}")
    pytest.skip(message)


@pytest.fixture(scope="module")
def kerkrade_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        import weasyprint  # type: ignore[import-untyped]  # noqa: F401
    except (ImportError, OSError):
        _require(False, "WeasyPrint with Pango")
    target = tmp_path_factory.mktemp("pdf") / "kerkrade.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "prestatie", "report", "--data", str(REPO), "--gemeente", "Kerkrade",
         "--per", PER, "--output", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return target


def _reader(path: Path) -> Any:
    pypdf = pytest.importorskip("pypdf")
    return pypdf.PdfReader(path)


def test_page_one_shows_the_headline_and_the_decision_list(kerkrade_pdf: Path) -> None:
    found = shutil.which("pdftoppm")
    _require(found is not None, "pdftoppm (poppler-utils)")
    assert found is not None
    ARTIFACTS.mkdir(exist_ok=True)
    prefix = ARTIFACTS / "kerkrade-pdf-pagina"
    # -singlefile: the name is prefix.png, whatever the page count (without it,
    # pdftoppm pads the page number to the width of the last page's number).
    command = [found, "-f", "1", "-l", "1", "-singlefile", "-r", "80", "-png", str(kerkrade_pdf), str(prefix)]
    subprocess.run(command, check=True)
    image = ARTIFACTS / "kerkrade-pdf-pagina.png"
    assert image.is_file() and image.stat().st_size > 10_000
    reader = _reader(kerkrade_pdf)
    page1 = " ".join(reader.pages[0].extract_text().split())
    assert "Voortgang prestatieafspraken gemeente Kerkrade" in page1
    assert "Kerkrade op 1 december 2026: " in page1
    assert "Wat vraagt aandacht" in page1
    assert page1.index("Wat vraagt aandacht") < page1.index("Samenvatting")


def test_the_pdf_is_tagged_with_language_and_title(kerkrade_pdf: Path) -> None:
    reader = _reader(kerkrade_pdf)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata is not None
    assert reader.metadata.title == "Voortgang prestatieafspraken gemeente Kerkrade – 1 december 2026"
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)  # A4


def test_pdf_to_stdout_when_it_is_not_a_terminal(kerkrade_pdf: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "prestatie", "report", "--data", str(REPO), "--gemeente", "Kerkrade",
         "--per", PER, "--format", "pdf"],
        capture_output=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.startswith(b"%PDF-") and result.stdout.rstrip().endswith(b"%%EOF")
