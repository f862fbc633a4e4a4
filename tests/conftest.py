from __future__ import annotations

import atexit
import fcntl
import os
import pty
import random
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import core, settings

from anti_party.cli import main

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
FIXTURE = DATA / "store.toml"

Invoke = Callable[..., Result]

# Hypothesis runs with a fresh random seed every time, on CI too (where it would otherwise
# derandomise and never find anything new). The seed is printed in the header and again after
# a failure; `pytest --hypothesis-seed=N` repeats a run. Each example a run has found is kept
# in the tests as an explicit @example.
settings.register_profile("apg", derandomize=False, deadline=None, print_blob=True, database=None)
settings.load_profile("apg")


def pytest_configure(config: pytest.Config) -> None:
    given = config.getoption("hypothesis_seed", None)
    seed = int(given) if given is not None else random.SystemRandom().randrange(2**32)
    core.global_force_seed = seed  # what --hypothesis-seed sets
    config.stash[HYPOTHESIS_SEED] = seed


HYPOTHESIS_SEED = pytest.StashKey[int]()


def pytest_report_header(config: pytest.Config) -> str:
    return f"hypothesis seed: {config.stash[HYPOTHESIS_SEED]}"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    if exitstatus != 0:
        seed = config.stash[HYPOTHESIS_SEED]
        terminalreporter.write_line(f"hypothesis seed: {seed} (repeat with pytest --hypothesis-seed={seed})")
    if _screenshots:
        terminalreporter.write_line(f"page screenshots ({len(_screenshots)}): {SCREENSHOTS.resolve()}")


def run_apg(*args: str, store: Path | None = FIXTURE, stdin: str | None = None,
            env: dict[str, str] | None = None) -> Result:
    """Run `apg --no-default-store --store tests/data/store.toml ARGS` as a user would type it.

    store=None runs it on the packaged store alone.
    """
    prefix = ["--no-default-store", "--store", str(store)] if store else []
    environment = {"COLUMNS": "100", "NO_COLOR": "", "FORCE_COLOR": "", "CLICOLOR_FORCE": "", "APG_STORE": "",
                   "APG_NO_CACHE": "1"}
    return CliRunner().invoke(main, [*prefix, *args], input=stdin, env={**environment, **(env or {})})


@pytest.fixture
def apg() -> Invoke:
    return run_apg


# Screenshots the browser tests take, for a person to look at; the run's summary names the folder.
SCREENSHOTS = Path(os.environ.get("APG_SCREENSHOTS") or Path(__file__).parent.parent / "build" / "screenshots")
_screenshots: list[Path] = []


def screenshot_written(path: Path) -> None:
    _screenshots.append(path)


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare output with tests/golden/NAME; APG_UPDATE_GOLDEN=1 rewrites the file instead."""

    def check(name: str, output: str) -> None:
        path = GOLDEN / name
        if os.environ.get("APG_UPDATE_GOLDEN"):
            with path.open("w", encoding="utf-8", newline="") as file:
                file.write(output)
        with path.open(encoding="utf-8", newline="") as file:
            assert output == file.read()

    return check


PTY_CACHE = tempfile.mkdtemp(prefix="apg-pty-test-")  # one validated store shared by the pseudo-terminal runs
atexit.register(shutil.rmtree, PTY_CACHE, ignore_errors=True)


def on_pty(args: list[str], env: dict[str, str], columns: int = 80, lines: int = 24,
           keys: bytes = b"", shell: str | None = None, cwd: Path | None = None) -> tuple[int, str]:
    """Run `python -m anti_party ARGS` with stdin, stdout and stderr on a COLUMNS x LINES pseudo-terminal,
    typing KEYS once the first output has appeared."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("APG_", "COLUMNS", "LINES", "PAGER", "LESS", "NO_COLOR", "FORCE_COLOR"))}
    command = [sys.executable, "-m", "anti_party", *args] if not shell else ["bash", "-c", shell]
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, cwd=cwd,
                               env={**base, "TERM": "xterm-256color", "APG_CACHE_DIR": PTY_CACHE, **env},
                               close_fds=True)
    os.close(follower)
    output = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the pty closed: the process has ended
            break
        if not chunk:
            break
        if keys and not output:
            os.write(leader, keys)
        output += chunk
    code = process.wait(timeout=30)
    os.close(leader)
    return code, output.decode("utf-8").replace("\r\n", "\n")
