"""How fast is ``prestatie validate`` against plain libyaml parsing, and how fast does it start?

Generates N synthetic projects (benchmarks/synth.py) in a temporary directory and
prints, from one run:

- the wall time of ``prestatie validate`` (a subprocess, text output to /dev/null),
  the wall time of a baseline that only reads and parses the same files with
  ``yaml.load(..., Loader=yaml.CSafeLoader)`` in one process, and their ratio
  (target: at most 1.5);
- the peak memory of the validate process (target: at most 300 MB);
- the start-up time of ``prestatie --version`` against ``python -c "import yaml"``
  (median of several runs), and their ratio.

    python benchmarks/validate.py [--projects 10000] [--runs 3]
"""

from __future__ import annotations

import os
import resource
import statistics
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


def main() -> None:
    args = arguments(__doc__).parse_args()
    prestatie = str(BIN / "prestatie")
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp), args.projects)
        validate = [prestatie, "validate", str(root), "--per", TODAY.isoformat()]
        baseline = [sys.executable, "-c", BASELINE, str(root / "data")]
        times, _ = alternating({"baseline": baseline, "validate": validate}, args.runs)
        validate_times, baseline_times = times["validate"], times["baseline"]
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        files = sum(1 for _ in (root / "data").rglob("*.yaml"))
    version_times = [timed([prestatie, "--version"])[0] for _ in range(9)]
    yaml_times = [timed([sys.executable, "-c", "import yaml"])[0] for _ in range(9)]

    v, b = statistics.median(validate_times), statistics.median(baseline_times)
    load = os.getloadavg()[0]
    print(f"bestanden:                     {files}  (cores: {os.cpu_count()}, belasting: {load:.1f})")
    print(f"prestatie validate:            {v:.2f} s  (runs: {runs_text(validate_times)})")
    print(f"baseline yaml.load CSafeLoader: {b:.2f} s  (runs: {runs_text(baseline_times)})")
    print(f"verhouding:                    {v / b:.2f}  (doel: <= 1.5)")
    print(f"piekgeheugen (grootste proces): {peak_kb / 1024:.0f} MB  (doel: <= 300 MB)")
    sv, sy = statistics.median(version_times), statistics.median(yaml_times)
    print(f"prestatie --version:           {sv * 1000:.0f} ms")
    print(f'python -c "import yaml":       {sy * 1000:.0f} ms')
    print(f"verhouding opstarttijd:        {sv / sy:.2f}")


if __name__ == "__main__":
    main()
