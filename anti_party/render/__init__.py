"""One registry of output formats.

A format renders a view (a list of events, or a person's profile) to either a
string (machine formats, never touched by rich) or a rich renderable (terminal
formats, printed by the CLI). Format modules are imported only when used, so
that `apg -f tsv` never imports rich.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from anti_party.model import Event, Note, Profile, Source, Store

VIEWS = ("events", "person")  # a listing of events, and one person's profile


@dataclass(frozen=True)
class Options:
    """What a renderer may need besides the rows."""

    store: Store
    fields: tuple[str, ...] | None = None
    header: bool = False
    details: bool = False


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    module: str
    terminal: bool = False
    views: tuple[str, ...] = VIEWS

    def renderer(self, view: str) -> Callable[[Any, Options], Any]:
        """The module's function named FORMAT_VIEW, e.g. tsv_events."""
        module = importlib.import_module(f"anti_party.render.{self.module}")
        function: Callable[[Any, Options], Any] = getattr(module, f"{self.name}_{view}")
        return function


FORMATS: dict[str, Format] = {
    spec.name: spec
    for spec in (
        Format("timeline", "rich timeline grouped by year (terminal)", "terminal", terminal=True),
        Format("table", "rich table (terminal)", "terminal", terminal=True),
        Format("tsv", "tab-separated values, no header unless --header", "delimited"),
        Format("csv", "RFC 4180 comma-separated values with a header row", "delimited"),
        Format("json", "one JSON document", "jsondoc"),
        Format("jsonl", "one JSON object per line", "jsondoc"),
        Format("markdown", "Markdown: a heading per year, a list item per event, then the sources", "markdown"),
        Format("ics", "iCalendar (RFC 5545), one all-day event per event", "ics"),
        Format("timelinejs", "TimelineJS3 JSON", "timelinejs"),
        Format("text", "plain text, every event in full with its notes and sources", "plaintext", views=("events",)),
    )
}

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


def formats_for(view: str) -> list[str]:
    return [name for name, spec in FORMATS.items() if view in spec.views]


def render(format_name: str, view: str, rows: Sequence[Event] | Profile, options: Options) -> Any:
    return FORMATS[format_name].renderer(view)(rows, options)


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
