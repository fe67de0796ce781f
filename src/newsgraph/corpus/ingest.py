"""Ingest: documents -> articles in the store, idempotent and resumable.

Two halves. ``process_batch`` runs in a worker (or in-process): it reads,
cleans and annotates a batch of Items, parsing all their bodies with one
``nlp.pipe`` call, and returns picklable ``Outcome`` objects. ``Writer`` runs
in the parent, the store's one writer: each batch of outcomes is one
transaction holding the articles, their parts, their clusters and the
content hashes of the inputs they came from. A run killed at any moment
(kill -9) therefore leaves whole batches only, and a restart skips exactly
the inputs whose hashes are stored.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsgraph import nlp as nlp_mod
from newsgraph.corpus import dedup
from newsgraph.corpus.sources import Item
from newsgraph.errors import AnnotatorError, NewsgraphError
from newsgraph.extract import plan
from newsgraph.options import Options
from newsgraph.pipeline import annotatable, annotate, extract
from newsgraph.read.document import RawDocument, read_bytes, read_text
from newsgraph.record import Article
from newsgraph.store import writes
from newsgraph.store.db import transaction


@dataclass
class Outcome:
    """What processing one Item gave: an article with its signature, or an error."""

    location: str
    hash: str
    url: str | None = None
    article: Article | None = None
    source: str | None = None
    agency: str | None = None
    minhash: bytes | None = None
    error: tuple[str, str] | None = None


def _raw(item: Item, options: Options) -> RawDocument:
    meta = {
        "url": item.url,
        "title": item.title,
        "published": item.published,
        "source": item.source,
    }
    fmt = item.format if item.format in ("text", "html") else options.format
    if isinstance(item.data, bytes):
        return read_bytes(item.data, fmt, max_bytes=options.max_bytes, **meta)
    return read_text(item.data or "", fmt, max_bytes=options.max_bytes, **meta)


def host(url: str | None) -> str | None:
    """The URL's host without 'www.', as the outlet name when the input gives none."""
    if not url:
        return None
    name = urlsplit(url).hostname or ""
    return name.removeprefix("www.") or None


def _prepare(item: Item, options: Options) -> Outcome:
    """Read and clean one item, without annotating it yet."""
    out = Outcome(location=item.location, hash=item.hash, url=item.url)
    if item.error:
        out.error = item.error
        return out
    try:
        raw = _raw(item, options)
        clean = options.clean if item.clean is None else item.clean and options.clean
        article = extract(
            raw,
            url=item.url,
            published=item.published,
            clean=clean,
            options=options.model_copy(update={"annotators": ()}),
        )
    except NewsgraphError as exc:
        out.error = (type(exc).__name__, str(exc))
        return out
    except Exception as exc:  # a bug in a stage must cost one document, not the run
        out.error = (type(exc).__name__, f"extraction failed: {exc}")
        return out
    if not article.body.strip():
        out.error = ("EmptyInputError", "no article text left after cleaning")
        return out
    out.article = article
    out.url = article.url
    out.source = item.source or host(article.url)
    return out


def process_batch(items: list[Item], options: Options) -> list[Outcome]:
    """Read, clean and annotate a batch; bodies are parsed together with nlp.pipe."""
    outcomes = [_prepare(item, options) for item in items]
    todo = [o for o in outcomes if o.article is not None and annotatable(o.article)]
    if todo and plan(options.annotators):
        nlp = nlp_mod.load(options.model)
        for o, doc in zip(
            todo, nlp_mod.parse_many([o.article.body for o in todo], nlp), strict=True
        ):
            try:
                annotate(o.article, options, doc=doc)
            except AnnotatorError as exc:  # an annotator bug costs one document
                o.error = (type(exc).__name__, str(exc))
                o.article = None
    for o in outcomes:
        if o.article is not None:
            try:
                o.agency = dedup.credited_agency(o.article)
                o.minhash = dedup.signature(o.article.body)
            except Exception as exc:  # a bug here too costs one document, not the run
                o.error = (type(exc).__name__, f"near-duplicate signature failed: {exc}")
                o.article = None
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

    def __init__(self, conn: sqlite3.Connection, run_id: int) -> None:
        self.conn = conn
        self.run_id = run_id
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
            kind, reason = out.error or ("InputError", "no article")
            if writes.insert_error(conn, out.hash, out.location, kind, reason, self.run_id):
                self.counts.failed += 1
                if len(self.counts.errors) < self.MAX_LISTED_ERRORS:
                    self.counts.errors.append((out.location, reason))
            return
        pk = writes.insert_article(
            conn,
            out.article,
            run_id=self.run_id,
            source=out.source,
            agency=out.agency,
            minhash=out.minhash,
        )
        writes.record_input(conn, out.hash, out.location, out.url, out.article.id, self.run_id)
        if pk is None:  # its body is stored: from another input, or the same one twice
            self.counts.duplicates += 1
            return
        self.counts.added += 1
        dedup.place(conn, pk, out.minhash, out.source, out.agency)
