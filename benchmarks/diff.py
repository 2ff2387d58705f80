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

The cache (prestatie/cache.py) on a long history: on a branch, ``--commits`` more
commits after rev2 (default 500), each changing two other project files, tagged rev3;
``prestatie diff rev2 rev3`` reads and parses both versions of each of those files.
Timed in turns: without cache (``--geen-cache``, as before the cache existed), with an
empty cache (each run its own new folder, which it fills: target no slower than without)
and with a warm cache (the same diff ran before: target at least 3 times faster).

Then the pull-request summary, ``prestatie status --vergelijk rev1 --format markdown``
in the working tree (at rev2): the verdicts that move plus the same diff. Timed in
turns with ``prestatie diff rev1 rev2`` and ``prestatie status`` (wall and CPU time,
median of ``--summary-runs``); target: at most 2 times the diff alone. The summary
has to know every afspraak's gerealiseerd at both sides, so it reads and checks every
file once (those unchanged since rev1 are shared by both sides): the ratio to
``prestatie status`` shows what the second side adds. Measured twice: with a warm
cache (the realistic case in CI, where the workflow runs validate before the summary,
and actions/cache keeps the cache between runs) and without cache.

    python benchmarks/diff.py [--projects 10000] [--changed 50] [--commits 500] [--runs 7] [--summary-runs 3]
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


def build_history(root: Path, commits: int) -> None:
    """On branch 'lang' from rev2: ``commits`` commits, each changing two project files no other
    commit changed, tagged rev3; the working tree is back at main (rev2) afterwards."""
    git(root, "checkout", "-q", "-b", "lang")
    files = sorted((root / "data" / "projecten").glob("*/*.yaml"))[1::2]  # others than build() changed
    for number in range(commits):
        for path in files[2 * number : 2 * number + 2]:
            with path.open("a", encoding="utf-8") as handle:
                handle.write(f"  - datum: 2024-07-01\n    toelichting: Wijziging {number}.\n")
        git(root, "commit", "-q", "-a", "-m", f"wijziging {number}", date="2024-07-01T12:00:00")
    git(root, "tag", "rev3")
    git(root, "checkout", "-q", "main")


# diff with an empty cache folder of its own (made in the benchmark's folder).
COLD_CACHE = 'PRESTATIE_CACHE="$(mktemp -d -p "$1")" exec "$2" -m prestatie diff rev2 rev3 --data "$3"'


def median_time(command: list[str], cwd: Path, runs: int) -> float:
    timed(command, cwd=cwd)  # warm the caches
    return statistics.median(timed(command, cwd=cwd)[0] for _ in range(runs))


def main() -> None:
    parser = arguments(__doc__, runs=7)
    parser.add_argument("--changed", type=int, default=50)
    parser.add_argument("--summary-runs", type=int, default=3, help="runs of the summary comparison")
    parser.add_argument("--commits", type=int, default=500, help="commits of the long history")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="prestatie-diff-bench-"))
    caches = Path(tempfile.mkdtemp(prefix="prestatie-diff-bench-caches-"))
    os.environ["PRESTATIE_CACHE"] = str(caches / "warm")  # never the user's own cache
    try:
        build(root, args.projects, args.changed)
        build_history(root, args.commits)
        python = sys.executable
        long_diff = [python, "-m", "prestatie", "diff", "rev2", "rev3", "--data", str(root)]
        check = subprocess.run(long_diff, cwd=root, capture_output=True, text=True, check=True)
        files = f"{2 * args.commits:,}".replace(",", ".")  # as Dutch writes 1.000
        assert f"{files} projecten gewijzigd" in check.stdout, check.stdout[:500]
        long_turns = {
            "zonder": [python, "-m", "prestatie", "--geen-cache", *long_diff[3:]],
            "koud": ["sh", "-c", COLD_CACHE, "koud", str(caches), python, str(root)],
            "warm": long_diff,
        }
        long_wall, _ = alternating(long_turns, args.runs)
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
        uncached = [python, "-m", "prestatie", "--geen-cache"]
        turns = {
            "diff": diff_command,
            "samenvatting": summary_command,
            "status": status_command,
            "diff-zonder": [*uncached, *diff_command[3:]],
            "samenvatting-zonder": [*uncached, *summary_command[3:]],
        }
        timed(summary_command, cwd=root)  # the working tree's files in the cache, as validate leaves them
        wall, cpu = alternating(turns, args.summary_runs)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(caches, ignore_errors=True)
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
    long = {name: statistics.median(times) for name, times in long_wall.items()}
    print(f"diff rev2 rev3 over {args.commits} commits ({2 * args.commits} gewijzigde bestanden), "
          f"mediaan van {args.runs} runs om de beurt:")
    for name, label in (("zonder", "zonder cache (--geen-cache)"), ("koud", "lege cache (vult hem)"),
                        ("warm", "warme cache")):  # fmt: skip
        print(f"  {label:28} {long[name]:6.2f} s   ({runs_text(long_wall[name])})")
    print(f"  lege cache / zonder: {long['koud'] / long['zonder']:.2f} (doel: hoogstens 1); "
          f"zonder / warm: {long['zonder'] / long['warm']:.2f} (doel: minstens 3)")
    print()
    med = {name: statistics.median(times) for name, times in wall.items()}
    cpu_med = {name: statistics.median(times) for name, times in cpu.items()}
    print(f"samenvatting voor een pull request, mediaan van {args.summary_runs} runs om de beurt "
          "(wand / CPU):")
    for name, label in (
        ("diff", "prestatie diff rev1 rev2 (warme cache)         "),
        ("samenvatting", "status --vergelijk rev1 -f markdown (warm)     "),
        ("status", "prestatie status (één kant, warme cache)        "),
        ("diff-zonder", "prestatie --geen-cache diff rev1 rev2          "),
        ("samenvatting-zonder", "--geen-cache status --vergelijk rev1           "),
    ):
        print(f"{label} {med[name]:6.2f} s / {cpu_med[name]:6.2f} s   ({runs_text(wall[name])})")
    ratio = med["samenvatting"] / med["diff"]
    cpu_ratio = cpu_med["samenvatting"] / cpu_med["diff"]
    print(f"verhouding samenvatting / diff (warme cache): {ratio:.2f} (wand), {cpu_ratio:.2f} (CPU)"
          f"   doel: hoogstens 2 -> {'gehaald' if ratio <= 2 else 'NIET gehaald'}")
    cold_ratio = med["samenvatting-zonder"] / med["diff-zonder"]
    print(f"verhouding samenvatting / diff (zonder cache): {cold_ratio:.2f} (wand), "
          f"{cpu_med['samenvatting-zonder'] / cpu_med['diff-zonder']:.2f} (CPU)")
    print(f"verhouding samenvatting / status: {med['samenvatting'] / med['status']:.2f} (wand), "
          f"{cpu_med['samenvatting'] / cpu_med['status']:.2f} (CPU)")


if __name__ == "__main__":
    main()
