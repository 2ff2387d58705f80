"""Hostile inputs under the 1 MiB cap: time and peak memory of `prestatie validate`.

Each case is the shipped data set plus one generated file (nothing is committed as
a file). Every case must finish in under 2 s and 200 MB on a 2-core machine; the
script prints time, peak memory (the process's maximum resident set) and the ratio
to validating the shipped data alone, measured in the same run, and exits 1 when a
case is over a bound.

    python benchmarks/hostile.py [--case NAME] [--keep DIR]

tests/test_hostile_inputs.py runs the same cases (without timing) and checks that
they finish with capped output.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAX_SECONDS = 2.0
MAX_MEGABYTES = 200.0


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    write: Callable[[Path], None]  # adds the hostile file(s) to a copy of the data set
    format: str = "text"


def _afspraak(root: Path, body: str) -> None:
    (root / "data/afspraken/vijandig.yaml").write_text(body, encoding="utf-8")


def _ambiguous_keys(lines: int) -> Callable[[Path], None]:
    return lambda root: _afspraak(root, "id: vijandig\n" + "".join(f"k{n}: on\n" for n in range(lines)))


def _unknown_keys(root: Path) -> None:
    _afspraak(root, "id: vijandig\n" + "".join(f"u{n}: 1\n" for n in range(75_000)))


def _duplicate_keys(root: Path) -> None:
    _afspraak(root, "id: vijandig\n" + "a: 1\n" * 100_000)


def _question_marks(root: Path) -> None:
    _afspraak(root, "x: {" + "?," * 523_696 + "}\n")


def _many_unknown_partijen(root: Path) -> None:
    regio = root / "data/regio.yaml"
    extra = "".join(f"  - {{id: corporatie-{n:04d}, naam: Corporatie {n:04d}}}\n" for n in range(4000))
    regio.write_text(regio.read_text(encoding="utf-8").replace("corporaties:\n", "corporaties:\n" + extra, 1))
    source = (root / "data/afspraken/nieuwbouw-ouderen.yaml").read_text(encoding="utf-8")
    unknown = "".join(f"  - partij-{n:04d}\n" for n in range(4000))
    text = source.replace("id: nieuwbouw-ouderen", "id: vijandig").replace(
        "partijen:\n", "partijen:\n" + unknown, 1
    )
    _afspraak(root, text)


CASES = [
    Case("ambigu-10k", "10.000 regels 'kN: on' (80 KB)", _ambiguous_keys(10_000)),
    Case("ambigu-1mib", "100.000 regels 'kN: on' (tot de grens van 1 MiB)", _ambiguous_keys(100_000)),
    Case("suggesties", "4000 corporaties en 4000 onbekende partijen", _many_unknown_partijen),
    Case("vraagtekens-text", "x: { en 523.696 keer '?,' op één regel", _question_marks),
    Case("vraagtekens-json", "hetzelfde, --format json", _question_marks, "json"),
    Case("onbekende-sleutels", "75.000 onbekende sleutels", _unknown_keys),
    Case("dubbele-sleutels", "100.000 dubbele sleutels", _duplicate_keys),
]


def prepare(case: Case | None, folder: Path) -> Path:
    """A copy of the shipped data set in ``folder``, with ``case``'s hostile file when given."""
    shutil.copytree(REPO / "data", folder / "data")
    if case is not None:
        case.write(folder)
    return folder


def command(root: Path, output: str = "text") -> list[str]:
    return [sys.executable, "-m", "prestatie", "validate", str(root), "--format", output]


def measure(root: Path, output: str) -> tuple[float, float, int, int]:
    """Seconds, peak megabytes, exit code and bytes of output of one validate run."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen(command(root, output), stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        size = out.tell()
    return seconds, usage.ru_maxrss / 1024, process.returncode, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=[case.name for case in CASES], action="append")
    args = parser.parse_args()
    chosen = [case for case in CASES if not args.case or case.name in args.case]
    over = 0
    with tempfile.TemporaryDirectory() as tmp:
        base = prepare(None, Path(tmp) / "basis")
        base_seconds, base_mb, _, _ = measure(base, "text")
        print(
            f"{'geval':20} {'tijd':>7} {'x basis':>8} {'piek':>8} {'x basis':>8} {'exit':>4} {'uitvoer':>10}"
        )
        print(f"{'basis (data/)':20} {base_seconds:6.2f}s {1:8.1f} {base_mb:6.0f}MB {1:8.1f}")
        for case in chosen:
            root = prepare(case, Path(tmp) / case.name)
            seconds, megabytes, code, size = measure(root, case.format)
            flag = "" if seconds < MAX_SECONDS and megabytes < MAX_MEGABYTES else "  TE TRAAG OF TE GROOT"
            over += bool(flag)
            print(
                f"{case.name:20} {seconds:6.2f}s {seconds / base_seconds:8.1f} {megabytes:6.0f}MB "
                f"{megabytes / base_mb:8.1f} {code:4} {size:10,}{flag}"
            )
    print(f"Grenzen: {MAX_SECONDS:.0f} s en {MAX_MEGABYTES:.0f} MB per geval.")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
