"""The store's records as frozen dataclasses; no parsing or I/O here.

Each class has a docstring, which also spares the dataclass decorator from writing one out of the
class's signature (inspect.signature, on every start-up that loads the model).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from anti_party.dates import EdtfDate

_LOCATOR_LABELS = (("section", "sec."), ("document", "doc."))


@dataclass(frozen=True)
class Citation:
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


@dataclass(frozen=True)
class Note:
    """Another reading of a fact, with the sources that give it."""

    text: str
    sources: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Source:
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


@dataclass(frozen=True)
class Person:
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


@dataclass(frozen=True)
class Office:
    """A post whose holders the store records; `existed`, when given, is the interval in which it existed."""

    id: str
    title: str
    short: str | None = None
    existed: EdtfDate | None = None
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Term:
    """One person's time in one office; no end while the term runs past the end of the store's period."""

    person: str
    office: str
    start: EdtfDate
    end: EdtfDate | None
    sources: tuple[Citation, ...]
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Event:
    """Something that happened: when (a period), what, who took part, its tags and the sources that support it."""

    id: str
    date: EdtfDate
    title: str
    summary: str = ""
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class PresidiumSeat:
    """A member of the Party Presidium in June 1957 and the side taken in the crisis."""

    person: str
    rank: str
    side: str
    sources: tuple[Citation, ...]
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Period:
    """A named era, used for grouping (TimelineJS's eras)."""

    id: str
    title: str
    date: EdtfDate


@dataclass(frozen=True)
class Store:
    """The merged store: sources, people and offices by id; terms, events, seats and periods in order."""

    sources: dict[str, Source] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    terms: tuple[Term, ...] = ()
    events: tuple[Event, ...] = ()
    presidium: tuple[PresidiumSeat, ...] = ()
    periods: tuple[Period, ...] = ()


@dataclass(frozen=True)
class Profile:
    """A person with the offices they held and the events they took part in."""

    person: Person
    terms: tuple[Term, ...]
    events: tuple[Event, ...]
    seat: PresidiumSeat | None = None  # their seat in the June 1957 Presidium
