"""Colour, terminals and shell completion."""

from __future__ import annotations

import pytest

from anti_party.cli import color_wanted
from conftest import Invoke


@pytest.mark.parametrize(
    ("flag", "environ", "tty", "expected"),
    [
        (None, {}, True, True),
        (None, {}, False, False),
        (None, {"NO_COLOR": "1"}, True, False),
        (None, {"NO_COLOR": ""}, True, True),
        (None, {"FORCE_COLOR": "1"}, False, True),
        (None, {"CLICOLOR_FORCE": "1"}, False, True),
        (None, {"CLICOLOR_FORCE": "0"}, False, False),
        (None, {"TERM": "dumb"}, True, False),
        (None, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        (True, {"NO_COLOR": "1"}, False, True),
        (False, {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_color_rules(flag: bool | None, environ: dict[str, str], tty: bool, expected: bool) -> None:
    assert color_wanted(flag, environ, tty) is expected


def test_no_colour_in_a_pipe_even_for_rich_views(apg: Invoke) -> None:
    assert "\x1b[" not in apg("timeline", "-f", "timeline").stdout


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--color",), {}), ((), {"FORCE_COLOR": "1"}), ((), {"CLICOLOR_FORCE": "1"})],
)
def test_colour_can_be_forced(apg: Invoke, args: tuple[str, ...], env: dict[str, str]) -> None:
    result = apg(*args, "timeline", "-f", "timeline", env=env)
    assert "\x1b[" in result.stdout


def test_no_color_beats_force(apg: Invoke) -> None:
    result = apg("--no-color", "timeline", "-f", "timeline", env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in result.stdout


def test_rich_views_use_columns_in_a_pipe(apg: Invoke) -> None:
    wide = apg("timeline", "-f", "table", env={"COLUMNS": "200"}).stdout
    assert max(map(len, wide.splitlines())) > 100


def test_machine_formats_never_carry_colour(apg: Invoke) -> None:
    result = apg("--color", "timeline", "-f", "tsv")
    assert "\x1b[" not in result.stdout.replace("\x1b[31m", "").replace("\x1b[0m", "")


def complete(apg: Invoke, line: str) -> list[str]:
    words = line.split(" ")
    result = apg(env={"_APG_COMPLETE": "bash_complete", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1),
                      "APG_STORE": "tests/data/store.toml"}, store=None)
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    ("line", "candidates"),
    [
        ("apg --no-default-store person mal", ["plain,malenkov", "plain,malinovsky"]),
        ("apg --no-default-store person Мол", ["plain,molotov"]),
        ("apg --no-default-store person мАл", ["plain,malenkov", "plain,malinovsky"]),
        ("apg --no-default-store person Хрущев", ["plain,khrushchev"]),
        ("apg --no-default-store person хрущё", ["plain,khrushchev"]),
        ("apg --no-default-store person Skry", ["plain,molotov"]),
        ("apg --no-default-store timeline --person Никита", ["plain,khrushchev"]),
        ("apg --no-default-store person zz", [""]),  # bash_complete prints an empty line for no candidate
        ("apg --no-default-store timeline --person kh", ["plain,khrushchev"]),
        ("apg --no-default-store timeline --tag e", ["plain,expulsion", "plain,epilogue"]),
        ("apg --no-default-store show st", ["plain,stalin-death"]),
        ("apg --no-default-store timeline -f js", ["plain,json", "plain,jsonl"]),
        ("apg --no-default-store timeline --fields id,ti", ["plain,id,title"]),
        ("apg --no-default-store comp", ["plain,completion"]),
    ],
)
def test_completion_candidates(apg: Invoke, line: str, candidates: list[str]) -> None:
    assert complete(apg, line) == candidates


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(apg: Invoke, shell: str) -> None:
    result = apg("completion", shell)
    assert (result.exit_code, "_APG_COMPLETE" in result.stdout) == (0, True)
