"""Citations of store sources: MLA 9, Chicago 18 and APA 7, as entries, notes and in-text forms.

``entries(items, style, form)`` gives what ``apg cite`` prints, as marked-up strings
(``markup.italic``) that ``markup.output`` turns into plain text, Markdown, HTML or RTF;
``format_citation(source, style)`` is one bibliography entry as plain text, for the other
views. The conventions chosen, with the guide sections they follow, are in
docs/citations.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from anti_party.choices import CITATION_STYLES
from anti_party.cite import apa, chicago, mla
from anti_party.cite.markup import plain
from anti_party.cite.words import fold, letters, title_key
from anti_party.cite.work import Catalogue, Work
from anti_party.errors import UsageError, quoted
from anti_party.model import Citation, Source

STYLES = CITATION_STYLES  # named once, in anti_party.choices, for the command line too
FORMS = ("bibliography", "note", "short-note", "in-text")
_ENTRIES: dict[str, Callable[[Work, Catalogue], str]] = {
    "mla": lambda work, _: mla.works_cited(work), "chicago": lambda work, _: chicago.bibliography(work),
    "apa": apa.reference,
}
_LOCATED: dict[tuple[str, str], Callable[[Work, Citation | None, Catalogue], str]] = {
    ("chicago", "note"): chicago.note,
    ("chicago", "short-note"): chicago.short_note,
    ("mla", "in-text"): mla.in_text,
    ("apa", "in-text"): apa.in_text,
}


class CitationFormError(UsageError, ValueError):
    """A style or form apg does not have (a note in APA, an in-text citation in Chicago's notes system)."""


def _check(style: str, form: str = "bibliography") -> None:
    if style not in _ENTRIES:
        raise CitationFormError(f"unknown citation style {quoted(style)}: expected one of {', '.join(STYLES)}")
    if form != "bibliography" and (style, form) not in _LOCATED:
        notes = "--note and --short-note are Chicago's notes; MLA and APA cite in the text (--in-text)"
        offered = {"note": notes, "short-note": notes,
                   "in-text": "--in-text is for MLA and APA; Chicago cites in notes (--note, --short-note)"}
        raise CitationFormError(offered.get(form, f"unknown form {form!r}"))


def format_citation(source: Source, style: str, library: Iterable[Source] = ()) -> str:
    """One bibliography (Chicago), works-cited (MLA) or reference-list (APA) entry, as plain text.

    LIBRARY is the bibliography the source belongs to (APA's "1957a" needs it); by default the
    source alone.
    """
    _check(style)
    return plain(_ENTRIES[style](Work(source), _catalogue([source, *library])))


def _catalogue(sources: Iterable[Source]) -> Catalogue:
    return Catalogue(tuple(Work(source) for source in {source.id: source for source in sources}.values()))


SortKey = tuple[tuple[str, ...], int, str, str]


def sort_key(source: Source, style: str) -> SortKey:
    """Alphabetical by the names in the author's place, else by the title less a leading article.

    Unsigned periodical articles and reference entries file under the publication in Chicago,
    as they are listed. One author's works: by title in MLA and Chicago; by year in APA,
    undated works first.
    """
    _check(style)
    work = Work(source)
    # Chicago 18 files word by word; MLA and APA letter by letter (spaces ignored).
    filed = (lambda key: key) if style == "chicago" else letters
    if work.lead:
        head = tuple(filed(fold(f"{name.family} {name.given}")) for name in work.lead)
    elif style == "chicago" and source.container and (
        source.kind in ("newspaper-article", "magazine-article", "encyclopedia-entry")
    ):
        head = (filed(title_key(source.container)),)
    else:
        head = (filed(title_key(source.title)),)
    year, title = work.year, filed(title_key(source.title))
    if style == "apa":
        return (head, 0 if year is None else 1, f"{year or 0:04d}", title)
    return (head, 0, title, f"{year or 0:04d}")


def bibliography(sources: Iterable[Source], style: str, library: Iterable[Source] = ()) -> list[str]:
    """Every source's entry, marked up, in the style's order; MLA replaces a repeated name by "---".

    MLA's three hyphens stand for the same names whether they were author or editor
    ("---, editor."); LIBRARY is the whole bibliography (APA's letters), by default SOURCES.
    """
    chosen = list(sources)
    catalogue = _catalogue([*chosen, *library])
    ordered = sorted(chosen, key=lambda source: sort_key(source, style))
    entries = [_ENTRIES[style](Work(source), catalogue) for source in ordered]
    if style == "mla":
        previous: tuple[str, ...] = ()
        for index, source in enumerate(ordered):
            work = Work(source)
            names = work.lead_key
            lead = mla.lead(work.lead) if names else ""
            if names and names == previous and entries[index].startswith(lead):
                rest = entries[index][len(lead):]  # ". Title", ", editor. Title", or " Title" after "E."
                entries[index] = "---" + (rest if rest.startswith((".", ",")) else "." + rest)
            previous = names
    return entries


def located(
    items: Sequence[tuple[Source, Citation | None]], style: str, form: str, library: Iterable[Source] = ()
) -> list[str]:
    """Notes, shortened notes or in-text citations, one per cited source, with the citation's locator.

    LIBRARY is the bibliography they point into: a short citation adds a title, or keeps the
    subtitle, where the short form would fit another work of it; APA adds its year letters.
    """
    _check(style, form)
    function = _LOCATED[(style, form)]
    catalogue = _catalogue([*(source for source, _ in items), *library])
    return [function(Work(source), citation, catalogue) for source, citation in items]


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def gaps(source: Source) -> list[str]:
    """What a source lacks for a complete citation in the three styles (apg cite warns of each)."""
    found = []
    work = Work(source)
    if _CYRILLIC.search(source.title):
        found.append("title not romanised (put the Cyrillic in title_native)")
    if not work.english and not source.title_english:
        found.append("no English translation of the title (title_english)")
    needs_container = source.kind in ("chapter", "journal-article", "magazine-article", "newspaper-article",
                                      "encyclopedia-entry", "web-page")
    if needs_container and not source.container:
        found.append(f"a {source.kind} needs its container")
    if source.kind in ("journal-article", "magazine-article", "newspaper-article") and work.when is None:
        found.append(f"a {source.kind} needs its date or year")
    if source.kind == "book" and not source.publisher:
        found.append("a book needs its publisher")
    if source.url and not source.accessed:
        found.append("a url needs the day it was read (accessed)")
    if source.kind == "web-page" and not source.url:
        found.append("a web-page needs its url")
    return found


@dataclass(frozen=True)
class CitationRequest:
    """What `apg cite` asks for: the cited sources (with their locators), a style and a form."""

    items: tuple[tuple[Source, Citation | None], ...]
    style: str = "chicago"
    form: str = "bibliography"
    library: tuple[Source, ...] = ()  # the whole bibliography the citations point into

    @property
    def sources(self) -> list[Source]:
        """Each cited source once, in the order first cited."""
        return list({source.id: source for source, _ in self.items}.values())

    def entries(self) -> list[str]:
        """The marked-up entries: the bibliography in the style's order, or one note or in-text form per citation."""
        if self.form == "bibliography":
            return bibliography(self.sources, self.style, self.library)
        return located(self.items, self.style, self.form, self.library)


__all__ = [
    "FORMS", "STYLES", "CitationFormError", "CitationRequest", "bibliography", "format_citation", "gaps", "located",
    "sort_key",
]
