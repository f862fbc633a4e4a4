"""Dates to the edges of the calendar (years 1-9999) through every command and every export.

A store holding one event, one term and one person dated anywhere in 1-9999 is rendered in
every format of every view, and `apg on` looks at its days with any window: nothing may
overflow, and the iCalendar output stays a valid calendar with the right days.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import icalendar
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import DECEMBER_9999, FIRST_YEAR, LAST_DAY, edtf_dates

from anti_party.dates import DatePoint, EdtfDate
from anti_party.render import formats_for
from conftest import Invoke

STORE = """
[sources.s]
kind = "book"
type = "scholarly"
title = "A book"

[people.p]
name = "Pat Person"
born = "{start}"
died = "{end}"

[offices.o]
title = "An office"

[[terms]]
person = "p"
office = "o"
from = "{start}"
to = "{end}"
sources = ["s"]

[[events]]
id = "e"
date = "{date}"
title = "An event"
people = ["p"]
sources = ["s"]
"""

EDGES = settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def single(point: DatePoint) -> str:
    """A point without qualifiers, as a term's from and to take it."""
    return DatePoint(point.year, point.month, point.day).edtf()


def run_everywhere(apg: Invoke, when: EdtfDate) -> dict[str, str]:
    """Every view in every format for a store dated WHEN; the output of each, keyed by command."""
    end = when.end or when.start
    text = STORE.format(start=single(when.start), end=single(end), date=when.edtf())
    outputs = {}
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store.toml"
        store.write_text(text, encoding="utf-8")
        commands = [("timeline", "-f", name) for name in formats_for("events")]
        commands += [("person", "p", "-f", name) for name in formats_for("person")]
        commands += [("on", when.start.edtf().rstrip("~?%"), "-f", name) for name in formats_for("on")]
        commands += [("offices", "--from", single(when.start), "--to", single(end), "-f", name)
                     for name in formats_for("offices")]
        commands += [("on", "9999-12-31", "--window", "999999999"), ("on", "0001-01-01", "--window", "999999999"),
                     ("check",)]
        for command in commands:
            result = apg(*command, store=store)
            notes = [line for line in result.stderr.splitlines() if not line.startswith("Note: ")]
            assert (result.exit_code, notes) == (0, []), (command, result.stderr, result.exception)
            outputs[" ".join(command)] = result.stdout
    return outputs


@EDGES
@given(edtf_dates())
@example(DECEMBER_9999)
@example(FIRST_YEAR)
@example(LAST_DAY)
@example(EdtfDate("0001-01-01/9999-12-31", DatePoint(1, 1, 1), DatePoint(9999, 12, 31)))
def test_any_date_goes_through_every_view_and_export(apg: Invoke, when: EdtfDate) -> None:
    outputs = run_everywhere(apg, when)
    record = json.loads(outputs["timeline -f json"])[0]
    assert (record["start"], record["end"]) == (when.earliest.isoformat(), when.latest.isoformat())
    calendar = icalendar.Calendar.from_ical(outputs["timeline -f ics"])
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == when.earliest
    assert event.duration == dt.timedelta(days=(when.latest - when.earliest).days + 1)


@EDGES
@given(st.dates(), st.integers(0, 10**12))
@example(dt.date.max, 7)
@example(dt.date.min, 7)
@example(dt.date(1957, 6, 20), 999_999_999)
def test_on_takes_any_day_and_any_window(apg: Invoke, day: dt.date, window: int) -> None:
    result = apg("on", f"{day.year:04d}-{day.month:02d}-{day.day:02d}", "--window", str(window), "-f", "json")
    notes = [line for line in result.stderr.splitlines() if not line.startswith("Note: ")]
    assert (result.exit_code, notes) == (0, []), result.stderr
    assert json.loads(result.stdout)["start"] == day.isoformat()
