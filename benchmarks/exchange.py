"""How long do ``prestatie export`` and ``prestatie import`` take, next to ``status --format json``?

Generates N synthetic projects (benchmarks/synth.py) in a temporary directory, makes
the invulblad of one corporatie and fills it in as a corporatie would: a voortgang
sentence for every project of hers that is not finished, and a waarde and bron for
every meting the sheet asks for. Then times, in one run and taking turns so that all
see the same machine load, whole processes (start-up included, output to /dev/null):

- ``status --format json`` (the baseline: reads and validates the data, computes the status);
- ``export alles.xlsx`` (every sheet: projecten, afspraken, status, metingen, cyclus);
- ``export --invulblad --corporatie C`` (the sheet a corporatie fills in);
- ``import --dry-run`` of the filled-in sheet (read, check, validate the result; no writes);
- ``import`` of it, writing every changed file all or nothing (each run on a fresh copy
  of the data, made before the clock starts).

Prints each median with its runs and CPU time, and the ratio of each to the baseline.
The cache of per-file results is used as a user has it (in a temporary PRESTATIE_CACHE,
warmed by a first run of the baseline); with ``--geen-cache`` every command reads and
checks every file.

    python benchmarks/exchange.py [--projects 10000] [--runs 3] [--corporatie weller] [--geen-cache]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import TODAY, generate  # noqa: E402
from timing import arguments, runs_text, timed  # noqa: E402

BIN = Path(sys.executable).parent
BASELINE = "status --format json"
UNFINISHED = ("idee", "voorbereiding", "uitvoering", "gepauzeerd")


def fill_in(sheet: Path) -> tuple[int, int]:
    """Fill the invulblad as a corporatie would; (voortgang rows, metingen rows) filled."""
    book = openpyxl.load_workbook(sheet)
    projecten = book["projecten"]
    header = {cell.value: cell.column for cell in projecten[1]}
    voortgang = 0
    for row in range(2, projecten.max_row + 1):
        if projecten.cell(row, header["Status nu"]).value in UNFINISHED:
            projecten.cell(row, header["Voortgang"]).value = f"Overleg met de bewoners gevoerd (rij {row})."
            voortgang += 1
    metingen = book["metingen"]
    header = {cell.value: cell.column for cell in metingen[1]}
    filled = 0
    for row in range(2, metingen.max_row + 1):
        if metingen.cell(row, header["Indicator"]).value:
            metingen.cell(row, header["Waarde"]).value = 100 + row
            metingen.cell(row, header["Bron"]).value = "Jaarverslag 2025"
            filled += 1
    book.save(sheet)
    return voortgang, filled


def _changed(path: Path, copy: Path, original: Path) -> bool:
    before = original / path.relative_to(copy)
    return not before.exists() or before.read_bytes() != path.read_bytes()


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--corporatie", default="weller", help="whose invulblad is filled in and imported")
    parser.add_argument("--geen-cache", action="store_true", help="every command without the cache")
    args = parser.parse_args()
    prestatie = [str(BIN / "prestatie"), *(["--geen-cache"] if args.geen_cache else [])]
    per = ["--per", TODAY.isoformat()]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        os.environ["PRESTATIE_CACHE"] = str(base / "cache")
        root = generate(base / "bron", args.projects)
        data = ["--data", str(root)]
        sheet = base / "invulblad.xlsx"
        invulblad = [*data, *per, "--invulblad", "--corporatie", args.corporatie]
        timed([*prestatie, "export", str(sheet), *invulblad])
        voortgang, metingen = fill_in(sheet)
        fresh = base / "kopie"
        commands = {
            BASELINE: [*prestatie, "status", *data, *per, "-f", "json"],
            "export alles.xlsx": [*prestatie, "export", str(base / "alles.xlsx"), *data, *per],
            "export --invulblad": [*prestatie, "export", str(base / "leeg.xlsx"), *invulblad],
            "import --dry-run": [*prestatie, "import", str(sheet), *data, "--dry-run"],
            "import": [*prestatie, "import", str(sheet), "--data", str(fresh)],
        }
        timed(commands[BASELINE])  # warm the page cache (and the cache of per-file results)
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                if name == "import":  # writes: a fresh copy each run, made before the clock starts
                    shutil.rmtree(fresh, ignore_errors=True)
                    shutil.copytree(root, fresh)
                elapsed, used = timed(command)
                wall[name].append(elapsed)
                cpu[name].append(used)
        written = sum(1 for p in (fresh / "data").rglob("*.yaml") if _changed(p, fresh, root))
    medians = {name: statistics.median(values) for name, values in wall.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    print(
        f"projecten: {args.projects}; invulblad van {args.corporatie}: {voortgang} voortgangsregels, "
        f"{metingen} metingen; import schrijft {written} bestanden; "
        f"{'zonder cache' if args.geen_cache else 'met cache'}  "
        f"(cores: {os.cpu_count()}, belasting: {os.getloadavg()[0]:.1f})"
    )
    for name, value in medians.items():
        runs = runs_text(wall[name])
        print(f"{name + ':':24} {value:6.2f} s  (runs: {runs}; cpu {cpu_medians[name]:.2f} s)")
    for name in commands:
        if name != BASELINE:
            ratio = medians[name] / medians[BASELINE]
            cpu_ratio = cpu_medians[name] / cpu_medians[BASELINE]
            print(f"verhouding {name} / {BASELINE}: {ratio:.2f}  (cpu: {cpu_ratio:.2f})")


if __name__ == "__main__":
    main()
