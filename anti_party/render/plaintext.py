"""Plain text, every event in full: the view of `apg show`.

Each line goes through the terminal sanitiser, so that store text stays on its line and
cannot drive the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence

from anti_party.model import Event
from anti_party.render import Options
from anti_party.render.records import reference
from anti_party.render.sanitise import terminal_text


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
    for note in event.notes:
        cited = f" [{', '.join(map(str, note.sources))}]" if note.sources else ""
        lines.append(f"Note:     {note.text}{cited}")
    lines.append("Sources:")
    lines += [f"  [{c.id}] {reference(store.sources[c.id])}" + (f" ({c.locator})" if c.locator else "")
              for c in event.sources]
    return "".join(terminal_text(line) + "\n" for line in lines)


def text_events(events: Sequence[Event], options: Options) -> str:
    return "\n".join(_event(event, options) for event in events)
