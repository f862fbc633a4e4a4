"""The output contract: every record shape, built here once from query results, for every machine format.

Shapes (each with a JSON Schema in docs/schema/): an event, a person (a profile), a person row (apg
people), a term, the state of power (apg on) with its holdings, changes and seats, a tag, a source.
The rules, for every shape and format:

* A field has one name wherever it appears (a person's id is `person` beside an office, `id` in a
  person's own record; an office's title is `office_title`; a term runs `from` .. `to`).
* Missing is null in JSON and an empty cell in TSV and CSV; an empty list is [] and an empty cell.
* TSV and CSV give the same columns in the same order (the shape's FIELDS, or --fields for events).
* Nothing here queries the store beyond looking up a name or a title for an id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from anti_party.choices import EVENT_FIELDS
from anti_party.dates import EdtfDate
from anti_party.model import Citation, Event, Note, Profile, Source, Store, Term
from anti_party.query import Change, Holding, OfficeTerms, PersonRow, PowerReport, SourceUse, TagCount

TERM_FIELDS = ("office", "office_title", "person", "name", "from", "to", "sources", "notes")
PERSON_ROW_FIELDS = ("id", "name", "born", "died", "rank", "side", "offices")
TAG_FIELDS = ("tag", "events")
SOURCE_FIELDS = ("id", "type", "kind", "authors", "title", "container", "year", "url", "events", "terms", "people",
                 "presidium")
HOLDING_FIELDS = ("office", "office_title", "person", "name", "from", "to")
CHANGE_FIELDS = ("date", "office", "office_title", "outgoing", "outgoing_name", "incoming", "incoming_name")
SEAT_FIELDS = ("person", "name", "rank", "side", "sources", "notes")
# apg on -f tsv: one row per fact, its kind first, then these fields of its record.
POWER_TSV_FIELDS = {
    "office": ("office", "person", "from", "to"),
    "change": ("date", "office", "outgoing", "incoming"),
    "presidium": ("person", "rank", "side"),
    "event": ("relation", "date", "id", "title"),
}

TITLE = "Timeline of the Soviet Anti-Party Group"
SIDE_WORDS = {"group": "with the group", "khrushchev": "with Khrushchev", "wavered": "wavered"}
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and newline
_SPACES = re.compile(r"\s*[\t\r\n]\s*")


def plain(text: str) -> str:
    """Text on one line: control characters (e.g. ANSI escapes) dropped, line breaks and tabs made spaces."""
    return _SPACES.sub(" ", _CONTROLS.sub("", text)).strip()


def names(store: Store, ids: Iterable[str]) -> str:
    return ", ".join(name_of(store, ident) or ident for ident in ids)


def name_of(store: Store, person: str | None) -> str | None:
    return None if person is None else store.people[person].name if person in store.people else person


def cited(ids: Iterable[str]) -> list[str]:
    """Source ids in order of first citation, without repeats."""
    return list(dict.fromkeys(ids))


def event_sources(event: Event) -> list[Citation]:
    """The citations of an event, its own first, then those its notes add; once each."""
    return list(dict.fromkeys([*event.sources, *(c for note in event.notes for c in note.sources)]))


def note_line(note: Note) -> str:
    """A note as one line of text with its sources: "Note: TEXT (Sources: a, b p. 5)"."""
    return f"Note: {note.text}" + (f" (Sources: {', '.join(map(str, note.sources))})" if note.sources else "")


def written_out(store: Store, citation: Citation) -> str:
    """A cited source in full (Chicago style) with the locator: "Taubman, William. ... 2003. (p. 312)"."""
    if citation.id not in store.sources:
        return str(citation)
    return reference(store.sources[citation.id]) + (f" ({citation.locator})" if citation.locator else "")


def reference(source: Source) -> str:
    """A source written out in full (Chicago style), for formats that list their sources."""
    from anti_party.cite import format_citation

    return format_citation(source, "chicago")


def notes_record(notes: Sequence[Note]) -> list[dict[str, Any]]:
    return [{"text": note.text, "sources": citations(note.sources)} for note in notes]


def citations(cited: Sequence[Citation]) -> list[dict[str, Any]]:
    """Citations as plain data: the source id and the locator keys, null where the store gives none."""
    return [{"id": c.id, "pages": c.pages, "section": c.section, "document": c.document} for c in cited]


def _text(value: str | None) -> str | None:
    return value or None


class Records(NamedTuple):  # a NamedTuple, as the model's records (anti_party.model)
    """Rows of one shape under its fields, in column order: what tsv, csv, json, jsonl and tables print."""

    shape: str
    fields: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]


# ---------------------------------------------------------------- events


def event_record(event: Event, fields: Sequence[str] = EVENT_FIELDS) -> dict[str, Any]:
    """An event as plain data: the event shape, or the FIELDS of it (only those are worked out)."""
    return {field: _EVENT_VALUES[field](event) for field in fields}


_EVENT_VALUES: dict[str, Callable[[Event], Any]] = {
    "id": lambda event: event.id,
    "date": lambda event: event.date.text,
    "start": lambda event: event.date.earliest.isoformat(),
    "end": lambda event: event.date.latest.isoformat(),
    "precision": lambda event: event.date.precision,
    "approximate": lambda event: event.date.approximate,
    "uncertain": lambda event: event.date.uncertain,
    "title": lambda event: event.title,
    "summary": lambda event: _text(event.summary),
    "people": lambda event: list(event.people),
    "tags": lambda event: list(event.tags),
    "sources": lambda event: citations(event.sources),
    "notes": lambda event: notes_record(event.notes),
}


def cell(value: Any) -> str:
    """A value of a record as TSV and CSV write it: null is empty, booleans are true/false, lists are joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if value and isinstance(value[0], dict) and "text" in value[0]:  # notes: their texts; sources in "sources"
            return " | ".join(item["text"] for item in value)
        if value and isinstance(value[0], dict):  # citations: the id, then the locator where there is one
            return ",".join(str(Citation(**item)) for item in value)
        return ",".join(value)
    return "" if value is None else str(value)


def event_cells(event: Event, dates: dict[int, tuple[Any, ...]] | None = None) -> list[str]:
    """An event's fields (EVENT_FIELDS) as TSV and CSV write them; TSV then makes tabs and line breaks spaces.

    The index keeps these in columns, so that a listing in TSV is read without decoding events.
    They are cell(event_record(event)[field]), worked out directly (the index is written
    100,000 events at a time); tests/test_cells.py keeps the two equal.
    """
    return [
        event.id, *date_cells(event.date, dates), event.title, event.summary,
        ",".join(event.people), ",".join(event.tags), ",".join(map(str, event.sources)),
        " | ".join(note.text for note in event.notes),
    ]


def date_cells(when: EdtfDate, dates: dict[int, tuple[Any, ...]] | None = None) -> tuple[str, ...]:
    """The cells of an event's date, start, end, precision, approximate and uncertain.

    DATES, when given, keeps them by date object (the loader gives events of one date text
    the same object), so that a store's events of one day work them out once.
    """
    known = dates.get(id(when)) if dates is not None else None
    if known is not None:
        return known[1]  # type: ignore[no-any-return]
    cells = (when.text, when.earliest.isoformat(), when.latest.isoformat(), when.precision,
             "true" if when.approximate else "false", "true" if when.uncertain else "false")
    if dates is not None:
        dates[id(when)] = (when, cells)  # the date is kept, so its id is not given to another object
    return cells


def select(record: dict[str, Any], fields: Sequence[str] | None) -> dict[str, Any]:
    return record if fields is None else {field: record[field] for field in fields}


def event_records(events: Iterable[Event], fields: Sequence[str] | None = None) -> Records:
    """Events under --fields, else every field (JSON) in the shape's order."""
    chosen = tuple(fields or EVENT_FIELDS)
    return Records("event", chosen, tuple(event_record(event, chosen) for event in events))


# ---------------------------------------------------------------- people, terms


def term_record(term: Term, store: Store) -> dict[str, Any]:
    return {
        "office": term.office,
        "office_title": store.offices[term.office].title if term.office in store.offices else None,
        "person": term.person,
        "name": name_of(store, term.person),
        "from": term.start.text,
        "to": term.end.text if term.end else None,
        "sources": citations(term.sources),
        "notes": notes_record(term.notes),
    }


def term_records(chart: OfficeTerms, store: Store) -> Records:
    """The terms of `apg offices`, by office (in the asked order), then by start."""
    return Records("term", TERM_FIELDS, tuple(term_record(term, store) for term in chart.all()))


def person_record(profile: Profile, store: Store, fields: Sequence[str] | None = None) -> dict[str, Any]:
    """A person's profile: the person shape; FIELDS pick the fields of its events."""
    person, seat = profile.person, profile.seat
    return {
        "id": person.id,
        "name": person.name,
        "full_name": person.full_name,
        "native": person.native,
        "born": person.born.text if person.born else None,
        "died": person.died.text if person.died else None,
        "aliases": list(person.aliases),
        "summary": _text(person.summary),
        "later": _text(person.later),
        "rank": seat.rank if seat else None,
        "side": seat.side if seat else None,
        "sources": citations(person.sources),
        "notes": notes_record(person.notes),
        "terms": [term_record(term, store) for term in profile.terms],
        "events": [select(event_record(event), fields) for event in profile.events],
    }


def person_row_record(row: PersonRow) -> dict[str, Any]:
    person = row.person
    return {
        "id": person.id,
        "name": person.name,
        "born": person.born.text if person.born else None,
        "died": person.died.text if person.died else None,
        "rank": row.seat.rank if row.seat else None,
        "side": row.seat.side if row.seat else None,
        "offices": list(row.offices),
    }


def people_records(rows: Iterable[PersonRow]) -> Records:
    return Records("person-row", PERSON_ROW_FIELDS, tuple(person_row_record(row) for row in rows))


# ---------------------------------------------------------------- tags, sources


def tag_records(counts: Iterable[TagCount]) -> Records:
    return Records("tag", TAG_FIELDS, tuple({"tag": count.tag, "events": count.events} for count in counts))


def source_record(use: SourceUse) -> dict[str, Any]:
    source = use.source
    return {
        "id": source.id,
        "type": source.type,
        "kind": source.kind,
        "authors": list(source.authors),
        "title": source.title,
        "container": source.container,
        "year": source.year,
        "url": source.url,
        "events": use.events,
        "terms": use.terms,
        "people": use.people,
        "presidium": use.presidium,
    }


def source_records(uses: Iterable[SourceUse]) -> Records:
    return Records("source", SOURCE_FIELDS, tuple(source_record(use) for use in uses))


# ---------------------------------------------------------------- the state of power


def holding_record(holding: Holding, store: Store) -> dict[str, Any]:
    term = holding.term
    return {
        "office": holding.office,
        "office_title": store.offices[holding.office].title,
        "person": term.person if term else None,
        "name": name_of(store, term.person) if term else None,
        "from": term.start.text if term else None,
        "to": term.end.text if term and term.end else None,
    }


def change_record(change: Change, store: Store) -> dict[str, Any]:
    return {
        "date": change.day.isoformat(),
        "office": change.office,
        "office_title": store.offices[change.office].title,
        "outgoing": change.outgoing,
        "outgoing_name": name_of(store, change.outgoing),
        "incoming": change.incoming,
        "incoming_name": name_of(store, change.incoming),
    }


def power_record(report: PowerReport, store: Store) -> dict[str, Any]:
    """The state of power (apg on) as plain data: the power shape."""
    return {
        "date": report.when.text,
        "start": report.when.earliest.isoformat(),
        "end": report.when.latest.isoformat(),
        "offices": [holding_record(holding, store) for holding in report.holdings],
        "changes": [change_record(change, store) for change in report.changes],
        "presidium": [
            {"person": seat.person, "name": name_of(store, seat.person), "rank": seat.rank, "side": seat.side,
             "sources": citations(seat.sources), "notes": notes_record(seat.notes)}
            for seat in report.presidium
        ],
        "events": [{"relation": near.relation, **event_record(near.event)} for near in report.events],
    }


def power_rows(report: PowerReport, store: Store) -> list[tuple[str, dict[str, Any]]]:
    """The state of power as (kind, record) rows: offices, changes, Presidium seats, events."""
    record = power_record(report, store)
    return [(kind, row) for kind, key in (("office", "offices"), ("change", "changes"), ("presidium", "presidium"),
                                          ("event", "events"))
            for row in record[key]]
