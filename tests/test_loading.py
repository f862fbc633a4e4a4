"""Reading a store: linear in its size, and faults named by file, line and column."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from anti_party.locate import Locator
from anti_party.store import StoreError, load_store
from anti_party.storefile import MAX_STORE_BYTES
from conftest import Invoke

HEAD = '[sources.book]\nkind = "book"\ntype = "scholarly"\ntitle = "A book"\n\n[people.molotov]\nname = "Vyacheslav Molotov"\n\n'
EVENT = '[[events]]\nid = "e{n}"\ndate = "1957-06"\ntitle = "Event {n}"\nsummary = """\n[[events]]\nid = "not-an-event"\n"""\nsources = ["book"]\n\n'


def store_text(count: int) -> str:
    return HEAD + "".join(EVENT.format(n=n) for n in range(count))


def test_locating_is_linear_in_the_number_of_entries() -> None:
    small, large = Locator(store_text(2_000)), Locator(store_text(20_000))
    assert 9.5 < large.steps / small.steps < 10.5, (small.steps, large.steps)
    # and it finds every entry where it stands, past the multi-line strings that hold [[events]]
    lines = store_text(20_000).split("\n")
    assert all(lines[large.array_line("events", n) - 1] == "[[events]]" for n in (0, 1, 9_999, 19_999))
    assert large.array_line("events", 20_000) is None
    header = large.array_line("events", 19_999)
    assert large.keys_after(header) == {"id": header + 1, "date": header + 2, "title": header + 3,
                                        "summary": header + 4, "sources": header + 8}


def test_a_problem_after_multi_line_strings_holding_headers_has_its_line(apg: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "store.toml"
    path.write_text(store_text(3) + '[[events]]\nid = "last"\ndate = "1957-02-30"\ntitle = "T"\nsources = ["book"]\n',
                    encoding="utf-8")
    line = store_text(3).count("\n") + 3
    result = apg("check", store=path)
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {path}:{line}:1: event 'last' key 'date': '1957-02-30' is not a date: there is no such day or month\n")


def test_a_store_without_problems_is_never_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.toml"
    path.write_text(store_text(10), encoding="utf-8")

    def no_locating(*args: object) -> None:
        raise AssertionError("a store without problems was scanned for lines")

    monkeypatch.setattr(Locator, "__init__", no_locating)
    assert len(load_store([path]).events) == 10


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (HEAD.encode() + b'[[events]]\nid = "x"\ntitle = "caf\xe9"\n', ":11:13: not UTF-8: byte 0xe9 cannot be read"),
        (HEAD.encode() + "[[events]]\ntitle = \"Хрущёв\xff\"\n".encode().replace(b"\xc3\xbf", b"\xff"),
         ":10:16: not UTF-8: byte 0xff cannot be read"),
        ('title = "x"\n'.encode("utf-16"), ":1:1: not UTF-8: byte 0xff cannot be read (the file looks like UTF-16: save it as UTF-8)"),
        (HEAD.encode() + b'[[events]]\nid = "x\n', ':10:8: TOML syntax error: Illegal character \'\\n\''),
        (HEAD.encode() + b'[[events]]\nid = "x"\ntitle = \x00\n', ":11:9: TOML syntax error: Invalid value"),
        (b"a = " + b"[" * 600 + b"]" * 600 + b"\n", ":1:104: arrays or tables nested too deeply (more than 99 levels)"),
        (b"x = 1\na = " + b"{b = " * 600 + b"1" + b"}" * 600 + b"\n", ":2:500: arrays or tables nested too deeply (more than 99 levels)"),
    ],
)
def test_faults_are_one_line_with_line_and_column(apg: Invoke, tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "store.toml"
    path.write_bytes(data)
    result = apg("check", store=path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}{expected}"), result.stderr
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 300


def test_a_byte_order_mark_is_accepted(apg: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "store.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (HEAD + '[[events]]\nid = "x"\ndate = "1957"\ntitle = "T"\nsources = ["book"]\n').encode())
    result = apg("timeline", "--fields", "id", store=path)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "x\n", "")
    path.write_bytes(b"\xef\xbb\xbf" + HEAD.encode() + b"[evnts]\n")
    assert apg("check", store=path).stderr == f"Error: {path}:9:1: unknown table [evnts] (did you mean 'events'?)\n"


def test_a_store_over_the_size_limit_is_refused_before_it_is_read_whole(apg: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    with path.open("wb") as file:
        file.truncate(MAX_STORE_BYTES + 1)  # sparse: no disk used
    result = apg("check", store=path)
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {path}: the store is larger than 64 MiB (split it into several files)\n")


def test_dev_zero_is_refused_without_exhausting_memory(tmp_path: Path) -> None:
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1024 * 2**20, 1024 * 2**20))\n"
        "from anti_party.cli import main\n"
        "main(['--no-default-store', '--store', '/dev/zero', 'timeline'])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False,
                            env={"APG_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})
    assert (result.returncode, result.stdout, result.stderr) == (
        1, "", "Error: /dev/zero: the store is larger than 64 MiB (split it into several files)\n")


def test_a_directory_or_a_missing_file_is_one_line(apg: Invoke, tmp_path: Path) -> None:
    for path, reason in ((tmp_path, "Is a directory"), (tmp_path / "missing.toml", "No such file or directory")):
        with pytest.raises(StoreError) as raised:
            load_store([path])
        assert [str(problem) for problem in raised.value.problems] == [f"{path}: cannot read the store: {reason}"]
