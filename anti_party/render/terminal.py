"""Rich views for a terminal. Store text is always wrapped in Text, never read as markup."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from anti_party.dates import EdtfDate, human_day
from anti_party.model import Event, Profile, Store
from anti_party.query import OfficeTerms, PowerReport
from anti_party.render import Options
from anti_party.render.layout import Column, Fitted, longest_line, longest_word
from anti_party.render.records import SIDE_WORDS, Records, cell
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


# The timeline puts people in a column of their own when the title keeps this much room beside them.
TITLE_ROOM, PEOPLE_ROOM = 40, 24


def timeline_events(events: Sequence[Event], options: Options) -> RenderableType:
    if not events:
        return Text("No events match.", style=DIM)
    return _Timeline(tuple(events), options)


@dataclass(frozen=True)
class _Timeline:
    """Events grouped by year: date, title and people side by side where there is room, else the people
    under the title; titles wrap between words."""

    events: tuple[Event, ...]
    options: Options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        store, details = self.options.store, self.options.details
        rows = [(safe(event.date.human()), _title_cell(event, self.options),
                 safe(surnames(store, event.people, None if details else TIMELINE_PEOPLE)))
                for event in self.events]
        date_width = max(text.cell_len for text, _, _ in rows)
        people_width = max(PEOPLE_ROOM, *(longest_word(people) for _, _, people in rows))
        side_by_side = options.max_width >= date_width + 2 + TITLE_ROOM + 2 + min(
            people_width, max(longest_line(people) for _, _, people in rows))
        grid = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0), expand=details)
        grid.add_column("date", style=DATE_STYLE, no_wrap=True, width=date_width)
        grid.add_column("title", ratio=5 if details else 3)  # details need the room
        if side_by_side:
            grid.add_column("people", style=PEOPLE_STYLE, ratio=2, min_width=min(people_width, PEOPLE_ROOM))
        year: int | None = None
        for event, (when, title, people) in zip(self.events, rows, strict=True):
            if event.date.earliest.year != year:
                if year is not None:
                    grid.add_row()
                year = event.date.earliest.year
                grid.add_row(safe(str(year), style=YEAR_STYLE))
            if side_by_side:
                grid.add_row(when, title, people)
            elif people.plain:  # the people under the title, before any details
                head, *rest = title.split("\n", allow_blank=True)
                grid.add_row(when, Text("\n").join([head, people, *rest]))
            else:
                grid.add_row(when, title)
        yield grid


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
    columns = (Column("Date", DATE_STYLE, wrap=False), Column("Id", DIM, wrap=False),
               Column("Title", readable=30, weight=4),
               Column("People", PEOPLE_STYLE, readable=16, weight=2), Column("Tags", DIM, readable=12))
    return Fitted(columns, tuple(
        (safe(event.date.human()), safe(event.id), _title_cell(event, options),
         safe(surnames(options.store, event.people)), safe(", ".join(event.tags)))
        for event in events))


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
        ("Later", person.later),
        ("Presidium", f"{seat.rank} member in June 1957, {SIDE_WORDS[seat.side]}" if (seat := profile.seat) else None),
        ("Sources", ", ".join(map(str, person.sources)) or None),
    ):
        if value:
            facts.add_row(safe(label), safe(value))
    for note in person.notes:
        facts.add_row(safe("Note"), safe(f"{note.text} [{', '.join(map(str, note.sources))}]"))
    parts.append(facts)
    return parts


def _offices(profile: Profile, options: Options) -> RenderableType:
    columns = (Column("Office", readable=20), Column("From", DATE_STYLE, wrap=False),
               Column("To", DATE_STYLE, wrap=False))
    return Fitted(columns, tuple(
        (safe(options.store.offices[term.office].title), safe(term.start.human()),
         safe(term.end.human() if term.end else ""))
        for term in profile.terms))


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


def timeline_on(report: PowerReport, options: Options) -> RenderableType:
    store, when = options.store, report.when
    single_day = when.earliest == when.latest
    heading = f"On {when.human()}" if single_day else f"{when.human()}: holders on {human_day(when.earliest)}"
    parts: list[RenderableType] = [Fitted(
        (Column("Office"), Column("Holder", PEOPLE_STYLE), Column("Since", DATE_STYLE, wrap=False)),
        tuple((safe(_office_name(store, holding.office)), _holder(store, holding.term.person if holding.term else None),
               safe(holding.term.start.human() if holding.term else ""))
              for holding in report.holdings),
        title=heading)]
    if report.changes:
        parts.append(Fitted(
            (Column("Date", DATE_STYLE, wrap=False), Column("Office"), Column("Out"), Column("In")),
            tuple((safe(human_day(change.day)), safe(_office_name(store, change.office)),
                   _holder(store, change.outgoing), _holder(store, change.incoming))
                  for change in report.changes),
            title="Changes"))
    if report.presidium:
        seats = sorted(report.presidium, key=lambda s: (s.rank != "full", s.side, s.person))
        parts.append(Fitted(
            (Column("Member"), Column("Rank", wrap=False), Column("Side in June 1957")),
            tuple((safe(store.people[seat.person].name), safe(seat.rank), safe(SIDE_WORDS[seat.side]))
                  for seat in seats),
            title="Party Presidium, June 1957"))
    if report.events:
        parts.append(Fitted(
            (Column("Date", DATE_STYLE, wrap=False), Column("When", DIM, wrap=False), Column("Title", readable=30)),
            tuple((safe(near.event.date.human()), safe(near.relation), safe(near.event.title))
                  for near in report.events),
            title="Events"))
    else:
        parts.append(Text("No events nearby.", style=DIM))
    return Group(*parts)


def _office_name(store: Store, office: str) -> str:
    return store.offices[office].short or store.offices[office].title


def chart_offices(chart: OfficeTerms, options: Options) -> RenderableType:
    from anti_party.render.chart import office_chart

    return office_chart(options.store, chart, width=10_000)


# Fields of flat listings that are never wrapped: ids, dates, numbers, fixed words.
_UNWRAPPED = {"id", "tag", "born", "died", "rank", "side", "type", "kind", "year", "events", "terms", "people",
              "presidium"}
_NUMERIC = {"year", "events", "terms", "people", "presidium"}
_HEADERS = {"url": "URL"}
_READABLE = {"title": 24, "authors": 16, "container": 16, "offices": 16}  # wrapped text: the narrowest to read
_WEIGHTS = {"title": 3, "authors": 2}


def _listed(value: object) -> str:
    """A listing's value for people to read: lists joined by "; " (authors are "Family, Given"), null empty."""
    return "; ".join(map(str, value)) if isinstance(value, list) else cell(value)


def table_records(records: Records, options: Options) -> RenderableType:
    columns = tuple(Column(_HEADERS.get(field, field.replace("_", " ").capitalize()), wrap=field not in _UNWRAPPED,
                           justify="right" if field in _NUMERIC else "left", fold=field == "url",
                           readable=_READABLE.get(field, 14), weight=_WEIGHTS.get(field, 1))
                    for field in records.fields)
    return Fitted(columns, tuple(tuple(safe(_listed(row[field])) for field in records.fields) for row in records.rows))
