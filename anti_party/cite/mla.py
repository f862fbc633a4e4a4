"""MLA 9: works-cited entries and in-text citations.

Author. Title. Container, contributors, version, number, publisher, date, location.
Accessed date. (MLA Handbook, 9th ed., chapter 5: the core elements.)
"""

from __future__ import annotations

import re

from anti_party.cite.markup import clean, italic
from anti_party.cite.words import Name, surnames
from anti_party.cite.work import (
    PERIODICALS,
    Catalogue,
    DateForms,
    Work,
    edition,
    entry,
    inside_quotes,
    locator_parts,
    many_pages,
    pages,
    quoted,
    sentence,
)
from anti_party.dates import DatePoint
from anti_party.model import Citation

_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
STYLE = "mla"


def _point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = _MONTHS[point.month - 1]
    return f"{month} {point.year}" if point.day is None else f"{point.day} {month} {point.year}"


def _day_month(point: DatePoint) -> str:
    month = _MONTHS[(point.month or 1) - 1]
    return f"{point.day} {month}" if point.day else month


DATES = DateForms(
    _point,
    lambda start, end: f"{start.day}\u2013{_point(end)}",  # 2\u20137 July 1953
    lambda start, end: f"{_day_month(start)}\u2013{_point(end)}",  # 19 Oct.\u20132 Nov. 1956
)


def lead(names: list[Name]) -> str:
    """One name inverted; two joined by "and"; three or more: the first and "et al."."""
    first = names[0].inverted()
    comma = "," if names[0].is_person else ""
    if len(names) == 1:
        return first
    if len(names) == 2:
        return f"{first}{comma} and {names[1].natural()}"
    return f"{first}{comma} et al."


def _contributors(names: list[Name]) -> str:
    return " and ".join(name.natural() for name in names) if len(names) <= 2 else f"{names[0].natural()} et al."


def _publisher(work: Work) -> str | None:
    """Omitted for periodicals and web sites named after their publisher; academic presses shortened."""
    publisher = work.publisher_named_apart()
    if publisher is None or work.kind in PERIODICALS:
        return None
    publisher = re.sub(r"\bUniversity Press\b", "UP", publisher)
    return re.sub(r"\bUniversity of (.+) Press\b", r"U of \1 P", publisher)


def _title(work: Work) -> str:
    """Quoted for parts, italic for whole works; a description plain, without its brackets."""
    translation = work.translation() or ""
    if work.is_description:
        return work.description() + translation + "."
    title = work.title(STYLE)
    if work.is_part:
        return quoted(title, "" if translation else ".") + (translation + "." if translation else "")
    return italic(title) + translation + "."


def _container(work: Work) -> str | None:
    container = work.container(STYLE)
    if container is None:
        return None
    place = f" [{clean(work.source.place)}]" if work.kind == "newspaper-article" and work.source.place else ""
    return italic(container) + place


def works_cited(work: Work) -> str:
    source = work.source
    author = None
    if work.lead and not _author_publishes(work):
        label = (", editors" if len(work.lead) > 1 else ", editor") if work.editors_lead else ""
        author = sentence(lead(work.lead) + label)
    container = _container(work)
    # Who edited or translated the work itself follows its title; a container's editors follow the container.
    own = work.contributors([] if container else work.work_editors, capitalised=False)
    own_sentence = sentence(*own) if own and container else None
    container_editors = [f"edited by {_contributors(work.work_editors)}"] if container and work.work_editors else []
    located = None
    if source.pages:
        located = f"{'pp.' if many_pages(source.pages) else 'p.'} {pages(source.pages, STYLE)}"
    details = sentence(
        container,
        *container_editors,
        *([] if container else own),
        edition(source.edition) if source.edition else None,
        f"vol. {clean(source.volume)}" if source.volume else None,
        f"{'nos.' if chr(0x2013) in (work.issue or '') else 'no.'} {work.issue}" if work.issue else None,
        work.number(),
        _publisher(work),
        work.date_text(DATES, circa="circa"),
        located,
        work.archive(),
        re.sub(r"^https?://", "", work.url) if work.url else None,
    )
    # An access date where the work has no date of its own (MLA 9 makes it optional otherwise).
    accessed = f"Accessed {_point(_day(work))}." if work.accessed and work.when is None else None
    return entry(author, _title(work), own_sentence, details, accessed)


def _author_publishes(work: Work) -> bool:
    """An organisation that is both author and publisher is given once, as publisher."""
    return len(work.authors) == 1 and not work.authors[0].is_person and work.authors[0].family == work.source.publisher


def _day(work: Work) -> DatePoint:
    assert work.accessed is not None
    return DatePoint(work.accessed.year, work.accessed.month, work.accessed.day)


def in_text(work: Work, citation: Citation | None, catalogue: Catalogue) -> str:
    """(Taubman 312); (Spitsyn, Khrushchevskaia sliakot' 93); (\u201cDrip, Drip, Drip\u201d); (Doe, sec. 3).

    The names alone, unless the works cited hold another work under the same names: then a
    short title follows them; a work with no author is cited by its short title.
    """
    title = None
    if not work.lead or catalogue.needs_title(work):
        short, distinction = catalogue.short(work, STYLE)
        title = quoted(short, "") if work.is_part else italic(short)
        title += f", {distinction}" if distinction else ""
    head = ", ".join(part for part in (surnames(work.lead) if work.lead else None, title) if part)
    where = locator_parts(citation, STYLE, page_label=False)
    if where:
        head += f" {where}" if citation is not None and citation.pages else f", {where}"
    return "(" + inside_quotes(head) + ")"
