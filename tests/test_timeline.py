"""`apg timeline` through the CLI, with exact output."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURE, Invoke

ALL_IDS = "stalin-death\nmalenkov-falls\npresidium-session\nexpulsions\n"


def ids(apg: Invoke, *args: str) -> str:
    result = apg("timeline", "-f", "tsv", "--fields", "id", *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def test_tsv_is_the_default_in_a_pipe(apg: Invoke, golden: Callable[[str, str], None]) -> None:
    result = apg("timeline")
    assert (result.exit_code, result.stderr) == (0, "")
    golden("timeline.tsv", result.stdout)




def test_store_text_is_never_markup(apg: Invoke) -> None:
    result = apg("timeline", "-f", "timeline", "--on", "1957")
    assert "[bold]Presidium[/bold] session" in result.stdout
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ALL_IDS),
        (("--from", "1957"), "presidium-session\nexpulsions\n"),
        (("--to", "1955"), "stalin-death\nmalenkov-falls\n"),
        (("--from", "1955-02-28", "--to", "18 June 1957"), "malenkov-falls\npresidium-session\n"),
        (("--on", "June 1957"), "presidium-session\n"),
        (("--on", "Jun 21 1957"), "presidium-session\n"),
        (("--on", "1957-06-22"), ""),
        (("--on", "1961-07-01"), "expulsions\n"),
        (("--person", "molotov"), "presidium-session\nexpulsions\n"),
        (("--person", "khrushchev", "--person", "Маленков"), "malenkov-falls\npresidium-session\nexpulsions\n"),
        (("--tag", "succession", "--tag", "crisis"), "stalin-death\nmalenkov-falls\npresidium-session\n"),
        (("--grep", "SUMMARY"), "stalin-death\nexpulsions\n"),
        (("--grep", "антипартийная"), "presidium-session\n"),
        (("--grep", "АНТИПАРТИИНАЯ"), "presidium-session\n"),  # й without its breve: accents are ignored
        (("--grep", "АНТИПАРТИЙНАЯ"), "presidium-session\n"),
        (("--grep", "MALÉNKOV"), "malenkov-falls\n"),
        (("--sort", "title"), "presidium-session\nexpulsions\nmalenkov-falls\nstalin-death\n"),
        (("--sort", "id", "--reverse"), "stalin-death\npresidium-session\nmalenkov-falls\nexpulsions\n"),
        (("--reverse", "--limit", "2"), "expulsions\npresidium-session\n"),
        (("--limit", "0"), ""),
    ],
)
def test_filters(apg: Invoke, args: tuple[str, ...], expected: str) -> None:
    assert ids(apg, *args) == expected


def test_header_and_fields(apg: Invoke) -> None:
    result = apg("timeline", "-f", "tsv", "--header", "--fields", "title,id,start", "--to", "1953")
    assert result.stdout == "title\tid\tstart\nStalin dies\tstalin-death\t1953-03-05\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "57"), "Invalid value for '--from': '57' is not a date: give the year with four digits"),
        (("--to", "1957-02-30"), "Invalid value for '--to': '1957-02-30' is not a date: there is no such day or month"),
        (("--on", "soon"), "Invalid value for '--on': 'soon' is not a date: give the year with four digits"),
        (("--from", "1958", "--to", "June 1957"), "--from '1958' is after --to '1957-06'"),
        (("--on", "1957", "--from", "1956"), "--on cannot be combined with --from or --to"),
        (("-f", "xml"), "Invalid value for '--format' / '-f': 'xml' is not one of 'auto', 'timeline', 'table', "
                        "'tsv', 'csv', 'json', 'jsonl', 'markdown', 'ics', 'timelinejs', 'text', 'html'."),
        (("--fields", "id,when"), "Invalid value for '--fields': unknown field 'when'; valid fields: id, date, start, "
                                  "end, precision, approximate, uncertain, title, summary, people, tags, sources, notes"),
        (("--sort", "people"), "Invalid value for '--sort': 'people' is not one of 'date', 'title', 'id'."),
        (("--limit", "-1"), "Invalid value for '--limit' / '-n': -1 is not in the range x>=0."),
    ],
)
def test_usage_errors(apg: Invoke, args: tuple[str, ...], message: str) -> None:
    result = apg("timeline", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == f"Error: {message}"


@pytest.mark.parametrize(("args", "message"), [
    (("--tag", "crisys"), "Error: no event has the tag 'crisys'; did you mean crisis?\n"),
    (("--tag", "crisis", "--tag", "zzz"), "Error: no event has the tag 'zzz'\n"),
])
def test_unknown_tag_is_an_error(apg: Invoke, args: tuple[str, ...], message: str) -> None:
    result = apg("timeline", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)


def test_unknown_field_suggests(apg: Invoke) -> None:
    result = apg("timeline", "--fields", "id,titel")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2, "Error: Invalid value for '--fields': unknown field 'titel'; did you mean title?",
    )


def test_grep_ignores_accents_in_the_store_too(apg: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "store.toml"
    store.write_text('[sources.s]\nkind = "book"\ntype = "scholarly"\ntitle = "S"\n\n[[events]]\nid = "polish-october"\ndate = "1956-10"\n'
                     'title = "Gomułka returns to power in Poland"\nsources = ["s"]\n', encoding="utf-8")
    for needle in ("gomulka", "GOMUŁKA", "Gomułka", "gomułk"):
        result = apg("timeline", "--grep", needle, "--fields", "id", store=store)
        assert (result.exit_code, result.stdout) == (0, "polish-october\n"), needle


def test_unknown_person_filter(apg: Invoke) -> None:
    result = apg("timeline", "--person", "molotv")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", "Error: no person matches 'molotv'; did you mean molotov?\n",
    )


def test_help_and_version(apg: Invoke) -> None:
    from anti_party import __version__

    assert apg("--version").stdout == (
        f"apg, version {__version__}\nstore: {FIXTURE}\n"
        "4 events from 5 Mar 1953 to c. 1961; 4 people, 2 sources, 1 office, 1 term\n"
    )
    for command in ((), ("timeline",), ("person",), ("check",)):
        for flag in ("-h", "--help"):
            result = apg(*command, flag)
            assert (result.exit_code, result.stdout.startswith("Usage: apg")) == (0, True)



def test_version_of_the_packaged_store(apg: Invoke) -> None:
    result = apg("--version", store=None)
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) == 3
    assert lines[1].startswith("store: ") and lines[1].endswith("events.toml")
    assert re.fullmatch(r"\d+ events from 5 Mar 1953 to (\S+ )*\d{4}; \d+ people, \d+ sources, 7 offices, \d+ terms",
                        lines[2])


def test_no_command_is_a_usage_error(apg: Invoke) -> None:
    assert apg().exit_code == 2
    result = apg("--no-pager")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, "Error: Missing command.")
