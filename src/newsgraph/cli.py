"""The command line. Thin: every command calls the library and prints what it returns.

Errors are one line on stderr (``newsgraph: error: ...``), never a traceback:
exit 2 for a usage error (a bad option or value), 1 for input that cannot be
processed, 130 for Ctrl-C.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from newsgraph.cli_options import with_options
from newsgraph.errors import NewsgraphError
from newsgraph.options import Options

if TYPE_CHECKING:
    from newsgraph.store.query import Store

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Commands(click.Group):
    """Errors as argparse and click users expect: one line on stderr, exit 2 for usage."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            click.echo(f"newsgraph: error: {exc.format_message()}", err=True)
            code = exc.exit_code
        except click.Abort:
            click.echo("newsgraph: error: interrupted", err=True)
            code = 130
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from newsgraph import __version__
    from newsgraph.versions import versions

    click.echo(f"newsgraph {__version__}")
    for name, version in versions().items():
        click.echo(f"  {name} {version}")
    ctx.exit()


@click.group(cls=_Commands, context_settings=CONTEXT)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="Print the versions of newsgraph, its model and its gazetteer, and exit.",
)
def app() -> None:
    """Turn raw news into a structured record of who said what, to whom, where and when.

    Run 'newsgraph COMMAND -h' for a command's options.
    """


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit non-zero: no traceback for the user."""
    click.echo(f"newsgraph: error: {message}", err=True)
    sys.exit(code)


def _examples(*lines: str) -> str:
    """A command's epilog: examples kept as written (\\b stops click re-wrapping them)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def _published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """--published as given, once it is known to be a plausible publication date."""
    from datetime import date

    from newsgraph.dates.published import parse_published

    if value is not None and parse_published(value, today=date.today()) is None:
        raise click.UsageError(f"--published must be a past date like 2024-03-14, not {value!r}")
    return value


@app.command(
    epilog=_examples(
        "newsgraph extract article.txt --published 2024-03-14",
        "curl -s https://example.org/a | newsgraph extract - --url https://example.org/a",
        "newsgraph extract pages/*.html > records.jsonl",
    )
)
@click.argument("paths", nargs=-1, required=True, metavar="FILE...")
@click.option("--url", metavar="URL", help="The page's URL.")
@click.option(
    "--published",
    metavar="DATE",
    callback=_published,
    help="Publication date (ISO 8601); relative dates resolve against it.",
)
@click.option(
    "--indent",
    default=2,
    show_default=True,
    metavar="N",
    help="Indent one record's JSON by N spaces (0: one line).",
)
@with_options()
def extract(
    paths: tuple[str, ...], url: str | None, published: str | None, indent: int, options: Options
) -> None:
    """Extract articles (text or HTML files, or - for stdin) and print their records as JSON.

    One file gives one JSON document; several give JSON Lines, one record per
    line in the order given, with each failure on stderr under its file name.
    """
    from newsgraph.pipeline import annotate_many, prepare, read
    from newsgraph.read import read_path

    def load(path: str):
        if path == "-":
            return read(sys.stdin.buffer.read(), options, url=url, published=published)
        raw = read_path(Path(path), options.format, max_bytes=options.max_bytes)
        return read(raw, options, url=url, published=published)

    failed: list[str] = []

    def warn(path: str, article) -> None:
        for warning in article.warnings:
            click.echo(f"newsgraph: warning: {path}: {warning}", err=True)

    def report(path: str, exc: NewsgraphError) -> None:
        failed.append(path)
        click.echo(f"newsgraph: error: {path}: {exc}", err=True)

    try:
        if len(paths) == 1:
            try:
                article = annotate_many([prepare(load(paths[0]), options)], options)[0]
            except NewsgraphError as exc:
                fail(str(exc))
            warn(paths[0], article)
            click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=indent or None))
            return
        for start in range(0, len(paths), options.batch_size):
            prepared = []
            for path in paths[start : start + options.batch_size]:
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
            by_article = {id(a): path for path, a in prepared}
            for article in done:
                warn(by_article[id(article)], article)
                click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
    except KeyboardInterrupt:
        fail("interrupted", 130)
    if failed:
        sys.exit(1)


@app.command(epilog=_examples("newsgraph schema > record.schema.json"))
def schema() -> None:
    """Print the JSON Schema of the article record."""
    from newsgraph.record import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


def _query(db: Path, ask: Callable[[Store], list[dict]]) -> list[dict]:
    """Ask the store at db one question; a store or query error is one line and exit 1."""
    from newsgraph.store import open as open_store

    try:
        with open_store(db) as store:
            return ask(store)
    except NewsgraphError as exc:
        fail(str(exc))


def _echo_rows(rows: list[dict], as_json: bool, line: Callable[[dict], str]) -> None:
    """One JSON object per line with --json, else one readable line (or two) per row."""
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else line(row))


def _store_options(func: Callable | None = None, *, dated: str = "articles published") -> Callable:
    """--db, --since, --until and --json, shared by the query commands; ``dated``: what
    --since and --until bound."""
    if func is None:
        return lambda f: _store_options(f, dated=dated)
    for option in reversed(
        [
            click.option(
                "--db",
                required=True,
                metavar="DB",
                type=click.Path(path_type=Path),
                help="The store (an SQLite file).",
            ),
            click.option("--since", metavar="DATE", help=f"Only {dated} on or after this date."),
            click.option("--until", metavar="DATE", help=f"Only {dated} on or before this date."),
            click.option("--json", "as_json", is_flag=True, help="One JSON object per line."),
        ]
    ):
        func = option(func)
    return func


def _field_option(part: str, default: str) -> Callable:
    return click.option(
        f"--{part}-field",
        default=default,
        show_default=True,
        metavar="NAME",
        help=f"JSON Lines key / CSV column with the {part}.",
    )


@app.command(
    epilog=_examples(
        "newsgraph ingest articles/ --db news.db",
        "newsgraph ingest crawl.warc.gz feed.jsonl --db news.db --workers 2",
        "newsgraph ingest export.csv --db news.db --text-field content --annotators none",
        "newsgraph ingest crawl/ --dask local --workers 2 --out dataset/",
        "newsgraph ingest crawl/ --dask tcp://scheduler:8786 --out dataset/",
    )
)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--db",
    metavar="DB",
    type=click.Path(path_type=Path),
    help="The store (an SQLite file); created when absent.",
)
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Run on a Dask cluster: a scheduler's address (tcp://host:8786), or 'local' for "
    "a cluster of --workers processes on this machine. Writes a Parquet dataset to --out "
    "instead of a store (then 'newsgraph load'); needs the dask extra.",
)
@click.option(
    "--out",
    metavar="DIR",
    type=click.Path(path_type=Path),
    help="With --dask: the dataset's folder, new or empty (or the same command's, to resume).",
)
@_field_option("text", "text")
@_field_option("html", "html")
@_field_option("url", "url")
@_field_option("title", "title")
@_field_option("published", "published")
@_field_option("source", "source")
@click.option(
    "--source",
    metavar="NAME",
    help="The outlet of inputs that name none (a folder of one site's pages); "
    "default: the host of each input's URL.",
)
@click.option(
    "--progress/--no-progress", default=True, show_default=True, help="Show a live progress bar."
)
@with_options(corpus=True)
def ingest(
    paths: tuple[str, ...],
    db: Path | None,
    dask: str | None,
    out: Path | None,
    source: str | None,
    progress: bool,
    options: Options,
    **fields: Any,
) -> None:
    """Ingest folders, text/HTML files, WARC, JSON Lines, CSV or Reuters .sgm into a store.

    A PATH may be a URL (s3://bucket/crawl/, gs://..., https://...) when the fsspec
    package for its protocol is installed (s3fs, gcsfs).
    Inputs already stored are skipped, so running the same command again resumes.
    Exit 1 if any input failed; each failure is kept in the store's errors table.
    """
    from newsgraph.corpus.runner import ingest as run
    from newsgraph.read import Fields
    from newsgraph.read.remote import is_url

    fields = Fields(**{name.removesuffix("_field"): value for name, value in fields.items()})
    inputs = [p if is_url(p) else Path(p) for p in paths]
    if (dask is None) != (out is None) or (dask is None) == (db is None):
        raise click.UsageError("give --db, or --dask with --out")
    if dask is not None:
        _ingest_dask(inputs, dask, out, source, progress, options, fields)
        return
    try:
        summary = run(inputs, db, options=options, fields=fields, source=source, progress=progress)
    except NewsgraphError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted; run the same command again to resume", 130)
    c = summary.counts
    click.echo(
        f"added {c.added:,} articles, {c.duplicates:,} duplicates of stored bodies, "
        f"{c.skipped:,} inputs already stored, {c.failed:,} failed ({summary.seconds:.1f} s)",
        err=True,
    )
    for location, reason in c.errors:
        click.echo(f"  failed: {location}: {reason}", err=True)
    if c.failed > len(c.errors):
        click.echo(
            f"  ... and {c.failed - len(c.errors):,} more in the store's errors table", err=True
        )
    if summary.unknown:
        click.echo(_unknown_files(summary.unknown), err=True)
    for run_id in summary.killed:
        click.echo(f"run {run_id} had died without finishing: marked killed", err=True)
    if not summary.ok:
        sys.exit(1)


def _ingest_dask(
    paths: list[str | Path],
    address: str,
    out: Path,
    source: str | None,
    progress: bool,
    options: Options,
    fields: Any,
) -> None:
    """``ingest --dask``: the run on a cluster, into a Parquet dataset."""
    from importlib.util import find_spec

    if find_spec("distributed") is None:
        fail("--dask needs Dask: pip install 'newsgraph[dask]'", 2)
    from newsgraph.corpus.dask_runner import ingest as run

    try:
        summary = run(
            paths,
            out,
            address=address,
            options=options,
            fields=fields,
            source=source,
            progress=progress,
        )
    except NewsgraphError as exc:
        fail(str(exc))
    except OSError as exc:  # the scheduler cannot be reached, or the folder written
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted; run the same command again to resume", 130)
    c = summary.counts
    click.echo(
        f"wrote {c.articles:,} articles, {c.failed:,} failed, from {c.inputs:,} inputs in "
        f"{summary.partitions - summary.resumed:,} partitions ({summary.resumed:,} written "
        f"before) to {out} ({summary.seconds:.1f} s); 'newsgraph load {out} --db DB' stores them",
        err=True,
    )
    for location, reason in c.errors:
        click.echo(f"  failed: {location}: {reason}", err=True)
    if c.failed > len(c.errors):
        click.echo(f"  ... and {c.failed - len(c.errors):,} more in the errors table", err=True)
    if not summary.ok:
        sys.exit(1)


@app.command(
    "load",
    epilog=_examples("newsgraph load dataset/ --db news.db"),
)
@click.argument("dataset", type=click.Path(path_type=Path, exists=True), metavar="DIR")
@click.option(
    "--db",
    required=True,
    metavar="DB",
    type=click.Path(path_type=Path),
    help="The store (an SQLite file); created when absent.",
)
def load_dataset(dataset: Path, db: Path) -> None:
    """Load a dataset written by 'ingest --dask' into a store: de-duplicated and clustered
    as an ingest would; inputs already stored are skipped."""
    from newsgraph.corpus.load import load

    try:
        summary = load(dataset, db)
    except NewsgraphError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted; run the same command again to resume", 130)
    c = summary.counts
    click.echo(
        f"added {c.added:,} articles, {c.duplicates:,} duplicates of stored bodies, "
        f"{c.skipped:,} inputs already stored, {c.failed:,} failed ({summary.seconds:.1f} s)",
        err=True,
    )


def _unknown_files(files: list[Path], listed: int = 10) -> str:
    """One line for the files no reader takes: how many, and the first few by name."""
    names = ", ".join(str(f) for f in files[:listed])
    more = f" and {len(files) - listed:,} more" if len(files) > listed else ""
    noun = "file" if len(files) == 1 else "files"
    return f"skipped {len(files):,} {noun} of unknown type: {names}{more}"


@app.command(
    epilog=_examples(
        "newsgraph search 'condemn AND Hamas' --db news.db",
        "newsgraph search '\"interest rates\" NOT mortgage' --db news.db --since 2024-01-01 --json",
    )
)
@click.argument("query", metavar="QUERY")
@_store_options
@click.option("--limit", default=20, show_default=True, metavar="N", help="At most N results.")
@click.option("--all", "all_copies", is_flag=True, help="Every near-duplicate, not one per story.")
def search(
    query: str,
    db: Path,
    since: str | None,
    until: str | None,
    as_json: bool,
    limit: int,
    all_copies: bool,
) -> None:
    """Search titles and bodies (words, "phrases", AND/OR/NOT, pre*), best match first."""
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


@app.command(
    epilog=_examples(
        'newsgraph quotes --db news.db --speaker "George Deek"',
        "newsgraph quotes --db news.db --text 'ceasefire OR truce' --json",
    )
)
@_store_options
@click.option("--speaker", metavar="NAME", help="The speaker's name (any part) or entity key.")
@click.option("--text", metavar="QUERY", help="Full-text query over the quotes.")
@click.option("--limit", default=100, show_default=True, metavar="N", help="At most N quotes.")
def quotes(
    db: Path,
    since: str | None,
    until: str | None,
    as_json: bool,
    speaker: str | None,
    text: str | None,
    limit: int,
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
            f"{_quote_words(r)}  ({r['source'] or r['title'] or r['article']})"
        ),
    )


def _quote_words(row: dict) -> str:
    """A quote as a reader should see it: verbatim words in quotation marks, a paraphrase
    without them ("said the plan was dead"), a mixed quote with the marks it has."""
    if row["kind"] == "direct":
        parts = [f["text"] for f in row.get("fragments") or []] or [row["text"]]
        return "\u201c" + " \u2026 ".join(" ".join(p.split()) for p in parts) + "\u201d"
    return " ".join(row["text"].split())


@app.command(
    epilog=_examples(
        "newsgraph top speakers --db news.db --since 2024-01-01",
        "newsgraph top places --db news.db --limit 50 --json",
    )
)
@click.argument("kind", metavar="speakers|entities|places|sources")
@_store_options
@click.option("--limit", default=20, show_default=True, metavar="N", help="At most N rows.")
def top(
    kind: str, db: Path, since: str | None, until: str | None, as_json: bool, limit: int
) -> None:
    """The most frequent speakers, entities, places or sources; wire copy counts once."""
    rows = _query(db, lambda store: store.top(kind, since=since, until=until, limit=limit))
    _echo_rows(
        rows,
        as_json,
        lambda r: f"{r.get('stories', 0):7,} stories {r['articles']:7,} articles  {r['name']}",
    )


def _actor(row: dict, role: str) -> str:
    """An event's actor or recipient as words and code: 'Azerbaijani MPs (AZE/LEG)'."""
    code = "/".join(c for c in (row[f"{role}_country"], row[f"{role}_sector"]) if c)
    words = row[role] or row[f"{role}_name"] or "?"
    return f"{words} ({code})" if code else words


def _event_line(r: dict) -> str:
    kind = f"{r['type']}/{r['mode']}" if r["mode"] else r["type"]
    flags = [f for f in ("negated", "hypothetical", "future") if r[f]]
    if r["claimed_by"]:
        flags.append(f"claimed by {r['claimed_by']}")
    note = f" [{', '.join(flags)}]" if flags else ""
    return (
        f"{r['day'] or '-':10}  {kind}  {_actor(r, 'actor')} -> {_actor(r, 'recipient')}{note}"
        f"  ({r['reports']} reports; {r['source'] or r['title'] or r['article']})"
        f"\n            {' '.join(r['evidence'].split())}"
    )


def _dyad_line(r: dict) -> str:
    return (
        f"{r['period'] or '-':10}  {r['actor']} -> {r['recipient']}  {r['type']:9}"
        f" {r['events']:6,} events {r['reports']:6,} reports"
    )


def _score_line(r: dict) -> str:
    return (
        f"{r['period'] or '-':10}  {r['actor']} -> {r['recipient']}  score {r['score']:+d}"
        f" (mean {r['mean']:+.2f}, {r['events']:,} events)"
    )


def _edge_line(r: dict) -> str:
    return f"{r['source']} -> {r['target']}  {r['type']:9} {r['events']:6,} events"


@app.command(
    epilog=_examples(
        "newsgraph events --db news.db --actor AZE --recipient ISR",
        "newsgraph events --db news.db --type ACCUSE --sector LEG --include-claims --json",
        "newsgraph events --db news.db --dyads --by month --since 2023-10-01",
        "newsgraph events --db news.db --scores --actor AZE",
        "newsgraph events --db news.db --graph --json",
    )
)
@_store_options(dated="events that happened")
@click.option("--actor", metavar="WHO", help="A country code (AZE), an entity key or a name.")
@click.option("--recipient", metavar="WHO", help="Who is acted on, like --actor.")
@click.option("--type", "type_", metavar="TYPE", help="A PLOVER event type (ACCUSE, ASSAULT, ...).")
@click.option("--sector", metavar="CODE", help="The actor's sector (GOV, MIL, LEG, REB, ...).")
@click.option(
    "--include-claims", is_flag=True, help="Also events reported inside someone's statement."
)
@click.option(
    "--include-unrealised", is_flag=True, help="Also negated, hypothetical and future events."
)
@click.option("--dyads", is_flag=True, help="Events per actor -> recipient, type and period.")
@click.option(
    "--scores", is_flag=True, help="Cooperation/conflict score per dyad and period (PLOVER quads)."
)
@click.option("--graph", is_flag=True, help="The actor graph: edges by event type with counts.")
@click.option(
    "--by",
    default="month",
    show_default=True,
    metavar="day|month|year|all",
    help="The period of --dyads and --scores.",
)
@click.option("--all", "all_reports", is_flag=True, help="Every report, not one row per event.")
@click.option("--limit", default=100, show_default=True, metavar="N", help="At most N events.")
def events(
    db: Path,
    since: str | None,
    until: str | None,
    as_json: bool,
    type_: str | None,
    dyads: bool,
    scores: bool,
    graph: bool,
    by: str,
    all_reports: bool,
    limit: int,
    **who: Any,
) -> None:
    """Who did what to whom: PLOVER events with their evidence, newest first; an event
    reported by many articles counts once.

    By default only what happened: no negated, hypothetical or future events, and no
    claims (events reported inside someone's statement).
    """
    if dyads + scores + graph > 1:
        raise click.UsageError("choose one of --dyads, --scores and --graph")
    filters = {"since": since, "until": until, "type": type_, **who}
    if graph:
        rows = _query(db, lambda store: store.actor_graph(**filters).edges)
        line = _edge_line
    elif scores:
        rows = _query(db, lambda store: store.scores(by=by, **filters))
        line = _score_line
    elif dyads:
        rows = _query(db, lambda store: store.dyads(by=by, **filters))
        line = _dyad_line
    else:
        rows = _query(
            db, lambda store: store.events(**filters, collapse=not all_reports, limit=limit)
        )
        line = _event_line
    _echo_rows(rows, as_json, line)


@app.command(
    epilog=_examples(
        "newsgraph serve --db news.db",
        "newsgraph serve --db news.db --host 0.0.0.0 --port 8080",
    )
)
@click.option(
    "--db", required=True, metavar="DB", type=click.Path(path_type=Path), help="The store."
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    metavar="ADDRESS",
    help="The address to listen on; 0.0.0.0 opens it to the network.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    metavar="PORT",
    help="The port to listen on.",
)
def serve(db: Path, host: str, port: int) -> None:
    """Serve a store read-only: HTML pages to browse and search it, a JSON API under /api
    and its OpenAPI description at /docs (docs/web.md). Ctrl-C stops."""
    import uvicorn

    from newsgraph.web.app import create_app

    try:
        web = create_app(db)
    except NewsgraphError as exc:
        fail(str(exc))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serving {db} read-only at http://{shown}:{port}/ (API docs: /docs)", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning")


@app.command(
    epilog=_examples(
        "newsgraph export --db news.db --format parquet --out dataset/",
        "newsgraph export --db news.db --format gkg --out gkg/",
        "newsgraph export --db news.db --format gdelt-events --out events/",
    )
)
@click.option(
    "--db", required=True, metavar="DB", type=click.Path(path_type=Path), help="The store."
)
@click.option(
    "--format",
    "format_",
    required=True,
    metavar="FORMAT",
    help="jsonl, parquet, csv, gkg, events-jsonl, gdelt-events, or a format an installed "
    "package adds.",
)
@click.option(
    "--out",
    required=True,
    metavar="DIR",
    type=click.Path(path_type=Path),
    help="Folder to write the files to.",
)
def export(db: Path, format_: str, out: Path) -> None:
    """Write the store's contents to files: JSON Lines, Parquet, CSV, GDELT GKG 2.1 or GDELT
    2.0 events."""
    from newsgraph.corpus.export import export as run

    try:
        counts = run(db, out, format_)
    except NewsgraphError as exc:
        fail(str(exc))
    except OSError as exc:  # the store is read through SQLite: this is the output side
        fail(f"cannot write to {exc.filename or out}: {exc.strerror or exc}")
    for kind, n in counts.items():
        click.echo(f"{kind}: {n:,} rows", err=True)


if __name__ == "__main__":
    app()
