"""Every rich view at 80 and 120 columns (golden files), and on the packaged store at 80 and 200: no line wider
than the terminal, no word broken, nothing dropped."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from anti_party.model import Store
from anti_party.render import FORMATS
from anti_party.store import default_store_path, load_store
from conftest import DATA, Invoke

LAYOUT = DATA / "layout.toml"
VIEWS = {
    "timeline": ("timeline", "-f", "timeline"),
    "timeline-details": ("timeline", "-f", "timeline", "--details"),
    "table": ("timeline", "-f", "table"),
    "table-details": ("timeline", "-f", "table", "--details"),
    "person": ("person", "molotov", "-f", "timeline"),
    "person-table": ("person", "molotov", "-f", "table"),
    "on": ("on", "1957-06-20", "-f", "timeline"),
    "on-year": ("on", "1955", "-f", "timeline"),
    "offices": ("offices", "-f", "chart"),
    "people": ("people", "-f", "table"),
    "tags": ("tags", "-f", "table"),
    "sources": ("sources", "-f", "table"),
}


def test_every_rich_view_is_here() -> None:
    rich = {(name, view) for name, spec in FORMATS.items() if spec.terminal for view in spec.views}
    covered = {(args[args.index("-f") + 1], {"timeline": "events", "person": "person", "on": "on", "offices": "offices",
                                             "people": "records", "tags": "records", "sources": "records"}[args[0]])
               for args in VIEWS.values()}
    assert rich <= covered, rich - covered


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("view", VIEWS)
def test_golden_at_80_and_120_columns(apg: Invoke, golden: Callable[[str, str], None], view: str, width: int) -> None:
    result = apg(*VIEWS[view], store=LAYOUT, env={"COLUMNS": str(width)})
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    golden(f"layout/{view}-{width}.txt", result.stdout)
    assert max(len(line) for line in result.stdout.splitlines()) <= width


def test_narrow_terminals_stack_what_does_not_fit(apg: Invoke) -> None:
    narrow = apg("timeline", "-f", "timeline", store=LAYOUT, env={"COLUMNS": "80"}).stdout
    wide = apg("timeline", "-f", "timeline", store=LAYOUT, env={"COLUMNS": "120"}).stdout
    assert re.search(r"18-21 Jun 1957  Presidium majority turns on Khrushchev *\n {16}Malenkov", narrow)
    assert re.search(r"18-21 Jun 1957  Presidium majority turns on Khrushchev +Malenkov", wide)
    assert apg("sources", "-f", "table", store=LAYOUT, env={"COLUMNS": "80"}).stdout.startswith("Id ")
    assert "─" in apg("tags", "-f", "table", store=LAYOUT, env={"COLUMNS": "80"}).stdout  # a table where it fits


# ---------------------------------------------------------------- the packaged store, at 80 and 200 columns


@pytest.fixture(scope="module")
def packaged() -> Store:
    return load_store([default_store_path()])


def words(text: str) -> set[str]:
    return set(text.split())


@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize("args", [("timeline", "-f", "timeline"), ("timeline", "-f", "table"),
                                  ("timeline", "-f", "timeline", "-d"), ("timeline", "-f", "table", "-d")],
                         ids=lambda args: "-".join(args))
def test_every_title_word_and_date_is_whole_at_any_width(apg: Invoke, packaged: Store, width: int,
                                                         args: tuple[str, ...]) -> None:
    output = apg(*args, store=None, env={"COLUMNS": str(width)}).stdout
    assert max(len(line) for line in output.splitlines()) <= width
    shown = words(output)
    for event in packaged.events:
        assert words(event.title) <= shown, (event.id, words(event.title) - shown)  # no word broken or dropped
        assert event.date.human() in output
        if "table" in args:
            assert event.id in shown
        if "-d" in args:
            assert words(event.summary) <= shown, event.id
            for note in event.notes:
                assert words(note.text) <= shown, event.id


@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize(("command", "key"), [("people", "name"), ("sources", "title"), ("tags", "tag")])
def test_listings_keep_every_word_at_any_width(apg: Invoke, packaged: Store, width: int, command: str,
                                               key: str) -> None:
    import json

    output = apg(command, "-f", "table", store=None, env={"COLUMNS": str(width)}).stdout
    assert max(len(line) for line in output.splitlines()) <= width
    shown = words(output)
    for row in json.loads(apg(command, "-f", "json", store=None).stdout):
        assert words(str(row[key])) <= shown, row[key]


@pytest.mark.parametrize("width", [80, 200])
def test_the_state_of_power_and_a_profile_at_any_width(apg: Invoke, packaged: Store, width: int) -> None:
    for args in (("on", "1957-06-20"), ("on", "1958"), ("person", "molotov"), ("person", "khrushchev"),
                 ("offices",)):
        output = apg(*args, "-f", "chart" if args[0] == "offices" else "timeline", store=None,
                     env={"COLUMNS": str(width)}).stdout
        assert max(len(line) for line in output.splitlines()) <= width, args
        if args[0] == "person":
            person = packaged.people[args[1]]
            assert words(person.summary or "") <= words(output)
            for event in packaged.events:
                if args[1] in event.people:
                    assert words(event.title) <= words(output), event.id
