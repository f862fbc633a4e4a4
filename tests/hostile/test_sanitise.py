"""The terminal sanitiser on its own: every hostile string comes out harmless, visible and on one line."""

from __future__ import annotations

import pytest
from hostile_strings import FORBIDDEN_ON_A_TERMINAL, HOSTILE_STRINGS
from hypothesis import example, given
from hypothesis import strategies as st

from anti_party.render.sanitise import is_terminal_safe, terminal_text


@pytest.mark.parametrize(("name", "text"), HOSTILE_STRINGS, ids=[name for name, _ in HOSTILE_STRINGS])
def test_nothing_forbidden_survives(name: str, text: str) -> None:
    cleaned = terminal_text(text)
    assert not set(cleaned) & FORBIDDEN_ON_A_TERMINAL
    assert "\n" not in cleaned
    assert is_terminal_safe(cleaned)
    assert terminal_text(cleaned) == cleaned


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "␛[2J"),
        ("a\tb\nc\r\nd", "a b c  d"),
        ("a\x00b\x7fc", "a␀b␡c"),
        ("\x9b2J", "<U+009B>2J"),
        ("abc\u202edcba", "abc<U+202E>dcba"),
        ("a\u2028b", "a b"),
        ("Молотов [bold]x[/bold] «ok» 😀", "Молотов [bold]x[/bold] «ok» 😀"),
    ],
)
def test_what_the_reader_sees(text: str, shown: str) -> None:
    assert terminal_text(text) == shown


@given(st.text())
@example("\x1b[2J\u202e\x9b\r\n\t")
def test_any_text_comes_out_safe_on_one_line(text: str) -> None:
    cleaned = terminal_text(text)
    assert not set(cleaned) & FORBIDDEN_ON_A_TERMINAL and "\n" not in cleaned
    assert terminal_text(cleaned) == cleaned
    assert is_terminal_safe(cleaned)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"
                                       "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")))
def test_text_without_controls_is_left_alone(text: str) -> None:
    assert terminal_text(text) == text
