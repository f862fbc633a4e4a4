"""The store's records as NamedTuples, and the merged Store; no parsing or I/O here.

The records are NamedTuples rather than frozen dataclasses: as immutable, equal when their fields
are equal and hashable, and about a fifth of the cost to define (Python 3.11 compiles each
dataclass's generated methods with an exec of its own when the class is made: the model's cost
~15 ms of every command that reads the store). Being tuples, a record also equals a plain tuple of
the same values and can be iterated and indexed: nothing in apg does either, nor compares records
of different classes; code that serialises values recognises a record by anti_party.codec.is_record
before it would take it for a sequence.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from anti_party.dates import EdtfDate

_LOCATOR_LABELS = (("section", "sec."), ("document", "doc."))


class Citation(NamedTuple):
    """A source cited for a claim, and where in it the claim was read (pages, section, document)."""

    id: str
    pages: str | None = None
    section: str | None = None
    document: str | None = None

    @property
    def locator(self) -> str:
        """The locator in words, "pp. 27-28, doc. 5"; empty when the citation names the whole work."""
        if self.pages is None and self.section is None and self.document is None:
            return ""  # most citations: the whole work (a large store's index writes 100,000s)
        parts = []
        if self.pages:
            single = not any(mark in self.pages for mark in "-\u2013,")
            parts.append(f"{'p.' if single else 'pp.'} {self.pages}")
        parts += [f"{label} {value}" for key, label in _LOCATOR_LABELS if (value := getattr(self, key))]
        return ", ".join(parts)

    def __str__(self) -> str:
        """The id with its locator, as the terminal views and plain text show it: "taubman-2003 p. 312"."""
        locator = self.locator
        return f"{self.id} {locator}" if locator else self.id


class Note(NamedTuple):
    """Another reading of a fact, with the sources that give it."""

    text: str
    sources: tuple[Citation, ...] = ()


class Source(NamedTuple):
    """A bibliographic record; enough to cite it in MLA, Chicago and APA."""

    id: str
    kind: str
    type: str
    title: str
    title_native: str | None = None
    title_english: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    translators: tuple[str, ...] = ()
    container: str | None = None
    container_native: str | None = None
    container_english: str | None = None
    publisher: str | None = None
    place: str | None = None
    year: int | None = None
    date: EdtfDate | None = None
    edition: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    number: str | None = None
    archive: str | None = None
    url: str | None = None
    accessed: dt.date | None = None
    language: str | None = None
    note: str | None = None


class Person(NamedTuple):
    """Someone the record names: names in Latin and native script, life dates, aliases and sources."""

    id: str
    name: str
    full_name: str | None = None
    native: str | None = None
    born: EdtfDate | None = None
    died: EdtfDate | None = None
    aliases: tuple[str, ...] = ()
    summary: str | None = None
    later: str | None = None
    sources: tuple[Citation, ...] = ()
    notes: tuple[Note, ...] = ()


class Office(NamedTuple):
    """A post whose holders the store records; `existed`, when given, is the interval in which it existed."""

    id: str
    title: str
    short: str | None = None
    existed: EdtfDate | None = None
    notes: tuple[Note, ...] = ()


class Term(NamedTuple):
    """One person's time in one office; no end while the term runs past the end of the store's period."""

    person: str
    office: str
    start: EdtfDate
    end: EdtfDate | None
    sources: tuple[Citation, ...]
    notes: tuple[Note, ...] = ()


class Event(NamedTuple):
    """Something that happened: when (a period), what, who took part, its tags and the sources that support it."""

    id: str
    date: EdtfDate
    title: str
    summary: str = ""
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()
    notes: tuple[Note, ...] = ()


class PresidiumSeat(NamedTuple):
    """A member of the Party Presidium in June 1957 and the side taken in the crisis."""

    person: str
    rank: str
    side: str
    sources: tuple[Citation, ...]
    notes: tuple[Note, ...] = ()


class Period(NamedTuple):
    """A named era, used for grouping (TimelineJS's eras)."""

    id: str
    title: str
    date: EdtfDate


class Store:
    """The merged store: sources, people and offices by id; terms, events, seats and periods in order."""

    # A plain class, not a NamedTuple: index.IndexedStore subclasses it and reads each table when
    # first asked for, into its instance's __dict__ (functools.cached_property), which a tuple has
    # not. Nor a frozen dataclass, for the cost to define one (above); it behaves as one did: the
    # fields in this order, each table empty by default, immutable, equal when its fields are equal,
    # unhashable (its tables are dicts), the same repr.
    FIELDS = ("sources", "people", "offices", "terms", "events", "presidium", "periods")

    if TYPE_CHECKING:  # read-only, as a frozen dataclass's fields are to the type checker (see __setattr__)
        @property
        def sources(self) -> dict[str, Source]: ...
        @property
        def people(self) -> dict[str, Person]: ...
        @property
        def offices(self) -> dict[str, Office]: ...
        @property
        def terms(self) -> tuple[Term, ...]: ...
        @property
        def events(self) -> tuple[Event, ...]: ...
        @property
        def presidium(self) -> tuple[PresidiumSeat, ...]: ...
        @property
        def periods(self) -> tuple[Period, ...]: ...

    def __init__(self, sources: dict[str, Source] | None = None, people: dict[str, Person] | None = None,
                 offices: dict[str, Office] | None = None, terms: tuple[Term, ...] = (),
                 events: tuple[Event, ...] = (), presidium: tuple[PresidiumSeat, ...] = (),
                 periods: tuple[Period, ...] = ()) -> None:
        fields = self.__dict__
        fields["sources"] = {} if sources is None else sources
        fields["people"] = {} if people is None else people
        fields["offices"] = {} if offices is None else offices
        fields.update(terms=terms, events=events, presidium=presidium, periods=periods)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: a Store is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: a Store is immutable")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.FIELDS)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{self.__class__.__qualname__}({fields})"


class Profile(NamedTuple):
    """A person with the offices they held and the events they took part in."""

    person: Person
    terms: tuple[Term, ...]
    events: tuple[Event, ...]
    seat: PresidiumSeat | None = None  # their seat in the June 1957 Presidium
