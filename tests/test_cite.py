"""Bibliography entries in MLA 9, Chicago 17 (notes-bibliography) and APA 7.

Every expected string below was written by hand from the style guides' rules,
not pasted from the code's output. Conventions shared by all three styles here
(see the docstring of anti_party/cite.py):

- plain text: titles of whole works carry no markup (they would be italic);
- titles are given as recorded in the store (no title-case or sentence-case
  conversion), so APA entries keep the store's capitalisation;
- page ranges take an en dash (written "\u2013" below).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from anti_party.cite import STYLES, bibliography, format_citation, sort_key
from anti_party.dates import parse_edtf
from anti_party.model import Source

ACCESSED = dt.date(2026, 11, 21)

# ---------------------------------------------------------------- real records (as in events.toml)

TAUBMAN_2003 = Source(
    id="taubman-2003",
    kind="book", type="scholarly",
    title="Khrushchev: The Man and His Era",
    authors=("Taubman, William",),
    publisher="W. W. Norton",
    place="New York",
    year=2003,
)

MICUNOVIC_1980 = Source(
    id="micunovic-1980",
    kind="book", type="scholarly",
    title="Moscow Diary",
    authors=("Mićunović, Veljko",),
    translators=("Floyd, David",),
    publisher="Doubleday",
    place="Garden City, New York",
    year=1980,
)

RESIS_1993 = Source(
    id="resis-1993",
    kind="book", type="scholarly",
    title="Molotov Remembers: Inside Kremlin Politics: Conversations with Felix Chuev",
    editors=("Resis, Albert",),
    publisher="I. R. Dee",
    place="Chicago",
    year=1993,
)

LINDEN_1966 = Source(
    id="linden-1966",
    kind="book", type="scholarly",
    title="Khrushchev and the Soviet Leadership",
    authors=("Linden, Carl A.",),
    publisher="Johns Hopkins University Press",
    place="Baltimore",
    year=1966,
)

EORH_ENTRY = Source(
    id="eorh-antiparty",
    kind="encyclopedia-entry", type="reference",
    title="Anti-Party Group",
    authors=("Taubman, William",),
    container="Encyclopedia of Russian History",
    editors=("Millar, James R.",),
    publisher="Macmillan Reference USA",
    place="New York",
    year=2004,
)

CC_URL = (
    "http://soviethistory.msu.edu/1956-2/the-anti-party-group/the-anti-party-group-texts/"
    "khrushchev-expels-the-anti-party-group/"
)
CC_RESOLUTION = Source(
    id="cc-resolution-1957",
    kind="document", type="primary",
    title="On the anti-party group of G. M. Malenkov, L. M. Kaganovich, V. M. Molotov",
    authors=("Central Committee of the CPSU",),
    date=parse_edtf("1957-06-29"),
    url=CC_URL,
    accessed=ACCESSED,
)

WP_ANTIPARTY = Source(
    id="wp-antiparty",
    kind="web-page", type="web",
    title="Anti-Party Group",
    container="Wikipedia",
    url="https://en.wikipedia.org/wiki/Anti-Party_Group",
    accessed=ACCESSED,
)

TIME_1958 = Source(
    id="time-1958-bulganin",
    kind="magazine-article",
    type="press",
    title="Drip, Drip, Drip",
    container="Time",
    date=parse_edtf("1958-09-15"),
    url="http://softbeam.net/txt/time/Time1958/1958-09-15/863798.html",
    accessed=ACCESSED,
)

# ---------------------------------------------------------------- TEST DATA: made up or completed for the rules

# Laskovsky's article with a volume and pages added (the store records neither); test data.
LASKOVSKY_1958 = Source(
    id="laskovsky-1958",
    kind="journal-article",
    type="scholarly",
    title="Reflections on Soviet Industrial Reorganization",
    authors=("Laskovsky, Nicholas",),
    container="American Slavic and East European Review",
    year=1958,
    volume="17",
    pages="47-58",
)

# A dated web page with an access date (test data: the site and page are invented).
DATED_PAGE = Source(
    id="test-dated-page",
    kind="web-page", type="web",
    title="Test Page",
    authors=("Doe, Jane",),
    container="Example Site",
    date=parse_edtf("2023-06-03"),
    url="https://example.org/page",
    accessed=ACCESSED,
)

# Invented books for the name rules.
TWO_AUTHORS = Source(
    id="test-two",
    kind="book", type="scholarly",
    title="A Test Book",
    authors=("Doe, Jane", "Roe, Richard"),
    publisher="Example Press",
    place="Springfield",
    year=2001,
)
THREE_AUTHORS = Source(
    id="test-three",
    kind="book", type="scholarly",
    title="A Test Book",
    authors=("Doe, Jane", "Roe, Richard", "Poe, Edgar Allan"),
    publisher="Example Press",
    place="Springfield",
    year=2001,
)
SECOND_EDITION = Source(
    id="test-edition",
    kind="book", type="scholarly",
    title="A Test Book",
    authors=("Doe, Jane",),
    edition="2nd",
    publisher="Example Press",
    place="Springfield",
    year=2001,
)
TWO_EDITORS = Source(
    id="test-editors",
    kind="book", type="scholarly",
    title="A Test Collection",
    editors=("Resis, Albert", "Doe, Jane"),
    publisher="Example Press",
    year=2001,
)
# An invented chapter in an invented edited volume, with pages.
CHAPTER = Source(
    id="test-chapter",
    kind="chapter", type="scholarly",
    title="A Test Chapter",
    authors=("Doe, Jane",),
    container="A Test Collection",
    editors=("Roe, Richard", "Poe, Edgar Allan"),
    publisher="Example Press",
    place="Springfield",
    year=2001,
    pages="10-25",
)
# A person and an organisation whose name has a comma (as cia-caesar-xv in the store); no url.
PERSON_AND_AGENCY = Source(
    id="test-agency",
    kind="document", type="primary",
    title="A Test Report",
    authors=("Bohlen, Avis", "Central Intelligence Agency, Office of Current Intelligence"),
    date=parse_edtf("1962-04-27"),
)

EXPECTED: list[tuple[Source, str, str]] = [
    # a book
    (TAUBMAN_2003, "mla", "Taubman, William. Khrushchev: The Man and His Era. W. W. Norton, 2003."),
    (TAUBMAN_2003, "chicago", "Taubman, William. Khrushchev: The Man and His Era. New York: W. W. Norton, 2003."),
    (TAUBMAN_2003, "apa", "Taubman, W. (2003). Khrushchev: The Man and His Era. W. W. Norton."),
    # MLA shortens "University Press" to "UP"; Chicago and APA keep the name
    (LINDEN_1966, "mla", "Linden, Carl A. Khrushchev and the Soviet Leadership. Johns Hopkins UP, 1966."),
    (
        LINDEN_1966,
        "chicago",
        "Linden, Carl A. Khrushchev and the Soviet Leadership. Baltimore: Johns Hopkins University Press, 1966.",
    ),
    (LINDEN_1966, "apa", "Linden, C. A. (1966). Khrushchev and the Soviet Leadership. Johns Hopkins University Press."),
    # a translated book
    (MICUNOVIC_1980, "mla", "Mićunović, Veljko. Moscow Diary. Translated by David Floyd, Doubleday, 1980."),
    (
        MICUNOVIC_1980,
        "chicago",
        "Mićunović, Veljko. Moscow Diary. Translated by David Floyd. Garden City, New York: Doubleday, 1980.",
    ),
    (MICUNOVIC_1980, "apa", "Mićunović, V. (1980). Moscow Diary (D. Floyd, Trans.). Doubleday."),
    # an edited volume
    (
        RESIS_1993,
        "mla",
        "Resis, Albert, editor. Molotov Remembers: Inside Kremlin Politics: Conversations with Felix Chuev."
        " I. R. Dee, 1993.",
    ),
    (
        RESIS_1993,
        "chicago",
        "Resis, Albert, ed. Molotov Remembers: Inside Kremlin Politics: Conversations with Felix Chuev."
        " Chicago: I. R. Dee, 1993.",
    ),
    (
        RESIS_1993,
        "apa",
        "Resis, A. (Ed.). (1993). Molotov Remembers: Inside Kremlin Politics: Conversations with Felix Chuev."
        " I. R. Dee.",
    ),
    (TWO_EDITORS, "mla", "Resis, Albert, and Jane Doe, editors. A Test Collection. Example Press, 2001."),
    (TWO_EDITORS, "chicago", "Resis, Albert, and Jane Doe, eds. A Test Collection. Example Press, 2001."),
    (TWO_EDITORS, "apa", "Resis, A., & Doe, J. (Eds.). (2001). A Test Collection. Example Press."),
    # an encyclopedia entry
    (
        EORH_ENTRY,
        "mla",
        'Taubman, William. "Anti-Party Group." Encyclopedia of Russian History, edited by James R. Millar,'
        " Macmillan Reference USA, 2004.",
    ),
    (
        EORH_ENTRY,
        "chicago",
        'Taubman, William. "Anti-Party Group." In Encyclopedia of Russian History, edited by James R. Millar.'
        " New York: Macmillan Reference USA, 2004.",
    ),
    (
        EORH_ENTRY,
        "apa",
        "Taubman, W. (2004). Anti-Party Group. In J. R. Millar (Ed.), Encyclopedia of Russian History."
        " Macmillan Reference USA.",
    ),
    # a chapter in an edited volume, with pages
    (
        CHAPTER,
        "mla",
        'Doe, Jane. "A Test Chapter." A Test Collection, edited by Richard Roe and Edgar Allan Poe,'
        " Example Press, 2001, pp. 10\u201325.",
    ),
    (
        CHAPTER,
        "chicago",
        'Doe, Jane. "A Test Chapter." In A Test Collection, edited by Richard Roe and Edgar Allan Poe,'
        " 10\u201325. Springfield: Example Press, 2001.",
    ),
    (
        CHAPTER,
        "apa",
        "Doe, J. (2001). A Test Chapter. In R. Roe & E. A. Poe (Eds.), A Test Collection (pp. 10\u201325)."
        " Example Press.",
    ),
    # a document by a corporate author, with a full date; read online
    (
        CC_RESOLUTION,
        "mla",
        "Central Committee of the CPSU. On the anti-party group of G. M. Malenkov, L. M. Kaganovich,"
        " V. M. Molotov. 29 June 1957, soviethistory.msu.edu/1956-2/the-anti-party-group/"
        "the-anti-party-group-texts/khrushchev-expels-the-anti-party-group/. Accessed 21 Nov. 2026.",
    ),
    (
        # Chicago 14.12: no access date when the source is dated
        CC_RESOLUTION,
        "chicago",
        "Central Committee of the CPSU. On the anti-party group of G. M. Malenkov, L. M. Kaganovich,"
        f" V. M. Molotov. June 29, 1957. {CC_URL}.",
    ),
    (
        # APA: no retrieval date for a fixed document; no period after a URL
        CC_RESOLUTION,
        "apa",
        "Central Committee of the CPSU. (1957, June 29). On the anti-party group of G. M. Malenkov,"
        f" L. M. Kaganovich, V. M. Molotov. {CC_URL}",
    ),
    # a web page with an access date and no date of its own
    (
        WP_ANTIPARTY,
        "mla",
        '"Anti-Party Group." Wikipedia, en.wikipedia.org/wiki/Anti-Party_Group. Accessed 21 Nov. 2026.',
    ),
    (
        WP_ANTIPARTY,
        "chicago",
        '"Anti-Party Group." Wikipedia. Accessed November 21, 2026. https://en.wikipedia.org/wiki/Anti-Party_Group.',
    ),
    (
        WP_ANTIPARTY,
        "apa",
        "Anti-Party Group. (n.d.). Wikipedia. Retrieved November 21, 2026,"
        " from https://en.wikipedia.org/wiki/Anti-Party_Group",
    ),
    # a dated web page with an author
    (
        DATED_PAGE,
        "mla",
        'Doe, Jane. "Test Page." Example Site, 3 June 2023, example.org/page. Accessed 21 Nov. 2026.',
    ),
    (DATED_PAGE, "chicago", 'Doe, Jane. "Test Page." Example Site. June 3, 2023. https://example.org/page.'),
    (
        DATED_PAGE,
        "apa",
        "Doe, J. (2023, June 3). Test Page. Example Site. Retrieved November 21, 2026, from https://example.org/page",
    ),
    # a journal article with volume and pages
    (
        LASKOVSKY_1958,
        "mla",
        'Laskovsky, Nicholas. "Reflections on Soviet Industrial Reorganization."'
        " American Slavic and East European Review, vol. 17, 1958, pp. 47\u201358.",
    ),
    (
        LASKOVSKY_1958,
        "chicago",
        'Laskovsky, Nicholas. "Reflections on Soviet Industrial Reorganization."'
        " American Slavic and East European Review 17 (1958): 47\u201358.",
    ),
    (
        LASKOVSKY_1958,
        "apa",
        "Laskovsky, N. (1958). Reflections on Soviet Industrial Reorganization."
        " American Slavic and East European Review, 17, 47\u201358.",
    ),
    # an unsigned magazine article with a full date, read online
    (
        TIME_1958,
        "mla",
        '"Drip, Drip, Drip." Time, 15 Sept. 1958, softbeam.net/txt/time/Time1958/1958-09-15/863798.html.'
        " Accessed 21 Nov. 2026.",
    ),
    (
        TIME_1958,
        "chicago",
        '"Drip, Drip, Drip." Time, September 15, 1958. http://softbeam.net/txt/time/Time1958/1958-09-15/863798.html.',
    ),
    (
        TIME_1958,
        "apa",
        "Drip, Drip, Drip. (1958, September 15). Time. http://softbeam.net/txt/time/Time1958/1958-09-15/863798.html",
    ),
    # two and three authors
    (TWO_AUTHORS, "mla", "Doe, Jane, and Richard Roe. A Test Book. Example Press, 2001."),
    (TWO_AUTHORS, "chicago", "Doe, Jane, and Richard Roe. A Test Book. Springfield: Example Press, 2001."),
    (TWO_AUTHORS, "apa", "Doe, J., & Roe, R. (2001). A Test Book. Example Press."),
    (THREE_AUTHORS, "mla", "Doe, Jane, et al. A Test Book. Example Press, 2001."),
    (
        THREE_AUTHORS,
        "chicago",
        "Doe, Jane, Richard Roe, and Edgar Allan Poe. A Test Book. Springfield: Example Press, 2001.",
    ),
    (THREE_AUTHORS, "apa", "Doe, J., Roe, R., & Poe, E. A. (2001). A Test Book. Example Press."),
    # an edition
    (SECOND_EDITION, "mla", "Doe, Jane. A Test Book. 2nd ed., Example Press, 2001."),
    (SECOND_EDITION, "chicago", "Doe, Jane. A Test Book. 2nd ed. Springfield: Example Press, 2001."),
    (SECOND_EDITION, "apa", "Doe, J. (2001). A Test Book (2nd ed.). Example Press."),
    # an organisation whose name has a comma is never inverted
    (
        PERSON_AND_AGENCY,
        "mla",
        "Bohlen, Avis, and Central Intelligence Agency, Office of Current Intelligence. A Test Report. 27 Apr. 1962.",
    ),
    (
        PERSON_AND_AGENCY,
        "chicago",
        "Bohlen, Avis, and Central Intelligence Agency, Office of Current Intelligence. A Test Report. April 27, 1962.",
    ),
    (
        PERSON_AND_AGENCY,
        "apa",
        "Bohlen, A., & Central Intelligence Agency, Office of Current Intelligence. (1962, April 27). A Test Report.",
    ),
]


@pytest.mark.parametrize(
    ("source", "style", "expected"),
    EXPECTED,
    ids=[f"{source.id}-{style}" for source, style, _ in EXPECTED],
)
def test_format_citation(source: Source, style: str, expected: str) -> None:
    assert format_citation(source, style) == expected


def test_every_style_has_every_kind() -> None:
    kinds = {"book", "journal-article", "magazine-article", "chapter", "encyclopedia-entry", "document", "web-page"}
    for style in STYLES:
        assert {source.kind for source, s, _ in EXPECTED if s == style} == kinds


def test_unknown_style_is_an_error() -> None:
    with pytest.raises(ValueError, match="harvard"):
        format_citation(TAUBMAN_2003, "harvard")


def test_many_authors() -> None:
    """Chicago lists up to ten authors, else seven and et al.; APA lists up to twenty, else 19 . . . last."""
    names = tuple(f"Author{n:02d}, Given" for n in range(1, 23))
    eleven = Source(id="test-eleven", kind="book", type="scholarly", title="T", authors=names[:11], year=2001)
    chicago = format_citation(eleven, "chicago")
    assert chicago.startswith("Author01, Given, Given Author02, ")
    assert "Given Author07, et al. T. 2001." in chicago
    assert "Author08" not in chicago
    ten = Source(id="test-ten", kind="book", type="scholarly", title="T", authors=names[:10], year=2001)
    assert format_citation(ten, "chicago").endswith("Given Author09, and Given Author10. T. 2001.")
    twenty_two = Source(id="test-many", kind="book", type="scholarly", title="T", authors=names, year=2001)
    apa = format_citation(twenty_two, "apa")
    assert apa.endswith("Author19, G., . . . Author22, G. (2001). T.")
    assert "Author20" not in apa and "&" not in apa


ORDER_SOURCES = [
    TAUBMAN_2003,
    RESIS_1993,
    EORH_ENTRY,
    WP_ANTIPARTY,
    CC_RESOLUTION,
    MICUNOVIC_1980,
    LINDEN_1966,
    Source(id="test-the", kind="web-page", type="web", title="The Bulganin Question", container="Example Site"),  # test data
]


def test_bibliography_order_mla_and_chicago() -> None:
    """Alphabetical by first author (or by title, leading article ignored); one author's works by title."""
    expected_ids = [
        "wp-antiparty",  # "Anti-Party Group" (no author)
        "test-the",  # "The Bulganin Question" files under B
        "cc-resolution-1957",  # Central Committee
        "linden-1966",
        "micunovic-1980",  # Mićunović files as Micunovic
        "resis-1993",  # an editor in the author's place
        "eorh-antiparty",  # Taubman, "Anti-Party Group"
        "taubman-2003",  # Taubman, Khrushchev
    ]
    for style in ("mla", "chicago"):
        ordered = sorted(ORDER_SOURCES, key=lambda source: sort_key(source, style))
        assert [source.id for source in ordered] == expected_ids
        by_id = {source.id: source for source in ORDER_SOURCES}
        assert bibliography(ORDER_SOURCES, style) == [format_citation(by_id[i], style) for i in expected_ids]


def test_bibliography_order_apa() -> None:
    """APA: author, then year, so Taubman 2003 comes before Taubman 2004."""
    entries = bibliography(ORDER_SOURCES, "apa")
    assert entries[-2:] == [format_citation(TAUBMAN_2003, "apa"), format_citation(EORH_ENTRY, "apa")]
    assert entries[0].startswith("Anti-Party Group. (n.d.).")


def test_apa_undated_work_precedes_dated_work_by_same_author() -> None:
    undated = Source(id="test-undated", kind="web-page", type="web", title="Z", authors=("Doe, Jane",))
    dated = Source(id="test-dated", kind="web-page", type="web", title="A", authors=("Doe, Jane",), year=1990)
    assert bibliography([dated, undated], "apa")[0].startswith("Doe, J. (n.d.). Z.")
    assert bibliography([dated, undated], "mla")[0].startswith('Doe, Jane. "A."')


_BAD = re.compile(r"\(\s*\)|,\.|\.\.|, ,|,,|\s[.,]|None|\s{2}")


def test_every_source_in_the_store_formats_cleanly() -> None:
    from anti_party.store import default_store_path, load_store

    store = load_store([default_store_path()])
    assert store.sources
    for source in store.sources.values():
        for style in STYLES:
            text = format_citation(source, style)
            assert text, (source.id, style)
            assert not _BAD.search(text.replace(source.url or "\0", "URL")), (source.id, style, text)
            assert source.title.replace('"', "'") in text, (source.id, style, text)
