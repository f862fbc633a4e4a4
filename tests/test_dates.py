from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from anti_party.dates import DateError, DatePoint, EdtfDate, parse_edtf, parse_user_date


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


points = st.builds(
    lambda year, month, day, approximate, uncertain: DatePoint(
        year, month, day if month is not None and day is not None and day <= 28 else None, approximate, uncertain
    ),
    st.integers(1, 9999),
    st.one_of(st.none(), st.integers(1, 12)),
    st.one_of(st.none(), st.integers(1, 28)),
    st.booleans(),
    st.booleans(),
)


@st.composite
def edtf_dates(draw: st.DrawFn) -> EdtfDate:
    start = draw(points)
    end = draw(st.one_of(st.none(), points.filter(lambda p: p.latest >= start.earliest)))
    text = start.edtf() if end is None else f"{start.edtf()}/{end.edtf()}"
    return EdtfDate(text, start, end)


@given(st.text())
def test_user_parser_raises_only_its_own_error(text: str) -> None:
    try:
        parsed = parse_user_date(text)
    except DateError:
        return
    assert parsed.earliest <= parsed.latest


@given(st.text(alphabet="0123456789-/~?% "))
def test_store_parser_raises_only_its_own_error(text: str) -> None:
    try:
        parsed = parse_edtf(text)
    except DateError:
        return
    assert parsed.earliest <= parsed.latest


@given(edtf_dates())
@example(EdtfDate("9999-12", DatePoint(9999, 12, None, False, False), None))  # December 9999 once overflowed
def test_format_and_reparse_round_trip(when: EdtfDate) -> None:
    again = parse_edtf(when.edtf())
    assert again == when
    assert again.earliest <= again.latest
    assert parse_user_date(when.edtf()) == when


@given(edtf_dates(), edtf_dates())
def test_overlap_is_symmetric(a: EdtfDate, b: EdtfDate) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    assert a.overlaps(a)
