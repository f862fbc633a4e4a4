"""APA 7: reference-list entries and in-text citations.

Author. (Date). Title. Source. — with the title in sentence case (as the store keeps it),
periodical names and volumes in italics, "(n.d.)" for undated works, a retrieval date only
for online pages whose content changes (online reference works and undated web pages),
and a non-English title followed by its English translation in brackets.
"""

from __future__ import annotations

import re

from anti_party.cite.markup import clean, italic
from anti_party.cite.words import Name, series, surnames, title_case
from anti_party.cite.work import (
    MONTHS,
    Catalogue,
    DateForms,
    Work,
    edition,
    entry,
    locator_parts,
    many_pages,
    pages,
    quoted,
    sentence,
)
from anti_party.dates import DatePoint
from anti_party.model import Citation

STYLE = "apa"


def _point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = MONTHS[point.month - 1]
    return f"{point.year}, {month}" if point.day is None else f"{point.year}, {month} {point.day}"


def _month_day(point: DatePoint) -> str:
    month = MONTHS[(point.month or 1) - 1]
    return f"{month} {point.day}" if point.day else month


DATES = DateForms(
    _point,
    lambda start, end: f"{_point(start)}\u2013{end.day}",  # 1953, July 2\u20137
    lambda start, end: f"{_point(start)}\u2013{_month_day(end)}",  # 1956, October 19\u2013November 2
)


def _lead(names: list[Name]) -> str:
    """Every name inverted with initials; "&" before the last; over 20: the first 19, ". . .", the last."""
    texts = [name.apa_inverted() for name in names]
    if len(texts) == 1:
        return texts[0]
    if len(texts) > 20:
        return f"{', '.join(texts[:19])}, . . . {texts[-1]}"
    return f"{', '.join(texts[:-1])}, & {texts[-1]}"


def _natural(names: list[Name]) -> str:
    texts = [name.apa_natural() for name in names]
    return " & ".join(texts) if len(texts) <= 2 else series(texts, "&")


def _role(names: list[Name], abbreviation: str) -> str | None:
    plural = "s." if len(names) > 1 and abbreviation == "Ed." else ""
    return f"{_natural(names)}, {abbreviation[:-1] + plural if plural else abbreviation}" if names else None


def _retrieved(work: Work) -> bool:
    """A retrieval date for content that changes: online reference entries and undated web pages."""
    return work.accessed is not None and (work.online_reference or (work.kind == "web-page" and work.when is None))


def _title(work: Work, details: list[str | None], slanted: bool) -> str:
    """The title (italic for whole works), its translation, then "(ed.; Vol. 2; D. Floyd, Trans.)"."""
    title = work.title(STYLE)
    text = title if work.is_description or not slanted else italic(title)
    text += work.translation() or ""
    inside = "; ".join(part for part in details if part)
    return sentence(f"{text} ({inside})" if inside else text) or ""


def reference(work: Work, catalogue: Catalogue | None = None) -> str:
    source = work.source
    letter = catalogue.apa_letters.get(source.id, "") if catalogue else ""
    when = work.date_text(DATES)
    dated = re.sub(r"(\d{4})", lambda match: match[1] + letter, when, count=1) if when else f"n.d.{letter}"
    date = f"({dated})."
    container = work.container(STYLE)
    publisher = work.publisher_named_apart()
    publisher = None if publisher in source.authors else publisher
    translated = _role(work.translators, "Trans.")
    the_edition = edition(source.edition) if source.edition else None
    volume = f"Vol. {clean(source.volume)}" if source.volume else None
    span = pages(source.pages) if source.pages else None
    located = f"{'pp.' if many_pages(source.pages or '') else 'p.'} {span}" if span else None
    archive = sentence(work.archive())
    if work.kind in ("journal-article", "magazine-article", "newspaper-article"):
        title = _title(work, [translated], slanted=False)
        if work.kind == "newspaper-article":
            where = sentence(italic(container) if container else None, located)
        else:  # "Review, 17(1), 47\u201358"; with an issue and no volume, the issue stands in the volume's place
            volume_text = clean(source.volume) if source.volume else None
            issue_text = work.issue
            numbered: str | None
            if container and volume_text:
                numbered = italic(f"{container}, {volume_text}") + (f"({issue_text})" if issue_text else "")
            elif container and issue_text:
                numbered = f"{italic(container)}, {italic(issue_text)}"
            else:
                numbered = italic(container) if container else None
            where = sentence(numbered, span)
        rest = [title, where]
    elif work.kind == "web-page":
        rest = [_title(work, [translated], slanted=True),
                sentence(container) if container and container not in source.authors else None,
                sentence(publisher)]
    elif work.kind == "document" and not work.container_is_book:  # standalone, or in an archive
        rest = [_title(work, [translated, work.number("Document")], slanted=True), archive,
                sentence(container) if container else sentence(publisher)]
    elif work.kind in ("encyclopedia-entry", "chapter", "document"):  # parts of a book or printed collection
        editors = work.work_editors
        by = f"{_natural(editors)} ({'Ed.' if len(editors) == 1 else 'Eds.'}), " if editors else ""
        inside = ", ".join(part for part in (the_edition, volume, located) if part)
        contained = f"In {by}{italic(container) if container else ''}" + (f" ({inside})" if inside else "")
        rest = [_title(work, [translated, work.number("Document")], slanted=False), sentence(contained),
                sentence(publisher)]
    else:  # books
        editors = [] if work.editors_lead else work.work_editors
        numbered = ", ".join(part for part in (the_edition, volume) if part)
        rest = [_title(work, [numbered, _role(editors, "Ed."), translated, work.number("Document")], slanted=True),
                sentence(publisher)]
    if work.lead:
        label = (" (Eds.)." if len(work.lead) > 1 else " (Ed.).") if work.editors_lead else ""
        head = [sentence(_lead(work.lead) + label) if not label else _lead(work.lead) + label, date, *rest]
    else:
        head = [rest[0], date, *rest[1:]]  # no author: the title takes the author's place
    tail: str | None = work.url
    if work.url and work.accessed and _retrieved(work):
        day = work.accessed
        tail = f"Retrieved {MONTHS[day.month - 1]} {day.day}, {day.year}, from {work.url}"
    return entry(*head, tail)


def in_text(work: Work, citation: Citation | None, catalogue: Catalogue) -> str:
    """(Taubman, 2003, p. 312); (Bogomolov & Sannikov, n.d.); (\u201cDrip, Drip, Drip,\u201d 1958); (CIA, 1957a)."""
    year = _year(work, catalogue)
    if work.lead:
        head = f"{surnames(work.lead, '&')}, {year}"
    else:  # no author: the title (in title case if English), quoted for parts and italic for whole works
        short, distinction = catalogue.short(work, STYLE)
        short = title_case(short, STYLE) if work.english else short
        title = quoted(short, ",") if work.is_part else f"{italic(short)},"
        head = f"{title} {distinction}, {year}" if distinction else f"{title} {year}"
    where = locator_parts(citation, STYLE, page_label=True, section="Section", document="Document")
    return f"({head}, {where})" if where else f"({head})"


def _year(work: Work, catalogue: Catalogue) -> str:
    """The year with APA's letter for one author's works of one year: "1957a", "n.d.-b"."""
    return f"{work.year or 'n.d.'}{catalogue.apa_letters.get(work.source.id, '')}"
