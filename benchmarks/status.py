"""Is ``prestatie status`` no slower than 1.2x ``prestatie validate`` on the same data?

Generates N synthetic projects (benchmarks/synth.py) in a temporary directory and
times, in one run and alternating so that both see the same machine load, the
subprocesses ``prestatie validate`` and ``prestatie status`` (text and JSON, output
to /dev/null), each the median of several runs; prints the wall times and the
ratios (target: at most 1.2), and the CPU times beside them: on a shared, busy
machine the wall time wanders, the CPU time much less. Status validates the data
too, so the ratio shows what the arithmetic and the rendering add.

    python benchmarks/status.py [--projects 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import TODAY, generate  # noqa: E402

BIN = Path(sys.executable).parent
TARGET = 1.2


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the process and its workers) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} eindigde met code {done.returncode}:\n{done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="runs of each; the median counts")
    args = parser.parse_args()
    prestatie = str(BIN / "prestatie")
    per = ["--per", TODAY.isoformat()]
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp), args.projects)
        commands = {
            "prestatie validate": [prestatie, "validate", str(root), *per],
            "prestatie status": [prestatie, "status", "--data", str(root), *per],
            "prestatie status --format json": [prestatie, "status", "--data", str(root), *per, "-f", "json"],
        }
        timed(commands["prestatie validate"])  # warm the page cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                wall, used = timed(command)
                times[name].append(wall)
                cpu[name].append(used)
    medians = {name: statistics.median(values) for name, values in times.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    base, cpu_base = medians["prestatie validate"], cpu_medians["prestatie validate"]
    print(f"projecten: {args.projects}  (cores: {os.cpu_count()}, belasting: {os.getloadavg()[0]:.1f})")
    for name, value in medians.items():
        runs = ", ".join(f"{t:.2f}" for t in times[name])
        print(f"{name + ':':32} {value:.2f} s  (runs: {runs}; cpu {cpu_medians[name]:.2f} s)")
    for name in ("prestatie status", "prestatie status --format json"):
        ratio, cpu_ratio = medians[name] / base, cpu_medians[name] / cpu_base
        print(f"verhouding {name} / validate: {ratio:.2f}  (cpu: {cpu_ratio:.2f}; doel: <= {TARGET})")


if __name__ == "__main__":
    main()
