"""Runners: schedule ``ingest.process_batch`` in this process or in a process pool.

Either way the parent is the store's one writer and the inputs are streamed:
at most ``2 * workers`` batches are in flight, results come back in input
order (so two runs over the same inputs give the same store), and nothing
per document is kept once its batch is written.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.corpus.ingest import Counts, Outcome, Writer, process_batch
from newsgraph.corpus.parent_death import die_with_parent
from newsgraph.corpus.progress import BytesRead, IngestProgress, total_bytes
from newsgraph.extract import plan, resolved_settings
from newsgraph.options import Options
from newsgraph.read import Fields, Item, input_files, iter_items
from newsgraph.store import writes
from newsgraph.store.db import WriterLock, connect

# A worker is replaced after this many batches, so no per-process growth (spaCy's
# string store, caches) accumulates over a long run. (This makes the pool spawn
# its workers rather than fork them: each imports newsgraph afresh.)
MAX_BATCHES_PER_WORKER = 200


@dataclass
class RunSummary:
    """The outcome of one ingest run."""

    run_id: int
    counts: Counts
    seconds: float
    status: str
    unknown: list[Path] = field(default_factory=list)  # files in folders no reader takes
    killed: list[int] = field(default_factory=list)  # earlier runs found dead

    @property
    def ok(self) -> bool:
        return self.counts.failed == 0 and self.status == "done"


def _batches(items: Iterable[Item], writer: Writer, size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        if writer.known(item):
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _worker_init(parent: int, options: Options, parses: bool) -> None:
    """Tie the worker's life to the run's, then load the spaCy pipeline and the annotators'
    resources once, before the first batch (if it will parse)."""
    die_with_parent(parent)
    from newsgraph.pipeline import warm_up

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if parses:
        warm_up(options)


def _pooled(
    batches: Iterator[list[Item]], options: Options, workers: int, parses: bool
) -> Iterator[list[Outcome]]:
    with ProcessPoolExecutor(
        workers,
        initializer=_worker_init,
        initargs=(os.getpid(), options, parses),
        max_tasks_per_child=MAX_BATCHES_PER_WORKER,
    ) as pool:
        pending: deque[Future] = deque()
        for batch in batches:
            pending.append(pool.submit(process_batch, batch, options))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _sequential(batches: Iterator[list[Item]], options: Options) -> Iterator[list[Outcome]]:
    for batch in batches:
        yield process_batch(batch, options)


def run_record(options: Options) -> dict:
    """How a run was made, as the store keeps it: the options, the date taken as
    today, and every annotator that runs with its resolved settings."""
    steps = plan(options.annotators)
    settings = resolved_settings(steps, options.settings)
    record = options.model_dump(mode="json")
    record["today"] = options.resolved_today().isoformat()
    record["annotators"] = [s.name for s in steps]
    record["settings"] = {
        name: value.model_dump(mode="json") if value is not None else None
        for name, value in settings.items()
    }
    return record


def ingest(
    paths: list[str | Path],
    db: str | Path,
    *,
    options: Options | None = None,
    fields: Fields | None = None,
    workers: int | None = None,
    batch_size: int | None = None,
    source: str | None = None,
    progress: bool = False,
) -> RunSummary:
    """Ingest every document under ``paths`` into the store at ``db``.

    Args:
        paths: folders, files, WARC, JSON Lines, CSV or Reuters SGML files.
        db: the store's path; created when absent.
        options: extraction options for every document, and the run's workers and
            batch size.
        fields: which JSON Lines keys / CSV columns hold text, html, url, ...
        workers, batch_size: override the options' values (``Options.merge``).
        source: the outlet of inputs that do not name one (a folder of one site's
            pages); by default the host of the input's URL.
        progress: show a live progress bar on stderr.

    Returns:
        A ``RunSummary``: counts of added, duplicate, skipped and failed inputs.

    Example:
        >>> summary = ingest(["articles/", "feed.jsonl"], "news.db", workers=2)
        >>> summary.counts.added
    """
    # The date is fixed once, so every document of the run sees the same today.
    options = Options.merge(options, workers=workers, batch_size=batch_size)
    options = Options.merge(options, today=options.resolved_today())
    made = run_record(options)  # bad annotators or settings fail here, before any work
    parses = bool(made["annotators"])
    workers = options.workers or os.cpu_count() or 1
    start = time.perf_counter()
    unknown: list[Path] = []
    read = BytesRead()
    with WriterLock(db) as lock:
        conn = connect(db, write=True)
        killed = writes.mark_killed(conn) if lock.exclusive else []
        run_id = writes.start_run(conn, [str(p) for p in paths], made)
        writer = Writer(conn, run_id, source)
        status = "interrupted"
        try:
            items = read.track(
                iter_items(
                    paths,
                    fields or Fields(),
                    options.max_bytes,
                    skipped=unknown,
                    opened=read.opened,
                )
            )
            batches = _batches(items, writer, options.batch_size)
            results = (
                _sequential(batches, options)
                if workers == 1
                else _pooled(batches, options, workers, parses)
            )
            total = total_bytes(input_files(paths)) if progress else 0
            with IngestProgress(enabled=progress, total=total, loading=parses) as bar:
                done = 0

                def show() -> None:
                    c = writer.counts
                    bar.update(read=read.done, docs=done, failed=c.failed, skipped=c.skipped)

                for outcomes in results:
                    writer.write(outcomes)
                    _save_counts(conn, writer)
                    done += len(outcomes)
                    show()
                read.finished()
                show()
            status = "done"
        finally:
            c = writer.counts
            writes.finish_run(
                conn,
                run_id,
                added=c.added,
                skipped=c.skipped + c.duplicates,
                failed=c.failed,
                status=status,
            )
            conn.close()
    return RunSummary(run_id, writer.counts, time.perf_counter() - start, status, unknown, killed)


def _save_counts(conn: sqlite3.Connection, writer: Writer) -> None:
    c = writer.counts
    writes.save_counts(
        conn, writer.run_id, added=c.added, skipped=c.skipped + c.duplicates, failed=c.failed
    )
