"""``prestatie report --rev`` and ``--sinds``: the briefing from git history, on real repositories."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA, REPO, CliResult
from gitrepo import Repo, repo_with_data

Cli = Callable[..., CliResult]
PER = "2026-11-24"
EYGELSHOVEN = "data/projecten/kerkrade/kerkrade-eygelshoven-doet.yaml"
SPEKHOLZERHEIDE = "data/projecten/kerkrade/kerkrade-spekholzerheide-verduurzaming.yaml"
MSP = "data/projecten/heerlen/heerlen-msp-wijkaanpak.yaml"
NEW_PROJECT = "data/projecten/kerkrade/kerkrade-testlaan.yaml"
NEW_PROJECT_TEXT = """\
id: kerkrade-testlaan
naam: Seniorenwoningen Testlaan
gemeente: kerkrade
trekker: heemwonen
partijen: [heemwonen, kerkrade]
afspraken: [nieuwbouw-ouderen]
status: voorbereiding
planning: {start: 2027-01-01, oplevering: 2028-12-31}
bijdragen:
  nieuwbouw-sociale-huur: 18
"""

EXPECTED_SECTION_MD = """\
## Wijzigingen sinds start (10 januari 2023)

Wat er in deze selectie inhoudelijk veranderde van start ({start}, 10 januari 2023) tot {tot}.

Projecten: 1 nieuw project, 2 projecten gewijzigd.

Daarin: 1 statuswijziging; 1 oplevering later gepland.

### Kerkrade

- **Seniorenwoningen Testlaan** (nieuw project, voorbereiding, geplande oplevering 31 december 2028)
- **Eygelshoven Doet!**
  - status: uitvoering → gepauzeerd
- **Verduurzaming Spekholzerheide**
  - geplande oplevering: 31 maart 2027 → 30 september 2027 (183 dagen later, vertraging)

## Afspraken per thema
"""


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21 14:13 UTC


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """The shipped data, tagged start (10 January 2023), and a commit tagged v2025 that
    pauses a project and moves an oplevering in Kerkrade, adds a Kerkrade project and
    pauses a Heerlen project (which a Kerkrade report must leave out)."""
    repo = repo_with_data(tmp_path / "repo", DATA)
    repo.edit(EYGELSHOVEN, "status: uitvoering", "status: gepauzeerd")
    repo.edit(SPEKHOLZERHEIDE, "oplevering: 2027-03-31", "oplevering: 2027-09-30")
    repo.edit(MSP, "status: uitvoering", "status: gepauzeerd")
    repo.write(NEW_PROJECT, NEW_PROJECT_TEXT)
    repo.commit("Voorjaarsronde", date="2025-06-02T12:00:00")
    repo.git("tag", "v2025")
    return repo


def _report(cli: Cli, root: Path, *args: str) -> str:
    result = cli("report", "--data", root, "--per", PER, *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def _html_section(page: str) -> str:
    """The text of the HTML section "Wijzigingen sinds …": tags dropped, one line per element."""
    match = re.search(r'<section class="wijzigingen".*?</section>', page, re.S)
    assert match is not None, "no section Wijzigingen in the page"
    text = re.sub(r"<(li|p|h2|h3)\b[^>]*>", "\n", match.group(0))
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _md_section(page: str) -> str:
    start = page.index("## Wijzigingen sinds")
    return page[start : page.index("## Afspraken per thema\n") + len("## Afspraken per thema\n")]


def test_sinds_shows_the_changes_of_the_gemeente_in_markdown(repo: Repo, cli: Cli) -> None:
    start = repo.short("start")
    out = _report(cli, repo.root, "--gemeente", "Kerkrade", "--sinds", "start")
    assert _md_section(out) == EXPECTED_SECTION_MD.format(start=start, tot="nu (de werkmap)")
    # Placed after the summary, before the tables.
    assert (
        out.index("## Samenvatting") < out.index("## Wijzigingen sinds") < out.index("## Afspraken per thema")
    )
    assert "Wijkaanpak Meezenbroek" not in _md_section(out)  # Heerlen: filtered out


def test_sinds_with_rev_compares_two_revisions(repo: Repo, cli: Cli) -> None:
    repo.edit(EYGELSHOVEN, "status: gepauzeerd", "status: uitvoering")  # the working tree moves on
    start = repo.short("start")
    v2025 = repo.short("v2025")
    out = _report(cli, repo.root, "--gemeente", "Kerkrade", "--sinds", "start", "--rev", "v2025")
    assert _md_section(out) == EXPECTED_SECTION_MD.format(start=start, tot=f"v2025 ({v2025}, 2 juni 2025)")


def test_sinds_in_html_shows_the_same_changes(repo: Repo, cli: Cli) -> None:
    start = repo.short("start")
    page = _report(cli, repo.root, "--gemeente", "Kerkrade", "--sinds", "start", "--format", "html")
    assert _html_section(page) == "\n".join(
        [
            "Wijzigingen sinds start (10 januari 2023)",
            f"Wat er in deze selectie inhoudelijk veranderde van start ({start}, 10 januari 2023) "
            "tot nu (de werkmap).",
            "Projecten: 1 nieuw project, 2 projecten gewijzigd.",
            "Daarin: 1 statuswijziging; 1 oplevering later gepland.",
            "Kerkrade",
            "Seniorenwoningen Testlaan (nieuw project, voorbereiding, geplande oplevering 31 december 2028)",
            "Eygelshoven Doet!",
            "status: uitvoering → gepauzeerd",
            "Verduurzaming Spekholzerheide",
            "geplande oplevering: 31 maart 2027 → 30 september 2027 (183 dagen later, vertraging)",
        ]
    )
    assert (
        page.index('<h2 id="samenvatting">')
        < page.index('<h2 id="wijzigingen">')
        < page.index('<h2 id="afspraken">')
    )
    # Semantic lists: each project an item, its changes a nested list.
    assert (
        '<li class="wijziging-gewijzigd"><strong>Eygelshoven Doet!</strong><ul>\n'
        "<li>status: uitvoering → gepauzeerd</li>\n</ul>\n</li>"
    ) in page


def test_sinds_without_a_filter_shows_every_gemeente(repo: Repo, cli: Cli) -> None:
    section = _md_section(_report(cli, repo.root, "--sinds", "v2025~1"))
    assert "Wat er inhoudelijk veranderde van v2025\\~1 (" in section  # ~ escaped
    assert "### Heerlen\n\n- **Wijkaanpak Meezenbroek, Schandelen en Palemig**\n" in section
    assert section.index("### Heerlen") < section.index("### Kerkrade")
    assert "Projecten: 1 nieuw project, 3 projecten gewijzigd." in section


def test_sinds_when_nothing_changed_says_so_in_one_line(repo: Repo, cli: Cli) -> None:
    v2025 = repo.short("v2025")
    md = _report(cli, repo.root, "--gemeente", "Kerkrade", "--sinds", "v2025")
    assert _md_section(md) == (
        "## Wijzigingen sinds v2025 (2 juni 2025)\n\n"
        f"Van v2025 ({v2025}, 2 juni 2025) tot nu (de werkmap) is er in deze selectie niets inhoudelijk "
        "veranderd.\n\n## Afspraken per thema\n"
    )
    page = _report(cli, repo.root, "--sinds", "v2025", "--format", "html")
    assert _html_section(page) == (
        "Wijzigingen sinds v2025 (2 juni 2025)\n"
        f"Van v2025 ({v2025}, 2 juni 2025) tot nu (de werkmap) is er niets inhoudelijk veranderd."
    )


def test_without_sinds_there_is_no_section(repo: Repo, cli: Cli) -> None:
    assert "Wijzigingen sinds" not in _report(cli, repo.root, "--gemeente", "Kerkrade")
    assert 'class="wijzigingen"' not in _report(cli, repo.root, "--format", "html")


def test_names_from_the_data_are_escaped_in_the_section(repo: Repo, cli: Cli) -> None:
    repo.edit(
        NEW_PROJECT,
        "naam: Seniorenwoningen Testlaan",
        'naam: "<script>alert(1)</script> | {{ 7*7 }} **vet**"',
    )
    md = _md_section(_report(cli, repo.root, "--gemeente", "Kerkrade", "--sinds", "start"))
    assert "- **\\<script\\>alert(1)\\</script\\> \\| {{ 7\\*7 }} \\*\\*vet\\*\\*** (nieuw project," in md
    page = _report(cli, repo.root, "--gemeente", "Kerkrade", "--sinds", "start", "--format", "html")
    assert "<script>" not in page
    assert "<strong>&lt;script&gt;alert(1)&lt;/script&gt; | {{ 7*7 }} **vet**</strong>" in page


def test_a_changed_file_unreadable_at_sinds_is_named_in_the_section(repo: Repo, cli: Cli) -> None:
    repo.edit(SPEKHOLZERHEIDE, "status: uitvoering", "status: [uitvoering")
    repo.commit("Kapot", date="2025-07-01T12:00:00")
    repo.git("tag", "kapot")
    repo.edit(SPEKHOLZERHEIDE, "status: [uitvoering", "status: uitvoering")  # repaired in the working tree
    md = _md_section(_report(cli, repo.root, "--gemeente", "Kerkrade", "--sinds", "kapot"))
    assert "is er in deze selectie niets inhoudelijk veranderd in de bestanden die te lezen waren." in md
    assert (
        "Deze gewijzigde bestanden konden niet worden gelezen en zijn niet vergeleken:\n\n"
        f"- {SPEKHOLZERHEIDE} (kapot), regel 10, kolom "
    ) in md
    page = _report(cli, repo.root, "--gemeente", "Kerkrade", "--sinds", "kapot", "--format", "html")
    assert f'<ul class="meldingen">\n<li>{SPEKHOLZERHEIDE} (kapot), regel 10, kolom ' in page


def test_rev_reports_the_figures_as_they_were(repo: Repo, cli: Cli, data_copy: Path) -> None:
    now = _report(cli, repo.root, "--gemeente", "Kerkrade")
    assert (
        "In Kerkrade zijn 7 projecten: 1 in uitvoering, 2 in voorbereiding, 1 gepauzeerd en 3 opgeleverd."
        in now
    )
    then = _report(cli, repo.root, "--gemeente", "Kerkrade", "--rev", "start")
    assert "In Kerkrade zijn 6 projecten: 2 in uitvoering, 1 in voorbereiding en 3 opgeleverd." in then
    # Exactly the report of the shipped data (outside git), but for the colophon's revision.
    plain = _report(cli, data_copy, "--gemeente", "Kerkrade")
    sha = repo.git("rev-parse", "start")
    colophon = f"Gegevens uit git zoals ze waren in revisie start (`{sha[:12]}`, 10 januari 2023).\n"
    assert then == plain.replace("De gegevens staan niet in git; er is geen revisie bekend.\n", colophon)
    page = _report(cli, repo.root, "--gemeente", "Kerkrade", "--rev", "start", "--format", "html")
    assert (
        f"Gegevens uit git zoals ze waren in revisie start (<code>{sha[:12]}</code>, "
        '<time datetime="2023-01-10">10 januari 2023</time>).'
    ) in page


def test_rev_as_a_date_and_with_alle(repo: Repo, cli: Cli, tmp_path: Path) -> None:
    then = _report(cli, repo.root, "--gemeente", "Kerkrade", "--rev", "2024-12-31")
    assert "In Kerkrade zijn 6 projecten" in then
    assert "zoals ze waren in revisie 2024-12-31 (`" in then
    out = tmp_path / "alle"
    result = cli(
        "report", "--data", repo.root, "--per", PER, "--alle", "--output", out, "--rev", "start",
        "--sinds", "start",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    kerkrade = (out / "kerkrade.md").read_text(encoding="utf-8")
    assert "In Kerkrade zijn 6 projecten" in kerkrade
    assert "tot start (" in kerkrade and "is er in deze selectie niets inhoudelijk veranderd." in kerkrade


def test_rev_with_invalid_data_at_that_revision_exits_1(repo: Repo, cli: Cli) -> None:
    repo.edit(EYGELSHOVEN, "status: gepauzeerd", "status: klaar")
    repo.commit("Fout", date="2025-07-01T12:00:00")
    repo.edit(EYGELSHOVEN, "status: klaar", "status: uitvoering")  # the working tree is fine
    assert cli("report", "--data", repo.root, "--per", PER).exit_code == 0
    result = cli("report", "--data", repo.root, "--per", PER, "--rev", "HEAD")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Fout: De gegevens in revisie 'HEAD' bevatten 1 fout(en)")
    assert EYGELSHOVEN in result.stderr


@pytest.mark.parametrize("option", ["--rev", "--sinds"])
def test_an_unknown_revision_is_a_usage_error(repo: Repo, cli: Cli, option: str) -> None:
    result = cli("report", "--data", repo.root, "--per", PER, option, "v1999")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Fout: Onbekende revisie 'v1999': er is geen tag, branch of commit")
    result = cli("report", "--data", repo.root, "--per", PER, option, "2019-01-01")
    assert result.exit_code == 2
    assert "Er is geen commit op of vóór 2019-01-01" in result.stderr


@pytest.mark.parametrize("option", ["--rev", "--sinds"])
def test_outside_a_git_repository_is_a_usage_error(data_copy: Path, cli: Cli, option: str) -> None:
    result = cli("report", "--data", data_copy, "--per", PER, option, "HEAD")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "staat niet in een git-repository" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_a_sinds_report_passes_vnu_axe_and_markdownlint(repo: Repo, cli: Cli, tmp_path: Path) -> None:
    from test_html_checks import ARTIFACTS, CHROMIUM, NODE_MODULES, VNU_JAR, _axe, _require, _vnu

    node, java = shutil.which("node"), shutil.which("java")
    _require(node is not None and java is not None and VNU_JAR.is_file(), "node, java and the vnu jar")
    _require(Path(CHROMIUM).is_file(), f"chromium at {CHROMIUM}")
    assert node is not None and java is not None
    # Every kind of group: gemeenten, afspraken, and regio en thema's.
    repo.edit("data/afspraken/bouwopgave-sociale-huur.yaml", "status: lopend", "status: gewijzigd")
    repo.edit("data/regio.yaml", "naam: Parkstad Limburg\n", "naam: Parkstad Limburg\ntitel: Prestatieafspraken Parkstad (herzien)\n")
    page = tmp_path / "sinds.html"
    result = cli("report", "--data", repo.root, "--per", PER, "--sinds", "start", "--output", page)
    assert result.exit_code == 0, result.stderr
    assert "<h3>Afspraken</h3>" in page.read_text(encoding="utf-8")
    assert "<h3>Regio en thema&#39;s</h3>" in page.read_text(encoding="utf-8")
    assert _vnu(java, page) == ""
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "report-sinds.html"
    shutil.copyfile(page, target)
    checked = _axe(node, CHROMIUM, target)
    assert checked["violations"] == [] and checked["requests"] == [] and checked["scriptsInPage"] == 0
    markdown = tmp_path / "sinds.md"
    for args in ((), ("--gemeente", "Kerkrade")):
        done = cli(
            "report", "--data", repo.root, "--per", PER, "--sinds", "start", "--output", markdown, *args
        )
        assert done.exit_code == 0, done.stderr
        lint = subprocess.run(
            [node, str(NODE_MODULES / "markdownlint-cli/markdownlint.js"), "--config",
             str(REPO / ".markdownlint.json"), str(markdown)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert lint.returncode == 0, lint.stdout + lint.stderr


@pytest.mark.parametrize(
    ("kind", "prefix"),
    [("ChangeSection", "wijzigingen"), ("ChangeGroup", "groep"), ("ChangedItem", "item")],
)
def test_every_field_of_the_section_is_laid_out_by_a_template(kind: str, prefix: str) -> None:
    """The section carries only what the built-in templates show: no key that nothing reads."""
    import dataclasses

    from prestatie.report import changes

    templates = "".join(path.read_text(encoding="utf-8") for path in (REPO / "templates").glob("*.j2"))
    unread = [
        f.name for f in dataclasses.fields(getattr(changes, kind)) if f"{prefix}.{f.name}" not in templates
    ]
    assert not unread, f"{kind}: no template reads {unread}"
