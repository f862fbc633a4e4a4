"""The hostile catalogue (catalogue.py) run against the installed `apg`, every case in a subprocess.

The cases run in parallel once per session; each is then checked on its own: the exit code,
stderr short and sanitised and naming the problem (file:line:column where the case gives a
place in the store), never a traceback, and stdout empty when the command fails.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import resource
import select
import signal
import struct
import subprocess
import sys
import termios
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from catalogue import CASES, FORBIDDEN, Case, base_env

APG = Path(sys.executable).with_name("apg")
MEMORY = 2**30  # bytes of address space for one case: a runaway read fails instead of starving the machine


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    # As a shell does for a command at the prompt: a test run started in the background (`cmd &`)
    # inherits SIGINT ignored, and Python then leaves Ctrl-C ignored too.
    signal.signal(signal.SIGINT, signal.SIG_DFL)

STDERR_CHARACTERS = 2000

@dataclass(frozen=True)
class Outcome:
    status: int
    stdout: bytes
    stderr: str


def run(case: Case, folder: Path, shared_cache: Path | None = None) -> Outcome:
    folder.mkdir(parents=True)
    (folder / "home").mkdir()
    if case.store is not None:
        data = case.store if isinstance(case.store, bytes) else case.store.encode("utf-8")
        (folder / "store.toml").write_bytes(data)
    env = base_env(folder)
    if shared_cache is not None and not case.fresh_cache:
        env["APG_CACHE_DIR"] = str(shared_cache)
    for key, value in case.env.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    if case.prepare is not None:
        case.prepare(folder, APG)
    cwd = case.cwd or folder
    if case.shell:
        command = ["bash", "-c", case.shell]
        env["APG"] = str(APG)
    else:
        own_store = case.store is not None and not {"--store", "--no-default-store"} & set(case.args)
        command = [str(APG), *(["--no-default-store", "--store", "store.toml"] if own_store else []), *case.args]
    if case.signal is not None or case.close_pipe:
        return _interrupted(case, command, cwd, env)
    if case.tty:
        return _on_a_terminal(case, command, cwd, env)
    result = subprocess.run(command, cwd=cwd, env=env, input=case.stdin, capture_output=True, timeout=case.timeout,
                            check=False, preexec_fn=_limit_memory)
    return Outcome(result.returncode, result.stdout, result.stderr.decode("utf-8", "replace"))


def _interrupted(case: Case, command: list[str], cwd: Path | str, env: dict[str, str]) -> Outcome:
    """Start the command, wait for its first bytes of output (the pipe then fills), then signal or hang up."""
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, preexec_fn=_limit_memory)
    try:
        assert process.stdout is not None
        first = os.read(process.stdout.fileno(), 10)
        assert first, "no output before the signal"
        if case.close_pipe:
            process.stdout.close()
            stderr = process.stderr.read() if process.stderr else b""
            return Outcome(process.wait(timeout=case.timeout), first, stderr.decode("utf-8", "replace"))
        assert case.signal is not None
        process.send_signal(case.signal)
        rest, stderr = process.communicate(timeout=case.timeout)
        return Outcome(process.returncode, first + rest, stderr.decode("utf-8", "replace"))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _on_a_terminal(case: Case, command: list[str], cwd: Path | str, env: dict[str, str]) -> Outcome:
    """Run with stdout on a pseudo-terminal of 24 lines by 80 columns, as at a prompt; stdout as the terminal shows it."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=terminal,
                               stderr=subprocess.PIPE, preexec_fn=_limit_memory)
    os.close(terminal)
    shown = b""
    try:
        while select.select([controller], [], [], case.timeout)[0]:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the command has closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        stderr = process.stderr.read() if process.stderr else b""
        return Outcome(process.wait(timeout=case.timeout), shown, stderr.decode("utf-8", "replace"))
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


@pytest.fixture(scope="session")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome | BaseException]:
    root = tmp_path_factory.mktemp("hostile")
    shared_cache = root / "shared-cache"
    subprocess.run([str(APG), "timeline", "-f", "tsv"], env={**base_env(root), "APG_CACHE_DIR": str(shared_cache)},
                   capture_output=True, check=True, timeout=120)

    def attempt(case: Case) -> Outcome | BaseException:
        try:
            return run(case, root / "cases" / case.name, shared_cache)
        except (AssertionError, OSError, subprocess.SubprocessError) as error:
            return error

    with ThreadPoolExecutor(max_workers=max(4, 2 * (os.cpu_count() or 1))) as pool:
        return dict(zip((case.name for case in CASES), pool.map(attempt, CASES), strict=True))


def test_the_catalogue_is_large_and_its_names_unique() -> None:
    names = [case.name for case in CASES]
    assert len(names) >= 250
    assert len(set(names)) == len(names), [name for name in names if names.count(name) > 1]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Case, outcomes: dict[str, Outcome | BaseException]) -> None:
    outcome = outcomes[case.name]
    if isinstance(outcome, BaseException):
        raise outcome
    stderr = outcome.stderr
    summary = f"exit {outcome.status}; stderr:\n{stderr[:3000]}\nstdout:\n{outcome.stdout[:500]!r}"
    assert outcome.status == case.exit, summary
    assert "Traceback" not in stderr and "Aborted!" not in stderr, summary
    assert len(stderr) <= STDERR_CHARACTERS and len(stderr.splitlines()) <= case.stderr_lines, summary
    assert not {char for char in stderr if char in FORBIDDEN}, summary
    if case.exit != 0 and not case.partial_output:
        assert outcome.stdout == b"", summary
    if case.says:
        assert re.search(case.says, stderr, re.MULTILINE), summary
    elif case.exit == 0 and not case.partial_output:  # a success says nothing on stderr but notes
        assert all(line.startswith("Note: ") for line in stderr.splitlines()), summary
    if case.at:
        column = "" if ":" in case.at else r":\d+"
        assert re.search(rf"(^|\s|Error: )store\.toml:{case.at}{column}: ", stderr, re.MULTILINE), summary
    if case.out:
        assert re.search(case.out, outcome.stdout.decode("utf-8", "replace"), re.MULTILINE), summary
    if case.check is not None:
        case.check(outcome.stdout)


def test_the_readme_gives_the_counts() -> None:
    tests = Path(__file__).parents[1]
    readme = " ".join((tests.parent / "README.md").read_text(encoding="utf-8").split())
    properties = sum(path.read_text(encoding="utf-8").count("\n@given(") for path in tests.rglob("*.py"))
    where = "README.md, section Reliability, should say"
    assert f"a catalogue of {len(CASES)} hostile cases" in readme, f"{where}: a catalogue of {len(CASES)} hostile cases"
    assert f"{properties} hypothesis properties" in readme, f"{where}: {properties} hypothesis properties"
