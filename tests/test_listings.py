"""people, tags, sources, cite, pictures, and stores layered on the packaged one."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from anti_party.store import default_store_path
from conftest import DATA, Invoke


def test_people_table_and_tsv(apg: Invoke) -> None:
    result = apg("people", "--sort", "name", "--header")
    assert result.stdout == (
        "id\tname\tborn\tdied\trank\tside\toffices\n"
        "malenkov\tGeorgy Malenkov\t1902-01-08\t1988-01-14\t\t\t\n"
        "khrushchev\tNikita Khrushchev\t1894-04-15\t1971-09-11\t\t\t\n"
        "malinovsky\tRodion Malinovsky\t1898-11-23\t1967-03-31\t\t\t\n"
        "molotov\tVyacheslav Molotov\t1890-03-09\t1986-11-08\t\t\tforeign-minister\n"
    )
    table = apg("people", "-f", "table").stdout
    assert "Molotov" in table and "Rank" in table and "None" not in table


def test_people_on_the_packaged_store_show_sides(apg: Invoke) -> None:
    rows = json.loads(apg("people", "-f", "json", store=None).stdout)
    by_id = {row["id"]: row for row in rows}
    assert (by_id["molotov"]["side"], by_id["zhukov"]["rank"]) == ("group", "candidate")
    assert by_id["khrushchev"]["offices"] == ["first-secretary", "premier"]
    assert [row["born"] for row in rows] == sorted(row["born"] for row in rows)


def test_tags_with_counts(apg: Invoke) -> None:
    assert apg("tags").stdout == (
        "crisis\t1\nepilogue\t1\nexpulsion\t1\npresidium\t1\nsuccession\t2\n"
    )


def test_sources_with_counts(apg: Invoke) -> None:
    result = apg("sources", "-f", "jsonl")
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"id": "alpha-1990", "type": "scholarly", "kind": "book", "authors": ["Alpha, Anna"], "title": "A Test Book", "container": None,
         "year": 1990, "url": None, "events": 3, "terms": 1, "people": 1, "presidium": 0},
        {"id": "web-page", "type": "web", "kind": "web-page", "authors": [], "title": "A Web Page", "container": "Example Site",
         "year": None, "url": "https://example.org/page", "events": 3, "terms": 0, "people": 0, "presidium": 0},
    ]


def test_cite_sources_and_events(apg: Invoke) -> None:
    assert apg("cite", "alpha-1990", "--style", "mla").stdout == "Alpha, Anna. A Test Book. Test Press, 1990.\n"
    assert apg("cite", "expulsions", "-s", "apa").stdout == (
        "A Web Page. (n.d.). Example Site. Retrieved November 21, 2026, from https://example.org/page\n"
    )
    assert apg("cite", "--all").stdout == (
        "Alpha, Anna. A Test Book. Test Press, 1990.\n"
        "\u201cA Web Page.\u201d Example Site. Accessed November 21, 2026. https://example.org/page.\n"
    )


def test_cite_forms_and_formats(apg: Invoke) -> None:
    """apg cite EVENT --note gives each source with the event's locator; -f keeps italics or exports."""
    assert apg("cite", "alpha-1990", "--note").stdout == "Anna Alpha, A Test Book (Test Press, 1990).\n"
    assert apg("cite", "alpha-1990", "--short-note").stdout == "Alpha, Test Book.\n"
    assert apg("cite", "alpha-1990", "--in-text", "-s", "apa").stdout == "(Alpha, 1990)\n"
    assert apg("cite", "alpha-1990", "-f", "markdown").stdout == "Alpha, Anna. *A Test Book*. Test Press, 1990.\n"
    assert "<i>A Test Book</i>" in apg("cite", "alpha-1990", "-f", "html").stdout
    assert "{\\i A Test Book}" in apg("cite", "alpha-1990", "-f", "rtf").stdout
    assert apg("cite", "alpha-1990", "-f", "bibtex").stdout.startswith("@book{alpha-1990,\n")
    assert apg("cite", "alpha-1990", "-f", "ris").stdout_bytes.startswith(b"TY  - BOOK\r\nID  - alpha-1990\r\n")
    result = apg("cite", "alpha-1990", "--in-text")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == (
        "Error: --in-text is for MLA and APA; Chicago cites in notes (--note, --short-note)"
    )


def test_cite_errors(apg: Invoke) -> None:
    result = apg("cite", "alpha-1999", "nope")
    assert (result.exit_code, result.stderr) == (
        1, "Error: no source or event has the id 'alpha-1999'; did you mean alpha-1990?\n"
           "Error: no source or event has the id 'nope'\n",
    )
    result = apg("cite")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, "Error: give source or event ids, or --all")
    assert apg("cite", "--all", "--style", "harvard").exit_code == 2


def test_svg_and_html_pictures(apg: Invoke, tmp_path: Path) -> None:
    svg, html = tmp_path / "on.svg", tmp_path / "timeline.HTML"
    result = apg("timeline", "--save", str(svg), "--width", "80")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"Wrote {svg}\n")
    assert svg.read_text(encoding="utf-8").startswith("<svg") and "Presidium" in svg.read_text(encoding="utf-8")
    result = apg("person", "molotov", "--save", str(html))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"Wrote {html}\n")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and "Molotov" in html.read_text(encoding="utf-8")
    result = apg("timeline", "-f", "tsv", "--save", str(svg))
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2, "Error: --save draws a rich view: use -f timeline, table or chart",
    )


def test_a_picture_is_svg_or_html(apg: Invoke, tmp_path: Path) -> None:
    png = tmp_path / "on.png"
    result = apg("timeline", "--save", str(png))
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2, f"Error: Invalid value for '--save': {str(png)!r} must end in .svg or .html",
    )
    assert not png.exists()
    missing = tmp_path / "no-such-folder" / "on.svg"
    result = apg("timeline", "--save", str(missing))
    assert (result.exit_code, result.stderr) == (1, f"Error: cannot write {missing}: No such file or directory\n")


def test_overlay_store_refers_to_packaged_people_and_sources(apg: Invoke) -> None:
    result = apg("--store", str(DATA / "overlay.toml"), "timeline", "--person", "molotov", "--from", "2026",
                 "--fields", "id", store=None)
    assert (result.exit_code, result.stdout) == (0, "seminar-on-molotov\n")
    assert apg("--store", str(DATA / "overlay.toml"), "check", store=None).exit_code == 0


def test_apg_store_may_hold_several_paths(apg: Invoke) -> None:
    paths = os.pathsep.join([str(DATA / "overlay.toml"), str(DATA / "store.toml")])
    result = apg("--no-default-store", "check", store=None, env={"APG_STORE": paths})
    assert result.exit_code == 1  # overlay.toml cites eorh-antiparty, which store.toml lacks
    assert "unknown source 'eorh-antiparty'" in result.stderr


def test_an_id_defined_in_two_stores_names_both_files(apg: Invoke) -> None:
    clash = DATA / "clash.toml"
    result = apg("--store", str(clash), "check", store=None)
    assert result.exit_code == 1
    packaged = default_store_path()
    line = next(n for n, text in enumerate(packaged.read_text(encoding="utf-8").splitlines(), 1)
                if text == 'id = "secret-speech"') - 1
    assert result.stderr == (
        f"Error: {clash}:4:1: event 'secret-speech' key 'id': is defined twice; first at {packaged}:{line}\n"
    )


def test_pictures_fetch_nothing(apg: Invoke, tmp_path: Path) -> None:
    svg, html = tmp_path / "offices.svg", tmp_path / "offices.html"
    assert apg("offices", "--save", str(svg), store=None).exit_code == 0
    assert apg("offices", "--save", str(html), store=None).exit_code == 0
    for picture in (svg, html):
        text = picture.read_text(encoding="utf-8")
        assert not re.search(r"url\((?!#)", text) and "@font-face" not in text, picture  # url(#id) is local
