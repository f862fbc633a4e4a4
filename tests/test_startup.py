"""What each command imports: rich, dateutil, sqlite3 and the TOML parser only where they are needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("rich", "dateutil", "sqlite3", "tomli")
PROBE = (
    "import atexit, sys\n"
    "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
    "from anti_party.cli import run\n"
    "sys.argv = ['apg', *sys.argv[1:]]\n"
    "run()\n"
)


def apg_environment(directory: Path) -> dict[str, str]:
    """This environment without apg's own variables, with the index in DIRECTORY/cache, 100 columns wide."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("APG_")}
    environment.update({"APG_CACHE_DIR": str(directory / "cache"), "COLUMNS": "100"})
    return environment


def loaded(tmp_path: Path, *args: str, cache: bool = True) -> list[str]:
    """The modules loaded when `apg ARGS` has run, with its index in TMP_PATH/cache."""
    environment = apg_environment(tmp_path)
    if not cache:
        environment["APG_NO_CACHE"] = "1"
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=environment,
                            cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    return result.stderr.rsplit("MODULES ", 1)[1].split()


def imported(tmp_path: Path, *args: str, cache: bool = True) -> set[str]:
    modules = loaded(tmp_path, *args, cache=cache)
    return {heavy for heavy in HEAVY if heavy in modules or any(m.startswith(heavy + ".") for m in modules)}


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory whose cache holds the packaged store's index."""
    path = tmp_path_factory.mktemp("startup")
    assert imported(path, "timeline", "-f", "tsv") == {"sqlite3", "tomli"}  # parsed, then indexed
    return path


@pytest.mark.parametrize(
    ("args", "needed"),
    [
        (("--help",), set()),
        (("--version",), {"sqlite3"}),  # it reports what the store holds
        (("timeline", "--help"), set()),
        (("timeline", "--from", "1957", "-f", "tsv"), {"sqlite3"}),
        (("timeline", "--grep", "Gomulka", "-f", "tsv"), {"sqlite3"}),
        (("timeline", "--on", "June 1957", "-f", "tsv"), {"sqlite3"}),  # the usual forms need no dateutil
        (("timeline", "--on", "Sept 1957", "-f", "tsv"), {"sqlite3", "dateutil"}),
        (("person", "molotov", "-f", "json"), {"sqlite3"}),
        (("timeline", "-f", "timeline"), {"sqlite3", "rich"}),
    ],
)
def test_each_command_imports_only_what_it_needs(indexed: Path, args: tuple[str, ...], needed: set[str]) -> None:
    assert imported(indexed, *args) == needed


LIBRARY = ("anti_party.store", "anti_party.model", "anti_party.query", "anti_party.dates", "anti_party.index",
           "anti_party.render.records")


@pytest.mark.parametrize("args", [("--help",), ("timeline", "--help"), ("cite", "--help"), ("completion", "bash")])
def test_the_command_line_is_built_without_the_library(indexed: Path, args: tuple[str, ...]) -> None:
    modules = loaded(indexed, *args)
    assert "anti_party.cli" in modules
    assert [name for name in LIBRARY if name in modules] == []


# What `apg --help` has no use for, each a few milliseconds of every start-up: paths stay strings
# until a command uses them, the traceback module loads for an internal error, shell completion for
# completion, the command line makes no dataclass, and the help's width is worked out without
# shutil (cli.edge.HelpWidthContext). (`apg CMD --help` runs the group first, which settles the
# store paths: pathlib.)
NOT_FOR_HELP = ("pathlib", "traceback", "click.shell_completion", "dataclasses", "shutil")


def test_help_loads_no_module_it_does_not_use(indexed: Path) -> None:
    assert [name for name in NOT_FOR_HELP if name in loaded(indexed, "--help")] == []
    assert [name for name in NOT_FOR_HELP[1:] if name in loaded(indexed, "timeline", "--help")] == []


# A store answered from its index is neither parsed nor checked: the loader (anti_party.store), its
# rules and locator and the TOML parser stay unloaded; anti_party.storefile reads and hashes the files.
NOT_FOR_THE_INDEX = ("anti_party.store", "anti_party.rules", "anti_party.locate", "tomli", "tomllib")


@pytest.mark.parametrize("args", [("timeline", "--from", "1957", "-f", "tsv"), ("people", "-f", "tsv"),
                                  ("show", "twenty-second-congress")])
def test_a_store_answered_from_its_index_loads_no_loader(indexed: Path, args: tuple[str, ...]) -> None:
    assert [name for name in NOT_FOR_THE_INDEX if name in loaded(indexed, *args)] == []


# The model's records and the dates are NamedTuples: a frozen dataclass costs about 1.3 ms to define
# on Python 3.11 (it compiles its generated methods), and the dataclasses module about 2 ms to load.
# (The citation styles, which `show` loads for its sources, still make some.)
@pytest.mark.parametrize("args", [("timeline", "--from", "1957", "-f", "tsv"), ("people", "-f", "tsv"),
                                  ("timeline", "--on", "June 1957", "-f", "json"), ("person", "molotov", "-f", "json")])
def test_a_store_answered_from_its_index_makes_no_dataclass(indexed: Path, args: tuple[str, ...]) -> None:
    assert "dataclasses" not in loaded(indexed, *args)


def test_only_csv_output_loads_the_csv_module(indexed: Path) -> None:
    assert "csv" not in loaded(indexed, "timeline", "--from", "1957", "-f", "tsv")
    assert "csv" in loaded(indexed, "timeline", "--from", "1957", "-f", "csv")


def test_help_and_timeline_leave_the_citation_styles_unloaded(indexed: Path) -> None:
    for args in (("--help",), ("timeline", "--from", "1957", "-f", "tsv")):
        assert "anti_party.cite" not in loaded(indexed, *args), args


def test_without_the_index_tsv_imports_the_parser_but_not_rich_nor_sqlite3(tmp_path: Path) -> None:
    assert imported(tmp_path, "timeline", "--from", "1957", "-f", "tsv", cache=False) == {"tomli"}


@pytest.mark.parametrize("columns", ["", "0", "wide", "30", "60", "79", "80", "81", "101", "250"])
def test_the_help_is_as_wide_as_click_makes_it(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from click.formatting import HelpFormatter

    from anti_party.cli import main
    from anti_party.cli.edge import HelpWidthContext

    monkeypatch.setenv("COLUMNS", columns)
    assert HelpWidthContext(main, max_content_width=100).make_formatter().width == \
        HelpFormatter(max_width=100).width == max(min(shutil.get_terminal_size().columns, 100) - 2, 50)


@pytest.mark.parametrize("columns", [40, 72, 101, 200])
def test_on_a_terminal_the_help_is_as_wide_as_the_terminal_says(columns: int) -> None:
    from conftest import on_pty

    code, screen = on_pty(["timeline", "--help"], {}, columns=columns)
    told = subprocess.run([sys.executable, "-m", "anti_party", "timeline", "--help"], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": str(columns)}, check=True)
    assert (code, screen) == (0, told.stdout)


@pytest.mark.parametrize("args", [("--help",), ("timeline", "--from", "1957", "-f", "tsv")])
def test_apg_freezes_its_objects_as_it_exits_and_its_output_is_whole(indexed: Path, args: tuple[str, ...]) -> None:
    """The interpreter's last collections need not walk what the modules made (anti_party.cli.run)."""
    probe = ("import atexit, gc, sys\n"
             "atexit.register(lambda: sys.stderr.write(f'FROZEN {gc.get_freeze_count()}\\n'))\n"
             "from anti_party.cli import run\n"
             "sys.argv = ['apg', *sys.argv[1:]]\n"
             "run()\n")
    environment = apg_environment(indexed)
    frozen = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, env=environment,
                            check=False)
    plain = subprocess.run([sys.executable, "-m", "anti_party", *args], capture_output=True, text=True,
                           env=environment, check=False)
    assert frozen.returncode == plain.returncode == 0
    assert int(frozen.stderr.rsplit("FROZEN ", 1)[1]) > 10_000  # click's objects alone are more
    assert frozen.stdout == plain.stdout and plain.stdout.count("\n") > 20
