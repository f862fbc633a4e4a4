"""bench/floor.py, the benchmark's lower bound, does the work of apg's timeline and no more."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from anti_party.paths import default_store_path

FLOOR = Path(__file__).resolve().parent.parent / "bench" / "floor.py"


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment variables under which apg has written the packaged store's index."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("APG_", "COLUMNS"))}
    environment.update({"APG_CACHE_DIR": str(tmp_path_factory.mktemp("cache")), "COLUMNS": "100"})
    run([sys.executable, "-m", "anti_party", "timeline", "-f", "tsv"], environment)
    return environment


def run(command: list[str], environment: dict[str, str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def floor(environment: dict[str, str], *args: str) -> str:
    (index,) = Path(environment["APG_CACHE_DIR"]).glob("index-*.sqlite3")
    return run([sys.executable, str(FLOOR), str(default_store_path()), str(index), "timeline", *args], environment)


def apg(environment: dict[str, str], *args: str) -> str:
    return run([sys.executable, "-m", "anti_party", "timeline", *args], environment)


@pytest.mark.parametrize("year", ["1953", "1957", "1961"])
def test_the_floor_writes_the_same_tsv_as_apg(environment: dict[str, str], year: str) -> None:
    expected = apg(environment, "--from", year, "-f", "tsv")
    assert expected.count("\n") > 20
    assert floor(environment, "--from", year, "-f", "tsv") == expected


def test_the_floor_lays_out_the_same_years_and_titles_as_apg(environment: dict[str, str]) -> None:
    def years(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip().isdigit()]

    expected = apg(environment, "--from", "1957", "-f", "timeline")
    laid_out = floor(environment, "--from", "1957", "-f", "timeline")
    assert years(laid_out) == years(expected)
    assert years(expected)[:6] == ["1957", "1958", "1959", "1960", "1961", "1962"]
    starts = {line.split(" ", 1)[0] for line in laid_out.splitlines()}
    dates = [row.split("\t", 1)[0] for row in apg(environment, "--from", "1957", "-f", "tsv").splitlines()]
    assert len(dates) > 20 and set(dates) <= starts  # every event has its row


def test_the_floor_uses_none_of_apgs_code(environment: dict[str, str]) -> None:
    (index,) = Path(environment["APG_CACHE_DIR"]).glob("index-*.sqlite3")
    probe = ("import runpy, sys\n"
             f"sys.argv = [{str(FLOOR)!r}, *sys.argv[1:]]\n"
             "try:\n"
             f"    runpy.run_path({str(FLOOR)!r}, run_name='__main__')\n"
             "except SystemExit:\n"
             "    pass\n"
             "sys.stderr.write(' '.join(sorted(sys.modules)))\n")
    result = subprocess.run([sys.executable, "-c", probe, str(default_store_path()), str(index), "timeline", "--from",
                             "1957", "-f", "tsv"], capture_output=True, text=True, env=environment, check=False)
    modules = result.stderr.split()
    assert "click" in modules and "sqlite3" in modules
    assert not [module for module in modules if module.startswith("anti_party")]
