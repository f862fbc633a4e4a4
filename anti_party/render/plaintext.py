"""Plain text: every event in full (the view of `apg show`), and a person's profile (`apg person` in a pipe).

Each line goes through the terminal sanitiser, so that store text stays on its line and
cannot drive the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence

from anti_party.model import Event, Note, Profile
from anti_party.render import Options
from anti_party.render.records import SIDE_WORDS, event_sources, written_out
from anti_party.render.sanitise import terminal_text


def _lines(lines: Sequence[str]) -> str:
    return "".join(terminal_text(line) + "\n" for line in lines)


def _note(note: Note, label: str = "Note:     ") -> str:
    return f"{label}{note.text}" + (f" [{', '.join(map(str, note.sources))}]" if note.sources else "")


def _event(event: Event, options: Options) -> str:
    store = options.store
    people = ", ".join(f"{store.people[p].name} ({p})" for p in event.people)
    lines = [
        event.id,
        f"Date:     {event.date.human()} ({event.date.text}; {event.date.earliest} to {event.date.latest})",
        f"Title:    {event.title}",
    ]
    lines += [f"People:   {people}"] if people else []
    lines += [f"Tags:     {', '.join(event.tags)}"] if event.tags else []
    lines += [f"Summary:  {event.summary}"] if event.summary else []
    lines += [_note(note) for note in event.notes]
    lines.append("Sources:")
    lines += [f"  [{c.id}] {written_out(store, c)}" for c in event_sources(event)]
    return _lines(lines)


def text_events(events: Sequence[Event], options: Options) -> str:
    return "\n".join(_event(event, options) for event in events)


def text_person(profile: Profile, options: Options) -> str:
    """A person's names, life, seat, offices and events, a field a line; --details gives the events in full."""
    store, person, seat = options.store, profile.person, profile.seat
    life = " - ".join(date.human() if date else "?" for date in (person.born, person.died))
    lines = [f"{person.name} ({person.id})", f"Life:      {life}"]
    for label, value in (("Full name", person.full_name), ("Russian", person.native),
                         ("Also", ", ".join(person.aliases)), ("Summary", person.summary), ("Later", person.later),
                         ("Presidium", f"{seat.rank} member in June 1957, {SIDE_WORDS[seat.side]}" if seat else None),
                         ("Sources", ", ".join(map(str, person.sources)))):
        if value:
            lines.append(f"{label + ':':<11}{value}")
    lines += [_note(note, "Note:      ") for note in person.notes]
    if profile.terms:
        lines += ["", "Offices:"]
        for term in profile.terms:
            span = f"{term.start.human()} to {term.end.human()}" if term.end else f"from {term.start.human()}"
            title = store.offices[term.office].title if term.office in store.offices else term.office
            lines.append(f"  {span}: {title} [{', '.join(map(str, term.sources))}]")
            lines += [_note(note, "    Note: ") for note in term.notes]
    lines += ["", "Events:"]
    if options.details:
        return _lines(lines) + "\n" + text_events(profile.events, options) if profile.events else _lines(lines)
    width = max((len(event.date.human()) for event in profile.events), default=0)
    lines += [f"  {event.date.human():<{width}}  {event.title} ({event.id})" for event in profile.events]
    return _lines(lines)
