"""Bibliography entries for store sources in MLA 9, Chicago 17 and APA 7; pure functions.

``format_citation(source, style)`` gives one works-cited (MLA), bibliography
(Chicago 17, notes-bibliography system) or reference-list (APA 7) entry;
``bibliography(sources, style)`` gives them all in the style's order.

Choices made for plain-text output and for what the store records:

- Italics cannot be shown in plain text, so titles of whole works (books,
  documents, journals, encyclopedias, web sites) are written plainly, with no
  markup. Titles of parts (articles, chapters, encyclopedia entries, web pages,
  and documents inside a container) take double quotation marks in MLA and
  Chicago, with any double quotes inside them turned to single ones; APA uses
  no quotation marks.
- Titles are reproduced as recorded. MLA and Chicago want title case and APA
  sentence case, but changing case needs to know which words are proper nouns
  ("Kremlin", "Russian"), so no conversion is attempted.
- Names are "Family, Given". A name without a comma, or whose part after the
  comma has a lower-case word other than a name particle ("Central Intelligence
  Agency, Office of Current Intelligence"), or with more than one comma, is an
  organisation and is never inverted or reduced to initials.
- Place of publication appears only in Chicago ("New York: W. W. Norton, 2003.");
  MLA 9 and APA 7 omit it. MLA shortens "University Press" to "UP".
- A ``date`` (an EDTF date) is used in preference to ``year``; an approximate
  date is given as "circa"/"ca." and an uncertain one with "?".
- Access dates, only for sources with a URL: MLA always ("Accessed 21 Nov.
  2026."); Chicago only when the source has no date of its own (CMOS 14.12);
  APA only for web pages, as "Retrieved November 21, 2026, from URL".
  MLA drops "http://" and "https://" from URLs (MLA Handbook 5.95).
- Page ranges take an en dash. ``language`` and ``note`` are not cited.
- A work with no author or editor starts with its title in every style
  (CMOS 14.75); Chicago's option of putting a newspaper's name in the
  author's place is not used.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from anti_party.dates import DatePoint, EdtfDate
from anti_party.model import Source

STYLES = ("mla", "chicago", "apa")

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "der", "di", "du", "ibn", "la", "le", "van", "von", "y"}
)
_PART_KINDS = frozenset({"article", "chapter", "encyclopedia", "web"})
_FAMILIES = {
    "journal-article": "article", "magazine-article": "article", "newspaper-article": "article",
    "encyclopedia-entry": "encyclopedia", "web-page": "web",
}


def _kind(source: Source) -> str:
    """The family of a source's kind that decides its layout: article, chapter, encyclopedia, web, book, document."""
    return _FAMILIES.get(source.kind, source.kind)
_LEADING_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)


# ---------------------------------------------------------------- names


@dataclass(frozen=True)
class _Name:
    family: str
    given: str = ""  # empty for an organisation

    @property
    def is_person(self) -> bool:
        return bool(self.given)

    def inverted(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family

    def natural(self) -> str:
        return f"{self.given} {self.family}" if self.given else self.family

    def initials(self) -> str:
        """APA's given names: "James R." -> "J. R.", "Jean-Paul" -> "J.-P."; particles kept."""
        words = [_initial(word) if word[0].isupper() else word for word in self.given.split()]
        return " ".join(words)

    def apa_inverted(self) -> str:
        return f"{self.family}, {self.initials()}" if self.given else self.family

    def apa_natural(self) -> str:
        return f"{self.initials()} {self.family}" if self.given else self.family


def _initial(word: str) -> str:
    if word.endswith(".") and len(word) <= 3:  # already an initial
        return word
    return "-".join(f"{part[0]}." for part in word.split("-") if part)


def _parse_name(text: str) -> _Name:
    family, comma, given = (part.strip() for part in text.partition(","))
    if not comma or not given or "," in given:
        return _Name(text.strip())
    if any(not word[0].isupper() and word not in _PARTICLES for word in given.split()):
        return _Name(text.strip())
    return _Name(family, given)


def _names(texts: Sequence[str]) -> list[_Name]:
    return [_parse_name(text) for text in texts]


def _series(items: Sequence[str], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B, and C" (serial comma)."""
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


def _mla_lead(names: Sequence[_Name]) -> str:
    """MLA 9: first name inverted; two names joined by "and"; three or more: first name and "et al."."""
    first = names[0].inverted()
    comma = "," if names[0].is_person else ""
    if len(names) == 1:
        return first
    if len(names) == 2:
        return f"{first}{comma} and {names[1].natural()}"
    return f"{first}{comma} et al."


def _mla_contributors(names: Sequence[_Name]) -> str:
    if len(names) <= 2:
        return " and ".join(name.natural() for name in names)
    return f"{names[0].natural()} et al."


def _chicago_lead(names: Sequence[_Name]) -> str:
    """Chicago 17 (14.76): all names up to ten, else the first seven and "et al."; only the first inverted."""
    if len(names) == 1:
        return names[0].inverted()
    shown = names if len(names) <= 10 else names[:7]
    texts = [shown[0].inverted(), *(name.natural() for name in shown[1:])]
    if len(shown) < len(names):
        return f"{', '.join(texts)}, et al."
    comma = "," if names[0].is_person or len(names) > 2 else ""
    return f"{texts[0]}{comma} and {texts[1]}" if len(texts) == 2 else _series(texts)


def _apa_lead(names: Sequence[_Name]) -> str:
    """APA 7 (9.8): every name inverted with initials; "&" before the last; over 20: 19, ". . .", the last."""
    texts = [name.apa_inverted() for name in names]
    if len(texts) == 1:
        return texts[0]
    if len(texts) > 20:
        return f"{', '.join(texts[:19])}, . . . {texts[-1]}"
    return f"{', '.join(texts[:-1])}, & {texts[-1]}"


def _apa_contributors(names: Sequence[_Name]) -> str:
    texts = [name.apa_natural() for name in names]
    return " & ".join(texts) if len(texts) <= 2 else _series(texts, "&")


# ---------------------------------------------------------------- pieces


def _sentence(*parts: str | None, sep: str = ", ") -> str | None:
    """The parts that are present, joined and closed with a period unless already closed."""
    text = sep.join(part for part in parts if part)
    if not text:
        return None
    return text if text.endswith((".", "?", "!")) else text + "."


def _entry(*sentences: str | None) -> str:
    return " ".join(sentence for sentence in sentences if sentence)


def _quoted(title: str) -> str:
    """A part's title in quotation marks, the closing period inside them (MLA, Chicago)."""
    inner = title.replace('"', "'")
    return f'"{inner}"' if inner.endswith((".", "?", "!")) else f'"{inner}."'


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _pages(pages: str) -> str:
    return re.sub(r"(?<=\w)\s*-+\s*(?=\w)", "\u2013", pages)


def _page_label(pages: str) -> str:
    """MLA and APA: "p. 5", "pp. 5-30"."""
    many = any(mark in pages for mark in "-\u2013,")
    return f"{'pp.' if many else 'p.'} {_pages(pages)}"


def _edition(edition: str) -> str:
    return edition if edition.rstrip(".").lower().endswith("ed") else f"{edition} ed."


def _is_part(source: Source) -> bool:
    return _kind(source) in _PART_KINDS or (_kind(source) == "document" and source.container is not None)


def _lead_names(source: Source) -> tuple[list[_Name], bool]:
    """Who stands in the author's place, and whether they are editors of the work itself."""
    if source.authors:
        return _names(source.authors), False
    if source.editors and source.container is None:
        return _names(source.editors), True
    return [], False


def _work_editors(source: Source) -> list[_Name]:
    """Editors named after the title: of the work when it has authors, of the container when it has one."""
    return _names(source.editors) if source.authors or source.container else []


# ---------------------------------------------------------------- dates


def _when(source: Source) -> EdtfDate | int | None:
    return source.date if source.date is not None else source.year


DateStyle = Callable[[DatePoint], str]


def _mla_point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = _MLA_MONTHS[point.month - 1]
    return f"{month} {point.year}" if point.day is None else f"{point.day} {month} {point.year}"


def _chicago_point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = _MONTHS[point.month - 1]
    return f"{month} {point.year}" if point.day is None else f"{month} {point.day}, {point.year}"


def _apa_point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = _MONTHS[point.month - 1]
    return f"{point.year}, {month}" if point.day is None else f"{point.year}, {month} {point.day}"


def _date_text(when: EdtfDate | int | None, style: DateStyle, circa: str = "ca.") -> str | None:
    if when is None:
        return None
    if isinstance(when, int):
        return str(when)

    def point_text(point: DatePoint) -> str:
        text = style(point)
        text = f"{circa} {text}" if point.approximate else text
        return f"{text}?" if point.uncertain else text

    ends = [when.start] if when.end is None else [when.start, when.end]
    return "\u2013".join(point_text(point) for point in ends)


def _year_text(when: EdtfDate | int | None) -> str | None:
    """Chicago journal articles give the year only, in parentheses."""
    return str(when.start.year) if isinstance(when, EdtfDate) else _date_text(when, _chicago_point)


def _day(day: dt.date, style: DateStyle) -> str:
    return style(DatePoint(day.year, day.month, day.day))


# ---------------------------------------------------------------- MLA 9


def _mla_publisher(publisher: str | None) -> str | None:
    """MLA 9 shortens academic presses: "Johns Hopkins UP", "U of Chicago P"."""
    if publisher is None:
        return None
    publisher = re.sub(r"\bUniversity Press\b", "UP", publisher)
    return re.sub(r"\bUniversity of (.+) Press\b", r"U of \1 P", publisher)


def _mla_url(url: str | None) -> str | None:
    return re.sub(r"^https?://", "", url) if url else None


def _mla(source: Source) -> str:
    """Author. Title. Container, contributors, version, number, publisher, date, location. Accessed date."""
    lead, editors_lead = _lead_names(source)
    author = None
    if lead:
        label = (", editors" if len(lead) > 1 else ", editor") if editors_lead else ""
        author = _sentence(_mla_lead(lead) + label)
    title = _quoted(source.title) if _is_part(source) else _sentence(source.title)
    contributors = [
        f"{role} by {_mla_contributors(names)}"
        for role, names in (("edited", _work_editors(source)), ("translated", _names(source.translators)))
        if names
    ]
    if contributors and not source.container:
        contributors[0] = _capitalised(contributors[0])
    details = _sentence(
        source.container,
        *contributors,
        _edition(source.edition) if source.edition else None,
        f"vol. {source.volume}" if source.volume else None,
        _mla_publisher(source.publisher),
        _date_text(_when(source), _mla_point, circa="circa"),
        _page_label(source.pages) if source.pages else None,
        _mla_url(source.url),
    )
    accessed = f"Accessed {_day(source.accessed, _mla_point)}." if source.accessed and source.url else None
    return _entry(author, title, details, accessed)


# ---------------------------------------------------------------- Chicago 17


def _chicago_imprint(source: Source) -> str | None:
    """ "Place: Publisher, Date." with whatever is present (CMOS 14.129-14.141)."""
    where = ": ".join(part for part in (source.place, source.publisher) if part)
    return _sentence(where, _date_text(_when(source), _chicago_point))


def _chicago_container(source: Source) -> list[str | None]:
    """What follows the title and contributors, by kind."""
    when = _when(source)
    pages = _pages(source.pages) if source.pages else None
    if _kind(source) == "article":
        if source.volume:  # a journal: "Review 17 (1958): 47-58."
            year = _year_text(when)
            head = " ".join(part for part in (source.container, source.volume, f"({year})" if year else None) if part)
            return [_sentence(f"{head}: {pages}" if pages else head)]
        return [_sentence(source.container, _date_text(when, _chicago_point), pages)]  # a magazine or newspaper
    if _kind(source) == "web":
        return [_sentence(source.container), _sentence(source.publisher), _sentence(_date_text(when, _chicago_point))]
    if source.container:  # "In Encyclopedia, edited by X, 60-61. Place: Publisher, Year."
        editors = _work_editors(source)
        located = f"{source.volume}:{pages}" if source.volume and pages else pages
        volume = f"vol. {source.volume}" if source.volume and not pages else None
        return [
            _sentence(
                f"In {source.container}",
                f"edited by {_series([name.natural() for name in editors])}" if editors else None,
                volume,
                located,
            ),
            _chicago_imprint(source),
        ]
    return [_sentence(f"Vol. {source.volume}") if source.volume else None, _chicago_imprint(source)]


def _chicago(source: Source) -> str:
    lead, editors_lead = _lead_names(source)
    author = None
    if lead:
        label = (", eds" if len(lead) > 1 else ", ed") if editors_lead else ""
        author = _sentence(_chicago_lead(lead) + label)
    title = _quoted(source.title) if _is_part(source) else _sentence(source.title)
    editors = [] if source.container else _work_editors(source)
    edited = _sentence(f"Edited by {_series([name.natural() for name in editors])}") if editors else None
    translators = _names(source.translators)
    translated = _sentence(f"Translated by {_series([n.natural() for n in translators])}") if translators else None
    edition = _sentence(_edition(source.edition)) if source.edition else None
    undated = _when(source) is None
    url = _sentence(source.url) if source.url else None
    accessed = f"Accessed {_day(source.accessed, _chicago_point)}." if source.accessed and url and undated else None
    return _entry(author, title, edited, translated, edition, *_chicago_container(source), accessed, url)


# ---------------------------------------------------------------- APA 7


def _apa_title(source: Source, details: Sequence[str | None]) -> str | None:
    """The title with its bracket of edition, volume, pages and contributors: "Moscow Diary (D. Floyd, Trans.)."""
    inside = "; ".join(part for part in details if part)
    return _sentence(f"{source.title} ({inside})" if inside else source.title)


def _apa_role(names: Sequence[_Name], one: str, many: str) -> str | None:
    return f"{_apa_contributors(names)}, {one if len(names) == 1 else many}" if names else None


def _apa(source: Source) -> str:
    lead, editors_lead = _lead_names(source)
    when = _date_text(_when(source), _apa_point) or "n.d."
    date = f"({when})."
    publisher = source.publisher if source.publisher not in source.authors else None
    edition = _edition(source.edition) if source.edition else None
    volume = f"Vol. {source.volume}" if source.volume else None
    translated = _apa_role(_names(source.translators), "Trans.", "Trans.")
    url = source.url
    if _kind(source) == "web" and source.url and source.accessed:
        url = f"Retrieved {_day(source.accessed, _chicago_point)}, from {source.url}"

    if _kind(source) == "article":
        volume_pages = [source.volume, _pages(source.pages) if source.pages else None]
        rest = [_apa_title(source, [translated]), _sentence(source.container, *volume_pages)]
    elif _kind(source) == "web":
        rest = [_apa_title(source, [translated]), _sentence(source.container), _sentence(publisher)]
    elif source.container:  # "In J. R. Millar (Ed.), Encyclopedia (Vol. 1, pp. 60-61). Publisher."
        editors = _work_editors(source)
        pages = _page_label(source.pages) if source.pages else None
        by = f"{_apa_contributors(editors)} ({'Ed.' if len(editors) == 1 else 'Eds.'}), " if editors else ""
        inside = ", ".join(part for part in (edition, volume, pages) if part)
        container = f"In {by}{source.container}" + (f" ({inside})" if inside else "")
        rest = [_apa_title(source, [translated]), _sentence(container), _sentence(publisher)]
    else:
        editors = [] if editors_lead else _work_editors(source)
        numbered = ", ".join(part for part in (edition, volume) if part)
        contributors = [_apa_role(editors, "Ed.", "Eds."), translated]
        rest = [_apa_title(source, [numbered, *contributors]), _sentence(publisher)]

    if lead:
        label = (" (Eds.)." if len(lead) > 1 else " (Ed.).") if editors_lead else ""
        head = [_sentence(_apa_lead(lead) + label), date, *rest]
    else:  # the title takes the author's place (APA 9.12)
        head = [rest[0], date, *rest[1:]]
    return _entry(*head, url)


# ---------------------------------------------------------------- public


_FORMATTERS: dict[str, Callable[[Source], str]] = {"mla": _mla, "chicago": _chicago, "apa": _apa}


def _check_style(style: str) -> None:
    if style not in _FORMATTERS:
        raise ValueError(f"unknown citation style {style!r}: expected one of {', '.join(STYLES)}")


def format_citation(source: Source, style: str) -> str:
    """The entry for one source in MLA 9, Chicago 17 (bibliography) or APA 7 (reference list), as plain text."""
    _check_style(style)
    return _FORMATTERS[style](source)


def _fold(text: str) -> str:
    """For alphabetising: no accents, no punctuation, lower case ("Mićunović" files as "micunovic")."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", plain.casefold()).split())


def _title_key(title: str) -> str:
    folded = _fold(title)
    return _LEADING_ARTICLE.sub("", folded, count=1) if _LEADING_ARTICLE.match(folded) else folded


SortKey = tuple[tuple[str, ...], int, str, str]


def sort_key(source: Source, style: str) -> SortKey:
    """Alphabetical by the names in the author's place (or the title, less a leading "The", "A", "An").

    MLA and Chicago order one author's works by title; APA by year, undated works first.
    """
    _check_style(style)
    lead, _ = _lead_names(source)
    head = tuple(_fold(f"{name.family} {name.given}") for name in lead) or (_title_key(source.title),)
    when = _when(source)
    dated = 0 if when is None else 1
    date = "" if when is None else str(when) if isinstance(when, int) else when.earliest.isoformat()
    if style == "apa":
        return (head, dated, date, _title_key(source.title))
    return (head, 0, _title_key(source.title), date)


def bibliography(sources: Iterable[Source], style: str) -> list[str]:
    """Every source's entry, in the style's order."""
    return [format_citation(source, style) for source in sorted(sources, key=lambda source: sort_key(source, style))]
