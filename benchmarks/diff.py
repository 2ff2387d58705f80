"""Benchmark: ``prestatie diff REV1 REV2`` on a 10,000-project repository with 50 changed files.

Baseline, measured in the same run: one Python process that runs
``git diff --name-only REV1 REV2`` and then reads and parses the 100 file versions
(one ``git cat-file --batch`` process, ``yaml.load`` with CSafeLoader). Both are
timed as whole processes, start-up included, as a user would run them. Target:
ratio at most 2.

Two figures for prestatie: the command as a user runs it, and the library call
behind it (``diff_revisions`` + the text rendering) in a fresh process. The
difference is the command-line start-up that every prestatie command pays, shown
on its own as ``prestatie --version``. A third figure is the command with
``--corporatie``, which also reads every project file at the newest side (an
afspraak is kept when a project of the corporatie is linked to it, as in status).

Then the pull-request summary, ``prestatie status --vergelijk rev1 --format markdown``
in the working tree (at rev2): the verdicts that move plus the same diff. Timed in
turns with ``prestatie diff rev1 rev2`` and ``prestatie status`` (wall and CPU time,
median of ``--summary-runs``); target: at most 2 times the diff alone. The summary
has to know every afspraak's gerealiseerd at both sides, so it reads and checks every
file once (those unchanged since rev1 are shared by both sides): the ratio to
``prestatie status`` shows what the second side adds.

    python benchmarks/diff.py [--projects 10000] [--changed 50] [--runs 7] [--summary-runs 3]
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import generate  # noqa: E402
from timing import alternating, arguments, runs_text, timed  # noqa: E402

BASELINE = r"""
import subprocess, sys, yaml
rev1, rev2 = sys.argv[1], sys.argv[2]
command = ["git", "diff", "--name-only", "-z", rev1, rev2]
names = subprocess.run(command, capture_output=True, check=True).stdout
paths = [p for p in names.decode().split("\0") if p]
request = "".join(f"{rev}:{path}\n" for path in paths for rev in (rev1, rev2)).encode()
out = subprocess.run(["git", "cat-file", "--batch"], input=request, capture_output=True, check=True).stdout
at, parsed = 0, 0
while at < len(out):
    end = out.index(b"\n", at)
    size = int(out[at:end].split()[2])
    yaml.load(out[end + 1 : end + 1 + size], Loader=yaml.CSafeLoader)
    at, parsed = end + 2 + size, parsed + 1
assert parsed == 2 * len(paths), parsed
"""

LIBRARY = r"""
import sys
from pathlib import Path
from prestatie.diff.engine import diff_revisions
from prestatie.diff.text import render
sys.stdout.write(render(diff_revisions(Path("."), sys.argv[1], sys.argv[2])))
"""


def git(cwd: Path, *args: str, date: str = "2024-01-01T12:00:00") -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Benchmark",
        "GIT_AUTHOR_EMAIL": "benchmark@example.org",
        "GIT_COMMITTER_NAME": "Benchmark",
        "GIT_COMMITTER_EMAIL": "benchmark@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def build(root: Path, projects: int, changed: int) -> None:
    generate(root, projects)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    git(root, "tag", "rev1")
    files = sorted((root / "data" / "projecten").glob("*/*.yaml"))
    step = max(1, len(files) // changed)
    for path in files[::step][:changed]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"oplevering: (\d{4})", lambda m: f"oplevering: {int(m.group(1)) + 1}", text, count=1)
        text += "  - datum: 2024-06-01\n    toelichting: Benchmarkwijziging.\n"
        path.write_text(text, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "wijzigingen", date="2024-06-01T12:00:00")
    git(root, "tag", "rev2")


def median_time(command: list[str], cwd: Path, runs: int) -> float:
    timed(command, cwd=cwd)  # warm the caches
    return statistics.median(timed(command, cwd=cwd)[0] for _ in range(runs))


def main() -> None:
    parser = arguments(__doc__, runs=7)
    parser.add_argument("--changed", type=int, default=50)
    parser.add_argument("--summary-runs", type=int, default=3, help="runs of the summary comparison")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="prestatie-diff-bench-"))
    try:
        build(root, args.projects, args.changed)
        python = sys.executable
        diff_command = [python, "-m", "prestatie", "diff", "rev1", "rev2", "--data", str(root)]
        check = subprocess.run(diff_command, cwd=root, capture_output=True, text=True, check=True)
        assert f"{args.changed} projecten gewijzigd" in check.stdout, check.stdout[:500]
        diff = median_time(diff_command, root, args.runs)
        library = median_time([python, "-c", LIBRARY, "rev1", "rev2"], root, args.runs)
        corporatie = median_time([*diff_command, "--corporatie", "weller"], root, args.runs)
        startup = median_time([python, "-m", "prestatie", "--version"], root, args.runs)
        baseline = median_time([python, "-c", BASELINE, "rev1", "rev2"], root, args.runs)
        summary_command = [python, "-m", "prestatie", "status", "--vergelijk", "rev1", "--format", "markdown",
                           "--data", str(root)]  # fmt: skip
        check = subprocess.run(summary_command, cwd=root, capture_output=True, text=True, check=True)
        assert "## Wijzigingen sinds rev1" in check.stdout, check.stdout[:500]
        status_command = [python, "-m", "prestatie", "status", "--data", str(root)]
        turns = {"diff": diff_command, "samenvatting": summary_command, "status": status_command}
        wall, cpu = alternating(turns, args.summary_runs)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{args.projects} projecten, {args.changed} gewijzigde bestanden, mediaan van {args.runs} runs")
    print(f"baseline (git diff --name-only + cat-file + CSafeLoader): {baseline * 1000:7.1f} ms")
    print(f"prestatie diff rev1 rev2 (het commando):                  {diff * 1000:7.1f} ms"
          f"   verhouding {diff / baseline:.2f}")
    print(f"diff_revisions + tekst (bibliotheek, eigen proces):        {library * 1000:7.1f} ms"
          f"   verhouding {library / baseline:.2f}")
    print(f"prestatie diff rev1 rev2 --corporatie weller:              {corporatie * 1000:7.1f} ms"
          f"   verhouding {corporatie / baseline:.2f}")
    print(f"ter vergelijking: prestatie --version (opstarten CLI):     {startup * 1000:7.1f} ms")
    print("doel: verhouding hoogstens 2")
    print()
    med = {name: statistics.median(times) for name, times in wall.items()}
    cpu_med = {name: statistics.median(times) for name, times in cpu.items()}
    print(f"samenvatting voor een pull request, mediaan van {args.summary_runs} runs om de beurt "
          "(wand / CPU):")
    for name, label in (
        ("diff", "prestatie diff rev1 rev2                        "),
        ("samenvatting", "prestatie status --vergelijk rev1 -f markdown   "),
        ("status", "prestatie status (één kant, ter vergelijking)   "),
    ):
        print(f"{label} {med[name]:6.2f} s / {cpu_med[name]:6.2f} s   ({runs_text(wall[name])})")
    ratio = med["samenvatting"] / med["diff"]
    cpu_ratio = cpu_med["samenvatting"] / cpu_med["diff"]
    print(f"verhouding samenvatting / diff:   {ratio:.2f} (wand), {cpu_ratio:.2f} (CPU)"
          f"   doel: hoogstens 2 -> {'gehaald' if ratio <= 2 else 'NIET gehaald'}")
    print(f"verhouding samenvatting / status: {med['samenvatting'] / med['status']:.2f} (wand), "
          f"{cpu_med['samenvatting'] / cpu_med['status']:.2f} (CPU)")


if __name__ == "__main__":
    main()
