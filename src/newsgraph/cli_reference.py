"""The command-line reference (docs/cli.md), generated from the real ``--help`` of every command.

    python -m newsgraph.cli_reference > docs/cli.md

A test fails when docs/cli.md is not what this prints, so the reference never
drifts from the commands. Help is rendered at a fixed width, so the output
does not depend on the terminal.
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from newsgraph.cli import app

WIDTH = 100


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], prog_name="newsgraph", terminal_width=WIDTH)
    return "\n".join(line.rstrip() for line in result.output.splitlines()).strip("\n")


def reference() -> str:
    """docs/cli.md as it should be."""
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
    for name in app.commands:
        parts += ["", f"## newsgraph {name}", "", "```", _help(name), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    click.echo(reference(), nl=False)
