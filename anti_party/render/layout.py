"""Tables that stay readable at any width: columns at a readable size, or the rows stacked.

A `Fitted` table decides when it is drawn, at the console's width:

* If every column has its natural width (its longest cell line), the table is drawn so.
* Else the columns that may wrap give up room, never below a readable width nor below their
  longest word, so that no word is broken; the columns that may not wrap (dates, ids, numbers)
  keep their natural width. An address (a URL) is not a word: it may be folded anywhere.
* If even that does not fit, each row is shown as a block of "Label  value" lines, so that
  nothing is squeezed, cut or dropped. Only a word longer than the whole line (a URL) is folded.

Rich itself shrinks columns below any minimum when a table is too wide; widths are therefore
computed here and given to rich as fixed widths.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box as boxes
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

DIM = "dim"


@dataclass(frozen=True)
class Column:
    header: str
    style: str = ""
    wrap: bool = True  # False for dates, ids and numbers: never wrapped
    readable: int = 14  # the narrowest a wrapping column may become
    justify: str = "left"
    weight: int = 1  # a wrapping column's share of the room beyond the minimums
    fold: bool = False  # True for addresses (URLs), which may be broken anywhere: not words


def longest_word(text: Text) -> int:
    return max((len(word) for word in text.plain.split()), default=0)


def longest_line(text: Text) -> int:
    return max((Text(line).cell_len for line in text.plain.split("\n")), default=0)


def column_widths(natural: Sequence[int], minimum: Sequence[int], weights: Sequence[int],
                  room: int) -> list[int] | None:
    """Widths within ROOM: the natural ones if they fit, else each at least its minimum, the room left
    shared by weight among the columns still short of their natural width; None if the minimums do not fit."""
    if sum(natural) <= room:
        return list(natural)
    if sum(minimum) > room:
        return None
    widths = list(minimum)
    while True:
        spare = room - sum(widths)
        short = [index for index, width in enumerate(widths) if width < natural[index]]
        if spare <= 0 or not short:
            return widths
        total = sum(weights[index] for index in short)
        grown = False
        for index in short:
            share = min(spare * weights[index] // total, natural[index] - widths[index])
            widths[index] += share
            grown = grown or share > 0
        if not grown:  # less room left than columns: one column each, heaviest first
            for index in sorted(short, key=lambda i: -weights[i])[:spare]:
                widths[index] += 1
            return widths


@dataclass(frozen=True)
class Fitted:
    """Rows under columns: a table where it fits at a readable width, else stacked blocks."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Text, ...], ...]
    title: str | None = None
    blank_between: bool = True

    def _table(self, widths: Sequence[int] | None) -> Table:
        table = Table(box=boxes.SIMPLE_HEAD, show_edge=False, title=self.title, title_justify="left",
                      title_style="bold")
        for index, column in enumerate(self.columns):
            table.add_column(column.header, style=column.style, no_wrap=not column.wrap, overflow="fold",
                             justify=column.justify,  # type: ignore[arg-type]
                             width=widths[index] if widths else None)
        for row in self.rows:
            table.add_row(*row)
        return table

    def widths(self, console: Console, options: ConsoleOptions) -> list[int] | None:
        cells = list(zip(*self.rows, strict=True)) if self.rows else [() for _ in self.columns]
        natural = [max([len(column.header), *(longest_line(text) for text in texts)])
                   for column, texts in zip(self.columns, cells, strict=True)]
        minimum = [
            width if not column.wrap else min(width, max(
                column.readable, len(column.header), *(() if column.fold else (longest_word(t) for t in texts))))
            for column, width, texts in zip(self.columns, natural, cells, strict=True)
        ]
        overhead = Measurement.get(console, options, self._table([1] * len(self.columns))).minimum - len(self.columns)
        return column_widths(natural, minimum, [column.weight for column in self.columns], options.max_width - overhead)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self.widths(console, options)
        if widths is not None:
            yield self._table(widths)
            return
        if self.title:
            yield Text(self.title, style="bold")
        label_width = max(len(column.header) for column in self.columns)
        for index, row in enumerate(self.rows):
            block = Table.grid(padding=(0, 2, 0, 0))
            block.add_column(style=DIM, no_wrap=True, width=label_width)
            block.add_column(overflow="fold")
            for column, text in zip(self.columns, row, strict=True):
                if text.plain.strip():
                    styled = text.copy()
                    styled.stylize(column.style)
                    block.add_row(Text(column.header), styled)
            if index and self.blank_between:
                yield Text("")
            yield block
