"""Markdown: a heading per year, a list item per event, then the cited sources.

Store text is escaped so that it is always read as text, never as Markdown or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from anti_party.model import Event, Note, Profile, Store
from anti_party.render import Options
from anti_party.render.records import TITLE, cited, event_sources, names, plain, reference

_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")  # emphasis, code, links, HTML, entities, tables, headings
_LINE_START = re.compile(r"^[-+=]|^\d+(?=[.)])")  # list items, setext underlines (">" is escaped anyway)


def escape(text: str) -> str:
    """Store text as Markdown that renders as exactly that text."""
    escaped = _INLINE.sub(r"\\\1", plain(text))
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group().isdigit():  # "1957." would start an ordered list: escape the dot instead
        return f"{escaped[: match.end()]}\\{escaped[match.end() :]}"
    return f"\\{escaped}"


def _event_item(event: Event, store: Store) -> str:
    line = f"- **{escape(event.date.human())}** — {escape(event.title)}"
    if event.people:
        line += f" ({escape(names(store, event.people))})"
    if event.summary:
        line += f": {escape(event.summary)}"
    if event.sources:
        line += f" *(Sources: {escape(', '.join(map(str, event.sources)))})*"
    return "\n".join([line, *_note_items(event.notes, "  ")])


def _note_items(notes: Iterable[Note], indent: str = "") -> list[str]:
    """Where sources disagree: a list item for each note, with its sources."""
    items = []
    for note in notes:
        sources = f" *(Sources: {escape(', '.join(map(str, note.sources)))})*" if note.sources else ""
        items.append(f"{indent}- *Note:* {escape(note.text)}{sources}")
    return items


def _years(events: Sequence[Event], store: Store, level: str) -> list[str]:
    lines: list[str] = []
    year: int | None = None
    for event in events:
        if event.date.earliest.year != year:
            year = event.date.earliest.year
            lines += ["", f"{level} {year}", ""]
        lines.append(_event_item(event, store))
    return lines


def _sources(store: Store, ids: Iterable[str]) -> list[str]:
    wanted = cited(ids)
    if not wanted:
        return []
    lines = ["", "## Sources", ""]
    for ident in wanted:
        source = store.sources.get(ident)
        lines.append(f"- {escape(ident)}: {escape(reference(source))}" if source else f"- {escape(ident)}")
    return lines


def _document(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def markdown_events(events: Sequence[Event], options: Options) -> str:
    lines = [f"# {TITLE}"]
    lines += _years(events, options.store, "##") if events else ["", "No events match."]
    lines += _sources(options.store, (c.id for event in events for c in event_sources(event)))
    return _document(lines)


def markdown_person(profile: Profile, options: Options) -> str:
    store, person = options.store, profile.person
    lines = [f"# {escape(person.name)}", ""]
    facts = (person.full_name or person.name) + (f" ({person.native})" if person.native else "")
    if person.born:
        facts += f", born {person.born.human()}"
    if person.died:
        facts += f", died {person.died.human()}"
    lines.append(escape(facts + "."))
    for text in (person.summary, person.later):
        if text:
            lines += ["", escape(text)]
    if person.notes:
        lines += ["", *_note_items(person.notes)]
    if profile.terms:
        lines += ["", "## Offices", ""]
        for term in profile.terms:
            office = store.offices[term.office].title if term.office in store.offices else term.office
            span = f"{term.start.human()} to {term.end.human()}" if term.end else f"from {term.start.human()}"
            lines += [f"- **{escape(span)}** — {escape(office)}", *_note_items(term.notes, "  ")]
    lines += ["", "## Events"]
    lines += _years(profile.events, store, "###") if profile.events else ["", "No events."]
    ids = [c.id for c in (*person.sources, *(c for term in profile.terms for c in term.sources),
                          *(c for term in profile.terms for note in term.notes for c in note.sources),
                          *(c for note in person.notes for c in note.sources),
                          *(c for event in profile.events for c in event_sources(event)))]
    lines += _sources(store, ids)
    return _document(lines)
