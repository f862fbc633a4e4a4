"""The least a click program does to answer `apg timeline --from YEAR -f tsv|timeline` from apg's index.

    python bench/floor.py STORE INDEX timeline --from 1957 -f tsv

A lower bound for the start-up targets of issue 10, which bench/run.py measures in the same rounds
as apg. It uses none of apg's code: it parses the same command line with click, hashes the store
file (apg must, to know that its index is current), opens the index apg wrote for that store
(read-only), reads the events from YEAR on, and writes them. With `-f tsv` it writes the same bytes
as apg. With `-f timeline` it lays the same rows out in a rich Table, as apg's timeline does (a row
for each year, the people beside the title where there is room), but with the dates and people as
the index stores them, where apg also words the dates and looks up the surnames: it does less.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys

import click

EVENTS_FROM = ("SELECT date, earliest, latest, id, title, people, tags FROM events "
               "WHERE latest >= ? ORDER BY earliest, latest, rowid")
TITLE_ROOM, PEOPLE_ROOM = 40, 24  # as anti_party.render.terminal's timeline


@click.group()
@click.argument("store", type=click.Path(exists=True, dir_okay=False))
@click.argument("index", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def floor(context: click.Context, store: str, index: str) -> None:
    context.obj = (store, index)


@floor.command()
@click.option("--from", "start", required=True, help="The first year.")
@click.option("-f", "--format", "form", type=click.Choice(["tsv", "timeline"]), default="timeline")
@click.pass_obj
def timeline(paths: tuple[str, str], start: str, form: str) -> None:
    store, index = paths
    with open(store, "rb") as file:
        hashlib.sha256(file.read()).hexdigest()
    escaped = "".join(f"%{ord(character):02x}" if character in "?#%" else character for character in index)
    connection = sqlite3.connect(f"file:{escaped}?mode=ro&immutable=1", uri=True)  # no pathlib: it costs 8 ms
    rows: list[tuple[str, ...]] = connection.execute(EVENTS_FROM, (f"{int(start):04d}-01-01",)).fetchall()
    if form == "tsv":
        sys.stdout.write("".join("\t".join(row) + "\n" for row in rows))
    else:
        lay_out(rows)


def lay_out(rows: list[tuple[str, ...]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    date_width = max(len(row[0]) for row in rows)
    side_by_side = console.width >= date_width + 2 + TITLE_ROOM + 2 + min(PEOPLE_ROOM, max(len(row[5]) for row in rows))
    grid = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
    grid.add_column("date", style="cyan", no_wrap=True, width=date_width)
    grid.add_column("title", ratio=3)
    if side_by_side:
        grid.add_column("people", style="green", ratio=2, min_width=PEOPLE_ROOM)
    year = ""
    for when, earliest, _, _, title, people, _ in rows:
        if earliest[:4] != year:
            if year:
                grid.add_row()
            year = earliest[:4]
            grid.add_row(Text(year, style="bold magenta"))
        if side_by_side:
            grid.add_row(Text(when), Text(title), Text(people))
        else:
            grid.add_row(Text(when), Text(f"{title}\n{people}"))
    console.print(grid)


if __name__ == "__main__":
    floor()
