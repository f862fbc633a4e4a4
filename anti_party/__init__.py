"""apg: a timeline of the Soviet Anti-Party Group, 1953-1962.

The library works without the command line: ``load_store`` a store, filter it with
``anti_party.query``, and render rows with ``anti_party.render``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "default_store_path", "load_store"]

if TYPE_CHECKING:
    from anti_party.store import default_store_path, load_store


def __getattr__(name: str) -> Any:
    # The loader is imported on first use, so that `apg --help` and the index's fast paths,
    # which import anti_party first, do not pay for it.
    if name in ("default_store_path", "load_store"):
        from anti_party import store

        return getattr(store, name)
    raise AttributeError(f"module 'anti_party' has no attribute {name!r}")
