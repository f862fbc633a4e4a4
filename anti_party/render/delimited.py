"""TSV and CSV: one event per row."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from anti_party.model import Event, Profile
from anti_party.query import PowerReport
from anti_party.render import Options
from anti_party.render.records import EVENT_FIELDS, TSV_FIELDS, event_record

# OWASP's advice for CSV opened in spreadsheets: a leading quote stops formula evaluation.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if value and isinstance(value[0], dict):  # notes: their texts, the sources are in "sources"
            return " | ".join(item["text"] for item in value)
        return ",".join(value)
    return "" if value is None else str(value)


def _rows(events: Sequence[Event], fields: Sequence[str]) -> list[list[str]]:
    return [[cell(record[field]) for field in fields] for record in map(event_record, events)]


def tsv_events(events: Sequence[Event], options: Options) -> str:
    fields = options.fields or TSV_FIELDS
    rows = _rows(events, fields)
    if options.header:
        rows.insert(0, list(fields))
    lines = ["\t".join(_flatten(value) for value in row) for row in rows]
    return "".join(line + "\n" for line in lines)


def _flatten(value: str) -> str:
    for separator in ("\r\n", "\r", "\n", "\t"):
        value = value.replace(separator, " ")
    return value


def csv_events(events: Sequence[Event], options: Options) -> str:
    fields = options.fields or EVENT_FIELDS
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    for row in _rows(events, fields):
        writer.writerow(["'" + value if value.startswith(_FORMULA_STARTS) else value for value in row])
    return buffer.getvalue()


def tsv_person(profile: Profile, options: Options) -> str:
    return tsv_events(profile.events, options)


def csv_person(profile: Profile, options: Options) -> str:
    return csv_events(profile.events, options)


def tsv_on(report: PowerReport, options: Options) -> str:
    """One row per fact, its kind first: office, change, presidium or event (documented in the README)."""
    rows = [
        ["office", h.office, h.term.person if h.term else "", h.term.start.text if h.term else "",
         h.term.end.text if h.term and h.term.end else ""]
        for h in report.holdings
    ]
    rows += [["change", c.day.isoformat(), c.office, c.outgoing or "", c.incoming or ""] for c in report.changes]
    rows += [["presidium", seat.person, seat.rank, seat.side] for seat in report.presidium]
    rows += [["event", near.relation, near.event.date.text, near.event.id, near.event.title] for near in report.events]
    return "".join("\t".join(_flatten(value) for value in row) + "\n" for row in rows)
