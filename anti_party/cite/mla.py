"""MLA 9: works-cited entries and in-text citations.

Author. Title. Container, contributors, version, number, publisher, date, location.
Accessed date. (MLA Handbook, 9th ed., chapter 5: the core elements.)
"""

from __future__ import annotations

import re

from anti_party.cite.markup import clean, italic
from anti_party.cite.words import Name, surnames
from anti_party.cite.work import PERIODICALS, Work, edition, entry, locator_parts, many_pages, pages, quoted, sentence
from anti_party.dates import DatePoint
from anti_party.model import Citation

_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
STYLE = "mla"


def _point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = _MONTHS[point.month - 1]
    return f"{month} {point.year}" if point.day is None else f"{point.day} {month} {point.year}"


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
    publisher = work.source.publisher
    if publisher is None or work.kind in PERIODICALS or publisher == work.source.container:
        return None
    publisher = re.sub(r"\bUniversity Press\b", "UP", clean(publisher))
    return re.sub(r"\bUniversity of (.+) Press\b", r"U of \1 P", publisher)


def _title(work: Work) -> str:
    title = work.title(STYLE)
    translation = work.translation() or ""
    if work.is_description:
        return title + translation + "."
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
    contributors = [
        f"{role} by {_contributors(names)}"
        for role, names in (("edited", work.work_editors), ("translated", work.translators))
        if names
    ]
    container = _container(work)
    if contributors and not container:
        contributors[0] = contributors[0][:1].upper() + contributors[0][1:]
    located = None
    if source.pages:
        located = f"{'pp.' if many_pages(source.pages) else 'p.'} {pages(source.pages)}"
    details = sentence(
        container,
        *contributors,
        edition(source.edition) if source.edition else None,
        f"vol. {clean(source.volume)}" if source.volume else None,
        f"no. {clean(source.issue)}" if source.issue else None,
        clean(source.number) if source.number else None,
        _publisher(work),
        work.date_text(_point, circa="circa"),
        located,
        re.sub(r"^https?://", "", work.url) if work.url else None,
    )
    # An access date where the work has no date of its own (MLA 9 makes it optional otherwise).
    accessed = f"Accessed {_point(_day(work))}." if work.accessed and work.when is None else None
    return entry(author, _title(work), details, accessed)


def _author_publishes(work: Work) -> bool:
    """An organisation that is both author and publisher is given once, as publisher."""
    return len(work.authors) == 1 and not work.authors[0].is_person and work.authors[0].family == work.source.publisher


def _day(work: Work) -> DatePoint:
    assert work.accessed is not None
    return DatePoint(work.accessed.year, work.accessed.month, work.accessed.day)


def in_text(work: Work, citation: Citation | None) -> str:
    """(Taubman 312); (Bogomolov and Sannikov 35); ("Drip, Drip, Drip"); (Taubman, sec. 3)."""
    if work.lead:
        who = surnames(work.lead)
    else:
        short = short_title(work.title(STYLE))
        who = quoted(short, "") if work.is_part else italic(short)
    where = locator_parts(citation, page_label=False)
    if citation is not None and where and not citation.pages:
        return f"({who}, {where})"
    return f"({who} {where})" if where else f"({who})"


def short_title(title: str) -> str:
    """The title before its subtitle, less a leading article; over five words, its first four.

    For in-text citations and shortened notes, which want a title of a few words that
    leads the reader to the full entry.
    """
    main = re.sub(r"\s*\([^)]*\)", "", title.split(":")[0]).strip()
    main = re.sub(r"^(?:The|A|An)\s+", "", main)
    clause = main.split(",")[0]
    main = clause if len(clause.split()) >= 2 else main
    words = main.split()
    if len(words) <= 5:
        return main
    short = " ".join(words[:4])
    return short + "\u201d" if short.count("\u201c") > short.count("\u201d") else short
