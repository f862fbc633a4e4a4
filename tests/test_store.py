"""Validation of stores: every problem reported, each with file, line, entry and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, Invoke


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "store.toml"
    path.write_text(text, encoding="utf-8")
    return path


BASE = """\
[sources.book]
kind = "book"
type = "scholarly"
title = "A Book"

[people.molotov]
name = "Vyacheslav Molotov"

[offices.premier]
title = "Chairman of the Council of Ministers"
"""


WEB_ONLY = (
    f"{DATA / 'store.toml'}:99: event 'expulsions' key 'sources': "
    "rests only on web sources; cite a primary, scholarly, press or reference work too"
)


def test_check_ok_warns_of_an_event_resting_only_on_web_sources(apg: Invoke) -> None:
    result = apg("check")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "ok: 4 events, 4 people, 2 sources, 1 offices, 1 terms (1 warning)\n", f"Warning: {WEB_ONLY}\n",
    )


def test_check_strict_makes_warnings_problems(apg: Invoke) -> None:
    result = apg("check", "--strict")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {WEB_ONLY}\n")


def test_check_path_argument(apg: Invoke) -> None:
    result = apg("check", str(DATA / "store.toml"), store=None)
    assert (result.exit_code, result.stdout) == (0, "ok: 4 events, 4 people, 2 sources, 1 offices, 1 terms (1 warning)\n")


def test_citations_with_locators(apg: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, BASE + '[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\n'
                 'sources = [{ id = "book", pages = "27-28" }, { id = "book", section = "3", document = "12" }]\n'
                 'notes = [{ text = "N", sources = [{ id = "book", pages = "5" }] }]\n')
    result = apg("show", "x", "-f", "text", store=path)
    assert result.exit_code == 0, result.stderr
    assert "Note:     N [book p. 5]" in result.stdout
    assert "  [book] A Book. n.d. (pp. 27-28)" in result.stdout
    assert "  [book] A Book. n.d. (sec. 3, doc. 12)" in result.stdout


def test_three_mistakes_are_all_named(apg: Invoke) -> None:
    path = DATA / "three-mistakes.toml"
    result = apg("check", store=path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {path}:15:1: event 'first' key 'sumary': unknown key (did you mean 'summary'?)\n"
        f"Error: {path}:20:1: event 'second' key 'date': '1957-02-30' is not a date: there is no such day or month\n"
        f"Error: {path}:28:1: event 'third' key 'people': unknown person 'molotv' (did you mean 'molotov'?)\n"
    )


def test_broken_store_gives_no_partial_output(apg: Invoke) -> None:
    result = apg("timeline", "-f", "tsv", store=DATA / "three-mistakes.toml")
    assert (result.exit_code, result.stdout, result.stderr.count("Error: ")) == (1, "", 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[events]]\nid = "x"\ndate = 1957\ntitle = "T"\nsources = ["book"]\n', "{path}:3:1: event 'x' key 'date': must be a string, not an integer"),
        ('[[events]]\nid = "x"\ndate = "1957"\nsources = ["book"]\n', "{path}:1:1: event 'x' key 'title': is required"),
        ('[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\n', "{path}:1:1: event 'x' key 'sources': needs at least one source"),
        ('[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\nsources = []\n',
         "{path}:5:1: event 'x' key 'sources': needs at least one source"),
        ('[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\nsources = ["bok"]\n',
         "{path}:5:1: event 'x' key 'sources': unknown source 'bok' (did you mean 'book'?)"),
        ('[[events]]\nid = "x"\ndate = "1958/1957"\ntitle = "T"\nsources = ["book"]\n',
         "{path}:3:1: event 'x' key 'date': '1958/1957' ends before it starts"),
        ('[[events]]\nid = "x"\ndate = "57"\ntitle = "T"\nsources = ["book"]\n',
         "{path}:3:1: event 'x' key 'date': '57' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ('[[events]]\nid = "Bad Id"\ndate = "1957"\ntitle = "T"\nsources = ["book"]\n',
         "{path}:2:1: event 'Bad Id' key 'id': 'Bad Id': ids are lower-case letters, digits and hyphens"),
        ('[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\nsources = ["book"]\ntags = "a"\n',
         "{path}:6:1: event 'x' key 'tags': must be an array, not a string"),
        ('[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\nsources = ["book"]\nnotes = [{ txt = "n" }]\n',
         "{path}:6:1: event 'x' key 'notes': each note is a table {{ text = \"...\", sources = [...] }}"),
        ('[[terms]]\nperson = "molotov"\noffice = "premier"\nfrom = "1955-02-08"\nto = "1953-03-05"\nsources = ["book"]\n',
         "{path}:5:1: term 'molotov/premier/1955-02-08' key 'to': '1953-03-05' ends before the term starts ('1955-02-08')"),
        ('[[terms]]\nperson = "molotov"\noffice = "premiere"\nfrom = "1955-02-08"\nsources = ["book"]\n',
         "{path}:3:1: term 'molotov/premiere/1955-02-08' key 'office': unknown office 'premiere' (did you mean 'premier'?)"),
        ('[[terms]]\nperson = "molotov"\noffice = "premier"\nfrom = "1955-02-08"\n',
         "{path}:1:1: term 'molotov/premier/1955-02-08' key 'sources': needs at least one source"),
        ('[sources.web]\nkind = "website"\ntype = "web"\ntitle = "W"\n',
         "{path}:2:1: source 'web' key 'kind': 'website' is not one of book, chapter, encyclopedia-entry, journal-article, magazine-article, newspaper-article, document, web-page"),
        ('[sources.web]\nkind = "web-page"\ntype = "wiki"\ntitle = "W"\n',
         "{path}:3:1: source 'web' key 'type': 'wiki' is not one of primary, scholarly, press, reference, web"),
        ('[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\nsources = [{ id = "book", page = "5" }]\n',
         "{path}:5:1: event 'x' key 'sources': unknown key 'page' in a citation (did you mean 'pages'?)"),
        ('[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\nsources = [{ id = "book" }]\n',
         "{path}:5:1: event 'x' key 'sources': the citation of 'book' needs a non-empty string pages, section or document"),
        ('[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\nsources = [{ id = "bok", pages = "5" }]\n',
         "{path}:5:1: event 'x' key 'sources': unknown source 'bok' (did you mean 'book'?)"),
        ('[evnts]\n', "{path}:1:1: unknown table [evnts] (did you mean 'events'?)"),
        ('[[presidium]]\nperson = "molotov"\nrank = "full"\nside = "anti"\nsources = ["book"]\n',
         "{path}:4:1: presidium seat 'molotov' key 'side': 'anti' is not one of group, khrushchev, wavered"),
    ],
)
def test_each_problem(apg: Invoke, tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, BASE + "\n" + text)
    offset = BASE.count("\n") + 1
    result = apg("check", store=path)
    expected = message.format(path=path)
    head, line, rest = expected.split(":", 2)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {head}:{int(line) + offset}:{rest}\n"


def test_duplicate_ids(apg: Invoke, tmp_path: Path) -> None:
    event = '[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\nsources = ["book"]\n'
    path = write(tmp_path, BASE + event + event)
    result = apg("check", store=path)
    assert (result.exit_code, result.stderr) == (1, f"Error: {path}:17:1: event 'x' key 'id': is defined twice; first at {path}:11\n")


def test_toml_syntax_error_names_the_line_and_column(apg: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, BASE + '[[events]]\nid = "x\n')
    result = apg("check", store=path)
    assert (result.exit_code, result.stderr) == (1, f"Error: {path}:12:8: TOML syntax error: Illegal character '\\n'\n")


def test_missing_store_file(apg: Invoke, tmp_path: Path) -> None:
    result = apg("timeline", store=tmp_path / "nope.toml")
    assert (result.exit_code, result.stderr) == (1, f"Error: {tmp_path / 'nope.toml'}: cannot read the store: No such file or directory\n")


def test_apg_store_environment_variable(apg: Invoke, tmp_path: Path) -> None:
    result = apg("--no-default-store", "check", store=None, env={"APG_STORE": str(DATA / "store.toml")})
    assert (result.exit_code, result.stdout) == (0, "ok: 4 events, 4 people, 2 sources, 1 offices, 1 terms (1 warning)\n")


def test_no_default_store_needs_a_store(apg: Invoke) -> None:
    result = apg("--no-default-store", "timeline", store=None)
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2, "Error: --no-default-store needs at least one --store PATH",
    )
