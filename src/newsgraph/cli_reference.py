"""The command-line reference (docs/cli.md), generated from the real ``--help`` of every command.

    python -m newsgraph.cli_reference > docs/cli.md

A test fails when docs/cli.md is not what this prints, so the reference never
drifts from the commands. Each command's help is rendered in a fresh process
at a fixed width, without colour, so the output does not depend on the terminal.
"""

from __future__ import annotations

import os
import subprocess
import sys

import typer

WIDTH = "100"


def _help(*args: str) -> str:
    env = {
        **os.environ,
        "TERMINAL_WIDTH": WIDTH,
        "COLUMNS": WIDTH,
        "NO_COLOR": "1",
        "_TYPER_FORCE_DISABLE_TERMINAL": "1",
    }
    out = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", *args, "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    text = "\n".join(line.rstrip() for line in out.splitlines()).strip("\n")
    return text.replace("python -m newsgraph.cli", "newsgraph")


def reference() -> str:
    """docs/cli.md as it should be."""
    from newsgraph.cli import app

    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    parts = [
        "# Command-line reference",
        "",
        "Generated from each command's `--help` by `python -m newsgraph.cli_reference "
        "> docs/cli.md`; a test fails when it is out of date.",
        "",
        "```",
        _help(),
        "```",
    ]
    for name in names:
        parts += ["", f"## newsgraph {name}", "", "```", _help(name), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    typer.echo(reference(), nl=False)
