"""JSON (one document) and JSON Lines (one object per line), in the shapes of render.records."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from anti_party.model import Event, Profile
from anti_party.query import OfficeTerms, PowerReport
from anti_party.render import Options
from anti_party.render.records import Records, event_records, person_record, power_record, term_records


def _document(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _lines(records: Records) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in records.rows)


def json_events(events: Sequence[Event], options: Options) -> str:
    return _document(list(event_records(events, options.fields).rows))


def jsonl_events(events: Sequence[Event], options: Options) -> str:
    return _lines(event_records(events, options.fields))


def json_person(profile: Profile, options: Options) -> str:
    return _document(person_record(profile, options.store, options.fields))


def jsonl_person(profile: Profile, options: Options) -> str:
    return jsonl_events(profile.events, options)


def json_on(report: PowerReport, options: Options) -> str:
    return _document(power_record(report, options.store))


def json_offices(chart: OfficeTerms, options: Options) -> str:
    return _document(list(term_records(chart, options.store).rows))


def jsonl_offices(chart: OfficeTerms, options: Options) -> str:
    return _lines(term_records(chart, options.store))


def json_records(records: Records, options: Options) -> str:
    return _document(list(records.rows))


def jsonl_records(records: Records, options: Options) -> str:
    return _lines(records)
