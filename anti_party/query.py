"""Filters, sorting and look-ups over a loaded store: pure functions, no I/O."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple, Protocol, runtime_checkable

from anti_party.dates import DatePoint, EdtfDate, day_after, shift, sort_key, spans_overlap
from anti_party.errors import DataError, UsageError, close_matches, quoted
from anti_party.model import Citation, Event, Note, Person, PresidiumSeat, Profile, Source, Store, Term

# The queries' results are NamedTuples, as the model's records are, for the same reason (anti_party.model).


class QueryError(UsageError, ValueError):
    """A query that contradicts itself (a usage problem)."""


class LookupFailed(DataError, LookupError):
    """A name or id that matches nothing, or more than one thing."""

    @property
    def messages(self) -> tuple[str, ...]:
        return self.lines


class DateRange(NamedTuple):
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
        raise QueryError(f"--from {quoted(start.text)} is after --to {quoted(end.text)}")
    return DateRange(start.earliest if start else None, end.latest if end else None)


class EventQuery(NamedTuple):
    span: DateRange = DateRange()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    grep: str | None = None
    sort: str = "date"
    reverse: bool = False
    limit: int | None = None


def select_events(events: Iterable[Event], query: EventQuery) -> list[Event]:
    """The events that match every filter; --grep ignores case and accents ("gomulka" finds "Gomułka")."""
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


@runtime_checkable
class EventIndex(Protocol):
    """A store that finds its own events (anti_party.index) instead of having them all scanned."""

    def select_events(self, query: EventQuery) -> list[Event]: ...

    def event_by_id(self, ident: str) -> Event | None: ...

    def event_batches(self, query: EventQuery, size: int) -> Iterator[list[Event]]: ...

    def cell_batches(self, query: EventQuery, fields: Sequence[str], size: int) -> Iterator[list[Any]] | None: ...

    def tags(self) -> list[str]: ...


def events_matching(store: Store, query: EventQuery) -> list[Event]:
    """select_events over the store's events, through its index when it has one (the same answer)."""
    if isinstance(store, EventIndex):
        return store.select_events(query)
    return select_events(store.events, query)


def event_batches(store: Store, query: EventQuery, size: int = 2000) -> Iterator[list[Event]]:
    """events_matching in consecutive batches (at least one, maybe empty), each read as it is needed.

    Through an index, a query in date order is read and decoded a batch at a time, so that a
    large store's output is written without holding all its events at once.
    """
    if not isinstance(store, EventIndex) or query.sort != "date":
        yield events_matching(store, query)
    elif query.grep and query.limit is not None:
        # The rows the index gives a search are checked a batch at a time, so --limit is counted here:
        # reading stops with the batch that completes it.
        left = query.limit
        for batch in store.event_batches(query._replace(limit=None), size):
            yield batch[:left]
            left -= min(left, len(batch))
            if not left:
                break
    else:
        yield from store.event_batches(query, size)


def cell_batches(
    store: Store, query: EventQuery, fields: Sequence[str], size: int = 2000
) -> Iterator[list[Any]] | None:
    """The events' FIELDS as TSV and CSV write them (render.records.event_cells), a batch of rows at a
    time, read straight from the store's index; None when it has none or cannot answer QUERY so."""
    return store.cell_batches(query, fields, size) if isinstance(store, EventIndex) else None


def known_tags(store: Store) -> list[str]:
    if isinstance(store, EventIndex):
        return store.tags()
    return sorted({tag for event in store.events for tag in event.tags})


def event_order(event: Event) -> tuple[date, date, str]:
    return sort_key(event.date, event.id)


_SORTERS: dict[str, Callable[[Event], Any]] = {
    "date": event_order,
    "title": lambda event: (event.title.casefold(), *event_order(event)),
    "id": lambda event: event.id,
}


# Letters that carry a stroke or are ligatures have no Unicode decomposition to a base letter.
_UNDECOMPOSED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ŧ": "t", "\u0131": "i", "ŀ": "l",
                               "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"})


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching ("Хрущёв" ~ "хрущев", "Gomułka" ~ "gomulka")."""
    if text.isascii():
        return text.lower()
    # Lower-casing first changes no character's fold (checked over all of Unicode) and leaves
    # only the runs of other characters to fold one by one.
    return _NOT_ASCII.sub(_fold_run, text.lower())


def _fold_run(match: re.Match[str]) -> str:
    return match[0].translate(_FOLDED)


class _FoldedCharacters(dict[int, str]):
    """Each character's folded form, worked out the first time it is met.

    Folding goes character by character (case folding and NFKD decomposition do, and the
    combining marks that decomposition reorders are all dropped), so str.translate can do it.
    """

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code).casefold())
        folded = "".join(char for char in decomposed if not unicodedata.combining(char)).translate(_UNDECOMPOSED)
        self[code] = folded
        return folded


_FOLDED = _FoldedCharacters()
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _person_names(person: Person) -> list[str]:
    names = [person.id, person.name, *person.aliases]
    names += [name for name in (person.full_name, person.native) if name]
    return names


def match_people(store: Store, name: str) -> tuple[list[str], list[str]]:
    """The ids of the people whose id, name, alias or Cyrillic name (or a word of one) is NAME, and
    of the others who have such a word starting with NAME; case and accents are ignored."""
    wanted = fold(name.strip())
    exact: list[str] = []
    prefix: list[str] = []
    for person in store.people.values():
        words = [word for candidate in _person_names(person)
                 for word in (fold(candidate), *fold(candidate).replace("-", " ").split())]
        if wanted in words:
            exact.append(person.id)
        elif wanted and any(word.startswith(wanted) for word in words):
            prefix.append(person.id)
    return exact, prefix


def find_person(store: Store, name: str) -> Person:
    """Match an id, name, surname, alias or Cyrillic name; a unique prefix is enough."""
    wanted = fold(name.strip())
    exact, prefix = match_people(store, name)
    found = set(exact or prefix)
    if len(found) == 1:
        return store.people[found.pop()]
    if found:
        listed = ", ".join(f"{ident} ({store.people[ident].name})" for ident in sorted(found))
        raise LookupFailed(f"{quoted(name)} matches more than one person: {listed}")
    raise LookupFailed(f"no person matches {quoted(name)}{_suggest(wanted, _person_keys(store))}")


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


def suggest(wanted: str, choices: Iterable[str]) -> str:
    """"; did you mean X?" for the choices nearest WANTED, or ""."""
    return _suggest(wanted, {choice: choice for choice in choices})


def find_tag(store: Store, tag: str) -> str:
    """TAG if some event carries it; else LookupFailed with the nearest tags."""
    known = known_tags(store)
    if tag in known:
        return tag
    raise LookupFailed(f"no event has the tag {quoted(tag)}{_suggest(tag, {name: name for name in known})}")


def find_office(store: Store, ident: str) -> str:
    """IDENT if it is an office's id; else LookupFailed with the nearest ids."""
    if ident in store.offices:
        return ident
    suggestion = _suggest(ident, {office: office for office in store.offices})
    raise LookupFailed(f"no office has the id {quoted(ident)}{suggestion or '; offices: ' + ', '.join(store.offices)}")


def find_event(store: Store, ident: str) -> Event:
    if isinstance(store, EventIndex):
        found = store.event_by_id(ident)
        if found is not None:
            return found
    for event in store.events:
        if event.id == ident:
            return event
    raise LookupFailed(no_such_event(store, ident))


def no_such_event(store: Store, ident: str) -> str:
    """The message for an unknown event id, with the nearest ids."""
    return f"no event has the id {quoted(ident)}{_suggest(ident, {event.id: event.id for event in store.events})}"


def ids_from_lines(lines: Iterable[str], known: Collection[str]) -> list[str]:
    """Ids from text, one per line, or from TSV lines such as `apg timeline -f tsv` prints.

    In a TSV line the id is the first field that is a known id (the date comes first in
    apg's own TSV), else the first field, which is then reported as unknown.
    """
    ids: dict[str, None] = {}  # in order of first appearance, once each
    for line in lines:
        if "\t" not in line:
            ident = line.strip()
            if ident:
                ids[ident] = None
            continue
        fields = [field.strip() for field in line.split("\t")]
        if any(fields):
            ids[next((field for field in fields if field in known), fields[0])] = None
    return list(ids)


def terms_between(store: Store, office: str, start: date, end: date) -> list[Term]:
    """The terms of OFFICE that overlap START..END, in order."""
    span = DateRange(start, end)
    found = [term for term in store.terms if term.office == office and span.overlaps_days(term_span(term))]
    return sorted(found, key=lambda term: term.start.earliest)


def term_span(term: Term) -> DateRange:
    return DateRange(term.start.earliest, term.end.latest if term.end else None)


class OfficeSpan(NamedTuple):
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


class OfficeTerms(NamedTuple):
    """The terms of each charted office that overlap the span, office by office, each in order."""

    span: OfficeSpan
    terms: tuple[tuple[str, tuple[Term, ...]], ...]

    def all(self) -> list[Term]:
        return [term for _, terms in self.terms for term in terms]


def all_terms(store: Store) -> list[Term]:
    """Every term of every office, office by office (in the store's order), each office's in order."""
    return office_terms(store, OfficeSpan(date.min, date.max, tuple(store.offices))).all()


def office_terms(store: Store, span: OfficeSpan) -> OfficeTerms:
    """What `apg offices` shows: for each office of SPAN, its terms within SPAN."""
    return OfficeTerms(span, tuple((office, tuple(terms_between(store, office, span.start, span.end)))
                                   for office in span.offices))


def outside_record(start: date, end: date) -> str | None:
    """A sentence for a span reaching beyond the store's record of office holders, else None."""
    before, after = start < STORE_PERIOD.first, end > STORE_PERIOD.last
    if before and after:
        return "the store's record of office holders runs from 5 March 1953 to 31 December 1961."
    if before:
        return "the store's record of office holders begins on 5 March 1953."
    if after:
        return "the store's record of office holders ends on 31 December 1961; later holders may be missing."
    return None


# --- listings: apg people, apg tags, apg sources ---


class PersonRow(NamedTuple):
    """A person with their seat in the June 1957 Presidium (if any) and the offices they held."""

    person: Person
    seat: PresidiumSeat | None
    offices: tuple[str, ...]


def list_people(store: Store, sort: str = "born") -> list[PersonRow]:
    """Everyone in the store, by birth (unknown last), name or id."""
    seats = {seat.person: seat for seat in store.presidium}
    rows = [PersonRow(person, seats.get(person.id),
                      tuple(dict.fromkeys(term.office for term in terms_of(store, person.id))))
            for person in store.people.values()]
    keys: dict[str, Callable[[PersonRow], Any]] = {
        "id": lambda row: row.person.id,
        "name": lambda row: (row.person.name, row.person.id),
        "born": lambda row: (row.person.born is None, row.person.born.earliest if row.person.born else date.min,
                             row.person.id),
    }
    return sorted(rows, key=keys[sort])


class TagCount(NamedTuple):
    tag: str
    events: int


def list_tags(store: Store) -> list[TagCount]:
    counts: dict[str, int] = {}
    for event in store.events:
        for tag in dict.fromkeys(event.tags):
            counts[tag] = counts.get(tag, 0) + 1
    return [TagCount(tag, count) for tag, count in sorted(counts.items())]


class SourceUse(NamedTuple):
    """A source and how many records of each kind cite it, in their sources or in their notes."""

    source: Source
    events: int
    terms: int
    people: int
    presidium: int


def cited_by(sources: Iterable[Citation], notes: Iterable[Note]) -> set[str]:
    """The source ids a record cites, in its own sources or in its notes."""
    return {*(c.id for c in sources), *(c.id for note in notes for c in note.sources)}


def list_sources(store: Store) -> list[SourceUse]:
    """Every source by id, with its citation counts (notes included)."""
    def count(records: Iterable[Any]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in records:
            for ident in cited_by(record.sources, record.notes):
                counts[ident] = counts.get(ident, 0) + 1
        return counts

    events, terms = count(store.events), count(store.terms)
    people, seats = count(store.people.values()), count(store.presidium)
    return [SourceUse(source, events.get(ident, 0), terms.get(ident, 0), people.get(ident, 0), seats.get(ident, 0))
            for ident, source in sorted(store.sources.items())]


def citations_for(store: Store, ids: Sequence[str]) -> list[tuple[Source, Citation | None]]:
    """The sources named by IDS, each with the citation that names it.

    A source id stands for the whole work (no locator); an event id for each source the event
    cites, with the page, section or document the store gives for it. A source named twice with
    the same locator comes once.
    """
    events = {event.id: event for event in store.events}
    known = {ident: ident for ident in [*events, *store.sources]}
    chosen: dict[tuple[str, Citation | None], tuple[Source, Citation | None]] = {}
    missing = []
    for ident in ids:
        if ident in store.sources:
            chosen.setdefault((ident, None), (store.sources[ident], None))
        elif ident in events:
            for citation in events[ident].sources:
                located = citation if citation.locator else None
                chosen.setdefault((citation.id, located), (store.sources[citation.id], located))
        else:
            missing.append(f"no source or event has the id {quoted(ident)}{_suggest(ident, known)}")
    if missing:
        raise LookupFailed(*missing)
    return list(chosen.values())


def sources_for(store: Store, ids: Sequence[str]) -> list[Source]:
    """The sources named by ids: a source id, or an event id standing for its sources; each once."""
    return list({source.id: source for source, _ in citations_for(store, ids)}.values())


def profile(store: Store, person_id: str) -> Profile:
    """A person with their offices and events."""
    events = events_matching(store, EventQuery(people=(person_id,)))
    seat = next((seat for seat in store.presidium if seat.person == person_id), None)
    return Profile(store.people[person_id], tuple(terms_of(store, person_id)), tuple(events), seat)


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


class Holding(NamedTuple):
    office: str
    term: Term | None  # None: the office existed but the store names no holder that day


class Change(NamedTuple):
    day: date
    office: str
    outgoing: str | None
    incoming: str | None


class NearbyEvent(NamedTuple):
    event: Event
    relation: str  # before, during or after the asked span


class PowerReport(NamedTuple):
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
    after_ends = (day_after(term.end.latest) for term in store.terms if term.end)
    days = sorted(starts | {day for day in after_ends if day is not None})
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
    wide = DateRange(shift(start, -window), shift(end, window))
    nearby = []
    for event in events_matching(store, EventQuery(span=wide)):
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


# --- what the store holds (apg --version) ---


class StoreSummary(NamedTuple):
    """How much the store holds, and the first and last points its events reach."""

    events: int
    people: int
    sources: int
    offices: int
    terms: int
    first: EdtfDate | None
    last: EdtfDate | None


def store_summary(store: Store) -> StoreSummary:
    first = min((event.date.start for event in store.events), key=lambda point: point.earliest, default=None)
    last = max((event.date.end or event.date.start for event in store.events), key=lambda point: point.latest,
               default=None)
    return StoreSummary(len(store.events), len(store.people), len(store.sources), len(store.offices),
                        len(store.terms), _point(first), _point(last))


def _point(point: DatePoint | None) -> EdtfDate | None:
    return None if point is None else EdtfDate(point.edtf(), point, None)
