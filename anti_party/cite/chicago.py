"""Chicago 18, notes and bibliography: bibliography entries, full notes and shortened notes.

The 18th edition (2024) omits the place of publication of books, lists up to six
authors in a bibliography entry (the first three and "et al." beyond that), repeats an
author's name rather than using a 3-em dash, and prefers a shortened note to "ibid."
"""

from __future__ import annotations

from anti_party.cite.markup import clean, italic
from anti_party.cite.mla import short_title
from anti_party.cite.words import Name, series, surnames
from anti_party.cite.work import MONTHS, PERIODICALS, Work, edition, entry, locator_parts, pages, quoted, sentence
from anti_party.dates import DatePoint
from anti_party.model import Citation

STYLE = "chicago"


def _point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = MONTHS[point.month - 1]
    return f"{month} {point.year}" if point.day is None else f"{month} {point.day}, {point.year}"


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
    """A periodical's name in italics, less an initial "The" for newspapers, with its city in parentheses."""
    container = work.container(STYLE)
    if container is None:
        return None
    if work.kind == "newspaper-article" and container.startswith("The "):
        container = container[4:]
    place = f" ({clean(work.source.place)})" if work.kind == "newspaper-article" and work.source.place else ""
    return italic(container) + place


def _container_name(work: Work) -> str | None:
    """Books, journals and reference works in italics; web sites (Wikipedia among them) in roman."""
    if work.kind in PERIODICALS:
        return _periodical(work)
    container = work.container(STYLE)
    if container is None:
        return None
    roman = work.kind == "web-page" or work.is_wikipedia or (work.kind == "document" and not work.container_is_book)
    return container if roman else italic(container)


def _title(work: Work, closing: str) -> str:
    """The title, quoted for parts and italic for whole works, with its translation in brackets."""
    title, translation = work.title(STYLE), work.translation() or ""
    if work.is_description:
        return title + translation + closing
    if work.is_part:
        return quoted(title, "" if translation else closing) + (translation + closing if translation else "")
    return italic(title) + translation + closing


def _unsigned_lead(work: Work) -> str | None:
    """Unsigned newspaper and magazine articles and reference entries are listed under the publication."""
    if work.lead or work.source.container is None:
        return None
    if work.kind in ("newspaper-article", "magazine-article") or work.kind == "encyclopedia-entry":
        return _container_name(work)
    return None


def _when(work: Work) -> str | None:
    return work.date_text(_point)


def _access(work: Work) -> str | None:
    """An access date only for an online work with no date of its own."""
    return f"Accessed {_day(work)}" if work.accessed and work.when is None else None


def bibliography(work: Work) -> str:
    source = work.source
    unsigned = _unsigned_lead(work)
    author = None
    if work.lead:
        label = (", eds." if len(work.lead) > 1 else ", ed.") if work.editors_lead else ""
        author = sentence(_bibliography_names(work.lead) + label)
    elif unsigned:
        author = sentence(unsigned)
    title = _title(work, ".")
    translators = series([name.natural() for name in work.translators])
    translated = sentence(f"Translated by {translators}") if work.translators else None
    the_edition = sentence(edition(source.edition)) if source.edition else None
    span = pages(source.pages) if source.pages else None
    when = _when(work)
    if work.kind == "journal-article":
        head = " ".join(part for part in (_periodical(work), clean(source.volume) if source.volume else None) if part)
        head += f", no. {clean(source.issue)}" if source.issue else ""
        head += f" ({work.year})" if work.year else ""
        rest = [sentence(f"{head}: {span}" if span else head)]
    elif work.kind in ("newspaper-article", "magazine-article"):
        span = span if work.kind == "magazine-article" else None  # newspapers are cited without pages
        rest = [sentence(when, span) if unsigned else sentence(_periodical(work), when, span)]
    elif work.kind == "document" and source.container and not work.container_is_book:
        number = sentence(clean(source.number)) if source.number else None
        rest = [number, sentence(when), sentence(_container_name(work))]
    elif work.kind in ("chapter", "encyclopedia-entry") or (work.kind == "document" and source.container):
        editors = work.work_editors
        container = None if unsigned else _container_name(work)
        inside = sentence(
            f"In {container}" if container else None,
            f"edited by {series([name.natural() for name in editors])}" if editors else None,
            f"vol. {clean(source.volume)}" if source.volume and not span else None,
            f"{clean(source.volume)}:{span}" if source.volume and span else span,
        )
        rest = [inside, sentence(clean(source.number)) if source.number else None,
                sentence(clean(source.publisher) if source.publisher else None, when)]
    elif work.kind == "web-page":
        rest = [sentence(_container_name(work)), sentence(clean(source.publisher)) if source.publisher else None,
                sentence(when)]
    else:  # books and standalone documents
        editors = work.work_editors
        rest = [
            sentence(f"Edited by {series([name.natural() for name in editors])}") if editors else None,
            sentence(f"Vol. {clean(source.volume)}") if source.volume else None,
            sentence(clean(source.number)) if source.number else None,
            sentence(clean(source.publisher) if source.publisher else None, when or ("n.d." if not work.url else None)),
        ]
    url = sentence(work.url) if work.url else None
    return entry(author, title, translated, the_edition, *rest, sentence(_access(work)), url)


def note(work: Work, citation: Citation | None) -> str:
    """The full note: "William Taubman, Khrushchev: The Man and His Era (W. W. Norton, 2003), 312."."""
    source = work.source
    where = locator_parts(citation, page_label=False) or None
    names = _note_names(work.lead) if work.lead else None
    if names and work.editors_lead:
        names += ", ed." if len(work.lead) == 1 else ", eds."
    title = _title(work, "")
    when = _when(work)
    access = f"accessed {_day(work)}" if work.accessed and work.when is None else None
    if work.kind == "journal-article":
        head = " ".join(part for part in (_periodical(work), clean(source.volume) if source.volume else None) if part)
        head += f", no. {clean(source.issue)}" if source.issue else ""
        head += f" ({work.year})" if work.year else ""
        parts = [names, title, f"{head}: {where}" if where else head, access, work.url]
    elif work.kind in ("newspaper-article", "magazine-article", "web-page"):
        parts = [names, title, _container_name(work), when, where, access, work.url]
    elif work.kind == "encyclopedia-entry" and not work.lead:
        parts = [f"{_container_name(work)}, s.v. {quoted(work.title(STYLE), '')}", where, access, work.url]
    elif work.kind == "document" and not work.container_is_book:  # a standalone or an archive's document
        number = clean(source.number) if source.number else None
        parts = [names, title, number, when, _container_name(work), where, access, work.url]
    else:  # books, chapters, signed reference entries, documents
        editors = work.work_editors
        container = _container_name(work) if source.container else None
        in_container = f"in {container}" if container else None
        edited = f"ed. {series([n.natural() for n in editors])}" if editors else None
        translated = f"trans. {series([n.natural() for n in work.translators])}" if work.translators else None
        the_edition = edition(source.edition) if source.edition else None
        imprint = _imprint(source.publisher, when or ("n.d." if not work.url else None))
        last = [part for part in (title, in_container, edited, translated, the_edition) if part]
        last[-1] += f" {imprint}" if imprint else ""
        parts = [names, *last, clean(source.number) if source.number else None, where, access, work.url]
    return _commas(parts) + "."


def _imprint(publisher: str | None, when: str | None) -> str | None:
    inside = ", ".join(part for part in (clean(publisher) if publisher else None, when) if part)
    return f"({inside})" if inside else None


def _commas(parts: list[str | None]) -> str:
    """Note elements joined by commas, each comma moved inside a closing quotation mark (American usage)."""
    text = ", ".join(part for part in parts if part)
    for mark in "?!":
        text = text.replace(f"{mark}\u201d,", f"{mark}\u201d")
    return text.replace("\u201d,", ",\u201d")


def short_note(work: Work, citation: Citation | None) -> str:
    """The shortened note: "Taubman, Khrushchev, 312."; unsigned works by their short title."""
    where = locator_parts(citation, page_label=False)
    closing = "," if where else "."
    short = short_title(work.title(STYLE))
    title = quoted(short, closing) if work.is_part else italic(short) + closing
    if work.kind == "encyclopedia-entry" and not work.lead:
        head = f"{_container_name(work)}, s.v. {quoted(work.title(STYLE), closing)}"
        return f"{head} {where}." if where else head
    text = f"{surnames(work.lead)}, {title}" if work.lead else title
    return f"{text} {where}." if where else text
