"""The installed `apg`, run in a subprocess as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

APG = Path(sys.executable).with_name("apg")


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("APG_", "COLUMNS"))}
    environment["APG_CACHE_DIR"] = str(cwd / "cache")
    return subprocess.run(
        [str(APG), *args], cwd=cwd, capture_output=True, text=True, env={**environment, **(env or {})}, check=False,
    )


def test_installed_apg_finds_the_packaged_store_from_anywhere(tmp_path: Path) -> None:
    assert APG.is_file(), f"{APG} is missing: install the project first (see README)"
    result = run("timeline", "--from", "1957", "-f", "tsv", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert len(rows) > 10
    assert all(row[2] >= "1957-01-01" for row in rows), "an event that ended before 1957 was shown"


def test_check_passes_on_the_packaged_store(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "anti_party", "--version"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout.startswith("apg, version ")) == (0, True)


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    store = tmp_path / "big.toml"
    event = '[[events]]\nid = "e{n}"\ndate = "1957"\ntitle = "{title}"\nsources = ["s"]\n'
    store.write_text('[sources.s]\nkind = "book"\ntype = "scholarly"\ntitle = "S"\n'
                     + "".join(event.format(n=n, title="x" * 60) for n in range(4000)), encoding="utf-8")
    result = subprocess.run(
        ["bash", "-c", f'set -o pipefail; "{APG}" --no-default-store --store "{store}" timeline -f jsonl | head -n 1'],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert result.stderr == ""
    assert result.stdout.startswith('{"id": "e0"')
