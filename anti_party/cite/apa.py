"""APA 7: reference-list entries and in-text citations.

Author. (Date). Title. Source. — with the title in sentence case (as the store keeps it),
periodical names and volumes in italics, "(n.d.)" for undated works, a retrieval date only
for online pages whose content changes (online reference works and undated web pages),
and a non-English title followed by its English translation in brackets.
"""

from __future__ import annotations

from anti_party.cite.markup import clean, italic
from anti_party.cite.mla import short_title
from anti_party.cite.words import Name, series, surnames, title_case
from anti_party.cite.work import MONTHS, Work, edition, entry, locator_parts, many_pages, pages, sentence
from anti_party.dates import DatePoint
from anti_party.model import Citation

STYLE = "apa"


def _point(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = MONTHS[point.month - 1]
    return f"{point.year}, {month}" if point.day is None else f"{point.year}, {month} {point.day}"


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


def reference(work: Work) -> str:
    source = work.source
    date = f"({work.date_text(_point) or 'n.d.'})."
    container = work.container(STYLE)
    publisher = clean(source.publisher) if source.publisher and source.publisher not in source.authors else None
    translated = _role(work.translators, "Trans.")
    the_edition = edition(source.edition) if source.edition else None
    volume = f"Vol. {clean(source.volume)}" if source.volume else None
    span = pages(source.pages) if source.pages else None
    if work.kind in ("journal-article", "magazine-article", "newspaper-article"):
        title = _title(work, [translated], slanted=False)
        if work.kind == "newspaper-article":
            located = f"{'pp.' if many_pages(source.pages or '') else 'p.'} {span}" if span else None
            where = sentence(italic(container) if container else None, located)
        else:
            numbered = italic(f"{container}, {clean(source.volume)}") if container and source.volume else (
                italic(container) if container else None)
            numbered = f"{numbered}({clean(source.issue)})" if numbered and source.issue else numbered
            where = sentence(numbered, span)
        rest = [title, where]
    elif work.kind == "web-page":
        rest = [_title(work, [translated], slanted=True),
                sentence(container) if container and container not in source.authors else None,
                sentence(publisher) if publisher and publisher != container else None]
    elif work.kind == "document" and container and not work.container_is_book:  # an archive's document
        rest = [_title(work, [translated, clean(source.number) if source.number else None], slanted=True),
                sentence(container)]
    elif work.kind == "encyclopedia-entry" or work.kind == "chapter" or (work.kind == "document" and container):
        editors = work.work_editors
        by = f"{_natural(editors)} ({'Ed.' if len(editors) == 1 else 'Eds.'}), " if editors else ""
        located = f"{'pp.' if many_pages(source.pages or '') else 'p.'} {span}" if span else None
        inside = ", ".join(part for part in (the_edition, volume, located) if part)
        slanted_container = italic(container) if container else ""
        contained = f"In {by}{slanted_container}" + (f" ({inside})" if inside else "")
        rest = [_title(work, [translated], slanted=False), sentence(contained),
                sentence(publisher) if publisher and publisher != container else None]
    else:  # books and standalone documents
        editors = [] if work.editors_lead else work.work_editors
        numbered = ", ".join(part for part in (the_edition, volume) if part)
        number = clean(source.number) if source.number else None
        rest = [_title(work, [numbered, _role(editors, "Ed."), translated, number], slanted=True),
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


def in_text(work: Work, citation: Citation | None) -> str:
    """(Taubman, 2003, p. 312); (Bogomolov & Sannikov, n.d.); ("Drip, Drip, Drip," 1958)."""
    year = str(work.year) if work.year else "n.d."
    if work.lead:
        head = f"{surnames(work.lead, '&')}, {year}"
    else:  # no author: the title in title case, quoted for parts and italic for whole works
        short = title_case(short_title(work.title(STYLE)), "chicago")
        head = f"\u201c{short},\u201d {year}" if work.is_part else f"{italic(short)}, {year}"
    where = locator_parts(citation, page_label=True, section="Section", document="Document")
    return f"({head}, {where})" if where else f"({head})"
