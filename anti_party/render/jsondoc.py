"""JSON (one document) and JSON Lines (one object per line)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from anti_party.model import Event, Profile
from anti_party.query import OfficeSpan, PowerReport
from anti_party.render import Options
from anti_party.render.records import Records, event_record, power_record, profile_record, term_rows


def _select(record: dict[str, Any], options: Options) -> dict[str, Any]:
    return record if options.fields is None else {field: record[field] for field in options.fields}


def json_events(events: Sequence[Event], options: Options) -> str:
    records = [_select(event_record(event), options) for event in events]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def jsonl_events(events: Sequence[Event], options: Options) -> str:
    return "".join(json.dumps(_select(event_record(e), options), ensure_ascii=False) + "\n" for e in events)


def json_person(profile: Profile, options: Options) -> str:
    record = profile_record(profile, options.store)
    record["events"] = [_select(event, options) for event in record["events"]]
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def jsonl_person(profile: Profile, options: Options) -> str:
    return jsonl_events(profile.events, options)


def json_on(report: PowerReport, options: Options) -> str:
    return json.dumps(power_record(report, options.store), ensure_ascii=False, indent=2) + "\n"


def json_offices(span: OfficeSpan, options: Options) -> str:
    return json.dumps(term_rows(options.store, span), ensure_ascii=False, indent=2) + "\n"


def json_records(records: Records, options: Options) -> str:
    return json.dumps(list(records.rows), ensure_ascii=False, indent=2) + "\n"


def jsonl_records(records: Records, options: Options) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in records.rows)
