"""Hypothesis strategies shared by the property tests, and the examples they have found."""

from __future__ import annotations

from hypothesis import strategies as st

from anti_party.dates import DatePoint, EdtfDate

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


# Examples found by the properties (each also kept as an @example where it was found).
DECEMBER_9999 = EdtfDate("9999-12", DatePoint(9999, 12))  # found by test_overlap_is_symmetric: latest overflowed
FIRST_YEAR = EdtfDate("0001", DatePoint(1))
LAST_DAY = EdtfDate("9999-12-31", DatePoint(9999, 12, 31))
