"""A pager as git has one: output taller than the terminal goes through $APG_PAGER, $PAGER or `less -FRX`.

- Only when standard output is a terminal; never in a pipe or a file.
- `--no-pager`, or APG_PAGER set to `cat` or to nothing, turns it off.
- The view is drawn at the terminal's width, in colour when colour is wanted, and sent whole:
  less's -R keeps the colour, -F quits at once if it fits after all, -X leaves the screen as it was.
  When the pager is `less` given without options, LESS=FRX (and LV=-c for lv) are set for it
  unless the environment sets them already, as git does.
- While the pager runs, Ctrl-C belongs to it; quitting it early is not an error.
"""

from __future__ import annotations

import shlex
import signal
import subprocess
import sys
from collections.abc import Mapping

DEFAULT_PAGER = "less -FRX"
_OFF = ("", "cat")


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The pager to run: $APG_PAGER, else $PAGER, else `less -FRX`; None when it is turned off."""
    for name in ("APG_PAGER", "PAGER"):
        if name in environ:
            command = environ[name].strip()
            return None if command in _OFF else command
    return DEFAULT_PAGER


def pager_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The pager's environment: LESS=FRX and LV=-c unless already set, so that colour and the screen survive."""
    return {"LESS": "FRX", "LV": "-c", **environ}


def taller_than(text: str, height: int) -> bool:
    """True if TEXT takes more lines than fit above the prompt on a terminal HEIGHT lines high."""
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1) > max(height - 1, 1)


def page(text: str, command: str, environ: Mapping[str, str]) -> bool:
    """Send TEXT through the pager COMMAND (run by the shell, as git does); False if it could not start."""
    try:
        words = shlex.split(command)
    except ValueError:
        words = []
    if not words:
        return False
    sys.stdout.flush()
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=pager_environment(environ))
    except OSError:
        return False
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the pager's while it runs
    try:
        assert process.stdin is not None
        try:
            process.stdin.write(text.encode("utf-8", "surrogateescape"))
            process.stdin.close()
        except BrokenPipeError:  # the reader quit before reading it all: that is fine
            pass
        code = process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return code != 127  # the shell's "command not found"
