"""The command line. Thin: every command calls the library and prints what it returns."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from newsgraph.errors import NewsgraphError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn raw news into a structured record of who said what, to whom, where and when.",
)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit non-zero: no traceback for the user."""
    typer.echo(f"newsgraph: error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A .txt/.html/.htm file (or .gz), or - for stdin.")],
    format: Annotated[
        str | None, typer.Option("--format", help="text or html (default: detected).")
    ] = None,
    no_clean: Annotated[
        bool, typer.Option("--no-clean", help="The input is already clean: body == input.")
    ] = False,
    url: Annotated[str | None, typer.Option(help="The page's URL.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (ISO 8601); relative dates use it.")
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to use: installed name or path.")
    ] = None,
    indent: Annotated[int | None, typer.Option(help="Indent the JSON by this many spaces.")] = 2,
) -> None:
    """Extract one article and print its record as JSON."""
    from newsgraph.options import Options
    from newsgraph.pipeline import extract as run
    from newsgraph.read import read_bytes, read_path

    if format not in (None, "text", "html"):
        fail(f"--format must be text or html, not {format!r}", 2)
    try:
        opts = Options(clean=not no_clean, format=format, model=model)
        if path == "-":
            raw = read_bytes(sys.stdin.buffer.read(), format, max_bytes=opts.max_bytes)
        else:
            raw = read_path(Path(path), format, max_bytes=opts.max_bytes)
        article = run(raw, url=url, published=published, options=opts)
    except NewsgraphError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted", 130)
    typer.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=indent or None))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the article record."""
    from newsgraph.record import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


if __name__ == "__main__":
    app()
