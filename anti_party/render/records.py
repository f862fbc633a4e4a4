"""Plain data and plain text made from the store, shared by the output formats."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from anti_party.model import Event, Note, Profile, Source, Store
from anti_party.query import OfficeSpan, PowerReport, terms_between, terms_of

EVENT_FIELDS = (
    "id", "date", "start", "end", "precision", "approximate", "uncertain",
    "title", "summary", "people", "tags", "sources", "notes",
)
TSV_FIELDS = ("date", "start", "end", "id", "title", "people", "tags")


TITLE = "Timeline of the Soviet Anti-Party Group"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and newline
_SPACES = re.compile(r"\s*[\t\r\n]\s*")


def plain(text: str) -> str:
    """Text on one line: control characters (e.g. ANSI escapes) dropped, line breaks and tabs made spaces."""
    return _SPACES.sub(" ", _CONTROLS.sub("", text)).strip()


def names(store: Store, ids: Iterable[str]) -> str:
    return ", ".join(store.people[ident].name if ident in store.people else ident for ident in ids)


def cited(ids: Iterable[str]) -> list[str]:
    """Source ids in order of first citation, without repeats."""
    return list(dict.fromkeys(ids))


def reference(source: Source) -> str:
    """A source written out in full (Chicago style), for formats that list their sources."""
    from anti_party.cite import format_citation

    return format_citation(source, "chicago")


def _notes(notes: Sequence[Note]) -> list[dict[str, Any]]:
    return [{"text": note.text, "sources": list(note.sources)} for note in notes]


def event_record(event: Event) -> dict[str, Any]:
    """An event as plain data: the schema of the json, jsonl, tsv and csv formats."""
    return {
        "id": event.id,
        "date": event.date.text,
        "start": event.date.earliest.isoformat(),
        "end": event.date.latest.isoformat(),
        "precision": event.date.precision,
        "approximate": event.date.approximate,
        "uncertain": event.date.uncertain,
        "title": event.title,
        "summary": event.summary,
        "people": list(event.people),
        "tags": list(event.tags),
        "sources": list(event.sources),
        "notes": _notes(event.notes),
    }


def profile_record(profile: Profile, store: Store) -> dict[str, Any]:
    person = profile.person
    return {
        "id": person.id,
        "name": person.name,
        "full_name": person.full_name,
        "native": person.native,
        "born": person.born.text if person.born else None,
        "died": person.died.text if person.died else None,
        "aliases": list(person.aliases),
        "summary": person.summary,
        "later": person.later,
        "sources": list(person.sources),
        "notes": _notes(person.notes),
        "terms": [
            {
                "office": term.office,
                "title": store.offices[term.office].title,
                "from": term.start.text,
                "to": term.end.text if term.end else None,
                "sources": list(term.sources),
                "notes": _notes(term.notes),
            }
            for term in profile.terms
        ],
        "events": [event_record(event) for event in profile.events],
    }


def power_record(report: PowerReport, store: Store) -> dict[str, Any]:
    """The state of power (apg on) as plain data: the schema of its json format."""

    def person(ident: str | None) -> dict[str, str] | None:
        return None if ident is None else {"id": ident, "name": store.people[ident].name}

    return {
        "date": report.when.text,
        "start": report.when.earliest.isoformat(),
        "end": report.when.latest.isoformat(),
        "offices": [
            {
                "office": holding.office,
                "title": store.offices[holding.office].title,
                "holder": person(holding.term.person if holding.term else None),
                "from": holding.term.start.text if holding.term else None,
                "to": holding.term.end.text if holding.term and holding.term.end else None,
            }
            for holding in report.holdings
        ],
        "changes": [
            {"date": change.day.isoformat(), "office": change.office,
             "outgoing": person(change.outgoing), "incoming": person(change.incoming)}
            for change in report.changes
        ],
        "presidium": [
            {"person": seat.person, "name": store.people[seat.person].name, "rank": seat.rank, "side": seat.side}
            for seat in report.presidium
        ],
        "events": [{"relation": near.relation, **event_record(near.event)} for near in report.events],
    }


TERM_FIELDS = ("office", "office_title", "person", "name", "from", "to", "sources")


def term_rows(store: Store, span: OfficeSpan) -> list[dict[str, Any]]:
    """The terms overlapping the span as plain records, by office (in the given order) then start."""
    return [
        {
            "office": term.office,
            "office_title": store.offices[term.office].title,
            "person": term.person,
            "name": store.people[term.person].name,
            "from": term.start.text,
            "to": term.end.text if term.end else None,
            "sources": list(term.sources),
        }
        for office in span.offices
        for term in terms_between(store, office, span.start, span.end)
    ]


@dataclass(frozen=True)
class Records:
    """A flat listing (people, tags, sources): rows of plain values under named fields."""

    fields: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]


def people_records(store: Store, sort: str) -> Records:
    seats = {seat.person: seat for seat in store.presidium}
    rows = []
    for person in store.people.values():
        seat = seats.get(person.id)
        rows.append({
            "id": person.id,
            "name": person.name,
            "born": person.born.text if person.born else "",
            "died": person.died.text if person.died else "",
            "presidium": seat.rank if seat else "",
            "side": seat.side if seat else "",
            "offices": list(dict.fromkeys(term.office for term in terms_of(store, person.id))),
        })
    orders = {"id": ("id",), "name": ("name", "id"), "born": ("born", "id")}
    rows.sort(key=lambda row: tuple(row[key] for key in orders[sort]))
    return Records(tuple(rows[0]) if rows else ("id",), tuple(rows))


def tag_records(store: Store) -> Records:
    counts = Counter(tag for event in store.events for tag in event.tags)
    rows = tuple({"tag": tag, "events": count} for tag, count in sorted(counts.items()))
    return Records(("tag", "events"), rows)


def source_records(store: Store) -> Records:
    events = Counter(ident for event in store.events for ident in set(event.sources))
    terms = Counter(ident for term in store.terms for ident in set(term.sources))
    people = Counter(ident for person in store.people.values() for ident in set(person.sources))
    rows = tuple(
        {"id": source.id, "kind": source.kind, "authors": list(source.authors), "title": source.title,
         "year": source.year or "", "events": events[source.id], "terms": terms[source.id],
         "people": people[source.id]}
        for source in sorted(store.sources.values(), key=lambda source: source.id)
    )
    return Records(("id", "kind", "authors", "title", "year", "events", "terms", "people"), rows)
