"""How fast is ``prestatie validate`` against plain libyaml parsing, and how fast does it start?

Generates N synthetic projects (benchmarks/synth.py) in a temporary directory and
prints, from one run (the commands take turns, so that all see the same machine load):

- the wall time of ``prestatie --geen-cache validate`` (a subprocess, text output to
  /dev/null, without the cache of prestatie/cache.py: cold), the wall time of a baseline
  that only reads and parses the same files with ``yaml.load(..., Loader=yaml.CSafeLoader)``
  in one process, and their ratio (target: at most 1.0);
- with the cache: cold (an empty cache folder each run, which the run fills), warm
  (nothing changed since the last run) and one file changed (a different line appended
  to one project file before each run), each as a ratio to the baseline (targets: warm
  at most 0.2, one file changed at most 0.3);
- the same validate without cache and with the collector discipline of collector.py
  switched off (the cyclic garbage collector running as Python's default), to show
  what it gains;
- the peak memory of the largest validate process, and that minus the peak of
  ``prestatie --version`` (the interpreter with the command line loaded), for each
  size given with --peak-sizes (default 10,000 projects; target: under 80 MB above
  --version at 10,000 and under 600 MB at 100,000), without cache, with an empty
  cache (which that run fills) and with the warm cache; a size other than --projects
  gets a synthetic set of its own, validated once each way;
- the start-up time of ``prestatie --version`` against ``python -c "import typer"``
  (median of several runs), and their ratio (target: at most 1.3);
- ``prestatie validate`` of the data set shipped in this repository (data/) against
  ``prestatie --version`` (target: at most 2.0): the three take turns.

    python benchmarks/validate.py [--projects 10000] [--runs 3] [--peak-sizes 10000 100000]

100,000 projects take minutes per run and about half a GB; run them on an idle machine.
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
from timing import alternating, arguments, runs_text, timed  # noqa: E402

BIN = Path(sys.executable).parent
BASELINE = """
import os, sys, yaml
for dirpath, dirnames, filenames in os.walk(sys.argv[1]):
    dirnames.sort()
    for name in sorted(filenames):
        if name.endswith(".yaml"):
            with open(os.path.join(dirpath, name), "rb") as handle:
                yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""
# prestatie validate as the command line runs it, with collector.building a no-op.
WITHOUT_DISCIPLINE = """
import contextlib, sys
import prestatie.validate
prestatie.validate.building = contextlib.nullcontext
from prestatie.cli.main import main
sys.argv[0] = "prestatie"
main()
"""
# validate with an empty cache folder of its own (made in the benchmark's folder).
COLD_CACHE = 'PRESTATIE_CACHE="$(mktemp -d -p "$1")" exec "$2" validate "$3" --per "$4"'
# One project file gets a line no run has seen before, then validate with the warm cache.
ONE_CHANGED = 'echo "# $(date +%s%N)" >> "$1" && exec "$2" validate "$3" --per "$4"'


def peak_kb(command: list[str]) -> int:
    """The peak resident memory of the largest process of one run of ``command``."""
    # RUSAGE_CHILDREN keeps the largest of all children so far: measure in a fresh process.
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
    return int(done.stdout)


# Peak memory above --version that each size must stay under (issue: half the memory).
PEAK_TARGETS_MB = {10_000: 80, 100_000: 600}


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument(
        "--peak-sizes", type=int, nargs="+", default=[10_000],
        help="numbers of projects at which the peak memory is measured (e.g. 10000 100000)",
    )  # fmt: skip
    args = parser.parse_args()
    prestatie = str(BIN / "prestatie")
    # As installed for a user: modules come from their bytecode cache, not compiled at
    # every start (an environment that forbids writing it would time the compiler).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    # The cache of prestatie/cache.py in a folder of this run, never the user's own.
    cache_home = tempfile.TemporaryDirectory(prefix="prestatie-cache-")
    os.environ["PRESTATIE_CACHE"] = cache_home.name
    shipped = Path(__file__).resolve().parents[1]
    for warm_up in ([prestatie, "validate", str(shipped)], [sys.executable, "-c", "import typer"]):
        timed(warm_up)
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "set", args.projects)
        caches = Path(tmp) / "caches"
        caches.mkdir()
        options = [str(root), "--per", TODAY.isoformat()]
        changed = str(next((root / "data" / "projecten").glob("*/*.yaml")))
        commands = {
            "baseline": [sys.executable, "-c", BASELINE, str(root / "data")],
            "validate": [prestatie, "--geen-cache", "validate", *options],
            "koud": ["sh", "-c", COLD_CACHE, "koud", str(caches), prestatie, *options[::2]],
            "warm": [prestatie, "validate", *options],
            "een": ["sh", "-c", ONE_CHANGED, "een", changed, prestatie, *options[::2]],
            "zonder": [sys.executable, "-c", WITHOUT_DISCIPLINE, "--geen-cache", "validate", *options],
        }
        timed(commands["warm"])  # fills the warm cache
        times, cpu = alternating(commands, args.runs)
        # Peaks without cache, with an empty cache (which the run fills) and warm.
        peaks = {args.projects: tuple(peak_kb(commands[name]) for name in ("validate", "koud", "warm"))}
        files = sum(1 for _ in (root / "data").rglob("*.yaml"))
    for size in args.peak_sizes:
        if size not in peaks:
            with tempfile.TemporaryDirectory() as tmp:
                other = generate(Path(tmp) / "set", size)
                options = [str(other), "--per", TODAY.isoformat()]
                cached = ["env", f"PRESTATIE_CACHE={Path(tmp) / 'cache'}", prestatie, "validate", *options]
                peaks[size] = (
                    peak_kb([prestatie, "--geen-cache", "validate", *options]),
                    peak_kb(cached),  # an empty cache: this run fills it
                    peak_kb(cached),  # warm
                )
    version_peak = peak_kb([prestatie, "--version"])
    start_up, _ = alternating(
        {
            "version": [prestatie, "--version"],
            "typer": [sys.executable, "-c", "import typer"],
            "shipped": [prestatie, "validate", str(shipped)],
        },
        9,
    )

    v, b, z = (statistics.median(times[name]) for name in ("validate", "baseline", "zonder"))
    k, w, e = (statistics.median(times[name]) for name in ("koud", "warm", "een"))
    load = os.getloadavg()[0]
    print(f"bestanden:                      {files}  (cores: {os.cpu_count()}, belasting: {load:.1f})")
    print(f"prestatie validate (koud):      {v:.2f} s  (runs: {runs_text(times['validate'])})")
    print(f"baseline yaml.load CSafeLoader: {b:.2f} s  (runs: {runs_text(times['baseline'])})")
    print(f"verhouding validate/baseline:   {v / b:.2f}  (doel: <= 1.0)")
    print(f"met cache, koud (lege cache):   {k:.2f} s  (runs: {runs_text(times['koud'])}; "
          f"verhouding {k / b:.2f})")
    print(f"met cache, warm (niets anders): {w:.2f} s  (runs: {runs_text(times['warm'])}; "
          f"verhouding {w / b:.2f}, doel: <= 0.2)")
    print(f"met cache, één bestand anders:  {e:.2f} s  (runs: {runs_text(times['een'])}; "
          f"verhouding {e / b:.2f}, doel: <= 0.3)")
    # CPU time (the process and its workers) is less disturbed by other load on the machine.
    c = {name: statistics.median(cpu[name]) / statistics.median(cpu["baseline"]) for name in cpu}
    print(f"CPU-tijd tot baseline:          zonder cache {c['validate']:.2f}, koud {c['koud']:.2f}, "
          f"warm {c['warm']:.2f}, één bestand anders {c['een']:.2f}")
    zonder = runs_text(times["zonder"])
    print(f"validate zonder collectorregie: {z:.2f} s  (runs: {zonder}; verhouding {z / b:.2f})")
    print(f"winst collectorregie:           {(1 - v / z) * 100:.0f}%")
    print(f"piekgeheugen --version:         {version_peak / 1024:.0f} MB")
    for size in sorted({args.projects, *args.peak_sizes}):
        target = f"; doel: < {PEAK_TARGETS_MB[size]} MB" if size in PEAK_TARGETS_MB else ""
        for peak, how in zip(peaks[size], ("zonder cache", "lege cache", "warme cache"), strict=True):
            label = f"piekgeheugen {size}, {how}:"
            above = (peak - version_peak) / 1024
            print(f"{label:<40}{peak / 1024:.1f} MB  ({above:.1f} MB boven --version{target})")
    sv, st, ss = (statistics.median(start_up[name]) for name in ("version", "typer", "shipped"))
    print(f"prestatie --version:            {sv * 1000:.0f} ms")
    print(f'python -c "import typer":       {st * 1000:.0f} ms')
    print(f"verhouding opstarttijd:         {sv / st:.2f}  (doel: <= 1.3)")
    print(f"validate meegeleverde data:     {ss * 1000:.0f} ms")
    print(f"verhouding validate/--version:  {ss / sv:.2f}  (doel: <= 2.0)")
    cache_home.cleanup()


if __name__ == "__main__":
    main()
