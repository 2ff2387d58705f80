"""Page 1 of the briefing: the headline and "Wat vraagt aandacht" agree with the tables."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA, CliResult
from prestatie.report.briefing import NEEDS_DECISION, aandacht, headline
from prestatie.status import compute_status
from prestatie.validate import load_valid

Cli = Callable[..., CliResult]
BASE = Path(__file__).parent / "cases" / "_base"

SLOOP = """\
id: sloop-kerkrade
nummer: "2.3"
titel: Sloop van verouderde woningen
thema: nieuwbouw
trekker: heemwonen
partijen: [heemwonen, kerkrade]
gemeenten: [kerkrade]
periode: {van: 2020, tot: 2024}
status: lopend
doelen:
  - indicator: sloop
    streefwaarde: 50
    per_gemeente: {kerkrade: 50}
"""


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    """The small base data set with an afspraak that has a target for Kerkrade and no project."""
    shutil.copytree(BASE / "data", tmp_path / "data")
    (tmp_path / "data" / "afspraken" / "sloop-kerkrade.yaml").write_text(SLOOP, encoding="utf-8")
    return tmp_path


def test_an_afspraak_achter_without_project_is_on_the_list(cli: Cli, planted: Path) -> None:
    result = cli("report", "--data", planted, "--gemeente", "Kerkrade", "--per", "2022-12-31")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    page1 = out.split("## Samenvatting")[0]
    assert "**Kerkrade op 31 december 2022: " in page1
    item = page1.split("- **2.3 Sloop van verouderde woningen**")[1].split("\n\n")[0]
    assert "Gesloopte woningen: loopt achter, gerealiseerd 0 woningen, verwacht 30 woningen" in item
    assert "er is een doel voor Kerkrade, maar geen project dat eraan bijdraagt" in item
    assert "Geen verantwoording vastgelegd." in item
    # The table says the same.
    assert "| Sloop van verouderde woningen" not in out  # the table names it with its nummer
    assert "| 2.3 Sloop van verouderde woningen: Gesloopte woningen | 50 | 30 | 0 | – |" in out
    assert out.split("| 2.3 Sloop van verouderde woningen: Gesloopte woningen |")[1].split("\n")[0].endswith(
        "| achter |"
    )


def test_the_newest_verantwoording_is_shown(cli: Cli, planted: Path) -> None:
    path = planted / "data" / "afspraken" / "sloop-kerkrade.yaml"
    path.write_text(
        SLOOP
        + "verantwoording:\n"
        + "  - {datum: 2022-01-10, oorzaak: Oud., bijsturing: Oud.}\n"
        + "  - {datum: 2022-11-01, oorzaak: Bewoners zijn nog niet herhuisvest., "
        + "gevolgen: Sloop schuift naar 2024., bijsturing: Extra wisselwoningen.}\n"
        + "  - {datum: 2023-01-05, oorzaak: Na de peildatum., bijsturing: Later.}\n",
        encoding="utf-8",
    )
    out = cli("report", "--data", planted, "--gemeente", "Kerkrade", "--per", "2022-12-31").stdout
    item = out.split("- **2.3 Sloop van verouderde woningen**")[1].split("\n\n")[0]
    assert (
        "Verantwoording van 1 november 2022. Oorzaak: Bewoners zijn nog niet herhuisvest. "
        "Gevolgen: Sloop schuift naar 2024. Bijsturing: Extra wisselwoningen."
    ) in item
    assert "Oud." not in item and "Later." not in item
    html = cli(
        "report", "--data", planted, "--gemeente", "Kerkrade", "--per", "2022-12-31", "--format", "html"
    ).stdout
    assert "<dt>Oorzaak</dt><dd>Bewoners zijn nog niet herhuisvest.</dd>" in html
    assert html.index('id="aandacht"') < html.index('id="samenvatting"')


def test_the_list_agrees_with_the_status_engine() -> None:
    """Every afspraak the engine judges achter (or worse) is on the list, and nothing
    else is there for a verdict; every vertraagd or stale project is on it once."""
    dataset = load_valid(DATA.parent)
    for gemeente in [None, *dataset.gemeenten]:
        status = compute_status(dataset, peildatum=dt.date(2026, 12, 1), gemeente=gemeente)
        found = aandacht(dataset, status)
        named = {p.naam for p in found.afspraken}
        for afspraak in status.afspraken:
            label = f"{afspraak.nummer} {afspraak.titel}" if afspraak.nummer else afspraak.titel
            if afspraak.verdict in NEEDS_DECISION:
                assert label in named, (gemeente, label)
        projects = {p.id for p in status.vertraagde_projecten} | {p.id for p in status.projecten_zonder_voortgang}
        assert len(found.projecten) == len(projects)


def test_headline_counts() -> None:
    dataset = load_valid(DATA.parent)
    status = compute_status(dataset, peildatum=dt.date(2026, 12, 1), gemeente="kerkrade")
    counts: dict[str, int] = {}
    for afspraak in status.afspraken:
        counts[afspraak.verdict] = counts.get(afspraak.verdict, 0) + 1
    text = headline(status)
    assert text.startswith("Kerkrade op 1 december 2026: ")
    first = next(v for v in ("niet gehaald", "achter") if counts.get(v))
    assert f"{counts[first]} van de {len(status.afspraken)} afspraken" in text


def test_an_overdue_cycle_step_is_on_the_list(cli: Cli) -> None:
    """The cyclus section's own findings (no bod after the termijn: PA330), not recomputed."""
    out = cli("report", "--data", DATA.parent, "--gemeente", "Landgraaf", "--per", "2026-12-01").stdout
    page1 = out.split("## Samenvatting")[0]
    item = page1.split("- **Jaarcyclus 2026: Wonen Zuid**\n")[1].split("\n\n")[0]
    assert "Er is nog geen bod, terwijl de termijn voor het bod (1 juli 2026) voorbij is." in item
    assert "verantwoording" not in item


@pytest.mark.parametrize("selection", [(), ("--gemeente", "Kerkrade"), ("--corporatie", "HEEMwonen")])
def test_the_samenvatting_does_not_repeat_the_headline(cli: Cli, selection: tuple[str, ...]) -> None:
    result = cli("report", "--data", DATA.parent, *selection, "--per", "2026-12-01", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    kop = next(line for line in out.splitlines() if line.startswith("**") and " op 1 december 2026: " in line)
    counts = kop.split(": ", 1)[1].rstrip(".*")  # "2 van de 6 afspraken lopen achter, 1 vraagt …"
    section = out.split("## Samenvatting\n")[1].split("\n## ")[0]
    sentences = [p for p in section.split("\n\n") if p.strip() and not p.lstrip().startswith(("-", "|"))]
    assert sentences, section
    first = sentences[0]
    # Neither the headline's counts nor any of its verbs of a verdict come back in words.
    assert counts not in section
    for verb in ("lopen achter", "loopt achter", "op koers", "vraagt aandacht", "vragen aandacht"):
        assert verb not in first, first
    assert not first.startswith("Van de ")


def test_the_shipped_data_explains_every_afspraak_on_the_list() -> None:
    """Every afspraak achter, niet gehaald or without a meting on 1 December 2026, in any
    selection and overeenkomst, has a verantwoording; a running one a recent one."""
    from prestatie.targetstate import has_recent_verantwoording

    dataset = load_valid(DATA.parent)
    peildatum = dt.date(2026, 12, 1)
    selections: list[dict[str, str]] = [
        {},
        *({"gemeente": g} for g in dataset.gemeenten),
        *({"corporatie": c} for c in dataset.corporaties),
        *({"thema": t} for t in dataset.themas_by_id),
    ]
    seen: set[str] = set()
    for chosen in selections:
        status = compute_status(dataset, peildatum=peildatum, overeenkomst="alle", **chosen)
        for afspraak in status.afspraken:
            if afspraak.verdict not in NEEDS_DECISION:
                continue
            seen.add(afspraak.id)
            assert afspraak.verantwoording is not None, (chosen, afspraak.id)
            model = dataset.afspraken_by_id[afspraak.id].model
            assert afspraak.eindstand or has_recent_verantwoording(model, peildatum), (chosen, afspraak.id)
    assert len(seen) >= 10  # the 2019-2024 ones niet gehaald, the 2024-2028 ones achter
