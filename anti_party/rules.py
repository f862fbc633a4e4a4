"""The store's rules beyond keys and types, as docs/store.md states them ("What `apg check` checks").

store.py reads every table and converts each value to its type; these rules then judge the
converted values, alone and across entries. Each problem is reported against the entry and
key it concerns, so that it carries the file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any, Protocol

from anti_party.dates import EdtfDate
from anti_party.errors import clipped, close_matches, quoted

TITLE_LIMIT = 70  # characters in an event's title
FIRST_YEAR, LAST_YEAR = 1, 9999  # the calendar of every date, and of a source's year
TAGS = (
    "beria", "congress", "crisis", "de-stalinization", "economy", "epilogue", "exile", "expulsion", "foreign",
    "military", "plenum", "presidium", "publication", "rehabilitation", "security", "succession",
)  # the vocabulary of docs/store.md, "Tags"; a test keeps the two equal


class Entry(Protocol):
    """What the rules need of a store entry: its table, id, place and converted values."""

    table: str
    ident: str
    path: Path
    values: dict[str, Any]

    @property
    def line(self) -> int | None: ...  # worked out only when asked (anti_party.store._Lines)


Report = Callable[[Any, "str | None", str], None]  # (entry, key, message)


def check_rules(entries: Sequence[Entry], report: Report, warn: Report) -> None:
    """Report every broken rule; WARN gets what `apg check` warns about (problems only with --strict)."""
    for entry in entries:
        _entry_rules(entry, report)
        _tags_from_the_vocabulary(entry, warn)
    _ids_shared_by_sources_people_and_offices(entries, report)
    _terms_do_not_overlap([e for e in entries if e.table == "terms"], report)
    _one_seat_each([e for e in entries if e.table == "presidium"], report)
    _every_source_cited(entries, warn)


def _entry_rules(entry: Entry, report: Report) -> None:
    values = entry.values
    if entry.table == "events":
        title = values.get("title")
        if isinstance(title, str) and len(title) > TITLE_LIMIT:
            report(entry, "title", f"is {len(title)} characters long; an event's title has at most {TITLE_LIMIT}")
    year = values.get("year") if entry.table == "sources" else None
    if isinstance(year, int) and not FIRST_YEAR <= year <= LAST_YEAR:
        report(entry, "year", f"{clipped(year)} is not a year from {FIRST_YEAR} to {LAST_YEAR}")
    if entry.table == "terms":
        for key in ("from", "to"):
            when = values.get(key)
            if isinstance(when, EdtfDate) and when.end is not None:
                report(entry, key, f"{quoted(when.text)} is an interval; a term's {key} is a single date")
    interval_key = {"offices": "existed", "periods": "date"}.get(entry.table)
    interval = values.get(interval_key) if interval_key else None
    if interval_key and isinstance(interval, EdtfDate) and interval.end is None:
        report(entry, interval_key, f"{quoted(interval.text)} must be an interval, START/END")


def _tags_from_the_vocabulary(entry: Entry, warn: Report) -> None:
    """A warning, not a problem: a store of one's own may need a tag of its own."""
    tags = entry.values.get("tags") if entry.table == "events" else None
    if not tags or _TAG_SET.issuperset(tags):
        return
    for tag in tags:
        if tag not in _TAG_SET:
            close = close_matches(tag, list(TAGS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            warn(entry, "tags", f"{quoted(tag)} is not in the tag vocabulary of docs/store.md{hint}")


_TAG_SET = frozenset(TAGS)


def _span(entry: Entry) -> tuple[date, date] | None:
    start, end = entry.values.get("from"), entry.values.get("to")
    if not isinstance(start, EdtfDate):
        return None
    return start.earliest, end.latest if isinstance(end, EdtfDate) else date.max


def _where(entry: Entry) -> str:
    return f"{entry.path}:{entry.line}" if entry.line else str(entry.path)


_ONE_OF = {"sources": "a source", "people": "a person", "offices": "an office"}


def _ids_shared_by_sources_people_and_offices(entries: Sequence[Entry], report: Report) -> None:
    """Sources, people and offices draw their ids from one set, so that an id names one thing.

    A second entry of the same table is reported by the loader ("is defined twice").
    """
    first: dict[str, Entry] = {}
    for entry in entries:
        if entry.table in _ONE_OF:
            other = first.setdefault(entry.ident, entry)
            if other.table != entry.table:
                report(entry, None, f"is also the id of {_ONE_OF[other.table]} ({_where(other)}); "
                       "sources, people and offices share one set of ids")


def _terms_do_not_overlap(terms: Iterable[Entry], report: Report) -> None:
    """Terms of one office must not overlap: a handover's outgoing term ends the day before the incoming one."""
    by_office: dict[str, list[tuple[date, date, Entry]]] = {}
    for term in terms:
        span = _span(term)
        office = term.values.get("office")
        if span is not None and isinstance(office, str):
            by_office.setdefault(office, []).append((*span, term))
    for spans in by_office.values():
        spans.sort(key=lambda span: (span[0], span[1]))
        latest: tuple[date, Entry] | None = None
        for first, last, term in spans:
            if latest is not None and first <= latest[0]:
                other = latest[1]
                report(term, "from", f"overlaps the term of {other.values.get('person')} from "
                       f"{other.values['from'].text} ({_where(other)}): terms of one office must not overlap")
            if latest is None or last > latest[0]:
                latest = (last, term)


def _one_seat_each(seats: Iterable[Entry], report: Report) -> None:
    first_seat: dict[str, Entry] = {}
    for seat in seats:
        person = seat.values.get("person")
        if not isinstance(person, str):
            continue
        first = first_seat.setdefault(person, seat)
        if first is not seat:
            report(seat, "person", f"has a second seat in the Presidium; the first is at {_where(first)}")


def _every_source_cited(entries: Sequence[Entry], warn: Report) -> None:
    """No record cited by nothing: a warning, since a store added with --store may cite the packaged one's."""
    cited: set[str] = set()
    source_id = attrgetter("id")
    for entry in entries:
        values = entry.values
        cited.update(map(source_id, values.get("sources") or ()))
        for note in values.get("notes") or ():
            cited.update(map(source_id, note.sources))
    for entry in entries:
        if entry.table == "sources" and entry.ident not in cited:
            warn(entry, None, "is cited by nothing; cite it or remove it")
