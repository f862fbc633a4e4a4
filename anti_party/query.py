"""Filters, sorting and look-ups over a loaded store: pure functions, no I/O."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from anti_party.dates import EdtfDate, sort_key, spans_overlap
from anti_party.model import Event, Person, PresidiumSeat, Profile, Source, Store, Term
from anti_party.store import close_matches

SORT_KEYS = ("date", "title", "id")


class QueryError(ValueError):
    """A query that contradicts itself (a usage problem)."""


class LookupFailed(LookupError):
    """A name or id that matches nothing, or more than one thing."""

    def __init__(self, *messages: str) -> None:
        super().__init__(*messages)
        self.messages = messages


@dataclass(frozen=True)
class DateRange:
    """Inclusive day bounds; None is open."""

    start: date | None = None
    end: date | None = None

    @property
    def first(self) -> date:
        return self.start or date.min

    @property
    def last(self) -> date:
        return self.end or date.max

    def overlaps(self, when: EdtfDate) -> bool:
        return spans_overlap(self.first, self.last, when.earliest, when.latest)

    def overlaps_days(self, other: DateRange) -> bool:
        return spans_overlap(self.first, self.last, other.first, other.last)


def date_range(start: EdtfDate | None, end: EdtfDate | None, on: EdtfDate | None) -> DateRange:
    """--from START --to END, or --on DAY: each a period, so --to 1957 ends on 31 December."""
    if on is not None:
        if start is not None or end is not None:
            raise QueryError("--on cannot be combined with --from or --to")
        return DateRange(on.earliest, on.latest)
    if start is not None and end is not None and start.earliest > end.latest:
        raise QueryError(f"--from {start.text!r} is after --to {end.text!r}")
    return DateRange(start.earliest if start else None, end.latest if end else None)


@dataclass(frozen=True)
class EventQuery:
    span: DateRange = DateRange()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    grep: str | None = None
    sort: str = "date"
    reverse: bool = False
    limit: int | None = None


def select_events(events: Iterable[Event], query: EventQuery) -> list[Event]:
    needle = fold(query.grep) if query.grep else None
    chosen = [
        event
        for event in events
        if query.span.overlaps(event.date)
        and (not query.people or set(query.people) & set(event.people))
        and (not query.tags or set(query.tags) & set(event.tags))
        and (needle is None or needle in fold(event.title) or needle in fold(event.summary))
    ]
    chosen.sort(key=lambda event: _SORTERS[query.sort](event), reverse=query.reverse)
    return chosen if query.limit is None else chosen[: query.limit]


def event_order(event: Event) -> tuple[date, date, str]:
    return sort_key(event.date, event.id)


_SORTERS: dict[str, Callable[[Event], Any]] = {
    "date": event_order,
    "title": lambda event: (event.title.casefold(), *event_order(event)),
    "id": lambda event: event.id,
}


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching names ("Хрущёв" ~ "хрущев")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _person_names(person: Person) -> list[str]:
    names = [person.id, person.name, *person.aliases]
    names += [name for name in (person.full_name, person.native) if name]
    return names


def find_person(store: Store, name: str) -> Person:
    """Match an id, name, surname, alias or Cyrillic name; a unique prefix is enough."""
    wanted = fold(name.strip())
    exact: set[str] = set()
    prefix: set[str] = set()
    for person in store.people.values():
        for candidate in _person_names(person):
            whole = fold(candidate)
            words = [whole, *whole.replace("-", " ").split()]
            if wanted in words:
                exact.add(person.id)
            elif wanted and any(word.startswith(wanted) for word in words):
                prefix.add(person.id)
    found = exact or prefix
    if len(found) == 1:
        return store.people[found.pop()]
    if found:
        listed = ", ".join(f"{ident} ({store.people[ident].name})" for ident in sorted(found))
        raise LookupFailed(f"{name!r} matches more than one person: {listed}")
    raise LookupFailed(f"no person matches {name!r}{_suggest(wanted, _person_keys(store))}")


def _person_keys(store: Store) -> dict[str, str]:
    keys: dict[str, str] = {}
    for person in store.people.values():
        for candidate in _person_names(person):
            for word in [candidate, *candidate.split()]:
                keys.setdefault(fold(word), person.id)
    return keys


def _suggest(wanted: str, keys: dict[str, str]) -> str:
    close = close_matches(wanted, list(keys), n=5, cutoff=0.7)
    ids = list(dict.fromkeys(keys[key] for key in close))[:3]
    return f"; did you mean {' or '.join(ids)}?" if ids else ""


def find_event(store: Store, ident: str) -> Event:
    for event in store.events:
        if event.id == ident:
            return event
    suggestion = _suggest(ident, {event.id: event.id for event in store.events})
    raise LookupFailed(f"no event has the id {ident!r}{suggestion}")


def ids_from_lines(lines: Iterable[str], known: Collection[str]) -> list[str]:
    """Ids from text, one per line, or from TSV lines such as `apg timeline -f tsv` prints.

    In a TSV line the id is the first field that is a known id (the date comes first in
    apg's own TSV), else the first field, which is then reported as unknown.
    """
    ids = []
    for line in lines:
        fields = [field.strip() for field in line.rstrip("\r\n").split("\t")]
        if any(fields):
            ids.append(next((field for field in fields if field in known), fields[0]))
    return list(dict.fromkeys(ids))


def terms_between(store: Store, office: str, start: date, end: date) -> list[Term]:
    """The terms of OFFICE that overlap START..END, in order."""
    span = DateRange(start, end)
    found = [term for term in store.terms if term.office == office and span.overlaps_days(term_span(term))]
    return sorted(found, key=lambda term: term.start.earliest)


def term_span(term: Term) -> DateRange:
    return DateRange(term.start.earliest, term.end.latest if term.end else None)


@dataclass(frozen=True)
class OfficeSpan:
    """What `apg offices` charts: these offices from START to END."""

    start: date
    end: date
    offices: tuple[str, ...]


STORE_PERIOD = DateRange(date(1953, 3, 5), date(1961, 12, 31))


def office_span(start: EdtfDate | None, end: EdtfDate | None, offices: tuple[str, ...]) -> OfficeSpan:
    """The chart's span: the asked dates as periods, by default the store's period 1953-1961."""
    first = start.earliest if start else STORE_PERIOD.first
    last = end.latest if end else STORE_PERIOD.last
    if first > last:
        raise QueryError(f"--from {start.text if start else first} is after --to {end.text if end else last}")
    return OfficeSpan(first, last, offices)


def sources_for(store: Store, ids: Sequence[str]) -> list[Source]:
    """The sources named by ids: a source id, or an event id standing for its sources."""
    events = {event.id: event for event in store.events}
    known = {ident: ident for ident in [*events, *store.sources]}
    chosen: dict[str, Source] = {}
    missing = []
    for ident in ids:
        if ident in store.sources:
            chosen.setdefault(ident, store.sources[ident])
        elif ident in events:
            chosen.update((s, store.sources[s]) for s in events[ident].sources if s not in chosen)
        else:
            missing.append(f"no source or event has the id {ident!r}{_suggest(ident, known)}")
    if missing:
        raise LookupFailed(*missing)
    return list(chosen.values())


def profile(store: Store, person_id: str) -> Profile:
    """A person with their offices and events."""
    events = select_events(store.events, EventQuery(people=(person_id,)))
    return Profile(store.people[person_id], tuple(terms_of(store, person_id)), tuple(events))


def terms_of(store: Store, person_id: str) -> list[Term]:
    return sorted((t for t in store.terms if t.person == person_id), key=lambda t: (t.start.earliest, t.office))



# --- the state of power on a day, a month or a year (apg on) ---

# The store's [[presidium]] table describes the Presidium between Kozlov's election as a
# candidate (14 February 1957) and the plenum that remade it (29 June 1957).
PRESIDIUM_SPAN = DateRange(date(1957, 2, 14), date(1957, 6, 29))


def term_covers(term: Term, day: date) -> bool:
    """A term covers its first and last day; on a handover the incoming holder holds the day."""
    span = term_span(term)
    return span.first <= day <= span.last


@dataclass(frozen=True)
class Holding:
    office: str
    term: Term | None  # None: the office existed but the store names no holder that day


@dataclass(frozen=True)
class Change:
    day: date
    office: str
    outgoing: str | None
    incoming: str | None


@dataclass(frozen=True)
class NearbyEvent:
    event: Event
    relation: str  # before, during or after the asked span


@dataclass(frozen=True)
class PowerReport:
    when: EdtfDate
    holdings: tuple[Holding, ...]
    changes: tuple[Change, ...]
    presidium: tuple[PresidiumSeat, ...]
    events: tuple[NearbyEvent, ...]


def holders_on(store: Store, day: date) -> list[Holding]:
    holdings = []
    for office in store.offices.values():
        if office.existed is not None and not office.existed.earliest <= day <= office.existed.latest:
            continue
        term = next((t for t in store.terms if t.office == office.id and term_covers(t, day)), None)
        holdings.append(Holding(office.id, term))
    return holdings


def changes_within(store: Store, start: date, end: date) -> list[Change]:
    """Every day after START and up to END on which an office's holder differs from the day before."""
    changes = []
    starts = {term.start.earliest for term in store.terms}
    days = sorted(starts | {term.end.latest + timedelta(days=1) for term in store.terms if term.end})
    for day in (d for d in days if start < d <= end):
        before = {h.office: h.term.person if h.term else None for h in holders_on(store, day - timedelta(days=1))}
        after = {h.office: h.term.person if h.term else None for h in holders_on(store, day)}
        for office in store.offices:
            if before.get(office) != after.get(office):
                changes.append(Change(day, office, before.get(office), after.get(office)))
    return changes


def state_of_power(store: Store, when: EdtfDate, window: int = 7) -> PowerReport:
    """Who held each office at the start of WHEN, every change within it, and the events around it."""
    start, end = when.earliest, when.latest
    wide = DateRange(start - timedelta(days=window), end + timedelta(days=window))
    nearby = []
    for event in select_events(store.events, EventQuery(span=wide)):
        if event.date.latest < start:
            relation = "before"
        elif event.date.earliest > end:
            relation = "after"
        else:
            relation = "during"
        nearby.append(NearbyEvent(event, relation))
    seats = store.presidium if DateRange(start, end).overlaps_days(PRESIDIUM_SPAN) else ()
    return PowerReport(when, tuple(holders_on(store, start)), tuple(changes_within(store, start, end)),
                       tuple(seats), tuple(nearby))
