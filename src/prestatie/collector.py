"""Keeping Python's cyclic garbage collector off the data while a data set is built.

Loading builds millions of small objects (the parsed values, their positions, the
models) that all live until the command ends and form no garbage cycles. With the
collector on, every few hundred new objects make it walk the objects of the younger
generations, and the older generations over and over as they fill: for 10,000 files a
fifth to a third of the load. So while the data is built the collector is off, and what
was allocated before (the imported modules) and what was built (the data) is frozen
(``gc.freeze``): later collections no longer walk it, and in a forked worker they do
not touch (and so copy) the pages it shares with its parent.

Freezing only exempts objects from the cycle search; reference counting still frees
every object that is no longer used. Only garbage *cycles* made during the load would
stay until the process ends, and loading makes none (tests/test_collector.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def building() -> Iterator[None]:
    """The cyclic collector off while the block builds long-lived data; restored after it.

    What exists at the start and what the block built are frozen. Nesting is harmless:
    the collector comes back on only if it was on when the outer block started.
    """
    gc.freeze()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
