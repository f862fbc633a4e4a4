"""The table of hostile strings: what an attacker or a careless editor can put in a store or type.

Each is (name, text). The sanitiser test and the view-by-view injection test use this one table.
"""

from __future__ import annotations

HOSTILE_STRINGS: tuple[tuple[str, str], ...] = (
    ("csi-clear-screen", "\x1b[2J\x1b[H"),
    ("csi-colour", "\x1b[31mred\x1b[0m"),
    ("csi-cursor-up", "\x1b[5A"),
    ("osc-52-clipboard", "\x1b]52;c;cm0gLXJmIH4K\x07"),
    ("osc-8-hyperlink", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"),
    ("osc-title", "\x1b]0;owned\x07"),
    ("dcs", "\x1bP+q544e\x1b\\"),
    ("c1-csi", "\x9b2J"),
    ("c1-osc", "\x9d0;title\x9c"),
    ("c1-nel", "a\x85b"),
    ("bell", "ding\x07"),
    ("backspace", "secret\x08\x08\x08\x08\x08\x08public"),
    ("carriage-return", "harmless\rEVIL!!!"),
    ("nul", "a\x00b"),
    ("delete", "a\x7fb"),
    ("vertical-tab-form-feed", "a\x0bb\x0cc"),
    ("tab-newline", "a\tb\nc\r\nd"),
    ("line-separators", "a\u2028b\u2029c"),
    ("bidi-override", "abc\u202edcba\u202c"),
    ("bidi-isolates", "\u2066x\u2067y\u2068z\u2069"),
    ("bidi-marks", "\u200eleft\u200fright\u061c"),
    ("rich-markup", "[bold red]loud[/bold red] [link=https://evil.example]x[/link]"),
    ("rich-emoji-code", ":skull: :warning:"),
    ("html", "<script>alert(1)</script>&amp;"),
    ("markdown", "*a* _b_ `c` [d](e) # f"),
    ("csv-formula", "=HYPERLINK(\"https://evil.example\",\"x\")"),
    ("ics-breakers", "a;b,c\\d\nEND:VCALENDAR"),
    ("xml-breakers", "]]><!-- &#27; -->"),
)

# What a sanitised piece of text may never contain: every C0 control but newline, DEL, C1 and bidi controls.
FORBIDDEN_ON_A_TERMINAL = frozenset(
    [chr(c) for c in range(0x20) if c != 0x0A] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
    + list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")
)
