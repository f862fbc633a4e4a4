"""The cyclic garbage collector paused while a store's many objects are made (loading it, indexing it).

Apart from the loader so that a store answered from its index does not import it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a store is parsed and built.

    Those steps make millions of objects and no cycles: every collection the allocations
    would set off walks the growing heap for nothing (about half the time of a large store).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
