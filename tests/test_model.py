"""The model's records are NamedTuples that keep what frozen dataclasses gave; the codec and the index's key read their fields."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import NamedTuple

import pytest

from anti_party import cache, model
from anti_party.codec import CodecError, decoder, encoder, is_record
from anti_party.dates import EdtfDate, parse_edtf
from anti_party.index import IndexedStore
from anti_party.model import Citation, Event, Note, Office, Period, Person, PresidiumSeat, Profile, Source, Store, Term
from anti_party.store import default_store_path, load_store

RECORDS = (Citation, Note, Source, Person, Office, Term, Event, PresidiumSeat, Period, Profile)
STORE = load_store([default_store_path()])


def samples() -> list[tuple[str, object]]:
    """A record of each class from the packaged store, each with a note or a locator where the store has one."""
    event = next(event for event in STORE.events if event.notes and any(c.locator for c in event.sources))
    person = next(person for person in STORE.people.values() if person.notes)
    profile = Profile(person, tuple(t for t in STORE.terms if t.person == person.id), (event,), STORE.presidium[0])
    records = [next(c for c in event.sources if c.locator), event.notes[0], next(iter(STORE.sources.values())),
               person, next(iter(STORE.offices.values())), STORE.terms[0], event, STORE.presidium[0],
               STORE.periods[0], profile]
    assert [type(record) for record in records] == list(RECORDS)
    return [(type(record).__name__, record) for record in records]


@pytest.mark.parametrize(("name", "record"), samples())
def test_a_record_is_immutable_equal_by_its_fields_and_hashable(name: str, record: tuple[object, ...]) -> None:
    first = type(record)._fields[0]  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        setattr(record, first, "changed")
    with pytest.raises(AttributeError):
        delattr(record, first)
    copy = type(record)(**record._asdict())  # type: ignore[attr-defined]
    assert copy == record and copy is not record and hash(copy) == hash(record)
    assert record._replace(**{first: "changed"}) != record  # type: ignore[attr-defined]
    assert repr(record).startswith(f"{name}({first}=")
    assert is_record(record) and not is_record(tuple(record))


def test_a_record_keeps_its_defaults_methods_and_docstring() -> None:
    assert Citation("taubman-2003") == Citation("taubman-2003", None, None, None)
    assert str(Citation("taubman-2003", pages="312")) == "taubman-2003 p. 312"
    assert Citation("x", pages="27-28", document="5").locator == "pp. 27-28, doc. 5"
    assert Event("e", parse_edtf("1957"), "T").sources == () and Event.__doc__ and Event.__doc__.startswith("Something")
    assert Term("p", "o", parse_edtf("1957"), None, ()).notes == ()
    assert [cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "(") for cls in RECORDS] == [True] * len(RECORDS)


def test_the_store_is_immutable_unhashable_and_equal_by_its_fields() -> None:
    empty = Store()
    assert (empty.sources, empty.people, empty.offices, empty.terms, empty.events) == ({}, {}, {}, (), ())
    assert empty.sources is not Store().sources  # each store its own tables
    with pytest.raises(AttributeError):
        STORE.events = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del STORE.events
    with pytest.raises(TypeError):
        hash(STORE)
    again = load_store([default_store_path()])
    assert again == STORE and again is not STORE and Store(events=STORE.events[:1]) != Store()
    assert repr(Store()) == "Store(sources={}, people={}, offices={}, terms=(), events=(), presidium=(), periods=())"
    assert Store(*(getattr(STORE, name) for name in Store.FIELDS)) == STORE


def test_an_indexed_store_keeps_its_connection_and_reads_its_tables_lazily() -> None:
    indexed = IndexedStore(sqlite3.connect(":memory:"), fallback=lambda: STORE)
    assert indexed.events == STORE.events  # the database has no tables: the fallback answers
    assert "events" in vars(indexed) and "_loaded" in vars(indexed)
    with pytest.raises(AttributeError):
        indexed.people = {}


def test_the_codec_reads_each_record_back_as_it_was_written() -> None:
    for cls, records in ((Event, STORE.events), (Person, STORE.people.values()), (Source, STORE.sources.values()),
                         (Term, STORE.terms), (PresidiumSeat, STORE.presidium), (Period, STORE.periods),
                         (Office, STORE.offices.values())):
        encode, decode = encoder(cls), decoder(cls)
        assert [decode(encode(record)) for record in records] == list(records)
    assert encoder(Citation)(Citation("x", section="2")) == {"id": "x", "section": "2"}  # an object, not an array


def test_a_record_missing_a_field_or_with_one_too_many_is_a_type_error() -> None:
    build = decoder(Period)
    assert build({"id": "p", "title": "T", "date": "1957"}) == Period("p", "T", parse_edtf("1957"))
    with pytest.raises(TypeError):
        build({"id": "p", "title": "T"})
    with pytest.raises(TypeError):
        build({"id": "p", "title": "T", "date": "1957", "extra": 1})
    with pytest.raises(TypeError):
        decoder(Period)(["p", "T", "1957"])  # type: ignore[arg-type]


class _Unstorable(NamedTuple):
    """A record with a field the index has no way to write."""

    id: str
    weights: dict[str, float]


class _SharedDefault(NamedTuple):
    """A record whose default every decoded record would share."""

    id: str
    tags: list[str] = []  # noqa: RUF012


def test_a_field_the_codec_cannot_store_is_a_codec_error() -> None:
    with pytest.raises(CodecError, match="cannot store a field of type"):
        encoder(_Unstorable)
    with pytest.raises(CodecError, match="mutable default"):
        decoder(_SharedDefault)
    with pytest.raises(CodecError, match="not a record class"):
        encoder(Store)
    with pytest.raises(CodecError, match="not a record class"):
        decoder(Store)


_CITATION = [("id", "str"), ("pages", "str | None"), ("section", "str | None"), ("document", "str | None")]
_CHANGED_CITATIONS = {
    "added": [*_CITATION, ("note", "str | None")],
    "renamed": [_CITATION[0], ("page", "str | None"), *_CITATION[2:]],
    "retyped": [_CITATION[0], ("pages", "int | None"), *_CITATION[2:]],
    "reordered": [_CITATION[0], _CITATION[2], _CITATION[1], _CITATION[3]],
}


def _fingerprint_with_citation(fields: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> str:
    """The model's fingerprint with a Citation of FIELDS (name, type as written) in place of the model's."""
    citation = NamedTuple("Citation", fields)  # type: ignore[misc]
    citation.__module__ = model.__name__
    with monkeypatch.context() as patch:
        patch.setattr(model, "Citation", citation)
        return cache.model_fingerprint()


def test_the_model_fingerprint_names_every_record_and_changes_with_a_field(monkeypatch: pytest.MonkeyPatch) -> None:
    fingerprint = cache.model_fingerprint()
    assert [f"('{cls.__name__}', [('{cls._fields[0]}', " in fingerprint for cls in RECORDS] == [True] * len(RECORDS)
    assert _fingerprint_with_citation(_CITATION, monkeypatch) == fingerprint  # the same fields: the same index
    changed = {name: _fingerprint_with_citation(fields, monkeypatch) for name, fields in _CHANGED_CITATIONS.items()}
    assert len({fingerprint, *changed.values()}) == 1 + len(changed), changed
    assert cache.model_fingerprint() == fingerprint


def test_dates_and_days_are_kept_as_their_types() -> None:
    source = next(source for source in STORE.sources.values() if source.accessed)
    encoded = encoder(Source)(source)
    assert isinstance(source.accessed, dt.date) and encoded["accessed"] == source.accessed.isoformat()
    assert isinstance(decoder(Source)(encoded).accessed, dt.date)
    assert all(isinstance(event.date, EdtfDate) for event in STORE.events)
