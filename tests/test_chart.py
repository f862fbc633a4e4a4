"""The office chart (anti_party.render.chart): bars, vacancies, axis ticks, legend, and its plain rows."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from rich.console import Console

from anti_party.dates import parse_edtf
from anti_party.model import Citation, Office, Person, Store, Term
from anti_party.query import OfficeSpan, OfficeTerms, office_terms
from anti_party.render.chart import office_chart
from anti_party.render.records import term_records
from anti_party.store import default_store_path, load_store

ALL_OFFICES = (
    "first-secretary", "premier", "head-of-state", "foreign-minister",
    "defence-minister", "interior-minister", "kgb-chairman",
)


def _term(person: str, office: str, start: str, end: str | None) -> Term:
    return Term(person, office, parse_edtf(start), parse_edtf(end) if end else None, (Citation(f"src-{person}"),))


@pytest.fixture(scope="module")
def store() -> Store:
    people = {
        "khrushchev": Person("khrushchev", "Nikita Khrushchev"),
        "malenkov": Person("malenkov", "Georgy Malenkov"),
        "bulganin": Person("bulganin", "Nikolai Bulganin"),
        "serov": Person("serov", "Ivan Serov"),
        "shelepin": Person("shelepin", "Alexander Shelepin"),
    }
    offices = {
        "first-secretary": Office("first-secretary", "First Secretary of the CPSU", "First Secretary",
                                  parse_edtf("1953-09-07/1966-04-08")),
        "premier": Office("premier", "Chairman of the Council of Ministers", "Premier"),
        "kgb-chairman": Office("kgb-chairman", "Chairman of the KGB", None, parse_edtf("1954-03-13/1991-12-03")),
    }
    terms = (
        _term("khrushchev", "first-secretary", "1953-09-07", None),
        _term("malenkov", "premier", "1953-03-06", "1955-02-07"),
        _term("bulganin", "premier", "1955-02-08", "1958-03-26"),
        _term("khrushchev", "premier", "1958-03-27", "1964-10-14"),
        _term("serov", "kgb-chairman", "1954-03-13", "1958-12-08"),
        _term("shelepin", "kgb-chairman", "1958-12-25", "1961-11-12"),
    )
    return Store(people=people, offices=offices, terms=terms)


def draw(store: Store, start: date, end: date, offices: tuple[str, ...], width: int = 100, colour: bool = False) -> str:
    file = io.StringIO()
    out = Console(
        file=file, width=width, color_system="truecolor" if colour else None, force_terminal=colour or None,
        markup=False, highlight=False, emoji=False, record=False,
    )
    out.print(office_chart(store, office_terms(store, OfficeSpan(start, end, offices)), width))
    return file.getvalue()


def term_rows(store: Store, span: OfficeSpan) -> list[dict[str, object]]:
    return list(term_records(office_terms(store, span), store).rows)


def test_years_chart(store: Store, golden: Callable[[str, str], None]) -> None:
    output = draw(store, date(1953, 1, 1), date(1961, 12, 31), ("first-secretary", "premier"))
    golden("chart-years.txt", output)
    lines = output.splitlines()
    assert lines[0].startswith("First Secretary       █")  # blank until the office exists (Sep 1953)
    assert lines[1].startswith("Premier         ·████ Malenkov ████▓▓▓")  # a vacancy, then alternating fills
    assert "1953     1954" in lines[3]


def test_one_month_has_day_ticks(store: Store) -> None:
    output = draw(store, date(1957, 6, 1), date(1957, 6, 30), ("first-secretary", "premier"))
    assert output == (
        "First Secretary ████████████████████████████████████ Khrushchev ████████████████████████████████████\n"
        "Premier         █████████████████████████████████████ Bulganin █████████████████████████████████████\n"
        "                ┬────┬─────┬────┬─────┬─────┬────┬─────┬────┬─────┬─────┬────┬─────┬────┬─────┬─────\n"
        "Jun 1957        1    3     5    7     9     11   13    15   17    19    21   23    25   27    29\n"
        "\n"
        " NK  Nikita Khrushchev (khrushchev)    NB  Nikolai Bulganin (bulganin)\n"
    )


def test_one_year_has_month_ticks(store: Store) -> None:
    output = draw(store, date(1958, 1, 1), date(1958, 12, 31), ("first-secretary", "premier"))
    assert output == (
        "First Secretary ████████████████████████████████████ Khrushchev ████████████████████████████████████\n"
        "Premier         ████ Bulganin █████▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓ Khrushchev ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓\n"
        "                ┬──────┬─────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬───────\n"
        "1958            Jan    Feb   Mar    Apr    May    Jun    Jul    Aug    Sep    Oct    Nov    Dec\n"
        "\n"
        " NK  Nikita Khrushchev (khrushchev)    NB  Nikolai Bulganin (bulganin)\n"
    )


def test_vacancy_is_dotted(store: Store) -> None:
    """Serov left on 8 Dec 1958 and Shelepin came on the 25th; the office existed, so the gap is dotted."""
    output = draw(store, date(1958, 12, 1), date(1958, 12, 31), ("kgb-chairman",), width=60)
    assert output == (
        "Chairman of the KGB █ Serov ██····················▓▓▓ AS ▓▓▓\n"
        "                    ┬────┬─────┬──────┬─────┬─────┬─────────\n"
        "Dec 1958            1    5     10     15    20    25\n"
        "\n"
        " IS  Ivan Serov (serov)\n"
        " AS  Alexander Shelepin (shelepin)\n"
    )


def test_office_not_yet_existing_is_blank(store: Store) -> None:
    output = draw(store, date(1953, 1, 1), date(1953, 12, 31), ("kgb-chairman",), width=60)
    assert output.splitlines()[0] == "Chairman of the KGB" + " " * 41
    assert output.splitlines()[-1] == "No holders in this period."


def test_chart_crossing_years_labels_january_with_its_year(store: Store) -> None:
    output = draw(store, date(1958, 11, 1), date(1959, 2, 28), ("kgb-chairman",), width=60)
    axis = output.splitlines()[2]
    assert axis.split() == ["Nov", "Dec", "1959", "Feb"]


def test_narrow_bars_fall_back_to_initials(store: Store) -> None:
    output = draw(store, date(1953, 1, 1), date(1961, 12, 31), ("premier",), width=40)
    premier = output.splitlines()[0]
    assert " GM " in premier and "Malenkov" not in premier
    assert " GM  Georgy Malenkov (malenkov)" in output


def test_colour_bars_use_background_not_fill(store: Store) -> None:
    output = draw(store, date(1953, 1, 1), date(1961, 12, 31), ("premier",), colour=True)
    assert "\x1b[" in output and ";48;" in output  # background colours
    assert "█" not in output and "▓" not in output
    assert "Bulganin" in output


def test_store_text_is_not_markup() -> None:
    store = Store(
        people={"x": Person("x", "[bold]Ivan[/bold] Ivanov")},
        offices={"o": Office("o", "[red]Office[/red]")},
        terms=(_term("x", "o", "1955-01-01", None),),
    )
    output = draw(store, date(1955, 1, 1), date(1955, 12, 31), ("o",))
    assert "[red]Office[/red]" in output and "[bold]Ivan[/bold] Ivanov (x)" in output


def test_bad_arguments(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown office 'pope'"):
        office_chart(store, OfficeTerms(OfficeSpan(date(1953, 1, 1), date(1953, 12, 31), ("pope",)), (("pope", ()),)), 80)
    with pytest.raises(ValueError, match="ends"):
        office_chart(store, office_terms(store, OfficeSpan(date(1954, 1, 1), date(1953, 12, 31), ("premier",))), 80)


def test_terms_rows(store: Store) -> None:
    rows = term_rows(store, OfficeSpan(date(1955, 1, 1), date(1955, 12, 31), ("premier", "first-secretary", "kgb-chairman")))
    assert [(row["office"], row["person"]) for row in rows] == [
        ("premier", "malenkov"), ("premier", "bulganin"), ("first-secretary", "khrushchev"), ("kgb-chairman", "serov"),
    ]
    assert rows[0] == {
        "office": "premier",
        "office_title": "Chairman of the Council of Ministers",
        "person": "malenkov",
        "name": "Georgy Malenkov",
        "from": "1953-03-06",
        "to": "1955-02-07",
        "sources": [{"id": "src-malenkov", "pages": None, "section": None, "document": None}],
        "notes": [],
    }
    assert rows[2]["to"] is None  # an open term
    assert term_rows(store, OfficeSpan(date(1953, 1, 1), date(1953, 3, 5), ("premier", "kgb-chairman"))) == []


def test_real_store_chart() -> None:
    store = load_store([default_store_path()])
    output = draw(store, date(1953, 1, 1), date(1961, 12, 31), ALL_OFFICES)
    for name in ("Khrushchev", "Bulganin", "Malenkov"):
        assert name in output
    assert len(output.splitlines()[0]) == 100
    assert len(term_rows(store, OfficeSpan(date(1953, 1, 1), date(1961, 12, 31), ALL_OFFICES))) >= 20
