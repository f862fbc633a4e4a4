"""Every `$ apg ...` example in README.md and docs/*.md runs, and prints what the page shows.

Each command runs in bash on a pseudo-terminal 100 columns wide (so a view looks as it does on a
terminal, and a pipe is a pipe), without colour or pager, in an empty directory, with `apg` being
this checkout. Only what must vary is normalised: trailing spaces, and DTSTAMP (the time of the
run). A line "..." in the shown output stands for lines left out.
APG_UPDATE_GOLDEN=1 rewrites the shown outputs from the real ones.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import on_pty

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ELIDED = "..."
_BLOCK = re.compile(r"^```console\n(.*?)^```$", re.S | re.M)


@dataclass
class Example:
    page: Path
    command: str
    shown: list[str]
    start: int  # offset of the command line in the page
    end: int  # offset just after the shown output


def examples() -> list[Example]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in _BLOCK.finditer(text):
            offset = block.start(1)
            lines = block.group(1).splitlines(keepends=True)
            current: Example | None = None
            for line in lines:
                if line.startswith("$ "):
                    current = Example(page, line[2:].rstrip("\n"), [], offset, offset + len(line))
                    found.append(current)
                elif current is not None:
                    current.shown.append(line.rstrip("\n"))
                    current.end = offset + len(line)
                offset += len(line)
    return found


EXAMPLES = examples()


def normalise(text: str) -> list[str]:
    lines = [re.sub(r"^DTSTAMP:\d{8}T\d{6}Z$", "DTSTAMP:(now)", line.rstrip()) for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def matches(shown: list[str], actual: list[str]) -> bool:
    """True if ACTUAL is SHOWN, where each "..." in SHOWN stands for any number of lines."""
    if ELIDED not in shown:
        return shown == actual
    head = shown[: shown.index(ELIDED)]
    rest = shown[shown.index(ELIDED) + 1:]
    if actual[: len(head)] != head:
        return False
    return any(matches(rest, actual[start:]) for start in range(len(head), len(actual) + 1))


def run(example: Example, tmp_path: Path) -> list[str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "apg").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m anti_party "$@"\n', encoding="utf-8")
    (bin_dir / "apg").chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1", "APG_PAGER": "cat",
           "PYTHONPATH": str(ROOT)}
    _code, output = on_pty([], env, columns=100, lines=10_000, shell=example.command, cwd=work)
    return normalise(output)


def test_the_pages_have_examples() -> None:
    assert len(EXAMPLES) >= 15
    assert {example.page.name for example in EXAMPLES} >= {"README.md"}


def _update(example: Example, actual: list[str]) -> None:
    """Rewrite the shown output: the whole of it, or around "..." as many lines as were shown."""
    if ELIDED in example.shown:
        head = example.shown[: example.shown.index(ELIDED)]
        tail = example.shown[example.shown.index(ELIDED) + 1:]
        new = [*actual[: len(head)], ELIDED, *(actual[-len(tail):] if tail else [])]
    else:
        new = actual
    text = example.page.read_text(encoding="utf-8")
    command_line = f"$ {example.command}\n"
    start = text.index(command_line, example.start - 200 if example.start > 200 else 0)
    end = start + len(command_line) + sum(len(line) + 1 for line in example.shown)
    example.page.write_text(text[: start + len(command_line)] + "".join(line + "\n" for line in new) + text[end:],
                            encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.page.name}:{e.command[:60]}" for e in EXAMPLES])
def test_example_prints_what_the_page_shows(example: Example, tmp_path: Path) -> None:
    actual = run(example, tmp_path)
    if os.environ.get("APG_UPDATE_GOLDEN") and not matches(normalise("\n".join(example.shown)), actual):
        _update(example, actual)
        return
    assert matches(normalise("\n".join(example.shown)), actual), "\n".join(actual)
