"""The merged store as an SQLite database: the cache index, and the file `apg db` writes.

Schema: docs/db.md. Each table keeps a few columns to query by (ids, dates, names) and the
whole record as JSON (`record`), written and read by anti_party.codec from the model's own
fields, so that a field added to the model needs no change here. Reading a database back
only ever decodes JSON into the model's records: no code is loaded from it.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from anti_party.codec import decoder, encoder, is_record
from anti_party.model import Event, Office, Period, Person, PresidiumSeat, Source, Store, Term
from anti_party.query import EventQuery, fold, select_events

INDEX_SCHEMA = 4  # the layout of the tables; bump it with any change to them or to what they hold
T = TypeVar("T")

# Events are indexed by (band, earliest): a band holds the events whose span (latest - earliest, in
# days) is at most its bound, so an overlap query reads, in each band, only the events that start
# between (first day - bound) and the last day. The last band (longer spans) is read whole.
BANDS = (0, 31, 366, 3660)

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT, kind TEXT, title TEXT,
                      year INTEGER, record TEXT NOT NULL);
CREATE TABLE people (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT, record TEXT NOT NULL);
CREATE TABLE offices (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, record TEXT NOT NULL);
CREATE TABLE terms (rowid INTEGER PRIMARY KEY, person TEXT NOT NULL, office TEXT NOT NULL, start TEXT, "end" TEXT,
                    earliest TEXT, latest TEXT, record TEXT NOT NULL);
CREATE TABLE events (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, date TEXT NOT NULL, earliest TEXT NOT NULL,
                     latest TEXT NOT NULL, band INTEGER NOT NULL, precision TEXT NOT NULL, approximate TEXT NOT NULL,
                     uncertain TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL, people TEXT NOT NULL,
                     tags TEXT NOT NULL, sources TEXT NOT NULL, notes TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE presidium (rowid INTEGER PRIMARY KEY, person TEXT NOT NULL, rank TEXT, side TEXT, record TEXT NOT NULL);
CREATE TABLE periods (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT, date TEXT, earliest TEXT,
                      latest TEXT, record TEXT NOT NULL);
CREATE TABLE event_people (person TEXT NOT NULL, event INTEGER NOT NULL REFERENCES events(rowid),
                           PRIMARY KEY (person, event)) WITHOUT ROWID;
CREATE TABLE event_tags (tag TEXT NOT NULL, event INTEGER NOT NULL REFERENCES events(rowid),
                         PRIMARY KEY (tag, event)) WITHOUT ROWID;
CREATE TABLE citations (cited_in TEXT NOT NULL, row INTEGER NOT NULL, note INTEGER, source TEXT NOT NULL,
                        citation TEXT NOT NULL);
"""
# Made once the rows are in: sorting them once is quicker than keeping an index in order row by row.
_INDEXES = """
CREATE UNIQUE INDEX events_by_id ON events (id);
CREATE INDEX events_by_date ON events (band, earliest);
CREATE INDEX citations_by_source ON citations (source, cited_in);
CREATE INDEX terms_by_person ON terms (person);
"""
# The words of each event's title and summary, folded (query.fold), for --grep: events_words lists
# the words, events_fts the events holding each.
_WORDS_TABLE = ("CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, content='', tokenize='ascii', "
                "columnsize=0, detail={detail})")
_WORDS_LIST = "CREATE VIRTUAL TABLE events_words USING fts5vocab(events_fts, 'row')"
_KEYED: dict[str, tuple[type[Any], tuple[str, ...]]] = {  # table: (record class, plain columns)
    "sources": (Source, ("id", "type", "kind", "title", "year")),
    "people": (Person, ("id", "name")),
    "offices": (Office, ("id", "title")),
}


def write_database(store: Store, path: Path, meta: Mapping[str, str], *, for_cache: bool = False) -> None:
    """Write STORE into the empty or missing SQLite file PATH.

    FOR_CACHE leaves out what the commands never read (the citations table) and the words of
    events_fts and events_words, which the cache keeps in a file of their own, written by
    write_words on the first --grep: a first run does not pay for a search it may never make.
    `apg db` writes everything, with the positions of words in events_fts, for phrase queries.
    """
    connection = _new_database(path)
    try:
        connection.execute("BEGIN")
        connection.executescript(_SCHEMA)  # executescript commits; the rest runs in one transaction
        if not for_cache:
            connection.execute(_WORDS_TABLE.format(detail="full"))
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        events = _write_tables(connection, store, whole_records=not for_cache)
        if not for_cache:
            _write_citations(connection, store)
            _insert_words(connection, ((row, event.title, event.summary) for row, event in enumerate(events, 1)))
        connection.executescript(_INDEXES)
        if not for_cache:
            connection.execute(_WORDS_LIST)
        connection.execute("PRAGMA optimize")
    finally:
        connection.close()


def write_standalone(store: Store, path: Path) -> None:
    """`apg db`: STORE as a database at PATH (replaced if it exists), built under a temporary name."""
    from anti_party import __version__

    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(b"")  # an unwritable place fails here, with the system's reason
        write_database(store, partial, {"apg_version": __version__, "index_schema": str(INDEX_SCHEMA)})
        partial.replace(path)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise OSError(str(error)) from None
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def _write_tables(connection: sqlite3.Connection, store: Store, *, whole_records: bool) -> list[Event]:
    """Every table but the citations and the words; the events in the order of their rows."""
    for table, (cls, columns) in _KEYED.items():
        records: Mapping[str, Any] = getattr(store, table)
        encode = encoder(cls)
        rows = [
            (*(getattr(record, column, None) for column in columns), _json(encode(record)))
            for record in records.values()
        ]
        marks = ", ".join("?" * (len(columns) + 1))
        connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}, record) VALUES ({marks})", rows)
    encode_term = encoder(Term)
    connection.executemany(
        'INSERT INTO terms (person, office, start, "end", earliest, latest, record) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [
            (term.person, term.office, term.start.text, term.end.text if term.end else None,
             term.start.earliest.isoformat(), term.end.latest.isoformat() if term.end else None,
             _json(encode_term(term)))
            for term in store.terms
        ],
    )
    encode_seat = encoder(PresidiumSeat)
    connection.executemany(
        "INSERT INTO presidium (person, rank, side, record) VALUES (?, ?, ?, ?)",
        [(seat.person, seat.rank, seat.side, _json(encode_seat(seat))) for seat in store.presidium],
    )
    encode_period = encoder(Period)
    connection.executemany(
        "INSERT INTO periods (id, title, date, earliest, latest, record) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (period.id, period.title, period.date.text, period.date.earliest.isoformat(),
             period.date.latest.isoformat(), _json(encode_period(period)))
            for period in store.periods
        ],
    )
    return _write_events(connection, store, whole_records)


# An event's fields (render.records.EVENT_FIELDS) are kept as TSV and CSV write them, one column
# each, so that a listing in TSV is read from its rows without decoding events (cell_batches);
# its start and end are the columns the date index uses.
_EVENT_COLUMNS = {"start": "earliest", "end": "latest"}
# An event is read back from the columns that hold its fields exactly or as lists of ids and
# words joined by commas (_LISTS), and from its record, whose fields take precedence. `apg db`
# writes whole records; the cache's index writes only the fields beyond these columns, and only
# for an event whose lists the columns do not give back exactly: for most, the record is {}.
# (An event's text would otherwise be written twice, and most of the time of a first run of a
# large store would go to encoding JSON.)
_IN_COLUMNS = ("id", "date", "title", "summary")
_LISTS = ("people", "tags", "sources")
EVENT_ROW = ", ".join((*_IN_COLUMNS, *_LISTS, "record"))


def _split(cell: str) -> list[str]:
    return cell.split(",") if cell else []


def _in_store_order(events: Sequence[Event]) -> list[Event]:
    """EVENTS in the store's order (query.event_order: earliest day, latest day, id): their rowids.

    Dates in ISO form are ten characters each, so these keys compare as that order's tuples do,
    and comparing strings is much quicker than comparing tuples of dates.
    """
    return sorted(events, key=lambda event: f"{event.date.earliest}{event.date.latest}{event.id}")


def event_column(field: str) -> str:
    """The column of the events table that holds FIELD of the event shape, as TSV and CSV write it."""
    return _EVENT_COLUMNS.get(field, field)


def _write_events(connection: sqlite3.Connection, store: Store, whole_records: bool) -> list[Event]:
    """The events, in the store's order (returned), with their cells and records (whole for `apg db`)."""
    from anti_party.choices import EVENT_FIELDS
    from anti_party.render.records import event_cells

    dates: dict[int, tuple[Any, ...]] = {}
    # The store's order (_in_store_order) from the cells: start, end and id, the first two ten characters each.
    listed = sorted(((event_cells(event, dates), event) for event in store.events),
                    key=lambda pair: pair[0][2] + pair[0][3] + pair[0][0])
    events = [event for _, event in listed]
    encode = encoder(Event, frozenset() if whole_records else frozenset(_IN_COLUMNS))
    people, tags, sources = (EVENT_FIELDS.index(field) for field in _LISTS)

    def record(cells: list[str], event: Event) -> str:
        if whole_records or event.notes or _split(cells[people]) != list(event.people) or \
                _split(cells[tags]) != list(event.tags) or _split(cells[sources]) != [c.id for c in event.sources]:
            return _json(encode(event))
        return "{}"  # the columns give the event back whole (sources read back as whole works, by id)

    bands: dict[int, int] = {}  # by date object, which the events of one date share (and keep alive)

    def rows() -> Iterator[tuple[Any, ...]]:
        for row, (cells, event) in enumerate(listed, 1):
            band = bands.get(id(event.date))
            if band is None:
                band = bands[id(event.date)] = _band((event.date.latest - event.date.earliest).days)
            yield (row, band, *cells, record(cells, event))

    columns = ["rowid", "band", *map(event_column, EVENT_FIELDS), "record"]
    connection.executemany(
        f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows()
    )
    # The link tables in their keys' order (appended, not inserted here and there), by SQLite from
    # one JSON array of each event's list (the event of the Nth is row N): a large store's 100,000s
    # of links cost no Python objects.
    for table, field in (("event_people", "people"), ("event_tags", "tags")):
        lists = json.dumps([getattr(event, field) for event in events])
        connection.execute(f"INSERT OR IGNORE INTO {table} SELECT item.value, event.key + 1 "  # a name twice: once
                           "FROM json_each(?) AS event, json_each(event.value) AS item ORDER BY 1, 2", (lists,))
    return events


def _insert_words(connection: sqlite3.Connection, texts: Iterable[tuple[int, str, str]]) -> None:
    """Into events_fts, each event's row, title and summary (TEXTS), folded."""
    connection.executemany("INSERT INTO events_fts (rowid, title, summary) VALUES (?, ?, ?)",
                           ((row, fold(title), fold(summary)) for row, title, summary in texts))


def write_words(path: Path, index: sqlite3.Connection) -> None:
    """The words of the events of the cache's INDEX (events_fts without positions, and events_words)
    into the empty SQLite file PATH, which attach_words then joins to the index for --grep."""
    connection = _new_database(path)
    try:
        connection.execute("BEGIN")
        connection.execute(_WORDS_TABLE.format(detail="none"))
        _insert_words(connection, index.execute("SELECT rowid, title, summary FROM events ORDER BY rowid"))
        connection.execute(_WORDS_LIST)
        connection.execute("COMMIT")
    finally:
        connection.close()


def attach_words(index: sqlite3.Connection, path: Path) -> None:
    """Make the words written by write_words at PATH readable, read-only, as events_fts and events_words of INDEX."""
    index.execute("ATTACH DATABASE ? AS words", (read_only_uri(path),))


def read_only_uri(path: Path) -> str:
    """The URI that opens the database at PATH read-only and immutable: the cache's files are never
    written after they are renamed into place, so no locks are taken."""
    from urllib.parse import quote

    return f"file:{quote(str(path))}?mode=ro&immutable=1"


def _new_database(path: Path) -> sqlite3.Connection:
    """A connection for writing the new database PATH, which is renamed into place when complete:
    no journal, no waiting for the disk."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _write_citations(connection: sqlite3.Connection, store: Store) -> None:
    """Every citation in the store, by the record that makes it (and the note, when a note does)."""
    cited: list[tuple[str, Sequence[Any]]] = [
        ("sources", []), ("people", list(store.people.values())), ("offices", list(store.offices.values())),
        ("terms", store.terms), ("events", _in_store_order(store.events)), ("presidium", store.presidium),
    ]
    rows: list[tuple[str, int, int | None, str, str]] = []
    for table, records in cited:
        for row, record in enumerate(records, 1):
            for citation in getattr(record, "sources", ()):
                rows.append((table, row, None, _source_id(citation), _json(_plain(citation))))
            for number, note in enumerate(getattr(record, "notes", ()), 1):
                for citation in note.sources:
                    rows.append((table, row, number, _source_id(citation), _json(_plain(citation))))
    connection.executemany("INSERT INTO citations VALUES (?, ?, ?, ?, ?)", rows)


def _source_id(citation: Any) -> str:
    return citation if isinstance(citation, str) else str(citation.id)


def _plain(value: Any) -> Any:
    """A record as its JSON object (a record is a tuple: json would write it as an array), else VALUE."""
    if is_record(value):
        return encoder(type(value))(value)
    return value


_json = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode


def _band(span: int) -> int:
    """The band of an event whose latest day is SPAN days after its earliest."""
    for number, bound in enumerate(BANDS):
        if span <= bound:
            return number
    return len(BANDS)


def event_decoder() -> Callable[[Sequence[Any]], Event]:
    """An event from a row of EVENT_ROW: its columns, then its record's fields over them."""
    decode, loads = decoder(Event), json.loads

    def event_from_row(row: Sequence[Any]) -> Event:
        ident, when, title, summary, people, tags, sources, record = row
        data = {"id": ident, "date": when, "title": title, "summary": summary, "people": _split(people),
                "tags": _split(tags), "sources": [{"id": source} for source in _split(sources)]}
        data.update(loads(record))
        return decode(data)

    return event_from_row


class IndexedStore(Store):
    """A store read from its index: each table is read when first used, events by query.

    A database that fails while in use (which the checks at opening make unlikely) is dropped
    for the store loaded from its files, through FALLBACK: the answer never depends on it.
    WORDS, called on the first --grep, makes events_fts and events_words readable (the cache's
    index keeps them in a file of their own) and says whether it could; without it, the database
    holds them. A search without them reads every row the other filters leave and checks its text.
    """

    def __init__(self, connection: sqlite3.Connection, fallback: Callable[[], Store],
                 words: Callable[[], bool] | None = None) -> None:
        object.__setattr__(self, "_connection", connection)
        object.__setattr__(self, "_fallback_loader", fallback)
        object.__setattr__(self, "_words", words)

    @cached_property
    def _searchable(self) -> bool:
        words: Callable[[], bool] | None = self.__dict__["_words"]
        return words is None or words()

    def _rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        connection: sqlite3.Connection = self.__dict__["_connection"]
        return connection.execute(sql, parameters).fetchall()

    @cached_property
    def _loaded(self) -> Store:
        loader: Callable[[], Store] = self.__dict__["_fallback_loader"]
        return loader()

    def _read(self, read: Callable[[], T], fallback: Callable[[Store], T]) -> T:
        if "_loaded" in self.__dict__:
            return fallback(self._loaded)
        try:
            return read()
        except (sqlite3.Error, ValueError, TypeError, KeyError):
            return fallback(self._loaded)

    def _keyed(self, table: str) -> Any:
        cls, _ = _KEYED[table]
        decode = decoder(cls)
        return self._read(
            lambda: {ident: decode(json.loads(record)) for ident, record in self._rows(
                f"SELECT id, record FROM {table} ORDER BY rowid")},
            lambda store: getattr(store, table),
        )

    def _listed(self, table: str, cls: type[T]) -> tuple[T, ...]:
        decode = decoder(cls)
        return self._read(
            lambda: tuple(decode(json.loads(record)) for (record,) in self._rows(
                f"SELECT record FROM {table} ORDER BY rowid")),
            lambda store: getattr(store, table),
        )

    @cached_property
    def sources(self) -> dict[str, Source]:
        return self._keyed("sources")  # type: ignore[no-any-return]

    @cached_property
    def people(self) -> dict[str, Person]:
        return self._keyed("people")  # type: ignore[no-any-return]

    @cached_property
    def offices(self) -> dict[str, Office]:
        return self._keyed("offices")  # type: ignore[no-any-return]

    @cached_property
    def terms(self) -> tuple[Term, ...]:
        return self._listed("terms", Term)

    @cached_property
    def presidium(self) -> tuple[PresidiumSeat, ...]:
        return self._listed("presidium", PresidiumSeat)

    @cached_property
    def periods(self) -> tuple[Period, ...]:
        return self._listed("periods", Period)

    @cached_property
    def events(self) -> tuple[Event, ...]:
        event_from_row = event_decoder()
        return self._read(
            lambda: tuple(map(event_from_row, self._rows(f"SELECT {EVENT_ROW} FROM events ORDER BY rowid"))),
            lambda store: store.events,
        )

    def select_events(self, wanted: EventQuery) -> list[Event]:
        """The events WANTED asks for, reading only the rows that can match through the indexes."""
        return [event for batch in self.event_batches(wanted, 0) for event in batch]

    def event_batches(self, wanted: EventQuery, size: int) -> Iterator[list[Event]]:
        """select_events in batches of SIZE rows read (all at once for 0), each decoded when needed."""
        if "events" in self.__dict__ or "_loaded" in self.__dict__:
            yield select_events(self.events, wanted)
            return
        decode = event_decoder()
        exact = not wanted.grep and wanted.sort == "date"  # the SQL's rows are the answer, in its order
        try:
            search = bool(wanted.grep) and self._searchable
            sql, parameters = event_sql(self.__dict__["_connection"], wanted, EVENT_ROW, search=search)
            cursor = self.__dict__["_connection"].execute(sql, parameters)
            rows = cursor.fetchmany(size) if size else cursor.fetchall()
            first = list(map(decode, rows))
        except (sqlite3.Error, ValueError, TypeError, KeyError):
            yield select_events(self._loaded.events, wanted)
            return
        yield first if exact else select_events(first, wanted)
        while size and (rows := cursor.fetchmany(size)):
            batch = list(map(decode, rows))
            yield batch if exact else select_events(batch, wanted)

    def cell_batches(self, wanted: EventQuery, fields: Sequence[str], size: int) -> Iterator[list[Any]] | None:
        """The cells of FIELDS of the events WANTED asks for, straight from the events table's columns,
        SIZE rows at a time; None when the SQL alone cannot give the answer (--grep, another order)."""
        if wanted.grep or wanted.sort != "date" or "events" in self.__dict__ or "_loaded" in self.__dict__:
            return None
        connection: sqlite3.Connection = self.__dict__["_connection"]
        try:
            sql, parameters = event_sql(connection, wanted, ", ".join(event_column(field) for field in fields))
            cursor = connection.execute(sql, parameters)
            first = cursor.fetchmany(size)
        except sqlite3.Error:
            return None

        def batches() -> Iterator[list[Any]]:
            rows = first
            yield rows
            while rows := cursor.fetchmany(size):
                yield rows

        return batches()

    def event_by_id(self, ident: str) -> Event | None:
        decode = event_decoder()

        def read() -> Event | None:
            rows = self._rows(f"SELECT {EVENT_ROW} FROM events WHERE id = ?", (ident,))
            return decode(rows[0]) if rows else None

        return self._read(read, lambda store: next((event for event in store.events if event.id == ident), None))

    def tags(self) -> list[str]:
        return self._read(
            lambda: [tag for (tag,) in self._rows("SELECT DISTINCT tag FROM event_tags ORDER BY tag")],
            lambda store: sorted({tag for event in store.events for tag in event.tags}),
        )


def event_sql(connection: sqlite3.Connection, wanted: EventQuery, columns: str = EVENT_ROW,
              *, search: bool = True) -> tuple[str, list[Any]]:
    """SQL for COLUMNS of a superset of the events WANTED asks for (exact unless it greps), in the store's order.

    SEARCH: look the text --grep seeks up in events_fts (without it, no row is left out for the text).

    The rows are then filtered, sorted and cut by query.select_events, as in memory, so that
    both paths give the same answer; the SQL only spares reading the rows that cannot match.
    """
    clauses: list[str] = []
    parameters: list[Any] = []
    if wanted.span.start is not None or wanted.span.end is not None:
        first, last = wanted.span.first, wanted.span.last
        parts = []
        for number, bound in enumerate(BANDS):
            parts.append("SELECT rowid FROM events WHERE band = ? AND earliest BETWEEN ? AND ? AND latest >= ?")
            parameters += [number, _days_before(first, bound).isoformat(), last.isoformat(), first.isoformat()]
        parts.append("SELECT rowid FROM events WHERE band = ? AND earliest <= ? AND latest >= ?")
        parameters += [len(BANDS), last.isoformat(), first.isoformat()]
        clauses.append(f"rowid IN ({' UNION ALL '.join(parts)})")
    for column, table, values in (("person", "event_people", wanted.people), ("tag", "event_tags", wanted.tags)):
        if values:
            clauses.append(f"rowid IN (SELECT event FROM {table} WHERE {column} IN ({', '.join('?' * len(values))}))")
            parameters += list(values)
    found = search_clause(connection, fold(wanted.grep)) if wanted.grep and search else None
    if found is not None:
        clauses.append(found[0])
        parameters += found[1]
    sql = f"SELECT {columns} FROM events" + (f" WHERE {' AND '.join(clauses)}" if clauses else "")
    sql += " ORDER BY rowid" + (" DESC" if wanted.reverse else "")
    if wanted.limit is not None and wanted.sort == "date" and not wanted.grep:
        sql += " LIMIT ?"
        parameters.append(min(wanted.limit, SQLITE_LARGEST))  # --limit may be any size; SQLite's are 64-bit
    return sql, parameters


SQLITE_LARGEST = 2**63 - 1

# events_fts holds each event's folded title and summary, split into words by FTS5's ascii
# tokenizer: a word is a run of ASCII letters and digits and of any other characters but ASCII ones.
# The class names the ASCII characters it leaves out: written as [A-Za-z0-9\x80-\U0010ffff], the
# same set took 5 ms to compile, on every command that reads the index.
_WORD = re.compile(r"[^\x00-/:-@\[-`{-\x7f]+")
WORDS_PER_PART = 500  # a part of the text sought that is in more words than this is not looked up


def search_clause(connection: sqlite3.Connection, needle: str) -> tuple[str, list[Any]] | None:
    """A condition on events for a superset of those whose folded text contains NEEDLE (folded).

    Each run of word characters in NEEDLE lies inside one word of any text that contains NEEDLE,
    so such an event holds, for each run, one of the store's words that contain the run.
    """
    alternatives = []
    for part in dict.fromkeys(_WORD.findall(needle)):
        words = [word for (word,) in connection.execute(
            "SELECT term FROM events_words WHERE instr(term, ?) > 0 LIMIT ?", (part, WORDS_PER_PART + 1))]
        if not words:
            return "0", []  # no word of the store holds this part: no event can match
        if len(words) <= WORDS_PER_PART:
            alternatives.append("(" + " OR ".join(f'"{word}"' for word in words) + ")")
    if not alternatives:
        return None
    return "rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", [" AND ".join(alternatives)]


def _days_before(day: date, days: int) -> date:
    return day - timedelta(days=days) if day.toordinal() > days else date.min

