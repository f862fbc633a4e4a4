"""Where tables and keys stand in TOML text, for error messages: the parsers give no positions.

One pass over the text with one regular expression finds every table header and every key
at the top level of a table. Strings (multi-line ones too) and comments are matched whole,
so a `[[events]]` inside a string is never taken for a header, and brackets are counted so
that an array spread over lines is never taken for a header either.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

_BARE = r"[A-Za-z0-9_-]+"
_BASIC = r'"(?:[^"\\\n]++|\\.)*+"'  # possessive: a 10 MB string must not cost gigabytes of backtracking
_LITERAL = r"'[^'\n]*'"
_PART = f"(?:{_BARE}|{_BASIC}|{_LITERAL})"
_DOTTED = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_TOKENS = re.compile(
    rf"""
    (?P<header>^[ \t]*\[(?P<array>\[)?[ \t]*(?P<name>{_DOTTED})[ \t]*\]\]?)
  | (?P<key>^[ \t]*(?P<keyname>{_DOTTED})[ \t]*=)
  | (?P<string>\"\"\"(?:[^"\\]++|\\[\s\S]|"(?!""))*+\"\"\"\"{{0,2}}|'''[\s\S]*?''''{{0,2}}|{_BASIC}|{_LITERAL})
  | (?P<comment>\#[^\n]*)
  | (?P<open>[\[{{])
  | (?P<close>[\]}}])
    """,
    re.MULTILINE | re.VERBOSE,
)
_PARTS = re.compile(rf"[ \t]*({_PART})[ \t]*(?:\.|$)")
NESTING_REPORTED = 100  # the depth at which deep nesting is located for its error message


class Locator:
    """Lines (1-based) of tables and keys; `steps` counts the tokens read, for the linearity test."""

    def __init__(self, text: str) -> None:
        self.steps = 0
        self._first_line: dict[str, int] = {}  # table name -> its first header or root key
        self._arrays: dict[str, list[int]] = {}  # [[table]] -> the line of each header, in order
        self._tables: dict[tuple[str, str], int] = {}  # [table.ID] -> its line
        self._keys: dict[int, dict[str, int]] = {0: {}}  # header line (0: before any) -> key -> line
        self.too_deep: tuple[int, int] | None = None  # line and column where nesting passes NESTING_REPORTED
        self._columns: dict[int, int] = {}  # line -> column (1-based) of the header or key that starts it
        self._scan(text)

    def _scan(self, text: str) -> None:
        depth, section = 0, 0
        line, counted = 1, 0  # line numbers are counted up to each token as the scan passes it
        for token in _TOKENS.finditer(text):
            self.steps += 1
            kind = token.lastgroup
            if kind == "string" or kind == "comment":
                continue
            if kind == "open":
                depth += 1
                if depth == NESTING_REPORTED and self.too_deep is None:
                    line, counted = line + text.count("\n", counted, token.start()), token.start()
                    self.too_deep = (line, token.start() - text.rfind("\n", 0, token.start()))
                continue
            if kind == "close":
                depth = max(depth - 1, 0)
                continue
            if depth:  # a balanced [a] inside a multi-line array, or a key in an inline table
                continue
            line, counted = line + text.count("\n", counted, token.start()), token.start()
            start = token.start("keyname") if kind == "key" else token.start() + len(token[0]) - len(token[0].lstrip())
            self._columns.setdefault(line, start - text.rfind("\n", 0, start))
            if kind == "header":
                section = line
                self._header(_parts(token["name"]), bool(token["array"]), line)
            else:
                name = _parts(token["keyname"])[0]
                self._keys[section].setdefault(name, line)
                if section == 0:
                    self._first_line.setdefault(name, line)

    def _header(self, parts: list[str], is_array: bool, line: int) -> None:
        self._keys[line] = {}
        self._first_line.setdefault(parts[0], line)
        if is_array and len(parts) == 1:
            self._arrays.setdefault(parts[0], []).append(line)
        elif not is_array and len(parts) == 2:
            self._tables.setdefault((parts[0], parts[1]), line)

    def table_line(self, table: str) -> int | None:
        return self._first_line.get(table)

    def keyed_line(self, table: str, ident: str) -> int | None:
        return self._tables.get((table, ident))

    def array_line(self, table: str, index: int) -> int | None:
        lines = self._arrays.get(table, [])
        return lines[index] if 0 <= index < len(lines) else None

    def column(self, line: int | None) -> int | None:
        """The column of the header or key that starts LINE."""
        return self._columns.get(line) if line is not None else None

    def keys_after(self, line: int | None) -> dict[str, int]:
        """The keys written directly under the header on LINE, each with its first line."""
        return self._keys.get(line, {}) if line is not None else {}


def _parts(dotted: str) -> list[str]:
    return [_unquote(match[1]) for match in _iter_parts(dotted)]


def _iter_parts(dotted: str) -> Iterator[re.Match[str]]:
    position = 0
    while position < len(dotted):
        match = _PARTS.match(dotted, position)
        if match is None or match.end() == position:
            return
        yield match
        position = match.end()


def _unquote(part: str) -> str:
    if part.startswith("'"):
        return part[1:-1]
    if part.startswith('"'):
        try:
            return str(json.loads(part))  # TOML's basic-string escapes, bar \e and \U, are JSON's
        except ValueError:
            return part[1:-1]
    return part
