"""TimelineJS3 JSON: a title slide, one slide per event, and the store's periods as eras.

A date object holds only the parts its precision supports, so a month-precision event
has no "day". Every text from the store is HTML-escaped.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from anti_party.dates import DatePoint, EdtfDate
from anti_party.model import Event, Profile, Store
from anti_party.render import Options
from anti_party.render.records import TITLE, names, plain, reference


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


def _slide(event: Event, store: Store) -> dict[str, Any]:
    sources = "".join(f"<li>{_text(reference(store.sources[c.id]) + (f' ({c.locator})' if c.locator else ''))}</li>"
                      for c in event.sources)
    slide: dict[str, Any] = {
        "unique_id": event.id,
        **_dates(event.date),
        "display_date": _text(event.date.human()),
        "text": {
            "headline": _text(event.title),
            "text": _paragraphs(event.summary, f"People: {names(store, event.people)}" if event.people else "")
            + (f"<p>Sources:</p><ul>{sources}</ul>" if sources else ""),
        },
    }
    if event.tags:
        slide["group"] = _text(event.tags[0])
    return slide


def _document(headline: str, text: str, events: Sequence[Event], store: Store) -> str:
    document: dict[str, Any] = {
        "title": {"text": {"headline": _text(headline), "text": text}},
        "events": [_slide(event, store) for event in events],
    }
    if store.periods:
        document["eras"] = [
            {**_dates(period.date, always_end=True), "text": {"headline": _text(period.title)}}
            for period in store.periods
        ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def timelinejs_events(events: Sequence[Event], options: Options) -> str:
    years = [year for event in events for year in (event.date.earliest.year, event.date.latest.year)]
    span = f"{min(years)}-{max(years)}" if years else ""
    summary = f"{len(events)} events" + (f", {span}" if span else "")
    return _document(TITLE, _paragraphs(summary), events, options.store)


def timelinejs_person(profile: Profile, options: Options) -> str:
    person = profile.person
    life = " - ".join(date.human() for date in (person.born, person.died) if date)
    text = _paragraphs(person.full_name or "", person.native or "", life, person.summary or "", person.later or "")
    return _document(person.name, text, profile.events, options.store)
