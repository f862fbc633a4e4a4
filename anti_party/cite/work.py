"""What every style reads off a source: its form, names, title, dates and pages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from anti_party.cite.markup import clean, italic
from anti_party.cite.words import Name, parse_name, title_case
from anti_party.dates import DatePoint, EdtfDate
from anti_party.model import Citation, Source

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
PERIODICALS = ("journal-article", "magazine-article", "newspaper-article")


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
        """A chapter's book, a document's collection or a printed reference work: titled in sentence case."""
        return self.kind == "chapter" or (self.kind in ("encyclopedia-entry", "document") and not self.source.url)

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
    def work_editors(self) -> list[Name]:
        """Editors named after the title: of the work when it has authors, of its container when it has one."""
        return [] if self.editors_lead else self.editors

    # ------------------------------------------------------------ titles

    @property
    def is_description(self) -> bool:
        """A bracketed description standing for a missing title: "[Letter to the Central Committee]"."""
        return self.source.title.startswith("[") and self.source.title.endswith("]")

    @property
    def english(self) -> bool:
        return self.source.language in (None, "English")

    def title(self, style: str) -> str:
        """The title in the style's case (APA keeps the store's sentence case)."""
        text = clean(self.source.title)
        return title_case(text, style) if style != "apa" and self.english and not self.is_description else text

    def translation(self) -> str | None:
        """The English translation of a non-English title, in brackets: " [The one who did not join]"."""
        english = self.source.title_english
        if not english or self.english or english == self.source.title:  # a name needs no translation
            return None
        return f" [{clean(english)}]"

    def container(self, style: str) -> str | None:
        if self.source.container is None:
            return None
        text = clean(self.source.container)
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

    def date_text(self, point_text: Callable[[DatePoint], str], circa: str = "ca.") -> str | None:
        when = self.when
        if when is None:
            return None
        if isinstance(when, int):
            return str(when)

        def one(point: DatePoint) -> str:
            text = point_text(point)
            text = f"{circa} {text}" if point.approximate else text
            return f"{text}?" if point.uncertain else text

        return "\u2013".join(one(point) for point in ([when.start] if when.end is None else [when.start, when.end]))

    @property
    def url(self) -> str | None:
        return clean(self.source.url) if self.source.url else None

    @property
    def accessed(self) -> dt.date | None:
        return self.source.accessed if self.source.url else None


def pages(text: str) -> str:
    """A page range with an en dash: "47-58" -> "47\u201358"."""
    return re.sub(r"(?<=\w)\s*[-\u2013]+\s*(?=\w)", "\u2013", clean(text))


def many_pages(text: str) -> bool:
    return any(mark in text for mark in "-\u2013,")


def locator_parts(citation: Citation | None, page_label: bool, section: str = "sec.", document: str = "doc.") -> str:
    """A citation's locator: "312" or "p. 312" (PAGE_LABEL), "sec. 3", "doc. 12", joined by commas."""
    if citation is None:
        return ""
    parts = []
    if citation.pages:
        label = ("pp. " if many_pages(citation.pages) else "p. ") if page_label else ""
        parts.append(label + pages(citation.pages))
    if citation.section:
        parts.append(f"{section} {clean(citation.section)}")
    if citation.document:
        parts.append(f"{document} {clean(citation.document)}")
    return ", ".join(parts)


def sentence(*parts: str | None, sep: str = ", ") -> str | None:
    """The parts that are present, joined and closed with a period unless already closed."""
    text = sep.join(part for part in parts if part)
    if not text:
        return None
    return text if _closed(text) else text + "."


def _closed(text: str) -> bool:
    bare = text.replace("\x0e", "").replace("\x0f", "")
    return bare.endswith((".", "?", "!", ".\u201d", "?\u201d", "!\u201d"))


def entry(*sentences: str | None) -> str:
    return " ".join(sentence for sentence in sentences if sentence)


def quoted(title: str, closing: str = ".") -> str:
    """A part's title in curly quotation marks with CLOSING inside them (American usage): \u201cTitle.\u201d"""
    inner = title.replace("\u201c", "\u2018").replace("\u201d", "\u2019").replace('"', "\u2019")
    if inner.endswith(("?", "!")) or (closing == "." and inner.endswith(".")):
        closing = ""  # the title's own mark (or an abbreviation's period) stands for the period
    return f"\u201c{inner}{closing}\u201d"


def slanted(title: str) -> str:
    return italic(title)


def edition(text: str) -> str:
    text = clean(text)
    return text if text.rstrip(".").lower().endswith("ed") else f"{text} ed."
