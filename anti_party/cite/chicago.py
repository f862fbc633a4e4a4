"""Chicago 18, notes and bibliography: bibliography entries, full notes and shortened notes.

The 18th edition (2024) omits the place of publication of books, lists up to six
authors in a bibliography entry (the first three and "et al." beyond that), repeats an
author's name rather than using a 3-em dash, and prefers a shortened note to "ibid."
"""

from __future__ import annotations

from anti_party.cite.markup import clean, italic
from anti_party.cite.words import Name, series, surnames
from anti_party.cite.work import (
    MONTHS,
    PERIODICALS,
    Catalogue,
    DateForms,
    Work,
    edition,
    entry,
    inside_quotes,
    locator_parts,
    pages,
    quoted,
    sentence,
)
from anti_party.dates import DatePoint
from anti_party.model import Citation

STYLE = "chicago"


def _point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = MONTHS[point.month - 1]
    return f"{month} {point.year}" if point.day is None else f"{month} {point.day}, {point.year}"


def _month_day(point: DatePoint) -> str:
    month = MONTHS[(point.month or 1) - 1]
    return f"{month} {point.day}" if point.day else month


DATES = DateForms(
    _point,
    lambda start, end: f"{_month_day(start)}\u2013{end.day}, {end.year}",  # July 2\u20137, 1953
    lambda start, end: f"{_month_day(start)}\u2013{_point(end)}",  # October 19\u2013November 2, 1956
)


def _day(work: Work) -> str:
    assert work.accessed is not None
    return _point(DatePoint(work.accessed.year, work.accessed.month, work.accessed.day))


def _bibliography_names(names: list[Name]) -> str:
    """The first name inverted, the others natural; more than six: the first three and "et al."."""
    shown = names if len(names) <= 6 else names[:3]
    texts = [shown[0].inverted(), *(name.natural() for name in shown[1:])]
    if len(shown) < len(names):
        return f"{', '.join(texts)}, et al."
    if len(texts) == 1:
        return texts[0]
    comma = "," if names[0].is_person or len(texts) > 2 else ""
    return f"{texts[0]}{comma} and {texts[1]}" if len(texts) == 2 else series(texts)


def _note_names(names: list[Name]) -> str:
    """Natural order; three or more: the first and "et al."."""
    if len(names) >= 3:
        return f"{names[0].natural()} et al."
    return " and ".join(name.natural() for name in names)


def _periodical(work: Work) -> str | None:
    """A periodical's name in italics, less an initial "The" (CMOS), a newspaper's city in parentheses."""
    container = work.container(STYLE)
    if container is None:
        return None
    if container.startswith("The ") and work.english:
        container = container[4:]
    place = f" ({clean(work.source.place)})" if work.kind == "newspaper-article" and work.source.place else ""
    return italic(container) + place


def _container_name(work: Work) -> str | None:
    """Books, periodicals and reference works in italics; web sites, Wikipedia and archives in roman."""
    if work.kind in PERIODICALS:
        return _periodical(work)
    container = work.container(STYLE)
    if container is None:
        return None
    roman = work.kind == "web-page" or work.is_wikipedia or (work.kind == "document" and not work.container_is_book)
    return container if roman else italic(container)


def _title(work: Work, closing: str) -> str:
    """The title, quoted for parts and italic for whole works, with its translation in brackets."""
    translation = work.translation() or ""
    if work.is_description:
        return work.description() + translation + closing
    title = work.title(STYLE)
    if work.is_part:
        return quoted(title, "" if translation else closing) + (translation + closing if translation else "")
    return italic(title) + translation + closing


def _unsigned_lead(work: Work) -> str | None:
    """Unsigned newspaper and magazine articles and reference entries are listed under the publication."""
    if work.lead or work.source.container is None:
        return None
    if work.kind in ("newspaper-article", "magazine-article", "encyclopedia-entry"):
        return _container_name(work)
    return None


def _when(work: Work) -> str | None:
    return work.date_text(DATES)


def _journal(work: Work) -> str:
    """ "American Slavic and East European Review 17, no. 1 (1958)"."""
    source = work.source
    head = " ".join(part for part in (_periodical(work), clean(source.volume) if source.volume else None) if part)
    head += f", no. {work.issue}" if work.issue else ""
    return head + (f" ({work.year})" if work.year else "")


def bibliography(work: Work) -> str:
    source = work.source
    unsigned = _unsigned_lead(work)
    author = None
    if work.lead:
        label = (", eds." if len(work.lead) > 1 else ", ed.") if work.editors_lead else ""
        author = sentence(_bibliography_names(work.lead) + label)
    elif unsigned:
        author = sentence(unsigned)
    span = pages(source.pages, STYLE) if source.pages else None
    when = _when(work)
    publisher = work.publisher
    the_edition = sentence(edition(source.edition)) if source.edition else None
    contributors = [sentence(part) for part in work.contributors(work.work_editors if not source.container else [])]
    number = sentence(work.number()) if source.number else None
    archive = sentence(work.archive())
    if work.kind == "journal-article":
        rest = [sentence(f"{_journal(work)}: {span}" if span else _journal(work))]
    elif work.kind in ("newspaper-article", "magazine-article"):
        span = span if work.kind == "magazine-article" else None  # newspapers are cited without pages
        rest = [sentence(when, span) if unsigned else sentence(_periodical(work), when, span)]
    elif work.kind == "web-page":
        rest = [sentence(_container_name(work)), sentence(work.publisher_named_apart()), sentence(when)]
    elif work.kind == "document" and not work.container_is_book:  # standalone, or in an archive
        rest = [the_edition, number, sentence(when), archive,
                sentence(_container_name(work)) if source.container else sentence(publisher)]
    elif work.kind == "book":
        rest = [the_edition, sentence(f"Vol. {clean(source.volume)}") if source.volume else None, number,
                sentence(publisher, when or ("n.d." if not work.url else None))]
    else:  # chapters, reference entries and documents in a printed collection
        editors = work.work_editors
        container = None if unsigned else _container_name(work)
        located = ", ".join(part for part in (
            f"vol. {clean(source.volume)}" if source.volume and not span else None,
            work.number(),
            f"{clean(source.volume)}:{span}" if source.volume and span else span,
        ) if part)
        inside = sentence(
            f"In {container}" if container else None,
            f"edited by {series([name.natural() for name in editors])}" if editors else None,
            located or None,
        )
        own_date = sentence(work.date_text(DATES, own=True)) if work.kind == "document" else None
        year = str(source.year) if source.year else None
        imprint = sentence(publisher, year if work.kind == "document" else when)
        rest = [own_date, inside, the_edition, imprint]
    url = sentence(work.url) if work.url else None
    access = sentence(f"Accessed {_day(work)}") if work.accessed and work.when is None else None
    return entry(author, _title(work, "."), *contributors, *rest, access, url)


def note(work: Work, citation: Citation | None, catalogue: Catalogue | None = None) -> str:
    """The full note: "William Taubman, Khrushchev: The Man and His Era (W. W. Norton, 2003), 312."."""
    source = work.source
    where = locator_parts(citation, STYLE, page_label=False) or None
    names = _note_names(work.lead) if work.lead else None
    if names and work.editors_lead:
        names += ", ed." if len(work.lead) == 1 else ", eds."
    title = _title(work, "")
    when = _when(work)
    access = f"accessed {_day(work)}" if work.accessed and work.when is None else None
    translated = [part.replace("Translated by", "trans.").replace("Edited and translated by", "ed. and trans.")
                  .replace("Edited by", "ed.") for part in work.contributors(work.work_editors)]
    the_edition = edition(source.edition) if source.edition else None
    if work.kind == "journal-article":  # a colon introduces pages only: "(1958): 50", "(1990), sec. 2"
        located = f"{_journal(work)}: {where}" if where and citation and citation.pages else _journal(work)
        parts = [names, title, located, None if located.endswith(where or "\0") else where, access, work.url]
    elif work.kind in ("newspaper-article", "magazine-article", "web-page"):
        parts = [names, title, _container_name(work), when, where, access, work.url]
    elif work.kind == "encyclopedia-entry" and not work.lead:
        head = f"{_container_name(work)}, " + (f"{the_edition}, " if the_edition else "")
        parts = [head + f"under {quoted(work.title(STYLE), '')}", where, access, work.url]
    elif work.kind == "document" and not work.container_is_book:  # standalone, or in an archive
        parts = [names, title, *translated, work.number(), when, work.archive(),
                 _container_name(work) if source.container else None, where, access, work.url]
    else:  # books, chapters, signed reference entries, documents in a printed collection
        container = _container_name(work) if source.container else None
        volume = f"vol. {clean(source.volume)}" if source.volume else None
        document = work.kind == "document"
        own_date = work.date_text(DATES, own=True) if document else None
        year = str(source.year) if source.year else None
        imprint = _imprint(work.publisher, year if document else when or ("n.d." if not work.url else None))
        last = [part for part in (title, own_date, f"in {container}" if container else None, *translated,
                                  the_edition, volume) if part]
        last[-1] += f" {imprint}" if imprint else ""
        parts = [names, *last, work.number(), where, access, work.url]
    text = _commas(parts)
    return inside_quotes(text if text.endswith(".") else text + ".")


def _imprint(publisher: str | None, when: str | None) -> str | None:
    inside = ", ".join(part for part in (publisher, when) if part)
    return f"({inside})" if inside else None


def _commas(parts: list[str | None]) -> str:
    """Note elements joined by commas, each comma moved inside a closing quotation mark (American usage)."""
    text = ", ".join(part for part in parts if part)
    for mark in "?!":
        text = text.replace(f"{mark}\u201d,", f"{mark}\u201d")
    return text.replace("\u201d,", ",\u201d")


def short_note(work: Work, citation: Citation | None, catalogue: Catalogue) -> str:
    """The shortened note: "Taubman, Khrushchev, 312."; unsigned works by their short title.

    The short title keeps its subtitle where the short form would fit another work under the
    same names ("Russia: Purge of the Purger." beside "Russia: Harvest Time.").
    """
    where = locator_parts(citation, STYLE, page_label=False)
    closing = "," if where else "."
    if work.kind == "encyclopedia-entry" and not work.lead:
        head = f"{_container_name(work)}, under {quoted(work.title(STYLE), closing)}"
        return f"{head} {where}" + ("" if where.endswith(".") else ".") if where else head
    short, distinction = catalogue.short(work, STYLE)
    if distinction:
        title = (quoted(short, ",") if work.is_part else italic(short) + ",") + f" {distinction}{closing}"
    else:
        title = quoted(short, closing) if work.is_part else italic(short) + closing
    text = f"{surnames(work.lead)}, {title}" if work.lead else title
    return f"{text} {where}" + ("" if where.endswith(".") else ".") if where else text
