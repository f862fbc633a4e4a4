"""The index in the user's cache directory: where it lives, when it may be trusted, how it is kept.

The TOML files stay the truth. An index is named by a hash of what it was built from (each
store file's bytes, apg's version, the index schema, the model's fields) and of its own bytes,
so a store that changed, even keeping its size and time, never meets an old index, and a
damaged index never matches its name. An index is opened only from a directory and a file
that belong to the user and that nobody else may write. Anything wrong with an index means
the store is loaded from its files as if there were none: an index never changes an answer.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from anti_party.codec import is_record_class
from anti_party.collector import gc_paused
from anti_party.model import Store
from anti_party.storefile import StoreFile, read_store_file

if TYPE_CHECKING:
    import sqlite3

KEPT = 8  # index files kept: one per set of stores recently used; the rest are pruned
_PREFIX, _SUFFIX = "index-", ".sqlite3"
_WORDS_PREFIX = "words-"  # the words of an index's events, for --grep: written when first sought


def cache_directory(environ: Mapping[str, str]) -> Path | None:
    """$APG_CACHE_DIR, else $XDG_CACHE_HOME/apg (an absolute path only), else ~/.cache/apg.

    None (no index) with APG_NO_CACHE set, or with no absolute home directory to put it in.
    """
    if environ.get("APG_NO_CACHE"):
        return None
    if environ.get("APG_CACHE_DIR"):
        return Path(os.path.abspath(environ["APG_CACHE_DIR"]))
    xdg = environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the XDG specification: a relative path is invalid and is ignored
        return Path(xdg) / "apg"
    home = environ.get("HOME", "")
    return Path(home) / ".cache" / "apg" if os.path.isabs(home) else None


def cached_store(paths: Sequence[Path], directory: Path) -> Store:
    """The merged store, from its index in DIRECTORY when a sound one is there, else from its files.

    Each file is read once: its bytes are hashed for the key and, without an index, parsed.
    """
    # No cyclic garbage collection from the parse to the index's opening, as in check_files: between
    # the loading and the writing, one collection would walk every object of a large store (a tenth
    # of a first run's time), and the store is freed, uncollected, before this returns.
    with gc_paused():
        return _cached_store(paths, directory)


def _cached_store(paths: Sequence[Path], directory: Path) -> Store:
    files = [read_store_file(path) for path in paths]
    if any(file.data is None for file in files) or not _usable_directory(directory):
        return _load_files(files)  # a file that cannot be read is reported by the loader
    key = index_key([hashlib.sha256(file.data or b"").hexdigest() for file in files])
    found = _open_index(directory, key, paths)
    if found is not None:
        return found
    store = _load_files(files)  # raises StoreError: a store with problems never gets an index
    del files  # the text is parsed: the bytes need not stay in memory while the index is written
    written = write_index(directory, key, store)
    # The first run answers as the next ones will, from the index: listings come straight from
    # its rows, and the store's records can be freed. Without an index, from the records.
    return (_indexed_store(written, directory, key, paths) if written else None) or store


def _load_files(files: Sequence[StoreFile]) -> Store:
    """The store parsed, checked and merged from FILES: without a sound index, or should one fail in use."""
    from anti_party.store import load_files  # the loader and checker: only then

    return load_files(files)


def index_key(digests: Sequence[str]) -> str:
    """What an index depends on: the files' bytes, apg's version, the index schema and the model."""
    from anti_party import __version__
    from anti_party.index import INDEX_SCHEMA

    parts = [f"apg {__version__}", f"index {INDEX_SCHEMA}", model_fingerprint(), *digests]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]


def model_fingerprint() -> str:
    """The model's classes and fields: an index of an older model is never read into a newer one.

    Each record class of the model (a NamedTuple: the index keeps records, not the Store that holds
    them), with its fields in order and their types as written.
    """
    from anti_party import model

    classes = [value for _, value in sorted(vars(model).items())
               if is_record_class(value) and value.__module__ == model.__name__]
    return repr([(cls.__name__, [(name, str(getattr(hint, "__forward_arg__", hint)))  # a NamedTuple's ForwardRef
                                 for name, hint in cls.__annotations__.items()]) for cls in classes])


def _owner_only(mode: int, uid: int) -> bool:
    """Owned by this user, and writable by nobody else."""
    return (uid == os.getuid() if hasattr(os, "getuid") else True) and not mode & (stat.S_IWGRP | stat.S_IWOTH)


def _usable_directory(directory: Path) -> bool:
    """Make DIRECTORY (mode 0700, whatever the umask) if need be; True if it is the user's alone."""
    try:
        _make_private_directories(directory)
        status = directory.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(status.st_mode) or not _owner_only(0, status.st_uid):
        return False  # another user's directory, or a symbolic link: no index at all
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        try:
            directory.chmod(0o700)  # made open by an earlier umask: close it before trusting anything in it
        except OSError:
            return False
    return True


def _make_private_directories(directory: Path) -> None:
    missing = []
    for parent in (directory, *directory.parents):
        if parent.exists():
            break
        missing.append(parent)
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        path.chmod(0o700)  # mkdir's mode is filtered by the umask; 0700 is meant whatever it is


def _open_index(directory: Path, key: str, paths: Sequence[Path]) -> Store | None:
    """The index named KEY in DIRECTORY if one is there and sound; unsound ones are removed."""
    for path in _sound_files(directory, f"{_PREFIX}{key}-"):
        found = _indexed_store(path, directory, key, paths)
        if found is not None:
            _touch(path)
            return found
        _remove(path)
    return None


def _sound_files(directory: Path, prefix: str) -> Iterator[Path]:
    """The files of DIRECTORY named PREFIX... that _sound_file accepts; the others are removed."""
    try:
        names = [entry.name for entry in os.scandir(directory) if entry.name.startswith(prefix)]
    except OSError:
        return
    for name in names:
        if _sound_file(directory / name, name):
            yield directory / name
        else:
            _remove(directory / name)


def _indexed_store(path: Path, directory: Path, key: str, paths: Sequence[Path]) -> Store | None:
    """The store read through the sound index at PATH, or None if it is not one of this schema and key."""
    connection = _connect(path)
    if connection is None:
        return None
    from anti_party.index import IndexedStore

    def from_files() -> Store:  # should the index fail while in use
        return _load_files([read_store_file(store_path) for store_path in paths])

    return IndexedStore(connection, from_files, lambda: _attach_words(directory, key, connection))


def _attach_words(directory: Path, key: str, connection: sqlite3.Connection) -> bool:
    """Join to the index CONNECTION the words of its events (for --grep), from their file in DIRECTORY,
    written now if there is no sound one; False if that cannot be done."""
    import sqlite3

    from anti_party.index import attach_words, write_words

    prefix = f"{_WORDS_PREFIX}{key}-"
    path = next(_sound_files(directory, prefix), None) or _write_private(
        directory, prefix, lambda partial: write_words(partial, connection))
    if path is None:
        return False
    try:
        attach_words(connection, path)
    except sqlite3.Error:
        return False
    return True


def _sound_file(path: Path, name: str) -> bool:
    """A regular file of this user's, writable by nobody else, whose bytes match the checksum in its name."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or not _owner_only(status.st_mode, status.st_uid):
            return False
        checksum = 0
        while chunk := os.read(descriptor, 2**20):
            checksum = zlib.crc32(chunk, checksum)
    except OSError:
        return False
    finally:
        os.close(descriptor)
    return name.endswith(f"-{checksum:08x}{_SUFFIX}")


def _connect(path: Path) -> sqlite3.Connection | None:
    import sqlite3

    from anti_party.index import INDEX_SCHEMA, read_only_uri

    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        connection.execute("PRAGMA trusted_schema=OFF")  # no function called from a view or trigger
        connection.execute("PRAGMA query_only=ON")
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("index_schema") != str(INDEX_SCHEMA) or not path.name.startswith(f"{_PREFIX}{meta.get('key')}-"):
            connection.close()
            return None
        return connection
    except sqlite3.Error:
        return None


def write_index(directory: Path, key: str, store: Store) -> Path | None:
    """Write the index of STORE into DIRECTORY and prune old ones; the index written, or None if it could not be."""
    from anti_party import __version__
    from anti_party.index import INDEX_SCHEMA, write_database

    meta = {"key": key, "index_schema": str(INDEX_SCHEMA), "apg_version": __version__}

    def write(partial: Path) -> None:
        with gc_paused():
            write_database(store, partial, meta, for_cache=True)

    written = _write_private(directory, f"{_PREFIX}{key}-", write)
    if written is not None:
        prune(directory)
    return written


def _write_private(directory: Path, prefix: str, write: Callable[[Path], None]) -> Path | None:
    """A file of this user's alone (0600, whatever the umask) written by WRITE under a temporary name, then
    renamed PREFIX + the CRC-32 of its bytes, which _sound_file checks; None if it could not be written."""
    import sqlite3

    partial = directory / f".{prefix}{os.getpid()}.partial"
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.fchmod(descriptor, 0o600)  # whatever the umask
        os.close(descriptor)
        write(partial)
        checksum = 0
        with partial.open("rb") as file:
            while chunk := file.read(2**20):
                checksum = zlib.crc32(chunk, checksum)
        path = directory / f"{prefix}{checksum:08x}{_SUFFIX}"
        partial.replace(path)
    except (OSError, sqlite3.Error):
        _remove(partial)  # a file that cannot be written (a full disk) costs time, never an answer
        return None
    return path


def prune(directory: Path, keep: int = KEPT, now: Callable[[], float] | None = None) -> None:
    """Remove all but the KEEP most recently used index files, the words of the others, old partial
    files and old pickle caches."""
    import time

    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    current = (now or time.time)()
    indexes, words = [], []
    for entry in entries:
        try:
            used = entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if entry.name.startswith(_PREFIX) and entry.name.endswith(_SUFFIX):
            indexes.append((used, entry.name))
        elif entry.name.startswith(_WORDS_PREFIX) and entry.name.endswith(_SUFFIX):
            words.append(entry.name)
        elif entry.name.startswith((f".{_PREFIX}", f".{_WORDS_PREFIX}")) and entry.name.endswith(".partial") \
                and current - used > 3600:
            _remove(directory / entry.name)  # left by a run that was killed while writing
        elif entry.name.startswith("store-") and entry.name.endswith(".pickle"):
            _remove(directory / entry.name)  # the pickle cache of apg 0.1, never read
    indexes.sort(reverse=True)
    for _, name in indexes[keep:]:
        _remove(directory / name)
    kept = {_key(name, _PREFIX) for _, name in indexes[:keep]}
    for name in words:
        if _key(name, _WORDS_PREFIX) not in kept:
            _remove(directory / name)  # the words of an index that is gone


def _key(name: str, prefix: str) -> str:
    """The key in the file name PREFIX + KEY-CHECKSUM.sqlite3."""
    return name[len(prefix):].rsplit("-", 1)[0]


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(path)  # its time is its last use, which pruning goes by


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


__all__ = ["cache_directory", "cached_store", "index_key", "prune", "write_index"]
