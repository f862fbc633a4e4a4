from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import DECEMBER_9999, FIRST_YEAR, LAST_DAY, edtf_dates, points

from anti_party.dates import (
    DateError,
    DatePoint,
    EdtfDate,
    day_after,
    days_in_month,
    parse_edtf,
    parse_user_date,
    shift,
)


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "human"),
    [
        ("1957", date(1957, 1, 1), date(1957, 12, 31), "year", "1957"),
        ("1957-06", date(1957, 6, 1), date(1957, 6, 30), "month", "Jun 1957"),
        ("1956-02", date(1956, 2, 1), date(1956, 2, 29), "month", "Feb 1956"),
        ("1957-06-18", date(1957, 6, 18), date(1957, 6, 18), "day", "18 Jun 1957"),
        ("1957-06-22/1957-06-29", date(1957, 6, 22), date(1957, 6, 29), "day", "22-29 Jun 1957"),
        ("1957-06-29/1957-07-04", date(1957, 6, 29), date(1957, 7, 4), "day", "29 Jun-4 Jul 1957"),
        ("1957-06/1957-07", date(1957, 6, 1), date(1957, 7, 31), "month", "Jun-Jul 1957"),
        ("1953-12/1954-01", date(1953, 12, 1), date(1954, 1, 31), "month", "Dec 1953-Jan 1954"),
        ("1957-06/1957-07-02", date(1957, 6, 1), date(1957, 7, 2), "month", "Jun 1957-2 Jul 1957"),
        ("1957~", date(1957, 1, 1), date(1957, 12, 31), "year", "c. 1957"),
        ("1955-02-08?", date(1955, 2, 8), date(1955, 2, 8), "day", "8 Feb 1955?"),
        ("1962-03%", date(1962, 3, 1), date(1962, 3, 31), "month", "c. Mar 1962?"),
    ],
)
def test_store_dates(text: str, earliest: date, latest: date, precision: str, human: str) -> None:
    parsed = parse_edtf(text)
    assert (parsed.text, parsed.earliest, parsed.latest, parsed.precision, parsed.human()) == (
        text, earliest, latest, precision, human,
    )


def test_qualifiers() -> None:
    assert (parse_edtf("1957~").approximate, parse_edtf("1957~").uncertain) == (True, False)
    assert (parse_edtf("1957?").approximate, parse_edtf("1957?").uncertain) == (False, True)
    assert (parse_edtf("1957%").approximate, parse_edtf("1957%").uncertain) == (True, True)


@pytest.mark.parametrize(
    ("typed", "edtf"),
    [
        ("1957", "1957"),
        ("June 1957", "1957-06"),
        ("18 June 1957", "1957-06-18"),
        ("Jun 18 1957", "1957-06-18"),
        ("1957-06-18", "1957-06-18"),
        ("  June 18, 1957 ", "1957-06-18"),
        ("1957-06/1957-07", "1957-06/1957-07"),
    ],
)
def test_user_dates(typed: str, edtf: str) -> None:
    assert parse_user_date(typed).edtf() == edtf


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("57", "'57' is not a date: give the year with four digits"),
        ("June 57", "'June 57' is not a date: give the year with four digits"),
        ("18/6/57", "'18/6/57' is ambiguous: write it as YYYY-MM-DD, e.g. 1957-06-18"),
        ("06/18/1957", "'06/18/1957' is ambiguous: write it as YYYY-MM-DD, e.g. 1957-06-18"),
        ("1957-02-30", "'1957-02-30' is not a date: there is no such day or month"),
        ("30 February 1957", "'30 February 1957' is not a date: there is no such day"),
        ("1957-13", "'1957-13' is not a date: there is no such day or month"),
        ("1957/1956", "'1957/1956' ends before it starts"),
        ("yesterday", "'yesterday' is not a date: give the year with four digits"),
        ("1957 1958", "'1957 1958' is not a date: give one date"),
        ("June 1957 10:30", "'June 1957 10:30' is not a date: give a day, month or year, not a time"),
        ("1957-6-1", "'1957-6-1' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_user_date_errors(typed: str, message: str) -> None:
    with pytest.raises(DateError) as error:
        parse_user_date(typed)
    assert str(error.value) == message


@given(st.text())
@example("1 Jan 0001")  # found by hand: dateutil read the year 0001 as 2001
@example("١٩٥٧")  # Arabic-Indic digits are not ASCII digits
def test_user_parser_raises_only_its_own_error(text: str) -> None:
    try:
        parsed = parse_user_date(text)
    except DateError:
        return
    assert parsed.earliest <= parsed.latest


@given(st.text(alphabet="0123456789-/~?% ١٩٥٧"))
@example("1957-00")
@example("1957-06-00")
@example("9999-12")
def test_store_parser_raises_only_its_own_error(text: str) -> None:
    try:
        parsed = parse_edtf(text)
    except DateError:
        return
    assert parsed.earliest <= parsed.latest


@given(edtf_dates())
@example(DECEMBER_9999)
@example(FIRST_YEAR)
@example(LAST_DAY)
def test_format_and_reparse_round_trip(when: EdtfDate) -> None:
    again = parse_edtf(when.edtf())
    assert again == when
    assert again.earliest <= again.latest
    assert parse_user_date(when.edtf()) == when


@given(edtf_dates(), edtf_dates())
@example(DECEMBER_9999, FIRST_YEAR)
def test_overlap_is_symmetric(a: EdtfDate, b: EdtfDate) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    assert a.overlaps(a)


@given(points)
@example(DECEMBER_9999.start)
@example(DatePoint(1, 1, 1))
def test_every_point_spans_at_least_a_day_within_the_calendar(point: DatePoint) -> None:
    assert date.min <= point.earliest <= point.latest <= date.max


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1957-00", "'1957-00' is not a date: months and days start at 01"),
        ("1957-06-00", "'1957-06-00' is not a date: months and days start at 01"),
        ("0000", "'0000' is not a date: there is no year 0"),
        ("10000", "'10000' is not a date: years run from 0001 to 9999"),
        ("١٩٥٧", "'١٩٥٧' is not a date: write its digits as 0-9"),
        ("\uff11\uff19\uff15\uff17-06", "'\uff11\uff19\uff15\uff17-06' is not a date: write its digits as 0-9"),
        ("1957-0٦", "'1957-0٦' is not a date: write its digits as 0-9"),
    ],
)
def test_store_date_edges_refused(text: str, message: str) -> None:
    with pytest.raises(DateError) as error:
        parse_edtf(text)
    assert str(error.value) == message


@given(st.dates(), st.integers(-(10**12), 10**12))
@example(date.max, 7)
@example(date.min, -7)
@example(date(1957, 6, 20), 999_999_999)
def test_shift_never_overflows(day: date, days: int) -> None:
    moved = shift(day, days)
    assert date.min <= moved <= date.max
    if date.min.toordinal() <= day.toordinal() + days <= date.max.toordinal():
        assert (moved - day).days == days


@given(st.dates())
@example(date.max)
def test_day_after(day: date) -> None:
    after = day_after(day)
    assert after is None if day == date.max else after is not None and (after - day).days == 1


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


@given(st.dates())
@example(date(1, 1, 1))  # dateutil read "0001" as 2001
@example(date(4, 2, 29))  # a leap day in a year below 100
@example(date(9999, 12, 31))
def test_typed_days_round_trip(day: date) -> None:
    typed = f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year:04d}"
    parsed = parse_user_date(typed)
    assert (parsed.earliest, parsed.latest, parsed.precision) == (day, day, "day")


@given(st.integers(1, 9999), st.integers(1, 12))
@example(9999, 12)
@example(1900, 2)
@example(2000, 2)
def test_days_in_month_is_the_calendar(year: int, month: int) -> None:
    import calendar

    assert days_in_month(year, month) == calendar.monthrange(year, month)[1]


# The usual word forms are read without dateutil (its import alone costs more than twice a bare
# Python's start-up); each must read exactly as dateutil reads it, or fail with the same message.
_MONTH_WORDS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]


@st.composite
def named_month_dates(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(_MONTH_WORDS))
    month = draw(st.sampled_from([name, name[:3]]))
    month = draw(st.sampled_from([month, month.lower(), month.upper()]))
    day = draw(st.none() | st.integers(1, 31).map(str) | st.integers(1, 9).map(lambda d: f"0{d}"))
    year = f"{draw(st.integers(1, 9999)):04d}"
    space = draw(st.sampled_from([" ", "  "]))
    comma = draw(st.sampled_from(["", ","]))
    if day is not None and draw(st.booleans()):
        return f"{day}{space}{month}{comma} {year}"
    return f"{month}{space}{day}{comma} {year}" if day is not None else f"{month}{comma}{space}{year}"


def _read(read: Callable[[str, int], EdtfDate | None], text: str) -> EdtfDate | str | None:
    year = int(next(word for word in text.replace(",", " ").split() if len(word) == 4 and word.isdigit()))
    try:
        return read(text, year)
    except DateError as error:
        return str(error)


@given(named_month_dates())
@example("June 1957")
@example("18 June 1957")
@example("Jun 18, 1957")
@example("31 June 1957")  # no such day
@example("Feb 29 1900")  # not a leap year
@example("29 feb 2000")
@example("sep 0001")
def test_the_usual_word_forms_read_as_dateutil_reads_them(text: str) -> None:
    from anti_party.dates import _dateutil_date, _named_month_date

    read = _read(_named_month_date, text)
    assert read is not None, text  # every form drawn here is one read without dateutil
    assert read == _read(_dateutil_date, text)
    assert read == _read(lambda typed, _: parse_user_date(typed), text)


@pytest.mark.parametrize("typed", ["Sept 1957", "1957 June 22", "Jun. 1957", "June 1957 18", "0 June 1957", "Juni 1957"])
def test_other_word_forms_are_left_to_dateutil(typed: str) -> None:
    from anti_party.dates import _named_month_date

    assert _named_month_date(typed, 1957) is None


@pytest.mark.parametrize("text", ["1957", "1957-06-18", "1957-06~", "1953-12/1954-01", "0001-01-01/9999-12-31"])
def test_a_date_is_immutable_equal_by_its_fields_and_hashable_once_its_days_are_known(text: str) -> None:
    when = parse_edtf(text)
    again = EdtfDate(when.text, DatePoint(*when.start), None if when.end is None else DatePoint(*when.end))
    assert (when.earliest, when.latest) == (again.start.earliest, (again.end or again.start).latest)
    assert again == when and hash(again) == hash(when) and again is not when  # known days do not count
    assert vars(when) == {"earliest": when.earliest, "latest": when.latest}
    for target, name in ((when, "text"), (when, "earliest"), (when, "other"), (when.start, "year"),
                         (when.start, "earliest")):
        with pytest.raises(AttributeError, match="is immutable"):
            setattr(target, name, 1)
        with pytest.raises(AttributeError):
            delattr(target, name)
    assert repr(when).startswith(f"EdtfDate(text={when.text!r}, start=DatePoint(year={when.start.year}, ")
    assert when._replace(text="other") != when and type(when._replace(text="other")) is EdtfDate
