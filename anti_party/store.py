"""Locate, parse and validate stores; every problem is reported, never only the first."""

from __future__ import annotations

import os
import pickle
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from anti_party.dates import DateError, EdtfDate, parse_edtf
from anti_party.errors import DataError, clipped, quoted
from anti_party.model import Citation, Event, Note, Office, Period, Person, PresidiumSeat, Source, Store, Term
from anti_party.rules import check_rules

SOURCE_KINDS = (
    "book", "chapter", "encyclopedia-entry", "journal-article", "magazine-article", "newspaper-article",
    "document", "web-page",
)
SOURCE_TYPES = ("primary", "scholarly", "press", "reference", "web")
LOCATOR_KEYS = ("pages", "section", "document")
WEB_ONLY_WARNED = ("events", "terms")  # the tables whose entries must rest on a citable source
RANKS = ("full", "candidate")
SIDES = ("group", "khrushchev", "wavered")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a store, located as precisely as the file allows."""

    path: Path
    message: str
    line: int | None = None
    entry: str | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        what = " ".join(part for part in (self.entry, f"key {quoted(self.key)}" if self.key else None) if part)
        return f"{where}: {what}: {self.message}" if what else f"{where}: {self.message}"


class StoreError(DataError):
    """Every problem found in the stores, one line each."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(*map(str, problems))
        self.problems = tuple(problems)


def default_store_path() -> Path:
    """The packaged events.toml: inside the wheel, or at the root of a source checkout."""
    package = Path(__file__).resolve().parent
    shipped = package / "events.toml"
    return shipped if shipped.is_file() else package.parent / "events.toml"


def store_paths(given: Sequence[Path], environ: str | None, *, use_default: bool = True) -> list[Path]:
    """The stores to load, in order: the packaged one, then --store paths or else $APG_STORE."""
    extra = list(given) or [Path(p) for p in (environ or "").split(os.pathsep) if p]
    paths = ([default_store_path()] if use_default else []) + extra
    unique: dict[Path, Path] = {}
    for path in paths:  # naming the packaged store again must not define everything twice
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


@dataclass(frozen=True)
class _Field:
    kind: str  # text, int, date, day, texts, ref, refs, cites, notes, slug
    required: bool = False
    table: str | None = None
    choices: tuple[str, ...] = ()


_TEXT, _TEXTS, _DATE = _Field("text"), _Field("texts"), _Field("date")
_SOURCES_REQUIRED = _Field("cites", True, "sources")
_SOURCES, _NOTES = _Field("cites", table="sources"), _Field("notes")
_SCHEMA: dict[str, dict[str, _Field]] = {
    "sources": {
        "kind": _Field("text", True, choices=SOURCE_KINDS), "type": _Field("text", True, choices=SOURCE_TYPES),
        "title": _Field("text", True), "title_native": _TEXT, "title_english": _TEXT,
        "authors": _TEXTS, "editors": _TEXTS, "translators": _TEXTS,
        "container": _TEXT, "container_native": _TEXT, "container_english": _TEXT,
        "publisher": _TEXT, "place": _TEXT, "year": _Field("int"), "date": _DATE, "edition": _TEXT,
        "volume": _TEXT, "issue": _TEXT, "pages": _TEXT, "number": _TEXT, "archive": _TEXT,
        "url": _TEXT, "accessed": _Field("day"), "language": _TEXT, "note": _TEXT,
    },
    "people": {
        "name": _Field("text", True), "full_name": _TEXT, "native": _TEXT, "born": _DATE,
        "died": _DATE, "aliases": _TEXTS, "summary": _TEXT, "later": _TEXT,
        "sources": _SOURCES, "notes": _NOTES,
    },
    "offices": {"title": _Field("text", True), "short": _TEXT, "existed": _DATE, "notes": _NOTES},
    "terms": {
        "person": _Field("ref", True, "people"), "office": _Field("ref", True, "offices"),
        "from": _Field("date", True), "to": _DATE, "sources": _SOURCES_REQUIRED, "notes": _NOTES,
    },
    "events": {
        "id": _Field("slug", True), "date": _Field("date", True), "title": _Field("text", True),
        "summary": _TEXT, "people": _Field("refs", table="people"), "tags": _TEXTS,
        "sources": _SOURCES_REQUIRED, "notes": _NOTES,
    },
    "presidium": {
        "person": _Field("ref", True, "people"), "rank": _Field("text", True, choices=RANKS),
        "side": _Field("text", True, choices=SIDES), "sources": _SOURCES_REQUIRED, "notes": _NOTES,
    },
    "periods": {"id": _Field("slug", True), "title": _Field("text", True), "date": _Field("date", True)},
}
_NOUNS = {
    "sources": "source", "people": "person", "offices": "office", "terms": "term",
    "events": "event", "presidium": "presidium seat", "periods": "period",
}
_KEYED = ("sources", "people", "offices")  # [table.ID]; the others are [[arrays]] of tables
_NOTE_KEYS = ("text", "sources")
_LONGEST_SUGGESTED = 100  # longer input gets no did-you-mean


@dataclass
class _Entry:
    """One table of a store file, with where it stands and its checked values."""

    table: str
    ident: str
    path: Path
    line: int | None
    raw: dict[str, Any]
    key_lines: dict[str, int]
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{_NOUNS[self.table]} {quoted(self.ident)}"


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.entries: list[_Entry] = []

    def report(self, entry: _Entry, key: str | None, message: str) -> None:
        self.problems.append(self._problem(entry, key, message))

    def warn(self, entry: _Entry, key: str | None, message: str) -> None:
        self.warnings.append(self._problem(entry, key, message))

    @staticmethod
    def _problem(entry: _Entry, key: str | None, message: str) -> Problem:
        line = entry.key_lines.get(key, entry.line) if key else entry.line
        return Problem(entry.path, message, line, entry.label, key)

    def read_file(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            self.problems.append(Problem(path, f"cannot read the store: {reason}"))
            return
        import tomllib  # off the start-up path: a cached store needs no parsing

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            match = re.search(r"\(at line (\d+), column \d+\)", str(error))
            message = re.sub(r"\s*\(at line .*\)$", "", str(error))
            self.problems.append(Problem(path, f"TOML syntax error: {message}", int(match[1]) if match else None))
            return
        locator = _Locator(text)
        for table, body in data.items():
            if table not in _SCHEMA:
                hint = _did_you_mean(table, _SCHEMA)
                line = locator.table_line(table)
                self.problems.append(Problem(path, f"unknown table [{clipped(table)}]{hint}", line))
            elif table in _KEYED:
                self._read_keyed(path, locator, table, body)
            else:
                self._read_array(path, locator, table, body)

    def _read_keyed(self, path: Path, locator: _Locator, table: str, body: Any) -> None:
        if not isinstance(body, dict):
            self.problems.append(Problem(path, f"[{table}] must hold tables [{table}.ID]"))
            return
        for ident, raw in body.items():
            line = locator.keyed_line(table, ident)
            entry = _Entry(table, ident, path, line, raw if isinstance(raw, dict) else {}, locator.keys_after(line))
            if not isinstance(raw, dict):
                self.report(entry, None, f"must be a table [{table}.{ident}]")
                continue
            if not _SLUG.fullmatch(ident):
                self.report(entry, None, "ids are lower-case letters, digits and hyphens")
            self.entries.append(entry)

    def _read_array(self, path: Path, locator: _Locator, table: str, body: Any) -> None:
        if not isinstance(body, list):
            self.problems.append(Problem(path, f"{table} must be written as [[{table}]] tables"))
            return
        for index, raw in enumerate(body):
            line = locator.array_line(table, index)
            raw = raw if isinstance(raw, dict) else {}
            ident = raw.get("id") or _term_label(raw) or f"#{index + 1}"
            self.entries.append(_Entry(table, str(ident), path, line, raw, locator.keys_after(line)))

    def check_entries(self) -> None:
        defined: dict[tuple[str, str], _Entry] = {}
        for entry in self.entries:
            if entry.table in _KEYED or "id" in entry.raw:
                family = "events" if entry.table in ("events", "periods") else entry.table
                first = defined.setdefault((family, entry.ident), entry)
                if first is not entry:
                    where = f"{first.path}:{first.line}" if first.line else str(first.path)
                    self.report(entry, "id" if "id" in entry.raw else None, f"is defined twice; first at {where}")
        known = {table: {ident for (family, ident) in defined if family == table} for table in _KEYED}
        for entry in self.entries:
            self._check_entry(entry, known)
        check_rules(self.entries, self.report, self.warn)
        self._warn_web_only()

    def _warn_web_only(self) -> None:
        """Events and terms should rest on at least one source a student can cite, not only on web pages."""
        types = {entry.ident: entry.values.get("type") for entry in self.entries if entry.table == "sources"}
        for entry in self.entries:
            cited: tuple[Citation, ...] = entry.values.get("sources") or ()
            if entry.table in WEB_ONLY_WARNED and cited and all(types.get(c.id) == "web" for c in cited):
                line = entry.key_lines.get("sources", entry.line)
                message = "rests only on web sources; cite a primary, scholarly, press or reference work too"
                self.warnings.append(Problem(entry.path, message, line, entry.label, "sources"))

    def _check_entry(self, entry: _Entry, known: dict[str, set[str]]) -> None:
        schema = _SCHEMA[entry.table]
        for key in entry.raw.keys() - schema.keys():
            self.report(entry, key, f"unknown key{_did_you_mean(key, schema)}")
        for key, spec in schema.items():
            if key not in entry.raw:
                if spec.required:
                    self.report(entry, key, "is required" if spec.kind != "cites" else "needs at least one source")
                continue
            value = _convert(entry.raw[key], spec, known, partial(self.report, entry, key))
            if value is not None:
                entry.values[key] = value
            elif spec.required and spec.kind == "cites" and entry.raw[key] == []:
                self.report(entry, key, "needs at least one source")
        start, end = entry.values.get("from"), entry.values.get("to")
        if isinstance(start, EdtfDate) and isinstance(end, EdtfDate) and end.latest < start.earliest:
            self.report(entry, "to", f"{quoted(end.text)} ends before the term starts ({quoted(start.text)})")


def _term_label(raw: dict[str, Any]) -> str | None:
    if "person" in raw and "office" in raw:
        return f"{raw['person']}/{raw['office']}/{raw.get('from', '?')}"
    return str(raw["person"]) if "person" in raw else None


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _convert(value: Any, spec: _Field, known: dict[str, set[str]], report: Callable[[str], None]) -> Any:
    """Check one value against its field; report and return None when it is wrong."""
    kind = spec.kind
    if kind in ("text", "slug", "ref", "date", "day"):
        if not isinstance(value, str):
            report(f"must be a string, not {_toml_type(value)}")
            return None
        if spec.required and not value.strip():
            report("must not be empty")
            return None
        if kind == "text" and spec.choices and value not in spec.choices:
            report(f"{quoted(value)} is not one of {', '.join(spec.choices)}")
            return None
        if kind == "slug" and not _SLUG.fullmatch(value):
            report(f"{quoted(value)}: ids are lower-case letters, digits and hyphens")
            return None
        if kind == "ref":
            return value if _check_refs([value], spec, known, report) else None
        if kind == "date":
            try:
                return parse_edtf(value)
            except DateError as error:
                report(str(error))
                return None
        if kind == "day":
            try:
                if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                    raise ValueError(value)
                return date.fromisoformat(value)
            except ValueError:
                report(f"{quoted(value)} is not a day (YYYY-MM-DD)")
                return None
        return value
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            report(f"must be an integer, not {_toml_type(value)}")
            return None
        return value
    if not isinstance(value, list):
        report(f"must be an array, not {_toml_type(value)}")
        return None
    if kind == "notes":
        return _convert_notes(value, known, report)
    if kind == "cites":
        return _convert_citations(value, known, report)
    if not all(isinstance(item, str) for item in value):
        report("must be an array of strings")
        return None
    if kind == "refs" and not _check_refs(value, spec, known, report):
        return None
    return tuple(value) or None


def _check_refs(ids: list[str], spec: _Field, known: dict[str, set[str]], report: Callable[[str], None]) -> bool:
    table = spec.table or ""
    missing = [ident for ident in ids if ident not in known[table]]
    for ident in missing:
        report(f"unknown {_NOUNS[table]} {quoted(ident)}{_did_you_mean(ident, known[table])}")
    return not missing


def _convert_citations(
    value: list[Any], known: dict[str, set[str]], report: Callable[[str], None]
) -> tuple[Citation, ...] | None:
    """Each item is a source id, or a table naming the id and where in the source: { id = "...", pages = "..." }."""
    citations: list[Citation] = []
    for item in value:
        if isinstance(item, str):
            citations.append(Citation(item))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            report('each source is an id or a table { id = "...", pages = "..." }')
            return None
        unknown = item.keys() - {"id", *LOCATOR_KEYS}
        for key in sorted(unknown):
            report(f"unknown key '{key}' in a citation{_did_you_mean(key, LOCATOR_KEYS)}")
        if unknown:
            return None
        locator = {key: item[key] for key in LOCATOR_KEYS if key in item}
        if not locator or not all(isinstance(text, str) and text.strip() for text in locator.values()):
            report(f"the citation of {item['id']!r} needs a non-empty string pages, section or document")
            return None
        citations.append(Citation(item["id"], **locator))
    if not _check_refs([citation.id for citation in citations], _SOURCES, known, report):
        return None
    return tuple(citations) or None


def _convert_notes(
    value: list[Any], known: dict[str, set[str]], report: Callable[[str], None]
) -> tuple[Note, ...] | None:
    notes: list[Note] = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            report('each note is a table { text = "...", sources = [...] }')
            return None
        for key in item.keys() - set(_NOTE_KEYS):
            report(f"unknown key {quoted(key)} in a note{_did_you_mean(key, _NOTE_KEYS)}")
        sources = item.get("sources", [])
        if not isinstance(sources, list):
            report("a note's sources must be an array of source ids or citations")
            return None
        citations = _convert_citations(sources, known, report) if sources else ()
        if citations is None:
            return None
        notes.append(Note(item["text"], citations))
    return tuple(notes)


def _toml_type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


class _Locator:
    """Finds the line of a table or key in TOML text; tomllib gives no positions."""

    _HEADER = re.compile(r"\s*\[(\[)?\s*([^\]]+?)\s*\]")
    _KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: list[tuple[int, str, bool]] = []
        for number, line in enumerate(self.lines, 1):
            match = self._HEADER.match(line)
            if match and not line.lstrip().startswith("#"):
                self.headers.append((number, match[2].replace('"', ""), bool(match[1])))

    def table_line(self, table: str) -> int | None:
        return next((n for n, name, _ in self.headers if name.split(".")[0] == table), None)

    def keyed_line(self, table: str, ident: str) -> int | None:
        return next((n for n, name, is_array in self.headers if not is_array and name == f"{table}.{ident}"), None)

    def array_line(self, table: str, index: int) -> int | None:
        lines = [n for n, name, is_array in self.headers if is_array and name == table]
        return lines[index] if index < len(lines) else None

    def keys_after(self, line: int | None) -> dict[str, int]:
        found: dict[str, int] = {}
        if line is None:
            return found
        for number in range(line + 1, len(self.lines) + 1):
            text = self.lines[number - 1]
            if self._HEADER.match(text) and not text.lstrip().startswith("#"):
                break
            match = self._KEY.match(text)
            if match:
                found.setdefault(match[1], number)
        return found


def load_store(paths: Sequence[Path], cache_dir: Path | None = None) -> Store:
    """Load and merge stores in order; raise StoreError listing every problem.

    With CACHE_DIR, a store that validated before is read back from a pickle keyed by the
    files' paths, sizes and modification times, which skips parsing and validation.
    """
    key = _cache_key(paths) if cache_dir else None
    cache = cache_dir / f"store-{zlib.crc32(key.encode()):08x}.pickle" if cache_dir and key else None
    if cache is not None:
        try:
            with cache.open("rb") as file:
                cached_key, cached = pickle.load(file)
            if cached_key == key and isinstance(cached, Store):
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass  # no cache yet, or an unreadable one: validate afresh
    store = _load(paths)
    if cache is not None:
        _write_cache(cache, (key, store))
    return store


def _cache_key(paths: Sequence[Path]) -> str | None:
    """What a cached store depends on: apg's and Python's versions and each file's identity."""
    from anti_party import __version__

    try:
        stats = [(str(path.resolve()), path.stat().st_mtime_ns, path.stat().st_size) for path in paths]
    except OSError:
        return None  # a missing file: let validation report it
    return repr((__version__, sys.version, stats))


def _write_cache(cache: Path, entry: tuple[str | None, Store]) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial_file = cache.with_suffix(f".{os.getpid()}.tmp")
        partial_file.write_bytes(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
        partial_file.replace(cache)
    except OSError:
        pass  # a cache that cannot be written only costs time


def check_store(paths: Sequence[Path]) -> tuple[Store, tuple[Problem, ...]]:
    """Validate stores afresh (never from the cache): the merged store and the warnings.

    Raises StoreError listing every problem. Warnings (events resting only on web sources) do not
    stop a store from loading; `apg check --strict` treats them as problems.
    """
    checker = _Checker()
    for path in paths:
        checker.read_file(path)
    checker.check_entries()
    if checker.problems:
        raise StoreError(checker.problems)
    return _build(checker.entries), tuple(checker.warnings)


def _load(paths: Sequence[Path]) -> Store:
    return check_store(paths)[0]


def _build(entries: list[_Entry]) -> Store:
    by_table: dict[str, list[_Entry]] = {table: [] for table in _SCHEMA}
    for entry in entries:
        by_table[entry.table].append(entry)

    def values(entry: _Entry, **renames: str) -> dict[str, Any]:
        return {renames.get(key, key): value for key, value in entry.values.items()}

    return Store(
        sources={e.ident: Source(id=e.ident, **e.values) for e in by_table["sources"]},
        people={e.ident: Person(id=e.ident, **e.values) for e in by_table["people"]},
        offices={e.ident: Office(id=e.ident, **e.values) for e in by_table["offices"]},
        terms=tuple(Term(**{"end": None, **values(e, **{"from": "start", "to": "end"})}) for e in by_table["terms"]),
        events=tuple(Event(**e.values) for e in by_table["events"]),
        presidium=tuple(PresidiumSeat(**e.values) for e in by_table["presidium"]),
        periods=tuple(Period(**e.values) for e in by_table["periods"]),
    )


def close_matches(word: str, choices: list[str], n: int, cutoff: float = 0.6) -> list[str]:
    if len(word) > _LONGEST_SUGGESTED:
        return []  # nothing is close to it, and comparing a huge input with every id would take minutes
    import difflib  # only needed when something is wrong; kept off the start-up path

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)
