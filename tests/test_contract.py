"""The output contract: every command's JSON against its schema in docs/schema/, every format against every view
it claims, one name per field, one null policy, the same columns in TSV and CSV, and renderers that do not query."""

from __future__ import annotations

import ast
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from anti_party.render import FORMATS
from conftest import Invoke

ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "docs" / "schema"
BASE = "https://apg.invalid/schema/"


def registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"] == BASE + path.name
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


REGISTRY = registry()


def validator(shape: str) -> Draft202012Validator:
    schema = REGISTRY.contents(BASE + f"{shape}.schema.json")
    return Draft202012Validator(schema, registry=REGISTRY)


def test_the_schemas_are_valid_json_schemas() -> None:
    names = sorted(path.name for path in SCHEMAS.glob("*.schema.json"))
    assert names == ["common.schema.json", "event.schema.json", "person-row.schema.json", "person.schema.json",
                     "power.schema.json", "source.schema.json", "tag.schema.json", "term.schema.json"]
    for name in names:
        Draft202012Validator.check_schema(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


# Each command with JSON output: its arguments, the shape of one record, and whether the document is a list.
JSON_COMMANDS = [
    (("timeline",), "event", True),
    (("timeline", "--from", "1957-06", "--to", "1957-07"), "event", True),
    (("show", "secret-speech", "june-1957-plenum"), "event", True),
    (("person", "molotov"), "person", False),
    (("person", "zhukov"), "person", False),
    (("person", "stalin"), "person", False),
    (("on", "1957-06-20"), "power", False),
    (("on", "1958"), "power", False),
    (("on", "1965"), "power", False),
    (("offices",), "term", True),
    (("people",), "person-row", True),
    (("tags",), "tag", True),
    (("sources",), "source", True),
]


@pytest.mark.parametrize(("args", "shape", "listing"), JSON_COMMANDS, ids=lambda value: str(value))
def test_every_commands_json_follows_its_schema(apg: Invoke, args: tuple[str, ...], shape: str, listing: bool) -> None:
    result = apg(*args, "-f", "json", store=None)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    records = document if listing else [document]
    assert records, "nothing to validate"
    check = validator(shape)
    for record in records:
        errors = [f"{list(error.absolute_path)}: {error.message}" for error in check.iter_errors(record)]
        assert not errors, errors[:5]
    if listing and "jsonl" in FORMATS and args[0] != "show":
        lines = apg(*args, "-f", "jsonl", store=None).stdout.splitlines()
        assert [json.loads(line) for line in lines] == records


def test_the_schemas_reject_what_the_contract_forbids() -> None:
    event = {"id": "x", "date": "1957", "start": "1957-01-01", "end": "1957-12-31", "precision": "year",
             "approximate": False, "uncertain": False, "title": "T", "summary": None, "people": [], "tags": [],
             "sources": [{"id": "s", "pages": None, "section": None, "document": None}], "notes": []}
    check = validator("event")
    assert check.is_valid(event)
    assert not check.is_valid({**event, "extra": 1})  # no field outside the contract
    assert not check.is_valid({key: value for key, value in event.items() if key != "notes"})  # none missing
    assert not check.is_valid({**event, "sources": ["s"]})  # citations are objects
    assert not check.is_valid({**event, "date": "June 1957"})


# ---------------------------------------------------------------- every format, every view

VIEW_COMMANDS: dict[str, list[tuple[str, ...]]] = {
    "events": [("timeline", "--from", "1957-06", "--to", "1957-06")],
    "person": [("person", "molotov")],
    "on": [("on", "1957-06-20")],
    "offices": [("offices",)],
    "records": [("people",), ("tags",), ("sources",)],
    "citations": [("cite", "secret-speech")],
}
PAIRS = [(name, view) for name, spec in FORMATS.items() for view in spec.views]


@pytest.mark.parametrize(("format_name", "view"), PAIRS, ids=[f"{f}-{v}" for f, v in PAIRS])
def test_every_format_renders_every_view_it_claims(apg: Invoke, format_name: str, view: str, tmp_path: Path) -> None:
    assert view in VIEW_COMMANDS, f"no command shows the view {view!r}: add one here"
    for args in VIEW_COMMANDS[view]:
        result = apg(*args, "-f", format_name, store=None, env={"SOURCE_DATE_EPOCH": "0"})
        assert result.exit_code == 0, (args, result.stderr)
        assert result.stderr == "" or view == "citations", (args, result.stderr)  # cite warns of incomplete sources
        assert result.stdout.strip(), args
        if format_name in ("json", "csl-json", "timelinejs"):
            json.loads(result.stdout)
        if format_name == "jsonl":
            for line in result.stdout.splitlines():
                json.loads(line)


def test_a_format_a_view_does_not_claim_is_a_usage_error(apg: Invoke) -> None:
    result = apg("on", "1957", "-f", "markdown", store=None)
    assert result.exit_code == 2


# ---------------------------------------------------------------- one name, one null, one column order


def _rows(apg: Invoke, *args: str) -> tuple[list[list[str]], list[list[str]]]:
    tsv = [line.split("\t") for line in apg(*args, "-f", "tsv", "--header", store=None).stdout.splitlines()]
    csv_rows = list(csv.reader(io.StringIO(apg(*args, "-f", "csv", store=None).stdout_bytes.decode(), newline="")))
    return tsv, csv_rows


@pytest.mark.parametrize("args", [("timeline",), ("person", "molotov"), ("offices",), ("people",), ("tags",),
                                  ("sources",), ("timeline", "--fields", "title,id,notes,summary")])
def test_tsv_and_csv_have_the_same_columns_and_json_nulls_are_empty_cells(apg: Invoke, args: tuple[str, ...]) -> None:
    tsv, csv_rows = _rows(apg, *args)
    assert tsv[0] == csv_rows[0]
    assert len(tsv) == len(csv_rows)
    fields = tsv[0]
    if args[0] == "person":
        return  # its JSON is the whole profile; its TSV and CSV are its events
    records = json.loads(apg(*args, "-f", "json", store=None).stdout)
    for record, row in zip(records, csv_rows[1:], strict=True):
        for field, cell in zip(fields, row, strict=True):
            if record[field] is None:
                assert cell == "", (field, record)
            else:
                assert cell != "" or record[field] in ("", []), (field, record)


def _keys(value: Any) -> set[str]:
    return set(value) if isinstance(value, dict) else set()


def test_one_name_per_field_across_commands(apg: Invoke) -> None:
    person = json.loads(apg("person", "molotov", "-f", "json", store=None).stdout)
    term = json.loads(apg("offices", "-f", "json", store=None).stdout)[0]
    row = json.loads(apg("people", "-f", "json", store=None).stdout)[0]
    power = json.loads(apg("on", "1957-06-20", "-f", "json", store=None).stdout)
    event = json.loads(apg("timeline", "-f", "json", store=None).stdout)[0]
    assert _keys(person["terms"][0]) == _keys(term)  # a term is a term, in apg person and apg offices
    assert _keys(row) - {"offices"} <= _keys(person)  # a person row is a part of the person
    assert _keys(power["offices"][0]) <= _keys(term)  # a holding is a part of a term
    assert _keys(power["presidium"][0]) - {"person", "name"} <= _keys(person) | {"sources", "notes"}
    assert _keys(power["events"][0]) - {"relation"} == _keys(event) == _keys(person["events"][0])
    office_titles = {entry["office"]: entry["office_title"] for entry in power["offices"]}
    assert all(office_titles.get(t["office"], t["office_title"]) == t["office_title"]
               for t in json.loads(apg("offices", "-f", "json", store=None).stdout))


def test_sources_carry_urls_and_count_citations_in_notes(apg: Invoke) -> None:
    from anti_party.store import default_store_path, load_store

    store = load_store([default_store_path()])
    rows = {row["id"]: row for row in json.loads(apg("sources", "-f", "json", store=None).stdout)}
    assert {ident for ident, source in store.sources.items() if source.url} == {i for i, r in rows.items() if r["url"]}
    only_in_notes = {c.id for event in store.events for note in event.notes for c in note.sources} - {
        c.id for event in store.events for c in event.sources}
    assert only_in_notes, "the store has sources cited only in event notes"
    assert all(rows[ident]["events"] > 0 for ident in only_in_notes)


# ---------------------------------------------------------------- renderers shape, they do not query


def test_renderers_import_only_result_types_from_query() -> None:
    """A renderer may name query's result classes; calling a query function (terms_between...) is the CLI's job."""
    import anti_party.query as query_module

    for path in sorted((ROOT / "anti_party" / "render").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "anti_party.query":
                for alias in node.names:
                    assert isinstance(getattr(query_module, alias.name), type), f"{path.name} imports {alias.name}"
            if isinstance(node, ast.Import | ast.ImportFrom):
                assert not (isinstance(node, ast.ImportFrom) and node.module == "anti_party"
                            and any(alias.name == "query" for alias in node.names)), path.name
