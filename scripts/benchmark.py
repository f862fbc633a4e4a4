"""Start-up benchmark: median wall time of apg commands against `python -c pass`, in one run.

    python scripts/benchmark.py [--runs N]

Run it with the virtualenv's python (the one whose bin/ holds `apg`).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

APG = str(Path(sys.executable).with_name("apg"))
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "apg --version": [APG, "--version"],
    "apg check": [APG, "check"],
    "apg timeline -f tsv": [APG, "timeline", "-f", "tsv"],
    "apg timeline --from 1957 -f json": [APG, "timeline", "--from", "1957", "-f", "json"],
    "apg timeline --from 'June 1957' -f tsv": [APG, "timeline", "--from", "June 1957", "-f", "tsv"],
    "apg timeline -f timeline": [APG, "timeline", "-f", "timeline"],
    "apg person molotov -f timeline": [APG, "person", "molotov", "-f", "timeline"],
}


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    baseline = median_seconds(COMMANDS["python -c pass"], runs)
    print(f"{'command':42} {'median ms':>10} {'x python':>9}")
    for name, command in COMMANDS.items():
        median = baseline if command[0] == sys.executable else median_seconds(command, runs)
        print(f"{name:42} {median * 1000:10.1f} {median / baseline:9.1f}")


if __name__ == "__main__":
    main()
