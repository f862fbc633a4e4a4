"""The one sanitiser for text that reaches a terminal.

Store text and user input may hold anything a TOML string can: ESC, so CSI (clear the
screen, move the cursor), OSC 8 (hyperlinks) and OSC 52 (write the clipboard); C1 controls,
which some terminals obey like ESC; backspace and carriage return, which overwrite what was
printed; bidi controls such as U+202E, which reorder what is shown. Every view that writes
to a terminal (rich or plain, stdout or stderr, and the SVG and HTML pictures of rich views)
passes each piece of such text through ``terminal_text`` before it is printed, so that:

- tab and the line breaks (LF, CR, VT, FF, NEL, U+2028, U+2029) become a space: a field
  stays on its line;
- every other C0 control and DEL is shown as its Unicode control picture (ESC as "␛"), so
  an escape sequence is printed as harmless text and the reader sees that it is there;
- C1 controls and bidi controls are shown as "<U+202E>".

Machine formats (TSV, CSV, JSON, iCalendar, ...) never use this: they keep data exactly and
escape it by their own rules.
"""

from __future__ import annotations

import re

LINE_BREAKS = "\t\n\x0b\x0c\r\x85\u2028\u2029"
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# A pattern, not a compiled one: re compiles it (and keeps it) on first use, not on every start-up
# (apg --help sanitises nothing; compiling took a millisecond).
_UNSAFE = f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029]"


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in LINE_BREAKS:
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: U+241B "␛" for ESC
    if code == 0x7F:
        return "\u2421"  # "␡"
    return f"<U+{code:04X}>"


def terminal_text(text: str) -> str:
    """TEXT with every control character made harmless and visible, on one line."""
    return re.sub(_UNSAFE, _visible, text)


def is_terminal_safe(text: str) -> bool:
    """True if TEXT has nothing that ``terminal_text`` would change."""
    return re.search(_UNSAFE, text) is None
