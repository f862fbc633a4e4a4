"""Rich views for a terminal. Store text is always wrapped in Text, never read as markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from anti_party.dates import EdtfDate
from anti_party.model import Event, Profile, Store
from anti_party.render import Options

DATE_STYLE = "cyan"
YEAR_STYLE = "bold magenta"
PEOPLE_STYLE = "green"
DIM = "dim"


def surnames(store: Store, ids: Sequence[str]) -> str:
    return ", ".join(store.people[ident].name.split()[-1] if ident in store.people else ident for ident in ids)


def timeline_events(events: Sequence[Event], options: Options) -> RenderableType:
    if not events:
        return Text("No events match.", style=DIM)
    grid = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
    grid.add_column("date", style=DATE_STYLE, no_wrap=True)
    grid.add_column("title", ratio=3)
    grid.add_column("people", style=PEOPLE_STYLE, ratio=2)
    year: int | None = None
    for event in events:
        if event.date.earliest.year != year:
            if year is not None:
                grid.add_row()
            year = event.date.earliest.year
            grid.add_row(Text(str(year), style=YEAR_STYLE))
        grid.add_row(Text(event.date.human()), _title_cell(event, options), Text(surnames(options.store, event.people)))
    return grid


def _title_cell(event: Event, options: Options) -> Text:
    cell = Text(event.title, style="bold" if options.details else "")
    if options.details:
        for line in _detail_lines(event, options.store):
            cell.append("\n")
            cell.append_text(line)
    return cell


def _detail_lines(event: Event, store: Store) -> list[Text]:
    lines = [Text(event.summary)] if event.summary else []
    lines += [Text(f"Note: {note.text} [{', '.join(note.sources)}]", style="italic") for note in event.notes]
    lines.append(Text(f"Sources: {', '.join(event.sources)}", style=DIM))
    return lines


def table_events(events: Sequence[Event], options: Options) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("Date", style=DATE_STYLE, no_wrap=True)
    table.add_column("Id", style=DIM, no_wrap=True)
    table.add_column("Title")
    table.add_column("People", style=PEOPLE_STYLE)
    table.add_column("Tags", style=DIM)
    for event in events:
        table.add_row(
            Text(event.date.human()), Text(event.id), _title_cell(event, options),
            Text(surnames(options.store, event.people)), Text(", ".join(event.tags)),
        )
    return table


def _life(born: EdtfDate | None, died: EdtfDate | None) -> str:
    return f"{born.human() if born else '?'} - {died.human() if died else '?'}"


def _profile(profile: Profile) -> list[RenderableType]:
    person = profile.person
    head = Text(person.name, style="bold")
    head.append(f"  ({_life(person.born, person.died)})", style=DIM)
    parts: list[RenderableType] = [head]
    facts = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
    facts.add_column(style=DIM, no_wrap=True)
    facts.add_column()
    for label, value in (
        ("Full name", person.full_name), ("Russian", person.native),
        ("Also", ", ".join(person.aliases) or None), ("Summary", person.summary),
        ("Later", person.later), ("Sources", ", ".join(person.sources) or None),
    ):
        if value:
            facts.add_row(Text(label), Text(value))
    for note in person.notes:
        facts.add_row(Text("Note"), Text(f"{note.text} [{', '.join(note.sources)}]"))
    parts.append(facts)
    return parts


def _offices(profile: Profile, options: Options) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, title_justify="left")
    table.add_column("Office")
    table.add_column("From", style=DATE_STYLE, no_wrap=True)
    table.add_column("To", style=DATE_STYLE, no_wrap=True)
    for term in profile.terms:
        office = options.store.offices[term.office]
        table.add_row(Text(office.title), Text(term.start.human()), Text(term.end.human() if term.end else ""))
    return table


def _person_view(profile: Profile, options: Options, events: RenderableType) -> RenderableType:
    parts = _profile(profile)
    if profile.terms:
        parts += [Text(""), Text("Offices", style=YEAR_STYLE), _offices(profile, options)]
    parts += [Text(""), Text("Events", style=YEAR_STYLE), events]
    return Group(*parts)


def timeline_person(profile: Profile, options: Options) -> RenderableType:
    return _person_view(profile, options, timeline_events(profile.events, options))


def table_person(profile: Profile, options: Options) -> RenderableType:
    return _person_view(profile, options, table_events(profile.events, options))
