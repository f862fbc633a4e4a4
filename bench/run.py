"""The benchmark of issue 10: synthetic stores of 1k, 10k and 100k events, and the packaged store.

    .venv/bin/python bench/run.py [--runs N] [--sizes 1000,10000,100000] [--out bench/RESULTS.md]

Run it with the virtualenv's python (the one whose bin/ holds `apg`). It uses public tools
only (Python's subprocess, os.wait4 for each run's CPU time and peak memory). Each round runs
every case of a size once, in turn, so that the commands alternate and a slow spell of a
shared machine falls on all of them; the medians of the rounds are compared with the floor
each target names, measured in the same rounds. Results go to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
APG = str(Path(sys.executable).with_name("apg"))
PARSE = "import sys, tomli; tomli.loads(open(sys.argv[1], encoding='utf-8').read())"


@dataclass
class Case:
    name: str
    command: list[str]
    fresh_cache: bool = False  # the index is removed before each run
    fresh_words: bool = False  # the words for --grep are removed before each run (the index stays)
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    memory: list[int] = field(default_factory=list)  # KiB

    def run(self, environment: dict[str, str], cache: Path) -> None:
        if self.fresh_cache:
            shutil.rmtree(cache, ignore_errors=True)
        for words in cache.glob("words-*.sqlite3") if self.fresh_words else ():
            words.unlink()
        start = time.perf_counter()
        process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        self.times.append(time.perf_counter() - start)
        assert process.stderr is not None
        error = process.stderr.read().decode(errors="replace")
        process.stderr.close()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"{self.name} failed ({process.returncode}): {error}")
        self.cpu.append(usage.ru_utime + usage.ru_stime)
        self.memory.append(usage.ru_maxrss)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def run_rounds(cases: Sequence[Case], runs: int, environment: dict[str, str], cache: Path) -> None:
    for case in cases:  # one unmeasured run each: files in the page cache, the index built
        case.run(environment, cache)
        for measures in (case.times, case.cpu, case.memory):
            measures.clear()
    for _ in range(runs):
        for case in cases:
            case.run(environment, cache)


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def row(case: Case, floor: Case | None) -> str:
    ratio = f"{case.median / floor.median:.2f}" if floor else "1"
    cpu_ratio = f"{statistics.median(case.cpu) / statistics.median(floor.cpu):.2f}" if floor else "1"
    return (f"| {case.name} | {seconds(case.median)} | {seconds(min(case.times))} - {seconds(max(case.times))} "
            f"| {ratio} | {seconds(statistics.median(case.cpu))} | {cpu_ratio} "
            f"| {statistics.median(case.memory) / 1024:.0f} MiB |")


HEADER = ("| case | median | min - max | × floor | CPU (median) | CPU × floor | peak memory |\n"
          "|---|---|---|---|---|---|---|")


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import tomli

    return (f"{platform.system()} {platform.release()}, {model or platform.processor()}, {os.cpu_count()} cores, "
            f"{memory:.0f} GiB; Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"tomli {getattr(tomli, '__version__', '?')} ({'compiled' if _compiled() else 'pure Python'})")


def _own_memory() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _compiled() -> bool:
    import tomli._parser

    return not str(tomli._parser.__file__).endswith(".py")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    import anti_party

    compileall.compile_dir(str(Path(anti_party.__file__).parent), quiet=1)  # as an installed wheel is
    work = Path(tempfile.mkdtemp(prefix="apg-bench-"))
    cache = work / "cache"
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("APG_", "COLUMNS"))}
    environment.update({"APG_CACHE_DIR": str(cache), "COLUMNS": "100", "APG_PAGER": "cat"})
    started = datetime.now(UTC)
    load_before = os.getloadavg()
    sections = []
    medians: dict[tuple[int, str], Case] = {}
    try:
        for size in sizes:
            path = work / f"store-{size}.toml"
            # Written by a child process: Linux keeps, in each run's peak memory (ru_maxrss), the
            # size of the process it was forked from, so this one must stay small.
            subprocess.run([sys.executable, str(HERE / "generate.py"), str(size), str(path)], check=True)
            store = ["--no-default-store", "--store", str(path)]
            cases = [
                Case("bare parse (floor)", [sys.executable, "-c", PARSE, str(path)]),
                Case("first run: `timeline --from 1957 -f tsv`, no index", [APG, *store, "timeline", "--from", "1957",
                                                                          "-f", "tsv"], fresh_cache=True),
                Case("`apg check`", [APG, *store, "check"]),
                Case("repeated: `timeline -f tsv` (all events)", [APG, *store, "timeline", "-f", "tsv"]),
                Case("repeated: `timeline --on 'June 1957' -f tsv`", [APG, *store, "timeline", "--on", "June 1957",
                                                                     "-f", "tsv"]),
                Case("repeated: `timeline --from 1957 -f tsv`", [APG, *store, "timeline", "--from", "1957",
                                                                "-f", "tsv"]),
                # Not targets: the first search writes the words for --grep beside the index (docs/db.md).
                Case("first search: `timeline --grep gomulka -n 20 -f tsv`", [
                    APG, *store, "timeline", "--grep", "gomulka", "-n", "20", "-f", "tsv"], fresh_words=True),
                Case("repeated search: `timeline --grep gomulka -n 20 -f tsv`", [
                    APG, *store, "timeline", "--grep", "gomulka", "-n", "20", "-f", "tsv"]),
            ]
            runs = options.runs
            print(f"{size} events: {path.stat().st_size / 2**20:.1f} MiB", file=sys.stderr)
            run_rounds(cases, runs, environment, cache)
            for case in cases:
                medians[(size, case.name)] = case
            floor = cases[0]
            lines = [f"### {size:,} events ({path.stat().st_size / 2**20:.1f} MiB of TOML), {runs} rounds", "",
                     HEADER, row(floor, None), *(row(case, floor) for case in cases[1:])]
            sections.append("\n".join(lines))
        # The packaged store's index, alone in the cache, for bench/floor.py to read.
        shutil.rmtree(cache, ignore_errors=True)
        subprocess.run([APG, "timeline", "--from", "1957", "-f", "tsv"], env=environment, check=True,
                       stdout=subprocess.DEVNULL)
        (index,) = cache.glob("index-*.sqlite3")
        from anti_party.paths import default_store_path

        floor_command = [sys.executable, str(HERE / "floor.py"), str(default_store_path()), str(index), "timeline",
                         "--from", "1957", "-f"]
        packaged = [
            Case("`python -c pass` (floor)", [sys.executable, "-c", "pass"]),
            Case("`apg --help`", [APG, "--help"]),
            Case("`apg timeline --from 1957 -f tsv`", [APG, "timeline", "--from", "1957", "-f", "tsv"]),
            Case("`apg timeline --from 1957 -f timeline` (rich)", [APG, "timeline", "--from", "1957", "-f",
                                                                   "timeline"]),
            # Not a target: the start-up any click program pays before its own code runs.
            Case("`python -c 'import click'` (reference)", [sys.executable, "-c", "import click"]),
            # Not targets: the least any click program does for the two timelines (bench/floor.py).
            Case("lower bound of `-f tsv`: `bench/floor.py ... -f tsv`", [*floor_command, "tsv"]),
            Case("lower bound of the rich timeline: `bench/floor.py ... -f timeline`", [*floor_command, "timeline"]),
        ]
        run_rounds(packaged, max(options.runs, 20), environment, cache)
        sections.append("\n".join(["### The packaged store (events.toml), with its index", "", HEADER,
                                   row(packaged[0], None), *(row(case, packaged[0]) for case in packaged[1:])]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()
    targets = target_lines(medians, packaged, sizes)
    text = "\n\n".join([
        "# Benchmark results",
        f"Written by `bench/run.py` on {started:%Y-%m-%d %H:%M} UTC. Machine: {machine()}. "
        f"Load average (1 min) {load_before[0]:.1f} before and {load_after[0]:.1f} after: the machine is shared, "
        "so absolute times drift; each ratio compares medians measured in the same rounds. "
        "Wall-clock times are what the targets are set on; the CPU columns (user + system time of each run) "
        "move much less when other work shares the machine. Peak memory is each run's maximum resident "
        f"size; it cannot be less than this harness's own ({_own_memory():.0f} MiB), from which each run is forked.",
        "## Targets (issue 10)",
        targets,
        "## Measurements",
        *sections,
    ]) + "\n"
    options.out.write_text(text, encoding="utf-8")
    print(text)


def target_lines(medians: dict[tuple[int, str], Case], packaged: list[Case], sizes: list[int]) -> str:
    lines = ["| target | limit | measured (wall) | measured (CPU) | met |", "|---|---|---|---|---|"]

    def ratio(case: Case, floor: Case) -> tuple[float, float]:
        return (case.median / floor.median,
                statistics.median(case.cpu) / statistics.median(floor.cpu))

    def add(name: str, limit: float, values: tuple[float, float], unit: str = "×") -> None:
        wall, cpu = values
        lines.append(f"| {name} | {unit} {limit:g} | {wall:.2f} | {cpu:.2f} | {'yes' if wall <= limit else 'no'} |")

    names = ["bare parse (floor)", "first run: `timeline --from 1957 -f tsv`, no index", "`apg check`",
             "repeated: `timeline -f tsv` (all events)", "repeated: `timeline --on 'June 1957' -f tsv`"]
    if 100_000 in sizes:
        floor, first, check, all_tsv, month = (medians[(100_000, name)] for name in names)
        add("100k first run / bare parse", 2.5, ratio(first, floor))
        add("100k `apg check` / bare parse", 2.5, ratio(check, floor))
        add("100k repeated, all events TSV / bare parse", 0.6, ratio(all_tsv, floor))
        add("100k repeated, one month / bare parse", 0.2, ratio(month, floor))
        peak_repeated = max(statistics.median(all_tsv.memory), statistics.median(month.memory)) / 1024
        lines.append(f"| 100k repeated, peak memory | ≤ 150 MiB | {peak_repeated:.0f} MiB | | "
                     f"{'yes' if peak_repeated <= 150 else 'no'} |")
        peak_first = statistics.median(first.memory) / 1024
        lines.append(f"| 100k first run, peak memory | ≤ 400 MiB | {peak_first:.0f} MiB | | "
                     f"{'yes' if peak_first <= 400 else 'no'} |")
    if 10_000 in sizes and 100_000 in sizes:
        for label, name in (("first run", names[1]), ("repeated, all events", names[3])):
            small, large = medians[(10_000, name)], medians[(100_000, name)]
            add(f"10k → 100k, {label}", 12, (large.median / small.median,
                                             statistics.median(large.cpu) / statistics.median(small.cpu)))
    floor = packaged[0]
    add("packaged `apg --help` / `python -c pass`", 5, ratio(packaged[1], floor))
    add("packaged `timeline --from 1957 -f tsv` / `python -c pass`", 5, ratio(packaged[2], floor))
    add("packaged rich timeline / `python -c pass`", 8, ratio(packaged[3], floor))
    lines += ["", "The same two timelines done by the least click program that answers them from apg's index "
              "(`bench/floor.py`, none of apg's code; not targets, the stack's own cost), same rounds:", "",
              "| lower bound | measured (wall) | measured (CPU) |", "|---|---|---|"]
    for case, target in ((packaged[5], "`-f tsv` (target × 5)"), (packaged[6], "rich timeline (target × 8)")):
        wall, cpu = ratio(case, floor)
        lines.append(f"| {target} | {wall:.2f} | {cpu:.2f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
