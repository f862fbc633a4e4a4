"""iCalendar (RFC 5545): one all-day VEVENT per event.

Dates are calendar days, never shifted through a time zone: DTSTART is the earliest
day and DTEND (exclusive) the day after the latest. DTSTAMP comes from
SOURCE_DATE_EPOCH when it is set, so that the output can be reproduced.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence

from anti_party.dates import day_after
from anti_party.model import Event, Profile, Store
from anti_party.render import Options
from anti_party.render.records import TITLE, event_sources, names, note_line, written_out

PRODID = "-//apg//Anti-Party Group timeline//EN"
LINE_OCTETS = 75
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # TEXT allows no control character but tab
_UNITS = re.compile(r"\\.|.", re.DOTALL)  # a character, or a backslash escape kept whole when folding


def stamp_from_env(environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """SOURCE_DATE_EPOCH as a UTC time if it is a whole number of seconds, else now."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isascii() and epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (OverflowError, OSError, ValueError):
            pass  # beyond the year 9999, or what the platform's time_t holds: as if unset
    return dt.datetime.now(dt.UTC)


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,"))
    return text.replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 character or an escape, ended by CRLF."""
    pieces: list[str] = []
    piece, size = "", 0
    for unit in _UNITS.findall(line):
        width = len(unit.encode("utf-8"))
        if size + width > LINE_OCTETS:
            pieces.append(piece)
            piece, size = " ", 1  # a continuation line starts with one space
        piece += unit
        size += width
    pieces.append(piece)
    return "".join(piece + "\r\n" for piece in pieces)


def _date_note(event: Event) -> str | None:
    """A sentence on a date that is not a known day, e.g. "Date known only to the month: Jun 1957."."""
    when = event.date
    limits = [f"known only to the {when.precision}"] if when.precision != "day" else []
    if when.approximate:
        limits.append("approximate")
    if when.uncertain:
        limits.append("uncertain")
    return f"Date {' and '.join(limits)}: {when.human()}." if limits else None


def _description(event: Event, store: Store) -> str:
    parts = [event.summary, _date_note(event) or ""]
    if event.people:
        parts.append(f"People: {names(store, event.people)}.")
    parts += [note_line(note) for note in event.notes]
    sources = event_sources(event)
    if sources:
        cited = (f"{c.id}: {written_out(store, c)}" for c in sources)
        parts.append("Sources:\n" + "\n".join(cited))
    return "\n\n".join(part for part in parts if part)


def ics_date(day: dt.date) -> str:
    """A DATE value, YYYYMMDD with four-digit years (strftime gives "1" for the year 1)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _end(event: Event) -> str:
    """DTEND, the day after the last (exclusive); after 31 December 9999, which has none, a DURATION."""
    after = day_after(event.date.latest)
    if after is None:
        return f"DURATION:P{(event.date.latest - event.date.earliest).days + 1}D"
    return f"DTEND;VALUE=DATE:{ics_date(after)}"


def _vevent(event: Event, store: Store, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(event.id)}@apg",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{ics_date(event.date.earliest)}",
        _end(event),
        f"SUMMARY:{escape(event.title)}",
        f"DESCRIPTION:{escape(_description(event, store))}",
    ]
    if event.tags:
        lines.append(f"CATEGORIES:{','.join(escape(tag) for tag in event.tags)}")
    return [*lines, "END:VEVENT"]


def _calendar(name: str, events: Iterable[Event], store: Store, stamp: dt.datetime | None) -> str:
    when = (stamp or stamp_from_env()).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape(name)}"]
    for event in events:
        lines += _vevent(event, store, when)
    lines.append("END:VCALENDAR")
    return "".join(map(fold, lines))


def ics_events(events: Sequence[Event], options: Options, stamp: dt.datetime | None = None) -> str:
    return _calendar(TITLE, events, options.store, stamp)


def ics_person(profile: Profile, options: Options, stamp: dt.datetime | None = None) -> str:
    return _calendar(profile.person.name, profile.events, options.store, stamp)
