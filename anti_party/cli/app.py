"""What every command shares: the loaded store, error mapping, colour, output and pictures."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import click

from anti_party.errors import DataError

# The store, the queries and the renderers load when a command needs them, not to build the
# command line: `apg --help` and shell completion of options stay quick.
if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from anti_party.model import Store
    from anti_party.render.records import Records
    from anti_party.store import Problem

def color_wanted(flag: bool | None, environ: Mapping[str, str], is_terminal: bool) -> bool:
    """--color/--no-color, then NO_COLOR, FORCE_COLOR or CLICOLOR_FORCE, then TERM=dumb, then the tty."""
    if flag is not None:
        return flag
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR") or environ.get("CLICOLOR_FORCE", "0") not in ("", "0"):
        return True
    return is_terminal and environ.get("TERM") != "dumb"


def color_system(environ: Mapping[str, str]) -> Literal["truecolor", "256", "standard"]:
    """The colours to draw with once colour is wanted: what COLORTERM and TERM offer, else the 16 standard ones.

    Chosen here rather than by rich, whose detection gives no colour at all for TERM=dumb even
    when --color or FORCE_COLOR asked for it.
    """
    if environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return "truecolor"
    return "256" if "256color" in environ.get("TERM", "").lower() else "standard"


MIN_WIDTH, MAX_WIDTH = 20, 1000
PIPE_WIDTH = 160


def _size_from(value: str | None) -> int | None:
    """A COLUMNS or LINES value when it is a whole number of at least 1 (ASCII digits), else None."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 6 or int(value) < 1:
        return None
    return int(value)


def console_size(environ: Mapping[str, str], terminal_size: tuple[int, int] | None) -> tuple[int, int]:
    """Width and height for rich views: COLUMNS and LINES if usable, else the terminal's, else 160 x 25.

    Nonsense (0, negative, not a number) is ignored; the width is kept within 20-1000 columns.
    """
    columns, lines = terminal_size or (0, 0)
    width = _size_from(environ.get("COLUMNS")) or (columns if columns > 0 else PIPE_WIDTH)
    height = _size_from(environ.get("LINES")) or (lines if lines > 0 else 25)
    return min(max(width, MIN_WIDTH), MAX_WIDTH), height


def write_data(text: str) -> None:
    """Machine output as UTF-8 whatever the locale says, so that the data comes out exactly."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a stream with no byte layer (an in-memory one)
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8", "surrogateescape"))


def load_or_fail(paths: list[Path], cache: Path | None = None) -> Store:
    """The merged store, from its index in CACHE when a sound one is there, or a StoreError (a DataError)
    naming every problem."""
    if cache is None:
        from anti_party.store import load_store

        return load_store(paths)
    from anti_party.cache import cached_store  # which imports the loader only if there is no sound index

    return cached_store(paths, cache)


def check_or_fail(paths: list[Path]) -> tuple[Store, tuple[Problem, ...]]:
    """The merged store validated afresh and its warnings, or a StoreError (a DataError) naming every problem."""
    from anti_party.store import check_store

    return check_store(paths)


def cache_dir(environ: Mapping[str, str]) -> Path | None:
    """Where the store's index is kept (anti_party.cache.cache_directory); None turns it off."""
    from anti_party.cache import cache_directory

    return cache_directory(environ)


# Picture and App are plain classes, not dataclasses: they are made once per command, never
# compared or shown, and a dataclass costs every start-up (apg --help too) its generated code.
class Picture:
    """Where to write a rich view as a picture, and how wide to draw it (set by --save and --width)."""

    def __init__(self) -> None:
        self.save: Path | None = None  # .svg or .html
        self.width = 100


class App:
    """What the group's options set up for every command."""

    def __init__(self, paths: list[Path], color: bool | None = None, environ: Mapping[str, str] | None = None,
                 pager: bool = True) -> None:
        self.paths = paths
        self.color = color
        self.environ: Mapping[str, str] = os.environ if environ is None else environ
        self.picture = Picture()
        self.pager = pager  # --no-pager turns it off

    @cached_property
    def store(self) -> Store:
        return load_or_fail(self.paths, cache_dir(self.environ))

    def stdout_is_terminal(self) -> bool:
        return sys.stdout.isatty()

    def console(self, file: Any = None) -> Console:
        from rich.console import Console

        terminal = self.stdout_is_terminal()
        color = color_wanted(self.color, self.environ, terminal)
        width, height = self.size()
        return Console(
            file=file or sys.stdout, markup=False, highlight=False, emoji=False, no_color=not color,
            color_system=color_system(self.environ) if color else None, force_terminal=color,
            width=width, height=height,
        )

    def size(self) -> tuple[int, int]:
        """Columns and lines of the view: the terminal's (or COLUMNS and LINES), 160 x 25 in a pipe."""
        return console_size(self.environ, _terminal_size() if self.stdout_is_terminal() else None)

    def pager_command(self) -> str | None:
        """The pager to send output through, or None: only on a terminal and unless turned off."""
        if not self.pager or not self.stdout_is_terminal():
            return None
        from anti_party.cli.pager import pager_command

        return pager_command(self.environ)

    def writes_straight(self) -> bool:
        """Output goes straight to stdout (no pager, no picture), so it may be written in parts."""
        return not self.picture.save and self.pager_command() is None

    def emit(self, output: Any) -> None:
        if self.picture.save:
            self.save_picture(self.picture.save, output)
            return
        command = self.pager_command()
        if command is None:
            if isinstance(output, str):
                write_data(output)
            else:
                self.console().print(output)
            return
        from anti_party.cli.pager import page, taller_than

        text = output if isinstance(output, str) else self.draw(output)
        if not taller_than(text, self.size()[1]) or not page(text, command, self.environ):
            write_data(text)

    def draw(self, output: Any) -> str:
        """A rich view as the terminal would show it (width, colour), as text for the pager."""
        buffer = io.StringIO()
        self.console(file=buffer).print(output)
        return buffer.getvalue()

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
        from anti_party.render.sanitise import terminal_text

        click.echo(terminal_text(f"Wrote {path}"), err=True)


def _terminal_size() -> tuple[int, int] | None:
    try:
        size = os.get_terminal_size(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return size.columns, size.lines


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
    from anti_party import query

    try:
        return query.find_person(store, name).id
    except query.LookupFailed as error:
        raise DataError(str(error)) from None


def find_all(store: Store, names: Sequence[str], find: Callable[[Store, str], str]) -> tuple[str, ...]:
    """What FIND makes of each name (a tag, an office), or a DataError naming every name it does not know."""
    from anti_party import query

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
    from anti_party.render import Options, render

    app.emit(render(resolve_format(app, format_name, "table"), "records", records, Options(app.store, header=header)))
