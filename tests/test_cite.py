"""Citations: every kind of source in MLA 9, Chicago 18 and APA 7, as entries, notes and in-text forms.

Each expected string is written by hand from the guides' rules and model entries (see
docs/citations.md); none is copied from the program's output. Sources marked "test data"
are made up to exercise a rule the packaged store does not reach.
"""

from __future__ import annotations

import datetime as dt

import pytest

from anti_party.cite import CitationFormError, CitationRequest, bibliography, format_citation, gaps, located
from anti_party.cite.markup import output, plain
from anti_party.cite.words import fold, number_words, title_case
from anti_party.dates import parse_edtf
from anti_party.model import Citation, Source
from anti_party.store import default_store_path, load_store

ACCESSED = dt.date(2026, 11, 21)

TAUBMAN = Source(
    id="taubman-2003", kind="book", type="scholarly", title="Khrushchev: The man and his era",
    authors=("Taubman, William",), publisher="W. W. Norton", place="New York", year=2003,
)
MICUNOVIC = Source(
    id="micunovic-1980", kind="book", type="primary", title="Moscow diary", authors=("Mićunović, Veljko",),
    translators=("Floyd, David",), publisher="Doubleday", place="Garden City, NY", year=1980,
)
RESIS = Source(
    id="resis-1993", kind="book", type="primary",
    title="Molotov remembers: Inside Kremlin politics: Conversations with Felix Chuev",
    editors=("Resis, Albert",), publisher="I. R. Dee", place="Chicago", year=1993,
)
SHEPILOV = Source(
    id="shepilov-2001", kind="book", type="primary", title="Neprimknuvshii: Vospominaniia",
    title_native="Непримкнувший: Воспоминания", title_english="The one who did not join: Memoirs",
    authors=("Shepilov, D. T.",), publisher="Vagrius", place="Moscow", year=2001, language="Russian",
)
CHAPTER = Source(  # test data
    id="test-chapter", kind="chapter", type="scholarly", title="The plenum of June 1957",
    authors=("Doe, Jane",), container="The Khrushchev era: New perspectives", editors=("Roe, Richard",),
    publisher="Test University Press", year=2010, pages="45-67",
)
EORH = Source(
    id="eorh-antiparty", kind="encyclopedia-entry", type="reference", title="Anti-Party Group",
    authors=("Taubman, William",), container="Encyclopedia of Russian history", editors=("Millar, James R.",),
    publisher="Macmillan Reference USA", place="New York", year=2004,
)
BRITANNICA = Source(
    id="britannica-malenkov", kind="encyclopedia-entry", type="reference", title="Georgy Maksimilianovich Malenkov",
    container="Encyclopaedia Britannica", url="https://www.britannica.com/biography/Georgy-Maksimilianovich-Malenkov",
    accessed=ACCESSED,
)
WIKIPEDIA = Source(
    id="wp-antiparty", kind="encyclopedia-entry", type="web", title="Anti-Party Group", container="Wikipedia",
    url="https://en.wikipedia.org/wiki/Anti-Party_Group", accessed=ACCESSED,
)
JOURNAL = Source(  # volume, issue and pages are test data
    id="laskovsky-1958", kind="journal-article", type="scholarly", title="Reflections on Soviet industrial reorganization",
    authors=("Laskovsky, Nicholas",), container="American Slavic and East European Review", year=1958,
    volume="17", issue="1", pages="47-58",
)
MAGAZINE = Source(
    id="time-1958-bulganin", kind="magazine-article", type="press", title="Drip, drip, drip", container="Time",
    date=parse_edtf("1958-09-15"), url="https://time.com/archive/drip-drip-drip/", accessed=ACCESSED,
)
NEWSPAPER = Source(
    id="press-1961-molotov", kind="newspaper-article", type="press", title="Molotov expelled from party",
    container="The Press", place="Christchurch", date=parse_edtf("1961-11-13"), pages="13",
    url="https://paperspast.natlib.govt.nz/newspapers/CHP19611113.2.3", accessed=ACCESSED,
)
SIGNED_NEWSPAPER = Source(  # test data
    id="test-times", kind="newspaper-article", type="press", title="A day in Moscow", authors=("Doe, Jane",),
    container="The Times", place="London", date=parse_edtf("1957-07-04"),
)
REPORT = Source(
    id="cia-caesar-xv", kind="document", type="primary", title="Khrushchev and the \u201cAnti-Party Group\u201d (1953-1957)",
    authors=("Central Intelligence Agency",), number="OCI No. 1608/62", date=parse_edtf("1962-04-27"),
    url="https://www.cia.gov/readingroom/document/0001408630", accessed=ACCESSED,
)
ARCHIVE_DOCUMENT = Source(
    id="wilson-plenum-1957-06-25", kind="document", type="primary",
    title="Transcript of CPSU CC plenum, evening, 25 June 1957", container="Wilson Center Digital Archive",
    date=parse_edtf("1957-06-25"), url="https://digitalarchive.wilsoncenter.org/document/115650", accessed=ACCESSED,
)
COLLECTED_DOCUMENT = Source(  # test data
    id="test-resolution", kind="document", type="primary", title="Resolution on the anti-party group",
    authors=("Central Committee of the CPSU",), container="Documents on Soviet politics, 1953\u20131964",
    editors=("Roe, Richard",), publisher="Test Press", year=2001, pages="12-15",
)
DATED_PAGE = Source(  # test data
    id="test-dated-page", kind="web-page", type="web", title="Notes on the 1957 crisis", authors=("Doe, Jane",),
    container="Example History Site", date=parse_edtf("2023-06-03"), url="https://example.org/notes",
    accessed=ACCESSED,
)
UNDATED_PAGE = Source(  # test data
    id="test-undated-page", kind="web-page", type="web", title="A page about Molotov", container="Example Site",
    url="https://example.org/molotov", accessed=ACCESSED,
)
CORPORATE = Source(  # test data
    id="test-corporate", kind="book", type="primary", title="Soviet leadership handbook",
    authors=("Central Intelligence Agency",), publisher="Central Intelligence Agency", year=1960,
)
UNDATED_BOOK = Source(  # test data
    id="test-undated", kind="book", type="web", title="An undated pamphlet", publisher="Test Press",
)

def marked(text: str) -> str:
    """An expected entry with <i>...</i> turned into the italic marks the formatter writes."""
    return text.replace("<i>", "\x0e").replace("</i>", "\x0f")


ENTRIES = [
    # ---- books
    (TAUBMAN, "mla", "Taubman, William. <i>Khrushchev: The Man and His Era</i>. W. W. Norton, 2003."),
    (TAUBMAN, "chicago", "Taubman, William. <i>Khrushchev: The Man and His Era</i>. W. W. Norton, 2003."),
    (TAUBMAN, "apa", "Taubman, W. (2003). <i>Khrushchev: The man and his era</i>. W. W. Norton."),
    (MICUNOVIC, "mla", "Mićunović, Veljko. <i>Moscow Diary</i>. Translated by David Floyd, Doubleday, 1980."),
    (MICUNOVIC, "chicago", "Mićunović, Veljko. <i>Moscow Diary</i>. Translated by David Floyd. Doubleday, 1980."),
    (MICUNOVIC, "apa", "Mićunović, V. (1980). <i>Moscow diary</i> (D. Floyd, Trans.). Doubleday."),
    (RESIS, "mla", "Resis, Albert, editor. <i>Molotov Remembers: Inside Kremlin Politics: Conversations with Felix "
                   "Chuev</i>. I. R. Dee, 1993."),
    (RESIS, "chicago", "Resis, Albert, ed. <i>Molotov Remembers: Inside Kremlin Politics: Conversations with Felix "
                       "Chuev</i>. I. R. Dee, 1993."),
    (RESIS, "apa", "Resis, A. (Ed.). (1993). <i>Molotov remembers: Inside Kremlin politics: Conversations with Felix "
                   "Chuev</i>. I. R. Dee."),
    (SHEPILOV, "mla", "Shepilov, D. T. <i>Neprimknuvshii: Vospominaniia</i> [The one who did not join: Memoirs]. "
                      "Vagrius, 2001."),
    (SHEPILOV, "chicago", "Shepilov, D. T. <i>Neprimknuvshii: Vospominaniia</i> [The one who did not join: Memoirs]. "
                          "Vagrius, 2001."),
    (SHEPILOV, "apa", "Shepilov, D. T. (2001). <i>Neprimknuvshii: Vospominaniia</i> [The one who did not join: "
                      "Memoirs]. Vagrius."),
    (CORPORATE, "mla", "<i>Soviet Leadership Handbook</i>. Central Intelligence Agency, 1960."),
    (CORPORATE, "chicago", "Central Intelligence Agency. <i>Soviet Leadership Handbook</i>. Central Intelligence "
                           "Agency, 1960."),
    (CORPORATE, "apa", "Central Intelligence Agency. (1960). <i>Soviet leadership handbook</i>."),
    (UNDATED_BOOK, "mla", "<i>An Undated Pamphlet</i>. Test Press."),
    (UNDATED_BOOK, "chicago", "<i>An Undated Pamphlet</i>. Test Press, n.d."),
    (UNDATED_BOOK, "apa", "<i>An undated pamphlet</i>. (n.d.). Test Press."),
    # ---- chapters and reference entries
    (CHAPTER, "mla", "Doe, Jane. \u201cThe Plenum of June 1957.\u201d <i>The Khrushchev Era: New Perspectives</i>, "
                     "edited by Richard Roe, Test UP, 2010, pp. 45\u201367."),
    (CHAPTER, "chicago", "Doe, Jane. \u201cThe Plenum of June 1957.\u201d In <i>The Khrushchev Era: New "
                         "Perspectives</i>, edited by Richard Roe, 45\u201367. Test University Press, 2010."),
    (CHAPTER, "apa", "Doe, J. (2010). The plenum of June 1957. In R. Roe (Ed.), <i>The Khrushchev era: New "
                     "perspectives</i> (pp. 45\u201367). Test University Press."),
    (EORH, "mla", "Taubman, William. \u201cAnti-Party Group.\u201d <i>Encyclopedia of Russian History</i>, edited by "
                  "James R. Millar, Macmillan Reference USA, 2004."),
    (EORH, "chicago", "Taubman, William. \u201cAnti-Party Group.\u201d In <i>Encyclopedia of Russian History</i>, "
                      "edited by James R. Millar. Macmillan Reference USA, 2004."),
    (EORH, "apa", "Taubman, W. (2004). Anti-Party Group. In J. R. Millar (Ed.), <i>Encyclopedia of Russian "
                  "history</i>. Macmillan Reference USA."),
    (BRITANNICA, "mla", "\u201cGeorgy Maksimilianovich Malenkov.\u201d <i>Encyclopaedia Britannica</i>, "
                        "www.britannica.com/biography/Georgy-Maksimilianovich-Malenkov. Accessed 21 Nov. 2026."),
    (BRITANNICA, "chicago", "<i>Encyclopaedia Britannica</i>. \u201cGeorgy Maksimilianovich Malenkov.\u201d Accessed "
                            "November 21, 2026. https://www.britannica.com/biography/Georgy-Maksimilianovich-Malenkov."),
    (BRITANNICA, "apa", "Georgy Maksimilianovich Malenkov. (n.d.). In <i>Encyclopaedia Britannica</i>. Retrieved "
                        "November 21, 2026, from https://www.britannica.com/biography/Georgy-Maksimilianovich-Malenkov"),
    (WIKIPEDIA, "mla", "\u201cAnti-Party Group.\u201d <i>Wikipedia</i>, en.wikipedia.org/wiki/Anti-Party_Group. "
                       "Accessed 21 Nov. 2026."),
    (WIKIPEDIA, "chicago", "Wikipedia. \u201cAnti-Party Group.\u201d Accessed November 21, 2026. "
                           "https://en.wikipedia.org/wiki/Anti-Party_Group."),
    (WIKIPEDIA, "apa", "Anti-Party Group. (n.d.). In <i>Wikipedia</i>. Retrieved November 21, 2026, from "
                       "https://en.wikipedia.org/wiki/Anti-Party_Group"),
    # ---- periodicals
    (JOURNAL, "mla", "Laskovsky, Nicholas. \u201cReflections on Soviet Industrial Reorganization.\u201d <i>American "
                     "Slavic and East European Review</i>, vol. 17, no. 1, 1958, pp. 47\u201358."),
    (JOURNAL, "chicago", "Laskovsky, Nicholas. \u201cReflections on Soviet Industrial Reorganization.\u201d "
                         "<i>American Slavic and East European Review</i> 17, no. 1 (1958): 47\u201358."),
    (JOURNAL, "apa", "Laskovsky, N. (1958). Reflections on Soviet industrial reorganization. <i>American Slavic and "
                     "East European Review, 17</i>(1), 47\u201358."),
    (MAGAZINE, "mla", "\u201cDrip, Drip, Drip.\u201d <i>Time</i>, 15 Sept. 1958, time.com/archive/drip-drip-drip/."),
    (MAGAZINE, "chicago", "<i>Time</i>. \u201cDrip, Drip, Drip.\u201d September 15, 1958. "
                          "https://time.com/archive/drip-drip-drip/."),
    (MAGAZINE, "apa", "Drip, drip, drip. (1958, September 15). <i>Time</i>. https://time.com/archive/drip-drip-drip/"),
    (NEWSPAPER, "mla", "\u201cMolotov Expelled from Party.\u201d <i>The Press</i> [Christchurch], 13 Nov. 1961, p. 13, "
                       "paperspast.natlib.govt.nz/newspapers/CHP19611113.2.3."),
    (NEWSPAPER, "chicago", "<i>Press</i> (Christchurch). \u201cMolotov Expelled from Party.\u201d November 13, 1961. "
                           "https://paperspast.natlib.govt.nz/newspapers/CHP19611113.2.3."),
    (NEWSPAPER, "apa", "Molotov expelled from party. (1961, November 13). <i>The Press</i>, p. 13. "
                       "https://paperspast.natlib.govt.nz/newspapers/CHP19611113.2.3"),
    (SIGNED_NEWSPAPER, "mla", "Doe, Jane. \u201cA Day in Moscow.\u201d <i>The Times</i> [London], 4 July 1957."),
    (SIGNED_NEWSPAPER, "chicago", "Doe, Jane. \u201cA Day in Moscow.\u201d <i>Times</i> (London), July 4, 1957."),
    (SIGNED_NEWSPAPER, "apa", "Doe, J. (1957, July 4). A day in Moscow. <i>The Times</i>."),
    # ---- documents
    (REPORT, "mla", "Central Intelligence Agency. <i>Khrushchev and the \u201cAnti-Party Group\u201d (1953\u20131957)</i>. "
                    "OCI No. 1608/62, 27 Apr. 1962, www.cia.gov/readingroom/document/0001408630."),
    (REPORT, "chicago", "Central Intelligence Agency. <i>Khrushchev and the \u201cAnti-Party Group\u201d "
                        "(1953\u20131957)</i>. OCI No. 1608/62. April 27, 1962. "
                        "https://www.cia.gov/readingroom/document/0001408630."),
    (REPORT, "apa", "Central Intelligence Agency. (1962, April 27). <i>Khrushchev and the \u201cAnti-Party Group\u201d "
                    "(1953\u20131957)</i> (OCI No. 1608/62). https://www.cia.gov/readingroom/document/0001408630"),
    (ARCHIVE_DOCUMENT, "mla", "\u201cTranscript of CPSU CC Plenum, Evening, 25 June 1957.\u201d <i>Wilson Center "
                              "Digital Archive</i>, 25 June 1957, digitalarchive.wilsoncenter.org/document/115650."),
    (ARCHIVE_DOCUMENT, "chicago", "\u201cTranscript of CPSU CC Plenum, Evening, 25 June 1957.\u201d June 25, 1957. "
                                  "Wilson Center Digital Archive. https://digitalarchive.wilsoncenter.org/document/115650."),
    (ARCHIVE_DOCUMENT, "apa", "<i>Transcript of CPSU CC plenum, evening, 25 June 1957</i>. (1957, June 25). Wilson "
                              "Center Digital Archive. https://digitalarchive.wilsoncenter.org/document/115650"),
    (COLLECTED_DOCUMENT, "mla", "Central Committee of the CPSU. \u201cResolution on the Anti-Party Group.\u201d "
                                "<i>Documents on Soviet Politics, 1953\u20131964</i>, edited by Richard Roe, Test Press, "
                                "2001, pp. 12\u201315."),
    (COLLECTED_DOCUMENT, "chicago", "Central Committee of the CPSU. \u201cResolution on the Anti-Party Group.\u201d In "
                                    "<i>Documents on Soviet Politics, 1953\u20131964</i>, edited by Richard Roe, 12\u201315. "
                                    "Test Press, 2001."),
    (COLLECTED_DOCUMENT, "apa", "Central Committee of the CPSU. (2001). Resolution on the anti-party group. In R. Roe "
                                "(Ed.), <i>Documents on Soviet politics, 1953\u20131964</i> (pp. 12\u201315). Test Press."),
    # ---- web pages
    (DATED_PAGE, "mla", "Doe, Jane. \u201cNotes on the 1957 Crisis.\u201d <i>Example History Site</i>, 3 June 2023, "
                        "example.org/notes."),
    (DATED_PAGE, "chicago", "Doe, Jane. \u201cNotes on the 1957 Crisis.\u201d Example History Site. June 3, 2023. "
                            "https://example.org/notes."),
    (DATED_PAGE, "apa", "Doe, J. (2023, June 3). <i>Notes on the 1957 crisis</i>. Example History Site. "
                        "https://example.org/notes"),
    (UNDATED_PAGE, "mla", "\u201cA Page about Molotov.\u201d <i>Example Site</i>, example.org/molotov. Accessed 21 Nov. "
                          "2026."),
    (UNDATED_PAGE, "chicago", "\u201cA Page About Molotov.\u201d Example Site. Accessed November 21, 2026. "
                              "https://example.org/molotov."),
    (UNDATED_PAGE, "apa", "<i>A page about Molotov</i>. (n.d.). Example Site. Retrieved November 21, 2026, from "
                          "https://example.org/molotov"),
]


@pytest.mark.parametrize(("source", "style", "expected"), ENTRIES, ids=lambda v: getattr(v, "id", str(v)[:12]))
def test_entry(source: Source, style: str, expected: str) -> None:
    assert bibliography([source], style) == [marked(expected)]
    assert format_citation(source, style) == expected.replace("<i>", "").replace("</i>", "")


def test_every_kind_in_every_style() -> None:
    kinds = {"book", "chapter", "encyclopedia-entry", "journal-article", "magazine-article", "newspaper-article",
             "document", "web-page"}
    for style in ("mla", "chicago", "apa"):
        assert {source.kind for source, s, _ in ENTRIES if s == style} == kinds


PAGE = Citation("x", pages="312")
NOTES = [
    (TAUBMAN, PAGE, "William Taubman, <i>Khrushchev: The Man and His Era</i> (W. W. Norton, 2003), 312.",
     "Taubman, <i>Khrushchev</i>, 312."),
    (MICUNOVIC, Citation("x", pages="45"), "Veljko Mićunović, <i>Moscow Diary</i>, trans. David Floyd (Doubleday, "
                                           "1980), 45.", "Mićunović, <i>Moscow Diary</i>, 45."),
    (RESIS, Citation("x", pages="12-14"), "Albert Resis, ed., <i>Molotov Remembers: Inside Kremlin Politics: "
                                          "Conversations with Felix Chuev</i> (I. R. Dee, 1993), 12\u201314.",
     "Resis, <i>Molotov Remembers</i>, 12\u201314."),
    (SHEPILOV, None, "D. T. Shepilov, <i>Neprimknuvshii: Vospominaniia</i> [The one who did not join: Memoirs] "
                     "(Vagrius, 2001).", "Shepilov, <i>Neprimknuvshii</i>."),
    (CHAPTER, Citation("x", pages="50"), "Jane Doe, \u201cThe Plenum of June 1957,\u201d in <i>The Khrushchev Era: New "
                                         "Perspectives</i>, ed. Richard Roe (Test University Press, 2010), 50.",
     "Doe, \u201cPlenum of June 1957,\u201d 50."),
    (EORH, None, "William Taubman, \u201cAnti-Party Group,\u201d in <i>Encyclopedia of Russian History</i>, ed. James "
                 "R. Millar (Macmillan Reference USA, 2004).", "Taubman, \u201cAnti-Party Group.\u201d"),
    (BRITANNICA, None, "<i>Encyclopaedia Britannica</i>, under \u201cGeorgy Maksimilianovich Malenkov,\u201d accessed "
                       "November 21, 2026, https://www.britannica.com/biography/Georgy-Maksimilianovich-Malenkov.",
     "<i>Encyclopaedia Britannica</i>, under \u201cGeorgy Maksimilianovich Malenkov.\u201d"),
    (WIKIPEDIA, None, "Wikipedia, under \u201cAnti-Party Group,\u201d accessed November 21, 2026, "
                      "https://en.wikipedia.org/wiki/Anti-Party_Group.", "Wikipedia, under \u201cAnti-Party Group.\u201d"),
    (JOURNAL, Citation("x", pages="50"), "Nicholas Laskovsky, \u201cReflections on Soviet Industrial "
                                         "Reorganization,\u201d <i>American Slavic and East European Review</i> 17, "
                                         "no. 1 (1958): 50.",
     "Laskovsky, \u201cReflections on Soviet Industrial Reorganization,\u201d 50."),
    (MAGAZINE, None, "\u201cDrip, Drip, Drip,\u201d <i>Time</i>, September 15, 1958, "
                     "https://time.com/archive/drip-drip-drip/.", "\u201cDrip, Drip, Drip.\u201d"),
    (NEWSPAPER, Citation("x", pages="13"), "\u201cMolotov Expelled from Party,\u201d <i>Press</i> (Christchurch), "
                                           "November 13, 1961, 13, "
                                           "https://paperspast.natlib.govt.nz/newspapers/CHP19611113.2.3.",
     "\u201cMolotov Expelled from Party,\u201d 13."),
    (REPORT, Citation("x", section="II"), "Central Intelligence Agency, <i>Khrushchev and the \u201cAnti-Party "
                                          "Group\u201d (1953\u20131957)</i>, OCI No. 1608/62, April 27, 1962, sec. II, "
                                          "https://www.cia.gov/readingroom/document/0001408630.",
     "Central Intelligence Agency, <i>Khrushchev and the \u201cAnti-Party Group\u201d</i>, sec. II."),
    (ARCHIVE_DOCUMENT, None, "\u201cTranscript of CPSU CC Plenum, Evening, 25 June 1957,\u201d June 25, 1957, Wilson "
                             "Center Digital Archive, https://digitalarchive.wilsoncenter.org/document/115650.",
     "\u201cTranscript of CPSU CC Plenum.\u201d"),
    (COLLECTED_DOCUMENT, Citation("x", pages="13", document="5"),
     "Central Committee of the CPSU, \u201cResolution on the Anti-Party Group,\u201d in <i>Documents on Soviet "
     "Politics, 1953\u20131964</i>, ed. Richard Roe (Test Press, 2001), 13, doc. 5.",
     "Central Committee of the CPSU, \u201cResolution on the Anti-Party Group,\u201d 13, doc. 5."),
    (DATED_PAGE, None, "Jane Doe, \u201cNotes on the 1957 Crisis,\u201d Example History Site, June 3, 2023, "
                       "https://example.org/notes.", "Doe, \u201cNotes on the 1957 Crisis.\u201d"),
    (UNDATED_PAGE, None, "\u201cA Page About Molotov,\u201d Example Site, accessed November 21, 2026, "
                         "https://example.org/molotov.", "\u201cPage About Molotov.\u201d"),
]


@pytest.mark.parametrize(("source", "citation", "full", "short"), NOTES, ids=lambda v: getattr(v, "id", None))
def test_chicago_notes(source: Source, citation: Citation | None, full: str, short: str) -> None:
    assert located([(source, citation)], "chicago", "note") == [marked(full)]
    assert located([(source, citation)], "chicago", "short-note") == [marked(short)]


IN_TEXT = [
    (TAUBMAN, PAGE, "(Taubman 312)", "(Taubman, 2003, p. 312)"),
    (TAUBMAN, None, "(Taubman)", "(Taubman, 2003)"),
    (RESIS, Citation("x", pages="12-14"), "(Resis 12\u201314)", "(Resis, 1993, pp. 12\u201314)"),
    (CHAPTER, Citation("x", section="3"), "(Doe, sec. 3)", "(Doe, 2010, Section 3)"),
    (MAGAZINE, None, "(\u201cDrip, Drip, Drip\u201d)", "(\u201cDrip, Drip, Drip,\u201d 1958)"),
    (WIKIPEDIA, None, "(\u201cAnti-Party Group\u201d)", "(\u201cAnti-Party Group,\u201d n.d.)"),
    (UNDATED_BOOK, Citation("x", pages="3"), "(<i>Undated Pamphlet</i> 3)", "(<i>Undated Pamphlet</i>, n.d., p. 3)"),
    (CORPORATE, None, "(Central Intelligence Agency)", "(Central Intelligence Agency, 1960)"),
]


@pytest.mark.parametrize(("source", "citation", "mla", "apa"), IN_TEXT, ids=lambda v: getattr(v, "id", None))
def test_in_text(source: Source, citation: Citation | None, mla: str, apa: str) -> None:
    assert located([(source, citation)], "mla", "in-text") == [marked(mla)]
    assert located([(source, citation)], "apa", "in-text") == [marked(apa)]


@pytest.mark.parametrize(("style", "form"), [("apa", "note"), ("mla", "short-note"), ("chicago", "in-text")])
def test_forms_a_style_does_not_have(style: str, form: str) -> None:
    with pytest.raises(CitationFormError):
        located([(TAUBMAN, None)], style, form)


def test_mla_replaces_a_repeated_author_with_three_hyphens() -> None:
    """MLA 9: the second work by the same author starts "---."; Chicago 18 and APA repeat the name."""
    mla = [plain(entry) for entry in bibliography([TAUBMAN, EORH], "mla")]
    assert mla[0].startswith("Taubman, William. \u201cAnti-Party Group.\u201d")  # by title: "Anti-Party" first
    assert mla[1] == "---. Khrushchev: The Man and His Era. W. W. Norton, 2003."
    chicago = [plain(entry) for entry in bibliography([TAUBMAN, EORH], "chicago")]
    assert [entry[:17] for entry in chicago] == ["Taubman, William.", "Taubman, William."]
    apa = [plain(entry) for entry in bibliography([EORH, TAUBMAN], "apa")]
    assert [entry[:19] for entry in apa] == ["Taubman, W. (2003).", "Taubman, W. (2004)."]  # by year


def test_order_ignores_articles_spells_out_numerals_and_files_romanised_titles() -> None:
    numeral = Source(id="t1", kind="book", type="web", title="1957: A year of crisis", year=2001)  # test data
    kremlin = Source(id="t2", kind="book", type="web", title="The Kremlin in turmoil", year=2001)  # test data
    zhukov = Source(id="t3", kind="book", type="web", title="Zhukov's last year", year=2001)  # test data
    order = [plain(entry)[:9] for entry in bibliography([zhukov, numeral, kremlin, SHEPILOV], "chicago")]
    # "Kremlin", "nineteen fifty seven", "Shepilov", "Zhukov"
    assert order == ["The Kreml", "1957: A Y", "Shepilov,", "Zhukov's "]
    assert fold("1957: A year") == "nineteen fifty seven a year"
    assert [number_words(n) for n in (7, 42, 300, 1905, 2001, 1957)] == [
        "seven", "forty two", "three hundred", "nineteen oh five", "two thousand one", "nineteen fifty seven"]


def test_title_case_from_sentence_case() -> None:
    title = "Khrushchev and the anti-party group: A study of power through crisis"
    assert title_case(title, "mla") == "Khrushchev and the Anti-Party Group: A Study of Power through Crisis"
    assert title_case(title, "chicago") == "Khrushchev and the Anti-Party Group: A Study of Power Through Crisis"
    assert title_case("The KGB in the 1950s: Who was in charge?", "chicago") == "The KGB in the 1950s: Who Was in Charge?"


# ---------------------------------------------------------------- forms of output


def test_markdown_html_and_rtf_keep_italics() -> None:
    entries = bibliography([TAUBMAN], "chicago")
    assert output(entries, "markdown") == "Taubman, William. *Khrushchev: The Man and His Era*. W. W. Norton, 2003.\n"
    html = output(entries, "html", hanging=True)
    assert ('<p style="padding-left: 2em; text-indent: -2em">Taubman, William. <i>Khrushchev: The Man and His '
            "Era</i>. W. W. Norton, 2003.</p>") in html
    rtf = output(entries, "rtf", hanging=True)
    assert rtf.startswith("{\\rtf1\\ansi")
    assert "\\pard\\fi-720\\li720\\sa120 Taubman, William. {\\i Khrushchev: The Man and His Era}. W. W. Norton, 2003.\\par" in rtf
    assert rtf.endswith("}\n")


def test_rtf_escapes_braces_backslashes_and_non_ascii() -> None:
    rtf = output([marked("Mi\u0107unovi\u0107 {x} \\ <i>\u041c\u043e\u0441\u043a\u0432\u0430</i>")], "rtf")
    assert "Mi\\u263?unovi\\u263? \\{x\\} \\\\ {\\i \\u1052?\\u1086?\\u1089?\\u1082?\\u1074?\\u1072?}" in rtf


def test_markdown_escapes_what_markdown_would_read() -> None:
    assert output([marked("A *b* _c_ <i>[d]</i>")], "markdown") == "A \\*b\\* \\_c\\_ *\\[d\\]*\n"


def test_store_text_cannot_forge_italics_or_controls() -> None:
    hostile = Source(id="h", kind="book", type="web", title="A \x0eforged\x0f title \x1b[31m", year=2001)
    assert bibliography([hostile], "chicago") == [marked("<i>A Forged Title [31m</i>. 2001.")]


def test_citation_request_collects_each_source_once() -> None:
    request = CitationRequest(((TAUBMAN, Citation("t", pages="1")), (TAUBMAN, Citation("t", pages="2"))),
                              "chicago", "note")
    assert [source.id for source in request.sources] == ["taubman-2003"]
    assert [plain(entry)[-3:] for entry in request.entries()] == [" 1.", " 2."]


def test_gaps_name_what_a_citation_lacks() -> None:
    assert [gap for source, _, _ in ENTRIES[::3] for gap in gaps(source)] == []
    bare = Source(id="b", kind="book", type="web", title="Москва", language="Russian", url="https://example.org")
    assert gaps(bare) == [
        "title not romanised (put the Cyrillic in title_native)",
        "no English translation of the title (title_english)",
        "a book needs its publisher",
        "a url needs the day it was read (accessed)",
    ]
    article = Source(id="a", kind="newspaper-article", type="press", title="A")
    assert gaps(article) == ["a newspaper-article needs its container", "a newspaper-article needs its date or year"]


def test_a_name_in_another_language_needs_no_bracketed_translation() -> None:
    name = Source(id="n", kind="encyclopedia-entry", type="web", title="Jānis Kalnbērziņš", title_english="Jānis "
                  "Kalnbērziņš", container="Wikipedia", language="German", url="https://de.wikipedia.org/wiki/J",
                  accessed=ACCESSED)
    assert format_citation(name, "apa").startswith("Jānis Kalnbērziņš. (n.d.). In Wikipedia.")


# ---------------------------------------------------------------- the packaged store


def test_every_packaged_source_formats_in_every_style_and_form() -> None:
    store = load_store([default_store_path()])
    assert store.sources
    for source in store.sources.values():
        for style in ("mla", "chicago", "apa"):
            text = format_citation(source, style)
            assert text and "None" not in text and ".." not in text.replace("...", ""), (source.id, style, text)
            assert "  " not in text, (source.id, style, text)
        for style, form in (("chicago", "note"), ("chicago", "short-note"), ("mla", "in-text"), ("apa", "in-text")):
            (entry,) = located([(source, None)], style, form)
            assert plain(entry).strip(), (source.id, style, form)


# ---------------------------------------------------------------- rules an independent review asked for (test data)


FRUS = Source(
    id="t-frus", kind="document", type="primary", title="The chargé in the Soviet Union (Beam) to the Department of "
    "State", authors=("Beam, Jacob",), container="Foreign relations of the United States, 1952-1954",
    volume="8", number="577", publisher="Office of the Historian", date=parse_edtf("1953-04-04"),
    url="https://history.state.gov/historicaldocuments/frus1952-54v08/d577", accessed=ACCESSED,
)
UNDATED_ARCHIVE_DOCUMENT = Source(
    id="t-protocol", kind="document", type="primary", title="Resolution of the Presidium (protocol 49)",
    authors=("Central Committee of the CPSU, Presidium",), container="Wilson Center Digital Archive",
    translators=("Zubok, Vladislav",), archive="TsKhSD, f. 3, op. 14, d. 72", date=parse_edtf("1956-10-31"),
)
PLENUM_SPAN = Source(
    id="t-span", kind="document", type="primary", title="Plenum of the Central Committee",
    container="Wilson Center Digital Archive", date=parse_edtf("1953-07-02/1953-07-07"),
    url="https://digitalarchive.wilsoncenter.org/document/1", accessed=ACCESSED,
)
BULLETIN = Source(
    id="t-bulletin", kind="journal-article", type="scholarly", title="The drama of the plenums: A call to arms",
    authors=("Wolff, David",), container="Cold War International History Project Bulletin", issue="10",
    year=1998, pages="114-142",
)
SPECTATOR = Source(
    id="t-spectator", kind="magazine-article", type="press", title="Where is Beria?", container="The Spectator",
    date=parse_edtf("1953-07-17"), pages="4",
)
DESCRIBED = Source(
    id="t-described", kind="web-page", type="web", title="[Reminiscences of L. M. Kaganovich as director]",
    container="Example Site", url="https://example.org/r", accessed=ACCESSED,
)
MEMOIRS = Source(
    id="t-memoirs", kind="book", type="primary", title="Khrushchev remembers", authors=("Khrushchev, Nikita",),
    editors=("Talbott, Strobe",), translators=("Talbott, Strobe",), edition="2nd", publisher="Little, Brown",
    year=1970,
)


def test_printed_collection_read_online() -> None:
    """A FRUS document: its collection in italics with volume and document number, whether read on paper or online."""
    assert plain(bibliography([FRUS], "chicago")[0]) == (
        "Beam, Jacob. \u201cThe Chargé in the Soviet Union (Beam) to the Department of State.\u201d April 4, 1953. In "
        "Foreign Relations of the United States, 1952\u20131954, vol. 8, doc. 577. Office of the Historian. "
        "https://history.state.gov/historicaldocuments/frus1952-54v08/d577.")
    assert located([(FRUS, None)], "chicago", "note") == [marked(
        "Jacob Beam, \u201cThe Chargé in the Soviet Union (Beam) to the Department of State,\u201d April 4, 1953, in "
        "<i>Foreign Relations of the United States, 1952\u20131954</i>, vol. 8 (Office of the Historian), doc. 577, "
        "https://history.state.gov/historicaldocuments/frus1952-54v08/d577.")]
    assert bibliography([FRUS], "mla") == [marked(
        "Beam, Jacob. \u201cThe Chargé in the Soviet Union (Beam) to the Department of State.\u201d <i>Foreign "
        "Relations of the United States, 1952\u20131954</i>, vol. 8, doc. 577, Office of the Historian, 4 Apr. 1953, "
        "history.state.gov/historicaldocuments/frus1952-54v08/d577.")]
    assert bibliography([FRUS], "apa") == [marked(
        "Beam, J. (1953, April 4). The chargé in the Soviet Union (Beam) to the Department of State (Document 577). "
        "In <i>Foreign relations of the United States, 1952\u20131954</i> (Vol. 8). Office of the Historian. "
        "https://history.state.gov/historicaldocuments/frus1952-54v08/d577")]


def test_archive_document_without_an_address_organisation_with_a_division_and_a_translator() -> None:
    assert plain(bibliography([UNDATED_ARCHIVE_DOCUMENT], "chicago")[0]) == (
        "Central Committee of the CPSU, Presidium. \u201cResolution of the Presidium (Protocol 49).\u201d Translated by "
        "Vladislav Zubok. October 31, 1956. TsKhSD, f. 3, op. 14, d. 72. Wilson Center Digital Archive.")
    assert plain(located([(UNDATED_ARCHIVE_DOCUMENT, None)], "chicago", "note")[0]) == (
        "Central Committee of the CPSU, Presidium, \u201cResolution of the Presidium (Protocol 49),\u201d trans. "
        "Vladislav Zubok, October 31, 1956, TsKhSD, f. 3, op. 14, d. 72, Wilson Center Digital Archive.")
    assert plain(bibliography([UNDATED_ARCHIVE_DOCUMENT], "apa")[0]) == (
        "Central Committee of the CPSU, Presidium. (1956, October 31). Resolution of the Presidium (protocol 49) "
        "(V. Zubok, Trans.). TsKhSD, f. 3, op. 14, d. 72. Wilson Center Digital Archive.")
    assert plain(bibliography([UNDATED_ARCHIVE_DOCUMENT], "mla")[0]) == (
        "Central Committee of the CPSU, Presidium. \u201cResolution of the Presidium (Protocol 49).\u201d Translated by "
        "Vladislav Zubok. Wilson Center Digital Archive, 31 Oct. 1956, TsKhSD, f. 3, op. 14, d. 72.")


def test_date_spans_give_only_the_parts_that_differ() -> None:
    assert "2\u20137 July 1953" in format_citation(PLENUM_SPAN, "mla")
    assert "July 2\u20137, 1953" in format_citation(PLENUM_SPAN, "chicago")
    assert "(1953, July 2\u20137)" in format_citation(PLENUM_SPAN, "apa")


def test_page_ranges_issue_without_volume_and_the_in_magazine_names() -> None:
    assert format_citation(BULLETIN, "mla").endswith("Bulletin, no. 10, 1998, pp. 114\u201342.")
    assert format_citation(BULLETIN, "chicago").endswith("Bulletin, no. 10 (1998): 114\u201342.")
    assert bibliography([BULLETIN], "apa")[0].endswith(marked(
        "<i>Cold War International History Project Bulletin</i>, <i>10</i>, 114\u2013142."))
    assert format_citation(SPECTATOR, "chicago") == "Spectator. \u201cWhere Is Beria?\u201d July 17, 1953, 4."
    assert format_citation(SPECTATOR, "mla") == "\u201cWhere Is Beria?\u201d The Spectator, 17 July 1953, p. 4."


@pytest.mark.parametrize(("first", "second", "mla", "chicago"), [
    ("47", "58", "58", "58"), ("114", "142", "42", "42"), ("101", "108", "08", "8"), ("100", "104", "04", "104"),
    ("1285", "1310", "310", "1310"), ("1496", "1504", "504", "1504"), ("321", "328", "28", "28"),
    ("1087", "1089", "89", "89"), ("2787", "2816", "816", "2816"), ("98", "103", "103", "103"),
])
def test_inclusive_page_numbers(first: str, second: str, mla: str, chicago: str) -> None:
    from anti_party.cite.work import pages

    assert pages(f"{first}-{second}", "mla") == f"{first}\u2013{mla}"
    assert pages(f"{first}-{second}", "chicago") == f"{first}\u2013{chicago}"
    assert pages(f"{first}-{second}", "apa") == f"{first}\u2013{second}"


def test_descriptions_lose_their_brackets_in_mla_and_chicago() -> None:
    assert format_citation(DESCRIBED, "mla").startswith("Reminiscences of L. M. Kaganovich as director. Example")
    assert format_citation(DESCRIBED, "chicago").startswith("Reminiscences of L. M. Kaganovich as director. Example")
    assert format_citation(DESCRIBED, "apa").startswith("[Reminiscences of L. M. Kaganovich as director]. (n.d.).")


def test_edited_and_translated_by_one_person() -> None:
    assert format_citation(MEMOIRS, "chicago") == (
        "Khrushchev, Nikita. Khrushchev Remembers. Edited and translated by Strobe Talbott. 2nd ed. Little, Brown, 1970.")
    assert format_citation(MEMOIRS, "mla") == (
        "Khrushchev, Nikita. Khrushchev Remembers. Edited and translated by Strobe Talbott, 2nd ed., Little, Brown, "
        "1970.")


def test_apa_letters_and_short_citations_that_tell_works_apart() -> None:
    one = Source(id="c1", kind="document", type="primary", title="Background: Soviet foreign office",
                 authors=("Central Intelligence Agency",), date=parse_edtf("1957-07-09"))
    two = Source(id="c2", kind="document", type="primary", title="Comments on the replacement of Shepilov",
                 authors=("Central Intelligence Agency",), date=parse_edtf("1957-04-24"))
    entries = [plain(entry) for entry in bibliography([two, one], "apa")]
    assert entries == [
        "Central Intelligence Agency. (1957a, July 9). Background: Soviet foreign office.",
        "Central Intelligence Agency. (1957b, April 24). Comments on the replacement of Shepilov.",
    ]
    assert located([(two, None)], "apa", "in-text", [one]) == ["(Central Intelligence Agency, 1957b)"]
    assert located([(two, Citation("c2", pages="3"))], "mla", "in-text", [one]) == [
        "(Central Intelligence Agency, \x0eComments on the Replacement\x0f 3)"]
    assert located([(TAUBMAN, PAGE)], "mla", "in-text", [one]) == ["(Taubman 312)"]  # alone under his name
    purge = Source(id="r1", kind="magazine-article", type="press", title="Russia: Purge of the purger",
                   container="Time", date=parse_edtf("1953-07-20"))
    harvest = Source(id="r2", kind="magazine-article", type="press", title="Russia: Harvest time",
                     container="Time", date=parse_edtf("1955-10-24"))
    assert located([(purge, None)], "chicago", "short-note", [harvest]) == ["\u201cRussia: Purge of the Purger.\u201d"]
    assert located([(purge, None)], "mla", "in-text", [harvest]) == ["(\u201cRussia: Purge of the Purger\u201d)"]


def test_mla_three_hyphens_stand_for_the_same_names_in_another_role() -> None:
    edited = Source(id="e", kind="book", type="scholarly", title="A bulletin", editors=("Wolff, David",),
                    publisher="Test Press", year=1998)
    entries = [plain(entry) for entry in bibliography([BULLETIN, edited], "mla")]
    assert entries == ["Wolff, David, editor. A Bulletin. Test Press, 1998.",
                       "---. \u201cThe Drama of the Plenums: A Call to Arms.\u201d Cold War International History "
                       "Project Bulletin, no. 10, 1998, pp. 114\u201342."]


def test_short_titles_never_end_on_a_small_word_and_close_their_marks() -> None:
    long = Source(id="l", kind="document", type="primary", title="Record of proceedings of the plenum of the "
                  "Central Committee", authors=("Central Committee of the CPSU",), date=parse_edtf("1957-06-22"))
    assert located([(long, None)], "chicago", "short-note") == [
        "Central Committee of the CPSU, \x0eRecord of Proceedings\x0f."]
    quoted_title = Source(id="q", kind="book", type="scholarly", title="'You cannot endlessly exploit the patience "
                          "of communists'", authors=("Doe, Jane",), publisher="Test Press", year=2001)
    assert plain(located([(quoted_title, None)], "chicago", "short-note")[0]) == (
        "Doe, \u2018You Cannot Endlessly Exploit\u2019.")


def test_abbreviations_ordinals_and_other_languages() -> None:
    assert title_case("Telegram, July 18, 1955, 10 a.m.", "chicago") == "Telegram, July 18, 1955, 10 a.m."
    assert fold("20th Congress") < fold("22nd Congress") < fold("23rd Congress")
    assert fold("1950s") == "nineteen fifties"
    italian = Source(id="i", kind="newspaper-article", type="press", title="I quattro vice-presidenti",
                     title_english="The four vice-presidents", container="La Stampa", language="Italian",
                     date=parse_edtf("1953-03-07"))
    assert located([(italian, None)], "apa", "in-text") == ["(\u201cI quattro vice-presidenti,\u201d 1953)"]
    assert located([(italian, None)], "mla", "in-text") == ["(\u201cI quattro vice-presidenti\u201d)"]


def test_mla_and_apa_file_letter_by_letter_chicago_word_by_word() -> None:
    russia = Source(id="a", kind="magazine-article", type="press", title="Russia: Purge", container="Time", year=1953)
    russian = Source(id="b", kind="magazine-article", type="press", title="Russian delegation", container="Time",
                     year=1955)
    assert [plain(e)[:12] for e in bibliography([russia, russian], "mla")] == ["\u201cRussian Del", "\u201cRussia: Pur"]
    assert [plain(e)[:12] for e in bibliography([russia, russian], "apa")] == ["Russian dele", "Russia: Purg"]
    # Chicago lists unsigned magazine pieces under the magazine, then word by word: "Russia" before "Russian".
    assert [plain(e)[6:18] for e in bibliography([russian, russia], "chicago")] == ["\u201cRussia: Pur", "\u201cRussian Del"]


# ---------------------------------------------------------------- rules a second, entry-by-entry check asked for (test data)


def test_short_titles_stop_at_a_deck_keep_names_and_numbers_and_small_words_abroad() -> None:
    def short(title: str, **fields: str) -> str:
        source = Source(id="s", kind="newspaper-article", type="press", title=title, container="Test",
                        date=parse_edtf("1957"), **fields)  # type: ignore[arg-type]
        return plain(located([(source, None)], "chicago", "short-note")[0])

    assert short("A. Shelepin; led KGB for Khrushchev") == "\u201cA. Shelepin.\u201d"
    assert short("Molotov back in news \u2014 after 25 years") == "\u201cMolotov Back in News.\u201d"
    assert short("Transcript of a CC CPSU plenum, evening session") == "\u201cTranscript of a CC CPSU Plenum.\u201d"
    assert short("Vypiska iz protokola No. 3 zasedaniia Prezidiuma", language="Russian",
                 title_english="Extract from protocol No. 3") == "\u201cVypiska iz protokola No. 3.\u201d"
    assert short("Amnistiia 1953 g. i ee posledstviia dlia strany", language="Russian",
                 title_english="The amnesty of 1953 and its consequences") == "\u201cAmnistiia 1953 g.\u201d"


def test_punctuation_goes_inside_closing_quotation_marks() -> None:
    serov = Source(id="p", kind="newspaper-article", type="press", title="Dismissal in Russia: Security chief "
                   "'transferred'", container="The Press", date=parse_edtf("1958-12-09"))
    assert format_citation(serov, "mla").startswith(
        "\u201cDismissal in Russia: Security Chief \u2018Transferred.\u2019\u201d The Press, 9 Dec. 1958.")
    assert format_citation(serov, "apa").startswith(
        "Dismissal in Russia: Security chief \u2018transferred.\u2019 (1958, December 9).")
    fund = Source(id="f", kind="book", type="primary", title="Georgii Zhukov", publisher='Mezhdunarodnyi fond '
                  '"Demokratiia"', year=2001)
    assert format_citation(fund, "chicago") == "Georgii Zhukov. Mezhdunarodnyi fond \u201cDemokratiia,\u201d 2001."
    perm = Source(id="e", kind="encyclopedia-entry", type="reference", title="Perm",
                  container="Encyclopaedia Britannica", edition="15th", year=1994)
    assert located([(perm, None)], "chicago", "note") == [
        "\x0eEncyclopaedia Britannica\x0f, 15th ed., under \u201cPerm.\u201d"]


def test_works_of_one_title_are_told_apart() -> None:
    def telegram(number: str) -> Source:
        return Source(id=f"t{number}", kind="document", type="primary", title="Telegram from the embassy in the "
                      "Soviet Union to the Department of State", authors=("Bohlen, Charles E.",), number=number,
                      container="Foreign relations of the United States, 1955-1957", volume="24",
                      date=parse_edtf("1955"))
    one, two = telegram("49"), telegram("63")
    assert plain(located([(one, None)], "chicago", "short-note", [two])[0]) == (
        "Bohlen, \u201cTelegram from the Embassy in the Soviet Union to the Department of State,\u201d doc. 49.")
    assert plain(located([(one, None)], "mla", "in-text", [two])[0]) == (
        "(Bohlen, \u201cTelegram from the Embassy in the Soviet Union to the Department of State,\u201d doc. 49)")
    # MLA's three hyphens keep their period after a name that ends in an initial
    assert [plain(entry)[:5] for entry in bibliography([one, two], "mla")] == ["Bohle", "---. "]


def test_double_issues_translations_and_archive_references_take_en_dashes() -> None:
    almanac = Source(id="a", kind="journal-article", type="scholarly", title="Molotov and Yugoslavia",
                     authors=("Doe, Jane",), container="Slavic Almanac", issue="3-4", year=2024, pages="10-20")
    assert format_citation(almanac, "mla").endswith("Slavic Almanac, nos. 3\u20134, 2024, pp. 10\u201320.")
    assert format_citation(almanac, "chicago").endswith("Slavic Almanac, no. 3\u20134 (2024): 10\u201320.")
    russian = replace_source(SHEPILOV, title_english="The one who did not join, 1953-1964")
    assert "[The one who did not join, 1953\u20131964]" in format_citation(russian, "apa")
    assert "ll. 49\u201350" in format_citation(replace_source(UNDATED_ARCHIVE_DOCUMENT, archive="f. 3, ll. 49-50"),
                                               "chicago")


def test_a_publisher_spelt_with_a_ligature_is_the_site_itself() -> None:
    entry = Source(id="k", kind="encyclopedia-entry", type="reference", title="Lazar Moiseyevich Kaganovich",
                   container="Encyclopaedia Britannica", publisher="Encyclopædia Britannica",
                   url="https://www.britannica.com/biography/Lazar-Moiseyevich-Kaganovich", accessed=ACCESSED)
    assert "Britannica, Encyclop" not in format_citation(entry, "mla")
    assert "Encyclopædia" not in format_citation(entry, "apa")


def test_a_section_of_a_journal_in_a_note() -> None:
    journal = Source(id="j", kind="journal-article", type="reference", title="Sostav rukovodiashchikh organov",
                     container="Izvestiia TsK KPSS", issue="7", year=1990, language="Russian",
                     title_english="The composition of the leading bodies")
    (note,) = located([(journal, Citation("j", section="Saburov, M. Z."))], "chicago", "note")
    assert plain(note).endswith("Izvestiia TsK KPSS, no. 7 (1990), sec. Saburov, M. Z.")
    (short,) = located([(journal, Citation("j", section="Saburov, M. Z."))], "chicago", "short-note")
    assert plain(short).endswith("sec. Saburov, M. Z.")


def replace_source(source: Source, **changes: object) -> Source:
    return source._replace(**changes)  # type: ignore[arg-type]
