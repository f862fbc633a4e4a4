"""Rich views for a terminal. Store text is always wrapped in Text, never read as markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from anti_party.dates import EdtfDate, human_day
from anti_party.model import Event, Profile, Store
from anti_party.query import OfficeTerms, PowerReport
from anti_party.render import Options
from anti_party.render.delimited import cell
from anti_party.render.records import Records
from anti_party.render.sanitise import terminal_text

DATE_STYLE = "cyan"
YEAR_STYLE = "bold magenta"
PEOPLE_STYLE = "green"
DIM = "dim"
TIMELINE_PEOPLE = 4  # names shown per event in the timeline; --details and the table show all


def safe(text: str, style: str = "") -> Text:
    """Store text as a rich Text: never read as markup, its control characters made harmless."""
    return Text(terminal_text(text), style=style)


def surnames(store: Store, ids: Sequence[str], limit: int | None = None) -> str:
    """Surnames, or the first LIMIT of them and how many more ("Malenkov, Molotov +5")."""
    names = [store.people[ident].name.split()[-1] if ident in store.people else ident for ident in ids]
    if limit is None or len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} +{len(names) - limit}"


def timeline_events(events: Sequence[Event], options: Options) -> RenderableType:
    if not events:
        return Text("No events match.", style=DIM)
    grid = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0), expand=options.details)
    grid.add_column("date", style=DATE_STYLE, no_wrap=True)
    grid.add_column("title", ratio=5 if options.details else 3)  # details need the room
    grid.add_column("people", style=PEOPLE_STYLE, ratio=2)
    year: int | None = None
    for event in events:
        if event.date.earliest.year != year:
            if year is not None:
                grid.add_row()
            year = event.date.earliest.year
            grid.add_row(safe(str(year), style=YEAR_STYLE))
        people = surnames(options.store, event.people, None if options.details else TIMELINE_PEOPLE)
        grid.add_row(safe(event.date.human()), _title_cell(event, options), safe(people))
    return grid


def _title_cell(event: Event, options: Options) -> Text:
    cell = safe(event.title, style="bold" if options.details else "")
    if options.details:
        for line in _detail_lines(event, options.store):
            cell.append("\n")
            cell.append_text(line)
    return cell


def _detail_lines(event: Event, store: Store) -> list[Text]:
    lines = [safe(event.summary)] if event.summary else []
    lines += [safe(f"Note: {note.text} [{', '.join(map(str, note.sources))}]", style="italic") for note in event.notes]
    lines.append(safe(f"Sources: {', '.join(map(str, event.sources))}", style=DIM))
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
            safe(event.date.human()), safe(event.id), _title_cell(event, options),
            safe(surnames(options.store, event.people)), safe(", ".join(event.tags)),
        )
    return table


def _life(born: EdtfDate | None, died: EdtfDate | None) -> str:
    return f"{born.human() if born else '?'} - {died.human() if died else '?'}"


def _profile(profile: Profile) -> list[RenderableType]:
    person = profile.person
    head = safe(person.name, style="bold")
    head.append(terminal_text(f"  ({_life(person.born, person.died)})"), style=DIM)
    parts: list[RenderableType] = [head]
    facts = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
    facts.add_column(style=DIM, no_wrap=True)
    facts.add_column()
    for label, value in (
        ("Full name", person.full_name), ("Russian", person.native),
        ("Also", ", ".join(person.aliases) or None), ("Summary", person.summary),
        ("Later", person.later), ("Sources", ", ".join(map(str, person.sources)) or None),
    ):
        if value:
            facts.add_row(safe(label), safe(value))
    for note in person.notes:
        facts.add_row(safe("Note"), safe(f"{note.text} [{', '.join(map(str, note.sources))}]"))
    parts.append(facts)
    return parts


def _offices(profile: Profile, options: Options) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, title_justify="left")
    table.add_column("Office")
    table.add_column("From", style=DATE_STYLE, no_wrap=True)
    table.add_column("To", style=DATE_STYLE, no_wrap=True)
    for term in profile.terms:
        office = options.store.offices[term.office]
        table.add_row(safe(office.title), safe(term.start.human()), safe(term.end.human() if term.end else ""))
    return table


def _person_view(profile: Profile, options: Options, events: RenderableType) -> RenderableType:
    parts = _profile(profile)
    if profile.terms:
        parts += [Text(""), safe("Offices", style=YEAR_STYLE), _offices(profile, options)]
    parts += [Text(""), safe("Events", style=YEAR_STYLE), events]
    return Group(*parts)


def timeline_person(profile: Profile, options: Options) -> RenderableType:
    return _person_view(profile, options, timeline_events(profile.events, options))


def table_person(profile: Profile, options: Options) -> RenderableType:
    return _person_view(profile, options, table_events(profile.events, options))


def _holder(store: Store, ident: str | None) -> Text:
    return safe(store.people[ident].name) if ident else safe("(no holder named)", style=DIM)


_SIDES = {"group": "with the group", "khrushchev": "with Khrushchev", "wavered": "wavered"}


def timeline_on(report: PowerReport, options: Options) -> RenderableType:
    store, when = options.store, report.when
    single_day = when.earliest == when.latest
    heading = f"On {when.human()}" if single_day else f"{when.human()}: holders on {human_day(when.earliest)}"
    offices = Table(box=box.SIMPLE_HEAD, show_edge=False, title=heading, title_justify="left", title_style="bold")
    offices.add_column("Office")
    offices.add_column("Holder", style=PEOPLE_STYLE)
    offices.add_column("Since", style=DATE_STYLE, no_wrap=True)
    for holding in report.holdings:
        office = store.offices[holding.office]
        term = holding.term
        offices.add_row(safe(office.short or office.title), _holder(store, term.person if term else None),
                        safe(term.start.human() if term else ""))
    parts: list[RenderableType] = [offices]
    if report.changes:
        changes = Table(box=box.SIMPLE_HEAD, show_edge=False, title="Changes", title_justify="left", title_style="bold")
        for column in ("Date", "Office", "Out", "In"):
            changes.add_column(column)
        for change in report.changes:
            office = store.offices[change.office]
            changes.add_row(safe(human_day(change.day), style=DATE_STYLE), safe(office.short or office.title),
                            _holder(store, change.outgoing), _holder(store, change.incoming))
        parts.append(changes)
    if report.presidium:
        seats = Table(box=box.SIMPLE_HEAD, show_edge=False, title="Party Presidium, June 1957", title_justify="left",
                      title_style="bold")
        for column in ("Member", "Rank", "Side in June 1957"):
            seats.add_column(column)
        for seat in sorted(report.presidium, key=lambda s: (s.rank != "full", s.side, s.person)):
            seats.add_row(safe(store.people[seat.person].name), safe(seat.rank), safe(_SIDES[seat.side]))
        parts.append(seats)
    events = Table(box=box.SIMPLE_HEAD, show_edge=False, title="Events", title_justify="left", title_style="bold")
    events.add_column("Date", style=DATE_STYLE, no_wrap=True)
    events.add_column("", style=DIM)
    events.add_column("Title")
    for near in report.events:
        events.add_row(safe(near.event.date.human()), safe(near.relation), safe(near.event.title))
    parts.append(events if report.events else Text("No events nearby.", style=DIM))
    return Group(*parts)


def chart_offices(chart: OfficeTerms, options: Options) -> RenderableType:
    from anti_party.render.chart import office_chart

    return office_chart(options.store, chart, width=10_000)


def table_records(records: Records, options: Options) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for field in records.fields:
        table.add_column(field.replace("_", " ").capitalize(), no_wrap=field in ("id", "tag", "name"), overflow="fold",
                         min_width=10 if field in ("born", "died") else None)
    for row in records.rows:
        table.add_row(*(safe(cell(row[field])) for field in records.fields))
    return table
