"""Citation text with italics, and its output as plain text, Markdown, HTML and RTF.

An entry is built as one string in which italic runs are wrapped in the control
characters SO and SI (``italic("Title")``); store text never carries them, because
``clean`` removes every control character from what the store gives before an entry is
built. ``output`` then turns the marks into each form's italics: none in plain text,
``*...*`` in Markdown, ``<i>...</i>`` in HTML and ``{\\i ...}`` in RTF.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

_ON, _OFF = "\x0e", "\x0f"
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
FORMS = ("text", "markdown", "html", "rtf")


def clean(text: str) -> str:
    """Store text as it may enter an entry: control characters dropped, runs of space made one."""
    return " ".join(_CONTROLS.sub(" ", text).split())


def italic(text: str) -> str:
    return f"{_ON}{text}{_OFF}" if text else text


def plain(entry: str) -> str:
    return entry.replace(_ON, "").replace(_OFF, "")


def _runs(entry: str) -> list[tuple[str, bool]]:
    """The entry as (text, italic) runs."""
    runs: list[tuple[str, bool]] = []
    for index, part in enumerate(re.split(f"[{_ON}{_OFF}]", entry)):
        if part:
            runs.append((part, index % 2 == 1))
    return runs


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _markdown_text(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _markdown(entry: str) -> str:
    return "".join(f"*{_markdown_text(text)}*" if slanted else _markdown_text(text) for text, slanted in _runs(entry))


def _html(entry: str) -> str:
    return "".join(f"<i>{html.escape(text)}</i>" if slanted else html.escape(text) for text, slanted in _runs(entry))


def _rtf_text(text: str) -> str:
    """RTF escapes: backslash and braces, and every non-ASCII character as \\uN? (a signed 16-bit number)."""
    out = []
    for char in text:
        code = ord(char)
        if char in "\\{}":
            out.append("\\" + char)
        elif code < 128:
            out.append(char)
        else:
            for unit in _utf16_units(char):
                out.append(f"\\u{unit - 65536 if unit > 32767 else unit}?")
    return "".join(out)


def _utf16_units(char: str) -> list[int]:
    data = char.encode("utf-16-be")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]


def _rtf(entry: str) -> str:
    return "".join(f"{{\\i {_rtf_text(text)}}}" if slanted else _rtf_text(text) for text, slanted in _runs(entry))


def output(entries: Sequence[str], form: str, *, hanging: bool = False) -> str:
    """ENTRIES as one document in FORM; HANGING indents every line but the first (a bibliography)."""
    if form == "text":
        return "".join(plain(entry) + "\n" for entry in entries)
    if form == "markdown":
        return "\n".join(_markdown(entry) + "\n" for entry in entries)
    if form == "html":
        style = ' style="padding-left: 2em; text-indent: -2em"' if hanging else ""
        body = "".join(f"<p{style}>{_html(entry)}</p>\n" for entry in entries)
        head = '<head><meta charset="utf-8"><title>Citations</title></head>'
        return f'<!DOCTYPE html>\n<html lang="en">\n{head}\n<body>\n{body}</body>\n</html>\n'
    if form == "rtf":
        indent = "\\fi-720\\li720" if hanging else ""
        body = "".join(f"\\pard{indent}\\sa120 {_rtf(entry)}\\par\n" for entry in entries)
        return "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n" + body + "}\n"
    raise ValueError(f"unknown form {form!r}")
