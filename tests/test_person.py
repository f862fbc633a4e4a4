"""`apg person NAME`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import Invoke


@pytest.mark.parametrize("name", ["molotov", "Molotov", "MOLOTOV", "Молотов", "вячеслав", "vyacheslav", "Vyacheslav Molotov",
                                  "skryabin", "Molotoff", "molo", "Vyacheslav Mikhailovich Molotov"])
def test_names_that_find_molotov(apg: Invoke, name: str) -> None:
    result = apg("person", name, "-f", "json", "--fields", "id")
    assert result.exit_code == 0, result.output
    assert '"id": "molotov"' in result.stdout.splitlines()[1]


def test_accents_are_ignored(apg: Invoke) -> None:
    result = apg("person", "Хрущев", "-f", "json")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == '  "id": "khrushchev",'



def test_profile_json(apg: Invoke, golden: Callable[[str, str], None]) -> None:
    result = apg("person", "molotov", "-f", "json")
    assert result.exit_code == 0
    golden("person-molotov.json", result.stdout)


def test_person_events_as_tsv(apg: Invoke) -> None:
    result = apg("person", "malenkov", "-f", "tsv", "--fields", "id,date")
    assert result.stdout == "malenkov-falls\t1955-02\npresidium-session\t1957-06-18/1957-06-21\nexpulsions\t1961~\n"


def test_miss_suggests(apg: Invoke) -> None:
    result = apg("person", "molotv")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", "Error: no person matches 'molotv'; did you mean molotov?\n",
    )


def test_miss_without_suggestion(apg: Invoke) -> None:
    result = apg("person", "zzz")
    assert (result.exit_code, result.stderr) == (1, "Error: no person matches 'zzz'\n")


def test_ambiguous_prefix_lists_candidates(apg: Invoke) -> None:
    result = apg("person", "mal")
    assert (result.exit_code, result.stderr) == (
        1, "Error: 'mal' matches more than one person: malenkov (Georgy Malenkov), malinovsky (Rodion Malinovsky)\n",
    )


def test_exact_name_beats_prefix(apg: Invoke) -> None:
    result = apg("person", "malenkov", "-f", "json", "--fields", "id")
    assert result.stdout.splitlines()[1] == '  "id": "malenkov",'


@pytest.mark.parametrize("name", ["molotov", "Молотов", "vyacheslav", "Skryabin"])
def test_the_packaged_store_finds_molotov(apg: Invoke, name: str) -> None:
    result = apg("person", name, "-f", "json", store=None)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == '  "id": "molotov",'


def test_the_packaged_store_suggests_molotov(apg: Invoke) -> None:
    result = apg("person", "molotv", store=None)
    assert (result.exit_code, result.stderr) == (1, "Error: no person matches 'molotv'; did you mean molotov?\n")


def test_the_packaged_profile_shows_offices_and_events(apg: Invoke) -> None:
    output = apg("person", "molotov", "-f", "timeline", store=None).stdout
    for text in ("Вячеслав Михайлович Молотов", "Minister of Foreign Affairs", "1956", "Expelled"):
        assert text in output


def test_a_piped_profile_is_text(apg: Invoke, golden: Callable[[str, str], None]) -> None:
    result = apg("person", "molotov")
    assert (result.exit_code, result.stderr) == (0, "")
    golden("person-molotov-pipe.txt", result.stdout)
    assert result.stdout == apg("person", "molotov", "-f", "text").stdout


def test_a_profile_in_full_as_text(apg: Invoke) -> None:
    output = apg("person", "molotov", "-f", "text", "--details").stdout
    assert output.endswith(apg("show", "presidium-session", "expulsions").stdout)
    assert output.startswith("Vyacheslav Molotov (molotov)\nLife:      9 Mar 1890 - 8 Nov 1986\n")


def test_the_packaged_profile_in_a_pipe_has_names_life_offices_and_events(apg: Invoke) -> None:
    output = apg("person", "molotov", store=None).stdout
    for text in ("Vyacheslav Molotov (molotov)", "Life:      9 Mar 1890 - 8 Nov 1986", "Вячеслав Михайлович Молотов",
                 "Presidium: full member in June 1957, with the group", "Offices:",
                 "5 Mar 1953 to 31 May 1956: Minister of Foreign Affairs of the USSR", "Events:", "(secret-speech)"):
        assert text in output
