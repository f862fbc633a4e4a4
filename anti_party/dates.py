"""The date model: a subset of EDTF for the store, and what people type on the command line.

A date is a period: ``1957`` runs from 1957-01-01 to 1957-12-31. Nothing is ever
filled in from today's date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Generic, Literal, NamedTuple, NoReturn, TypeVar, overload

from anti_party.errors import UsageError, quoted

Precision = Literal["year", "month", "day"]

_POINT = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%]?)")  # ASCII digits only
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PRECISION_RANK: dict[Precision, int] = {"year": 0, "month": 1, "day": 2}


T = TypeVar("T")


class _once(Generic[T]):
    """functools.cached_property without its lock (Python 3.11 takes one on every first read).

    A date's first and last day are asked for many times (filters, sorting, output) and a
    large store has many dates: each is worked out once and kept in the instance's __dict__,
    which the date classes keep for it (see _Immutable).
    """

    def __init__(self, function: Callable[[Any], T]) -> None:
        self.function = function
        self.name = function.__name__

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> _once[T]: ...

    @overload
    def __get__(self, instance: object, owner: type[Any]) -> T: ...

    def __get__(self, instance: object, owner: type[Any]) -> T | _once[T]:
        if instance is None:
            return self
        value = self.function(instance)
        instance.__dict__[self.name] = value
        return value


class DateError(UsageError, ValueError):
    """A date that cannot be read; the message quotes the input (at most 80 characters of it)."""


# The dates are NamedTuples, as the model's records are, rather than frozen dataclasses: as
# immutable, equal when their fields are equal and hashable, at a fifth of the cost to define on
# Python 3.11 (and without the dataclasses module, which nothing else on the way to a TSV timeline
# loads). Each is a subclass of its fields' NamedTuple, which gives it the __dict__ where _once
# keeps its first and last day (a NamedTuple has none), and _Immutable, which keeps everything
# else out of it.
class _Immutable:
    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"cannot assign to {name!r}: {type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"cannot delete {name!r}: {type(self).__name__} is immutable")


class _DatePointFields(NamedTuple):
    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False


class DatePoint(_DatePointFields, _Immutable):
    """One calendar date at year, month or day precision, with EDTF qualifiers."""

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @_once
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @_once
    def latest(self) -> date:
        if self.day is not None:
            return self.earliest
        if self.month is None:
            return date(self.year, 12, 31)
        return date(self.year, self.month, days_in_month(self.year, self.month))  # no overflow in 9999-12

    @property
    def qualifier(self) -> str:
        if self.approximate and self.uncertain:
            return "%"
        return "~" if self.approximate else "?" if self.uncertain else ""

    def edtf(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + self.qualifier


class _EdtfDateFields(NamedTuple):
    text: str
    start: DatePoint
    end: DatePoint | None = None


class EdtfDate(_EdtfDateFields, _Immutable):
    """A store date: one point, or an interval of two, with its original text."""

    @_once
    def earliest(self) -> date:
        return self.start.earliest

    @_once
    def latest(self) -> date:
        return (self.end or self.start).latest

    @property
    def precision(self) -> Precision:
        """The coarser precision of the two ends of an interval."""
        if self.end is None:
            return self.start.precision
        return min(self.start.precision, self.end.precision, key=_PRECISION_RANK.__getitem__)

    @property
    def approximate(self) -> bool:
        return self.start.approximate or (self.end is not None and self.end.approximate)

    @property
    def uncertain(self) -> bool:
        return self.start.uncertain or (self.end is not None and self.end.uncertain)

    def edtf(self) -> str:
        """The canonical EDTF text (equal to ``text`` for store dates)."""
        if self.end is None:
            return self.start.edtf()
        return f"{self.start.edtf()}/{self.end.edtf()}"

    def overlaps(self, other: EdtfDate) -> bool:
        return spans_overlap(self.earliest, self.latest, other.earliest, other.latest)

    def human(self) -> str:
        """The date at its own precision: "18 Jun 1957", "Jun 1957", "22-29 Jun 1957", "c. 1957"."""
        if self.end is None:
            return _qualified(_human_point(self.start), self.start)
        start, end = self.start, self.end
        same_year = start.year == end.year and start.precision == end.precision
        same_year = same_year and not start.qualifier
        same_month = same_year and start.month is not None and start.month == end.month
        if same_month and start.day is not None:
            text = f"{start.day}-{_human_point(end)}"
        elif same_year and start.month is not None:
            text = f"{_human_point(start).rsplit(' ', 1)[0]}-{_human_point(end)}"
        else:
            return f"{_qualified(_human_point(start), start)}-{_qualified(_human_point(end), end)}"
        return _qualified(text, end)

    def in_words(self) -> str:
        """The date for a reader: "22 June 1957, uncertain", "June 1957 (day not recorded)"."""
        if self.end is None:
            text = _words_point(self.start)
        else:
            start, end = _words_point(self.start), _words_point(self.end)
            text = f"from {start} to {end}"
        missing = {"day": "", "month": "day not recorded", "year": "month and day not recorded"}[self.precision]
        marks = [word for word, flag in (("approximate", self.approximate), ("uncertain", self.uncertain)) if flag]
        if marks:
            text += ", " + " and ".join(marks)
        return f"{text} ({missing})" if missing else text


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _words_point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = _MONTH_NAMES[point.month - 1]
    return f"{month} {point.year}" if point.day is None else f"{point.day} {month} {point.year}"


def human_day(day: date) -> str:
    """A day as people write it, "18 Jun 1957" (and "1 Jan 1", where strftime varies by platform)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _human_point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = _MONTHS[point.month - 1]
    return f"{month} {point.year}" if point.day is None else f"{point.day} {month} {point.year}"


def _qualified(text: str, point: DatePoint) -> str:
    if point.approximate:
        text = "c. " + text
    return text + "?" if point.uncertain else text


def spans_overlap(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    return a_start <= b_end and b_start <= a_end


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """28 to 31 (the calendar module would do, but it imports locale at start-up)."""
    return 29 if month == 2 and is_leap(year) else _MONTH_DAYS[month - 1]


def shift(day: date, days: int) -> date:
    """DAY moved by DAYS (any size), held within 1 Jan 1 - 31 Dec 9999 instead of overflowing."""
    ordinal = min(max(day.toordinal() + days, date.min.toordinal()), date.max.toordinal())
    return date.fromordinal(ordinal)


def day_after(day: date) -> date | None:
    """The next day, or None after 31 December 9999."""
    return None if day == date.max else date.fromordinal(day.toordinal() + 1)


def _foreign_digits(text: str) -> bool:
    return any(char.isdigit() and not char.isascii() for char in text)


def sort_key(when: EdtfDate, ident: str) -> tuple[date, date, str]:
    """The store's total order: earliest day, then latest day, then id."""
    return (when.earliest, when.latest, ident)


def _parse_point(text: str, whole: str) -> DatePoint:
    match = _POINT.fullmatch(text)
    if match is None:
        if _foreign_digits(text):
            raise DateError(f"{quoted(whole)} is not a date: write its digits as 0-9")
        if re.match(r"[0-9]{5}", text):
            raise DateError(f"{quoted(whole)} is not a date: years run from 0001 to 9999")
        raise DateError(f"{quoted(whole)} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day, qualifier = match.groups()
    point = DatePoint(
        year=int(year),
        month=int(month) if month else None,
        day=int(day) if day else None,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
    )
    if point.year < 1:
        raise DateError(f"{quoted(whole)} is not a date: there is no year 0")
    if point.month == 0 or point.day == 0:
        raise DateError(f"{quoted(whole)} is not a date: months and days start at 01")
    try:
        point.earliest  # noqa: B018 - date() checks the month and the day against the calendar
    except ValueError:
        raise DateError(f"{quoted(whole)} is not a date: there is no such day or month") from None
    return point


def parse_edtf(text: str) -> EdtfDate:
    """Parse a store date (the EDTF subset documented in docs/store.md)."""
    if not isinstance(text, str):
        raise DateError(f"{quoted(text)} is not a date: expected a string")
    parts = text.split("/")
    if len(parts) > 2:
        raise DateError(f"{quoted(text)} is not a date: an interval has exactly one '/'")
    start = _parse_point(parts[0], text)
    if len(parts) == 1:
        return EdtfDate(text, start)
    end = _parse_point(parts[1], text)
    if end.latest < start.earliest:
        raise DateError(f"{quoted(text)} ends before it starts")
    return EdtfDate(text, start, end)


_EDTF_SHAPE = re.compile(r"[0-9]{4}[-0-9~?%/]*")
_NUMERIC_DMY = re.compile(r"[0-9]{1,4}\s*[/.]\s*[0-9]{1,2}\s*[/.]\s*[0-9]{1,4}")
_FOUR_DIGITS = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")


def parse_user_date(text: str) -> EdtfDate:
    """Parse a command-line date: an EDTF date, or "June 1957", "18 June 1957", "Jun 18 1957".

    A partial date stands for its whole period; a missing part is never filled in.
    """
    text = text.strip()
    if _foreign_digits(text):
        raise DateError(f"{quoted(text)} is not a date: write its digits as 0-9")
    if _EDTF_SHAPE.fullmatch(text):
        return parse_edtf(text)
    if _NUMERIC_DMY.fullmatch(text):
        raise DateError(f"{quoted(text)} is ambiguous: write it as YYYY-MM-DD, e.g. 1957-06-18")
    years = _FOUR_DIGITS.findall(text)
    if len(years) != 1:
        reason = "give the year with four digits" if not years else "give one date"
        raise DateError(f"{quoted(text)} is not a date: {reason}")
    year = int(years[0])
    if year < 1:
        raise DateError(f"{quoted(text)} is not a date: there is no year 0")
    return _named_month_date(text, year) or _dateutil_date(text, year)


# The usual ways of writing a date in words, read here: dateutil, which reads the others, takes about
# 45 ms to import (more than twice a bare Python's start-up). Day and month, or month and day, then
# the year; the month's English name or its first three letters, in any case.
_DAY = "(0?[1-9]|[12][0-9]|3[01])"
_NAMED_MONTH_DATE = f"(?:{_DAY} +([A-Za-z]+)|([A-Za-z]+)(?: +{_DAY})?),? +([0-9]{{4}})"
_MONTH_NUMBERS = {name.lower()[:length]: number for number, name in enumerate(_MONTH_NAMES, 1) for length in (3, None)}


def _named_month_date(text: str, year: int) -> EdtfDate | None:
    """TEXT in one of the usual forms ("June 1957", "18 Jun 1957", "June 18, 1957"); None for any other."""
    match = re.fullmatch(_NAMED_MONTH_DATE, text)
    month = _MONTH_NUMBERS.get((match[2] or match[3]).lower()) if match else None
    if match is None or month is None:
        return None
    digits = match[1] or match[4]
    day = int(digits) if digits else None
    if day is not None and day > days_in_month(year, month):
        raise DateError(f"{quoted(text)} is not a date: there is no such day")
    point = DatePoint(year, month, day)
    return EdtfDate(point.edtf(), point)


def _dateutil_date(text: str, year: int) -> EdtfDate:
    """TEXT, holding the four-digit YEAR, read by dateutil."""
    # dateutil reads a year below 100 as this century's even in four digits ("0001" as 2001), so
    # it is given a stand-in year with the same leap day and the real one is put back after.
    stand_in = 2000 if is_leap(year) else 2001
    point = _parse_words(_FOUR_DIGITS.sub(str(stand_in), text), text)
    if point.year != stand_in:
        raise DateError(f"{quoted(text)} is not a date: give the year with four digits")
    point = DatePoint(year, point.month, point.day)
    return EdtfDate(point.edtf(), point)


def _parse_words(words: str, text: str) -> DatePoint:
    """WORDS read by dateutil; TEXT is what the user typed, for messages."""
    # Two runs with different defaults: a part that differs between them was not in the text.
    from dateutil import parser

    try:
        first = parser.parse(words, default=datetime(2000, 1, 1))
        second = parser.parse(words, default=datetime(2004, 2, 2))
    except (ValueError, OverflowError) as error:
        reason = ": there is no such day" if "out of range" in str(error) else ""
        raise DateError(f"{quoted(text)} is not a date{reason}") from None
    if first.year != second.year:
        raise DateError(f"{quoted(text)} is not a date: give the year with four digits")
    if first.month != second.month and first.day == second.day:
        raise DateError(f"{quoted(text)} is not a date: a day needs its month")
    month = first.month if first.month == second.month else None
    day = first.day if first.day == second.day and month is not None else None
    if first.hour or first.minute or first.second or first.tzinfo:
        raise DateError(f"{quoted(text)} is not a date: give a day, month or year, not a time")
    return DatePoint(first.year, month, day)


