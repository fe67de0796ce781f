"""Load a Parquet dataset (``dask_runner``) into the embedded store.

Each input row of the dataset goes through the store's one writer
(``ingest.Writer``) in the dataset's order, exactly as a one-process run
writes its outcomes: an input whose content is stored is skipped, a body
already stored is a duplicate, every other article is inserted and placed
in its near-duplicate cluster with the signature the worker computed. So the
store holds the records a one-process run over the same inputs gives, and
``top`` counts stories whatever the partitioning was.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq

from newsgraph.corpus import dataset
from newsgraph.corpus.ingest import Outcome, Writer
from newsgraph.corpus.runner import RunSummary
from newsgraph.errors import Failure, NewsgraphError
from newsgraph.read import Item
from newsgraph.store import mapping, writes
from newsgraph.store.db import WriterLock, connect
from newsgraph.store.tables import TABLES

# Outcomes per transaction.
CHUNK = 256


def _rows(root: Path, table: str, name: str) -> list[dict]:
    return pq.read_table(dataset.part_file(root, table, name)).to_pylist()


def outcomes(root: Path, name: str) -> Iterator[Outcome]:
    """The outcomes of one partition, in input order, as a worker made them."""
    articles = {r["pk"]: r for r in _rows(root, "articles", name)}
    errors = {r["hash"]: r for r in _rows(root, "errors", name)}
    parts: dict[str, dict[int, list[dict]]] = {}
    for table in dataset.PART_TABLES:
        parts[table] = defaultdict(list)
        for r in _rows(root, table, name):
            parts[table][r["article"]].append(dataset.stored_row(TABLES[table], r))
    for r in _rows(root, "inputs", name):
        out = Outcome(location=r["location"], hash=r["hash"], url=r["url"])
        if r["article"] is None:
            e = errors[r["hash"]]
            out.error = Failure(e["kind"], e["reason"], e["stage"])
            yield out
            continue
        row = articles[r["article"]]
        out.article = mapping.article(
            dataset.stored_row(TABLES["articles"], row),
            {table: parts[table][row["pk"]] for table in dataset.PART_TABLES},
        )
        out.source, out.agency, out.minhash = row["source"], row["agency"], row["minhash"]
        yield out


def _run_options(root: Path) -> dict:
    runs = dataset.part_file(root, "runs", "part-00000")
    if not runs.exists():
        raise NewsgraphError(f"{root} is not a finished newsgraph dataset (no runs table)")
    return json.loads(pq.read_table(runs).to_pylist()[0]["options"])


def load(root: str | Path, db: str | Path) -> RunSummary:
    """Write the dataset at ``root`` into the store at ``db`` (created when absent).

    Loading the same dataset again adds nothing: its inputs are stored.

    Example:
        >>> load("parquet-dir/", "news.db").counts.added
    """
    root = Path(root)
    made = _run_options(root)
    start = time.perf_counter()
    with WriterLock(db) as lock:
        conn = connect(db, write=True)
        killed = writes.mark_killed(conn) if lock.exclusive else []
        run_id = writes.start_run(conn, [str(root)], made)
        writer = Writer(conn, run_id)
        status = "interrupted"
        try:
            for name in dataset.partition_names(root):
                _load_partition(writer, outcomes(root, name))
                c = writer.counts
                writes.save_counts(
                    conn, run_id, added=c.added, skipped=c.skipped + c.duplicates, failed=c.failed
                )
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
    return RunSummary(run_id, writer.counts, time.perf_counter() - start, status, killed=killed)


def _load_partition(writer: Writer, found: Iterator[Outcome]) -> None:
    """Write outcomes a chunk per transaction; an input whose content is stored is skipped.

    A chunk is written before an input of the same content as one of its own is
    looked up, so that it is seen as stored, as in a one-process run.
    """
    chunk: list[Outcome] = []
    hashes: set[str] = set()
    for out in found:
        if out.hash in hashes or len(chunk) >= CHUNK:
            writer.write(chunk)
            chunk, hashes = [], set()
        if writer.known(Item(location=out.location, hash=out.hash)):
            continue
        chunk.append(out)
        hashes.add(out.hash)
    if chunk:
        writer.write(chunk)
