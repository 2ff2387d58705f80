"""Timing that the benchmark scripts share: commands run as whole processes, start-up included."""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path


def arguments(description: str | None, *, runs: int = 3) -> argparse.ArgumentParser:
    """A parser with the options every benchmark has: --projects and --runs."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=runs, help="runs of each; the median counts")
    return parser


def timed(command: list[str], *, cwd: Path | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the process and its workers) of a command.

    Output goes to /dev/null; a command that fails ends the benchmark with its error.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} eindigde met code {done.returncode}:\n{done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def alternating(
    commands: dict[str, list[str]], runs: int
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU times of each command, ``runs`` rounds taking turns so that all see the same
    machine load; the first command runs once before, to warm the page cache."""
    timed(next(iter(commands.values())))
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            elapsed, used = timed(command)
            wall[name].append(elapsed)
            cpu[name].append(used)
    return wall, cpu


def runs_text(samples: list[float]) -> str:
    """'1.23, 1.25, 1.22': the single runs beside a median."""
    return ", ".join(f"{t:.2f}" for t in samples)
