"""What the pages and the API read: functions over a ``Reader`` (one store, read-only).

Every function takes the ``Reader`` first (``request.app.state.reader`` in a route) and
returns plain dicts, lists and ``Page``s, JSON-ready: ``Page.to_dict()`` is
``{"total", "limit", "offset", "items"}``. Listings take ``limit`` (1 to ``MAX_LIMIT``)
and ``offset`` (0 or more); ``page_bounds`` checks them. Filters of articles, search,
quotes and places are a ``Filters`` (dates, source, speaker, entity, place, event type).

Errors: ``NotFoundError`` for an id the store does not hold (an HTTP 404),
``QueryError`` for anything else malformed: a bad date, an unknown event type, a
malformed FTS5 query, a limit out of bounds (an HTTP 400 or 422). Both carry a one-line
message meant for the user.

Search snippets (``search``) mark each hit between ``browse.MARK_START`` and
``browse.MARK_END``: escape the text, then turn the two marks into ``<mark>`` and
``</mark>`` (``title_marked`` of an article hit is its title marked the same way).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsgraph.errors import QueryError
from newsgraph.options import Options
from newsgraph.pipeline import extract as extract_article
from newsgraph.record import Article
from newsgraph.store.browse import Filters, Page
from newsgraph.store.query import Store
from newsgraph.store.rows import Rows

MAX_LIMIT = 200  # the most rows one page of any listing holds
DEFAULT_LIMIT = 20
KEPT = 16  # overviews kept at once (one per date window asked for)
# One extraction at a time: the spaCy pipeline is one object, not made to be shared
# by threads (and extraction is CPU work that would only queue for the GIL anyway).
_EXTRACTING = threading.Lock()


class Reader:
    """The store at ``path``, opened once per thread (SQLite connections are not shared).

    The overview, the one costly page, is kept until the store changes (a new article
    or a new run), so an ingest writing to the store shows in it at once.
    """

    def __init__(self, path: Path, *, read_only: bool = True) -> None:
        if not read_only:
            raise ValueError("the web app only reads its store")
        self.path = path
        self._local = threading.local()
        self._making = threading.Lock()
        self._kept: dict[tuple, Any] = {}

    @property
    def store(self) -> Store:
        """This thread's ``Store``."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path)
        return store

    def state(self) -> tuple[int, int]:
        """What changes when anything is written: the last article's pk and the last run."""
        row = self.store.conn.execute(
            "SELECT (SELECT max(pk) FROM articles), (SELECT max(id) FROM runs)"
        ).fetchone()
        return (row[0] or 0, row[1] or 0)

    def kept(self, key: tuple, make: Callable[[], Any]) -> Any:
        """``make()``, kept under ``key`` until the store changes (at most ``KEPT`` values).
        One value is made at a time: a caller that comes while it is being made waits
        for it rather than making it again."""
        key = (*key, self.state())
        with self._making:
            if key in self._kept:
                return self._kept[key]
            value = make()
            fresh = {k: v for k, v in self._kept.items() if k[-1] == key[-1]}
            self._kept = dict(list(fresh.items())[-(KEPT - 1) :]) | {key: value}
            return value


def page_bounds(limit: int, offset: int) -> None:
    """Check a page's bounds: ``limit`` 1 to ``MAX_LIMIT``, ``offset`` 0 or more.

    Raises:
        QueryError: a bound out of range, with what is allowed.
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise QueryError(f"offset must be 0 or more, not {offset}")


def articles(
    reader: Reader, filters: Filters, *, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Page:
    """Articles newest first. Items: id, title, published, source, url, cluster,
    syndicated, agency, duplicates (other members of its near-duplicate cluster), lead
    (the body's first 300 characters)."""
    page_bounds(limit, offset)
    return reader.store.article_page(filters, limit=limit, offset=offset)


def article(reader: Reader, article_id: str) -> dict[str, Any]:
    """One article's full record (the JSON of ``newsgraph extract``, docs/record.md).

    Raises:
        NotFoundError: no article has that id.
    """
    return reader.store.article(article_id).to_dict()


def copies(reader: Reader, article_id: str) -> dict[str, Any]:
    """An article's near-duplicate cluster: ``cluster``, ``agency`` (the wire agency of
    the story, if known), ``near_duplicates`` (the other members, oldest first, items as in
    ``articles``) and ``wire_copies`` (those of them flagged syndicated).

    Raises:
        NotFoundError: no article has that id.
    """
    return reader.store.copies(article_id).to_dict()


def search(
    reader: Reader,
    query: str,
    filters: Filters,
    *,
    kind: str = "articles",
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Page:
    """Articles or quotes (``kind``) matching an FTS5 query (words, "phrases", AND/OR/NOT,
    prefix*), best first. Article items: those of ``articles`` without ``lead``, plus
    ``title_marked``, ``snippet`` (hits marked) and ``score``. Quote items: those of
    ``quotes`` plus ``snippet`` (the quote, hits marked) and ``score``.

    Raises:
        QueryError: an empty or malformed query, an unknown kind.
    """
    page_bounds(limit, offset)
    return reader.store.find(query, filters, kind=kind, limit=limit, offset=offset)


def quotes(
    reader: Reader, filters: Filters, *, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Page:
    """Quotes newest first. Items: id, text, kind, speaker (the entity's name when the
    speaker resolved to one), speaker_key, role, cue, venue, start, end (offsets in the
    body), article (its id), title, published, source, url."""
    page_bounds(limit, offset)
    return reader.store.quote_page(filters, limit=limit, offset=offset)


def actors(
    reader: Reader,
    *,
    name: str | None = None,
    type: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Page:
    """Actors (entities) by the number of articles naming them. Items: key, name, type,
    country, articles, quotes. ``name``: any part of a name; ``type``: PERSON, ORG, GPE ..."""
    page_bounds(limit, offset)
    return reader.store.actor_page(name=name, type=type, limit=limit, offset=offset)


def actor(reader: Reader, key: str) -> dict[str, Any]:
    """One actor's profile (``newsgraph.store.profile.actor``): ``actor``, ``quotes_by_month``,
    ``quoted_by``, ``quoted_with``, ``events_by_month``, ``places``.

    Raises:
        NotFoundError: no entity has that key.
    """
    return reader.store.actor(key)


def places(
    reader: Reader, filters: Filters, *, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Page:
    """Places by stories. Items: name, country, lat, lon, geonameid, feature, articles,
    stories."""
    page_bounds(limit, offset)
    return reader.store.place_page(filters, limit=limit, offset=offset)


def events(
    reader: Reader,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Page:
    """Events newest first, one row per event (``Store.events``): who did what to whom,
    with the evidence sentence and the article. ``actor``/``recipient``: a country code in
    capitals, an entity key or part of a name; ``type``: a PLOVER type."""
    page_bounds(limit, offset)
    filters = {
        "actor": actor,
        "recipient": recipient,
        "type": type,
        "since": since,
        "until": until,
    }
    store = reader.store
    rows = store.events(**filters, limit=limit, offset=offset)
    return Page(rows, store.count_events(**filters), limit, offset)


def dyads(
    reader: Reader,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    by: str = "month",
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Page:
    """Actor -> recipient code pairs per period (``by``: day, month, year, all) with events
    per quad category (verbal/material cooperation/conflict), ``score`` (cooperation +,
    conflict -) and ``mean`` (score per event), by period then pair."""
    page_bounds(limit, offset)
    rows = reader.store.scores(
        by=by, actor=actor, recipient=recipient, type=type, since=since, until=until
    )
    return Page(Rows(rows[offset : offset + limit]), len(rows), limit, offset)


def graph(
    reader: Reader,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
) -> dict[str, Rows]:
    """The network of the ``limit`` most quoted actors: ``nodes`` (id, name, type, quotes)
    and ``edges`` (source, target, kind ``quoted`` weighted by stories quoting both, or
    ``event`` weighted by events the source did to the target)."""
    page_bounds(limit, 0)
    return reader.store.network(since=since, until=until, limit=limit)


def overview(
    reader: Reader, *, since: str | None = None, until: str | None = None
) -> dict[str, Any]:
    """The corpus at a glance (``Store.overview``): ``counts`` (rows per table),
    ``months``, ``speakers``, ``places``, ``network``, ``dyads``. Kept until the store
    changes."""

    def make() -> dict[str, Any]:
        store = reader.store
        return {"counts": store.count(), **store.overview(since=since, until=until)}

    return reader.kept(("overview", since, until), make)


def extract(
    source: str | bytes,
    *,
    url: str | None = None,
    published: str | None = None,
    clean: bool = True,
    format: str | None = None,
    max_bytes: int,
) -> Article:
    """Extract one posted article, one call at a time across threads; nothing is fetched
    (``url`` is a label) and nothing is stored.

    Raises:
        NewsgraphError: the input holds no article (empty, binary, over ``max_bytes``, ...).
    """
    with _EXTRACTING:
        return extract_article(
            source,
            url=url,
            published=published,
            clean=clean,
            format=format,
            options=Options(max_bytes=max_bytes),
        )
