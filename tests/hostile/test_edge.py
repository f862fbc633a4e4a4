"""The one edge where errors become messages and exit codes (anti_party/cli/edge.py).

An internal error cannot be typed on the command line (that is what makes it internal), so
these tests break a function on purpose and run the command as a user types it.
"""

from __future__ import annotations

import pytest

import anti_party.query
from anti_party.cli.edge import LINE_LIMIT, clip_message
from conftest import Invoke

ESCAPES = "\\x1b"  # as repr writes ESC in click's messages: four characters


def explode(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("division by zero in \x1b[2Jselect_events")


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(anti_party.query, "select_events", explode)


@pytest.mark.usefixtures("broken")
def test_an_internal_error_is_one_line_asking_for_a_report(apg: Invoke) -> None:
    result = apg("timeline", "-f", "tsv")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "apg: internal error (ZeroDivisionError: 'division by zero in \\x1b[2Jselect_events'); please report it with "
        "the command that caused it (--debug or APG_DEBUG=1 shows the traceback)\n"
    )


@pytest.mark.usefixtures("broken")
@pytest.mark.parametrize(("args", "env"), [(("--debug",), {}), ((), {"APG_DEBUG": "1"})])
def test_debug_shows_the_traceback(apg: Invoke, args: tuple[str, ...], env: dict[str, str]) -> None:
    result = apg(*args, "timeline", "-f", "tsv", env=env)
    assert result.exit_code == 1
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert result.stderr.endswith("ZeroDivisionError: division by zero in \x1b[2Jselect_events\n")


def test_debug_is_off_again_for_the_next_command(apg: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    assert apg("--debug", "timeline", "-f", "tsv").exit_code == 0
    monkeypatch.setattr(anti_party.query, "select_events", explode)
    assert apg("timeline", "-f", "tsv").stderr.startswith("apg: internal error")


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, EOFError])
def test_ctrl_c_exits_130_quietly(apg: Invoke, monkeypatch: pytest.MonkeyPatch, interrupt: type[BaseException]) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise interrupt

    monkeypatch.setattr(anti_party.query, "select_events", interrupted)
    result = apg("timeline", "-f", "tsv")
    assert (result.exit_code, result.stdout, result.stderr.strip()) == (130, "", "")


@pytest.mark.parametrize(
    ("line", "clipped"),
    [
        ("Error: No such option '--x'.", "Error: No such option '--x'."),
        (f"Error: '{'x' * 81}' is not one of 'a', 'b'.",
         f"Error: '{'x' * 80}'... (81 characters) is not one of 'a', 'b'."),
        ("Error: '" + ESCAPES * 30 + "' is wrong", "Error: '" + ESCAPES * 20 + "'... (120 characters) is wrong"),
        ("Error: Got unexpected extra arguments (" + "y " * 300 + ")",
         "Error: Got unexpected extra arguments (" + ("y " * 300)[: LINE_LIMIT - 39] + "... (640 characters)"),
    ],
)
def test_click_messages_quote_at_most_80_characters(line: str, clipped: str) -> None:
    assert clip_message(line) == clipped
