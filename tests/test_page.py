"""The interactive page (`apg timeline -f html`), loaded from a file in headless Chromium.

Every browser test ends by checking that the page logged no console error or warning,
threw nothing, opened no dialog and asked for nothing but its own file. Screenshots go
to build/screenshots/ (or $APG_SCREENSHOTS); APG_UPDATE_GOLDEN=1 also refreshes the
README's picture, docs/img/timeline-page.png.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from hostile.hostile_strings import HOSTILE_STRINGS
from hypothesis import given
from hypothesis import strategies as st

from anti_party import default_store_path, load_store
from anti_party.cite import format_citation
from anti_party.dates import EdtfDate
from anti_party.model import Event
from anti_party.query import terms_between
from anti_party.render.html import script_json, web_address
from anti_party.render.records import event_sources, written_out
from chromium import Browser, Page
from conftest import DATA, SCREENSHOTS, Invoke, run_apg, screenshot_written

README_PICTURE = Path(__file__).parent.parent / "docs" / "img" / "timeline-page.png"
DESKTOP, PHONE, PROJECTOR = (1280, 900), (390, 844), (1920, 1080)
STORE = load_store([default_store_path()])


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = Browser()
    yield chromium
    chromium.close()


def write_page(apg: Invoke, directory: Path, name: str, *args: str, store: Path | None = None) -> Path:
    result = apg("timeline", *args, "-f", "html", store=store)
    assert result.exit_code == 0, result.stderr
    path = directory / name
    path.write_text(result.stdout, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page of the whole packaged store."""
    return write_page(run_apg, tmp_path_factory.mktemp("page"), "timeline.html")


class Opened:
    """The page a test opened (one at a time), checked for problems and requests when it is done."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.page: tuple[Page, str] | None = None

    def __call__(self, path: Path, fragment: str = "", size: tuple[int, int] = DESKTOP, mobile: bool = False) -> Page:
        self.check()
        page = self.browser.new_page(*size, mobile=mobile)
        url = path.as_uri()
        page.goto(url + fragment)
        self.page = (page, url)
        return page

    def check(self) -> None:
        if self.page is None:
            return
        page, url = self.page
        self.page = None
        page.settle()
        assert page.problems() == []
        assert set(page.requests()) == {url}, "the page asked for something besides itself"
        assert page.js("performance.getEntriesByType('resource').length") == 0
        page.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Opened]:
    opened = Opened(browser)
    yield opened
    opened.check()


def shown_ids(page: Page) -> list[str]:
    """The ids of the events shown, sorted: the page groups them in lanes, so DOM order is not time order."""
    return sorted(page.js("[...document.querySelectorAll('[data-event-id]:not([hidden])')]"
                          ".map((e) => e.dataset.eventId)"))


def command_ids(apg: Invoke, *args: str, ordered: bool = False) -> list[str]:
    """The ids `apg timeline ARGS` prints for the packaged store (sorted unless ORDERED)."""
    ids = _command_ids(args)
    return list(ids) if ordered else sorted(ids)


@functools.cache
def _command_ids(args: tuple[str, ...]) -> tuple[str, ...]:
    result = run_apg("timeline", *args, "-f", "tsv", "--fields", "id", store=None)
    assert result.exit_code == 0, result.stderr
    return tuple(result.stdout.split())


def view(page: Page) -> dict[str, str]:
    return page.js("({...document.getElementById('timeline').dataset})")


def span_days(page: Page) -> int:
    return page.js("(() => { const d = document.getElementById('timeline').dataset;"
                   " return (Date.parse(d.viewEnd) - Date.parse(d.viewStart)) / 864e5 + 1; })()")


# ---------------------------------------------------------------- the file itself


def test_one_self_contained_file_under_one_and_a_half_megabytes(apg: Invoke, whole: Path) -> None:
    text = whole.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) <= 1_500_000
    assert text.startswith("<!DOCTYPE html>")
    static = re.sub(r'<script type="application/json" id="apg-data">.*?</script>', "", text, flags=re.S)
    assert not re.search(r"<link|<img|<iframe|\bsrc=|@import|@font-face|url\(", static)
    assert "default-src 'none'" in text  # the policy forbids fetching anything
    assert text.count("</script") == 2  # the data block's and the script's own


def test_the_data_block_holds_the_json_records(apg: Invoke, whole: Path) -> None:
    text = whole.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="apg-data">(.*?)</script>', text, flags=re.S)
    assert block is not None
    data = json.loads(block[1])
    records = json.loads(apg("timeline", "-f", "json", store=None).stdout)
    assert [{key: event[key] for key in records[0]} for event in data["events"]] == records
    offices = json.loads(apg("offices", "-f", "json", "--from", "0001", "--to", "9999", store=None).stdout)
    assert [{key: term[key] for key in offices[0]} for term in data["terms"]] == offices
    for ident, source in data["sources"].items():
        assert source["cite"] == {style: format_citation(STORE.sources[ident], style) for style in ("mla", "chicago", "apa")}


@given(st.recursive(st.text() | st.integers() | st.booleans() | st.none(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=8))
def test_script_json_cannot_end_its_script_element(value: object) -> None:
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("url", "kept"),
    [("https://example.org/a?b=1", True), ("HTTP://EXAMPLE.ORG", True), ("javascript:alert(1)", False),
     ("data:text/html,x", False), ("//example.org", False), ("https://exa mple.org", False),
     ("https://example.org/\u202e", True), ("https://example.org/\x1b[31m", False), (None, False)],
)
def test_only_web_addresses_become_links(url: str | None, kept: bool) -> None:
    assert (web_address(url) is not None) == kept


# ---------------------------------------------------------------- in the browser


def test_every_selected_event_is_present_once(apg: Invoke, open_page: Opened, tmp_path: Path) -> None:
    for args in ((), ("--tag", "plenum"), ("--from", "1957-06", "--to", "1957-07")):
        page = open_page(write_page(apg, tmp_path, "page.html", *args))
        ids = page.js("[...document.querySelectorAll('[data-event-id]')].map((e) => e.dataset.eventId)")
        assert sorted(ids) == command_ids(apg, *args)  # each once
        assert shown_ids(page) == command_ids(apg, *args)  # none hidden


@pytest.mark.parametrize(
    ("fragment", "args"),
    [
        ("#person=molotov", ("--person", "molotov")),
        ("#tag=plenum", ("--tag", "plenum")),
        ("#q=zhukov", ("--grep", "zhukov")),
        ("#q=ZH%C3%9AKOV", ("--grep", "ZHÚKOV")),  # accents and case are ignored on both sides
        ("#person=khrushchev&tag=crisis", ("--person", "khrushchev", "--tag", "crisis")),
        ("#tag=plenum,exile", ("--tag", "plenum", "--tag", "exile")),
        (f"#person={quote('Молотов')}&q=plenum", ("--person", "Молотов", "--grep", "plenum")),
        ("#q=resolution&event=presidium-vote", ("--grep", "resolution")),
        ("#q=no%20such%20words", ("--grep", "no such words")),
        ("#person=molo", ("--person", "molo")),  # a unique prefix is enough
        ("#person=vyacheslav", ("--person", "vyacheslav")),
    ],
)
def test_each_fragment_shows_what_the_command_gives(apg: Invoke, open_page: Opened, whole: Path, fragment: str,
                                                     args: tuple[str, ...]) -> None:
    expected = command_ids(apg, *args)
    page = open_page(whole, fragment)
    assert shown_ids(page) == expected
    assert page.js("document.getElementById('empty').hidden") == bool(expected)
    page.js("location.hash = ''")  # the same page, filters cleared by a hash change
    page.settle()
    assert shown_ids(page) == command_ids(apg)
    page.js(f"location.hash = {json.dumps(fragment)}")
    page.settle()
    assert shown_ids(page) == expected


@pytest.mark.parametrize("name", ["constructor", "__proto__", "m", "nobody"])
def test_a_person_the_command_cannot_find_shows_nothing(apg: Invoke, open_page: Opened, whole: Path,
                                                        name: str) -> None:
    assert apg("timeline", "--person", name, store=None).exit_code == 1  # none, or more than one
    page = open_page(whole, f"#person={name}")
    assert shown_ids(page) == []
    assert page.js("document.getElementById('status').textContent") == (
        f"Showing 0 of {len(STORE.events)} events · no person matches “{name}”."
    )


def test_controls_write_the_fragment_and_reset_clears_it(apg: Invoke, open_page: Opened, whole: Path) -> None:
    page = open_page(whole)
    page.js("(() => { const s = document.getElementById('tag'); s.value = 'plenum';"
            " s.dispatchEvent(new Event('change')); })()")
    page.settle()
    assert page.js("location.hash").startswith("#tag=plenum&")
    assert shown_ids(page) == command_ids(apg, "--tag", "plenum")
    page.click("#q")
    page.call("Input.insertText", text="Malenkov")
    assert page.until("new URLSearchParams(location.hash.slice(1)).get('q')") == "Malenkov"
    assert shown_ids(page) == command_ids(apg, "--tag", "plenum", "--grep", "malenkov")
    assert page.js("document.getElementById('status').textContent") == (
        f"Showing {len(shown_ids(page))} of {len(STORE.events)} events · tag plenum · text “Malenkov”."
    )
    page.js("document.querySelector('.skip').focus()")
    page.key("Enter")  # the skip link goes to the timeline and keeps the filters
    assert page.js("document.activeElement.dataset.eventId") in command_ids(apg, "--tag", "plenum", "--grep", "malenkov")
    assert page.js("location.hash").startswith("#tag=plenum&q=Malenkov")
    page.click("#reset")
    assert shown_ids(page) == command_ids(apg)
    assert page.js("[document.getElementById('tag').value, document.getElementById('q').value]") == ["", ""]
    assert "tag=" not in page.js("location.hash") and "q=" not in page.js("location.hash")


def around(event: Event, days: int = 8) -> str:
    """A view fragment with EVENT in the middle, DAYS either side."""
    return f"view={event.date.earliest - timedelta(days)}/{event.date.latest + timedelta(days)}"


def test_clicking_an_event_opens_its_panel(apg: Invoke, open_page: Opened, whole: Path) -> None:
    event = next(e for e in STORE.events if e.notes and len(e.people) > 1 and len(event_sources(e)) > 1
                 and e.date.precision == "day" and e.summary)
    page = open_page(whole, "#" + around(event))
    page.click(f'[data-event-id="{event.id}"]')
    assert page.js("document.getElementById('panel').hidden") is False
    assert f"event={event.id}" in page.js("location.hash")
    texts = page.js("""(() => {
        const text = (id) => document.getElementById(id).textContent;
        const all = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent);
        return {title: text('panel-title'), when: text('panel-when'), stored: text('panel-stored'),
                words: text('panel-words'), summary: text('panel-summary'),
                people: all('#panel-people button'), tags: all('#panel-tags button'),
                notes: all('#panel-notes li > .t'), refs: all('#panel-notes .refs'),
                sources: all('#panel-sources li > .t'), focus: document.activeElement.id};
    })()""")
    cited = event_sources(event)
    refs = [" — sources " + " ".join(f"[{cited.index(c) + 1}]" for c in note.sources) for note in event.notes]
    assert texts == {
        "title": event.title, "when": event.date.human(), "stored": event.date.text, "words": event.date.in_words(),
        "summary": event.summary,
        "people": [STORE.people[p].name for p in event.people],
        "tags": list(event.tags),
        "notes": [note.text for note in event.notes],
        "refs": refs,
        "sources": [written_out(STORE, citation) for citation in cited],
        "focus": "panel-title",
    }
    links = page.js("[...document.querySelectorAll('#panel-sources a')].map((a) => a.href)")
    assert links == [web_address(STORE.sources[c.id].url) for c in cited if web_address(STORE.sources[c.id].url)]
    page.click("#panel-people li:nth-child(2) button")  # a person is a filter
    person = event.people[1]
    assert shown_ids(page) == command_ids(apg, "--person", person)
    assert page.js("location.hash").startswith(f"#person={person}&event={event.id}")
    page.key("Escape")
    assert page.js("document.getElementById('panel').hidden") is True
    assert page.js("document.activeElement.dataset.eventId") == event.id


def test_copy_buttons_put_each_citation_on_the_clipboard(open_page: Opened, browser: Browser, whole: Path) -> None:
    browser.call("Browser.grantPermissions", permissions=["clipboardReadWrite", "clipboardSanitizedWrite"],
                 origin="file://")
    event = next(e for e in STORE.events if len(event_sources(e)) > 2)
    page = open_page(whole, f"#event={event.id}")
    for number, ident in enumerate((c.id for c in event_sources(event)), 1):
        for style, name in (("mla", "MLA"), ("chicago", "Chicago"), ("apa", "APA")):
            page.click(f'#panel-sources li:nth-child({number}) button[data-style="{style}"]')
            assert page.js("navigator.clipboard.readText()") == format_citation(STORE.sources[ident], style)
            assert page.js("document.getElementById('status').textContent") == f"Copied the {name} citation."
            assert page.js(f"document.querySelector('#panel-sources li:nth-child({number}) "
                           f"button[data-style={style}]').getAttribute('aria-label')") == (
                f"Copy the {name} citation of source {number}"
            )


def test_zoom_buttons_keys_wheel_and_drag(apg: Invoke, open_page: Opened, whole: Path) -> None:
    page = open_page(whole)
    first, last = STORE.events[0].date.earliest, max(e.date.latest for e in STORE.events)
    whole_view = view(page)
    assert whole_view["scale"] == "year"
    assert whole_view["viewStart"] <= first.isoformat() and whole_view["viewEnd"] >= last.isoformat()
    days = span_days(page)
    page.click("#zoom-in")
    assert abs(span_days(page) - days / 2) <= 2
    page.click("#zoom-out")
    assert abs(span_days(page) - days) <= 2
    page.click("#zoom-fit")
    page.key("Tab")  # from the last button of the toolbar into the timeline, on one event
    assert page.js("document.activeElement.dataset.eventId") in command_ids(apg)
    page.key("+")
    page.key("+")
    assert abs(span_days(page) - days / 4) <= 2
    page.key("0")
    assert view(page) == whole_view
    # Arrow keys walk the events in time; Home and End go to the ends; Enter opens the panel.
    order = command_ids(apg, ordered=True)
    page.key("Home")
    assert page.js("document.activeElement.dataset.eventId") == order[0]
    for ident in order[1:4]:
        page.key("ArrowRight")
        assert page.js("document.activeElement.dataset.eventId") == ident
    page.key("ArrowLeft")
    assert page.js("document.activeElement.dataset.eventId") == order[2]
    page.key("End")
    assert page.js("document.activeElement.dataset.eventId") == order[-1]
    assert page.js("document.activeElement.tabIndex") == 0
    assert page.js("document.querySelectorAll('[data-event-id][tabindex=\"0\"]').length") == 1
    page.key("Enter")
    assert page.js("document.getElementById('panel-id').textContent") == order[-1]
    # Down and up move between lanes; Shift+arrows move the view a quarter of its width.
    crisis = next(e for e in STORE.events if "crisis" in e.tags)
    page.js(f"location.hash = '#{around(crisis)}'")
    page.settle()
    page.click(f'[data-event-id="{crisis.id}"]')
    page.key("Escape")
    lanes = page.js("[...document.querySelectorAll('.lane')].map((lane) => lane.dataset.theme)")
    lane = "document.activeElement.closest('.lane').dataset.theme"
    assert (lanes[0], page.js(lane)) == ("crisis", "crisis")
    page.key("ArrowDown")
    assert page.js(lane) == lanes[1]
    page.key("ArrowUp")
    assert page.js(lane) == "crisis"
    before = view(page)["viewStart"]
    page.key("ArrowRight", shift=True)
    assert view(page)["viewStart"] > before
    # The mouse: Ctrl+wheel zooms about the pointer, dragging moves, double-click zooms in.
    page.js("location.hash = '#view=1957-01-01/1957-12-31'")
    page.settle()
    days = span_days(page)
    x, y = page.centre("#viewport")
    page.mouse("mouseWheel", x, y, deltaX=0, deltaY=-300, modifiers=2)
    page.settle()
    assert span_days(page) < days * 0.5
    before = view(page)["viewStart"]
    page.drag("#offices", -300)
    assert view(page)["viewStart"] > before
    page.mouse("mouseWheel", x, y, deltaX=200, deltaY=0)
    page.settle()
    page.until(f"location.hash.includes('view={view(page)['viewStart']}')")  # the view is kept in the address


def test_touch_swipe_and_pinch(open_page: Opened, whole: Path) -> None:
    page = open_page(whole, "#view=1957-06-01/1957-07-31", size=PHONE, mobile=True)
    y = page.centre("#offices")[1]
    start = view(page)["viewStart"]
    page.touch([(300, y), (250, y), (200, y), (150, y), (100, y)])
    assert view(page)["viewStart"] > start
    days = span_days(page)
    page.touch([(180, y), (140, y), (100, y), (60, y)], [(210, y), (250, y), (290, y), (330, y)])
    assert span_days(page) < days / 2


def test_june_1957_is_readable_at_day_scale(open_page: Opened, whole: Path) -> None:
    page = open_page(whole, "#view=1957-06-17/1957-06-30")
    assert view(page)["scale"] == "day"
    boxes = page.js("""[...document.querySelectorAll('[data-event-id]:not([hidden])')]
        .filter((e) => e.dataset.eventId && !e.classList.contains('collapsed'))
        .map((e) => { const r = e.querySelector('.label').getBoundingClientRect();
                      return [e.dataset.eventId, r.left, r.top, r.right, r.bottom]; })
        .filter(([, left, , right]) => right > 0 && left < innerWidth)""")
    crisis = [e.id for e in STORE.events if "crisis" in e.tags and e.date.earliest.isoformat() >= "1957-06-17"
              and e.date.latest.isoformat() <= "1957-06-30"]
    assert len(crisis) >= 15 and set(crisis) <= {box[0] for box in boxes}  # every one titled
    for i, (a, *ra) in enumerate(boxes):
        for b, *rb in boxes[i + 1:]:
            assert ra[2] <= rb[0] or rb[2] <= ra[0] or ra[3] <= rb[1] or rb[3] <= ra[1], f"{a} overlaps {b}"
    shot(page, "desktop-june-1957.png")


def drawn(when: EdtfDate) -> list[str]:
    """How a mark is drawn: its outline and whether it fades at the ends."""
    if when.uncertain:
        return ["dashed", "none"]
    if when.approximate:
        return ["dotted", "none"]
    return ["none", "linear-gradient"] if when.precision != "day" else ["solid", "none"]


def test_dates_drawn_by_certainty_and_named_in_words(apg: Invoke, open_page: Opened, whole: Path,
                                                     tmp_path: Path) -> None:
    marks = """Object.fromEntries([...document.querySelectorAll('[data-event-id]')].map((node) => {
        const bar = getComputedStyle(node.querySelector('.bar'));
        return [node.dataset.eventId, [bar.borderTopStyle, bar.backgroundImage.slice(0, 15),
                                       node.getAttribute('aria-label')]]; }))"""
    page = open_page(whole)
    assert page.js(marks) == {e.id: [*drawn(e.date), f"{e.title}, {e.date.in_words()}"] for e in STORE.events}
    store = DATA / "page-dates.toml"
    page = open_page(write_page(apg, tmp_path, "dates.html", store=store), "#event=approximate-month")
    assert page.js(marks) == {
        "known-day": ["solid", "none", "A known day, 18 June 1957"],
        "known-days": ["solid", "none", "Known days, from 22 June 1957 to 29 June 1957"],
        "uncertain-day": ["dashed", "none", "An uncertain day, 18 June 1957, uncertain"],
        "approximate-day": ["dotted", "none", "An approximate day, 2 November 1956, approximate"],
        "approximate-month": ["dotted", "none", "An approximate month, June 1957, approximate (day not recorded)"],
        "a-month": ["none", "linear-gradient", "Some day in a month, July 1957 (day not recorded)"],
        "a-year": ["none", "linear-gradient", "Some time in a year, 1957 (month and day not recorded)"],
    }
    assert page.js("[document.getElementById('panel-when').textContent, document.getElementById('panel-stored')"
                   ".textContent, document.getElementById('panel-words').textContent]") == [
        "c. Jun 1957", "1957-06~", "June 1957, approximate (day not recorded)",
    ]


def test_screen_readers_get_names_and_labels(open_page: Opened, whole: Path) -> None:
    event = next(e for e in STORE.events if e.date.uncertain)
    page = open_page(whole, "#" + around(event))
    document = page.call("DOM.getDocument")["root"]["nodeId"]
    node = page.call("DOM.querySelector", nodeId=document, selector=f'[data-event-id="{event.id}"]')["nodeId"]
    tree = page.call("Accessibility.getPartialAXTree", nodeId=node, fetchRelatives=False)["nodes"]
    assert (tree[0]["role"]["value"], tree[0]["name"]["value"]) == ("button", f"{event.title}, {event.date.in_words()}")
    labels = page.js("""[...document.querySelectorAll('select, input, button:not([data-event-id])')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => e.labels && e.labels.length ? e.labels[0].textContent.trim().split(/\\s/)[0]
                    : e.getAttribute('aria-label') || e.textContent.trim())""")
    assert "" not in labels and labels[:4] == ["Person", "Tag", "Text", "Reset"]
    assert page.js("document.querySelector('.lane').getAttribute('aria-labelledby')") == "lane-crisis"
    assert page.js("document.getElementById('offices').getAttribute('aria-label')") == (
        "Offices: who held which office when"
    )
    office = next(iter(STORE.offices.values()))
    term = terms_between(STORE, office.id, date.min, date.max)[0]
    assert term.end is not None
    assert page.js("document.querySelector('[role=listitem]').getAttribute('aria-label')") == (
        f"{office.short}: {STORE.people[term.person].name}, {term.start.human()} - {term.end.human()}"
    )


def test_offices_band_draws_each_term(apg: Invoke, open_page: Opened, whole: Path) -> None:
    page = open_page(whole, "#view=1957-06-01/1957-06-30")
    rows = page.js("""[...document.querySelectorAll('.office')].map((row) => [row.getAttribute('aria-label'),
        [...row.querySelectorAll('.term')].filter((t) => { const r = t.getBoundingClientRect();
            return r.right > 0 && r.left < innerWidth; }).map((t) => t.textContent)])""")
    june = (date(1957, 6, 1), date(1957, 6, 30))
    assert rows == [
        [office.title, [STORE.people[term.person].name for term in terms_between(STORE, office.id, *june)]]
        for office in STORE.offices.values()
    ]
    assert rows[4][1] == ["Georgy Zhukov"]
    page.click('.office:nth-child(5) .term[data-person="zhukov"]', inset=None)  # a term is a filter on its holder
    assert page.js("location.hash").startswith("#person=zhukov&")
    assert shown_ids(page) == command_ids(apg, "--person", "zhukov")


def test_print_gives_the_visible_events_as_a_dated_list(apg: Invoke, open_page: Opened, whole: Path) -> None:
    page = open_page(whole, "#tag=plenum")
    page.call("Emulation.setEmulatedMedia", media="print")
    printed = page.js("""[getComputedStyle(document.getElementById('timeline')).display,
        getComputedStyle(document.querySelector('.print-list')).display,
        [...document.querySelectorAll('#print-list li')].map((li) => li.textContent),
        document.getElementById('print-filters').textContent]""")
    events = {e.id: e for e in STORE.events}
    assert printed == ["none", "block",
                       [f"{events[i].date.human()} {events[i].title}"
                        for i in command_ids(apg, "--tag", "plenum", ordered=True)],
                       "Filtered by tag plenum."]
    pdf = page.call("Page.printToPDF")["data"]
    assert len(pdf) > 1000
    page.call("Emulation.setEmulatedMedia", media="")


def test_light_and_dark_follow_the_system(open_page: Opened, whole: Path) -> None:
    page = open_page(whole, "#view=1957-06-15/1957-07-05")
    light = page.js("getComputedStyle(document.documentElement).backgroundColor")
    page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "dark"}])
    page.settle()
    dark = page.js("getComputedStyle(document.documentElement).backgroundColor")
    assert (light, dark) == ("rgb(253, 253, 251)", "rgb(21, 23, 26)")
    shot(page, "desktop-dark.png", full=False)


def test_phone_desktop_and_projector_layouts(open_page: Opened, whole: Path) -> None:
    for name, size, mobile in (("phone", PHONE, True), ("desktop", DESKTOP, False), ("projector", PROJECTOR, False)):
        page = open_page(whole, "#view=1957-06-14/1957-07-01", size=size, mobile=mobile)
        width = page.js("document.getElementById('viewport').getBoundingClientRect().width")
        assert width > size[0] * 0.9, f"{name}: the timeline should take the width"
        shot(page, f"{name}-timeline.png", full=name == "phone")
        page.click('[data-event-id="presidium-vote"]')
        layout = page.js("""[document.documentElement.scrollWidth, getComputedStyle(document.getElementById('panel')).position,
            document.getElementById('viewport').getBoundingClientRect().width]""")
        assert layout[0] <= size[0], f"{name}: the page is wider than the screen"
        assert layout[1] == ("fixed" if name == "phone" else "sticky")  # a sheet over the timeline, or beside it
        assert layout[2] > size[0] * (0.9 if name == "phone" else 0.6)
        shot(page, f"{name}-event.png", full=False)
    if os.environ.get("APG_UPDATE_GOLDEN"):
        shutil.copyfile(SCREENSHOTS / "desktop-event.png", README_PICTURE)
    assert README_PICTURE.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_hostile_store_runs_nothing(apg: Invoke, open_page: Opened, tmp_path: Path) -> None:
    store = DATA / "page-hostile.toml"
    path = write_page(apg, tmp_path, "hostile.html", store=store)
    assert path.read_text(encoding="utf-8").count("</script") == 2
    hostile = load_store([store])
    event = next(e for e in hostile.events if e.id == "script-in-title")
    title = event.title
    page = open_page(path, "#event=script-in-title")
    assert page.js("window.pwned") is None
    shown = page.js("""({label: document.querySelector('[data-event-id="script-in-title"] .label').textContent,
        title: document.getElementById('panel-title').textContent,
        summary: document.getElementById('panel-summary').textContent,
        tags: [...document.querySelectorAll('#panel-tags button')].map((b) => b.textContent),
        people: [...document.querySelectorAll('#panel-people button')].map((b) => b.textContent),
        office: document.querySelector('.office-label').textContent,
        links: [...document.querySelectorAll('#panel a[href]')].map((a) => a.protocol),
        elements: document.querySelectorAll('script, iframe, img, svg, object, embed, b').length})""")
    assert shown == {
        "label": title, "title": title, "summary": event.summary, "tags": list(event.tags),
        "people": [hostile.people["mallory"].name], "office": "<i>Sabotage</i>", "links": ["https:"],
        "elements": 2,  # the page's own two scripts
    }
    for fragment in ("#q=%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E",
                     "#person=%3Csvg%20onload%3Dwindow.pwned%3D2%3E&event=%3C%2Fscript%3E",
                     "#tag=javascript:window.pwned=3&view=0001-01-01/9999-12-31"):
        page.js(f"location.hash = {json.dumps(fragment)}")
        page.settle()
        assert page.js("window.pwned") is None
    page.key("0")
    page.click("#zoom-in")
    assert page.js("document.querySelectorAll('[data-event-id]').length") == 3


def toml_string(text: str) -> str:
    """TEXT as a TOML basic string, every character outside printable ASCII escaped."""
    escaped = "".join(c if " " <= c <= "~" and c not in '"\\' else f"\\u{ord(c):04X}" if ord(c) <= 0xFFFF
                      else f"\\U{ord(c):08X}" for c in text)
    return f'"{escaped}"'


def test_every_hostile_string_is_shown_as_text(apg: Invoke, open_page: Opened, tmp_path: Path) -> None:
    store = tmp_path / "hostile.toml"
    lines = ['[sources.book]\nkind = "book"\ntype = "scholarly"\ntitle = "A book"\nyear = 1990\n',
             '[people.someone]\nname = "Some One"\n']
    for day, (name, text) in enumerate(HOSTILE_STRINGS, 1):
        lines.append(f'[[events]]\nid = "hostile-{name}"\ndate = "1957-06-{day % 28 + 1:02d}"\n'
                     f"title = {toml_string(text)}\nsummary = {toml_string(text)}\ntags = [{toml_string(text)}]\n"
                     f'people = ["someone"]\nsources = ["book"]\n'
                     f'notes = [{{ text = {toml_string(text)}, sources = ["book"] }}]\n')
    store.write_text("\n".join(lines), encoding="utf-8")
    page = open_page(write_page(apg, tmp_path, "hostile.html", store=store), "#view=1957-05-25/1957-07-05")
    shown = page.js("""Object.fromEntries([...document.querySelectorAll('[data-event-id]')]
        .map((node) => [node.dataset.eventId, node.querySelector('.label').textContent]))""")
    assert shown == {f"hostile-{name}": text for name, text in HOSTILE_STRINGS}
    for name, text in HOSTILE_STRINGS:
        page.js(f"location.hash = {json.dumps(f'#event=hostile-{name}')}")
        page.settle()
        assert page.js("""[document.getElementById('panel-title').textContent,
            document.getElementById('panel-summary').textContent,
            document.querySelector('#panel-tags button').textContent,
            document.querySelector('#panel-notes li > .t').textContent]""") == [text] * 4, name
    assert page.js("document.querySelectorAll('script, iframe, img, svg, object, embed').length") == 2
    assert page.js("window.pwned") is None


def shot(page: Page, name: str, full: bool = True) -> None:
    path = SCREENSHOTS / name
    page.screenshot(path, full_page=full)
    screenshot_written(path)
