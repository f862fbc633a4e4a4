"""What every command shares: the loaded store, error mapping, colour, output and pictures."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from anti_party import query
from anti_party.model import Store
from anti_party.render import Options, render
from anti_party.render.records import Records
from anti_party.render.sanitise import terminal_text
from anti_party.store import Problem, StoreError, check_store, load_store

if TYPE_CHECKING:
    from rich.console import Console

class DataError(click.ClickException):
    """A data or lookup problem: exit 1, one line on stderr for each problem."""

    exit_code = 1

    def __init__(self, *lines: str) -> None:
        super().__init__(lines[0])
        self.lines = lines

    def show(self, file: Any = None) -> None:
        for line in self.lines:
            click.echo(terminal_text(f"Error: {line}"), err=True)


def color_wanted(flag: bool | None, environ: Mapping[str, str], is_terminal: bool) -> bool:
    """--color/--no-color, then NO_COLOR, FORCE_COLOR or CLICOLOR_FORCE, then TERM=dumb, then the tty."""
    if flag is not None:
        return flag
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR") or environ.get("CLICOLOR_FORCE", "0") not in ("", "0"):
        return True
    return is_terminal and environ.get("TERM") != "dumb"


def load_or_fail(paths: list[Path], cache: Path | None = None) -> Store:
    """The merged store, or a DataError naming every problem."""
    try:
        return load_store(paths, cache)
    except StoreError as error:
        raise DataError(*map(str, error.problems)) from None


def check_or_fail(paths: list[Path]) -> tuple[Store, tuple[Problem, ...]]:
    """The merged store validated afresh and its warnings, or a DataError naming every problem."""
    try:
        return check_store(paths)
    except StoreError as error:
        raise DataError(*map(str, error.problems)) from None


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

    save: Path | None = None  # .svg or .html
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
        return load_or_fail(self.paths, cache_dir(self.environ))

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
        if self.picture.save:
            self.save_picture(self.picture.save, output)
        elif isinstance(output, str):
            click.echo(output, nl=False, color=True)  # data is written as it is: no ANSI stripping
        else:
            self.console().print(output)

    def save_picture(self, path: Path, output: Any) -> None:
        from rich.console import Console

        if isinstance(output, str):
            raise click.UsageError("--save draws a rich view: use -f timeline, table or chart")
        console = Console(record=True, file=io.StringIO(), width=self.picture.width, markup=False, highlight=False,
                          emoji=False, force_terminal=True, color_system="truecolor")
        console.print(output)
        if path.suffix.lower() == ".svg":
            picture = offline_svg(console.export_svg(title="apg", clear=False))
        else:
            picture = console.export_html(clear=False)
        try:
            path.write_text(picture, encoding="utf-8")
        except OSError as error:
            raise DataError(f"cannot write {path}: {error.strerror or error}") from None
        click.echo(f"Wrote {path}", err=True)


def offline_svg(svg: str) -> str:
    """Rich's SVG without its web fonts, so that a picture shown offline (or on a slide) fetches nothing."""
    svg = re.sub(r"@font-face\s*\{[^}]*\}\s*", "", svg)
    return svg.replace("font-family: Fira Code, monospace", _MONOSPACE)


_MONOSPACE = "font-family: 'Fira Code', 'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace"


def resolve_format(app: App, format_name: str, interactive: str = "timeline", piped: str = "tsv") -> str:
    if format_name == "auto":
        return interactive if app.picture.save or app.stdout_is_terminal() else piped
    return format_name


def find_person(store: Store, name: str) -> str:
    try:
        return query.find_person(store, name).id
    except query.LookupFailed as error:
        raise DataError(str(error)) from None


def find_all(store: Store, names: Sequence[str], find: Callable[[Store, str], str]) -> tuple[str, ...]:
    """What FIND makes of each name (a tag, an office), or a DataError naming every name it does not know."""
    found: list[str] = []
    problems: list[str] = []
    for name in names:
        try:
            found.append(find(store, name))
        except query.LookupFailed as error:
            problems += error.messages
    if problems:
        raise DataError(*problems)
    return tuple(found)


def emit_listing(app: App, records: Records, format_name: str, header: bool) -> None:
    app.emit(render(resolve_format(app, format_name, "table"), "records", records, Options(app.store, header=header)))
