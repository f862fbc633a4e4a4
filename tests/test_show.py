"""`apg show ID...` and `apg show -`."""

from __future__ import annotations

from collections.abc import Callable

from conftest import Invoke


def test_show_one_event_in_full(apg: Invoke, golden: Callable[[str, str], None]) -> None:
    result = apg("show", "malenkov-falls", "presidium-session")
    assert (result.exit_code, result.stderr) == (0, "")
    golden("show.txt", result.stdout)


def test_show_reads_ids_from_stdin(apg: Invoke) -> None:
    result = apg("show", "-", "-f", "tsv", "--fields", "id", stdin="expulsions\n\nstalin-death\n")
    assert (result.exit_code, result.stdout) == (0, "expulsions\nstalin-death\n")  # in the order asked


def test_show_reads_timeline_tsv(apg: Invoke) -> None:
    listing = apg("timeline", "--tag", "crisis", "-f", "tsv").stdout
    result = apg("show", "-", "-f", "jsonl", "--fields", "id,date", stdin=listing)
    assert result.stdout == '{"id": "presidium-session", "date": "1957-06-18/1957-06-21"}\n'


def test_show_reads_a_cut_column(apg: Invoke) -> None:
    listing = apg("timeline", "--person", "malenkov", "-f", "tsv").stdout
    column = "".join(line.split("\t")[3] + "\n" for line in listing.splitlines())
    result = apg("show", "-", "-f", "tsv", "--fields", "id", stdin=column)
    assert result.stdout == "malenkov-falls\npresidium-session\nexpulsions\n"


def test_unknown_ids_are_named_with_suggestions(apg: Invoke) -> None:
    result = apg("show", "stalin-dath", "presidium-session", "zzz")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: no event has the id 'stalin-dath'; did you mean stalin-death?\n"
        "Error: no event has the id 'zzz'\n"
    )


def test_show_needs_an_id(apg: Invoke) -> None:
    result = apg("show")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, "Error: Missing argument 'ID...'.")
