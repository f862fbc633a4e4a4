"""The pager, on a real pseudo-terminal: `apg` runs with its stdout on a pty of a given size.

The pager is a small script that records its arguments, the LESS variable and what it was
sent, so that each test can say exactly what reached it; one test runs the real `less`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE, on_pty

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PAGER = """#!{python}
import os, sys
out = sys.argv[1]
with open(out + ".args", "w") as f:
    f.write(repr(sys.argv[2:]) + "\\n" + repr(os.environ.get("LESS")))
with open(out, "wb") as f:
    f.write(sys.stdin.buffer.read())
"""


@pytest.fixture
def pager(tmp_path: Path) -> tuple[str, Path]:
    script = tmp_path / "pager.py"
    script.write_text(PAGER.format(python=sys.executable), encoding="utf-8")
    script.chmod(0o755)
    return f"{script} {tmp_path / 'paged'}", tmp_path / "paged"


def paged(record: Path) -> tuple[str, str]:
    """What the pager got, and its arguments and LESS."""
    return record.read_text(encoding="utf-8"), Path(f"{record}.args").read_text(encoding="utf-8")


def widest(text: str) -> int:
    return max(len(ANSI.sub("", line)) for line in text.splitlines())


def test_a_tall_view_goes_through_the_pager_in_colour_at_the_terminals_width(pager: tuple[str, Path]) -> None:
    command, record = pager
    code, screen = on_pty(["timeline"], {"APG_PAGER": command}, columns=80, lines=24)
    assert (code, screen) == (0, "")
    text, _ = paged(record)
    assert "\x1b[" in text  # colour kept
    assert "25 Feb 1956" in ANSI.sub("", text)
    assert 70 <= widest(text) <= 80
    code, _ = on_pty(["timeline"], {"APG_PAGER": command}, columns=200, lines=50)
    assert 120 <= widest(paged(record)[0]) <= 200


def test_a_view_that_fits_is_written_straight_to_the_terminal(pager: tuple[str, Path]) -> None:
    command, record = pager
    code, screen = on_pty(["tags"], {"APG_PAGER": command}, lines=60)
    assert code == 0 and "succession" in screen
    assert not record.exists()


@pytest.mark.parametrize(("args", "env"), [
    (["--no-pager", "timeline"], {}),
    (["timeline"], {"APG_PAGER": "cat"}),
    (["timeline"], {"APG_PAGER": ""}),
    (["timeline"], {"APG_PAGER": "cat", "PAGER": "PAGER"}),
])
def test_the_pager_can_be_turned_off(pager: tuple[str, Path], args: list[str], env: dict[str, str]) -> None:
    command, record = pager
    environment = {key: command if value == "PAGER" else value for key, value in env.items()}
    code, screen = on_pty(args, environment)
    assert code == 0 and "25 Feb 1956" in ANSI.sub("", screen)
    assert "\x1b[" in screen  # still a terminal: still in colour
    assert not record.exists()


def test_pager_then_apg_pager_then_less(pager: tuple[str, Path], tmp_path: Path) -> None:
    command, record = pager
    on_pty(["timeline"], {"PAGER": command})
    assert paged(record)[1] == "[]\n'FRX'"  # $PAGER, with LESS=FRX set for it
    record.unlink()
    on_pty(["timeline"], {"PAGER": "false", "APG_PAGER": command, "LESS": "-S"})
    assert paged(record)[1] == "[]\n'-S'"  # APG_PAGER wins; the user's LESS is kept
    record.unlink()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "less").write_text(f"#!/bin/sh\nexec {command} \"$@\"\n", encoding="utf-8")
    (bin_dir / "less").chmod(0o755)
    on_pty(["timeline"], {"PATH": f"{bin_dir}:{os.environ['PATH']}"})
    assert paged(record)[1] == "['-FRX']\n'FRX'"  # no pager named: less -FRX


def test_every_text_output_is_paged_when_tall(pager: tuple[str, Path]) -> None:
    command, record = pager
    for args in (["timeline", "-f", "tsv"], ["show", "secret-speech", "beria-arrest", "stalin-death"],
                 ["person", "molotov"], ["on", "1957-06-20"], ["sources"]):
        on_pty(args, {"APG_PAGER": command})
        assert record.exists(), args
        record.unlink()


def test_never_in_a_pipe(pager: tuple[str, Path]) -> None:
    command, record = pager
    result = subprocess.run([sys.executable, "-m", "anti_party", "--no-default-store", "--store", str(FIXTURE),
                             "timeline", "-f", "timeline"], capture_output=True, text=True, check=False,
                            env={**os.environ, "APG_PAGER": command, "APG_NO_CACHE": "1"})
    assert result.returncode == 0 and "Stalin dies" in result.stdout
    assert not record.exists()


def test_a_pager_that_is_missing_leaves_the_output_on_the_terminal(tmp_path: Path) -> None:
    code, screen = on_pty(["timeline"], {"APG_PAGER": str(tmp_path / "no-such-pager")})
    assert code == 0 and "25 Feb 1956" in ANSI.sub("", screen)


def test_quitting_the_pager_early_is_not_an_error() -> None:
    code, screen = on_pty(["timeline", "-d"], {"APG_PAGER": "head -c 10 >/dev/null"})
    assert (code, screen) == (0, "")


def test_the_default_pager_is_less_on_the_terminal() -> None:
    """With no pager named, a tall view is shown by `less -FRX` (typing q quits it), in colour, on the main screen;
    on a machine without less the view is written to the terminal instead."""
    code, screen = on_pty(["timeline"], {}, columns=100, lines=24, keys=b"q")
    assert code == 0
    assert "\x1b[" in screen and "Stalin" in ANSI.sub("", screen)
    if shutil.which("less"):
        assert "25 Feb 1956" not in ANSI.sub("", screen)  # less showed the first screen only, then quit
    else:
        assert "25 Feb 1956" in ANSI.sub("", screen)
    assert "\x1b[?1049h" not in screen  # -X: no alternate screen
