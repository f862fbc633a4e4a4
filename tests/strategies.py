"""Hypothesis strategies shared by the property tests, and the examples they have found."""

from __future__ import annotations

from hypothesis import strategies as st

from anti_party.dates import DatePoint, EdtfDate, days_in_month


@st.composite
def _points(draw: st.DrawFn) -> DatePoint:
    """A year, month or day anywhere in 1-9999, every day of every month included (29 February, the 31sts)."""
    year = draw(st.integers(1, 9999))
    month = draw(st.one_of(st.none(), st.integers(1, 12)))
    day = draw(st.one_of(st.none(), st.integers(1, days_in_month(year, month)))) if month is not None else None
    return DatePoint(year, month, day, draw(st.booleans()), draw(st.booleans()))


points = _points()


@st.composite
def edtf_dates(draw: st.DrawFn) -> EdtfDate:
    start = draw(points)
    end = draw(st.one_of(st.none(), points.filter(lambda p: p.latest >= start.earliest)))
    text = start.edtf() if end is None else f"{start.edtf()}/{end.edtf()}"
    return EdtfDate(text, start, end)


# Examples found by the properties (each also kept as an @example where it was found).
DECEMBER_9999 = EdtfDate("9999-12", DatePoint(9999, 12))  # found by test_overlap_is_symmetric: latest overflowed
FIRST_YEAR = EdtfDate("0001", DatePoint(1))
LAST_DAY = EdtfDate("9999-12-31", DatePoint(9999, 12, 31))
