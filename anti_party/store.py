"""Locate, parse and validate stores; every problem is reported, never only the first."""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anti_party.collector import gc_paused
from anti_party.dates import DateError, EdtfDate, parse_edtf
from anti_party.errors import DataError, clipped, close_matches, quoted
from anti_party.model import Citation, Event, Note, Office, Period, Person, PresidiumSeat, Source, Store, Term
from anti_party.paths import default_store_path as default_store_path  # re-exported
from anti_party.paths import store_paths as store_paths
from anti_party.rules import check_rules
from anti_party.storefile import StoreFile, read_store_file

if TYPE_CHECKING:
    from anti_party.locate import Locator

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
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line:
            where += f":{self.line}" + (f":{self.column}" if self.column else "")
        what = " ".join(part for part in (self.entry, f"key {quoted(self.key)}" if self.key else None) if part)
        return f"{where}: {what}: {self.message}" if what else f"{where}: {self.message}"


class StoreError(DataError):
    """Every problem found in the stores, one line each."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(*map(str, problems))
        self.problems = tuple(problems)


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


@dataclass
class _Entry:
    """One table of a store file, with its checked values; where it stands is found only when needed."""

    table: str
    ident: str
    path: Path
    lines: _Lines
    place: str | int  # the id of a [table.ID], or the index of an [[array]] table
    raw: dict[str, Any]
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{_NOUNS[self.table]} {quoted(self.ident)}"

    @property
    def line(self) -> int | None:
        return self.lines.entry_line(self.table, self.place)

    @property
    def key_lines(self) -> dict[str, int]:
        return self.lines.keys_after(self.line)


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
        return Problem(entry.path, message, line, entry.label, key, column=entry.lines.column(line))

    def read_file(self, file: StoreFile) -> None:
        if file.data is None:
            self.problems.append(Problem(file.path, file.problem or "cannot read the store"))
            return
        text = _decode(file.path, file.data)
        if isinstance(text, Problem):
            self.problems.append(text)
            return
        data = _parse(file.path, text)
        if isinstance(data, Problem):
            self.problems.append(data)
            return
        del text  # the locator decodes the bytes again if ever asked: text of Cyrillic is twice their size
        lines = _Lines(file.data)
        for table, body in data.items():
            if table not in _SCHEMA:
                hint = _did_you_mean(table, _SCHEMA)
                self.problems.append(lines.table_problem(file.path, table, f"unknown table [{clipped(table)}]{hint}"))
            elif table in _KEYED:
                self._read_keyed(file.path, lines, table, body)
            else:
                self._read_array(file.path, lines, table, body)

    def _read_keyed(self, path: Path, lines: _Lines, table: str, body: Any) -> None:
        if not isinstance(body, dict):
            self.problems.append(lines.table_problem(path, table, f"[{table}] must hold tables [{table}.ID]"))
            return
        for ident, raw in body.items():
            entry = _Entry(table, ident, path, lines, ident, raw if isinstance(raw, dict) else {})
            if not isinstance(raw, dict):
                self.report(entry, None, f"must be a table [{table}.{ident}]")
                continue
            if not _SLUG.fullmatch(ident):
                self.report(entry, None, "ids are lower-case letters, digits and hyphens")
            self.entries.append(entry)

    def _read_array(self, path: Path, lines: _Lines, table: str, body: Any) -> None:
        if not isinstance(body, list):
            self.problems.append(lines.table_problem(path, table, f"{table} must be written as [[{table}]] tables"))
            return
        for index, raw in enumerate(body):
            raw = raw if isinstance(raw, dict) else {}
            ident = raw.get("id") or _term_label(raw) or f"#{index + 1}"
            self.entries.append(_Entry(table, str(ident), path, lines, index, raw))

    def check_entries(self) -> None:
        defined: dict[tuple[str, str], _Entry] = {}
        known: dict[str, set[str]] = {table: set() for table in _KEYED}  # the ids references may name
        for entry in self.entries:
            if entry.table in _KEYED or "id" in entry.raw:
                family = "events" if entry.table in ("events", "periods") else entry.table
                first = defined.setdefault((family, entry.ident), entry)
                if first is not entry:
                    where = f"{first.path}:{first.line}" if first.line else str(first.path)
                    self.report(entry, "id" if "id" in entry.raw else None, f"is defined twice; first at {where}")
                elif family in known:
                    known[family].add(entry.ident)
        for entry in self.entries:
            self._check_entry(entry, known)
        check_rules(self.entries, self.report, self.warn)
        self._warn_web_only()

    def _warn_web_only(self) -> None:
        """Events and terms should rest on at least one source a student can cite, not only on web pages."""
        web = {entry.ident for entry in self.entries if entry.table == "sources" and entry.values.get("type") == "web"}
        for entry in self.entries if web else ():
            cited: tuple[Citation, ...] = entry.values.get("sources") or ()
            if entry.table in WEB_ONLY_WARNED and cited and all(c.id in web for c in cited):
                line = entry.key_lines.get("sources", entry.line)
                message = "rests only on web sources; cite a primary, scholarly, press or reference work too"
                self.warnings.append(Problem(entry.path, message, line, entry.label, "sources"))

    def _check_entry(self, entry: _Entry, known: dict[str, set[str]]) -> None:
        if entry.table == "events":  # most of a large store: the common shape is checked in one go
            plain = _plain_event_values(entry.raw, known)
            if plain is not None:
                entry.values = plain
                return
        self._check_fields(entry, known)

    def _check_fields(self, entry: _Entry, known: dict[str, set[str]]) -> None:
        raw, values, schema = entry.raw, entry.values, _SCHEMA[entry.table]
        if not raw.keys() <= schema.keys():
            for key in raw.keys() - schema.keys():
                self.report(entry, key, f"unknown key{_did_you_mean(key, schema)}")
        said: list[str] = []  # what converting one value found wrong (a store has millions of values)
        for key, spec, convert in _PLANS[entry.table]:
            if key not in raw:
                if spec.required:
                    self.report(entry, key, "is required" if spec.kind != "cites" else "needs at least one source")
                continue
            value = convert(raw[key], spec, known, said.append)
            if said:
                for message in said:
                    self.report(entry, key, message)
                said.clear()
            if value is not None:
                values[key] = value
            elif spec.required and spec.kind == "cites" and raw[key] == []:
                self.report(entry, key, "needs at least one source")
        start, end = values.get("from"), values.get("to")
        if isinstance(start, EdtfDate) and isinstance(end, EdtfDate) and end.latest < start.earliest:
            self.report(entry, "to", f"{quoted(end.text)} ends before the term starts ({quoted(start.text)})")


def _term_label(raw: dict[str, Any]) -> str | None:
    if "person" in raw and "office" in raw:
        return f"{raw['person']}/{raw['office']}/{raw.get('from', '?')}"
    return str(raw["person"]) if "person" in raw else None


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


Report = Callable[[str], None]


def _string(value: Any, spec: _Field, report: Report) -> str | None:
    if not isinstance(value, str):
        report(f"must be a string, not {_toml_type(value)}")
        return None
    if spec.required and not value.strip():
        report("must not be empty")
        return None
    return value


def _convert_text(value: Any, spec: _Field, known: dict[str, set[str]], report: Report) -> str | None:
    if type(value) is str and not spec.required:
        return value  # most values: optional text, which any string is
    text = _string(value, spec, report)
    if text is not None and spec.choices and text not in spec.choices:
        report(f"{quoted(text)} is not one of {', '.join(spec.choices)}")
        return None
    return text


def _convert_slug(value: Any, spec: _Field, known: dict[str, set[str]], report: Report) -> str | None:
    text = _string(value, spec, report)
    if text is not None and not _SLUG.fullmatch(text):
        report(f"{quoted(text)}: ids are lower-case letters, digits and hyphens")
        return None
    return text


def _convert_ref(value: Any, spec: _Field, known: dict[str, set[str]], report: Report) -> str | None:
    text = _string(value, spec, report)
    return text if text is not None and _check_refs([text], spec, known, report) else None


def _convert_date(value: Any, spec: _Field, known: dict[str, set[str]], report: Report) -> EdtfDate | None:
    text = _string(value, spec, report)
    if text is None:
        return None
    try:
        return _parse_date(text)
    except DateError as error:
        report(str(error))
        return None


def _convert_day(value: Any, spec: _Field, known: dict[str, set[str]], report: Report) -> date | None:
    text = _string(value, spec, report)
    if text is None:
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        report(f"{quoted(text)} is not a day (YYYY-MM-DD)")
        return None


def _convert_int(value: Any, spec: _Field, known: dict[str, set[str]], report: Report) -> int | None:
    if not isinstance(value, int) or isinstance(value, bool):
        report(f"must be an integer, not {_toml_type(value)}")
        return None
    return value


def _array(value: Any, report: Report) -> list[Any] | None:
    if not isinstance(value, list):
        report(f"must be an array, not {_toml_type(value)}")
        return None
    return value


def _convert_texts(value: Any, spec: _Field, known: dict[str, set[str]], report: Report) -> tuple[str, ...] | None:
    items = _array(value, report)
    if items is None:
        return None
    if not _STRINGS.issuperset(map(type, items)):  # the parser makes only plain strings
        report("must be an array of strings")
        return None
    if spec.kind == "refs" and not _check_refs(items, spec, known, report):
        return None
    return tuple(items) or None


def _convert_notes_field(value: Any, spec: _Field, known: dict[str, set[str]], report: Report) -> Any:
    items = _array(value, report)
    return None if items is None else _convert_notes(items, known, report)


def _convert_cites_field(value: Any, spec: _Field, known: dict[str, set[str]], report: Report) -> Any:
    items = _array(value, report)
    return None if items is None else _convert_citations(items, known, report)


_STRINGS = frozenset({str})
Converter = Callable[[Any, _Field, dict[str, set[str]], Report], Any]
# How each kind of field is checked and converted: each reports what is wrong and returns None.
_CONVERTERS: dict[str, Converter] = {
    "text": _convert_text, "slug": _convert_slug, "ref": _convert_ref, "date": _convert_date, "day": _convert_day,
    "int": _convert_int, "texts": _convert_texts, "refs": _convert_texts, "notes": _convert_notes_field,
    "cites": _convert_cites_field,
}
# Each table's fields in order, with their converters.
_PLANS: dict[str, list[tuple[str, _Field, Converter]]] = {
    table: [(key, spec, _CONVERTERS[spec.kind]) for key, spec in fields.items()] for table, fields in _SCHEMA.items()
}


# Values that repeat in a store are made once each: a day many events share (its days worked out
# once too), and the citation of a whole work, which a store makes thousands of times.
_parse_date: Callable[[str], EdtfDate] = cache(parse_edtf)
_whole_work: Callable[[str], Citation] = cache(Citation)


_EVENT_KEYS = frozenset(_SCHEMA["events"])


def _plain_event_values(raw: dict[str, Any], known: dict[str, set[str]]) -> dict[str, Any] | None:
    """An event's values, as the checks of each field (_PLANS) make them, when it is written the
    common way: known keys, strings where strings go, ids that exist, whole works as sources.

    None for any other event, which the field-by-field checks then convert or report. Checking
    the common shape in one function spares a call per field of each of a large store's events;
    tests/test_store_events.py keeps the two ways equal.
    """
    ident, when, title = raw.get("id"), raw.get("date"), raw.get("title")
    if (type(ident) is not str or type(when) is not str or type(title) is not str or not title.strip()
            or not raw.keys() <= _EVENT_KEYS or not _SLUG.fullmatch(ident)):
        return None
    try:
        values: dict[str, Any] = {"id": ident, "date": _parse_date(when), "title": title}
    except DateError:
        return None
    if "summary" in raw:
        if type(raw["summary"]) is not str:
            return None
        values["summary"] = raw["summary"]
    for key, table in (("people", "people"), ("tags", None)):
        items = raw.get(key)
        if items is None:
            continue
        if type(items) is not list or not _STRINGS.issuperset(map(type, items)) or \
                (table is not None and not known[table].issuperset(items)):
            return None
        if items:
            values[key] = tuple(items)
    sources = raw.get("sources")
    if type(sources) is not list or not sources or not _STRINGS.issuperset(map(type, sources)) or \
            not known["sources"].issuperset(sources):
        return None
    values["sources"] = tuple(map(_whole_work, sources))
    if "notes" in raw:
        said: list[str] = []
        notes = _convert_notes_field(raw["notes"], _NOTES, known, said.append)
        if said:
            return None
        if notes is not None:
            values["notes"] = notes
    return values


def _check_refs(ids: list[str], spec: _Field, known: dict[str, set[str]], report: Callable[[str], None]) -> bool:
    table = spec.table or ""
    if known[table].issuperset(ids):
        return True
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
            citations.append(_whole_work(item))
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


class _Lines:
    """Where the tables and keys of one file stand, worked out on the first question only.

    A store with no problem never asks, so loading one costs no locating at all.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data  # as read: the decoded text is not kept while a store is checked and built

    @cached_property
    def locator(self) -> Locator:
        from anti_party.locate import Locator

        text = _decode(Path(), self._data)  # decoded once already, so it decodes
        return Locator(text if isinstance(text, str) else "")

    def entry_line(self, table: str, place: str | int) -> int | None:
        if isinstance(place, str):
            return self.locator.keyed_line(table, place)
        return self.locator.array_line(table, place)

    def keys_after(self, line: int | None) -> dict[str, int]:
        return self.locator.keys_after(line)

    def column(self, line: int | None) -> int | None:
        return self.locator.column(line)

    def table_problem(self, path: Path, table: str, message: str) -> Problem:
        """A problem with a whole table, at its first header or key."""
        line = self.locator.table_line(table)
        return Problem(path, message, line, column=self.column(line))


def _decode(path: Path, data: bytes) -> str | Problem:
    """The text of a store file. A UTF-8 byte-order mark is accepted and dropped: some editors write one."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start:error.start].decode("utf-8", "replace")) + 1
        hint = " (the file looks like UTF-16: save it as UTF-8)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        return Problem(path, f"not UTF-8: byte 0x{data[error.start]:02x} cannot be read{hint}", line, column=column)


def _parse(path: Path, text: str) -> dict[str, Any] | Problem:
    import tomli  # off the start-up path: a store read from the index is not parsed

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        return Problem(path, f"TOML syntax error: {error.msg}", error.lineno or None, column=error.colno or None)
    except RecursionError:
        from anti_party.locate import NESTING_REPORTED, Locator

        where = Locator(text).too_deep
        message = f"arrays or tables nested too deeply (more than {NESTING_REPORTED - 1} levels)"
        return Problem(path, message, where[0] if where else None, column=where[1] if where else None)
    except ValueError:  # Python's limit on the digits of an integer it converts (a defence against slow parsing)
        found = re.search(rf"[0-9][0-9_]{{{sys.get_int_max_str_digits()},}}", text)
        if found is None:
            raise
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - text.rfind("\n", 0, found.start())
        return Problem(path, f"TOML value error: a number of more than {sys.get_int_max_str_digits():,} digits",
                       line, column=column)


def load_store(paths: Sequence[Path]) -> Store:
    """Load and merge stores in order from their files; raise StoreError listing every problem.

    (anti_party.cache.cached_store reads them from their SQLite index instead, once built.)
    """
    return load_files([read_store_file(path) for path in paths])


def load_files(files: Sequence[StoreFile]) -> Store:
    """Validate and merge store files already read; raise StoreError listing every problem."""
    return check_files(files)[0]


def check_store(paths: Sequence[Path]) -> tuple[Store, tuple[Problem, ...]]:
    """Validate stores afresh (never from the index): the merged store and the warnings.

    Raises StoreError listing every problem. Warnings (events resting only on web sources) do not
    stop a store from loading; `apg check --strict` treats them as problems.
    """
    return check_files([read_store_file(path) for path in paths])


def check_files(files: Sequence[StoreFile]) -> tuple[Store, tuple[Problem, ...]]:
    with gc_paused():
        checker = _Checker()
        for file in files:
            checker.read_file(file)
        checker.check_entries()
        if checker.problems:
            raise StoreError(checker.problems)
        return _build(checker.entries), tuple(checker.warnings)


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
