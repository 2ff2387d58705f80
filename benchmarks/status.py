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

import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import TODAY, generate  # noqa: E402
from timing import alternating, arguments, runs_text  # noqa: E402

BIN = Path(sys.executable).parent
TARGET = 1.2


def main() -> None:
    args = arguments(__doc__).parse_args()
    prestatie = str(BIN / "prestatie")
    per = ["--per", TODAY.isoformat()]
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp), args.projects)
        commands = {
            "prestatie validate": [prestatie, "validate", str(root), *per],
            "prestatie status": [prestatie, "status", "--data", str(root), *per],
            "prestatie status --format json": [prestatie, "status", "--data", str(root), *per, "-f", "json"],
        }
        times, cpu = alternating(commands, args.runs)
    medians = {name: statistics.median(values) for name, values in times.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    base, cpu_base = medians["prestatie validate"], cpu_medians["prestatie validate"]
    print(f"projecten: {args.projects}  (cores: {os.cpu_count()}, belasting: {os.getloadavg()[0]:.1f})")
    for name, value in medians.items():
        runs = runs_text(times[name])
        print(f"{name + ':':32} {value:.2f} s  (runs: {runs}; cpu {cpu_medians[name]:.2f} s)")
    for name in ("prestatie status", "prestatie status --format json"):
        ratio, cpu_ratio = medians[name] / base, cpu_medians[name] / cpu_base
        print(f"verhouding {name} / validate: {ratio:.2f}  (cpu: {cpu_ratio:.2f}; doel: <= {TARGET})")


if __name__ == "__main__":
    main()
