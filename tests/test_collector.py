"""The collector discipline of the load (collector.py): off while building, restored after,
and no garbage cycles left behind by loading, for valid files and for every kind of bad one."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from prestatie.collector import building
from prestatie.dataset import load_file
from prestatie.source import SourceFile
from prestatie.validate import load_results

CASES = Path(__file__).parent / "cases"


def test_off_while_building_and_on_again_after() -> None:
    assert gc.isenabled()
    with building():
        assert not gc.isenabled()
        with building():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_on_again_after_an_error() -> None:
    with pytest.raises(ZeroDivisionError), building():
        _ = 1 / 0
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with building():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_loading_makes_no_garbage_cycles() -> None:
    # Frozen objects are never searched for cycles, so a cycle made while building
    # would stay until the process ends: loading must make none. Every case file
    # (bad encoding, bad syntax, schema errors, valid files) is loaded with the
    # collector off; a collection afterwards must find nothing to free.
    files = sorted(p for p in CASES.glob("*/data/**/*") if p.is_file())
    assert len(files) > 100
    gc.collect()
    gc.disable()
    try:
        results = [
            load_file(SourceFile(p.relative_to(CASES / p.relative_to(CASES).parts[0]).as_posix(), p.read_bytes()))
            for p in files
        ]
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert sum(len(r.findings) for r in results) > 50
    assert unreachable == 0


def test_load_results_restores_the_collector() -> None:
    load_results(CASES / "_base", workers=2)
    assert gc.isenabled()
