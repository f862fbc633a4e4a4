"""Queries through the index give exactly what the same queries over the whole store give."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from anti_party import query
from anti_party.choices import SORT_KEYS
from anti_party.index import IndexedStore, attach_words, event_sql, write_database, write_words
from anti_party.model import Event, Store
from anti_party.query import DateRange, EventQuery
from anti_party.store import default_store_path, load_store

EXTRA = '''
[sources.extra]
kind = "book"
type = "scholarly"
title = "Extra"

[people.gomulka]
name = "Władysław Gomułka"

[[events]]
id = "gomulka-returns"
date = "1956-10-19/1956-10-21"
title = "Gomułka returns to power"
summary = "WŁADYSŁAW GOMUŁKA, back from prison, faces Хрущёв in Warsaw; «ultimatum» (so-called)."
people = ["gomulka", "khrushchev"]
tags = ["foreign"]
sources = ["extra"]

[[events]]
id = "long-span"
date = "1950/1970"
title = "A span of twenty years"
summary = "Straße, Œuvre and façade: ligatures and marks."
sources = ["extra"]

[[events]]
id = "uncertain-day"
date = "1957-06-22?"
title = "Ends of words: Gomul-ka, ka ret"
sources = ["extra"]

[[events]]
id = "a-tag-with-a-comma"
date = "1957-06-22"
title = "A list whose TSV cell does not give it back"
people = ["gomulka", "gomulka"]
tags = ["plenum", "a tag, with a comma"]
sources = ["extra"]

[[events]]
id = "an-empty-tag"
date = "1957-06-22"
title = "An empty tag"
tags = [""]
sources = ["extra"]

[[events]]
id = "a-locator"
date = "1957-06-22"
title = "A locator"
sources = ["extra", { id = "extra", pages = "1, 3" }]

[[events]]
id = "twice"
date = "1957-06-22"
title = "Someone twice"
people = ["gomulka", "gomulka"]
sources = ["extra"]

[[events]]
id = "a-note"
date = "1957-06-22"
title = "A note and nothing else odd"
people = ["gomulka"]
sources = ["extra"]
notes = [{ text = "Another reading", sources = [{ id = "extra", section = "II" }] }]
'''


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, IndexedStore]:
    directory = tmp_path_factory.mktemp("queries")
    extra = directory / "extra.toml"
    extra.write_text(EXTRA, encoding="utf-8")
    store = load_store([default_store_path(), extra])
    path = directory / "index.sqlite3"
    write_database(store, path, {}, for_cache=True)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    write_words(directory / "words.sqlite3", connection)  # as the cache does on the first --grep
    attach_words(connection, directory / "words.sqlite3")
    return store, IndexedStore(connection, lambda: pytest.fail("the index failed"))  # type: ignore[return-value]


def test_every_event_reads_back_from_the_index_as_it_is_in_the_store(stores: tuple[Store, IndexedStore]) -> None:
    store, indexed = stores
    connection: sqlite3.Connection = indexed.__dict__["_connection"]
    read = IndexedStore(connection, lambda: pytest.fail("the index failed"))  # type: ignore[arg-type, return-value]
    assert list(read.events) == query.select_events(store.events, EventQuery())
    odd = ("a-tag-with-a-comma", "an-empty-tag", "a-locator", "a-note")
    for ident in (*odd, "twice", "gomulka-returns"):
        assert read.event_by_id(ident) == next(event for event in store.events if event.id == ident)
    records = dict(connection.execute("SELECT id, record FROM events"))
    # Only what the columns cannot give back is written as JSON
    assert records["gomulka-returns"] == records["long-span"] == records["twice"] == "{}"
    assert all(records[ident] != "{}" for ident in odd)


NEEDLES = ["Gomulka", "GOMUŁKA", "gomuł", "mułka ret", "ka ret", "khrushch", "ХРУЩЁВ", "хрущев", "strasse", "oeuvre",
           "facade", "«ultimatum»", "so-called", "ev", "a", " ", "", "zzzz", "plenum", "june plenum", "'", '"', "*",
           "(", "Malenkov resigns", "OR", "AND", "NEAR"]
days = st.dates(min_value=date(1945, 1, 1), max_value=date(1995, 12, 31))


@st.composite
def event_queries(draw: st.DrawFn) -> EventQuery:
    start, end = draw(st.one_of(st.none(), days)), draw(st.one_of(st.none(), days))
    if start and end and start > end:
        start, end = end, start
    people = draw(st.lists(st.sampled_from(["molotov", "khrushchev", "gomulka", "zhukov", "nobody"]), max_size=2))
    tags = draw(st.lists(st.sampled_from(["plenum", "foreign", "crisis", "succession", "none"]), max_size=2))
    grep = draw(st.one_of(st.none(), st.sampled_from(NEEDLES), st.text(max_size=6)))
    return EventQuery(DateRange(start, end), tuple(people), tuple(tags), grep, draw(st.sampled_from(SORT_KEYS)),
                      draw(st.booleans()), draw(st.one_of(st.none(), st.integers(0, 30))))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(event_queries())
@example(EventQuery(grep="Gomulka"))
@example(EventQuery(grep="ka ret"))
@example(EventQuery(grep="so-called"))
@example(EventQuery(span=DateRange(date(1957, 6, 1), date(1957, 6, 30))))
@example(EventQuery(span=DateRange(date(1960, 1, 1), date(1960, 1, 1))))  # only the twenty-year span covers it
@example(EventQuery(span=DateRange(None, date(1953, 3, 5)), reverse=True, limit=2))
def test_the_index_answers_as_the_whole_store_does(stores: tuple[Store, IndexedStore], wanted: EventQuery) -> None:
    store, indexed = stores
    assert indexed.select_events(wanted) == query.select_events(store.events, wanted)


@pytest.mark.parametrize("needle", NEEDLES)
def test_every_needle_finds_the_same_events(stores: tuple[Store, IndexedStore], needle: str) -> None:
    store, indexed = stores
    wanted = EventQuery(grep=needle)
    assert [e.id for e in indexed.select_events(wanted)] == [e.id for e in query.select_events(store.events, wanted)]


def test_gomulka_is_found_by_its_name_without_the_accent(stores: tuple[Store, IndexedStore]) -> None:
    _, indexed = stores
    found = [event.id for event in indexed.select_events(EventQuery(grep="Gomulka"))]
    assert "gomulka-returns" in found


@pytest.mark.parametrize(
    "wanted",
    [
        EventQuery(span=DateRange(date(1957, 6, 1), date(1957, 6, 30))),
        EventQuery(people=("molotov",)),
        EventQuery(tags=("plenum",)),
        EventQuery(grep="gomulka"),
    ],
)
def test_a_range_a_person_a_tag_or_a_text_reads_through_an_index(stores: tuple[Store, IndexedStore],
                                                                   wanted: EventQuery) -> None:
    _, indexed = stores
    connection: sqlite3.Connection = indexed.__dict__["_connection"]
    sql, parameters = event_sql(connection, wanted)
    plan = [row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}", parameters)]
    assert not any(step.split()[:2] == ["SCAN", "events"] for step in plan), plan
    assert any("USING" in step or "VIRTUAL TABLE" in step for step in plan), plan


def test_a_month_reads_only_its_rows(stores: tuple[Store, IndexedStore], tmp_path: Path) -> None:
    store, indexed = stores
    connection: sqlite3.Connection = indexed.__dict__["_connection"]
    wanted = EventQuery(span=DateRange(date(1957, 6, 1), date(1957, 6, 30)))
    sql, parameters = event_sql(connection, wanted)
    read = len(connection.execute(sql, parameters).fetchall())
    expected = len(query.select_events(store.events, wanted))
    assert read == expected < len(store.events) / 5


@pytest.mark.parametrize("limit", [0, 1, 2, 7])
@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("needle", ["gomulka", "a", "zzzz"])
def test_a_search_with_a_limit_is_read_in_batches_until_its_limit(stores: tuple[Store, IndexedStore], needle: str,
                                                                  reverse: bool, limit: int,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store, indexed = stores
    sizes: list[int] = []
    read_batches = IndexedStore.event_batches

    def spied(self: IndexedStore, wanted: EventQuery, size: int) -> Iterator[list[Event]]:
        sizes.append(size)
        yield from read_batches(self, wanted, size)

    monkeypatch.setattr(IndexedStore, "event_batches", spied)
    wanted = EventQuery(grep=needle, reverse=reverse, limit=limit)
    batches = list(query.event_batches(indexed, wanted, size=3))
    assert [event for batch in batches for event in batch] == query.select_events(store.events, wanted)
    assert sizes == [3] and len(batches) >= 1  # in batches of 3 rows, not all the rows found at once
    if needle == "a" and limit:
        assert len(batches) < len(store.events) // 3  # it stopped reading long before the end
