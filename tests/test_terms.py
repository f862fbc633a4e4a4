"""Checks on the shipped store's offices, terms, people and June 1957 Presidium.

These run against the packaged events.toml (load_store([default_store_path()])),
so they test the data as shipped, not a fixture.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from anti_party.model import Store, Term
from anti_party.store import default_store_path, load_store

PERIOD_START = date(1953, 3, 5)  # Stalin's death
PERIOD_END = date(1961, 12, 31)
OFFICES = (
    "first-secretary",
    "premier",
    "head-of-state",
    "foreign-minister",
    "defence-minister",
    "interior-minister",
    "kgb-chairman",
)
# Days on which the sources name no holder; the store records the gap rather than invent one.
KNOWN_VACANCIES = {
    "kgb-chairman": (date(1958, 12, 9), date(1958, 12, 24)),  # Serov released 8 Dec, Shelepin appointed 25 Dec
}
JUNE_1957_FULL = {
    "khrushchev", "bulganin", "voroshilov", "kaganovich", "kirichenko", "malenkov",
    "mikoyan", "molotov", "pervukhin", "saburov", "suslov",
}
JUNE_1957_CANDIDATES = {"brezhnev", "zhukov", "mukhitdinov", "shvernik", "furtseva", "kozlov", "shepilov"}


@pytest.fixture(scope="module")
def store() -> Store:
    return load_store([default_store_path()])


def _terms_of(store: Store, office: str) -> list[Term]:
    return sorted((t for t in store.terms if t.office == office), key=lambda t: t.start.earliest)


def _span(store: Store, office: str) -> tuple[date, date]:
    """The days from PERIOD_START to PERIOD_END on which the office existed."""
    existed = store.offices[office].existed
    start, end = PERIOD_START, PERIOD_END
    if existed is not None:
        start, end = max(start, existed.earliest), min(end, existed.latest)
    return start, end


def _holder(store: Store, office: str, day: date) -> list[str]:
    return [
        t.person for t in store.terms
        if t.office == office and t.start.earliest <= day and (t.end is None or day <= t.end.latest)
    ]


def test_the_seven_offices_are_defined(store: Store) -> None:
    assert set(OFFICES) <= set(store.offices)
    for office in OFFICES:
        assert store.offices[office].title
        assert store.offices[office].short


def test_offices_that_began_or_ended_in_the_period_say_so(store: Store) -> None:
    offices = store.offices
    assert offices["first-secretary"].existed is not None
    assert offices["first-secretary"].existed.earliest == date(1953, 9, 7)
    assert offices["kgb-chairman"].existed is not None
    assert offices["kgb-chairman"].existed.earliest == date(1954, 3, 13)
    assert offices["defence-minister"].existed is not None
    assert offices["defence-minister"].existed.earliest == date(1953, 3, 15)
    assert offices["interior-minister"].existed is not None
    assert offices["interior-minister"].existed.latest == date(1960, 1, 13)


@pytest.mark.parametrize("office", OFFICES)
def test_terms_of_one_office_never_overlap(store: Store, office: str) -> None:
    terms = _terms_of(store, office)
    for before, after in pairwise(terms):
        assert before.end is not None, f"{before.person}'s {office} term has no end but is followed by {after.person}"
        assert before.end.latest < after.start.earliest, (
            f"{office}: {before.person} to {before.end.text} overlaps {after.person} from {after.start.text}"
        )


@pytest.mark.parametrize("office", OFFICES)
def test_handovers_leave_no_gap(store: Store, office: str) -> None:
    terms = _terms_of(store, office)
    for before, after in pairwise(terms):
        assert before.end is not None
        if KNOWN_VACANCIES.get(office) == (before.end.latest + timedelta(days=1), after.start.earliest - timedelta(days=1)):
            continue
        assert before.end.latest + timedelta(days=1) == after.start.earliest, (
            f"{office}: gap between {before.person} ({before.end.text}) and {after.person} ({after.start.text})"
        )


@pytest.mark.parametrize("office", OFFICES)
def test_every_office_has_a_holder_on_every_day(store: Store, office: str) -> None:
    start, end = _span(store, office)
    day = start
    while day <= end:
        holders = _holder(store, office, day)
        vacancy = KNOWN_VACANCIES.get(office)
        expected = 0 if vacancy and vacancy[0] <= day <= vacancy[1] else 1
        assert len(holders) == expected, f"{office} on {day}: holders {holders}"
        day += timedelta(days=1)


@pytest.mark.parametrize("office", OFFICES)
def test_terms_lie_within_the_office_s_existence(store: Store, office: str) -> None:
    existed = store.offices[office].existed
    if existed is None:
        return
    for term in _terms_of(store, office):
        assert existed.earliest <= term.start.earliest, f"{term.person} starts before {office} existed"
        if term.end is not None:
            assert term.end.latest <= existed.latest, f"{term.person} ends after {office} was abolished"


def test_every_term_has_a_known_source(store: Store) -> None:
    for term in store.terms:
        assert term.sources, f"{term.person}/{term.office} has no source"
        for citation in term.sources:
            assert citation.id in store.sources
        for note in term.notes:
            assert {c.id for c in note.sources} <= set(store.sources)


def test_every_term_names_a_known_person_and_office(store: Store) -> None:
    for term in store.terms:
        assert term.person in store.people
        assert term.office in store.offices
        if term.end is not None:
            assert term.start.earliest <= term.end.latest


def test_every_person_has_native_name_and_life_dates(store: Store) -> None:
    for ident, person in store.people.items():
        assert person.native, f"{ident} has no native name"
        assert person.born is not None, f"{ident} has no birth date"
        assert person.died is not None, f"{ident} has no death date"
        assert person.born.latest < person.died.earliest


def test_presidium_seats_use_the_vocabulary(store: Store) -> None:
    for seat in store.presidium:
        assert seat.person in store.people
        assert seat.rank in ("full", "candidate")
        assert seat.side in ("group", "khrushchev", "wavered")
        assert seat.sources


def test_presidium_of_june_1957(store: Store) -> None:
    people = [seat.person for seat in store.presidium]
    assert len(people) == len(set(people)), "a person holds two seats"
    full = {seat.person for seat in store.presidium if seat.rank == "full"}
    candidates = {seat.person for seat in store.presidium if seat.rank == "candidate"}
    assert len(full) == 11
    assert full == JUNE_1957_FULL
    assert len(candidates) == 7
    assert candidates == JUNE_1957_CANDIDATES


def test_the_seven_full_member_plotters(store: Store) -> None:
    """The seed article's 'seven full members': five with the group, two who wavered."""
    sides = {seat.person: seat.side for seat in store.presidium}
    against = {p for p in JUNE_1957_FULL if sides[p] in ("group", "wavered")}
    assert against == {"malenkov", "molotov", "kaganovich", "voroshilov", "bulganin", "pervukhin", "saburov"}
    assert sides["pervukhin"] == sides["saburov"] == "wavered"
    assert sides["shepilov"] == "group"
    assert {p for p, side in sides.items() if side == "khrushchev"} >= {"khrushchev", "mikoyan", "suslov", "kirichenko", "zhukov"}


@pytest.mark.parametrize(
    ("day", "office", "person"),
    [
        (date(1957, 6, 20), "premier", "bulganin"),
        (date(1957, 6, 20), "head-of-state", "voroshilov"),
        (date(1957, 6, 20), "first-secretary", "khrushchev"),
        (date(1957, 6, 20), "foreign-minister", "gromyko"),
        (date(1957, 6, 20), "defence-minister", "zhukov"),
        (date(1957, 6, 20), "interior-minister", "dudorov"),
        (date(1957, 6, 20), "kgb-chairman", "serov"),
        (date(1953, 3, 5), "premier", "stalin"),
        (date(1953, 3, 6), "premier", "malenkov"),
        (date(1953, 3, 10), "head-of-state", "shvernik"),
        (date(1953, 4, 1), "interior-minister", "beria"),
        (date(1953, 7, 1), "interior-minister", "kruglov"),
        (date(1955, 2, 8), "premier", "bulganin"),
        (date(1956, 6, 1), "foreign-minister", "shepilov"),
        (date(1957, 10, 26), "defence-minister", "malinovsky"),
        (date(1958, 3, 27), "premier", "khrushchev"),
        (date(1959, 1, 1), "kgb-chairman", "shelepin"),
        (date(1960, 5, 7), "head-of-state", "brezhnev"),
        (date(1961, 12, 31), "kgb-chairman", "semichastny"),
    ],
)
def test_known_holders(store: Store, day: date, office: str, person: str) -> None:
    assert _holder(store, office, day) == [person]


def test_no_interior_minister_after_the_mvd_was_abolished(store: Store) -> None:
    assert _holder(store, "interior-minister", date(1960, 6, 1)) == []
