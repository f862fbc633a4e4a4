"""TSV, CSV, JSON and JSONL: exact output, awkward text, and a round trip."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest

from anti_party.dates import parse_edtf
from anti_party.model import Citation, Event, Note
from anti_party.store import load_store
from conftest import FIXTURE, Invoke


@pytest.mark.parametrize(("format_name", "golden_name"), [("csv", "timeline.csv"), ("json", "timeline.json"),
                                                          ("jsonl", "timeline.jsonl")])
def test_golden(apg: Invoke, golden: Callable[[str, str], None], format_name: str, golden_name: str) -> None:
    result = apg("timeline", "-f", format_name)
    assert (result.exit_code, result.stderr) == (0, "")
    golden(golden_name, result.stdout_bytes.decode("utf-8"))


def test_tsv_flattens_tabs_and_newlines_and_keeps_the_rest(apg: Invoke) -> None:
    result = apg("timeline", "-f", "tsv", "--fields", "id,summary,title", "--from", "1955", "--to", "1957")
    assert result.stdout == (
        'malenkov-falls\tHe goes; "quoted", with commas, a tab and a newline.\tMalenkov resigns as premier\n'
        "presidium-session\t=SUM(A1) \x1b[31mred\x1b[0m and Cyrillic: Антипартийная группа.\t[bold]Presidium[/bold] session\n"
    )


def test_csv_is_rfc_4180_and_neutralises_formulas(apg: Invoke) -> None:
    result = apg("timeline", "-f", "csv", "--fields", "id,summary", "--from", "1955", "--to", "1957")
    raw = result.stdout_bytes.decode("utf-8")
    assert raw == (
        "id,summary\r\n"
        'malenkov-falls,"He goes; ""quoted"", with commas, a\ttab and a\nnewline."\r\n'
        "presidium-session,'=SUM(A1) \x1b[31mred\x1b[0m and Cyrillic: Антипартийная группа.\r\n"
    )
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[1][1] == 'He goes; "quoted", with commas, a\ttab and a\nnewline.'


def test_json_is_one_document_and_jsonl_one_object_a_line(apg: Invoke) -> None:
    document = json.loads(apg("timeline", "-f", "json").stdout)
    lines = [json.loads(line) for line in apg("timeline", "-f", "jsonl").stdout.splitlines()]
    assert document == lines
    assert [record["id"] for record in lines] == ["stalin-death", "malenkov-falls", "presidium-session", "expulsions"]
    assert lines[2]["title"] == "[bold]Presidium[/bold] session"
    assert lines[2]["summary"].startswith("=SUM(A1) \x1b[31mred")


def citations(records: list[dict[str, str | None]]) -> tuple[Citation, ...]:
    return tuple(Citation(**record) for record in records)  # type: ignore[arg-type]


def test_json_round_trip_equals_the_store(apg: Invoke) -> None:
    records = json.loads(apg("timeline", "-f", "json").stdout)
    read_back = [
        Event(
            id=record["id"], date=parse_edtf(record["date"]), title=record["title"], summary=record["summary"],
            people=tuple(record["people"]), tags=tuple(record["tags"]), sources=citations(record["sources"]),
            notes=tuple(Note(note["text"], citations(note["sources"])) for note in record["notes"]),
        )
        for record in records
    ]
    assert read_back == list(load_store([FIXTURE]).events)
    for record, event in zip(records, read_back, strict=True):
        assert (record["start"], record["end"]) == (event.date.earliest.isoformat(), event.date.latest.isoformat())
        assert (record["precision"], record["approximate"], record["uncertain"]) == (
            event.date.precision, event.date.approximate, event.date.uncertain,
        )


def test_fields_select_and_order(apg: Invoke) -> None:
    result = apg("timeline", "-f", "jsonl", "--fields", "title,id", "--limit", "1")
    assert result.stdout == '{"title": "Stalin dies", "id": "stalin-death"}\n'


def test_person_json_is_one_object(apg: Invoke) -> None:
    record = json.loads(apg("person", "molotov", "-f", "json").stdout)
    assert (record["id"], record["native"], [t["office"] for t in record["terms"]]) == (
        "molotov", "Вячеслав Михайлович Молотов", ["foreign-minister"],
    )
    assert [event["id"] for event in record["events"]] == ["presidium-session", "expulsions"]
