"""TimelineJS3 JSON: a title slide, one slide per event, and the store's periods as eras.

A date object holds only the parts its precision supports, so a month-precision event
has no "day". Every text from the store is HTML-escaped. A slide's text gives the summary,
the people, each note with its sources, and the sources written out. Slides are grouped by
the period their event starts in (TimelineJS draws a row per group, so the few periods keep
the slides tall); the title gives the span of the events shown.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from anti_party.dates import DatePoint, EdtfDate
from anti_party.model import Event, Period, Profile, Store
from anti_party.render import Options
from anti_party.render.records import TITLE, event_sources, names, note_line, plain, written_out


def _text(value: str) -> str:
    return html.escape(plain(value))


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{_text(text)}</p>" for text in texts if text)


def date_object(point: DatePoint) -> dict[str, int]:
    parts = {"year": point.year, "month": point.month, "day": point.day}
    return {key: value for key, value in parts.items() if value is not None}


def _dates(date: EdtfDate, always_end: bool = False) -> dict[str, Any]:
    dates: dict[str, Any] = {"start_date": date_object(date.start)}
    if date.end is not None or always_end:
        dates["end_date"] = date_object(date.end or date.start)
    return dates


MAX_GROUPS = 8  # TimelineJS squeezes every slide into one row per group


def _slide(event: Event, store: Store, group: str | None) -> dict[str, Any]:
    sources = "".join(f"<li>{_text(written_out(store, c))}</li>" for c in event_sources(event))
    slide: dict[str, Any] = {
        "unique_id": event.id,
        **_dates(event.date),
        "display_date": _text(event.date.human()),
        "text": {
            "headline": _text(event.title),
            "text": _paragraphs(event.summary, f"People: {names(store, event.people)}" if event.people else "",
                                *(note_line(note) for note in event.notes))
            + (f"<p>Sources:</p><ul>{sources}</ul>" if sources else ""),
        },
    }
    if group:
        slide["group"] = _text(group)
    return slide


def _groups(events: Sequence[Event], periods: Sequence[Period]) -> list[str | None]:
    """The title of the period each event starts in; none at all if that would make too many rows."""
    groups = [next((period.title for period in periods
                    if period.date.earliest <= event.date.earliest <= period.date.latest), None)
              for event in events]
    return groups if len(set(groups) - {None}) <= MAX_GROUPS else [None] * len(events)


def _document(headline: str, text: str, events: Sequence[Event], store: Store) -> str:
    slides = [_slide(event, store, group) for event, group in zip(events, _groups(events, store.periods), strict=True)]
    document: dict[str, Any] = {"title": {"text": {"headline": _text(headline), "text": text}}, "events": slides}
    if store.periods:
        document["eras"] = [
            {**_dates(period.date, always_end=True), "text": {"headline": _text(period.title)}}
            for period in store.periods
        ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def year_span(events: Sequence[Event]) -> str:
    """"1953-1962" (or "1957"): the years from the first event's start to the last one's end."""
    if not events:
        return ""
    first = min(event.date.earliest.year for event in events)
    last = max(event.date.latest.year for event in events)
    return str(first) if first == last else f"{first}-{last}"


def timelinejs_events(events: Sequence[Event], options: Options) -> str:
    span = year_span(events)
    headline = f"{TITLE}, {span}" if span else TITLE
    return _document(headline, _paragraphs(f"{len(events)} events"), events, options.store)


def timelinejs_person(profile: Profile, options: Options) -> str:
    person = profile.person
    life = " - ".join(date.human() for date in (person.born, person.died) if date)
    text = _paragraphs(person.full_name or "", person.native or "", life, person.summary or "", person.later or "",
                       *(note_line(note) for note in person.notes))
    return _document(person.name, text, profile.events, options.store)
