"""A store file's bytes, read once and within a limit: hashed for the index, parsed by the loader.

Apart from the loader (anti_party.store) so that a store answered from its index reads and
hashes its files without importing the parser and the checker.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

# A larger file is refused before it is parsed: parsing holds about ten times the file's size in
# memory. 64 MiB is about 150,000 events; a larger record can be split over several --store files.
MAX_STORE_BYTES = 64 * 2**20


class StoreFile(NamedTuple):
    """A store file's bytes as read once (hashed for the index and parsed from the same bytes)."""

    path: Path
    data: bytes | None
    problem: str | None = None  # why there are no bytes


def read_store_file(path: Path, limit: int = MAX_STORE_BYTES) -> StoreFile:
    try:
        if stat.S_ISFIFO(os.lstat(path).st_mode):  # opening a named pipe waits for a writer, maybe for ever
            return StoreFile(path, None, "cannot read the store: not a regular file (a named pipe)")
    except OSError:
        pass  # missing or unreadable: open says why
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)  # never more than the limit, even from /dev/zero
    except OSError as error:
        return StoreFile(path, None, f"cannot read the store: {error.strerror or error}")
    if len(data) > limit:
        return StoreFile(path, None, f"the store is larger than {limit // 2**20} MiB (split it into several files)")
    return StoreFile(path, data)
