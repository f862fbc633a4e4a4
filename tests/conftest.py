from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from anti_party.cli import main

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
FIXTURE = DATA / "store.toml"

Invoke = Callable[..., Result]


@pytest.fixture
def apg() -> Invoke:
    """Run `apg --no-default-store --store tests/data/store.toml ARGS` as a user would type it."""

    def invoke(*args: str, store: Path | None = FIXTURE, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
        prefix = ["--no-default-store", "--store", str(store)] if store else []
        environment = {"COLUMNS": "100", "NO_COLOR": "", "FORCE_COLOR": "", "CLICOLOR_FORCE": "", "APG_STORE": "",
                       "APG_NO_CACHE": "1"}
        return CliRunner().invoke(main, [*prefix, *args], input=stdin, env={**environment, **(env or {})})

    return invoke


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
