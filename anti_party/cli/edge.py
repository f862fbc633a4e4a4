"""The one edge where errors become a message on stderr and an exit code.

Every way out of `apg` passes here, whether it runs as the console script or under click's
test runner:

- 0 success; 1 a data or lookup problem (``ApgError`` subclasses say which) or output
  that could not be written; 2 a usage problem; 130 interrupted (Ctrl-C); 143 terminated.
- Each problem is one line on stderr, sanitised for the terminal; click's usage errors keep
  their "Usage:" and "Try" lines.
- An internal error (a bug) prints one line asking for a report; the traceback only with
  ``--debug`` or ``APG_DEBUG=1``.
- A reader that closes the pipe ends `apg` quietly (exit 1: the output was not all read);
  a full disk or a closed stdout is reported.
"""

from __future__ import annotations

import errno
import io
import os
import re
import signal
import sys
from collections.abc import Sequence
from types import FrameType
from typing import Any, NoReturn

import click

from anti_party.errors import QUOTE_LIMIT, ApgError, quoted
from anti_party.render.sanitise import terminal_text

INTERRUPTED = 130
TERMINATED = 143
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EPIPE, errno.EBADF, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EINVAL}


class Terminated(BaseException):
    """SIGTERM arrived; a BaseException so that no `except Exception` swallows it."""


class OutputLost(ApgError):
    """Standard output is closed or cannot take the output (a full disk)."""


def debugging() -> bool:
    return os.environ.get("APG_DEBUG", "") not in ("", "0") or _DEBUG.on


class _Debug:
    on = False


_DEBUG = _Debug()


def set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """The callback of the group's --debug flag."""
    _DEBUG.on = _DEBUG.on or value


def _on_sigterm(signum: int, frame: FrameType | None) -> NoReturn:
    raise Terminated


def say(line: str) -> None:
    """One line on stderr, sanitised; nothing if stderr is closed or broken."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(terminal_text(line) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        _silence(2)  # stderr is full or gone: nothing else to tell, and the flush at exit must not fail


def _silence(fd: int) -> None:
    """Point FD at /dev/null so that the flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def _silence_stdout() -> None:
    _silence(1)


def _flush_stdout() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError as error:
        raise OutputLost(_output_problem(error)) from None


def _output_problem(error: OSError) -> str:
    return f"cannot write the output: {error.strerror or error}"


# A value click quotes in its messages ('xxx', as repr writes it), longer than apg's limit (compiled
# by re when a message is first clipped, not on every start-up).
_LONG_QUOTE = r"'((?:[^'\\]|\\.){" + str(QUOTE_LIMIT + 1) + r",})'"
LINE_LIMIT = 400  # characters of one line of a message; click's messages can quote input whole


def clip_message(line: str) -> str:
    """A click message with each quoted value cut to 80 characters and the line to LINE_LIMIT."""
    line = re.sub(_LONG_QUOTE, lambda match: f"'{match[1][:QUOTE_LIMIT]}'... ({len(match[1]):,} characters)", line)
    return line if len(line) <= LINE_LIMIT else f"{line[:LINE_LIMIT]}... ({len(line):,} characters)"


def _show_click_error(error: click.ClickException) -> None:
    buffer = io.StringIO()
    error.show(file=buffer)
    for line in buffer.getvalue().splitlines():
        say(clip_message(line))


def _internal_error(error: BaseException) -> None:
    if debugging():
        import traceback  # only for a bug, with --debug: not on every command's start-up

        try:
            traceback.print_exception(error, file=sys.stderr)
            sys.stderr.flush()
        except (AttributeError, OSError, ValueError):  # stderr closed or full
            _silence(2)
        return
    what = f"{type(error).__name__}: {quoted(str(error))}" if str(error) else type(error).__name__
    say(f"apg: internal error ({what}); please report it with the command that caused it "
        "(--debug or APG_DEBUG=1 shows the traceback)")


def guarded_main(command: click.Command, args: Sequence[str] | None, prog_name: str | None, **extra: Any) -> int:
    """Run COMMAND as click's main would, with every error mapped to a message and an exit code."""
    _DEBUG.on = False
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        return _guarded(command, args, prog_name, **extra)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _guarded(command: click.Command, args: Sequence[str] | None, prog_name: str | None, **extra: Any) -> int:
    if sys.stdout is None:
        say("Error: standard output is closed; send the output somewhere, e.g. > /dev/null")
        return 1
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")  # text views in an encoding without Cyrillic show "?" instead of failing
    try:
        try:
            result = click.Command.main(command, args, prog_name, standalone_mode=False, **extra)
            _flush_stdout()
            return result if isinstance(result, int) else 0
        except click.ClickException as error:
            _flush_stdout()
            _show_click_error(error)
            return error.exit_code
        except ApgError as error:
            _flush_stdout()
            for line in error.lines:
                say(f"Error: {line}")
            return error.exit_code
    except OutputLost as error:
        _silence_stdout()
        for line in error.lines:
            say(f"Error: {line}")
        return error.exit_code
    except (click.Abort, KeyboardInterrupt):
        _silence_stdout()
        return INTERRUPTED
    except Terminated:
        _silence_stdout()
        return TERMINATED
    except SystemExit as error:  # click's own exit after a broken pipe, or sys.exit in a callback
        code = error.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except OSError as error:
        _silence_stdout()
        if error.filename is None and error.errno in _OUTPUT_ERRNOS:
            if error.errno != errno.EPIPE:  # the reader closed the pipe on purpose: say nothing
                say(f"Error: {_output_problem(error)}")
            return 1
        where = f" ({quoted(os.fsdecode(error.filename))})" if error.filename is not None else ""
        say(f"Error: {error.strerror or error}{where}")
        return 1
    except Exception as error:
        _internal_error(error)
        return 1


class HelpWidthContext(click.Context):
    """A context whose help is as wide as click would make it, worked out without importing shutil.

    click measures the terminal with shutil, which loads bz2, lzma and fnmatch with it: a few
    milliseconds of every `apg --help`, the most of what apg adds to click's own start-up.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.terminal_width is None and self.parent is None and click.formatting.FORCED_WIDTH is None:
            # click.formatting.HelpFormatter's width, when none is given (its subcommands' contexts inherit it).
            self.terminal_width = max(min(_terminal_columns(), self.max_content_width or 80) - 2, 50)


def _terminal_columns() -> int:
    """shutil.get_terminal_size().columns: a positive $COLUMNS, else the terminal's width, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no stdout (None), a closed one, not a terminal
        return 80


class GuardedGroup(click.Group):
    """A click group whose main goes through the edge, for the console script and the test runner alike."""

    context_class = HelpWidthContext

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        code = guarded_main(self, args, prog_name, complete_var=complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code
