"""Ingest: documents -> articles in the store, idempotent and resumable.

Two halves. ``process_batch`` runs in a worker (or in-process): it only
schedules the pipeline's two steps, ``prepare`` for each Item and one
``annotate_many`` for the batch, then adds near-duplicate signatures, and
returns picklable ``Outcome`` objects. ``Writer`` runs in the parent, the
store's one writer: each batch of outcomes is one transaction holding the
articles, their parts, their clusters and the content hashes of the inputs
they came from. A run killed at any moment (kill -9) therefore leaves whole
batches only, and a restart skips exactly the inputs whose hashes are stored.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsgraph import pipeline
from newsgraph.corpus import dedup, event_dedup
from newsgraph.errors import Failure, NewsgraphError, failure
from newsgraph.options import Options
from newsgraph.read import Item
from newsgraph.record import Article
from newsgraph.store import writes
from newsgraph.store.db import transaction


@dataclass
class Outcome:
    """What processing one Item gave: an article with its signature, or why it failed."""

    location: str
    hash: str
    url: str | None = None
    article: Article | None = None
    source: str | None = None
    agency: str | None = None
    minhash: bytes | None = None
    error: Failure | None = None


def host(url: str | None) -> str | None:
    """The URL's host without 'www.', as the outlet name when the input gives none."""
    if not url:
        return None
    name = urlsplit(url).hostname or ""
    return name.removeprefix("www.") or None


def _prepare(item: Item, options: Options) -> Outcome:
    """Read, clean and assemble one item, without annotating it yet."""
    out = Outcome(location=item.location, hash=item.hash, url=item.url, source=item.source)
    if item.error:
        out.error = Failure(*item.error, stage="read")
        return out
    try:
        raw = pipeline.read(
            item.data or "",
            Options.merge(options, format=item.format),
            url=item.url,
            title=item.title,
            published=item.published,
            source=item.source,
        )
        raw.clean = item.clean
        out.article = pipeline.prepare(raw, options)
    except NewsgraphError as exc:
        out.error = failure(exc)
    return out


def _signature(out: Outcome) -> None:
    """The near-duplicate signature and the credited agency of an outcome's article."""
    try:
        with pipeline.stage("signature"):
            out.agency = dedup.credited_agency(out.article)
            out.minhash = dedup.signature(out.article.body)
    except NewsgraphError as exc:
        out.error, out.article = failure(exc), None


def process_batch(items: list[Item], options: Options) -> list[Outcome]:
    """Prepare each item, annotate the batch with one parse, sign what succeeded."""
    outcomes = [_prepare(item, options) for item in items]
    ready = [o for o in outcomes if o.article is not None]

    def failed(index: int, exc: NewsgraphError) -> None:
        ready[index].error, ready[index].article = failure(exc), None

    pipeline.annotate_many([o.article for o in ready], options, on_error=failed)
    for o in outcomes:
        if o.article is not None:
            o.url = o.article.url
            _signature(o)
    return outcomes


@dataclass
class Counts:
    """What a run did, for its summary."""

    added: int = 0  # new articles
    duplicates: int = 0  # inputs whose body (or whole content) was already stored
    skipped: int = 0  # inputs already seen in an earlier run (same content hash)
    failed: int = 0  # inputs that could not be processed
    errors: list[tuple[str, str]] = field(default_factory=list)  # the first few (location, reason)


class Writer:
    """The store's one writer for a run: one transaction per batch of outcomes."""

    MAX_LISTED_ERRORS = 20

    def __init__(self, conn: sqlite3.Connection, run_id: int, source: str | None = None) -> None:
        self.conn = conn
        self.run_id = run_id
        self.source = source  # the outlet of inputs that name none (else the URL's host)
        self.counts = Counts()

    def known(self, item: Item) -> bool:
        """True when the item's content hash is stored; counts it as skipped."""
        if writes.seen(self.conn, item.hash, location=item.location, run_id=self.run_id):
            self.counts.skipped += 1
            return True
        return False

    def write(self, outcomes: list[Outcome]) -> None:
        with transaction(self.conn) as conn:
            for out in outcomes:
                self._write_one(conn, out)

    def _write_one(self, conn: sqlite3.Connection, out: Outcome) -> None:
        if out.error is not None or out.article is None:
            kind, reason, stage = out.error or ("InputError", "no article", None)
            if writes.insert_error(
                conn, out.hash, out.location, kind, reason, self.run_id, stage=stage
            ):
                self.counts.failed += 1
                if len(self.counts.errors) < self.MAX_LISTED_ERRORS:
                    self.counts.errors.append((out.location, reason))
            return
        out.source = out.source or self.source or host(out.url)
        pk = writes.insert_article(
            conn,
            out.article,
            run_id=self.run_id,
            source=out.source,
            agency=out.agency,
            minhash=out.minhash,
            location=out.location,
        )
        writes.record_input(conn, out.hash, out.location, out.url, out.article.id, self.run_id)
        if pk is None:  # its body is stored: from another input, or the same one twice
            self.counts.duplicates += 1
            return
        self.counts.added += 1
        dedup.place(conn, pk, out.minhash, out.source, out.agency)
        event_dedup.place(conn, pk)
