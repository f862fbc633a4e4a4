"""Options shared by the commands, defined once, and shell completion from the store."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import click

from anti_party.choices import EVENT_FIELDS
from anti_party.cli.app import App, cache_dir, load_or_fail
from anti_party.errors import DataError, quoted
from anti_party.paths import store_paths
from anti_party.render import FORMATS, formats_for

if TYPE_CHECKING:  # loaded when an option's value or a completion needs them (anti_party.cli.app)
    from click.shell_completion import CompletionItem

    from anti_party.dates import EdtfDate
    from anti_party.model import Store

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def user_date(ctx: click.Context, param: click.Parameter, value: str | None) -> EdtfDate | None:
    if value is None:
        return None
    from anti_party.dates import DateError, parse_user_date

    try:
        return parse_user_date(value)
    except DateError as error:
        raise click.BadParameter(str(error), ctx, param) from None


def date_options(function: F) -> F:
    for option in reversed((
        click.option("--from", "start", metavar="DATE", callback=user_date, help="Events that end on or after DATE."),
        click.option("--to", "end", metavar="DATE", callback=user_date, help="Events that start on or before DATE."),
        click.option("--on", metavar="DATE", callback=user_date, help="Events that overlap this day, month or year."),
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


PICTURE_TYPES = (".svg", ".html")


def _set_picture(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is None:
        return
    if param.name == "save":
        from pathlib import Path

        value = Path(value)
        if value.suffix.lower() not in PICTURE_TYPES:
            raise click.BadParameter(f"{quoted(str(value))} must end in .svg or .html", ctx, param)
    setattr(ctx.find_object(App).picture, param.name or "", value)  # type: ignore[union-attr]


def picture_options(function: F) -> F:
    """--save and --width: save a rich view as a picture (rich's console recording)."""
    for option in reversed((
        click.option("--save", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
                     expose_value=False, callback=_set_picture,
                     help="Write the rich view to FILE as a picture: SVG if FILE ends in .svg, HTML if .html."),
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
        return load_or_fail(paths, cache_dir(os.environ))
    except DataError:  # a broken store: nothing to offer
        return None


def _item(value: str, text: str) -> CompletionItem | None:
    """A completion the shell may show: store text in the help goes through the terminal sanitiser
    (zsh and fish print it beside each candidate), and a value it would change is not offered."""
    from click.shell_completion import CompletionItem

    from anti_party.render.sanitise import is_terminal_safe, terminal_text

    return CompletionItem(value, help=terminal_text(text)) if is_terminal_safe(value) else None


def _complete(ctx: click.Context, incomplete: str, items: Callable[[Store], Mapping[str, str]]) -> list[CompletionItem]:
    store = _completion_store(ctx)
    found = items(store) if store else {}
    offered = (_item(value, text) for value, text in found.items() if value.startswith(incomplete))
    return [item for item in offered if item is not None]


def complete_people(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The ids of the people any of whose names starts with INCOMPLETE, in any case, script or accents:
    "Мол", "molo" and "Хрущев" all complete (the shell replaces the word with the id)."""
    store = _completion_store(ctx)
    if store is None:
        return []
    if not incomplete.strip():
        idents: list[str] = list(store.people)
    else:
        from anti_party import query

        exact, prefix = query.match_people(store, incomplete)
        idents = list(dict.fromkeys([*exact, *prefix]))
    offered = (_item(ident, store.people[ident].name) for ident in idents)
    return [item for item in offered if item is not None]


def complete_tags(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(ctx, incomplete, lambda store: {tag: "" for event in store.events for tag in event.tags})


def complete_event_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(ctx, incomplete, lambda store: {event.id: event.title for event in store.events})


def complete_fields(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [CompletionItem(prefix + name) for name in EVENT_FIELDS if name.startswith(last)]


def _check_fields(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    fields = tuple(name.strip() for name in value.split(",") if name.strip())
    if not fields:
        raise click.BadParameter(f"no field given; valid fields: {', '.join(EVENT_FIELDS)}", ctx, param)
    for name in fields:
        if name not in EVENT_FIELDS:
            from anti_party import query

            hint = query.suggest(name, EVENT_FIELDS) or f"; valid fields: {', '.join(EVENT_FIELDS)}"
            raise click.BadParameter(f"unknown field {quoted(name)}{hint}", ctx, param)
    return fields


def complete_citable(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(ctx, incomplete, lambda store: {**{e.id: e.title for e in store.events},
                                                     **{s.id: s.title for s in store.sources.values()}})


def complete_offices(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(ctx, incomplete, lambda store: {o.id: o.title for o in store.offices.values()})


def listing_format(function: F) -> F:
    function = click.option("--header", is_flag=True, help="Start TSV output with a header row.")(function)
    return format_option("records", "'table' on a terminal and 'tsv' in a pipe")(function)
