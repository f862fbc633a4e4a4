"""The catalogue of hostile cases: what an attacker or a careless user does to `apg`.

Each case is a command line run against the installed `apg` in a subprocess, in a fresh
folder, with a store (when it has one) written there as store.toml. test_catalogue.py checks
every case the same way: the exit code; stderr short, sanitised, naming the problem (with the
store's file, line and column where the case says so) and never a traceback; stdout empty when
the command fails.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hostile_strings import HOSTILE_STRINGS

from anti_party.render import formats_for

Prepare = Callable[[Path, Path], None]  # (case folder, the apg executable)
Check = Callable[[bytes], None]  # a further check of stdout


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    exit: int
    says: str = ""  # a regular expression stderr must match: the problem, named
    store: str | bytes | None = None  # store.toml's content; the case then runs with only that store
    stdin: bytes = b""
    env: Mapping[str, str | None] = field(default_factory=dict)  # None removes a variable
    out: str = ""  # a regular expression stdout must match (on success)
    at: str = ""  # "LINE" or "LINE:COLUMN" of store.toml that stderr must name
    prepare: Prepare | None = None
    check: Check | None = None
    signal: int | None = None  # sent once the command has filled the pipe: mid-output
    close_pipe: bool = False  # the reader closes the pipe after a few bytes
    shell: str = ""  # a bash line to run instead of args; "$APG" is the command
    cwd: str = ""  # run here instead of the case folder
    partial_output: bool = False  # stdout may hold what was written before the failure
    stderr_lines: int = 12  # at most this many lines on stderr
    timeout: float = 180  # seconds; a case that hangs fails after this
    fresh_cache: bool = False  # a cache of its own (else one shared, already built, to save time)
    tty: bool = False  # stdout is a terminal (80 columns), where apg draws its rich views in colour


def base_env(folder: Path) -> dict[str, str]:
    """The environment every case starts from: nothing of the caller's but PATH, and a home of its own."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(folder / "home"), "LANG": "C.UTF-8",
            "APG_CACHE_DIR": str(folder / "cache"), "PYTHONDONTWRITEBYTECODE": "1"}


# ---------------------------------------------------------------- stores

BASE = """\
[sources.book]
kind = "book"
type = "scholarly"
title = "A book"

[people.pat]
name = "Pat Person"
native = "Пат Персон"

[offices.chief]
title = "Chief"

[[terms]]
person = "pat"
office = "chief"
from = "1953-03-05"
sources = ["book"]

[[events]]
id = "one"
date = "1957-06-18"
title = "Первое событие"
people = ["pat"]
tags = ["crisis"]
sources = ["book", "full"]

[sources.full]
kind = "book"
type = "scholarly"
title = "A full record"
title_native = "Полная запись"
authors = ["Author, Anna"]
publisher = "A Press"
place = "Moscow"
year = 1990
"""
BASE_LINES = BASE.count("\n")  # the next line written after BASE is BASE_LINES + 1


def with_event(*lines: str, base: str = BASE) -> str:
    """BASE and one more event; LINES replace its defaults (key = value) or add keys."""
    keys = {"id": '"x"', "date": '"1957"', "title": '"T"', "sources": '["book"]'}
    extra = []
    for line in lines:
        key, _, value = line.partition(" = ")
        if key in keys and value:
            keys[key] = value
        elif key.startswith("-"):
            keys.pop(key[1:])
        else:
            extra.append(line)
    body = [f"{key} = {value}" for key, value in keys.items()] + extra
    return base + "\n[[events]]\n" + "\n".join(body) + "\n"


def event_key_line(key: str, *lines: str) -> str:
    """The line of KEY in the event that with_event(*LINES) writes."""
    text = with_event(*lines)
    for number, line in enumerate(text.splitlines(), 1):
        if number > BASE_LINES and line.startswith(f"{key} = "):
            return str(number)
    raise AssertionError(key)


def bad_event(name: str, says: str, *lines: str, key: str = "") -> Case:
    """A store whose added event is wrong; the problem is reported at KEY's line (or the event's)."""
    at = event_key_line(key, *lines) if key else str(BASE_LINES + 2)
    return Case(name, ("check",), 1, says, store=with_event(*lines), at=at)


def bad_store(name: str, text: str | bytes, says: str, at: str = "") -> Case:
    return Case(name, ("check",), 1, says, store=text, at=at)


def good_store(name: str, text: str | bytes, out: str = r"^ok: ") -> Case:
    return Case(name, ("check",), 0, store=text, out=out)


STORE_FILES = [
    Case("store-missing", ("--store", "nowhere.toml", "timeline"), 1, r"nowhere\.toml: cannot read the store: No such"),
    Case("store-missing-env", ("timeline",), 1, r"nowhere\.toml: cannot read the store: No such",
         env={"APG_STORE": "nowhere.toml"}),
    Case("store-directory", ("--store", ".", "timeline"), 1, r"cannot read the store: Is a directory"),
    Case("store-directory-env", ("timeline",), 1, r"cannot read the store: Is a directory", env={"APG_STORE": "."}),
    Case("store-empty-path", ("--store", "", "timeline"), 1, r"cannot read the store"),
    Case("store-through-a-file", ("--store", "file/store.toml", "timeline"), 1, r"cannot read the store: Not a directory",
         prepare=lambda folder, apg: (folder / "file").write_text("x")),
    Case("store-dangling-link", ("--store", "link.toml", "timeline"), 1, r"cannot read the store: No such",
         prepare=lambda folder, apg: (folder / "link.toml").symlink_to(folder / "gone.toml")),
    Case("store-link-loop", ("--store", "loop.toml", "timeline"), 1, r"cannot read the store: Too many levels",
         prepare=lambda folder, apg: (folder / "loop.toml").symlink_to(folder / "loop.toml")),
    Case("store-name-too-long", ("--store", "x" * 300 + ".toml", "timeline"), 1, r"cannot read the store: File name too"),
    Case("store-unreadable", ("--no-default-store", "--store", "/proc/self/mem", "timeline"), 1,
         r"/proc/self/mem: cannot read the store: Input/output error"),
    Case("store-unreadable-env", ("timeline",), 1, r"/proc/self/mem: cannot read the store: Input/output error",
         env={"APG_STORE": "/proc/self/mem"}),
    Case("version-broken-store", ("--version",), 0, r"^Note: the store cannot be loaded \(1 problem\)",
         env={"APG_STORE": "nowhere.toml"}, out=r"^apg, version .*\nstore: .*\nstore: nowhere\.toml\n$"),
    Case("store-fifo", ("--store", "fifo.toml", "timeline"), 1, r"fifo\.toml: cannot read the store: not a regular file",
         prepare=lambda folder, apg: os.mkfifo(folder / "fifo.toml"), timeout=20),
    Case("store-dev-zero", ("--no-default-store", "--store", "/dev/zero", "timeline"), 1, r"/dev/zero: ", timeout=60),
    Case("store-dev-null", ("--no-default-store", "--store", "/dev/null", "timeline", "-f", "tsv"), 0),
    Case("store-missing-second", ("--store", "store.toml", "--store", "nowhere.toml", "check"), 1,
         r"nowhere\.toml: cannot read the store", store=BASE),
    Case("store-env-two-missing", ("check",), 1, r"a\.toml: cannot read.*\n.*b\.toml: cannot read",
         env={"APG_STORE": "a.toml:b.toml"}),
    Case("store-env-only-colons", ("check",), 0, out=r"^ok: ", env={"APG_STORE": ":::"}),
    Case("store-no-default-no-store", ("--no-default-store", "timeline"), 2, r"--no-default-store needs"),
    Case("check-path-missing", ("check", "nowhere.toml"), 1, r"nowhere\.toml: cannot read the store"),
    Case("check-path-directory", ("check", "."), 1, r"cannot read the store: Is a directory"),
    good_store("store-empty", ""),
    good_store("store-blank", "\n\n   \n\t\n"),
    good_store("store-comments-only", "# nothing here\n# [[events]]\n"),
    good_store("store-bom", b"\xef\xbb\xbf" + BASE.encode()),
    good_store("store-crlf", BASE.replace("\n", "\r\n")),
    bad_store("store-latin-1", BASE.replace("Первое событие", "Caf@").encode().replace(b"Caf@", b"Caf\xe9"),
              r"not UTF-8", at=f"{BASE.count(chr(10), 0, BASE.index('Первое')) + 1}:13"),
    bad_store("store-utf-16", BASE.encode("utf-16"), r"UTF-16", at="1:1"),
    bad_store("store-nul-byte", b'[sources.book]\nkind = "bo\x00ok"\n', r"TOML syntax error", at="2:11"),
    bad_store("store-binary", bytes(range(256)) * 4, r"not UTF-8|TOML syntax error"),
]

# One of every kind of TOML syntax error, each located by line and column.
TOML_SYNTAX = [
    ("unterminated-string", 'a = "open\n', "1:10"),
    ("unterminated-multiline", 'a = """open\n\n', "3:1"),
    ("unterminated-literal", "a = 'open\n", "2:1"),
    ("missing-value", "a =\n", "1:4"),
    ("missing-equals", "a 1\n", "1:3"),
    ("bare-word-value", "a = word\n", "1:5"),
    ("bad-key-character", "a$ = 1\n", "1:2"),
    ("empty-key", "= 1\n", "1:1"),
    ("duplicate-key", "a = 1\na = 2\n", "2:6"),
    ("duplicate-table", "[sources.x]\n[sources.x]\n", "2:11"),
    ("table-then-array", "[events]\n[[events]]\n", "2:9"),
    ("invalid-escape", 'a = "\\q"\n', "1:8"),
    ("surrogate-escape", 'a = "\\uD800"\n', "1:12"),
    ("control-in-string", 'a = "x\x01"\n', "1:7"),
    ("control-in-comment", "# x\x01\n", "1:4"),
    ("newline-in-literal", "a = 'x\ny'\n", "1:7"),
    ("bad-number", "a = 1_\n", "1:6"),
    ("leading-zero", "a = 01\n", "1:6"),
    ("bad-float", "a = .5\n", "1:5"),
    ("bad-datetime", "a = 1957-13-01\n", "1:9"),
    ("unclosed-array", "a = [1, 2\n", "2:1"),
    ("unclosed-inline-table", "a = { b = 1\n", "2:1"),
    ("inline-table-duplicate-key", "a = { b = 1, b = 2 }\n", "1:19"),
    ("dotted-key-then-value", "a.b = 1\na = 2\n", "2:6"),
    ("unclosed-header", "[events\n", "1:8"),
    ("mismatched-array-header", "[[events]\n", "1:9"),
    ("two-values-on-a-line", "a = 1 b = 2\n", "1:7"),
    ("header-after-value", 'a = "x" [t]\n', "1:9"),
]
STORE_SYNTAX = [bad_store(f"toml-{name}", text, r"TOML syntax error", at=at) for name, text, at in TOML_SYNTAX]


def _nested(depth: int) -> str:
    return "a = " + "[" * depth + "]" * depth + "\n"


MB = 2**20
_LONG = "x" * (10 * MB)
STORE_SIZE = [
    bad_store("deep-nesting-arrays", _nested(500), r"nested too deeply", at="1:104"),
    bad_store("deep-nesting-tables", "a = " + "{b = " * 500 + "1" + "}" * 500 + "\n", r"nested too deeply"),
    good_store("store-50-mb", BASE + ("# " + "padding " * 127 + "\n") * (50 * MB // 1024)),
    bad_event("title-10-mb", r"is 10485760 characters long", f'title = "{_LONG}"', key="title"),
    bad_event("id-100-kb", r"'X{80}'\.\.\. \(102,400 characters\): ids are lower-case", f'id = "{"X" * 102_400}"',
              key="id"),
    bad_event("key-10-mb", r"unknown key", f'{"k" * (10 * MB)} = 1', key="k" * (10 * MB)),
    bad_event("date-100-kb", r"'1{80}'\.\.\. \(102,400 characters\) is not a date", f'date = "{"1" * 102_400}"',
              key="date"),
    Case("summary-10-mb", ("timeline", "-f", "tsv", "--fields", "summary"), 0,
         store=with_event(f'summary = "{"y" * (10 * MB)}"'), out="y{10485760}"),
    bad_store("lines-after-multiline-string", BASE + '\n[[events]]\nid = "x"\ndate = "1957"\n'
              'summary = """\n[[events]]\nid = "fake"\n"""\ntitle = 5\nsources = ["book"]\n',
              r"event 'x' key 'title': must be a string", at=str(BASE_LINES + 9)),
    bad_store("lines-after-multiline-array", BASE + '\n[[events]]\nid = "x"\ndate = "1957"\npeople = [\n  "pat",\n'
              ']\ntitle = 5\nsources = ["book"]\n', r"key 'title': must be a string", at=str(BASE_LINES + 8)),
]

# Wrong types for every kind of key; the problem is found at the key's line.
WRONG_TYPES = [
    ("string-as-integer", "title = 5", "title", r"must be a string, not an integer"),
    ("string-as-boolean", "title = true", "title", r"must be a string, not a boolean"),
    ("string-as-float", "title = 1.5", "title", r"must be a string, not a float"),
    ("string-as-array", 'title = ["T"]', "title", r"must be a string, not an array"),
    ("string-as-table", "title = { a = 1 }", "title", r"must be a string, not a table"),
    ("date-as-toml-date", "date = 1957-06-18", "date", r"must be a string"),
    ("date-as-integer", "date = 1957", "date", r"must be a string, not an integer"),
    ("slug-as-integer", "id = 5", "id", r"must be a string, not an integer"),
    ("strings-as-string", 'tags = "crisis"', "tags", r"must be an array, not a string"),
    ("strings-with-integer", 'tags = ["crisis", 5]', "tags", r"must be an array of strings"),
    ("people-as-string", 'people = "pat"', "people", r"must be an array, not a string"),
    ("people-with-table", "people = [{ id = 1 }]", "people", r"must be an array of strings"),
    ("sources-as-string", 'sources = "book"', "sources", r"must be an array, not a string"),
    ("sources-empty", "sources = []", "sources", r"needs at least one source"),
    ("citation-as-integer", "sources = [5]", "sources", r"key 'sources':"),
    ("citation-without-id", 'sources = [{ pages = "5" }]', "sources", r"key 'sources':"),
    ("citation-without-locator", 'sources = [{ id = "book" }]', "sources", r"key 'sources':"),
    ("citation-unknown-key", 'sources = [{ id = "book", page = "5" }]', "sources", r"unknown key 'page' in a citation"),
    ("citation-locator-integer", 'sources = [{ id = "book", pages = 5 }]', "sources", r"key 'sources':"),
    ("notes-as-string", 'notes = "n"', "notes", r"must be an array, not a string"),
    ("note-as-string", 'notes = ["n"]', "notes", r"each note is a table"),
    ("note-text-integer", "notes = [{ text = 5 }]", "notes", r"each note is a table"),
    ("note-unknown-key", 'notes = [{ text = "n", source = ["book"] }]', "notes", r"unknown key 'source' in a note"),
    ("note-sources-string", 'notes = [{ text = "n", sources = "book" }]', "notes", r"key 'notes':"),
]
STORE_TYPES = [bad_event(f"type-{name}", says, line, key=key) for name, line, key, says in WRONG_TYPES]
STORE_TYPES += [
    bad_store("type-source-year-string", BASE.replace('title = "A book"', 'title = "A book"\nyear = "1990"'),
              r"source 'book' key 'year': must be an integer, not a string", at="5"),
    bad_store("type-source-accessed-integer", BASE.replace('title = "A book"', 'title = "A book"\naccessed = 20260101'),
              r"key 'accessed': must be a string", at="5"),
    *[bad_store(f"source-year-{name}", BASE.replace('title = "A book"', f'title = "A book"\nyear = {year}'),
                rf"source 'book' key 'year': {year} is not a year from 1 to 9999", at="5")
      for name, year in [("0", "0"), ("negative", "-5"), ("10000", "10000"), ("huge", "9" * 20)]],
    bad_store("integer-5000-digits", BASE.replace('title = "A book"', f'title = "A book"\nyear = {"9" * 5000}'),
              r"TOML value error: a number of more than 4,300 digits", at="5:8"),
    bad_store("integer-5000-digits-underscores", "a = 1_" + "0" * 5000 + "\n",
              r"TOML value error: a number of more than 4,300 digits", at="1:5"),
    bad_store("type-term-person-integer", BASE.replace('person = "pat"', "person = 1"), r"key 'person': must be a string",
              at="14"),
    bad_store("type-sources-not-tables", "sources = 1\n", r"\[sources\] must hold tables"),
    bad_store("type-sources-as-array", '[[sources]]\nkind = "book"\n', r"\[sources\] must hold tables"),
    bad_store("type-events-as-table", '[events]\nid = "x"\n', r"events must be written as \[\[events\]\]"),
    bad_store("type-events-integer", "events = 1\n", r"events must be written as \[\[events\]\]"),
    bad_store("type-person-not-table", "[people]\npat = 1\n", r"must be a table \[people\.pat\]"),
]

STORE_CONTENT = [
    bad_store("unknown-table", BASE + "\n[evnts]\n", r"unknown table \[evnts\] \(did you mean 'events'\?\)",
              at=str(BASE_LINES + 2)),
    bad_event("unknown-key", r"key 'sumary': unknown key \(did you mean 'summary'\?\)", 'sumary = "S"', key="sumary"),
    bad_store("unknown-source-key", BASE.replace('title = "A book"', 'title = "A book"\npublsher = "P"'),
              r"key 'publsher': unknown key \(did you mean 'publisher'\?\)", at="5"),
    bad_event("duplicate-event-id", r"event 'one' key 'id': is defined twice; first at store\.toml:19", 'id = "one"',
              key="id"),
    Case("duplicate-source-across-files", ("--store", "store.toml", "--store", "two.toml", "check"), 1,
         r"two\.toml:1:1: source 'book': is defined twice; first at store\.toml:1", store=BASE,
         prepare=lambda folder, apg: (folder / "two.toml").write_text('[sources.book]\nkind = "book"\n'
                                                                      'type = "primary"\ntitle = "B"\n')),
    bad_store("duplicate-id-person-and-source", BASE + '\n[people.book]\nname = "Book Person"\n',
              r"person 'book': is also the id of a source \(store\.toml:1\)", at=str(BASE_LINES + 2)),
    bad_store("duplicate-id-office-and-person", BASE + '\n[offices.pat]\ntitle = "Pat office"\n',
              r"office 'pat': is also the id of a person \(store\.toml:6\)", at=str(BASE_LINES + 2)),
    bad_event("dangling-person", r"unknown person 'pta' \(did you mean 'pat'\?\)", 'people = ["pta"]', key="people"),
    bad_event("dangling-source", r"unknown source 'bok' \(did you mean 'book'\?\)", 'sources = ["bok"]', key="sources"),
    bad_event("dangling-citation-table", r"unknown source 'nope'", 'sources = [{ id = "nope", pages = "1" }]',
              key="sources"),
    bad_event("dangling-note-source", r"unknown source 'nope'", 'notes = [{ text = "n", sources = ["nope"] }]',
              key="notes"),
    bad_store("dangling-term-office", BASE.replace('office = "chief"', 'office = "chef"'),
              r"unknown office 'chef' \(did you mean 'chief'\?\)", at="15"),
    bad_store("dangling-presidium-person", BASE + '\n[[presidium]]\nperson = "nobody"\nrank = "full"\n'
              'side = "group"\nsources = ["book"]\n', r"unknown person 'nobody'", at=str(BASE_LINES + 3)),
    bad_event("reversed-interval", r"'1958/1957' ends before it starts", 'date = "1958/1957"', key="date"),
    bad_event("reversed-interval-days", r"ends before it starts", 'date = "1957-06-29/1957-06-22"', key="date"),
    bad_store("reversed-term", BASE.replace('from = "1953-03-05"', 'from = "1953-03-05"\nto = "1953-03-04"'),
              r"'1953-03-04' ends before the term starts \('1953-03-05'\)", at="17"),
    bad_store("reversed-existed", BASE.replace('title = "Chief"', 'title = "Chief"\nexisted = "1960/1950"'),
              r"'1960/1950' ends before it starts", at="12"),
    bad_event("title-71-characters", r"is 71 characters long", f'title = "{"x" * 71}"', key="title"),
    bad_event("title-empty", r"key 'title': must not be empty", 'title = ""', key="title"),
    bad_event("title-blank", r"key 'title': must not be empty", 'title = " \\t "', key="title"),
    bad_store("name-blank", BASE.replace('name = "Pat Person"', 'name = "   "'), r"key 'name': must not be empty",
              at="7"),
    bad_store("overlapping-terms", BASE + '\n[[terms]]\nperson = "pat"\noffice = "chief"\nfrom = "1955"\n'
              'sources = ["book"]\n', r"overlaps the term of pat from 1953-03-05 \(store\.toml:13\)",
              at=str(BASE_LINES + 5)),
    bad_store("term-from-interval", BASE.replace('from = "1953-03-05"', 'from = "1953/1954"'),
              r"'1953/1954' is an interval; a term's from is a single date", at="16"),
    bad_store("existed-not-interval", BASE.replace('title = "Chief"', 'title = "Chief"\nexisted = "1953"'),
              r"'1953' must be an interval", at="12"),
    bad_store("period-not-interval", BASE + '\n[[periods]]\nid = "era"\ntitle = "Era"\ndate = "1957"\n',
              r"'1957' must be an interval", at=str(BASE_LINES + 5)),
    bad_store("second-presidium-seat", BASE + ('\n[[presidium]]\nperson = "pat"\nrank = "full"\nside = "group"\n'
                                               'sources = ["book"]\n') * 2, r"has a second seat",
              at=str(BASE_LINES + 9)),
    bad_store("bad-kind", BASE.replace('kind = "book"', 'kind = "novel"'), r"'novel' is not one of book,", at="2"),
    bad_store("bad-type", BASE.replace('type = "scholarly"', 'type = "gossip"'), r"'gossip' is not one of primary,",
              at="3"),
    bad_store("bad-rank", BASE + '\n[[presidium]]\nperson = "pat"\nrank = "chief"\nside = "group"\n'
              'sources = ["book"]\n', r"'chief' is not one of full, candidate", at=str(BASE_LINES + 4)),
    bad_store("bad-accessed", BASE.replace('title = "A book"', 'title = "A book"\naccessed = "2026-02-30"'),
              r"'2026-02-30' is not a day \(YYYY-MM-DD\)", at="5"),
    bad_store("bad-accessed-digits", BASE.replace('title = "A book"', 'title = "A book"\naccessed = "٢٠٢٦-01-01"'),
              r"is not a day", at="5"),
    bad_event("missing-id", r"key 'id': is required", "-id"),
    bad_event("missing-date", r"key 'date': is required", "-date"),
    bad_event("missing-title", r"key 'title': is required", "-title"),
    bad_event("missing-sources", r"key 'sources': needs at least one source", "-sources"),
    bad_store("missing-kind", BASE.replace('kind = "book"\n', ""), r"source 'book' key 'kind': is required", at="1"),
    bad_store("missing-name", BASE.replace('name = "Pat Person"\n', ""), r"person 'pat' key 'name': is required",
              at="6"),
    bad_store("missing-term-from", BASE.replace('from = "1953-03-05"\n', ""), r"key 'from': is required", at="13"),
    bad_store("missing-rank", BASE + '\n[[presidium]]\nperson = "pat"\nside = "group"\nsources = ["book"]\n',
              r"key 'rank': is required", at=str(BASE_LINES + 2)),
    bad_event("slug-space", r"ids are lower-case", 'id = "Bad Id"', key="id"),
    bad_event("slug-leading-hyphen", r"ids are lower-case", 'id = "-x"', key="id"),
    bad_event("slug-double-hyphen", r"ids are lower-case", 'id = "x--y"', key="id"),
    bad_event("slug-accent", r"ids are lower-case", 'id = "café"', key="id"),
    bad_store("slug-source-id", BASE.replace("[sources.book]", '[sources."Book One"]').replace('["book"]', '["Book One"]'),
              r"source 'Book One': ids are lower-case", at="1"),
    bad_store("three-problems-all-reported", with_event('date = "1957-02-30"', 'people = ["nobody"]', "title = 5"),
              r"(?s)date.*no such day.*\n.*key 'title'.*\n.*key 'people'"),
]

STORE_DATES = [
    bad_event(f"store-date-{name}", says, f"date = {json.dumps(text)}", key="date")
    for name, text, says in [
        ("feb-29", "1957-02-29", r"there is no such day or month"),
        ("apr-31", "1957-04-31", r"there is no such day or month"),
        ("month-13", "1957-13", r"there is no such day or month"),
        ("month-00", "1957-00", r"months and days start at 01"),
        ("day-00", "1957-06-00", r"months and days start at 01"),
        ("year-0000", "0000", r"there is no year 0"),
        ("year-10000", "10000", r"years run from 0001 to 9999"),
        ("arabic-digits", "١٩٥٧", r"write its digits as 0-9"),
        ("fullwidth-digits", "\uff11\uff19\uff15\uff17", r"write its digits as 0-9"),
        ("single-digit-month", "1957-6-1", r"expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("trailing-space", "1957 ", r"expected YYYY"),
        ("empty", "", r"must not be empty"),
        ("three-parts", "1957/1958/1959", r"an interval has exactly one '/'"),
        ("two-qualifiers", "1957~?", r"expected YYYY"),
        ("leading-qualifier", "~1957", r"expected YYYY"),
        ("time-of-day", "1957-06-18T10:00", r"expected YYYY"),
        ("negative-year", "-1957", r"expected YYYY"),
        ("two-digit-year", "57", r"expected YYYY"),
        ("open-interval", "1957/..", r"expected YYYY"),
        ("dots", "1957.06.18", r"expected YYYY"),
    ]
] + [
    good_store("store-date-year-0001", with_event('date = "0001"')),
    good_store("store-date-9999-12", with_event('date = "9999-12"')),
    good_store("store-date-whole-calendar", with_event('date = "0001-01-01/9999-12-31"')),
    good_store("store-date-leap-day-0004", with_event('date = "0004-02-29"')),
    Case("store-date-9999-12-ics", ("timeline", "-f", "ics"), 0, store=with_event('date = "9999-12"'),
         out=r"DTSTART;VALUE=DATE:99991201\r\nDURATION:P31D\r\n"),
    Case("store-date-9999-on", ("on", "9999-12", "-f", "tsv"), 0, store=with_event('date = "1957/9999-12"'),
         out=r"event\tduring\t1957/9999-12\tx"),
    Case("store-date-0001-ics", ("timeline", "-f", "ics"), 0, store=with_event('date = "0001-01-01"'),
         out=r"DTSTART;VALUE=DATE:00010101\r\nDTEND;VALUE=DATE:00010102\r\n"),
    Case("store-date-0001-offices", ("offices", "--from", "0001", "--to", "9999", "-f", "chart"), 0,
         store=BASE.replace('from = "1953-03-05"', 'from = "0001-01-01"\nto = "9999-12-31"'), out="Chief"),
]


# ---------------------------------------------------------------- the index or cache

def _cached_then(mutate: Callable[[Path], None]) -> Prepare:
    """Run apg once so that it builds its cache in the case folder, then MUTATE every file of the cache."""

    def prepare(folder: Path, apg: Path) -> None:
        env = base_env(folder)
        subprocess.run([str(apg), "timeline", "-f", "tsv"], cwd=folder, env=env, capture_output=True, check=True,
                       timeout=120)
        files = [path for path in (folder / "cache").rglob("*") if path.is_file()]
        assert files, "apg wrote no cache"
        for path in files:
            mutate(path)

    return prepare


def _foreign_sqlite(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as connection:
        connection.execute("create table other (a, b)")
        connection.execute("insert into other values (1, 'x')")


def _stale(folder: Path, apg: Path) -> None:
    """A cached store changed without changing its size or modification time."""
    store = folder / "store.toml"
    store.write_text(with_event('title = "AAAA"'), encoding="utf-8")
    env = base_env(folder)
    subprocess.run([str(apg), "--no-default-store", "--store", "store.toml", "timeline", "-f", "tsv"], cwd=folder,
                   env=env, capture_output=True, check=True, timeout=120)
    stat = store.stat()
    store.write_text(with_event('title = "BBBB"'), encoding="utf-8")
    os.utime(store, ns=(stat.st_atime_ns, stat.st_mtime_ns))


CACHE = [
    Case("cache-garbage", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t", prepare=_cached_then(
        lambda path: path.write_bytes(b"\x00garbage" * 100))),
    Case("cache-truncated", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t", prepare=_cached_then(
        lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]))),
    Case("cache-empty-files", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t", prepare=_cached_then(
        lambda path: path.write_bytes(b""))),
    Case("cache-foreign-sqlite", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t", prepare=_cached_then(_foreign_sqlite)),
    Case("cache-directories-instead", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t", prepare=_cached_then(
        lambda path: (path.unlink(), path.mkdir()))),
    Case("cache-stale", ("--no-default-store", "--store", "store.toml", "timeline", "-f", "tsv"), 0, fresh_cache=True,
         out=r"\tBBBB\t", prepare=_stale),
    Case("cache-dir-is-a-file", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t", env={"APG_CACHE_DIR": "file"},
         prepare=lambda folder, apg: (folder / "file").write_text("x")),
    Case("cache-dir-unwritable", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t", env={"APG_CACHE_DIR": "/proc/apg-cache"}),
    Case("cache-xdg-relative", (), 0, fresh_cache=True, out=r"\tnothing in the cwd\n$", env={"APG_CACHE_DIR": None,
         "XDG_CACHE_HOME": "relative-cache"}, shell='"$APG" timeline -f tsv && test ! -e relative-cache '
         '&& echo "\tnothing in the cwd"'),
    Case("cache-xdg-unwritable", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t",
         env={"APG_CACHE_DIR": None, "XDG_CACHE_HOME": "/proc/xdg"}),
    Case("cache-xdg-through-a-file", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t",
         env={"APG_CACHE_DIR": None, "XDG_CACHE_HOME": "file/cache"},
         prepare=lambda folder, apg: (folder / "file").write_text("x")),
    Case("cache-no-home", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t", env={"APG_CACHE_DIR": None, "HOME": None}),
    Case("cache-home-missing", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t",
         env={"APG_CACHE_DIR": None, "HOME": "/nonexistent/home"}),
    Case("cache-off", ("timeline", "-f", "tsv"), 0, fresh_cache=True, out=r"\t", env={"APG_NO_CACHE": "1"}),
]


# ---------------------------------------------------------------- the command line

BAD_DATES = [
    ("two-digit-year", "57", r"give the year with four digits"),
    ("month-two-digit-year", "June 57", r"give the year with four digits"),
    ("day-first-slashes", "18/6/57", r"is ambiguous"),
    ("month-first-slashes", "06/18/1957", r"is ambiguous"),
    ("dotted", "18.06.1957", r"is ambiguous"),
    ("feb-30", "1957-02-30", r"no such day"),
    ("feb-30-words", "30 February 1957", r"no such day"),
    ("month-13", "1957-13", r"no such day or month"),
    ("month-00", "1957-00", r"months and days start at 01"),
    ("day-00", "1957-06-00", r"months and days start at 01"),
    ("reversed", "1957/1956", r"ends before it starts"),
    ("yesterday", "yesterday", r"give the year with four digits"),
    ("two-years", "1957 1958", r"give one date"),
    ("time", "June 1957 10:30", r"not a time"),
    ("single-digits", "1957-6-1", r"expected YYYY"),
    ("empty", "", r"is not a date"),
    ("blank", "   ", r"is not a date"),
    ("year-0000", "0000", r"there is no year 0"),
    ("words-year-0000", "June 0000", r"there is no year 0"),
    ("year-10000", "10000", r"years run from 0001 to 9999"),
    ("day-32", "9999-12-32", r"no such day"),
    ("arabic-digits", "١٩٥٧", r"write its digits as 0-9"),
    ("arabic-in-words", "June ١٩٥٧", r"write its digits as 0-9"),
    ("iso-time", "1957-06-18T10:00", r"is not a date"),
    ("french-month", "Juin 1957", r"is not a date"),
    ("negative", "-1957", r"is not a date|No such option"),
    ("huge", "9" * 5000, r"is not a date"),
    ("control-characters", "1957\x1b[2J", r"is not a date"),
    ("feb-29-0100", "29 Feb 0100", r"no such day"),
    ("day-without-month", "18 1957", r"is not a date"),
]
CLI_DATES = [Case(f"date-{name}-on", ("on", text), 2, says) for name, text, says in BAD_DATES]
CLI_DATES += [Case(f"date-{name}-from", ("timeline", "--from", text), 2, says) for name, text, says in BAD_DATES[:8]]
CLI_DATES += [
    Case("date-to-offices", ("offices", "--to", "1957-00"), 2, r"months and days start at 01"),
    Case("date-from-after-to", ("timeline", "--from", "1958", "--to", "1957"), 2, r"--from '1958' is after --to '1957'"),
    Case("date-on-with-from", ("timeline", "--on", "1957", "--from", "1956"), 2, r"--on cannot be combined"),
    Case("date-offices-reversed", ("offices", "--from", "1958", "--to", "1957"), 2, r"is after"),
    Case("date-on-9999-12-31", ("on", "9999-12-31", "-f", "json"), 0, out=r'"start": "9999-12-31"'),
    Case("date-on-0001-01-01", ("on", "0001-01-01", "-f", "json"), 0, r"^Note: ", out=r'"start": "0001-01-01"'),
    Case("date-on-words-0001", ("on", "1 Jan 0001", "-f", "json"), 0, r"^Note: ", out=r'"start": "0001-01-01"'),
    Case("date-window-huge", ("on", "1957-06-20", "--window", "999999999", "-f", "tsv"), 0, out=r"^office\t"),
    Case("date-window-enormous", ("on", "1957-06-20", "--window", "9" * 40, "-f", "tsv"), 0, out=r"^office\t"),
    Case("date-window-negative", ("on", "1957", "--window", "-1"), 2, r"--window"),
    Case("date-window-text", ("on", "1957", "--window", "week"), 2, r"'week' is not a valid integer"),
    Case("date-on-9999-12", ("timeline", "--on", "9999-12", "-f", "tsv"), 0),
    Case("date-offices-to-9999", ("offices", "--to", "9999-12", "-f", "chart"), 0, out="Premier"),
    Case("date-offices-whole-calendar", ("offices", "--from", "0001", "--to", "9999", "-f", "tsv"), 0, out=r"\t"),
    Case("date-ics-whole-calendar", ("timeline", "--from", "0001-01-01", "--to", "9999-12-31", "-f", "ics"), 0,
         out=r"END:VCALENDAR\r\n$"),
]


def _big_stdin() -> bytes:
    return b"no-such-event\n" * (100 * MB // 14)


CLI_VALUES = [
    Case("person-empty", ("person", ""), 1, r"no person matches ''"),
    Case("person-blank", ("person", "   "), 1, r"no person matches"),
    Case("person-unknown", ("person", "molotv"), 1, r"no person matches 'molotv'; did you mean molotov"),
    Case("person-ambiguous", ("person", "ma"), 1, r"matches more than one person"),
    Case("person-100k", ("person", "x" * 100_000), 1, r"no person matches 'x{80}'\.\.\. \(100,000 characters\)"),
    Case("person-escape", ("person", "\x1b]52;c;cm0gLXJm\x07"), 1, r"no person matches '\\x1b\]52"),
    Case("person-bidi", ("person", "abc\u202edef"), 1, r"no person matches 'abc\\u202edef'"),
    Case("person-invalid-utf8", ("person", os.fsdecode(b"\xff\xfe")), 1, r"no person matches"),
    Case("person-cyrillic-typo", ("person", "Хрущёвв"), 1, r"no person matches"),
    Case("timeline-person-empty", ("timeline", "--person", ""), 1, r"no person matches ''"),
    Case("timeline-tag-empty", ("timeline", "--tag", ""), 1, r"no event has the tag ''"),
    Case("timeline-tag-unknown", ("timeline", "--tag", "crisi"), 1, r"no event has the tag 'crisi'"),
    Case("timeline-grep-empty", ("timeline", "--grep", "", "-f", "tsv"), 0, out=r"\t"),
    Case("timeline-grep-control", ("timeline", "--grep", "\x1b[2J", "-f", "tsv"), 0, out=r"^$"),
    Case("timeline-limit-huge", ("timeline", "--limit", "9" * 30, "-f", "tsv"), 0, out=r"\t"),
    Case("timeline-limit-negative", ("timeline", "--limit", "-1"), 2, r"--limit"),
    Case("timeline-limit-text", ("timeline", "--limit", "ten"), 2, r"'ten' is not a valid integer"),
    Case("timeline-limit-zero", ("timeline", "--limit", "0", "-f", "tsv"), 0, out=r"^$"),
    Case("timeline-format-unknown", ("timeline", "-f", "xml"), 2, r"'xml' is not one of"),
    Case("timeline-format-empty", ("timeline", "-f", ""), 2, r"'' is not one of"),
    Case("timeline-format-escape", ("timeline", "-f", "\x1b[31mred"), 2, r"'\\x1b\[31mred' is not one of"),
    Case("timeline-format-huge", ("timeline", "-f", "x" * 100_000), 2, r"is not one of"),
    Case("timeline-fields-unknown", ("timeline", "-f", "tsv", "--fields", "id,nope"), 2, r"unknown field 'nope'"),
    Case("timeline-fields-empty", ("timeline", "-f", "tsv", "--fields", ""), 2, r"--fields"),
    Case("timeline-fields-commas", ("timeline", "-f", "tsv", "--fields", ",,,"), 2, r"--fields"),
    Case("timeline-sort-unknown", ("timeline", "--sort", "size"), 2, r"'size' is not one of"),
    Case("timeline-unknown-option", ("timeline", "--colour"), 2, r"No such option '--colour'"),
    Case("unknown-command", ("timelime",), 2, r"No such command 'timelime'"),
    Case("no-command", (), 2, r"Usage: apg", stderr_lines=40),
    Case("help", ("--help",), 0, out=r"Usage: apg"),
    Case("version", ("--version",), 0, out=r"^apg, version "),
    Case("show-no-id", ("show",), 2, r"Missing argument 'ID\.\.\.'"),
    Case("show-unknown", ("show", "stalin-dath"), 1, r"no event has the id 'stalin-dath'; did you mean stalin-death"),
    Case("show-empty-id", ("show", ""), 1, r"no event has the id ''"),
    Case("show-many-unknown", ("show", *[f"nope-{n}" for n in range(500)]), 1, r"and 490 more"),
    Case("show-stdin-empty", ("show", "-"), 2, r"no event ids on standard input"),
    Case("show-stdin-blank", ("show", "-"), 2, r"no event ids on standard input", stdin=b"\n  \n\t\n"),
    Case("show-stdin-binary", ("show", "-"), 1, r"no event has the id", stdin=bytes(range(256)) * 64),
    Case("show-stdin-nul", ("show", "-"), 1, r"no event has the id 'a\\x00b'", stdin=b"a\x00b\n"),
    Case("show-stdin-100-mb", ("show", "-"), 1, r"no event has the id 'no-such-event'", stdin=_big_stdin()),
    Case("show-stdin-closed", (), 2, r"no event ids on standard input", shell='"$APG" show - <&-'),
    Case("show-stdin-one-known", ("show", "-", "-f", "tsv", "--fields", "id"), 0, stdin=b"\r\n  stalin-death  \r\n",
         out=r"^stalin-death\n$"),
    Case("cite-unknown", ("cite", "taubmann-2003"), 1, r"no source or event has the id 'taubmann-2003'"),
    Case("cite-nothing", ("cite",), 2, r"give source or event ids, or --all"),
    Case("cite-style-unknown", ("cite", "--all", "--style", "harvard"), 2, r"'harvard' is not one of"),
    Case("offices-unknown", ("offices", "--office", "tsar"), 1, r"no office has the id 'tsar'"),
    Case("offices-empty", ("offices", "--office", ""), 1, r"no office has the id ''"),
    Case("completion-unknown-shell", ("completion", "powershell"), 2, r"'powershell' is not one of"),
    Case("check-strict-packaged", ("check", "--strict"), 0, out=r"^ok: "),
    Case("people-sort-unknown", ("people", "--sort", "age"), 2, r"'age' is not one of"),
    Case("debug-data-error", ("--debug", "person", "nobody"), 1, r"^Error: no person matches 'nobody'$"),
    Case("debug-env-data-error", ("person", "nobody"), 1, r"^Error: no person matches 'nobody'$",
         env={"APG_DEBUG": "1"}),
]


# ---------------------------------------------------------------- the environment

RICH_VIEWS = [("timeline", "-f", "timeline"), ("timeline", "-f", "table", "--details"), ("on", "1957-06-20", "-f", "timeline"),
              ("offices", "-f", "chart"), ("person", "molotov", "-f", "timeline"), ("people", "-f", "table")]


def _widths(limit: int, tty: bool = False) -> Check:
    def check(out: bytes) -> None:
        text = out.decode("utf-8")
        lines = re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines() if tty else text.splitlines()
        assert lines, "no output"
        assert max(len(line) for line in lines) <= limit, max(len(line) for line in lines)

    return check


def _no_escapes(out: bytes) -> None:
    assert b"\x1b" not in out


def _has_colour(out: bytes) -> None:
    assert b"\x1b[" in out


ENVIRONMENT = [
    Case(f"columns-{label}-{view[0]}-{view[-1].lstrip('-')}", view, 0, env={"COLUMNS": value},
         check=_widths(limit))
    for label, value, limit in [("0", "0", 160), ("1", "1", 20), ("20", "20", 20), ("400", "400", 400),
                                ("negative", "-5", 160), ("text", "abc", 160), ("empty", "", 160),
                                ("huge", "9" * 30, 1000)]
    for view in RICH_VIEWS[:1]
] + [
    Case(f"columns-{label}-{view[0]}", view, 0, env={"COLUMNS": value}, check=_widths(limit))
    for label, value, limit in [("1", "1", 20), ("negative", "-5", 160), ("text", "abc", 160), ("400", "400", 400)]
    for view in RICH_VIEWS[2:4]
] + [
    Case(f"lines-{label}", ("timeline", "-f", "timeline"), 0, env={"LINES": value}, check=_widths(160))
    for label, value in [("0", "0"), ("1", "1"), ("20", "20"), ("400", "400"), ("negative", "-3"), ("text", "many")]
] + [
    Case("no-color-env", ("timeline", "-f", "timeline"), 0, env={"NO_COLOR": "1", "FORCE_COLOR": "1"},
         check=_no_escapes),
    Case("force-color-env", ("timeline", "-f", "timeline"), 0, env={"FORCE_COLOR": "1"}, check=_has_colour),
    Case("clicolor-force-env", ("timeline", "-f", "timeline"), 0, env={"CLICOLOR_FORCE": "1"}, check=_has_colour),
    Case("term-dumb-force-color", ("timeline", "-f", "timeline"), 0, env={"TERM": "dumb", "FORCE_COLOR": "1"},
         check=_has_colour),
    Case("term-dumb-color-flag", ("--color", "timeline", "-f", "timeline"), 0, env={"TERM": "dumb"},
         check=_has_colour),
    Case("term-dumb-chart-color", ("--color", "offices", "-f", "chart"), 0, env={"TERM": "dumb"}, check=_has_colour),
    Case("no-color-flag-beats-force", ("--no-color", "timeline", "-f", "timeline"), 0, env={"FORCE_COLOR": "1"},
         check=_no_escapes),
    Case("color-flag-beats-no-color", ("--color", "timeline", "-f", "timeline"), 0, env={"NO_COLOR": "1"},
         check=_has_colour),
    Case("force-color-machine-format", ("timeline", "-f", "tsv"), 0, env={"FORCE_COLOR": "1"}, check=_no_escapes),
    Case("lc-all-c-rich", ("person", "molotov", "-f", "timeline"), 0, env={"LC_ALL": "C", "LANG": None},
         out="Вячеслав"),
    Case("lc-all-c-json", ("person", "molotov", "-f", "json"), 0, env={"LC_ALL": "C", "LANG": None},
         out='"native": "Вячеслав'),
    Case("lc-all-posix-text", ("show", "stalin-death", "-f", "text"), 0, env={"LC_ALL": "POSIX", "LANG": None},
         out="stalin-death"),
    Case("ascii-rich", ("person", "molotov", "-f", "timeline"), 0, env={"PYTHONIOENCODING": "ascii"},
         out=r"Molotov"),
    Case("ascii-json", ("person", "molotov", "-f", "json"), 0, env={"PYTHONIOENCODING": "ascii"},
         out='"native": "Вячеслав'),
    Case("ascii-chart", ("offices", "-f", "chart"), 0, env={"PYTHONIOENCODING": "ascii"}, out="Premier"),
    Case("ascii-error", ("person", "Хрущёвв"), 1, r"no person matches", env={"PYTHONIOENCODING": "ascii"}),
    Case("latin-1-rich", ("on", "1957-06-20"), 0, env={"PYTHONIOENCODING": "latin-1"}, out="Khrushchev"),
    Case("latin-1-csv", ("person", "molotov", "-f", "csv"), 0, env={"PYTHONIOENCODING": "latin-1"}, out=r"^date,"),
    Case("latin-1-cite", ("cite", "full"), 0, env={"PYTHONIOENCODING": "latin-1"}, store=BASE, out=r"Author, Anna"),
    Case("no-home", ("timeline", "-f", "tsv"), 0, fresh_cache=True, env={"HOME": None, "APG_CACHE_DIR": None}, out=r"\t"),
    Case("home-empty", ("timeline", "-f", "tsv"), 0, fresh_cache=True, env={"HOME": "", "APG_CACHE_DIR": None}, out=r"\t"),
    Case("read-only-cwd", ("timeline", "-f", "tsv"), 0, cwd="/proc", out=r"\t"),
    Case("read-only-cwd-check", ("check",), 0, cwd="/proc", out=r"^ok: "),
    Case("apg-store-empty", ("timeline", "-f", "tsv"), 0, env={"APG_STORE": ""}, out=r"\t"),
    Case("source-date-epoch-text", ("timeline", "-f", "ics"), 0, env={"SOURCE_DATE_EPOCH": "soon"},
         out=r"DTSTAMP:\d{8}T\d{6}Z"),
    Case("source-date-epoch-huge", ("timeline", "-f", "ics"), 0, env={"SOURCE_DATE_EPOCH": "9" * 30},
         out=r"DTSTAMP:\d{8}T\d{6}Z"),
    Case("source-date-epoch-negative", ("timeline", "-f", "ics"), 0, env={"SOURCE_DATE_EPOCH": "-1"},
         out=r"DTSTAMP:\d{8}T\d{6}Z"),
    Case("tz-nonsense", ("timeline", "-f", "ics"), 0, env={"TZ": ":/nonexistent"}, out=r"BEGIN:VCALENDAR"),
]


# ---------------------------------------------------------------- output

_MANY = "".join(f'\n[[events]]\nid = "e{n}"\ndate = "1957"\ntitle = "{"t" * 60}"\nsources = ["book"]\n'
                for n in range(1500))  # more than a pipe holds (64 KiB) in every format
BIG_STORE = BASE + _MANY


OUTPUT = [
    Case(f"closed-stdout-{name}", (), 1, r"standard output is closed", shell=f'"$APG" {line} >&-')
    for name, line in [("tsv", "timeline -f tsv"), ("rich", "timeline -f timeline"), ("check", "check"),
                       ("help", "--help"), ("version", "--version"), ("cite", "cite --all")]
] + [
    Case(f"dev-full-{name}", (), 1, r"cannot write the output: No space left on device",
         shell=f'"$APG" {line} > /dev/full', store=BIG_STORE if "store.toml" in line else None)
    for name, line in [("tsv", "timeline -f tsv"), ("json", "timeline -f json"), ("rich", "timeline -f table"),
                       ("check", "check"), ("cite", "--no-default-store --store store.toml cite full"), ("show", "show stalin-death"),
                       ("big", "--no-default-store --store store.toml timeline -f jsonl")]
] + [
    Case(f"stderr-{name}", (), code, shell=f'"$APG" {line} {redirect}', out=out)
    for name, line, redirect, code, out in [
        ("closed-ok", "timeline -f tsv", "2>&-", 0, r"\t"), ("closed-error", "person nobody", "2>&-", 1, ""),
        ("closed-usage", "timelime", "2>&-", 2, ""), ("full-error", "person nobody", "2>/dev/full", 1, ""),
        ("full-ok", "timeline -f tsv", "2>/dev/full", 0, r"\t"),
        ("and-stdout-closed", "timeline -f tsv", ">&- 2>&-", 1, ""),
    ]
] + [
    Case(f"closed-pipe-{name}", args, 1, store=BIG_STORE, close_pipe=True, partial_output=True)
    for name, args in [("jsonl", ("timeline", "-f", "jsonl")), ("table", ("timeline", "-f", "table")),
                       ("text", ("timeline", "-f", "text")), ("csv", ("timeline", "-f", "csv"))]
] + [
    Case(f"{signame}-mid-output-{name}", args, code, store=BIG_STORE, signal=number, partial_output=True)
    for signame, number, code in [("sigint", signal.SIGINT, 130), ("sigterm", signal.SIGTERM, 143)]
    for name, args in [("jsonl", ("timeline", "-f", "jsonl")), ("rich", ("timeline", "-f", "timeline"))]
]


# ---------------------------------------------------------------- injection into every view and export

def toml_string(text: str) -> str:
    """TEXT as a TOML basic string: JSON's escapes, and DEL, which TOML also wants escaped."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _hostile_store() -> str:
    """A store with the hostile strings in every kind of text: ids stay slugs, the rest is hostile."""
    def s(index: int) -> str:
        return toml_string(HOSTILE_STRINGS[index % len(HOSTILE_STRINGS)][1])

    lines = ['[sources.evil-book]\nkind = "book"\ntype = "scholarly"', f"title = {s(0)}", f"authors = [{s(1)}]",
             f"publisher = {s(2)}", f"place = {s(3)}", f"note = {s(4)}", 'url = "https://example.org/x"',
             f"container = {s(5)}", 'accessed = "2026-01-01"', "",
             "[people.evil]", f"name = {s(6)}", f"full_name = {s(7)}", f"native = {s(8)}", f"aliases = [{s(9)}]",
             f"summary = {s(10)}", f"later = {s(11)}", 'sources = ["evil-book"]', "",
             "[offices.evil-office]", f"title = {s(12)}", f"short = {s(13)}", "",
             '[[terms]]\nperson = "evil"\noffice = "evil-office"\nfrom = "1953-03-05"\nsources = ["evil-book"]',
             f"notes = [{{ text = {s(14)}, sources = [\"evil-book\"] }}]", "",
             '[[presidium]]\nperson = "evil"\nrank = "full"\nside = "group"\nsources = ["evil-book"]', "",
             f'[[periods]]\nid = "era"\ntitle = {s(15)}\ndate = "1953/1962"', ""]
    for index, (name, text) in enumerate(HOSTILE_STRINGS):
        lines += [f'[[events]]\nid = "{name}"\ndate = "1957-06-{index % 28 + 1:02d}"',
                  f"title = {toml_string(text[:70])}", f"summary = {s(index + 1)}",
                  'people = ["evil"]', f"tags = [{s(index + 4)}]",
                  f'sources = [{{ id = "evil-book", pages = {s(index + 2)} }}]',
                  f"notes = [{{ text = {s(index + 3)}, sources = [\"evil-book\"] }}]", ""]
    return "\n".join(lines)


HOSTILE_STORE = _hostile_store()
HOSTILE_TAG = 'tags = ["\\u001b[2J\\u202e"]'
# Characters a terminal view may never print: every C0 control but newline, DEL, C1 and the bidi controls.
FORBIDDEN = [chr(c) for c in range(0x20) if c != 0x0A] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)] + list(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")


def _terminal_safe(colour: bool = False, titles: bool = False, tty: bool = False) -> Check:
    """No forbidden character; with TITLES, the event titles' rich markup and emoji codes shown as text."""

    def check(out: bytes) -> None:
        text = out.decode("utf-8")
        if colour:
            text = re.sub(r"\x1b\[[0-9;]*m", "", text)  # rich's own styles are the only escapes allowed
        if tty:
            text = text.replace("\r\n", "\n")  # the terminal's own line ends
        found = sorted({char for char in text if char in FORBIDDEN})
        assert not found, found
        assert text.strip(), "no output"
        if titles:
            assert "[/link]" in text and ":skull:" in text, "store text was read as rich markup"

    return check


TERMINAL_VIEWS = [
    ("timeline", ("timeline", "-f", "timeline", "--details")),
    ("table", ("timeline", "-f", "table", "--details")),
    ("text", ("show", *[name for name, _ in HOSTILE_STRINGS], "-f", "text")),
    ("person-timeline", ("person", "evil", "-f", "timeline", "--details")),
    ("person-table", ("person", "evil", "-f", "table")),
    ("person-text", ("person", "evil", "-f", "text", "--details")),
    ("on", ("on", "1957-06", "-f", "timeline")),
    ("offices", ("offices", "-f", "chart")),
    ("people", ("people", "-f", "table")),
    ("tags", ("tags", "-f", "table")),
    ("sources", ("sources", "-f", "table")),
    ("cite", ("cite", "--all")),
    ("cite-note", ("cite", "csi-colour", "--note")),
]
INJECTION = [
    Case(f"inject-{name}", args, 0, store=HOSTILE_STORE, env={"COLUMNS": "120"},
         check=_terminal_safe(titles=name in ("timeline", "table", "text", "person-timeline", "person-table", "on")))
    for name, args in TERMINAL_VIEWS
] + [
    Case(f"inject-colour-{name}", ("--color", *args), 0, store=HOSTILE_STORE, check=_terminal_safe(colour=True))
    for name, args in TERMINAL_VIEWS[:2] + TERMINAL_VIEWS[6:8]
] + [
    Case("inject-terminal-timeline", ("--no-pager", "timeline", "--details"), 0, store=HOSTILE_STORE, tty=True,
         env={"TERM": "xterm-256color"}, check=_terminal_safe(colour=True, titles=True, tty=True)),
    Case("inject-terminal-show", ("--no-pager", "show", "csi-clear-screen", "osc-52-clipboard", "bidi-override"), 0,
         store=HOSTILE_STORE, tty=True, env={"TERM": "xterm"}, check=_terminal_safe(colour=True, tty=True)),
    Case("inject-terminal-person", ("--no-pager", "person", "evil"), 0, store=HOSTILE_STORE, tty=True,
         env={"TERM": "xterm"}, check=_terminal_safe(colour=True, titles=True, tty=True)),
    Case("inject-terminal-cite", ("--no-pager", "cite", "--all"), 0, store=HOSTILE_STORE, tty=True,
         env={"TERM": "xterm"}, check=_terminal_safe(colour=True, tty=True)),
    Case("inject-terminal-through-a-pager", ("timeline", "--details"), 0, store=HOSTILE_STORE, tty=True,
         env={"TERM": "xterm", "APG_PAGER": "cat"}, check=_terminal_safe(colour=True, titles=True, tty=True)),
    Case("terminal-columns-nonsense", ("--no-pager", "timeline"), 0, tty=True,
         env={"TERM": "xterm", "COLUMNS": "abc", "LINES": "-1"}, check=_widths(80, tty=True)),
    Case("terminal-dumb", ("--no-pager", "timeline"), 0, tty=True, env={"TERM": "dumb"}, check=_no_escapes),
    Case("terminal-dumb-force-color", ("--no-pager", "timeline"), 0, tty=True,
         env={"TERM": "dumb", "FORCE_COLOR": "1"}, check=_has_colour),
    *[Case(f"inject-completion-{name}", (), 0, store=HOSTILE_STORE, check=_terminal_safe(),
           env={"_APG_COMPLETE": "zsh_complete", "COMP_WORDS": f"apg --no-default-store --store store.toml {words}",
                "COMP_CWORD": str(len(words.split()) + 3 + words.endswith(" "))})
      for name, words in [("show", "show "), ("tag", "timeline --tag "), ("cite", "cite "), ("person", "person "),
                          ("person-prefix", "person e"), ("office", "offices --office ")]],
    Case("inject-check-warning", ("check",), 0, rf"^Warning: store\.toml:{event_key_line('tags', HOSTILE_TAG)}:1: event "
         r"'x' key 'tags': '\\x1b\[2J\\u202e' is not in the tag vocabulary", store=with_event(HOSTILE_TAG), out=r"^ok: "),
    Case("inject-error-message", ("check",), 1, r"unknown person '\\x1b\[2J", store=with_event(
        'people = ["\\u001b[2J\\u202e"]')),
    Case("inject-error-key", ("check",), 1, r"key '\\x1b\]0;x\\x07': unknown key", store=with_event(
        '"\\u001b]0;x\\u0007" = 1')),
    Case("inject-error-table", ("check",), 1, r"unknown table \[␛\]0;x␇\]", store=BASE + '\n["\\u001b]0;x\\u0007"]\n'),
    Case("inject-store-path", ("--store", "\x1b[2J.toml", "timeline"), 1, r"␛\[2J\.toml: cannot read the store"),
]


def _titles(records: list[dict[str, object]]) -> list[object]:
    return [record["title"] for record in records]


EXPECTED_TITLES = [text[:70] for _, text in HOSTILE_STRINGS]


def _json_exact(out: bytes) -> None:
    assert _titles(json.loads(out)) == EXPECTED_TITLES


def _jsonl_exact(out: bytes) -> None:
    assert _titles([json.loads(line) for line in out.decode("utf-8").split("\n")[:-1]]) == EXPECTED_TITLES


def _person_exact(out: bytes) -> None:
    record = json.loads(out)
    assert _titles(record["events"]) == EXPECTED_TITLES
    assert record["name"] == HOSTILE_STRINGS[6][1]


def _tsv_exact(out: bytes) -> None:
    rows = [line.split("\t") for line in out.decode("utf-8").split("\n")[:-1]]
    flat = [" ".join(text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "\n").split("\n"))
            for text in EXPECTED_TITLES]
    assert [row[1] for row in rows] == flat


def _csv_guarded(out: bytes) -> None:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))
    guarded = ["'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text for text in EXPECTED_TITLES]
    assert [row["title"] for row in rows] == guarded


def _ics_valid(out: bytes) -> None:
    import icalendar

    text = out.decode("utf-8")
    lines = text.split("\r\n")
    assert lines[-1] == "" and all(len(line.encode()) <= 75 for line in lines), "a line is not folded at 75 octets"
    controls = {chr(c) for c in range(0x20)} - set("\t\r\n") | {"\x7f"}  # RFC 5545 TEXT allows no others
    assert not {char for char in text if char in controls}, "a control character"
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == len(HOSTILE_STRINGS)


def _no_raw_html(out: bytes) -> None:
    assert b"<script>" not in out
    json.loads(out)


def _markdown_escaped(out: bytes) -> None:
    text = out.decode("utf-8")
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\x1b" not in text


def _valid_xml(out: bytes) -> None:
    from xml.etree import ElementTree

    ElementTree.fromstring(out)
    assert not {char for char in out.decode("utf-8") if char in FORBIDDEN and char not in "\t\r"}


def _valid_html(out: bytes) -> None:
    from html.parser import HTMLParser

    text = out.decode("utf-8")
    HTMLParser().feed(text)
    assert "<script>alert" not in text
    assert not {char for char in text if char in FORBIDDEN and char not in "\t\r"}


MACHINE = [
    Case("inject-json-exact", ("timeline", "-f", "json"), 0, store=HOSTILE_STORE, check=_json_exact),
    Case("inject-jsonl-exact", ("timeline", "-f", "jsonl"), 0, store=HOSTILE_STORE, check=_jsonl_exact),
    Case("inject-tsv-exact", ("timeline", "-f", "tsv", "--fields", "id,title"), 0, store=HOSTILE_STORE,
         check=_tsv_exact),
    Case("inject-csv-formulas", ("timeline", "-f", "csv"), 0, store=HOSTILE_STORE, check=_csv_guarded),
    Case("inject-ics-valid", ("timeline", "-f", "ics"), 0, store=HOSTILE_STORE, check=_ics_valid),
    Case("inject-timelinejs-escaped", ("timeline", "-f", "timelinejs"), 0, store=HOSTILE_STORE, check=_no_raw_html),
    Case("inject-markdown-escaped", ("timeline", "-f", "markdown"), 0, store=HOSTILE_STORE, check=_markdown_escaped),
    Case("inject-person-json-exact", ("person", "evil", "-f", "json"), 0, store=HOSTILE_STORE, check=_person_exact),
    Case("inject-save-svg", (), 0, r"^Wrote out\.svg$", store=HOSTILE_STORE, check=_valid_xml,
         shell='"$APG" --no-default-store --store store.toml timeline -f timeline --details --save out.svg '
               '&& cat out.svg'),
    Case("inject-save-html", (), 0, r"^Wrote out\.html$", store=HOSTILE_STORE, check=_valid_html,
         shell='"$APG" --no-default-store --store store.toml on 1957-06 --save out.html && cat out.html'),
    Case("inject-save-svg-chart", (), 0, r"^Wrote out\.svg$", store=HOSTILE_STORE, check=_valid_xml,
         shell='"$APG" --no-default-store --store store.toml offices --save out.svg && cat out.svg'),
    Case("save-missing-directory", ("timeline", "--save", "no/such/dir/out.svg"), 1,
         r"cannot write no/such/dir/out\.svg: No such file or directory"),
    Case("save-into-a-file", ("timeline", "--save", "file/out.svg"), 1, r"cannot write file/out\.svg: Not a directory",
         prepare=lambda folder, apg: (folder / "file").write_text("x")),
    Case("save-unwritable", ("timeline", "--save", "/proc/out.svg"), 1, r"/proc/out\.svg"),
    Case("save-bad-suffix", ("timeline", "--save", "out.png"), 2, r"must end in \.svg or \.html"),
]

def _document(kind: str) -> Check:
    """A check that the output is a valid document of KIND, whatever the store held."""

    def check(out: bytes) -> None:
        import csv
        import io
        from html.parser import HTMLParser

        text = out.decode("utf-8")
        assert text.strip(), "no output"
        if kind in ("json", "csl-json", "timelinejs"):
            json.loads(text)
        elif kind == "jsonl":
            for line in text.split("\n")[:-1]:
                json.loads(line)
        elif kind == "csv":
            for row in csv.reader(io.StringIO(text, newline="")):
                assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
        elif kind == "tsv":
            widths = {len(line.split("\t")) for line in text.split("\n")[:-1]}
            assert len(widths) <= 2, widths  # the on view mixes kinds of row; none is broken by a tab or newline
        elif kind in ("html", "markdown"):
            assert "<script>alert" not in text
            if kind == "html":
                HTMLParser().feed(text)
        elif kind in ("rtf", "bibtex"):
            body = re.sub(r"\\[{}\\]", "", text)
            depth = 0
            for char in body:
                depth += {"{": 1, "}": -1}.get(char, 0)
                assert depth >= 0, "a closing brace too many"
            assert depth == 0, "a brace left open"
        elif kind == "ris":
            assert all(re.match(r"[A-Z][A-Z0-9]  - ", line) for line in text.split("\r\n" if "\r\n" in text else "\n")
                       if line), "a line that is not a tag"
        controls = {chr(c) for c in range(0x20)} - set("\t\r\n")
        if kind not in ("json", "jsonl", "csl-json", "timelinejs", "csv", "tsv"):  # these keep the data exactly
            assert not controls & set(text), "a raw control character"

    return check


def _dated_source(when: str) -> str:
    return BASE.replace('title = "A full record"', f'title = "A full record"\ndate = "{when}"\naccessed = "{when}"\n'
                        'url = "https://example.org/full"')


CITATION_EDGES = [
    Case(f"cite-source-dated-{when[:4]}-{form.replace(' ', '').replace('-', '')}", ("cite", "full", *form.split()),
         0, store=_dated_source(when), check=_document(form.split()[-1] if form.startswith("-f") else "text"),
         out=out.format(year=when[:4], number=int(when[:4])))  # a style writes the year 1 as 1, RIS as 0001
    for when in ("0001-01-01", "9999-12-31")
    for form, out in (("-f text", r"^Author, Anna\. A Full Record\. A Press, .* {number}\. https"),
                      ("-f bibtex", r"year = \{{{number}\}}"), ("-f ris", r"PY  - {year}\r\nDA  - {year}/"),
                      ("-f csl-json", r'"date-parts"'), ("-f html", r"<i>A Full Record</i>"),
                      ("--note", r"^Anna Author, A Full Record"), ("-s apa --in-text", r"^\(Author, "),
                      ("-s mla", r"^Author, Anna\."))
]

_SOURCE_TEXT_KEYS = ("title", "title_native", "title_english", "container", "container_native", "container_english",
                     "publisher", "place", "edition", "volume", "issue", "pages", "number", "archive", "language",
                     "note")
_KINDS = ("book", "chapter", "encyclopedia-entry", "journal-article", "magazine-article", "newspaper-article",
          "document", "web-page")


def _every_kind_store() -> str:
    """BASE and a source of every kind with every key of a source hostile, each cited by an event."""
    def s(index: int) -> str:
        return toml_string(HOSTILE_STRINGS[index % len(HOSTILE_STRINGS)][1])

    parts = [BASE]
    for number, kind in enumerate(_KINDS):
        keys = [f"{key} = {s(number + offset)}" for offset, key in enumerate(_SOURCE_TEXT_KEYS)]
        parts += [f'\n[sources.kind-{kind}]\nkind = "{kind}"\ntype = "scholarly"', *keys,
                  f"authors = [{s(number + 3)}, {s(number + 4)}]", f"editors = [{s(number + 5)}]",
                  f"translators = [{s(number + 6)}]", 'url = "https://example.org/}{x}\\\\y"', 'year = 1990',
                  'accessed = "2026-01-01"',
                  f'\n[[events]]\nid = "cites-{kind}"\ndate = "1957"\ntitle = "T"',
                  f'sources = [{{ id = "kind-{kind}", pages = {s(number)}, section = {s(number + 1)} }}]']
    return "\n".join(parts) + "\n"


EVERY_KIND_STORE = _every_kind_store()
_CITED = tuple(f"cites-{kind}" for kind in _KINDS)
_GAP_WARNINGS = r"\A(Warning: source '[a-z-]+': .*\n)*\Z"  # cite's notes of what a record lacks, and nothing else
SOURCE_KEYS = [
    Case(f"inject-every-source-key-{form.replace(' ', '').replace('-', '')}", ("cite", *_CITED, *form.split()), 0,
         _GAP_WARNINGS, store=EVERY_KIND_STORE, check=_document(form.split()[-1] if form.startswith("-f") else "text"))
    for form in ("-f text", "-f markdown", "-f html", "-f rtf", "-f bibtex", "-f csl-json", "-f ris", "--note",
                 "--short-note", "-s apa --in-text", "-s mla", "-s apa")
] + [
    Case("inject-every-source-key-on-a-terminal", ("--no-pager", "cite", "--all"), 0, _GAP_WARNINGS,
         store=EVERY_KIND_STORE, tty=True, env={"TERM": "xterm"}, check=_terminal_safe(colour=True, tty=True)),
    Case("inject-every-source-key-sources-table", ("sources", "-f", "table"), 0, store=EVERY_KIND_STORE,
         env={"COLUMNS": "200"}, check=_terminal_safe()),
]

_MACHINE_VIEWS = {"events": ("timeline",), "person": ("person", "evil"), "on": ("on", "1957-06"),
                  "offices": ("offices",), "records": ("sources",), "citations": ("cite", "--all")}
EXPORTS = [
    Case(f"inject-export-{view}-{name}", (*command, "-f", name), 0, store=HOSTILE_STORE, check=_document(name))
    for view, command in _MACHINE_VIEWS.items()
    for name in formats_for(view)
    if name not in ("timeline", "table", "chart", "text")
]

# ---------------------------------------------------------------- apg db: a file built beside FILE and renamed over it

DATABASE = [
    Case("db-empty-name", ("db", ""), 2, r"give the name of the database file to write"),
    Case("db-dash", ("db", "-"), 2, r"it is never standard output"),
    Case("db-directory", ("db", "."), 2, r"is a directory"),
    Case("db-missing-directory", ("db", "no/such/dir/out.db"), 1, r"cannot write no/such/dir/out\.db: No such file"),
    Case("db-name-too-long", ("db", "x" * 300 + ".db"), 1, r"cannot write x{300}\.db: File name too long"),
    Case("db-named-pipe", (), 1, r"cannot write fifo\.db: not a regular file",
         shell='mkfifo fifo.db; "$APG" db fifo.db; code=$?; test -p fifo.db && exit $code; exit 99'),
    Case("db-link-to-dev-null", (), 1, r"cannot write null\.db: not a regular file",
         shell='ln -s /dev/null null.db; "$APG" db null.db; code=$?; test -L null.db && test -c /dev/null && exit $code; exit 99'),
    Case("db-over-its-store", (), 1, r"cannot write store\.toml: it is a store apg reads", store=BASE,
         shell='"$APG" --no-default-store --store store.toml db store.toml; code=$?; '
               '"$APG" --no-default-store --store store.toml check > /dev/null && exit $code; exit 99'),
    Case("db-over-its-store-through-a-link", (), 1, r"cannot write link\.toml: it is a store apg reads", store=BASE,
         shell='ln -s store.toml link.toml; "$APG" --no-default-store --store store.toml db link.toml; code=$?; '
               'grep -q "^\\[sources.book\\]" store.toml && exit $code; exit 99'),
    Case("db-through-a-link", (), 0, r"^Wrote link\.db$", out=r"^kept$",
         shell='ln -s real.db link.db; "$APG" db link.db && test -L link.db && test -s real.db && echo kept'),
    Case("db-escape-in-name", ("db", "\x1b[2J.db"), 0, r"^Wrote ␛\[2J\.db$"),
    Case("save-escape-in-name", ("timeline", "--save", "\x1b[2J.svg"), 0, r"^Wrote ␛\[2J\.svg$"),
]

CASES: list[Case] = [*STORE_FILES, *STORE_SYNTAX, *STORE_SIZE, *STORE_TYPES, *STORE_CONTENT, *STORE_DATES, *CACHE,
                     *CLI_DATES, *CLI_VALUES, *ENVIRONMENT, *OUTPUT, *INJECTION, *MACHINE, *EXPORTS,
                     *DATABASE, *CITATION_EDGES, *SOURCE_KEYS]
