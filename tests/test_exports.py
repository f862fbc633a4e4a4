"""BibTeX, CSL-JSON and RIS read back by real parsers, field by field, for every source of the packaged store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from anti_party.cite.exports import bibtex, csl_json, ris
from anti_party.model import Source
from anti_party.store import default_store_path, load_store
from conftest import DATA
from test_cite import ARCHIVE_DOCUMENT, CHAPTER, MAGAZINE, NEWSPAPER, RESIS, SHEPILOV

SOURCES = [
    *load_store([default_store_path()]).sources.values(),
    *(source._replace(id=f"test-{source.id}") for source in (CHAPTER, RESIS, SHEPILOV, MAGAZINE, NEWSPAPER,
                                                               ARCHIVE_DOCUMENT)),
]
SCHEMA = json.loads((DATA / "csl-data.schema.json").read_text(encoding="utf-8"))  # CSL data schema 1.0, MIT


def words(text: str) -> str:
    return " ".join(text.split())


def test_csl_json_is_valid_and_carries_every_field() -> None:
    items = json.loads(csl_json(SOURCES))
    jsonschema.validate(items, SCHEMA)
    for source, item in zip(SOURCES, items, strict=True):
        assert item["id"] == source.id
        assert item["title"] == source.title
        assert item["custom"]["source_type"] == source.type
        for key, field in (("container-title", "container"), ("publisher", "publisher"), ("URL", "url"),
                           ("page", "pages"), ("volume", "volume"), ("issue", "issue"), ("note", "note"),
                           ("original-title", "title_native"), ("archive_location", "archive"),
                           ("publisher-place", "place"), ("language", "language"), ("number", "number")):
            assert item.get(key) == getattr(source, field), (source.id, key)
        assert item["custom"].get("title_english") == source.title_english
        names = [name.get("literal") or f"{name['family']}, {name['given']}" for name in item.get("author", [])]
        assert names == list(source.authors)
        if source.year and not source.date:
            assert item["issued"]["date-parts"][0][0] == source.year
        if source.date:
            assert item["issued"]["raw"] == source.date.text
        if source.accessed:
            assert item["accessed"]["date-parts"] == [[source.accessed.year, source.accessed.month, source.accessed.day]]


def _unlatex(text: str) -> str:
    text = re.sub(r"\\textbackslash\{\}", "\\\\", text)
    text = re.sub(r"\\textasciitilde\{\}", "~", text)
    text = re.sub(r"\\textasciicircum\{\}", "^", text)
    text = re.sub(r"\\([{}#$%&_])", r"\1", text)
    return re.sub(r"(?<!\\)[{}]", "", text)


def test_bibtex_reads_back_with_bibtexparser() -> None:
    library = bibtexparser.parse_string(bibtex(SOURCES))
    assert not library.failed_blocks
    entries = {entry.key: entry for entry in library.entries}
    assert set(entries) == {source.id for source in SOURCES}
    for source in SOURCES:
        entry = entries[source.id]
        fields = {key: _unlatex(value) for key, value in entry.fields_dict.items() for value in [value.value]}
        assert fields["title"] == words(source.title), source.id
        assert fields["keywords"] == source.type
        for key, field in (("publisher", "publisher"), ("location", "place"), ("volume", "volume"),
                           ("number", "issue"), ("titleaddon", "title_english"), ("origtitle", "title_native"),
                           ("note", "note"), ("library", "archive"), ("type", "number")):
            expected = getattr(source, field)
            assert fields.get(key) == (words(expected) if expected else None), (source.id, key)
        assert entry.fields_dict.get("url") is None or entry.fields_dict["url"].value == source.url
        if source.authors:
            assert fields["author"] == " and ".join(words(name) for name in source.authors)
        if source.pages:
            assert fields["pages"] == source.pages.replace("-", "--")


def test_bibtex_types() -> None:
    types = {source.kind: entry.entry_type for source in SOURCES
             for entry in bibtexparser.parse_string(bibtex([source])).entries}
    assert types == {"book": "book", "chapter": "incollection", "encyclopedia-entry": "inreference",
                     "journal-article": "article", "magazine-article": "article", "newspaper-article": "article",
                     "document": "misc", "web-page": "online"}


def test_bibtex_escapes_latex() -> None:
    tricky = Source(id="t", kind="book", type="web", title="50% of A & B_c {x} #1 $2 ~ ^ \\", year=2001)
    (entry,) = bibtexparser.parse_string(bibtex([tricky])).entries
    assert entry.fields_dict["title"].value == r"50\% of {A} \& {B\_c} \{x\} \#1 \$2 \textasciitilde{} \textasciicircum{} \textbackslash{}"


def test_ris_reads_back_with_rispy() -> None:
    records = rispy.loads(ris(SOURCES))
    assert len(records) == len(SOURCES)
    for source, record in zip(SOURCES, records, strict=True):
        assert record["id"] == source.id
        assert record["title"] == words(source.title)
        assert record.get("authors", []) == [words(name) for name in source.authors]
        assert record.get("secondary_authors", []) == [words(name) for name in source.editors]
        for key, field in (("translated_title", "title_english"), ("original_publication", "title_native"),
                           ("secondary_title", "container"), ("publisher", "publisher"),
                           ("place_published", "place"), ("volume", "volume"), ("number", "issue"),
                           ("note", "number"), ("call_number", "archive"), ("language", "language")):
            expected = getattr(source, field)
            assert record.get(key) == (words(expected) if expected else None), (source.id, key)
        assert record.get("urls", []) == ([source.url] if source.url else [])
        assert f"Source type: {source.type}" in record["notes"]
        if source.note:
            assert words(source.note) in record["notes"]
        if source.accessed:
            assert record["access_date"] == source.accessed.strftime("%Y/%m/%d")


@pytest.mark.parametrize("name", ["bibtex", "csl-json", "ris"])
def test_cli_exports_every_source(name: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from anti_party.cli import main

    result = CliRunner().invoke(main, ["cite", "--all", "-f", name], env={"APG_NO_CACHE": "1"})
    assert result.exit_code == 0, result.output
    store = load_store([default_store_path()])
    for ident in store.sources:
        assert ident in result.stdout
