"""docs/store.md walked rule by rule: every rule it states is one `apg check` enforces.

Two walks: the list under "What `apg check` checks", each rule with a store that breaks it;
and the key tables, each key tried missing (when required) and with a value of the wrong type.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import Invoke

DOC = (Path(__file__).parent.parent / "docs" / "store.md").read_text(encoding="utf-8")

# One valid entry of every table; each test changes one thing.
VALID: dict[str, Any] = {
    "sources": {"s": {"kind": "book", "type": "scholarly", "title": "A book"},
                "w": {"kind": "web-page", "type": "web", "title": "A page"}},
    "people": {"p": {"name": "Pat Person"}, "q": {"name": "Quinn Person"}},
    "offices": {"o": {"title": "An office", "existed": "1950/1970"}},
    "terms": [{"person": "p", "office": "o", "from": "1953-03-05", "to": "1955-02-08", "sources": ["s"]},
              {"person": "q", "office": "o", "from": "1955-02-09", "sources": ["s"]}],
    "events": [{"id": "e", "date": "1957-06", "title": "An event", "people": ["p"], "tags": ["crisis"],
                "sources": ["s", "w"], "notes": [{"text": "A note.", "sources": ["s"]}]}],
    "presidium": [{"person": "p", "rank": "full", "side": "group", "sources": ["s"]}],
    "periods": [{"id": "era", "title": "An era", "date": "1953/1957"}],
}


def toml(store: dict[str, Any]) -> str:
    """A store as TOML text; JSON's strings and arrays are TOML's too."""
    lines = []
    for table, body in store.items():
        entries = body.items() if isinstance(body, dict) else ((None, entry) for entry in body)
        for ident, entry in entries:
            lines.append(f"[{table}.{ident}]" if ident is not None else f"[[{table}]]")
            lines += [f"{key} = {value_text(value)}" for key, value in entry.items()]
            lines.append("")
    return "\n".join(lines)


def value_text(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "[" + ", ".join("{ " + ", ".join(f"{k} = {value_text(v)}" for k, v in item.items()) + " }"
                               for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def changed(table: str, key: str, value: Any = None, *, entry: int | str = 0, remove: bool = False) -> dict[str, Any]:
    store = json.loads(json.dumps(VALID))
    body = store[table]
    target = body[entry] if isinstance(body, list) else body[entry if isinstance(entry, str) else next(iter(body))]
    if remove:
        del target[key]
    else:
        target[key] = value
    return store


def check(apg: Invoke, tmp_path: Path, store: dict[str, Any] | str, *args: str) -> tuple[int, str]:
    path = tmp_path / "store.toml"
    path.write_text(store if isinstance(store, str) else toml(store), encoding="utf-8")
    result = apg("check", *args, store=path)
    return result.exit_code, result.stderr


def test_the_valid_store_passes_strict(apg: Invoke, tmp_path: Path) -> None:
    assert check(apg, tmp_path, VALID, "--strict") == (0, "")


# What breaks each rule of "What `apg check` checks", and a piece of the problem reported.
BROKEN: dict[str, tuple[dict[str, Any] | str, str]] = {
    "toml": ('[sources.s]\nkind = "book\n', "TOML syntax error"),
    "known": (changed("events", "titel", "T"), "key 'titel': unknown key (did you mean 'title'?)"),
    "required": (changed("people", "name", " ", entry="p"), "person 'p' key 'name': must not be empty"),
    "types": (changed("sources", "year", "1990", entry="s"), "key 'year': must be an integer, not a string"),
    "ids": (changed("events", "id", "Bad_Id"), "'Bad_Id': ids are lower-case letters, digits and hyphens"),
    "references": (changed("events", "people", ["nobody"]), "key 'people': unknown person 'nobody'"),
    "dates": (changed("events", "date", "1957-00"), "'1957-00' is not a date: months and days start at 01"),
    "choices": (changed("presidium", "side", "neutral"), "'neutral' is not one of group, khrushchev, wavered"),
    "accessed": (changed("sources", "accessed", "2026-13-01", entry="w"), "'2026-13-01' is not a day (YYYY-MM-DD)"),
    "citations": (changed("events", "sources", [{"id": "s"}]), "key 'sources':"),
    "title-length": (changed("events", "title", "x" * 71), "is 71 characters long; an event's title has at most 70"),
    "term-dates": (changed("terms", "from", "1953/1954"), "'1953/1954' is an interval; a term's from is a single date"),
    "no-overlap": (changed("terms", "from", "1955-02-08", entry=1),
                   "store.toml:21): terms of one office must not overlap"),
    "intervals": (changed("periods", "date", "1957"), "key 'date': '1957' must be an interval, START/END"),
    "one-seat": ({**VALID, "presidium": VALID["presidium"] * 2}, "has a second seat in the Presidium"),
    "web-only": (changed("events", "sources", ["w"]), "rests only on web sources"),
    "tags": (changed("events", "tags", ["crisiss"]), "'crisiss' is not in the tag vocabulary"),
    "uncited": ({**VALID, "sources": {**VALID["sources"], "u": {"kind": "book", "type": "primary", "title": "U"}}},
                "source 'u': is cited by nothing"),
}


def stated_rules() -> list[tuple[str, bool]]:
    """The rules listed under "What `apg check` checks": (name, is it a warning)."""
    section = DOC.split("## What `apg check` checks", 1)[1].split("\n## ", 1)[0]
    return [(name, bool(warning)) for name, warning in re.findall(r"^- \*\*([a-z-]+)\*\*( \(a warning\))?:", section,
                                                                   re.M)]


def test_every_stated_rule_is_tried() -> None:
    assert sorted(name for name, _ in stated_rules()) == sorted(BROKEN)


@pytest.mark.parametrize(("rule", "warning"), stated_rules(), ids=[name for name, _ in stated_rules()])
def test_each_rule_is_enforced(apg: Invoke, tmp_path: Path, rule: str, warning: bool) -> None:
    store, message = BROKEN[rule]
    status, stderr = check(apg, tmp_path, store)
    lines = stderr.splitlines()
    assert len(lines) == 1 and message in lines[0], stderr
    assert (status, lines[0].split(":")[0]) == ((0, "Warning") if warning else (1, "Error"))
    if warning:
        assert check(apg, tmp_path, store, "--strict") == (1, stderr.replace("Warning: ", "Error: "))


# ---------------------------------------------------------------- the key tables

TABLE_HEADINGS = {"sources": "\n## `[sources.ID]`", "people": "\n## `[people.ID]`",
                  "offices": "\n## `[offices.ID]` and", "terms": "\nA term, one `[[terms]]` table each",
                  "events": "\n## `[[events]]`", "presidium": "\n## `[[presidium]]`", "periods": "\n## `[[periods]]`"}
WRONG = {"string": (1, "must be a string, not an integer"), "date": (1957, "must be a string, not an integer"),
         "integer": ("1990", "must be an integer, not a string"), "person id": (1, "must be a string, not an integer"),
         "office id": (1, "must be a string, not an integer")}


def documented_keys() -> list[tuple[str, str, str, bool]]:
    """(table, key, type, required) for every row of the doc's key tables."""
    rows = []
    for table, heading in TABLE_HEADINGS.items():
        text = DOC.split(heading, 1)[1]
        text = text.split("| key | type | required |", 1)[1].split("\n\n", 1)[0]
        for line in text.splitlines()[2:]:
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            for key in re.findall(r"`([a-z_]+)`", cells[0]):
                rows.append((table, key, cells[1], cells[2].startswith("yes")))
    return rows


KEYS = documented_keys()


def test_the_tables_list_every_key_of_every_table() -> None:
    assert len(KEYS) > 50
    assert {table for table, *_ in KEYS} == set(VALID)


@pytest.mark.parametrize(("table", "key", "kind", "required"), KEYS, ids=[f"{t}.{k}" for t, k, _, _ in KEYS])
def test_each_documented_key(apg: Invoke, tmp_path: Path, table: str, key: str, kind: str, required: bool) -> None:
    value, message = WRONG.get(kind, ("x", "must be an array, not a string"))
    status, stderr = check(apg, tmp_path, changed(table, key, value))
    assert status == 1 and f"key '{key}': {message}" in stderr, stderr
    if required:
        status, stderr = check(apg, tmp_path, changed(table, key, remove=True))
        expected = "needs at least one source" if key == "sources" else "is required"
        assert status == 1 and f"key '{key}': {expected}" in stderr, stderr


def test_the_tag_vocabulary_is_the_documented_one() -> None:
    from anti_party.rules import TAGS

    section = DOC.split("\n## Tags\n", 1)[1].split("\n## ", 1)[0]
    assert tuple(re.findall(r"^- `([a-z-]+)`:", section, re.M)) == TAGS


@pytest.mark.parametrize(
    ("store", "message"),
    [
        ({**VALID, "people": {**VALID["people"], "s": {"name": "Sam Source"}}},
         "person 's': is also the id of a source ({store}:1); sources, people and offices share one set of ids"),
        ({**VALID, "offices": {**VALID["offices"], "p": {"title": "P"}}},
         "office 'p': is also the id of a person ({store}:11); sources, people and offices share one set of ids"),
        ({**VALID, "periods": [*VALID["periods"], {"id": "e", "title": "E", "date": "1953/1954"}]},
         "period 'e' key 'id': is defined twice; first at {store}:"),
    ],
    ids=["person-as-source", "office-as-person", "period-as-event"],
)
def test_the_ids_rule_shares_one_set_of_ids(apg: Invoke, tmp_path: Path, store: dict[str, Any], message: str) -> None:
    status, stderr = check(apg, tmp_path, store)
    assert status == 1 and len(stderr.splitlines()) == 1, stderr
    assert message.format(store=tmp_path / "store.toml") in stderr, stderr


@pytest.mark.parametrize("year", [0, -5, 10_000, 10**20])
def test_the_dates_rule_holds_a_source_year_to_the_calendar(apg: Invoke, tmp_path: Path, year: int) -> None:
    status, stderr = check(apg, tmp_path, changed("sources", "year", year, entry="s"))
    assert (status, stderr.splitlines()) == (1, [
        f"Error: {tmp_path / 'store.toml'}:5:1: source 's' key 'year': {year} is not a year from 1 to 9999"]), stderr


def test_the_toml_rule_refuses_a_number_python_will_not_convert(apg: Invoke, tmp_path: Path) -> None:
    text = toml(VALID) + "\n[sources.big]\nyear = " + "9" * 5000 + "\n"
    line = text.count("\n", 0, text.index("year = 999")) + 1
    status, stderr = check(apg, tmp_path, text)
    assert (status, stderr) == (
        1, f"Error: {tmp_path / 'store.toml'}:{line}:8: TOML value error: a number of more than 4,300 digits\n")
