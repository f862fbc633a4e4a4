"""An event written the common way is checked in one go: exactly as its fields checked one by one would be."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from anti_party import store
from anti_party.store import default_store_path
from anti_party.storefile import read_store_file

KNOWN = {"sources": {"book", "paper"}, "people": {"molotov", "zhukov"}, "offices": set()}

texts = st.sampled_from(["", " ", "A title", "Gomułka", "a, b", "\n", "x" * 3])
ids = st.one_of(st.sampled_from(["e1", "an-event", "E1", "a--b", "", "-a"]), texts)
dates = st.sampled_from(["1957-06-22", "1957-06", "1957", "1957-06-22?", "~1957", "1957/1958", "1957-13", "",
                         "June 1957", "1957-02-30", "0000"])
anything = st.one_of(st.integers(-2, 2), st.booleans(), st.none(), st.just({"a": 1}), st.just([1]), st.floats(0, 1))
refs = st.sampled_from(["molotov", "zhukov", "nobody", "book", ""])
citations = st.one_of(st.sampled_from(["book", "paper", "missing", ""]),
                      st.fixed_dictionaries({"id": st.sampled_from(["book", "missing"])},
                                            optional={"pages": st.sampled_from(["12", "", 3]), "folio": st.just("1")}))
notes = st.lists(st.one_of(anything, st.fixed_dictionaries(
    {"text": st.one_of(texts, anything)},
    optional={"sources": st.one_of(st.lists(citations, max_size=2), anything), "by": st.just("x")})), max_size=2)


def lists_of(items: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.lists(st.one_of(items, anything), max_size=3), st.lists(items, max_size=3), anything, texts)


wild = st.fixed_dictionaries({}, optional={
    "id": st.one_of(ids, anything), "date": st.one_of(dates, anything), "title": st.one_of(texts, anything),
    "summary": st.one_of(texts, anything), "people": lists_of(refs), "tags": lists_of(texts),
    "sources": st.one_of(st.lists(citations, max_size=3), anything), "notes": st.one_of(notes, anything),
    "extra": texts,
})
# Events that are mostly sound, so that both ways are often taken, with a few keys made wild or dropped.
sound = st.fixed_dictionaries(
    {"id": st.sampled_from(["e1", "an-event"]), "date": st.sampled_from(["1957-06-22", "1957", "~1957-06", "1957/1958"]),
     "title": st.sampled_from(["A title", "Gomułka", "a, b"]),
     "sources": st.lists(st.sampled_from(["book", "paper", "book", "missing"]), min_size=1, max_size=3)},
    optional={"summary": texts, "people": st.lists(st.sampled_from(["molotov", "zhukov", "molotov", "nobody"]),
                                                   max_size=3),
              "tags": st.lists(texts, max_size=3),
              "notes": st.lists(st.fixed_dictionaries({"text": texts}, optional={
                  "sources": st.lists(st.sampled_from(["book", "paper"]), max_size=2)}), max_size=2)},
)


@st.composite
def _events(draw: st.DrawFn) -> dict[str, Any]:
    raw = draw(sound)
    for key in draw(st.sets(st.sampled_from(sorted(raw)), max_size=2)):
        del raw[key]
    raw.update(draw(wild.map(lambda d: dict(list(d.items())[:2]))))
    return raw


events = st.one_of(sound, _events(), wild)


def checked_by_field(raw: dict[str, Any], known: dict[str, set[str]] = KNOWN) -> tuple[dict[str, Any], list[str]]:
    """The values and problems of the event RAW, each field checked on its own (the general way)."""
    checker = store._Checker()
    entry = store._Entry("events", str(raw.get("id")), Path("store.toml"), store._Lines(b""), 0, raw)
    checker._check_fields(entry, known)
    return entry.values, [problem.message for problem in checker.problems]


@given(events)
@example({"id": "e1", "date": "1957-06", "title": "A title", "sources": ["book"]})
@example({"id": "e1", "date": "1957-06", "title": "A title", "sources": ["book"], "people": [], "tags": [],
          "notes": [{"text": "A note", "sources": [{"id": "book", "pages": "12"}]}]})
@example({"id": "e1", "date": "1957-06", "title": "A title", "sources": ["book"], "notes": []})
@example({"id": "e1", "date": "1957-06", "title": "A title", "sources": []})
@example({"id": "e1", "date": "1957-06", "title": " ", "sources": ["book"]})
@example({"id": "e1", "date": "1957-06", "title": "A title", "sources": ["book"], "people": [1]})
@example({"id": "e1", "date": "1957-06", "title": "A title", "sources": ["book"], "people": [["molotov"]]})
@example({"id": "e1", "date": "1957-06", "title": "A title", "sources": ["book"], "tags": ["", "a, b"]})
@example({"id": "e1", "date": "1957-13", "title": "A title", "sources": ["book"]})
@example({"id": "e1", "date": "1957-06", "title": "A title", "sources": ["book"], "people": ["nobody"]})
@example({"id": "e1", "date": "1957-06", "title": "A title", "sources": ["book", "missing"]})
@example({"id": "e1", "date": "1957-06", "title": "A title", "sources": ["book"],
          "notes": [{"text": "A note", "by": "x"}]})
def test_the_common_shape_is_checked_as_each_field_would_be(raw: dict[str, Any]) -> None:
    values, problems = checked_by_field(raw)
    plain = store._plain_event_values(raw, KNOWN)
    if plain is not None:
        assert problems == []
        assert plain == values
        assert list(plain) == list(values)  # in the same order


def test_the_packaged_events_take_the_quick_way_but_those_with_locators() -> None:
    checker = store._Checker()
    checker.read_file(read_store_file(default_store_path()))
    known: dict[str, set[str]] = {table: {e.ident for e in checker.entries if e.table == table} for table in KNOWN}
    events = [entry for entry in checker.entries if entry.table == "events"]
    quick = [entry.ident for entry in events if store._plain_event_values(entry.raw, known) is not None]
    with_locators = [entry.ident for entry in events
                     if any(isinstance(citation, dict) for citation in entry.raw["sources"])]
    assert sorted(quick + with_locators) == sorted(entry.ident for entry in events)
    for entry in events:
        plain = store._plain_event_values(entry.raw, known)
        values, problems = checked_by_field(entry.raw, known) if plain is not None else ({}, [])
        assert (plain or {}) == values and problems == []
