"""docs/cli.md is every command's --help, and must match the code (APG_UPDATE_GOLDEN=1 rewrites it)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from anti_party.cli import main
from conftest import Invoke

DOCS = Path(__file__).parent.parent / "docs" / "cli.md"


def cli_reference(apg: Invoke) -> str:
    parts = ["# Command-line reference\n\n", "Generated from `apg --help` and each command's `--help`",
             " by `APG_UPDATE_GOLDEN=1 pytest tests/test_docs.py`; a test checks it is current.\n"]
    ctx = click.Context(main)
    for name in ["", *main.list_commands(ctx)]:
        args = [name, "--help"] if name else ["--help"]
        result = apg(*args, store=None, env={"COLUMNS": "100"})
        assert result.exit_code == 0, result.output
        parts.append(f"\n## apg {name}".rstrip() + "\n\n```\n" + result.stdout + "```\n")
    return "".join(parts)


def test_cli_reference_is_current(apg: Invoke) -> None:
    expected = cli_reference(apg)
    if os.environ.get("APG_UPDATE_GOLDEN"):
        DOCS.write_text(expected, encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == expected, "docs/cli.md is stale: run APG_UPDATE_GOLDEN=1 pytest tests/test_docs.py"


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for name in main.list_commands(click.Context(main)):
        assert f"`apg {name}" in readme, f"README.md does not mention apg {name}"
