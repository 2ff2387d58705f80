"""Is ``prestatie report --gemeente`` within 1.3x of ``prestatie status`` on the same data?

Generates N synthetic projects (benchmarks/synth.py) in a temporary directory and
times, in one run and alternating so that both see the same machine load, the
subprocesses ``prestatie status --gemeente kerkrade`` and ``prestatie report
--gemeente kerkrade`` (Markdown and HTML, output to /dev/null), each the median of
several runs; prints the times and the ratios (target: at most 1.3). Both validate
the data first, so the ratio shows what the report data, the templates and the
safe Markdown add. The HTML report (with its trend charts) is also held against
``prestatie status --format json`` (target: at most 1.5). The PDF time is printed
beside it, measured once on a smaller data set (``--pdf-projects``, default 1000:
a PDF of every project of a 10,000-project gemeente is a book, not a briefing).
With ``--git`` the data is committed to a git repository first,
so that the report also pays for reading the revision (``git rev-parse``, ``git status``).

    python benchmarks/report.py [--projects 10000] [--runs 3] [--git] [--pdf-projects 1000]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import TODAY, generate  # noqa: E402
from timing import alternating, arguments, runs_text  # noqa: E402

BIN = Path(sys.executable).parent
TARGET = 1.3
TARGET_JSON = 1.5
GEMEENTE = "kerkrade"


def commit(root: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@example.org",
        "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@example.org",
    }
    for args in (["init", "-q"], ["add", "data"], ["commit", "-q", "-m", "synthetisch"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--git", action="store_true", help="commit the data to git first")
    parser.add_argument("--pdf-projects", type=int, default=1000, help="size of the data set for the PDF")
    args = parser.parse_args()
    prestatie = str(BIN / "prestatie")
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp), args.projects)
        if args.git:
            commit(root)
        common = ["--data", str(root), "--gemeente", GEMEENTE, "--per", TODAY.isoformat()]
        commands = {
            "prestatie status": [prestatie, "status", *common],
            "prestatie status --format json": [prestatie, "status", *common, "--format", "json"],
            "prestatie report": [prestatie, "report", *common],
            "prestatie report --format html": [prestatie, "report", *common, "--format", "html"],
        }
        times, _ = alternating(commands, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        small = generate(Path(tmp), args.pdf_projects)
        pdf_command = [prestatie, "report", "--data", str(small), "--gemeente", GEMEENTE, "--per",
                       TODAY.isoformat(), "--output", str(Path(tmp) / "rapport.pdf")]  # fmt: skip
        pdf_times, _ = alternating({"pdf": pdf_command}, 1)
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["prestatie status"]
    print(
        f"projecten: {args.projects}, gemeente: {GEMEENTE}, git: {'ja' if args.git else 'nee'}  "
        f"(cores: {os.cpu_count()}, belasting: {os.getloadavg()[0]:.1f})"
    )
    for name, value in medians.items():
        print(f"{name + ':':32} {value:.2f} s  (runs: {runs_text(times[name])})")
    for name in ("prestatie report", "prestatie report --format html"):
        print(f"verhouding {name} / status: {medians[name] / base:.2f}  (doel: <= {TARGET})")
    json_base = medians["prestatie status --format json"]
    html = medians["prestatie report --format html"]
    print(f"verhouding report --format html (met grafieken) / status --format json: {html / json_base:.2f}  "
          f"(doel: <= {TARGET_JSON})")  # fmt: skip
    print(f"prestatie report --format pdf ({args.pdf_projects} projecten): {pdf_times['pdf'][0]:.2f} s")


if __name__ == "__main__":
    main()
