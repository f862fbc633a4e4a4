"""What every style reads off a source: its form, names, title, dates and pages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from anti_party.cite.markup import clean, italic
from anti_party.cite.words import Name, fold, minor, parse_name, series, title_case
from anti_party.dates import DatePoint, EdtfDate
from anti_party.model import Citation, Source

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
PERIODICALS = ("journal-article", "magazine-article", "newspaper-article")


@dataclass(frozen=True)
class DateForms:
    """How a style writes a day or month, and a span within one month or one year."""

    point: Callable[[DatePoint], str]
    same_month: Callable[[DatePoint, DatePoint], str]
    same_year: Callable[[DatePoint, DatePoint], str]


@dataclass(frozen=True)
class Work:
    """A source seen as the citation styles see it."""

    source: Source

    # ------------------------------------------------------------ form

    @property
    def kind(self) -> str:
        return self.source.kind

    @property
    def is_wikipedia(self) -> bool:
        return self.kind == "encyclopedia-entry" and (self.source.container or "").startswith("Wikipedia")

    @property
    def online_reference(self) -> bool:
        """An entry in a reference work read online, whose text changes (Wikipedia, Britannica online)."""
        return self.kind == "encyclopedia-entry" and self.source.url is not None and self.source.year is None

    @property
    def is_part(self) -> bool:
        """A work inside another: its title takes quotation marks in MLA and Chicago."""
        return self.kind in ("chapter", "encyclopedia-entry", *PERIODICALS, "web-page") or (
            self.kind == "document" and self.source.container is not None
        )

    @property
    def container_is_book(self) -> bool:
        """A chapter's book, a printed document collection or a printed reference work.

        A document is part of a printed collection (Foreign Relations of the United States)
        when its record gives the collection's volume, editors or publisher, whether it was
        read on paper or online; a document with only a container is in an archive (the
        Wilson Center Digital Archive), whose name is a proper name.
        """
        source = self.source
        if self.kind == "document":
            return source.container is not None and bool(source.volume or source.editors or source.publisher)
        return self.kind == "chapter" or (self.kind == "encyclopedia-entry" and not self.online_reference)

    # ------------------------------------------------------------ names

    @cached_property
    def authors(self) -> list[Name]:
        return [parse_name(clean(text)) for text in self.source.authors]

    @cached_property
    def editors(self) -> list[Name]:
        return [parse_name(clean(text)) for text in self.source.editors]

    @cached_property
    def translators(self) -> list[Name]:
        return [parse_name(clean(text)) for text in self.source.translators]

    @property
    def editors_lead(self) -> bool:
        """An edited book with no author: its editors stand in the author's place."""
        return not self.authors and bool(self.editors) and self.source.container is None

    @property
    def lead(self) -> list[Name]:
        return self.authors or (self.editors if self.editors_lead else [])

    @property
    def lead_key(self) -> tuple[str, ...]:
        """The names in the author's place, as compared for repeated authors ("---") and short citations."""
        return tuple(name.inverted() for name in self.lead)

    @property
    def work_editors(self) -> list[Name]:
        """Editors named after the title: of the work when it has authors, of its container when it has one."""
        return [] if self.editors_lead else self.editors

    # ------------------------------------------------------------ titles

    @property
    def is_description(self) -> bool:
        """A bracketed description standing for a missing title: "[Letter to the Central Committee]"."""
        return self.source.title.startswith("[") and self.source.title.endswith("]")

    def description(self) -> str:
        """The description without its brackets, as MLA and Chicago print it (APA keeps the brackets)."""
        return typographic(clean(self.source.title))[1:-1]

    @property
    def english(self) -> bool:
        return self.source.language in (None, "English")

    def title(self, style: str) -> str:
        """The title in the style's case (APA keeps the store's sentence case), set typographically."""
        text = typographic(clean(self.source.title))
        return title_case(text, style) if style != "apa" and self.english and not self.is_description else text

    def short_title(self, style: str, whole: bool = False) -> str:
        """A title of a few words that leads the reader to the full entry (in-text citations, short notes).

        Worked out on the stored sentence-case title, then set in the style's case: the title
        before its subtitle or a headline's deck (after a colon, semicolon or dash; WHOLE keeps
        the subtitle, itself shortened), without parentheses or a leading English article, its
        first clause if that has two words or more; past five words its first four, carried on
        through a name ("a CC CPSU plenum") or a number after "No.", never ending on a small
        word (an article, preposition or conjunction, in English or the title's language); with
        its brackets and quotation marks closed.
        """
        stored = typographic(clean(self.source.title))
        if self.is_description:
            stored = stored[1:-1]
        match = _SUBTITLE.search(stored)
        main = stored[:match.start()] if match else stored
        text = _shorten(main, self.english)
        if whole and match:
            deck = _shorten(stored[match.end():], self.english, article=False)
            text = f"{main}{match.group().rstrip()} {deck}"
        text = _closed_marks(text.rstrip(",;:"))
        english = self.english and not self.is_description
        return title_case(text, style) if english and style != "apa" else text

    def number(self, document: str = "doc.") -> str | None:
        """A document's number: a bare one within a collection as "doc. 577"; a report's own as it is."""
        number = self.source.number
        if number is None:
            return None
        number = clean(number)
        return f"{document} {number}" if number.isdigit() else number

    def contributors(self, editors: list[Name], capitalised: bool = True) -> list[str]:
        """ "Edited by X", "Translated by Y", or "Edited and translated by X" when they are the same people."""
        def names(people: list[Name]) -> str:
            return series([person.natural() for person in people])

        edited, translated = ("Edited", "Translated") if capitalised else ("edited", "translated")
        if editors and editors == self.translators:
            return [f"{edited} and {translated.lower()} by {names(editors)}"]
        parts = [f"{edited} by {names(editors)}"] if editors else []
        return parts + ([f"{translated} by {names(self.translators)}"] if self.translators else [])

    @property
    def issue(self) -> str | None:
        """The issue number, a double issue with an en dash ("3\u20134")."""
        return typographic(clean(self.source.issue)) if self.source.issue else None

    def archive(self) -> str | None:
        return typographic(clean(self.source.archive)) if self.source.archive else None

    def distinction(self) -> str | None:
        """What tells apart two works of the same title: a document's number, else the reference work or date."""
        if self.source.number:
            return self.number()
        if self.kind == "encyclopedia-entry" and self.source.container:
            return clean(self.source.container)
        return self.source.date.text if self.source.date else (str(self.year) if self.year else None)

    @property
    def publisher(self) -> str | None:
        return typographic(clean(self.source.publisher)) if self.source.publisher else None

    def publisher_named_apart(self) -> str | None:
        """The publisher, unless it only repeats the container's (site's) name, spelt any way."""
        if self.publisher is None:
            return None
        return None if fold(self.publisher) == fold(self.source.container or "") else self.publisher

    def translation(self) -> str | None:
        """The English translation of a non-English title, in brackets: " [The one who did not join]"."""
        english = self.source.title_english
        if not english or self.english or english == self.source.title:  # a name needs no translation
            return None
        return f" [{typographic(clean(english))}]"

    def container(self, style: str) -> str | None:
        if self.source.container is None:
            return None
        text = typographic(clean(self.source.container))
        if self.container_is_book and style != "apa" and self.english:
            return title_case(text, style)
        return text

    # ------------------------------------------------------------ dates, pages, addresses

    @property
    def when(self) -> EdtfDate | int | None:
        return self.source.date if self.source.date is not None else self.source.year

    @property
    def year(self) -> int | None:
        when = self.when
        return when.start.year if isinstance(when, EdtfDate) else when

    def date_text(self, dates: DateForms, circa: str = "ca.", own: bool = False) -> str | None:
        """The work's date in a style's forms; a span gives only the parts that differ ("July 2\u20137, 1953").

        OWN: only the document's or article's own `date`, not the year its collection appeared.
        """
        when = self.source.date if own else self.when
        if when is None:
            return None
        if isinstance(when, int):
            return str(when)

        def one(point: DatePoint, text: str) -> str:
            text = f"{circa} {text}" if point.approximate else text
            return f"{text}?" if point.uncertain else text

        start, end = when.start, when.end
        if end is None:
            return one(start, dates.point(start))
        marked = start.approximate or start.uncertain or end.approximate or end.uncertain
        if not marked and start.year == end.year and start.month and end.month:
            if start.month == end.month and start.day and end.day:
                return dates.same_month(start, end)
            if bool(start.day) == bool(end.day):
                return dates.same_year(start, end)
        return f"{one(start, dates.point(start))}\u2013{one(end, dates.point(end))}"

    @property
    def url(self) -> str | None:
        return clean(self.source.url) if self.source.url else None

    @property
    def accessed(self) -> dt.date | None:
        return self.source.accessed if self.source.url else None


# Where a title's subtitle or a headline's deck begins: a colon, a semicolon or a dash.
_SUBTITLE = re.compile(r"\s*(?::|;|\s\u2014\s|\u2014)\s*")
# Small words of the other languages the store cites, which a short title must not end on.
_SMALL_WORDS_ABROAD = frozenset({
    "i", "v", "vo", "na", "o", "ob", "s", "so", "k", "ko", "po", "iz", "ot", "za", "do", "dlia", "pri", "u",  # Russian
    "di", "e", "il", "la", "lo", "le", "del", "della", "dei", "è", "a", "da", "in", "per", "con",  # Italian
    "w", "z", "we", "ze",  # Polish
    "de", "dos", "das", "um", "uma",  # Portuguese
    "sem", "og", "á", "í",  # Icelandic
    "der", "die", "und", "von", "zu", "im", "mit",  # German
    "et", "les", "des", "du", "au", "en", "sur",  # French
})  # fmt: skip


def _small(word: str) -> bool:
    bare = word.strip("\u201c\u201d\u2018\u2019[]\u00ab\u00bb,").lower()
    return minor(bare, "mla") or bare in _SMALL_WORDS_ABROAD


def _shorten(text: str, english: bool, article: bool = True) -> str:
    text = re.sub(r"\s*\([^)]*\)", "", text).strip()
    if english and article:
        text = re.sub(r"^(?:The|A|An)\s+", "", text)
    clause = text.split(",")[0]
    text = clause if len(clause.split()) >= 2 else text
    words = text.split()
    if len(words) <= 5:
        return text
    short = words[:4]
    for word in words[4:]:
        last = short[-1]
        acronym = len(last) > 1 and last.isupper()
        if word[:1].isupper() or last.lower().rstrip(".") == "no" or (word[:1].isdigit() and last[:1].isupper()):
            short.append(word)  # a name or a numbered label goes on to its end
        elif acronym and not _small(word):
            short.append(word.rstrip(","))  # an acronym qualifies the noun after it ("CPSU plenum")
            break
        else:
            break
    while len(short) > 1 and _small(short[-1]):
        short.pop()
    return " ".join(short)


def _closed_marks(text: str) -> str:
    """TEXT with an unclosed bracket dropped and unclosed quotation marks closed."""
    if text.count("[") > text.count("]"):
        text = text.replace("[", "", text.count("[") - text.count("]"))
    for opening, closing in (("\u2018", "\u2019"), ("\u201c", "\u201d")):
        if text.count(opening) > text.count(closing):
            text += closing
    return text


@dataclass(frozen=True)
class Catalogue:
    """The works a citation must be told apart from: the whole bibliography it belongs to.

    `apg cite` takes the packaged store's sources (with any the user adds) as that
    bibliography, so that a work cites alike however it is asked for.
    """

    works: tuple[Work, ...]

    @cached_property
    def _by_lead(self) -> dict[tuple[str, ...], list[Work]]:
        groups: dict[tuple[str, ...], list[Work]] = {}
        for work in self.works:
            groups.setdefault(work.lead_key, []).append(work)
        return groups

    def same_lead(self, work: Work) -> list[Work]:
        """The other works under the same names (or, for works with none, all the unsigned ones)."""
        return [other for other in self._by_lead.get(work.lead_key, []) if other.source.id != work.source.id]

    def needs_title(self, work: Work) -> bool:
        """Whether a short citation by names alone would fit another work too (MLA: add a short title)."""
        return bool(work.lead) and bool(self.same_lead(work))

    def short(self, work: Work, style: str) -> tuple[str, str | None]:
        """The shortest title that tells WORK from the other works under the same names, and what else must.

        The short title; else the short title with its subtitle; else the whole title; and
        where even whole titles are the same, what tells the works apart (a document's number,
        the reference work, or the date) as a second part.
        """
        def levels(candidate: Work) -> tuple[str, str, str]:
            return candidate.short_title(style), candidate.short_title(style, whole=True), candidate.title(style)

        mine = levels(work)
        theirs = [levels(other) for other in self.same_lead(work)]
        for index, text in enumerate(mine):
            if all(other[index] != text for other in theirs):
                return text, None
        return mine[-1], work.distinction()

    @cached_property
    def apa_letters(self) -> dict[str, str]:
        """APA's a, b, c for one author's works of one year, by title; "n.d.-a" for undated ones."""
        from anti_party.cite.words import title_key

        letters: dict[str, str] = {}
        for group in self._by_lead.values():
            by_year: dict[int | None, list[Work]] = {}
            for work in group:
                if work.lead:
                    by_year.setdefault(work.year, []).append(work)
            for year, works in by_year.items():
                if len(works) > 1:
                    works.sort(key=lambda work: title_key(work.source.title))
                    for index, work in enumerate(works):
                        letter = "abcdefghijklmnopqrstuvwxyz"[index % 26]
                        letters[work.source.id] = letter if year is not None else f"-{letter}"
        return letters


def pages(text: str, style: str = "apa") -> str:
    """Page ranges with an en dash, abbreviated as the style wants (APA keeps every digit).

    MLA gives the second number's last two digits unless more are needed ("114\u201342",
    "1285\u2013310"); Chicago follows its rules for inclusive numbers ("114\u201342", "101\u20138",
    "100\u2013104", "1285\u20131310" where three of four digits change).
    """
    text = re.sub(r"(?<=\w)\s*[-\u2013]+\s*(?=\w)", "\u2013", clean(text))
    if style == "apa":
        return text
    shorten = _mla_range if style == "mla" else _chicago_range
    return re.sub(r"\b(\d+)\u2013(\d+)\b", lambda m: f"{m[1]}\u2013{shorten(m[1], m[2])}", text)


def _changed(first: str, second: str, keep: int) -> str:
    """SECOND with the digits it shares with FIRST dropped, keeping at least KEEP digits."""
    if len(first) != len(second):
        return second
    same = 0
    while same < len(first) and first[same] == second[same]:
        same += 1
    return second[min(same, len(second) - keep):]


def _mla_range(first: str, second: str) -> str:
    return second if int(first) < 100 else _changed(first, second, 2)


def _chicago_range(first: str, second: str) -> str:
    start = int(first)
    if start < 100 or start % 100 == 0 or len(first) != len(second):
        return second
    if start % 100 < 10:
        return _changed(first, second, 1)
    short = _changed(first, second, 2)
    return second if len(first) == 4 and len(short) == 3 else short


def typographic(text: str) -> str:
    """Straight quotation marks as curly ones, and a hyphen between numbers (a range) as an en dash.

    A single quote opens a quotation after a space or an opening bracket and closes one that
    was opened; any other is an apostrophe or a romanised soft sign and stays as it is.
    """
    text = re.sub(r"(?<=\d)-(?=\d)", "\u2013", text)
    text = re.sub(r'(^|[\s(\[])"', "\\1\u201c", text).replace('"', "\u201d")
    out, open_quote = [], False
    for index, char in enumerate(text):
        if char == "'":
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            if not open_quote and (before.isspace() or before in "([\u201c") and not after.isspace():
                char, open_quote = "\u2018", True
            elif open_quote and not after.isalnum():
                char, open_quote = "\u2019", False
        out.append(char)
    return "".join(out)


def many_pages(text: str) -> bool:
    return any(mark in text for mark in "-\u2013,")


def locator_parts(
    citation: Citation | None, style: str, page_label: bool, section: str = "sec.", document: str = "doc."
) -> str:
    """A citation's locator: "312" or "p. 312" (PAGE_LABEL), "sec. 3", "doc. 12", joined by commas."""
    if citation is None:
        return ""
    parts = []
    if citation.pages:
        label = ("pp. " if many_pages(citation.pages) else "p. ") if page_label else ""
        parts.append(label + pages(citation.pages, style))
    if citation.section:
        parts.append(f"{section} {clean(citation.section)}")
    if citation.document:
        parts.append(f"{document} {clean(citation.document)}")
    return ", ".join(parts)


_LABELS = ("vol. ", "edited by ", "edited and translated by ", "translated by ", "no. ", "doc. ", "sec. ")


def sentence(*parts: str | None, sep: str = ", ") -> str | None:
    """The parts that are present, joined and closed with a period unless already closed.

    A label that opens the sentence is capitalised ("Vol. 2.", "Edited by ..."): it follows a period.
    """
    text = sep.join(part for part in parts if part)
    if not text:
        return None
    if text.startswith(_LABELS):
        text = text[:1].upper() + text[1:]
    return text if _closed(text) else text + "."


def _closed(text: str) -> bool:
    bare = text.replace("\x0e", "").replace("\x0f", "")
    return bare.endswith((".", "?", "!", ".\u201d", "?\u201d", "!\u201d"))


def entry(*sentences: str | None) -> str:
    """The sentences of an entry, with each period or comma moved inside a closing quotation mark."""
    return inside_quotes(" ".join(sentence for sentence in sentences if sentence))


def inside_quotes(text: str) -> str:
    """American punctuation: a period or comma that follows a closing quotation mark goes inside it.

    A right single mark counts as closing a quotation only where a left one is open before
    it; otherwise it is an apostrophe ("Workers\u2019,").
    """
    def move(match: re.Match[str]) -> str:
        marks = match[1]
        if marks.startswith("\u2019"):
            before = text[:match.start()]
            if before.count("\u2018") <= before.count("\u2019"):
                return match[0]
        return match[2] + marks

    return re.sub(r"([\u2019\u201d]+)([.,])", move, text)


def quoted(title: str, closing: str = ".") -> str:
    """A part's title in curly quotation marks with CLOSING inside them (American usage): \u201cTitle.\u201d"""
    inner = title.replace("\u201c", "\u2018").replace("\u201d", "\u2019").replace('"', "\u2019")
    if inner.endswith(("?", "!")) or (closing == "." and inner.endswith(".")):
        closing = ""  # the title's own mark (or an abbreviation's period) stands for the period
    if closing and inner.endswith("\u2019") and "\u2018" in inner:  # a quotation closing the title
        return f"\u201c{inner[:-1]}{closing}\u2019\u201d"
    return f"\u201c{inner}{closing}\u201d"


def slanted(title: str) -> str:
    return italic(title)


def edition(text: str) -> str:
    text = clean(text)
    return text if text.rstrip(".").lower().endswith("ed") else f"{text} ed."
