"""The command line. Thin: every command calls the library and prints what it returns."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from typer.core import TyperGroup

from newsgraph.cli_options import with_options
from newsgraph.errors import NewsgraphError
from newsgraph.options import Options

if TYPE_CHECKING:
    from newsgraph.store.query import Store


class _Commands(TyperGroup):
    """Errors as argparse and click users expect: one line on stderr, exit 2 for usage."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as exc:  # typer's own click: usage errors (exit 2)
            typer.echo(f"newsgraph: error: {exc.format_message()}", err=True)
            code = exc.exit_code
        except typer.Abort:
            typer.echo("newsgraph: error: interrupted", err=True)
            code = 130
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _version(value: bool) -> None:
    if not value:
        return
    from newsgraph import __version__
    from newsgraph.versions import versions

    typer.echo(f"newsgraph {__version__}")
    for name, version in versions().items():
        typer.echo(f"  {name} {version}")
    raise typer.Exit()


app = typer.Typer(
    cls=_Commands,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    help="Turn raw news into a structured record of who said what, to whom, where and when.",
)


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Print the versions of newsgraph, its model and its gazetteer, and exit.",
        ),
    ] = False,
) -> None:
    """Turn raw news into a structured record of who said what, to whom, where and when.

    Run 'newsgraph COMMAND -h' for a command's options.
    """


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit non-zero: no traceback for the user."""
    typer.echo(f"newsgraph: error: {message}", err=True)
    raise typer.Exit(code)


def _published(value: str | None) -> str | None:
    """--published as given, once it is known to be a plausible publication date."""
    from newsgraph.pipeline import normalize_published

    if value is not None and normalize_published(value) is None:
        raise typer.BadParameter(
            f"must be a past date like 2024-03-14, not {value!r}", param_hint="--published"
        )
    return value


@app.command(
    epilog="Examples:\n\n\b\n"
    "  newsgraph extract article.txt --published 2024-03-14\n"
    "  curl -s https://example.org/a | newsgraph extract - --url https://example.org/a\n"
    "  newsgraph extract pages/*.html > records.jsonl"
)
@with_options()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .htm, or .gz of them), or - for stdin.", metavar="FILE..."
        ),
    ],
    url: Annotated[str | None, typer.Option(help="The page's URL.", metavar="URL")] = None,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (ISO 8601); relative dates resolve against it.",
            metavar="DATE",
            callback=_published,
        ),
    ] = None,
    indent: Annotated[
        int, typer.Option(help="Indent one record's JSON by N spaces (0: one line).", metavar="N")
    ] = 2,
    *,
    options: Options,
) -> None:
    """Extract articles and print their records as JSON.

    One file gives one JSON document; several give JSON Lines, one record per
    line, in the order given, with each failure on stderr under its file name.
    """
    from newsgraph.pipeline import annotate_many, prepare, read
    from newsgraph.read import read_path

    def load(path: str):
        if path == "-":
            return read(sys.stdin.buffer.read(), options, url=url, published=published)
        raw = read_path(Path(path), options.format, max_bytes=options.max_bytes)
        return read(raw, options, url=url, published=published)

    failed: list[str] = []

    def report(path: str, exc: NewsgraphError) -> None:
        failed.append(path)
        typer.echo(f"newsgraph: error: {path}: {exc}", err=True)

    try:
        if len(paths) == 1:
            try:
                article = annotate_many([prepare(load(paths[0]), options)], options)[0]
            except NewsgraphError as exc:
                fail(str(exc))
            typer.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=indent or None))
            return
        for start in range(0, len(paths), options.batch_size):
            chunk, prepared = paths[start : start + options.batch_size], []
            for path in chunk:
                try:
                    prepared.append((path, prepare(load(path), options)))
                except NewsgraphError as exc:
                    report(path, exc)
            names = [path for path, _ in prepared]
            done = annotate_many(
                [a for _, a in prepared],
                options,
                on_error=lambda i, exc, names=names: report(names[i], exc),
            )
            for article in done:
                typer.echo(json.dumps(article.to_dict(), ensure_ascii=False))
    except KeyboardInterrupt:
        fail("interrupted", 130)
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the article record."""
    from newsgraph.record import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def _query(db: Path, ask: Callable[[Store], list[dict]]) -> list[dict]:
    """Ask the store at db one question; a store or query error is one line and exit 1."""
    from newsgraph.store import open as open_store

    try:
        with open_store(db) as store:
            return ask(store)
    except NewsgraphError as exc:
        fail(str(exc))


def _echo_rows(rows: list[dict], as_json: bool, line) -> None:
    """One JSON object per line with --json, else one readable line (or two) per row."""
    for row in rows:
        typer.echo(json.dumps(row, ensure_ascii=False) if as_json else line(row))


DbOption = Annotated[Path, typer.Option("--db", help="The store (an SQLite file).")]
JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]
SinceOption = Annotated[
    str | None, typer.Option(help="Only articles published on or after this date (ISO 8601).")
]
UntilOption = Annotated[
    str | None, typer.Option(help="Only articles published on or before this date (ISO 8601).")
]


@app.command()
@with_options(corpus=True)
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Folders, .txt/.html files, WARC, JSON Lines, CSV or Reuters .sgm."),
    ],
    db: DbOption,
    text_field: Annotated[str, typer.Option(help="JSONL key / CSV column with text.")] = "text",
    html_field: Annotated[str, typer.Option(help="JSONL key / CSV column with HTML.")] = "html",
    url_field: Annotated[str, typer.Option(help="JSONL key / CSV column with the URL.")] = "url",
    title_field: Annotated[
        str, typer.Option(help="JSONL key / CSV column with the title.")
    ] = "title",
    published_field: Annotated[
        str, typer.Option(help="JSONL key / CSV column with the publication date.")
    ] = "published",
    source_field: Annotated[
        str, typer.Option(help="JSONL key / CSV column with the outlet's name.")
    ] = "source",
    progress: Annotated[bool, typer.Option(help="Show a live progress bar.")] = True,
    *,
    options: Options,
) -> None:
    """Ingest documents into a store; inputs already stored are skipped. Exit 1 if any failed."""
    from newsgraph.corpus.runner import ingest as run
    from newsgraph.read import Fields

    fields = Fields(
        text=text_field,
        html=html_field,
        url=url_field,
        title=title_field,
        published=published_field,
        source=source_field,
    )
    try:
        summary = run(paths, db, options=options, fields=fields, progress=progress)
    except NewsgraphError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted; run the same command again to resume", 130)
    c = summary.counts
    typer.echo(
        f"added {c.added:,} articles, {c.duplicates:,} duplicates of stored bodies, "
        f"{c.skipped:,} inputs already stored, {c.failed:,} failed ({summary.seconds:.1f} s)",
        err=True,
    )
    for location, reason in c.errors:
        typer.echo(f"  failed: {location}: {reason}", err=True)
    if c.failed > len(c.errors):
        typer.echo(
            f"  ... and {c.failed - len(c.errors):,} more in the store's errors table", err=True
        )
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help='Full-text query: words, "phrases", AND/OR/NOT, pre*.')
    ],
    db: DbOption,
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
    since: SinceOption = None,
    until: UntilOption = None,
    all_copies: Annotated[
        bool, typer.Option("--all", help="Show every near-duplicate, not one per cluster.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Search titles and bodies, best match first, with snippets."""
    rows = _query(
        db,
        lambda store: store.search(
            query, limit=limit, since=since, until=until, collapse=not all_copies
        ),
    )
    _echo_rows(
        rows,
        as_json,
        lambda r: (
            f"{r['score']:7.2f}  {(r['published'] or '')[:10]:10}  {r['source'] or '-'}  "
            f"{r['title'] or r['id']}\n         {' '.join(r['snippet'].split())}"
        ),
    )


@app.command()
def quotes(
    db: DbOption,
    speaker: Annotated[
        str | None, typer.Option(help="The speaker's name (any part) or key.")
    ] = None,
    text: Annotated[str | None, typer.Option(help="Full-text query over the quotes.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many quotes.")] = 100,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """Quotes across articles, of one speaker or matching a query; newest first."""
    rows = _query(
        db,
        lambda store: store.quotes(
            speaker=speaker, text=text, since=since, until=until, limit=limit
        ),
    )
    _echo_rows(
        rows,
        as_json,
        lambda r: (
            f"{(r['published'] or '')[:10]:10}  {r['speaker'] or '?'}: "
            f"\u201c{' '.join(r['text'].split())}\u201d  ({r['source'] or r['title'] or r['article']})"
        ),
    )


@app.command()
def top(
    kind: Annotated[str, typer.Argument(help="speakers, entities, places or sources.")],
    db: DbOption,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 20,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """The most frequent speakers, entities, places or sources; wire copy counts once."""
    rows = _query(db, lambda store: store.top(kind, since=since, until=until, limit=limit))
    _echo_rows(
        rows,
        as_json,
        lambda r: f"{r.get('stories', 0):7,} stories {r['articles']:7,} articles  {r['name']}",
    )


@app.command()
def export(
    db: DbOption,
    format: Annotated[str, typer.Option("--format", help="jsonl, parquet, csv or gkg.")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the files to.")],
) -> None:
    """Write the store's contents to files: JSON Lines, Parquet, CSV or GDELT GKG 2.1."""
    from newsgraph.corpus.export import export as run

    try:
        counts = run(db, out, format)
    except NewsgraphError as exc:
        fail(str(exc))
    for kind, n in counts.items():
        typer.echo(f"{kind}: {n:,} rows", err=True)


if __name__ == "__main__":
    app()
