"""The command line: parse, query, render, echo. The only module that writes to the streams."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.shell_completion import CompletionItem, get_completion_class

from anti_party import __version__, query
from anti_party.cite import STYLES, bibliography
from anti_party.dates import DateError, EdtfDate, parse_user_date
from anti_party.model import Profile, Store
from anti_party.render import FORMATS, Options, formats_for, render
from anti_party.render.records import EVENT_FIELDS, Records, people_records, source_records, tag_records
from anti_party.store import StoreError, load_store, store_paths

if TYPE_CHECKING:
    from rich.console import Console

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class DataError(click.ClickException):
    """A data or lookup problem: exit 1, one line on stderr for each problem."""

    exit_code = 1

    def __init__(self, *lines: str) -> None:
        super().__init__(lines[0])
        self.lines = lines

    def show(self, file: Any = None) -> None:
        for line in self.lines:
            click.echo(f"Error: {line}", err=True)


def color_wanted(flag: bool | None, environ: Mapping[str, str], is_terminal: bool) -> bool:
    """--color/--no-color, then NO_COLOR, FORCE_COLOR or CLICOLOR_FORCE, then TERM=dumb, then the tty."""
    if flag is not None:
        return flag
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR") or environ.get("CLICOLOR_FORCE", "0") not in ("", "0"):
        return True
    return is_terminal and environ.get("TERM") != "dumb"


def cache_dir(environ: Mapping[str, str]) -> Path | None:
    """Where validated stores are cached: $APG_CACHE_DIR, else the XDG cache; APG_NO_CACHE turns it off."""
    if environ.get("APG_NO_CACHE"):
        return None
    if environ.get("APG_CACHE_DIR"):
        return Path(environ["APG_CACHE_DIR"])
    base = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "apg"


@dataclass
class Picture:
    """Where to write a rich view as a picture, and how wide to draw it."""

    svg: Path | None = None
    html: Path | None = None
    width: int = 100


@dataclass
class App:
    """What the group's options set up for every command."""

    paths: list[Path]
    color: bool | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    picture: Picture = field(default_factory=Picture)

    @cached_property
    def store(self) -> Store:
        try:
            return load_store(self.paths, cache_dir(self.environ))
        except StoreError as error:
            raise DataError(*map(str, error.problems)) from None

    def stdout_is_terminal(self) -> bool:
        return sys.stdout.isatty()

    def console(self) -> Console:
        from rich.console import Console

        terminal = self.stdout_is_terminal()
        color = color_wanted(self.color, self.environ, terminal)
        width = None if terminal else int(self.environ.get("COLUMNS") or 0) or 160
        return Console(
            file=sys.stdout, markup=False, highlight=False, emoji=False,
            color_system="auto" if color else None, force_terminal=color, width=width,
        )

    def emit(self, output: Any) -> None:
        if self.picture.svg or self.picture.html:
            self.save_picture(output)
        elif isinstance(output, str):
            click.echo(output, nl=False, color=True)  # data is written as it is: no ANSI stripping
        else:
            self.console().print(output)


    def save_picture(self, output: Any) -> None:
        from rich.console import Console

        if isinstance(output, str):
            raise click.UsageError("--svg and --html draw a rich view: use -f timeline, table or chart")
        console = Console(record=True, file=io.StringIO(), width=self.picture.width, markup=False, highlight=False,
                          emoji=False, force_terminal=True, color_system="truecolor")
        console.print(output)
        if self.picture.svg:
            console.save_svg(str(self.picture.svg), title="apg", clear=False)
            click.echo(f"Wrote {self.picture.svg}", err=True)
        if self.picture.html:
            console.save_html(str(self.picture.html), clear=False)
            click.echo(f"Wrote {self.picture.html}", err=True)


def _user_date(ctx: click.Context, param: click.Parameter, value: str | None) -> EdtfDate | None:
    try:
        return None if value is None else parse_user_date(value)
    except DateError as error:
        raise click.BadParameter(str(error), ctx, param) from None


def date_options(function: F) -> F:
    for option in reversed((
        click.option("--from", "start", metavar="DATE", callback=_user_date, help="Events that end on or after DATE."),
        click.option("--to", "end", metavar="DATE", callback=_user_date, help="Events that start on or before DATE."),
        click.option("--on", metavar="DATE", callback=_user_date, help="Events that overlap this day, month or year."),
    )):
        function = option(function)
    return function


def format_option(view: str, auto_help: str) -> Callable[[F], F]:
    choices = ["auto", *formats_for(view)]
    option = click.option(
        "--format", "-f", "format_name", type=click.Choice(choices), default="auto", show_default=True,
        help=f"Output format; auto is {auto_help}.",
    )
    has_rich_view = any(FORMATS[name].terminal for name in choices[1:])
    return (lambda function: picture_options(option(function))) if has_rich_view else option


def _set_picture(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is not None:
        setattr(ctx.find_object(App).picture, param.name or "", value)  # type: ignore[union-attr]


def picture_options(function: F) -> F:
    """--svg, --html and --width: save a rich view as a picture (rich's console recording)."""
    for option in reversed((
        click.option("--svg", type=click.Path(dir_okay=False, writable=True, path_type=Path), metavar="FILE",
                     expose_value=False, callback=_set_picture, help="Write the rich view to FILE as SVG."),
        click.option("--html", type=click.Path(dir_okay=False, writable=True, path_type=Path), metavar="FILE",
                     expose_value=False, callback=_set_picture, help="Write the rich view to FILE as HTML."),
        click.option("--width", type=click.IntRange(40, 400), metavar="N", expose_value=False, callback=_set_picture,
                     help="Width of the picture in columns [default: 100]."),
    )):
        function = option(function)
    return function


def output_options(view: str, auto_help: str = "'timeline' on a terminal and 'tsv' in a pipe") -> Callable[[F], F]:
    def decorate(function: F) -> F:
        for option in reversed((
            format_option(view, auto_help),
            click.option("--fields", metavar="A,B,...", callback=_check_fields, shell_complete=complete_fields,
                         help="Fields and their order for tsv, csv, json and jsonl."),
            click.option("--header", is_flag=True, help="Start TSV output with a header row."),
            click.option("--details", "-d", is_flag=True, help="Show summaries, notes and sources."),
        )):
            function = option(function)
        return function

    return decorate


def person_option(function: F) -> F:
    return click.option("--person", "-p", "people", multiple=True, metavar="NAME", shell_complete=complete_people,
                        help="Events involving this person (repeatable; any of them).")(function)


def _completion_store(ctx: click.Context) -> Store | None:
    # Completion parses the command line without running the group, so the store is found here.
    root = ctx.find_root().params
    paths = store_paths(root.get("stores") or (), os.environ.get("APG_STORE"),
                        use_default=not root.get("no_default_store"))
    try:
        return load_store(paths)
    except StoreError:
        return None


def _complete(ctx: click.Context, incomplete: str, items: Callable[[Store], Mapping[str, str]]) -> list[CompletionItem]:
    store = _completion_store(ctx)
    found = items(store) if store else {}
    return [CompletionItem(value, help=text) for value, text in found.items() if value.startswith(incomplete)]


def complete_people(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(ctx, incomplete.lower(), lambda store: {p.id: p.name for p in store.people.values()})


def complete_tags(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(ctx, incomplete, lambda store: {tag: "" for event in store.events for tag in event.tags})


def complete_event_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(ctx, incomplete, lambda store: {event.id: event.title for event in store.events})


def complete_fields(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [CompletionItem(prefix + name) for name in EVENT_FIELDS if name.startswith(last)]


def _check_fields(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    fields = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in fields if name not in EVENT_FIELDS]
    if unknown or not fields:
        raise click.BadParameter(
            f"unknown field {', '.join(map(repr, unknown)) or '(none given)'}; valid fields: {', '.join(EVENT_FIELDS)}",
            ctx, param,
        )
    return fields


def resolve_format(app: App, format_name: str, interactive: str = "timeline", piped: str = "tsv") -> str:
    if format_name == "auto":
        wants_picture = app.picture.svg or app.picture.html
        return interactive if wants_picture or app.stdout_is_terminal() else piped
    return format_name


def find_person(store: Store, name: str) -> str:
    try:
        return query.find_person(store, name).id
    except query.LookupFailed as error:
        raise DataError(str(error)) from None


@click.group(name="apg", context_settings=CONTEXT)
@click.version_option(__version__, prog_name="apg")
@click.option("--store", "stores", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              metavar="PATH", help="A store to load after the packaged one (repeatable; default: $APG_STORE).")
@click.option("--no-default-store", is_flag=True, help="Do not load the packaged events.toml.")
@click.option("--color/--no-color", default=None, help="Force or forbid colour (default: on a terminal).")
@click.pass_context
def main(ctx: click.Context, stores: tuple[Path, ...], no_default_store: bool, color: bool | None) -> None:
    """A timeline of the Soviet Anti-Party Group, 1953-1962."""
    paths = store_paths(stores, os.environ.get("APG_STORE"), use_default=not no_default_store)
    if not paths:
        raise click.UsageError("--no-default-store needs at least one --store PATH")
    ctx.obj = App(paths, color)


@main.command(context_settings=CONTEXT)
@date_options
@person_option
@click.option("--tag", "-t", "tags", multiple=True, shell_complete=complete_tags,
              help="Events with this tag (repeatable; any of them).")
@click.option("--grep", "-g", metavar="TEXT", help="Events whose title or summary contains TEXT (any case).")
@click.option("--sort", type=click.Choice(query.SORT_KEYS), default="date", show_default=True,
              help="Order of the events.")
@click.option("--reverse", "-r", is_flag=True, help="Reverse the order.")
@click.option("--limit", "-n", type=click.IntRange(min=0), help="Show at most N events.")
@output_options("events")
@click.pass_obj
def timeline(app: App, start: EdtfDate | None, end: EdtfDate | None, on: EdtfDate | None, people: Sequence[str],
             tags: Sequence[str], grep: str | None, sort: str, reverse: bool, limit: int | None,
             format_name: str, fields: tuple[str, ...] | None, header: bool, details: bool) -> None:
    """List events, filtered by date, person, tag or text."""
    try:
        span = query.date_range(start, end, on)
    except query.QueryError as error:
        raise click.UsageError(str(error)) from None
    person_ids = tuple(find_person(app.store, name) for name in people)
    wanted = query.EventQuery(span, person_ids, tuple(tags), grep, sort, reverse, limit)
    events = query.select_events(app.store.events, wanted)
    options = Options(app.store, fields, header, details)
    app.emit(render(resolve_format(app, format_name), "events", events, options))


@main.command(context_settings=CONTEXT)
@click.argument("name", shell_complete=complete_people)
@output_options("person")
@click.pass_obj
def person(app: App, name: str, format_name: str, fields: tuple[str, ...] | None, header: bool, details: bool) -> None:
    """Show a person: names, life, offices held and events.

    NAME is an id, surname, full name, alias or the Russian name, in any case and
    without accents; a unique prefix is enough.
    """
    found = app.store.people[find_person(app.store, name)]
    profile = Profile(found, tuple(query.terms_of(app.store, found.id)),
                      tuple(query.select_events(app.store.events, query.EventQuery(people=(found.id,)))))
    app.emit(render(resolve_format(app, format_name), "person", profile, Options(app.store, fields, header, details)))


@main.command(name="on", context_settings=CONTEXT)
@click.argument("when", metavar="DATE", callback=_user_date)
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
    report = query.state_of_power(app.store, when, window)
    if when.earliest < query.STORE_PERIOD.first:
        click.echo("Note: the store's record of office holders begins on 5 March 1953.", err=True)
    app.emit(render(resolve_format(app, format_name), "on", report, Options(app.store)))


def complete_citable(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(ctx, incomplete, lambda store: {**{e.id: e.title for e in store.events},
                                                     **{s.id: s.title for s in store.sources.values()}})


def complete_offices(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(ctx, incomplete, lambda store: {o.id: o.title for o in store.offices.values()})


@main.command(context_settings=CONTEXT)
@click.option("--from", "start", metavar="DATE", callback=_user_date, help="Start of the chart [default: 5 Mar 1953].")
@click.option("--to", "end", metavar="DATE", callback=_user_date, help="End of the chart [default: 31 Dec 1961].")
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
    unknown = [ident for ident in offices if ident not in app.store.offices]
    if unknown:
        known = ", ".join(app.store.offices)
        raise DataError(*(f"no office has the id {ident!r}; offices: {known}" for ident in unknown))
    try:
        span = query.office_span(start, end, offices or tuple(app.store.offices))
    except query.QueryError as error:
        raise click.UsageError(str(error)) from None
    app.emit(render(resolve_format(app, format_name, "chart"), "offices", span, Options(app.store, header=header)))


def emit_listing(app: App, records: Records, format_name: str, header: bool) -> None:
    app.emit(render(resolve_format(app, format_name, "table"), "records", records, Options(app.store, header=header)))


def listing_format(function: F) -> F:
    function = click.option("--header", is_flag=True, help="Start TSV output with a header row.")(function)
    return format_option("records", "'table' on a terminal and 'tsv' in a pipe")(function)


@main.command(context_settings=CONTEXT)
@click.option("--sort", type=click.Choice(["id", "name", "born"]), default="born", show_default=True,
              help="Order of the people.")
@listing_format
@click.pass_obj
def people(app: App, sort: str, format_name: str, header: bool) -> None:
    """List the people with life dates, Presidium seats and offices."""
    emit_listing(app, people_records(app.store, sort), format_name, header)


@main.command(context_settings=CONTEXT)
@listing_format
@click.pass_obj
def tags(app: App, format_name: str, header: bool) -> None:
    """List the tags and how many events carry each."""
    emit_listing(app, tag_records(app.store), format_name, header)


@main.command(context_settings=CONTEXT)
@listing_format
@click.pass_obj
def sources(app: App, format_name: str, header: bool) -> None:
    """List the sources and how often each is cited (events, terms, people)."""
    emit_listing(app, source_records(app.store), format_name, header)


@main.command(context_settings=CONTEXT)
@click.argument("ids", nargs=-1, metavar="ID...", shell_complete=complete_citable)
@click.option("--style", "-s", type=click.Choice(STYLES), default="chicago", show_default=True,
              help="Citation style.")
@click.option("--all", "everything", is_flag=True, help="The whole bibliography.")
@click.pass_obj
def cite(app: App, ids: tuple[str, ...], style: str, everything: bool) -> None:
    """Print bibliography entries in MLA, Chicago or APA style.

    Each ID is a source id or an event id (which stands for all its sources);
    --all gives the whole bibliography. Entries come in the style's order, once each.
    """
    if not ids and not everything:
        raise click.UsageError("give source or event ids, or --all")
    try:
        chosen = query.sources_for(app.store, ids) if ids else list(app.store.sources.values())
    except query.LookupFailed as error:
        raise DataError(*error.messages) from None
    click.echo("".join(entry + "\n" for entry in bibliography(chosen, style)), nl=False)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.pass_obj
def check(app: App, paths: tuple[Path, ...]) -> None:
    """Validate the store and report every problem.

    With PATHS, validate those files alone.

    Exits 1 if there is any problem, printing one line for each on stderr.
    """
    try:
        store = load_store(list(paths) or app.paths)  # never from the cache: check validates afresh
    except StoreError as error:
        raise DataError(*map(str, error.problems)) from None
    click.echo(
        f"ok: {len(store.events)} events, {len(store.people)} people, {len(store.sources)} sources, "
        f"{len(store.offices)} offices, {len(store.terms)} terms"
    )


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
    known = {event.id for event in app.store.events}
    wanted = query.ids_from_lines(sys.stdin, known) if ids == ("-",) else list(ids)
    events, missing = [], []
    for ident in wanted:
        try:
            events.append(query.find_event(app.store, ident))
        except query.LookupFailed as error:
            missing.append(str(error))
    if missing:
        raise DataError(*missing)
    options = Options(app.store, fields, header, details)
    app.emit(render(resolve_format(app, format_name, "text", "text"), "events", events, options))


@main.command(context_settings=CONTEXT)
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the completion script for SHELL.

    \b
    bash: apg completion bash > ~/.local/share/bash-completion/completions/apg
    zsh:  apg completion zsh > "${fpath[1]}/_apg"
    fish: apg completion fish > ~/.config/fish/completions/apg.fish
    """
    script = get_completion_class(shell)
    assert script is not None  # every choice is a shell click supports
    click.echo(script(main, {}, "apg", "_APG_COMPLETE").source())


def run() -> None:
    """The console script: click's main, with a quiet end when a reader closes the pipe."""
    try:
        main(prog_name="apg")
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)


__all__ = ["FORMATS", "main", "run"]
