"""TSV and CSV: one record per row."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from anti_party.model import Event, Profile
from anti_party.query import OfficeSpan, PowerReport
from anti_party.render import Options
from anti_party.render.records import EVENT_FIELDS, TERM_FIELDS, TSV_FIELDS, Records, event_record, term_rows

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


def _flatten(value: str) -> str:
    for separator in ("\r\n", "\r", "\n", "\t"):
        value = value.replace(separator, " ")
    return value


def _tsv_lines(rows: Sequence[Sequence[str]]) -> str:
    return "".join("\t".join(_flatten(value) for value in row) + "\n" for row in rows)


def _tsv(records: Sequence[dict[str, Any]], fields: Sequence[str], header: bool) -> str:
    rows = [list(fields)] if header else []
    rows += [[cell(record[field]) for field in fields] for record in records]
    return _tsv_lines(rows)


def _csv(records: Sequence[dict[str, Any]], fields: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    for record in records:
        values = (cell(record[field]) for field in fields)
        writer.writerow(["'" + value if value.startswith(_FORMULA_STARTS) else value for value in values])
    return buffer.getvalue()


def tsv_events(events: Sequence[Event], options: Options) -> str:
    return _tsv([event_record(event) for event in events], options.fields or TSV_FIELDS, options.header)


def csv_events(events: Sequence[Event], options: Options) -> str:
    return _csv([event_record(event) for event in events], options.fields or EVENT_FIELDS)


def tsv_person(profile: Profile, options: Options) -> str:
    return tsv_events(profile.events, options)


def csv_person(profile: Profile, options: Options) -> str:
    return csv_events(profile.events, options)


def tsv_offices(span: OfficeSpan, options: Options) -> str:
    return _tsv(term_rows(options.store, span), TERM_FIELDS, options.header)


def csv_offices(span: OfficeSpan, options: Options) -> str:
    return _csv(term_rows(options.store, span), TERM_FIELDS)


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
    return _tsv_lines(rows)


def tsv_records(records: Records, options: Options) -> str:
    return _tsv(records.rows, records.fields, options.header)


def csv_records(records: Records, options: Options) -> str:
    return _csv(records.rows, records.fields)
