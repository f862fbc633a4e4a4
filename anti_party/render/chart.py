"""Who held which office when: a bar chart of office terms drawn in the terminal.

Drawing rules:

* One row per office, labelled with its short title. The days from START to END
  map linearly onto the columns right of the label column; a term is a run of
  cells at least one column wide.
* A bar is coloured by its holder (a fixed palette, given out in order of first
  appearance, top row first) and carries " Surname " centred where it fits,
  else " AB " (the holder's key: initials, longer if two holders share them),
  else "AB", else nothing; the legend names every holder.
* With no colour, a row's consecutive bars alternate the fills "█" and "▓", and
  a label must leave a fill cell at each end of its bar.
* A vacancy (the office existed, nobody held it) is a dim "·"; days before the
  office existed or after it was abolished are blank.
* The axis ticks years; months when the span is 366 days or less; days when it
  is 31 days or less. Every unit is labelled if the labels fit, else every
  2nd, 5th, ... ; a January (or a 1st) is labelled with its year (or month)
  when the chart crosses into it.
* The legend gives each holder's initials on their colour, name and id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby, pairwise

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.style import Style
from rich.text import Text

from anti_party.model import Store, Term
from anti_party.query import OfficeTerms
from anti_party.render.sanitise import terminal_text

# (background, foreground) pairs, given out in order of first appearance.
PALETTE: tuple[tuple[str, str], ...] = (
    ("dodger_blue2", "white"), ("dark_orange3", "black"), ("green4", "white"), ("red3", "white"),
    ("medium_purple3", "black"), ("gold3", "black"), ("steel_blue", "white"), ("magenta3", "white"),
    ("chartreuse3", "black"), ("orange4", "white"), ("hot_pink3", "black"), ("dark_sea_green4", "white"),
    ("tan", "black"), ("deep_pink4", "white"), ("dark_cyan", "white"), ("light_salmon3", "black"),
    ("sky_blue2", "black"), ("slate_blue3", "white"),
)
FILLS = ("█", "▓")
VACANT = "·"
LABEL_MAX = 20
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NONE = Style.null()
DIM = Style(dim=True)

Cell = tuple[str, Style]


def office_chart(store: Store, chart: OfficeTerms, width: int) -> RenderableType:
    """The chart of the offices' terms (a query's result) over its span, at most WIDTH columns wide."""
    span = chart.span
    if span.end < span.start:
        raise ValueError(f"the chart ends ({span.end}) before it starts ({span.start})")
    for ident, _ in chart.terms:
        _office_title(store, ident)
    if not chart.terms:
        return Text("No offices to chart.", style=DIM)
    return _Chart(store, span.start, span.end, chart.terms, width)


def _office_title(store: Store, ident: str) -> str:
    if ident not in store.offices:
        raise ValueError(f"unknown office {ident!r}")
    return store.offices[ident].title


def _name(store: Store, person: str) -> str:
    return terminal_text(store.people[person].name if person in store.people else person)


def _initials(name: str) -> str:
    words = name.split()
    return words[0][0] + words[-1][0] if len(words) > 1 else name[:1]


@dataclass(frozen=True)
class _Holder:
    """A person on the chart: name, a key unique on this chart (initials), colours."""

    name: str
    key: str
    background: str
    foreground: str

    @property
    def style(self) -> Style:
        return Style(bgcolor=self.background, color=self.foreground)


def _holders(store: Store, persons: Sequence[str]) -> dict[str, _Holder]:
    """Colours in order of first appearance; a key that repeats takes more of the surname (LB, LBe)."""
    holders: dict[str, _Holder] = {}
    for person in dict.fromkeys(persons):
        name = _name(store, person)
        key, surname = _initials(name), name.split()[-1]
        for extra in range(2, len(surname) + 1):
            if key not in {holder.key for holder in holders.values()}:
                break
            key = _initials(name)[:-1] + surname[:extra]
        holders[person] = _Holder(name, key, *PALETTE[len(holders) % len(PALETTE)])
    return holders


@dataclass(frozen=True)
class _Scale:
    """Days from START to END onto COLUMNS columns, linearly."""

    start: date
    end: date
    columns: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def column(self, day: date, after: bool = False) -> int:
        """The first column of DAY, or with AFTER of the day after it (so END gives COLUMNS)."""
        offset = min(max((day - self.start).days + after, 0), self.days)
        return offset * self.columns // self.days

    def span(self, first: date, last: date) -> tuple[int, int]:
        """The columns [from, to) of the days FIRST..LAST, clipped to the chart; at least one."""
        left = self.column(max(first, self.start))
        return left, max(left + 1, self.column(min(last, self.end), after=True))


@dataclass(frozen=True)
class _Chart:
    store: Store
    start: date
    end: date
    offices: tuple[tuple[str, tuple[Term, ...]], ...]
    width: int

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        colour = console.color_system is not None and not console.no_color
        titles = [terminal_text(self.store.offices[ident].short or self.store.offices[ident].title)
                  for ident, _ in self.offices]
        label_width = min(max(map(len, titles)), LABEL_MAX) + 1
        width = min(self.width, options.max_width)  # never wider than the console
        scale = _Scale(self.start, self.end, max(width - label_width, 10))
        holders = _holders(self.store, [term.person for _, terms in self.offices for term in terms])
        for (ident, terms), title in zip(self.offices, titles, strict=True):
            line = Text(_fit(title, label_width - 1).ljust(label_width), no_wrap=True)
            line.append_text(_cells_text(self._row(ident, terms, scale, holders, colour)))
            yield line
        yield from _axis(scale, label_width)
        yield Text("")
        yield from _legend(holders, colour, width)

    def _existence(self, office: str, scale: _Scale) -> tuple[int, int]:
        """The columns [from, to) in which the office existed."""
        existed = self.store.offices[office].existed
        if existed is None:
            return 0, scale.columns
        if existed.earliest > self.end or existed.latest < self.start:
            return 0, 0
        return scale.span(existed.earliest, existed.latest)

    def _row(self, office: str, terms: Sequence[Term], scale: _Scale, holders: dict[str, _Holder],
             colour: bool) -> list[Cell]:
        cells: list[Cell] = [(" ", NONE)] * scale.columns
        first, stop = self._existence(office, scale)
        cells[first:stop] = [(VACANT, DIM)] * (stop - first)
        bars = [(term, *scale.span(term.start.earliest, term.end.latest if term.end else self.end))
                for term in terms]
        for index, (term, left, right) in enumerate(bars):
            if index + 1 < len(bars) and bars[index + 1][1] > left:  # the next bar wins a shared column
                right = min(right, bars[index + 1][1])
            holder = holders[term.person]
            fill = " " if colour else FILLS[index % 2]
            cells[left:right] = _bar(holder, right - left, fill, holder.style if colour else NONE)
        return cells


def _bar(holder: _Holder, size: int, fill: str, style: Style) -> list[Cell]:
    """SIZE cells of FILL with the holder's surname (or key) centred, if either fits.

    Without colour, a fill cell must remain at each end to show where the bar runs.
    """
    margin = 0 if fill == " " else 2
    for label in (f" {holder.name.split()[-1]} ", f" {holder.key} ", holder.key):
        if len(label) + margin <= size:
            before = (size - len(label)) // 2
            return [(fill, style)] * before + [(char, style) for char in label] + \
                [(fill, style)] * (size - before - len(label))
    return [(fill, style)] * size


def _cells_text(cells: list[Cell]) -> Text:
    text = Text(no_wrap=True)
    for style, run in groupby(cells, key=lambda cell: cell[1]):
        text.append("".join(char for char, _ in run), style)
    return text


def _fit(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


# ---------------------------------------------------------------- axis

Select = Callable[[date, int], bool]  # is this unit labelled at this step?


def _label_day(day: date, step: int) -> bool:
    if step <= 2:
        return step == 1 or (day.day % 2 == 1 and day.day <= 29)
    return day.day == 1 or (day.day % step == 0 and day.day <= 25)


UNITS: dict[str, tuple[tuple[int, ...], Select]] = {
    "year": ((1, 2, 5, 10, 20, 50, 100), lambda day, step: day.year % step == 0),
    "month": ((1, 2, 3, 6, 12), lambda day, step: (day.month - 1) % step == 0),
    "day": ((1, 2, 5, 10, 15, 31), _label_day),
}


def _unit(scale: _Scale) -> str:
    return "day" if scale.days <= 31 else "month" if scale.days <= 366 else "year"


def _unit_starts(unit: str, start: date, end: date) -> list[date]:
    if unit == "day":
        return [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
    if unit == "month":
        months = range(start.year * 12 + start.month - 1, end.year * 12 + end.month)
        days = [date(month // 12, month % 12 + 1, 1) for month in months]
    else:
        days = [date(year, 1, 1) for year in range(start.year, end.year + 1)]
    return [day for day in days if day >= start]


def _tick_label(unit: str, day: date, start: date, end: date) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        return str(day.year) if day.month == 1 and start.year != end.year else MONTHS[day.month - 1]
    crosses = (start.year, start.month) != (end.year, end.month)
    return MONTHS[day.month - 1] if day.day == 1 and crosses else str(day.day)


def _caption(unit: str, start: date, end: date) -> str:
    """What the tick labels leave out: the year of months, the month and year of days."""
    if unit == "year" or start.year != end.year:
        return ""
    return f"{MONTHS[start.month - 1]} {start.year}" if unit == "day" and start.month == end.month else str(start.year)


def _ticks(scale: _Scale) -> list[tuple[int, str]]:
    """(column, label) of the labelled units: the smallest step at which every label fits."""
    unit = _unit(scale)
    steps, select = UNITS[unit]
    days = _unit_starts(unit, scale.start, scale.end)
    placed: list[tuple[int, str]] = []
    for step in steps:
        placed = [(scale.column(day), _tick_label(unit, day, scale.start, scale.end))
                  for day in days if select(day, step)]
        placed = [(column, label) for column, label in placed if column + len(label) <= scale.columns]
        if all(right > left + len(label) for (left, label), (right, _) in pairwise(placed)):
            return placed
    kept: list[tuple[int, str]] = []
    for column, label in placed:  # even the widest step crowds: drop what collides
        if not kept or column > kept[-1][0] + len(kept[-1][1]):
            kept.append((column, label))
    return kept


def _axis(scale: _Scale, label_width: int) -> list[Text]:
    ticks = _ticks(scale)
    rule = ["─"] * scale.columns
    labels = [" "] * scale.columns
    for column, label in ticks:
        rule[column] = "┬"
        labels[column:column + len(label)] = label
    caption = _fit(_caption(_unit(scale), scale.start, scale.end), label_width - 1).ljust(label_width)
    return [
        Text(" " * label_width + "".join(rule), style=DIM, no_wrap=True),
        Text(caption + "".join(labels).rstrip(), no_wrap=True),
    ]


# ---------------------------------------------------------------- legend


def _legend(holders: dict[str, _Holder], colour: bool, width: int) -> list[Text]:
    """One entry per holder, " KEY  Name (id)", in as many equal columns as fit."""
    if not holders:
        return [Text("No holders in this period.", style=DIM)]
    entries = []
    keys = max(len(holder.key) for holder in holders.values())
    for person, holder in holders.items():
        entry = Text(no_wrap=True)
        entry.append(f" {holder.key:<{keys}} ", style=holder.style if colour else NONE)
        entry.append(f" {holder.name}")
        entry.append(f" ({terminal_text(person)})", style=DIM)
        entries.append(entry)
    size = max(entry.cell_len for entry in entries) + 3
    per_line = max(1, (width + 3) // size)
    lines = [Text(no_wrap=True) for _ in range(0, len(entries), per_line)]
    for index, entry in enumerate(entries):
        line = lines[index // per_line]
        line.append(" " * (size - line.cell_len % size) if line else "")
        line.append_text(entry)
    return lines
