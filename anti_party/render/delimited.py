"""TSV and CSV: one event per row."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from anti_party.model import Event, Profile
from anti_party.render import EVENT_FIELDS, TSV_FIELDS, Options, event_record

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
