"""The command line: parse, query, render, echo. The only code that writes to the streams."""

from __future__ import annotations

import atexit
import gc
import io
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import click

from anti_party import __version__
from anti_party.choices import CITATION_STYLES, DELIMITED_EVENT_FIELDS, PEOPLE_SORTS, SORT_KEYS
from anti_party.cli.app import (
    App,
    check_or_fail,
    color_wanted,
    emit_listing,
    find_all,
    find_person,
    resolve_format,
)
from anti_party.cli.edge import GuardedGroup, set_debug
from anti_party.cli.options import (
    CONTEXT,
    complete_citable,
    complete_event_ids,
    complete_offices,
    complete_people,
    complete_tags,
    date_options,
    format_option,
    listing_format,
    output_options,
    person_option,
    user_date,
)
from anti_party.errors import DataError
from anti_party.paths import store_paths
from anti_party.render import FORMATS, Options, render
from anti_party.render.sanitise import terminal_text

# Building the command line loads no more than click and the modules above: each command
# imports the queries (and the renderers load themselves) when it runs, so that `apg --help`,
# `apg CMD --help` and completion stay quick; the citation styles load only for apg cite.
# Paths on the command line are strings until a command uses them: pathlib (with urllib.parse
# and ipaddress) costs --help a tenth of its time.
if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from anti_party.dates import EdtfDate


@click.group(name="apg", cls=GuardedGroup, context_settings=CONTEXT, invoke_without_command=True,
             no_args_is_help=True)
@click.option("--version", is_flag=True, help="Show the version, what the store holds and the years it covers.")
@click.option("--store", "stores", multiple=True, type=click.Path(),
              metavar="PATH", help="A store to load after the packaged one (repeatable; default: $APG_STORE).")
@click.option("--no-default-store", is_flag=True, help="Do not load the packaged events.toml.")
@click.option("--color/--no-color", default=None, help="Force or forbid colour (default: on a terminal).")
@click.option("--no-pager", is_flag=True,
              help="Never page output (default on a terminal: $APG_PAGER, $PAGER or 'less -FRX' when the "
                   "output is taller than the screen).")
@click.option("--debug", is_flag=True, is_eager=True, expose_value=False, callback=set_debug,
              help="Show the traceback of an internal error (also APG_DEBUG=1).")
@click.pass_context
def main(ctx: click.Context, version: bool, stores: tuple[str, ...], no_default_store: bool, color: bool | None,
         no_pager: bool) -> None:
    """A timeline of the Soviet Anti-Party Group, 1953-1962."""
    paths = store_paths(stores, os.environ.get("APG_STORE"), use_default=not no_default_store)
    if not paths:
        raise click.UsageError("--no-default-store needs at least one --store PATH")
    ctx.obj = App(paths, color, pager=not no_pager)
    if version:
        click.echo(f"apg, version {__version__}")
        try:
            click.echo(version_text(ctx.obj), nl=False)
        except DataError as error:  # the version is what a bug report needs, store or no store
            click.echo("".join(terminal_text(f"store: {path}") + "\n" for path in ctx.obj.paths), nl=False)
            problems = f"{len(error.lines)} problem{'s' if len(error.lines) != 1 else ''}"
            click.echo(f"Note: the store cannot be loaded ({problems}); apg check lists them", err=True)
        ctx.exit(0)
    if ctx.invoked_subcommand is None:
        raise click.UsageError("Missing command.")


def note_outside_record(start: date, end: date) -> None:
    """A note on stderr when the asked days reach beyond the store's record of office holders."""
    from anti_party import query

    outside = query.outside_record(start, end)
    if outside:
        click.echo(f"Note: {outside}", err=True)


def version_text(app: App) -> str:
    """The stores loaded, what they hold and the span of their events."""
    from anti_party import query

    held = query.store_summary(app.store)
    lines = [f"store: {path}" for path in app.paths]
    counts = ", ".join(f"{count} {noun if count == 1 else plural}" for count, noun, plural in (
        (held.people, "person", "people"), (held.sources, "source", "sources"), (held.offices, "office", "offices"),
        (held.terms, "term", "terms")))
    span = f" from {held.first.human()} to {held.last.human()}" if held.first and held.last else ""
    lines.append(f"{held.events} event{'' if held.events == 1 else 's'}{span}; {counts}")
    return "".join(terminal_text(line) + "\n" for line in lines)


@main.command(context_settings=CONTEXT)
@date_options
@person_option
@click.option("--tag", "-t", "tags", multiple=True, shell_complete=complete_tags,
              help="Events with this tag (repeatable; any of them).")
@click.option("--grep", "-g", metavar="TEXT",
              help="Events whose title or summary contains TEXT (ignoring case and accents).")
@click.option("--sort", type=click.Choice(SORT_KEYS), default="date", show_default=True,
              help="Order of the events.")
@click.option("--reverse", "-r", is_flag=True, help="Reverse the order.")
@click.option("--limit", "-n", type=click.IntRange(min=0), help="Show at most N events.")
@output_options("events")
@click.pass_obj
def timeline(app: App, start: EdtfDate | None, end: EdtfDate | None, on: EdtfDate | None, people: Sequence[str],
             tags: Sequence[str], grep: str | None, sort: str, reverse: bool, limit: int | None,
             format_name: str, fields: tuple[str, ...] | None, header: bool, details: bool) -> None:
    """List events, filtered by date, person, tag or text."""
    from anti_party import query

    try:
        span = query.date_range(start, end, on)
    except query.QueryError as error:
        raise click.UsageError(str(error)) from None
    person_ids = tuple(find_person(app.store, name) for name in people)
    wanted = query.EventQuery(span, person_ids, find_all(app.store, tags, query.find_tag), grep, sort, reverse, limit)
    chosen = resolve_format(app, format_name)
    straight = app.writes_straight()
    columns = fields or DELIMITED_EVENT_FIELDS
    if FORMATS[chosen].cells and straight and (rows := query.cell_batches(app.store, wanted, columns)) is not None:
        for number, batch in enumerate(rows):
            app.emit(render(chosen, "cells", batch, Options(app.store, columns, header and not number)))
        return
    if FORMATS[chosen].batches and straight:
        for number, batch in enumerate(query.event_batches(app.store, wanted)):
            app.emit(render(chosen, "events", batch, Options(app.store, fields, header and not number, details)))
        return
    events = query.events_matching(app.store, wanted)
    terms = tuple(query.all_terms(app.store)) if chosen == "html" else ()  # the page's offices band
    app.emit(render(chosen, "events", events, Options(app.store, fields, header, details, terms)))


@main.command(context_settings=CONTEXT)
@click.argument("name", shell_complete=complete_people)
@output_options("person", auto_help="'timeline' on a terminal and 'text' in a pipe")
@click.pass_obj
def person(app: App, name: str, format_name: str, fields: tuple[str, ...] | None, header: bool, details: bool) -> None:
    """Show a person: names, life, offices held and events.

    NAME is an id, surname, full name, alias or the Russian name, in any case and
    without accents; a unique prefix is enough.
    """
    from anti_party import query

    profile = query.profile(app.store, find_person(app.store, name))
    options = Options(app.store, fields, header, details)
    app.emit(render(resolve_format(app, format_name, piped="text"), "person", profile, options))


@main.command(name="on", context_settings=CONTEXT)
@click.argument("when", metavar="DATE", callback=user_date)
@click.option("--window", "-w", type=click.IntRange(min=0), default=7, show_default=True,
              help="Also show events up to N days before and after.")
@format_option("on", "'timeline' on a terminal and 'tsv' in a pipe")
@click.pass_obj
def on_date(app: App, when: EdtfDate, window: int, format_name: str) -> None:
    """Show who held power on DATE, and what happened around it.

    Office holders, the Party Presidium's line-up in June 1957 and the events
    within --window days. For a day: the holder of each office that day (on the day of a handover, the
    incoming holder). For a month or a year: the holders on its first day and every
    change within it.
    """
    from anti_party import query

    report = query.state_of_power(app.store, when, window)
    note_outside_record(when.earliest, when.latest)
    app.emit(render(resolve_format(app, format_name), "on", report, Options(app.store)))


@main.command(context_settings=CONTEXT)
@click.option("--from", "start", metavar="DATE", callback=user_date, help="Start of the chart [default: 5 Mar 1953].")
@click.option("--to", "end", metavar="DATE", callback=user_date, help="End of the chart [default: 31 Dec 1961].")
@click.option("--office", "-o", "offices", multiple=True, metavar="ID", shell_complete=complete_offices,
              help="Chart only this office (repeatable).")
@format_option("offices", "'chart' on a terminal and 'tsv' in a pipe")
@click.option("--header", is_flag=True, help="Start TSV output with a header row.")
@click.pass_obj
def offices(app: App, start: EdtfDate | None, end: EdtfDate | None, offices: tuple[str, ...], format_name: str,
            header: bool) -> None:
    """Chart who held which office when.

    The formats tsv, csv and json list the terms instead.
    """
    from anti_party import query

    find_all(app.store, offices, query.find_office)
    try:
        span = query.office_span(start, end, offices or tuple(app.store.offices))
    except query.QueryError as error:
        raise click.UsageError(str(error)) from None
    note_outside_record(span.start, span.end)
    chart = query.office_terms(app.store, span)
    app.emit(render(resolve_format(app, format_name, "chart"), "offices", chart, Options(app.store, header=header)))


@main.command(context_settings=CONTEXT)
@click.option("--sort", type=click.Choice(PEOPLE_SORTS), default="born", show_default=True,
              help="Order of the people.")
@listing_format
@click.pass_obj
def people(app: App, sort: str, format_name: str, header: bool) -> None:
    """List the people with life dates, Presidium seats and offices."""
    from anti_party import query
    from anti_party.render.records import people_records

    emit_listing(app, people_records(query.list_people(app.store, sort)), format_name, header)


@main.command(context_settings=CONTEXT)
@listing_format
@click.pass_obj
def tags(app: App, format_name: str, header: bool) -> None:
    """List the tags and how many events carry each."""
    from anti_party import query
    from anti_party.render.records import tag_records

    emit_listing(app, tag_records(query.list_tags(app.store)), format_name, header)


@main.command(context_settings=CONTEXT)
@listing_format
@click.pass_obj
def sources(app: App, format_name: str, header: bool) -> None:
    """List the sources and how many events, terms, people and Presidium seats cite each (notes included)."""
    from anti_party import query
    from anti_party.render.records import source_records

    emit_listing(app, source_records(query.list_sources(app.store)), format_name, header)


@main.command(context_settings=CONTEXT)
@click.argument("ids", nargs=-1, metavar="ID...", shell_complete=complete_citable)
@click.option("--style", "-s", type=click.Choice(CITATION_STYLES), default="chicago", show_default=True,
              help="Citation style: MLA 9, Chicago 18 or APA 7.")
@click.option("--all", "everything", is_flag=True, help="The whole bibliography.")
@click.option("--note", "form", flag_value="note", help="Chicago's full footnote, with the event's page.")
@click.option("--short-note", "form", flag_value="short-note", help="Chicago's shortened footnote.")
@click.option("--in-text", "form", flag_value="in-text", help="MLA's or APA's parenthetical citation.")
@format_option("citations", "'text'; markdown, html and rtf keep italics; bibtex, csl-json and ris export")
@click.pass_obj
def cite(app: App, ids: tuple[str, ...], style: str, everything: bool, form: str | None, format_name: str) -> None:
    """Print citations of sources in MLA, Chicago or APA style, or export them.

    Each ID is a source id or an event id, which stands for every source the
    event cites, with the page, section or document the store gives for it;
    --all gives the whole bibliography. Bibliography entries come in the
    style's order, once each; --note, --short-note and --in-text give one
    citation per source cited, in the order cited. -f markdown, html and rtf
    keep the italics when pasted; bibtex, csl-json and ris are for reference
    managers.
    """
    from anti_party import query

    if not ids and not everything:
        raise click.UsageError("give source or event ids, or --all")
    from anti_party.cite import CitationRequest, gaps  # the citation styles load only for apg cite

    request = CitationRequest(
        tuple(query.citations_for(app.store, ids)) if ids else tuple((s, None) for s in app.store.sources.values()),
        style, form or "bibliography", tuple(app.store.sources.values()),
    )
    output = render(resolve_format(app, format_name, "text", "text"), "citations", request, Options(app.store))
    for source in request.sources:
        for gap in gaps(source):
            click.echo(terminal_text(f"Warning: source {source.id!r}: {gap}"), err=True)
    app.emit(output)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())  # the loader reports a directory, as for APG_STORE
@click.option("--strict", is_flag=True, help="Treat warnings as problems (exit 1).")
@click.pass_obj
def check(app: App, paths: tuple[str, ...], strict: bool) -> None:
    """Validate the store and report every problem.

    With PATHS, validate those files alone.

    Exits 1 if there is any problem, printing one line for each on stderr.
    Warnings (an event or term resting only on web sources) are printed on
    stderr too but leave the exit status alone, unless --strict is given.
    """
    from pathlib import Path

    # Never from the cache: check validates afresh.
    store, warnings = check_or_fail([Path(path) for path in paths] or app.paths)
    if strict and warnings:
        raise DataError(*map(str, warnings))
    for warning in warnings:
        click.echo(terminal_text(f"Warning: {warning}"), err=True)
    click.echo(
        f"ok: {len(store.events)} events, {len(store.people)} people, {len(store.sources)} sources, "
        f"{len(store.offices)} offices, {len(store.terms)} terms"
        + (f" ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})" if warnings else "")
    )


@main.command(context_settings=CONTEXT)
@click.argument("file", metavar="FILE", type=click.Path(dir_okay=False))
@click.pass_obj
def db(app: App, file: str) -> None:
    """Write the merged store to FILE as an SQLite database.

    One table each for events, people, sources, offices, terms, the Presidium
    and periods, link tables for people, tags and citations, and a full-text
    search table; each record is also kept whole as JSON. sqlite3, Datasette or
    a notebook open the file directly. Schema and example queries: docs/db.md.
    An existing FILE is replaced; a device, a named pipe or a store apg
    reads is refused.
    """
    from pathlib import Path

    from anti_party.index import write_standalone

    database = Path(file)
    target = _database_target(app, database)
    try:
        write_standalone(app.store, target)
    except OSError as error:
        raise DataError(f"cannot write {database}: {error.strerror or error}") from None
    click.echo(terminal_text(f"Wrote {database}"), err=True)


def _database_target(app: App, file: Path) -> Path:
    """Where `apg db FILE` may put the database: FILE itself, or what FILE links to.

    The database is built beside FILE and renamed over it, so FILE must be a name for a regular
    file: renamed over /dev/null (as root) or a named pipe it would replace the device or the pipe,
    and over a store apg reads it would destroy the record.
    """
    from pathlib import Path

    if str(file) in ("", ".", "-"):  # an empty FILE is the path "."
        raise click.BadParameter("give the name of the database file to write (it is never standard output)",
                                 param_hint="'FILE'")
    try:
        exists, linked = file.exists(), file.is_symlink()
        if exists and not file.is_file():
            raise DataError(f"cannot write {file}: not a regular file; apg db replaces only a regular file")
        if exists and any(path.exists() and path.samefile(file) for path in app.paths):
            raise DataError(f"cannot write {file}: it is a store apg reads; name another file")
    except OSError as error:  # a name too long, a directory that cannot be searched
        raise DataError(f"cannot write {file}: {error.strerror or error}") from None
    return Path(os.path.realpath(file)) if linked else file  # a link stays a link; its file is replaced


@main.command(context_settings=CONTEXT)
@click.argument("ids", nargs=-1, required=True, metavar="ID...", shell_complete=complete_event_ids)
@output_options("events", auto_help="'text'")
@click.pass_obj
def show(app: App, ids: tuple[str, ...], format_name: str, fields: tuple[str, ...] | None, header: bool,
         details: bool) -> None:
    """Show events in full, with their notes and sources.

    An ID of - reads ids from standard input, one per line or in the first
    column of TSV, so that `apg timeline --tag plenum | apg show -` works.
    """
    from anti_party import query

    by_id = {event.id: event for event in app.store.events}
    wanted = query.ids_from_lines(stdin_lines(), by_id) if ids == ("-",) else list(dict.fromkeys(ids))
    if not wanted:
        raise click.UsageError("no event ids on standard input")
    missing = [ident for ident in wanted if ident not in by_id]
    if missing:
        problems = [query.no_such_event(app.store, ident) for ident in missing[:UNKNOWN_IDS_SHOWN]]
        hidden = len(missing) - UNKNOWN_IDS_SHOWN
        raise DataError(*problems, *([f"... and {hidden:,} more unknown ids"] if hidden > 0 else []))
    events = [by_id[ident] for ident in wanted]
    options = Options(app.store, fields, header, details)
    app.emit(render(resolve_format(app, format_name, "text", "text"), "events", events, options))


UNKNOWN_IDS_SHOWN = 10  # and a count of the rest: a pipe of junk must not give a line for each


def stdin_lines() -> Iterator[str]:
    """Standard input line by line as UTF-8, an undecodable byte shown as U+FFFD rather than failing.

    A closed standard input (`apg show - <&-`) has no lines.
    """
    if sys.stdin is None:
        return
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        yield from sys.stdin
        return
    yield from io.TextIOWrapper(buffer, encoding="utf-8", errors="replace")


@main.command(context_settings=CONTEXT)
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the completion script for SHELL.

    \b
    bash: apg completion bash > ~/.local/share/bash-completion/completions/apg
    zsh:  apg completion zsh > "${fpath[1]}/_apg"
    fish: apg completion fish > ~/.config/fish/completions/apg.fish
    """
    from click.shell_completion import get_completion_class  # only here: click loads it itself to complete

    script = get_completion_class(shell)
    assert script is not None  # every choice is a shell click supports
    click.echo(script(main, {}, "apg", "_APG_COMPLETE").source())


def run() -> None:
    """The console script: click's main through the edge (anti_party.cli.edge), which maps every error."""
    # At shutdown the interpreter's garbage collections walk every object that click, rich and our
    # modules made, looking for cycles: a tenth of a short command's time (10 ms of apg --help, 30 of
    # a rich timeline). gc.freeze, run at exit after any handler registered later, moves them out of
    # the collector's sight; they are still freed as the modules are cleared, and the few in cycles
    # when the process ends. Nothing apg holds by then needs a finalizer: the output is flushed, and
    # a database being written is closed once written.
    atexit.register(gc.freeze)
    main(prog_name="apg")


__all__ = ["App", "color_wanted", "main", "run"]
