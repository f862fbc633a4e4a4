"""Which stores to load: the packaged events.toml, then the user's own.

Apart from the loader so that the command line can settle its options (and `apg CMD --help`
answer) without importing it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a command runs: pathlib costs `apg --help` a tenth of its time
    from pathlib import Path


def default_store_path() -> Path:
    """The packaged events.toml: inside the wheel, or at the root of a source checkout."""
    from pathlib import Path

    package = Path(__file__).resolve().parent
    shipped = package / "events.toml"
    return shipped if shipped.is_file() else package.parent / "events.toml"


def store_paths(given: Sequence[str | os.PathLike[str]], environ: str | None, *, use_default: bool = True
                ) -> list[Path]:
    """The stores to load, in order: the packaged one, then --store paths or else $APG_STORE."""
    from pathlib import Path

    extra = [Path(p) for p in given] or [Path(p) for p in (environ or "").split(os.pathsep) if p]
    paths = ([default_store_path()] if use_default else []) + extra
    unique: dict[Path, Path] = {}
    for path in paths:  # naming the packaged store again must not define everything twice
        unique.setdefault(Path(os.path.realpath(path)), path)  # never raises, even for a symbolic link loop
    return list(unique.values())
