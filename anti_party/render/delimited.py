"""TSV and CSV: one record per row, the shape's columns in the same order in both."""

from __future__ import annotations

import io
from collections.abc import Sequence

from anti_party.choices import DELIMITED_EVENT_FIELDS
from anti_party.model import Event, Profile
from anti_party.query import OfficeTerms, PowerReport
from anti_party.render import Options
from anti_party.render.records import (
    POWER_TSV_FIELDS,
    Records,
    cell,
    event_records,
    power_rows,
    term_records,
)

# OWASP's advice for CSV opened in spreadsheets: a leading quote stops formula evaluation.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _flatten(value: str) -> str:
    if "\n" not in value and "\r" not in value and "\t" not in value:
        return value  # nearly every cell: no copy
    for separator in ("\r\n", "\r", "\n", "\t"):
        value = value.replace(separator, " ")
    return value


def _tsv_lines(rows: Sequence[Sequence[str]]) -> str:
    return "".join("\t".join(_flatten(value) for value in row) + "\n" for row in rows)


def tsv(records: Records, header: bool) -> str:
    rows = [list(records.fields)] if header else []
    rows += [[cell(record[field]) for field in records.fields] for record in records.rows]
    return _tsv_lines(rows)


def tsv_cells(rows: Sequence[Sequence[str]], options: Options) -> str:
    """Events as the cells the index keeps of them (query.cell_batches), under options.fields: no event is decoded."""
    return _tsv_lines([options.fields or (), *rows] if options.header else rows)


def csv_text(records: Records) -> str:
    import csv  # only for -f csv: TSV, the usual pipe, is written without it

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(records.fields)
    for record in records.rows:
        values = (cell(record[field]) for field in records.fields)
        writer.writerow(["'" + value if value.startswith(_FORMULA_STARTS) else value for value in values])
    return buffer.getvalue()


def _events(events: Sequence[Event], options: Options) -> Records:
    return event_records(events, options.fields or DELIMITED_EVENT_FIELDS)


def tsv_events(events: Sequence[Event], options: Options) -> str:
    return tsv(_events(events, options), options.header)


def csv_events(events: Sequence[Event], options: Options) -> str:
    return csv_text(_events(events, options))


def tsv_person(profile: Profile, options: Options) -> str:
    return tsv_events(profile.events, options)


def csv_person(profile: Profile, options: Options) -> str:
    return csv_events(profile.events, options)


def tsv_offices(chart: OfficeTerms, options: Options) -> str:
    return tsv(term_records(chart, options.store), options.header)


def csv_offices(chart: OfficeTerms, options: Options) -> str:
    return csv_text(term_records(chart, options.store))


def tsv_on(report: PowerReport, options: Options) -> str:
    """One row per fact, its kind first: office, change, presidium or event (documented in the README)."""
    return _tsv_lines([[kind, *(cell(row[field]) for field in POWER_TSV_FIELDS[kind])]
                       for kind, row in power_rows(report, options.store)])


def tsv_records(records: Records, options: Options) -> str:
    return tsv(records, options.header)


def csv_records(records: Records, options: Options) -> str:
    return csv_text(records)
