"""The README's library example runs as written and prints what the README shows."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).parent.parent / "README.md"


def test_readme_library_example() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## As a library"):]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    shown = re.search(r"```console\n(.*?)```", section, re.S)
    assert code and shown
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code[1], "README.md", "exec"), {})
    assert printed.getvalue() == shown[1]
