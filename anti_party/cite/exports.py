"""Sources for reference managers: BibTeX (biblatex fields), CSL-JSON and RIS.

Every field the store holds arrives somewhere: the bibliographic ones in each format's
own fields, the rest (the source's ``type``, its title in its own script and in English,
the store's ``note``) in the fields each format keeps for them, listed in
docs/citations.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from anti_party.cite.words import parse_name
from anti_party.dates import DatePoint, EdtfDate
from anti_party.model import Source

_CSL_TYPES = {
    "book": "book", "chapter": "chapter", "encyclopedia-entry": "entry-encyclopedia",
    "journal-article": "article-journal", "magazine-article": "article-magazine",
    "newspaper-article": "article-newspaper", "document": "document", "web-page": "webpage",
}
_BIBTEX_TYPES = {
    "book": "book", "chapter": "incollection", "encyclopedia-entry": "inreference",
    "journal-article": "article", "magazine-article": "article", "newspaper-article": "article",
    "document": "misc", "web-page": "online",
}
_RIS_TYPES = {
    "book": "BOOK", "chapter": "CHAP", "encyclopedia-entry": "ENCYC", "journal-article": "JOUR",
    "magazine-article": "MGZN", "newspaper-article": "NEWS", "document": "GEN", "web-page": "ELEC",
}


def _parts(point: DatePoint) -> list[int]:
    return [part for part in (point.year, point.month, point.day) if part is not None]


def _issued(source: Source) -> EdtfDate | int | None:
    return source.date if source.date is not None else source.year


# ---------------------------------------------------------------- CSL-JSON


def _csl_names(texts: Iterable[str]) -> list[dict[str, str]]:
    names = [parse_name(text) for text in texts]
    return [{"family": n.family, "given": n.given} if n.is_person else {"literal": n.family} for n in names]


def csl_item(source: Source) -> dict[str, Any]:
    """One CSL-JSON item (CSL data schema 1.0)."""
    item: dict[str, Any] = {"id": source.id, "type": _CSL_TYPES[source.kind], "title": source.title}
    for key, names in (("author", source.authors), ("editor", source.editors), ("translator", source.translators)):
        if names:
            item[key] = _csl_names(names)
    plain = {
        "container-title": source.container, "publisher": source.publisher, "publisher-place": source.place,
        "edition": source.edition, "volume": source.volume, "issue": source.issue, "page": source.pages,
        "number": source.number, "archive_location": source.archive, "URL": source.url,
        "language": source.language, "note": source.note, "original-title": source.title_native,
    }
    item.update({key: value for key, value in plain.items() if value is not None})
    issued = _issued(source)
    if isinstance(issued, int):
        item["issued"] = {"date-parts": [[issued]]}
    elif issued is not None:
        points = [issued.start] if issued.end is None else [issued.start, issued.end]
        item["issued"] = {"date-parts": [_parts(point) for point in points], "raw": issued.text}
        if issued.approximate or issued.uncertain:
            item["issued"]["circa"] = True
    if source.accessed:
        item["accessed"] = {"date-parts": [[source.accessed.year, source.accessed.month, source.accessed.day]]}
    custom = {"source_type": source.type, "title_english": source.title_english,
              "container_native": source.container_native, "container_english": source.container_english}
    item["custom"] = {key: value for key, value in custom.items() if value is not None}
    return item


def csl_json(sources: Iterable[Source]) -> str:
    return json.dumps([csl_item(source) for source in sources], ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- BibTeX


_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$", "%": r"\%", "&": r"\&",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_LATEX_PATTERN = re.compile("|".join(re.escape(char) for char in _LATEX_SPECIAL))


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def one_line(text: str) -> str:
    """TEXT on one line without control characters, which neither BibTeX nor RIS can carry."""
    return " ".join(_CONTROLS.sub("", text).split())


def latex(text: str) -> str:
    """TEXT with LaTeX's special characters escaped; letters outside ASCII stay as UTF-8 (biber reads it)."""
    return _LATEX_PATTERN.sub(lambda match: _LATEX_SPECIAL[match[0]], one_line(text))


def _protected(title: str) -> str:
    """A sentence-case title with its capitals braced, so that no BibTeX style lowercases a name."""
    return re.sub(r"(?<![\w\\])([A-Z\u0400-\u042f]\S*?)(?=[\s:,.;!?)\]]|$)", r"{\1}", latex(title))


def _bibtex_names(texts: Iterable[str]) -> str:
    names = [parse_name(text) for text in texts]
    return " and ".join(latex(f"{n.family}, {n.given}") if n.is_person else "{" + latex(n.family) + "}" for n in names)


def _braces_encoded(url: str) -> str:
    """A url for biblatex's verbatim field: braces and backslashes, which would end or escape the
    field and cannot stand in an address anyway, percent-encoded (RFC 3986)."""
    return url.translate(_URL_UNSAFE)


_URL_UNSAFE = {ord("{"): "%7B", ord("}"): "%7D", ord("\\"): "%5C"}


def bibtex_entry(source: Source) -> str:
    kind = _BIBTEX_TYPES[source.kind]
    container_field = {"incollection": "booktitle", "inreference": "booktitle", "article": "journaltitle",
                       "online": "organization", "misc": "howpublished", "book": "series"}[kind]
    fields: list[tuple[str, str | None]] = [
        ("author", _bibtex_names(source.authors) if source.authors else None),
        ("editor", _bibtex_names(source.editors) if source.editors else None),
        ("translator", _bibtex_names(source.translators) if source.translators else None),
        ("title", _protected(source.title)),
        ("titleaddon", latex(source.title_english) if source.title_english else None),
        ("origtitle", latex(source.title_native) if source.title_native else None),
        (container_field, latex(source.container) if source.container else None),
        ("publisher", latex(source.publisher) if source.publisher else None),
        ("location", latex(source.place) if source.place else None),
        ("edition", latex(source.edition) if source.edition else None),
        ("volume", latex(source.volume) if source.volume else None),
        ("number", latex(source.issue) if source.issue else None),
        ("pages", latex(source.pages).replace("-", "--") if source.pages else None),
        ("type", latex(source.number) if source.number else None),
        ("library", latex(source.archive) if source.archive else None),
    ]
    issued = _issued(source)
    if isinstance(issued, int):
        fields += [("year", str(issued))]
    elif issued is not None:
        fields += [("year", str(issued.start.year)), ("date", issued.text)]
    fields += [
        ("url", _braces_encoded(one_line(source.url)) if source.url else None),  # biblatex reads url verbatim
        ("urldate", source.accessed.isoformat() if source.accessed else None),
        ("langid", latex(source.language.lower()) if source.language else None),
        ("note", latex(source.note) if source.note else None),
        ("keywords", source.type),
        ("entrysubtype", {"newspaper-article": "newspaper", "magazine-article": "magazine"}.get(source.kind)),
    ]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@{kind}{{{source.id},\n{body}}}\n"


def bibtex(sources: Iterable[Source]) -> str:
    return "\n".join(bibtex_entry(source) for source in sources)


# ---------------------------------------------------------------- RIS


def ris_record(source: Source) -> str:
    def names(tag: str, texts: Iterable[str]) -> list[tuple[str, str]]:
        return [(tag, one_line(text)) for text in texts]

    lines: list[tuple[str, str]] = [("TY", _RIS_TYPES[source.kind]), ("ID", source.id), ("TI", source.title)]
    lines += names("AU", source.authors) + names("A2", source.editors) + names("A4", source.translators)
    optional = [
        ("TT", source.title_english), ("OP", source.title_native), ("T2", source.container),
        ("PB", source.publisher), ("CY", source.place), ("ET", source.edition), ("VL", source.volume),
        ("IS", source.issue), ("M1", source.number), ("CN", source.archive), ("UR", source.url),
        ("LA", source.language),
    ]
    lines += [(tag, value) for tag, value in optional if value]
    if source.pages:
        first, _, last = source.pages.replace("\u2013", "-").partition("-")
        lines += [("SP", first.strip())] + ([("EP", last.strip())] if last else [])
    issued = _issued(source)
    if isinstance(issued, int):
        lines.append(("PY", f"{issued:04d}"))  # RIS years have four digits: 0001, not 1
    elif issued is not None:
        point = issued.start
        month, day = (f"{part:02d}" if part else "" for part in (point.month, point.day))
        lines += [("PY", f"{point.year:04d}"), ("DA", f"{point.year:04d}/{month}/{day}/")]
    if source.accessed:
        accessed = source.accessed
        lines.append(("Y2", f"{accessed.year:04d}/{accessed.month:02d}/{accessed.day:02d}"))
    lines.append(("N1", f"Source type: {source.type}"))
    if source.container_native:
        lines.append(("N1", f"Container in its own script: {source.container_native}"))
    if source.container_english:
        lines.append(("N1", f"Container in English: {source.container_english}"))
    if source.note:
        lines.append(("N1", source.note))
    body = "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines)
    return body + "ER  - \r\n"


def ris(sources: Iterable[Source]) -> str:
    return "".join(ris_record(source) for source in sources)
