"""The document formats: markdown, ics (RFC 5545) and timelinejs (TimelineJS3 JSON), through the CLI."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest

from conftest import Invoke

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}  # 2023-11-14T22:13:20Z
LONG_TITLE = "Заседание Президиума ЦК КПСС: большинство требует отставки Хрущёва; ё"  # 69 characters, 127 bytes
TRICKY = "*star* _under_ `code` <b>tag</b> & [link](x) | ~strike~ \\ back"


def write_store(tmp_path: Path, title: str = LONG_TITLE, periods: str = "") -> Path:
    path = tmp_path / "store.toml"
    path.write_text(
        f'[sources.s]\nkind = "book"\ntype = "scholarly"\ntitle = "S"\n\n'
        f'[[events]]\nid = "long"\ndate = "1957-06-22?"\ntitle = {json.dumps(title)}\nsources = ["s"]\n'
        f'tags = ["a,b;c"]\n{periods}',
        encoding="utf-8",
    )
    return path


def ok(result: Any) -> str:
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    text: str = result.stdout_bytes.decode("utf-8")  # .stdout would turn CRLF into LF
    return text


# ---------------------------------------------------------------- markdown


def test_markdown_timeline(apg: Invoke, golden: Callable[[str, str], None]) -> None:
    output = ok(apg("timeline", "-f", "markdown"))
    golden("timeline.md", output)
    lines = output.splitlines()
    assert lines[0] == "# Timeline of the Soviet Anti-Party Group"
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## 1953", "## 1955", "## 1957", "## 1961", "## Sources"]
    assert "- **Feb 1955** — Malenkov resigns as premier (Georgy Malenkov, Nikita Khrushchev): " in output
    assert r"\[bold\]Presidium\[/bold\] session" in output
    assert "\x1b" not in output and "\t" not in output
    assert r"\=SUM(A1)" in output
    assert lines[lines.index("## Sources"):] == [
        "## Sources",
        "",
        "- alpha-1990: Alpha, Anna. A Test Book. Test Press, 1990.",
        '- web-page: \u201cA Web Page.\u201d Example Site. Accessed November 21, 2026. https://example.org/page.',
    ]


@pytest.mark.parametrize("text", [TRICKY, "# heading", "=SUM(A1)", "- item", "+ item", "1957. A year", "2) two",
                                  "> quote", "[bold]x[/bold]", "a <!-- comment --> b", "&amp; &#42;", "`", "***"])
def test_markdown_escaping_renders_the_text_itself(text: str) -> None:
    import markdown_it  # installed with rich

    from anti_party.render.markdown import escape

    rendered = markdown_it.MarkdownIt("commonmark").render(f"- {escape(text)}\n")
    assert rendered == f"<ul>\n<li>{html.escape(text, quote=False)}</li>\n</ul>\n"
    paragraph = markdown_it.MarkdownIt("commonmark").render(f"intro\n{escape(text)}\n")
    assert paragraph == f"<p>intro\n{html.escape(text, quote=False)}</p>\n"


def test_markdown_escapes_a_title_from_the_store(apg: Invoke, tmp_path: Path) -> None:
    output = ok(apg("timeline", "-f", "markdown", store=write_store(tmp_path, "# " + TRICKY)))
    escaped = r"\# \*star\* \_under\_ \`code\` \<b\>tag\</b\> \& \[link\](x) \| \~strike\~ \\ back"
    assert f"- **22 Jun 1957?** — {escaped} *(Sources: s)*\n" in output


def test_markdown_person(apg: Invoke) -> None:
    output = ok(apg("person", "molotov", "-f", "markdown"))
    assert output.startswith("# Vyacheslav Molotov\n\nVyacheslav Mikhailovich Molotov (Вячеслав Михайлович Молотов), "
                             "born 9 Mar 1890, died 8 Nov 1986.\n")
    assert "## Offices\n\n- **5 Mar 1953 to 1 Jun 1956** — Minister of Foreign Affairs\n" in output
    assert "### 1957\n\n- **18-21 Jun 1957** — \\[bold\\]Presidium" in output
    assert "### 1955" not in output
    assert output.endswith("## Sources\n\n- alpha-1990: Alpha, Anna. A Test Book. Test Press, 1990.\n"
                           "- web-page: \u201cA Web Page.\u201d Example Site. Accessed November 21, 2026. https://example.org/page.\n")


# ---------------------------------------------------------------- iCalendar


def check_content_lines(output: str) -> None:
    raw = output.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # raises if a fold split a character


def vevents(output: str) -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(output)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_ics_timeline(apg: Invoke, golden: Callable[[str, str], None]) -> None:
    output = ok(apg("timeline", "-f", "ics", env=EPOCH))
    golden("timeline.ics", output)
    check_content_lines(output)
    calendar = icalendar.Calendar.from_ical(output)
    assert (calendar["VERSION"], calendar["CALSCALE"]) == ("2.0", "GREGORIAN")
    assert calendar["PRODID"]
    events = vevents(output)
    assert list(events) == ["stalin-death@apg", "malenkov-falls@apg", "presidium-session@apg", "expulsions@apg"]
    expected = {
        "stalin-death@apg": (dt.date(1953, 3, 5), dt.date(1953, 3, 6), "Stalin dies", ["succession"]),
        "malenkov-falls@apg": (dt.date(1955, 2, 1), dt.date(1955, 3, 1), "Malenkov resigns as premier", ["succession"]),
        "presidium-session@apg": (dt.date(1957, 6, 18), dt.date(1957, 6, 22), "[bold]Presidium[/bold] session",
                                  ["presidium", "crisis"]),
        "expulsions@apg": (dt.date(1961, 1, 1), dt.date(1962, 1, 1), "Expulsions from the party",
                           ["expulsion", "epilogue"]),
    }
    for uid, (start, end, summary, tags) in expected.items():
        event = events[uid]
        assert type(event.decoded("DTSTART")) is dt.date and event.decoded("DTSTART") == start
        assert type(event.decoded("DTEND")) is dt.date and event.decoded("DTEND") == end
        assert str(event["SUMMARY"]) == summary
        assert list(event["CATEGORIES"].cats) == tags
        assert event.decoded("DTSTAMP") == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    falls = str(events["malenkov-falls@apg"]["DESCRIPTION"])
    assert falls.startswith('He goes; "quoted", with commas, a\ttab and a\nnewline.\n\n')
    assert "Date known only to the month: Feb 1955." in falls
    assert "Sources:\nalpha-1990: Alpha, Anna. A Test Book. Test Press, 1990." in falls
    assert "Date known only to the year and approximate: c. 1961." in str(events["expulsions@apg"]["DESCRIPTION"])
    assert "Date " not in str(events["presidium-session@apg"]["DESCRIPTION"])
    assert "\x1b" not in output


def test_ics_folds_long_cyrillic_lines_between_characters(apg: Invoke, tmp_path: Path) -> None:
    output = ok(apg("timeline", "-f", "ics", store=write_store(tmp_path), env=EPOCH))
    check_content_lines(output)
    assert "\r\n " in output  # folded
    event = vevents(output)["long@apg"]
    assert str(event["SUMMARY"]) == LONG_TITLE
    assert list(event["CATEGORIES"].cats) == ["a,b;c"]
    assert "CATEGORIES:a\\,b\\;c\r\n" in output
    assert "Date known only to the day" not in str(event["DESCRIPTION"])
    assert "Date uncertain: 22 Jun 1957?." in str(event["DESCRIPTION"])


def test_ics_fold_keeps_escapes_whole() -> None:
    from anti_party.render.ics import fold

    folded = fold("SUMMARY:" + "x" * 66 + "\\,y")
    assert folded == "SUMMARY:" + "x" * 66 + "\r\n \\,y\r\n"


def test_ics_dtstamp_is_now_without_source_date_epoch(apg: Invoke) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    output = ok(apg("timeline", "-f", "ics", env={"SOURCE_DATE_EPOCH": ""}))
    stamps = set(re.findall(r"^DTSTAMP:(\d{8}T\d{6}Z)\r$", output, re.MULTILINE))
    assert len(stamps) == 1
    assert dt.datetime.strptime(stamps.pop(), "%Y%m%dT%H%M%S%z") >= before


def test_ics_person(apg: Invoke) -> None:
    output = ok(apg("person", "molotov", "-f", "ics", env=EPOCH))
    check_content_lines(output)
    assert list(vevents(output)) == ["presidium-session@apg", "expulsions@apg"]
    assert "X-WR-CALNAME:Vyacheslav Molotov\r\n" in output


# ---------------------------------------------------------------- TimelineJS


def test_timelinejs_timeline(apg: Invoke, golden: Callable[[str, str], None]) -> None:
    output = ok(apg("timeline", "-f", "timelinejs"))
    golden("timelinejs.json", output)
    document = json.loads(output)
    assert set(document) == {"title", "events"}  # no periods in the fixture, so no eras
    assert document["title"]["text"]["headline"] == "Timeline of the Soviet Anti-Party Group, 1953-1961"
    events = {event["unique_id"]: event for event in document["events"]}
    assert list(events) == ["stalin-death", "malenkov-falls", "presidium-session", "expulsions"]
    assert events["stalin-death"]["start_date"] == {"year": 1953, "month": 3, "day": 5}
    assert events["malenkov-falls"]["start_date"] == {"year": 1955, "month": 2}
    assert events["expulsions"]["start_date"] == {"year": 1961}
    assert [("end_date" in event) for event in events.values()] == [False, False, True, False]
    session = events["presidium-session"]
    assert session["end_date"] == {"year": 1957, "month": 6, "day": 21}
    assert session["display_date"] == "18-21 Jun 1957"
    assert not any("group" in event for event in events.values())  # no periods in the fixture, so no groups
    assert "<p>Note: Another reading puts it on 8 February. (Sources: web-page)</p>" in events["malenkov-falls"]["text"]["text"]
    assert session["text"]["headline"] == "[bold]Presidium[/bold] session"
    assert "\x1b" not in session["text"]["text"]
    assert "&quot;quoted&quot;, with commas" in events["malenkov-falls"]["text"]["text"]
    assert '"quoted"' not in events["malenkov-falls"]["text"]["text"]


def test_timelinejs_escapes_html_and_has_eras(apg: Invoke, tmp_path: Path) -> None:
    periods = '\n[[periods]]\nid = "p"\ntitle = "<b>Crisis</b> & after"\ndate = "1957-06/1958"\n'
    output = ok(apg("timeline", "-f", "timelinejs", store=write_store(tmp_path, TRICKY, periods)))
    document = json.loads(output)
    assert document["eras"] == [{
        "start_date": {"year": 1957, "month": 6}, "end_date": {"year": 1958},
        "text": {"headline": "&lt;b&gt;Crisis&lt;/b&gt; &amp; after"},
    }]
    event = document["events"][0]
    assert event["text"]["headline"] == html.escape(TRICKY)
    assert (event["group"], event["display_date"]) == ("&lt;b&gt;Crisis&lt;/b&gt; &amp; after", "22 Jun 1957?")
    assert "<b>" not in output


def test_timelinejs_person(apg: Invoke) -> None:
    document = json.loads(ok(apg("person", "molotov", "-f", "timelinejs")))
    assert document["title"]["text"]["headline"] == "Vyacheslav Molotov"
    assert "<p>Вячеслав Михайлович Молотов</p>" in document["title"]["text"]["text"]
    assert [event["unique_id"] for event in document["events"]] == ["presidium-session", "expulsions"]


# ---------------------------------------------------------------- on the packaged store


@pytest.fixture(scope="module")
def packaged() -> Any:
    from anti_party.store import default_store_path, load_store

    return load_store([default_store_path()])


def test_timelinejs_has_few_groups_and_the_span_in_its_title(apg: Invoke, packaged: Any) -> None:
    document = json.loads(ok(apg("timeline", "-f", "timelinejs", store=None)))
    groups = {event.get("group") for event in document["events"]}
    assert 2 <= len(groups) <= 8 and None not in groups
    assert groups <= {html.escape(period.title) for period in packaged.periods}
    first = min(event.date.earliest.year for event in packaged.events)
    last = max(event.date.latest.year for event in packaged.events)
    assert document["title"]["text"]["headline"] == f"Timeline of the Soviet Anti-Party Group, {first}-{last}"
    part = json.loads(ok(apg("timeline", "-f", "timelinejs", "--from", "1957", "--to", "1958", store=None)))
    assert part["title"]["text"]["headline"].endswith(", 1957-1958")


@pytest.mark.parametrize("format_name", ["markdown", "ics", "timelinejs", "text"])
def test_every_note_travels_with_its_sources(apg: Invoke, packaged: Any, format_name: str) -> None:
    """Each event's notes, with their sources, are written with the event by every format that writes its text."""
    from anti_party.render.markdown import escape
    from anti_party.render.sanitise import terminal_text

    output = "\n" + ok(apg("timeline", "-f", format_name, env=EPOCH, store=None))
    if format_name == "ics":
        calendar = vevents(output.lstrip())
        texts = {event.id: str(calendar[f"{event.id}@apg"]["DESCRIPTION"]) for event in packaged.events}
    elif format_name == "timelinejs":
        texts = {slide["unique_id"]: html.unescape(slide["text"]["text"]) for slide in json.loads(output)["events"]}
    else:  # markdown and text: an event's part runs from its line to the next event's
        starts = {event.id: output.index(f"\n{event.id}\n" if format_name == "text" else f" — {escape(event.title)}")
                  for event in packaged.events}
        bounds = [*sorted(starts.values()), len(output)]
        texts = {ident: output[start:bounds[bounds.index(start) + 1]] for ident, start in starts.items()}
    noted = [event for event in packaged.events if event.notes]
    assert len(noted) >= 10
    for event in noted:
        for note in event.notes:
            sources = ", ".join(map(str, note.sources))
            expected = {
                "markdown": f"- *Note:* {escape(note.text)} *(Sources: {escape(sources)})*",
                "ics": f"Note: {note.text} (Sources: {sources})",
                "timelinejs": f"<p>Note: {note.text} (Sources: {sources})</p>",
                "text": f"Note:     {terminal_text(note.text)} [{sources}]",
            }[format_name]
            assert expected in texts[event.id], (event.id, format_name)
