"""`apg on DATE` and `apg offices`, on the packaged store."""

from __future__ import annotations

import json

import pytest

from conftest import Invoke


def holders(apg: Invoke, when: str) -> dict[str, str]:
    result = apg("on", when, "-f", "tsv", store=None)
    assert result.exit_code == 0, result.output
    return {row[1]: row[2] for row in (line.split("\t") for line in result.stdout.splitlines()) if row[0] == "office"}


def test_on_20_june_1957(apg: Invoke) -> None:
    result = apg("on", "1957-06-20", "-f", "json", store=None)
    report = json.loads(result.stdout)
    offices = {entry["office"]: entry["person"] for entry in report["offices"]}
    assert offices == {
        "first-secretary": "khrushchev", "premier": "bulganin", "head-of-state": "voroshilov",
        "foreign-minister": "gromyko", "defence-minister": "zhukov", "interior-minister": "dudorov",
        "kgb-chairman": "serov",
    }
    sides = {seat["person"]: (seat["rank"], seat["side"]) for seat in report["presidium"]}
    assert sides["molotov"] == ("full", "group")
    assert sides["mikoyan"] == ("full", "khrushchev")
    assert sides["shepilov"] == ("candidate", "group")
    assert len(sides) == 18
    near = {event["id"]: event["relation"] for event in report["events"]}
    assert near["presidium-vote"] == "during"  # dated to the session of 18-21 June: no source dates the vote itself
    assert near["june-1957-plenum"] == "after"
    assert all(event["start"] <= "1957-06-27" and event["end"] >= "1957-06-13" for event in report["events"])


def test_rich_view_on_20_june_1957(apg: Invoke) -> None:
    output = apg("on", "1957-06-20", "-f", "timeline", store=None).stdout
    for text in ("Nikolai Bulganin", "Kliment Voroshilov", "Nikita Khrushchev", "Andrei Gromyko", "Georgy Zhukov",
                 "Party Presidium, June 1957", "with the group", "wavered", "Presidium votes seven to four"):
        assert text in output


def test_handover_day_belongs_to_the_incoming_holder(apg: Invoke) -> None:
    assert holders(apg, "1958-03-26")["premier"] == "bulganin"
    assert holders(apg, "1958-03-27")["premier"] == "khrushchev"


def test_a_known_vacancy_has_no_holder(apg: Invoke) -> None:
    assert holders(apg, "1958-12-15")["kgb-chairman"] == ""


def test_offices_that_did_not_exist_are_left_out(apg: Invoke) -> None:
    assert "kgb-chairman" not in holders(apg, "1953-06-01")
    assert "interior-minister" not in holders(apg, "1961-06-01")
    assert "first-secretary" not in holders(apg, "1953-06-01")


def test_a_year_lists_every_change(apg: Invoke) -> None:
    result = apg("on", "1958", "-f", "tsv", "--window", "0", store=None)
    changes = [line for line in result.stdout.splitlines() if line.startswith("change")]
    assert changes == [
        "change\t1958-03-27\tpremier\tbulganin\tkhrushchev",
        "change\t1958-12-09\tkgb-chairman\tserov\t",
        "change\t1958-12-25\tkgb-chairman\t\tshelepin",
    ]
    assert not [line for line in result.stdout.splitlines() if line.startswith("presidium\t")]


def test_a_date_before_the_store_begins(apg: Invoke) -> None:
    result = apg("on", "1952-06-01", "-f", "tsv", "--window", "0", store=None)
    assert result.exit_code == 0
    assert result.stderr == "Note: the store's record of office holders begins on 5 March 1953.\n"
    assert "event" not in result.stdout


def test_on_usage_errors(apg: Invoke) -> None:
    result = apg("on", "June 57", store=None)
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2, "Error: Invalid value for 'DATE': 'June 57' is not a date: give the year with four digits",
    )
    result = apg("on", "1957", "-f", "csv", store=None)
    assert result.exit_code == 2
    assert "'csv' is not one of 'auto', 'timeline', 'tsv', 'json'" in result.stderr


def test_offices_tsv(apg: Invoke) -> None:
    result = apg("offices", "--office", "premier", "--from", "1955", "--to", "1958", "--header", store=None)
    assert result.stdout.splitlines()[0] == "office\toffice_title\tperson\tname\tfrom\tto\tsources\tnotes"
    assert [line.split("\t")[2] for line in result.stdout.splitlines()[1:]] == ["malenkov", "bulganin", "khrushchev"]


def test_offices_chart_zoomed_to_one_month(apg: Invoke) -> None:
    result = apg("--no-color", "offices", "-o", "kgb-chairman", "--on", "x", store=None)
    assert result.exit_code == 2  # --on is not an option of offices
    result = apg("--no-color", "offices", "-o", "kgb-chairman", "--from", "1958-12", "--to", "1958-12", "-f", "chart",
                 store=None)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("KGB Chairman")
    assert "Serov" in lines[0] and "Shelepin" in lines[0] and "·" in lines[0]
    assert "Dec 1958" in result.stdout  # the caption of a month of day ticks


@pytest.mark.parametrize(("args", "message"), [
    (("-o", "kgb"), "Error: no office has the id 'kgb'; offices: first-secretary, premier, head-of-state, "
                    "foreign-minister, defence-minister, interior-minister, kgb-chairman\n"),
    (("-o", "premeir", "-o", "kgb-chairmen"), "Error: no office has the id 'premeir'; did you mean premier?\n"
                                              "Error: no office has the id 'kgb-chairmen'; did you mean kgb-chairman?\n"),
])
def test_offices_unknown_office(apg: Invoke, args: tuple[str, ...], message: str) -> None:
    result = apg("offices", *args, store=None)
    assert (result.exit_code, result.stderr) == (1, message)


def test_offices_json_and_csv(apg: Invoke) -> None:
    records = json.loads(apg("offices", "-o", "head-of-state", "-f", "json", store=None).stdout)
    assert [record["person"] for record in records] == ["shvernik", "voroshilov", "brezhnev"]
    csv_text = apg("offices", "-o", "head-of-state", "-f", "csv", store=None).stdout
    assert csv_text.splitlines()[0] == "office,office_title,person,name,from,to,sources,notes"


def test_offices_from_after_to_is_a_usage_error(apg: Invoke) -> None:
    result = apg("offices", "--from", "1958", "--to", "1957", store=None)
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, "Error: --from 1958 is after --to 1957")


@pytest.mark.parametrize(("args", "note"), [
    (("on", "1965"), "Note: the store's record of office holders ends on 31 December 1961; later holders may be missing.\n"),
    (("on", "1961-12-31"), ""),
    (("offices", "--from", "1950"), "Note: the store's record of office holders begins on 5 March 1953.\n"),
    (("offices", "--from", "1950", "--to", "1970"),
     "Note: the store's record of office holders runs from 5 March 1953 to 31 December 1961.\n"),
    (("offices", "--from", "1957", "--to", "1958"), ""),
])
def test_dates_outside_the_record_are_noted(apg: Invoke, args: tuple[str, ...], note: str) -> None:
    result = apg(*args, "-f", "tsv", store=None)
    assert (result.exit_code, result.stderr) == (0, note)
