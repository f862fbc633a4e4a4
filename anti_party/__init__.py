"""apg: a timeline of the Soviet Anti-Party Group, 1953-1962.

The library works without the command line: ``load_store`` a store, filter it with
``anti_party.query``, and render rows with ``anti_party.render``.
"""

from anti_party.store import default_store_path, load_store

__version__ = "0.1.0"
__all__ = ["__version__", "default_store_path", "load_store"]
