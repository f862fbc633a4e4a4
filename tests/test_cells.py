"""TSV read straight from the index's columns is the TSV made from the events, field for field."""

from __future__ import annotations

from pathlib import Path

from anti_party.choices import EVENT_FIELDS
from conftest import Invoke

STORE = '''
[sources.book]
kind = "book"
type = "scholarly"
title = "A book"

[people.molotov]
name = "Vyacheslav Molotov"

[people.zhukov]
name = "Georgy Zhukov"

[[events]]
id = "tabbed"
date = "1957-06-18~"
title = "A title\\twith a tab"
summary = """Two lines,
and a tab\\there; Gomułka, Хрущёв"""
people = ["zhukov", "molotov"]
tags = ["plenum", "a tag, with a comma"]
sources = [{ id = "book", pages = "12-14" }, { id = "book", section = "II" }]
notes = [{ text = "One reading", sources = ["book"] }, { text = "Another\\r\\nreading" }]

[[events]]
id = "bare"
date = "1957?"
title = "Nothing else"
sources = ["book"]

[[events]]
id = "span"
date = "1957-06-22/1957-06-29"
title = "A week"
summary = ""
sources = [{ id = "book", document = "5" }]
'''


def test_every_field_from_the_index_is_the_field_from_the_events(apg: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "store.toml"
    store.write_text(STORE, encoding="utf-8")
    cache = {"APG_NO_CACHE": "", "APG_CACHE_DIR": str(tmp_path / "cache")}
    every = ",".join(EVENT_FIELDS)
    for args in (("--fields", every, "--header"), ("--header",), ("--fields", "notes,sources,id"),
                 ("-r", "--fields", every), ("--on", "1957-06", "--fields", every), ("-n", "1",)):
        made = apg("timeline", "-f", "tsv", *args, store=store, env={"APG_NO_CACHE": "1"})
        first = apg("timeline", "-f", "tsv", *args, store=store, env=cache)  # may build the index
        again = apg("timeline", "-f", "tsv", *args, store=store, env=cache)
        assert (made.exit_code, first.exit_code, again.exit_code) == (0, 0, 0)
        assert first.stdout == again.stdout == made.stdout, args
    assert len(list((tmp_path / "cache").glob("index-*.sqlite3"))) == 1
    whole = apg("timeline", "-f", "tsv", "--fields", every, store=store, env={"APG_NO_CACHE": "1"}).stdout
    assert whole.splitlines()[1].split("\t") == [
        "tabbed", "1957-06-18~", "1957-06-18", "1957-06-18", "day", "true", "false", "A title with a tab",
        "Two lines, and a tab here; Gomułka, Хрущёв", "zhukov,molotov", "plenum,a tag, with a comma",
        "book pp. 12-14,book sec. II", "One reading | Another reading",
    ]
