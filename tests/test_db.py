"""apg db: the store as a standalone SQLite database, opened with sqlite3 as docs/db.md shows.

APG_UPDATE_GOLDEN=1 rewrites the outputs shown in docs/db.md from the packaged store.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from anti_party.codec import decoder
from anti_party.index import IndexedStore
from anti_party.model import Citation, Event, Office, Period, Person, PresidiumSeat, Source, Term
from anti_party.store import load_store
from conftest import FIXTURE, Invoke

DOCS = Path(__file__).parent.parent / "docs" / "db.md"
EXAMPLE = re.compile(r"```sql\n(?P<sql>.*?)```\n\n```text\n(?P<output>.*?)```", re.DOTALL)


@pytest.fixture(scope="module")
def packaged_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from anti_party.cli import main

    path = tmp_path_factory.mktemp("db") / "apg.db"
    result = CliRunner().invoke(main, ["db", str(path)], env={"APG_STORE": "", "APG_NO_CACHE": "1"})
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"Wrote {path}\n")
    return path


def sqlite3_cli(database: Path, sql: str) -> str:
    program = shutil.which("sqlite3")
    assert program, "the sqlite3 command is needed (Debian: apt-get install sqlite3)"
    result = subprocess.run([program, "-header", "-column", str(database)], input=sql, capture_output=True,
                            text=True, check=False)
    assert (result.returncode, result.stderr) == (0, ""), sql
    return result.stdout


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip("\n").split("\n")]


def test_the_documented_queries_give_the_documented_output(packaged_db: Path) -> None:
    text = DOCS.read_text(encoding="utf-8")
    examples = list(EXAMPLE.finditer(text))
    assert len(examples) >= 6
    outputs = [sqlite3_cli(packaged_db, example["sql"]) for example in examples]
    if os.environ.get("APG_UPDATE_GOLDEN"):
        for example, output in reversed(list(zip(examples, outputs, strict=True))):
            shown = "\n".join(_lines(output)) + "\n"
            text = text[: example.start("output")] + shown + text[example.end("output"):]
        DOCS.write_text(text, encoding="utf-8")
        examples = list(EXAMPLE.finditer(text))
    for example, output in zip(examples, outputs, strict=True):
        assert _lines(output) == _lines(example["output"]), (
            f"docs/db.md is stale for:\n{example['sql']}\n(APG_UPDATE_GOLDEN=1 pytest tests/test_db.py rewrites it)"
        )


def test_every_record_reads_back_as_the_store_has_it(tmp_path: Path) -> None:
    for store_paths in ([FIXTURE], None):
        store = load_store(store_paths) if store_paths else load_store([_packaged()])
        path = tmp_path / "store.db"
        from anti_party.index import write_standalone

        write_standalone(store, path)
        connection = sqlite3.connect(path)
        tables: list[tuple[str, type[object], object]] = [
            ("sources", Source, list(store.sources.values())), ("people", Person, list(store.people.values())),
            ("offices", Office, list(store.offices.values())), ("terms", Term, list(store.terms)),
            ("presidium", PresidiumSeat, list(store.presidium)), ("periods", Period, list(store.periods)),
        ]
        for table, cls, records in tables:
            decode = decoder(cls)
            read = [decode(json.loads(record)) for (record,) in connection.execute(f"SELECT record FROM {table} ORDER BY rowid")]
            assert read == records, table
        decode_event = decoder(Event)
        events = [decode_event(json.loads(record)) for (record,) in connection.execute("SELECT record FROM events")]
        assert sorted(events, key=lambda event: event.id) == sorted(store.events, key=lambda event: event.id)
        indexed = IndexedStore(connection, lambda loaded=store: loaded)  # type: ignore[misc]
        assert (indexed.sources, indexed.people, indexed.terms, indexed.periods) == (
            store.sources, store.people, store.terms, store.periods)
        connection.close()


def _packaged() -> Path:
    from anti_party.store import default_store_path

    return default_store_path()


def test_links_and_citations_match_the_records(packaged_db: Path) -> None:
    store = load_store([_packaged()])
    connection = sqlite3.connect(packaged_db)
    people = sorted(connection.execute(
        "SELECT events.id, person FROM event_people JOIN events ON events.rowid = event_people.event"))
    assert people == sorted((event.id, person) for event in store.events for person in set(event.people))
    cited = connection.execute("SELECT count(*) FROM citations WHERE cited_in = 'events'").fetchone()[0]
    assert cited == sum(len(event.sources) + sum(len(note.sources) for note in event.notes) for event in store.events)


def test_each_citation_is_kept_as_a_json_object_of_its_fields(packaged_db: Path) -> None:
    store = load_store([_packaged()])
    rows = sqlite3.connect(packaged_db).execute("SELECT source, citation FROM citations WHERE cited_in = 'events'")
    kept = [(source, json.loads(citation)) for source, citation in rows]
    assert [source for source, citation in kept if not isinstance(citation, dict) or citation["id"] != source] == []
    decode = decoder(Citation)
    made = [c for event in store.events for c in (*event.sources, *(c for note in event.notes for c in note.sources))]
    assert Counter(decode(citation) for _, citation in kept) == Counter(made)
    assert any(citation.locator for citation in made)


def test_an_existing_file_is_replaced_and_a_missing_directory_is_one_line(apg: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "out.db"
    target.write_text("old", encoding="utf-8")
    result = apg("db", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"Wrote {target}\n")
    assert target.read_bytes()[:15] == b"SQLite format 3"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.db"]
    missing = tmp_path / "no" / "such" / "dir.db"
    result = apg("db", str(missing))
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"Error: cannot write {missing}: No such file or directory\n")
