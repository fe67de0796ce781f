"""The one query module: the CLI, the Python API and the web app all read the store through it.

Every query returns ``Rows`` (a list of plain dicts, JSON-ready) that turn
into a pandas DataFrame with ``.frame()``; ``article()`` and ``articles()``
return full ``Article`` records. Counts come in two kinds: ``articles``
(every stored article) and ``stories`` (distinct near-duplicate clusters),
so republished wire copy does not inflate a ranking.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import NotFoundError, QueryError
from newsgraph.record import Article
from newsgraph.store import browse, mapping, profile
from newsgraph.store import events as event_queries
from newsgraph.store.browse import NO_FILTERS, Copies, Filters, Page
from newsgraph.store.db import connect
from newsgraph.store.rows import Rows, period
from newsgraph.store.tables import TABLES

TOP_KINDS = ("speakers", "entities", "places", "sources")


def _fts_error(query: str, exc: sqlite3.OperationalError) -> QueryError:
    return QueryError(f"malformed search query {query!r}: {exc}")


def _busiest_pairs(scores: Rows, limit: int) -> Rows:
    """The rows of ``scores`` of the ``limit`` actor -> recipient pairs with the most events."""
    events: dict[tuple, int] = {}
    for row in scores:
        pair = (row["actor"], row["recipient"])
        events[pair] = events.get(pair, 0) + row["events"]
    kept = set(sorted(events, key=lambda p: (-events[p], p))[:limit])
    return Rows(r for r in scores if (r["actor"], r["recipient"]) in kept)


class Store:
    """A store opened for reading. Use ``newsgraph.store.open(path)``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.conn = connect(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: list | tuple = ()) -> Rows:
        return Rows(dict(r) for r in self.conn.execute(sql, params))

    # -- full text -------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        since: str | None = None,
        until: str | None = None,
        collapse: bool = True,
    ) -> Rows:
        """Articles matching an FTS5 query over titles and bodies, best first, with snippets.

        Args:
            query: FTS5 syntax: words, "phrases", AND / OR / NOT, prefix*, NEAR(a b).
            limit: at most this many rows.
            since, until: publication dates (inclusive), ISO 8601.
            collapse: one row per near-duplicate cluster (the best-ranked member).

        Returns:
            Rows with pk, id, title, published, source, url, cluster, syndicated,
            duplicates (other cluster members, when collapsed), score, snippet.
        """
        if not query.strip():
            raise QueryError("empty search query")
        where, params = period(since, until)
        try:
            hits = self.conn.execute(
                f"""SELECT a.pk, a.cluster_id, articles_fts.rank AS score
                    FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
                    WHERE articles_fts MATCH ?{where}
                    ORDER BY articles_fts.rank LIMIT ?""",
                [query, *params, limit * 4 if collapse else limit],
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise _fts_error(query, exc) from None
        chosen, seen, extra = [], set(), {}
        for pk, cluster, score in hits:
            if collapse and cluster in seen:
                extra[cluster] = extra.get(cluster, 0) + 1
                continue
            seen.add(cluster)
            chosen.append((pk, cluster, score))
        chosen = chosen[:limit]
        if not chosen:
            return Rows()
        marks = ",".join("?" * len(chosen))
        details = {
            r["pk"]: r
            for r in self.conn.execute(
                f"""SELECT a.pk, a.id, a.title, a.published, a.source, a.url, a.syndicated,
                       snippet(articles_fts, -1, '[', ']', '…', 20) AS snippet
                    FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
                    WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({marks})""",
                [query, *(c[0] for c in chosen)],
            )
        }
        out = Rows()
        for pk, cluster, score in chosen:
            d = dict(details[pk])
            d.update(cluster=cluster, syndicated=bool(d["syndicated"]), score=round(-score, 4))
            if collapse:
                d["duplicates"] = extra.get(cluster, 0)
            out.append(d)
        return out

    def quotes(
        self,
        *,
        speaker: str | None = None,
        text: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 100,
    ) -> Rows:
        """Quotes, optionally of one speaker (name, any case, or entity key) and matching an
        FTS5 query over quote texts; newest first."""
        where, params = period(since, until)
        join = ""
        if text:
            join = "JOIN quotes_fts ON quotes_fts.rowid = q.id"
            where += " AND quotes_fts MATCH ?"
            params.append(text)
        if speaker:
            where += """ AND (q.speaker_key = ? OR instr(lower(e.name), lower(?)) > 0
                         OR instr(lower(q.speaker), lower(?)) > 0)"""
            params += [speaker, speaker, speaker]
        sql = f"""SELECT q.text, q.kind, q.fragments, coalesce(e.name, q.speaker) AS speaker,
                      q.speaker_key, q.role, q.cue, q.venue, q.start, q."end", a.id AS article,
                      a.title,
                      a.published, a.source, a.url, a.cluster_id AS cluster
                  FROM quotes q JOIN articles a ON a.pk = q.article
                  LEFT JOIN entities e ON e.key = q.speaker_key {join}
                  WHERE 1{where}
                  ORDER BY a.published DESC, a.pk, q.n"""
        if limit:
            sql += f" LIMIT {int(limit)}"
        try:
            rows = self._rows(sql, params)
        except sqlite3.OperationalError as exc:
            raise _fts_error(text or "", exc) from None
        for row in rows:
            row["fragments"] = json.loads(row["fragments"])
        return rows

    def top(
        self,
        kind: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
    ) -> Rows:
        """The most frequent speakers, entities, places or sources, counted by stories
        (near-duplicate clusters) so republication does not inflate them. Speakers are
        actors: quotes whose speaker resolved to no entity ("I", "officials") are left out."""
        where, params = period(since, until)
        if kind == "speakers":
            sql = f"""SELECT coalesce(e.name, q.speaker) AS name, q.speaker_key AS key,
                          count(*) AS quotes, count(DISTINCT a.pk) AS articles,
                          count(DISTINCT a.cluster_id) AS stories
                      FROM quotes q JOIN articles a ON a.pk = q.article
                      LEFT JOIN entities e ON e.key = q.speaker_key
                      WHERE q.speaker_key IS NOT NULL{where}
                      GROUP BY q.speaker_key"""
        elif kind == "entities":
            sql = f"""SELECT e.name, e.type, e.key, count(DISTINCT a.pk) AS articles,
                          count(DISTINCT a.cluster_id) AS stories
                      FROM article_entities ae JOIN articles a ON a.pk = ae.article
                      JOIN entities e ON e.key = ae.key
                      WHERE 1{where} GROUP BY ae.key"""
        elif kind == "places":
            sql = f"""SELECT p.name, p.country, p.lat, p.lon, p.geonameid,
                          count(DISTINCT a.pk) AS articles, count(DISTINCT a.cluster_id) AS stories
                      FROM places p JOIN articles a ON a.pk = p.article
                      WHERE 1{where} GROUP BY coalesce(p.geonameid, lower(p.name))"""
        elif kind == "sources":
            sql = f"""SELECT a.source AS name, count(*) AS articles,
                          sum(a.syndicated = 0) AS original, sum(a.syndicated) AS syndicated,
                          count(DISTINCT a.cluster_id) AS stories
                      FROM articles a WHERE a.source IS NOT NULL{where} GROUP BY a.source"""
            return self._rows(
                sql + " ORDER BY original DESC, articles DESC LIMIT ?", [*params, limit]
            )
        else:
            raise QueryError(f"top takes one of {', '.join(TOP_KINDS)}, not {kind!r}")
        return self._rows(sql + " ORDER BY stories DESC, articles DESC LIMIT ?", [*params, limit])

    # -- events ----------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        type: str | None = None,
        sector: str | None = None,
        since: str | None = None,
        until: str | None = None,
        include_claims: bool = False,
        include_unrealised: bool = False,
        collapse: bool = True,
        limit: int | None = 100,
        offset: int = 0,
    ) -> Rows:
        """Events, newest first, each with its evidence sentence and article: what did
        ``actor`` do to ``recipient``.

        Args:
            actor, recipient: a country code in capitals (``AZE``), or an entity key or
                any part of a name.
            type: a PLOVER type (``ACCUSE``); sector: the actor's (``LEG``).
            since, until: the event's day (its own date, else its article's), inclusive.
            include_claims: also events reported as someone's claim (``claimed_by``).
            include_unrealised: also events stated as negated, hypothetical or future.
            collapse: one row per event, however many articles report it (its earliest
                report; ``reports`` counts them); False: every report.
            limit, offset: a page of rows (limit None: all).

        Returns:
            Rows with event (the event id), day, type, mode, context, actor, actor_country,
            actor_sector, actor_key, actor_name, the same for recipient, claimed_by,
            claimed_key, negated, hypothetical, future, date, place, trigger, evidence,
            start, end, article, title, published, source, url, reports.
        """
        where = event_queries.EventFilter(
            actor, recipient, type, sector, since, until, include_claims, include_unrealised
        )
        return event_queries.listing(
            self.conn, where, collapse=collapse, limit=limit, offset=offset
        )

    def count_events(self, *, collapse: bool = True, **filters: Any) -> int:
        """How many rows ``events()`` with these filters has in all (no limit)."""
        return event_queries.count(
            self.conn, event_queries.EventFilter(**filters), collapse=collapse
        )

    def dyads(self, *, by: str = "month", **filters: Any) -> Rows:
        """Events per actor -> recipient code pair, event type and period (``by``: day,
        month, year or all); each event counts once however many articles report it.
        ``filters``: those of ``events()``."""
        return event_queries.dyads(self.conn, event_queries.EventFilter(**filters), by)

    def scores(self, *, by: str = "month", **filters: Any) -> Rows:
        """A cooperation/conflict score per dyad and period from PLOVER's quad categories
        (``store/events.py``). ``filters``: those of ``events()``."""
        return event_queries.scores(self.conn, event_queries.EventFilter(**filters), by)

    def event_reports(self, **filters: Any) -> Iterator[dict]:
        """Every report of the events that pass ``filters`` (those of ``events()``), event by
        event, streamed: the rows of ``events(collapse=False)`` and the place's coordinates,
        the article's tone, ``lead`` and ``added`` (what the exports need)."""
        return event_queries.reports(self.conn, event_queries.EventFilter(**filters))

    def actor_graph(self, **filters: Any) -> event_queries.Graph:
        """The actor graph: nodes (codes or entity keys) and edges by event type with
        counts. ``filters``: those of ``events()``."""
        return event_queries.graph(self.conn, event_queries.EventFilter(**filters))

    # -- browsing, a page at a time (store/browse.py, store/profile.py) ----------

    def article_page(
        self, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0
    ) -> Page:
        """Articles newest first, filtered (``browse.Filters``): ``browse.articles``."""
        return browse.articles(self.conn, filters, limit=limit, offset=offset)

    def find(
        self,
        query: str,
        filters: Filters = NO_FILTERS,
        *,
        kind: str = "articles",
        limit: int = 20,
        offset: int = 0,
    ) -> Page:
        """Articles or quotes matching an FTS5 query, best first, hits marked: ``browse.search``."""
        return browse.search(self.conn, query, filters, kind=kind, limit=limit, offset=offset)

    def quote_page(
        self, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0
    ) -> Page:
        """Quotes newest first, filtered: ``browse.quotes``."""
        return browse.quotes(self.conn, filters, limit=limit, offset=offset)

    def actor_page(
        self, *, name: str | None = None, type: str | None = None, limit: int = 20, offset: int = 0
    ) -> Page:
        """Entities by the number of articles that name them: ``browse.actors``."""
        return browse.actors(self.conn, name=name, type=type, limit=limit, offset=offset)

    def place_page(
        self, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0
    ) -> Page:
        """Places by stories, with coordinates: ``browse.places``."""
        return browse.places(self.conn, filters, limit=limit, offset=offset)

    def copies(self, article_id: str) -> Copies:
        """An article's near-duplicates and wire copies: ``browse.copies``."""
        return browse.copies(self.conn, article_id)

    def actor(self, key: str) -> dict[str, Any]:
        """One actor's profile: ``profile.actor``."""
        return profile.actor(self.conn, key)

    def network(
        self, *, since: str | None = None, until: str | None = None, limit: int = 50
    ) -> dict[str, Rows]:
        """The network of the most quoted actors: ``profile.network``."""
        return profile.network(self.conn, since=since, until=until, limit=limit)

    def overview(
        self, *, since: str | None = None, until: str | None = None, limit: int = 20
    ) -> dict[str, Any]:
        """The corpus at a glance: ``months`` (articles and stories per month), the top
        ``speakers`` and ``places`` (``top()``), the actor ``network``, and the ``dyads``
        per month with their cooperation/conflict score (``scores()``) of the ``limit``
        pairs with the most events."""
        return {
            "months": profile.months(self.conn, since, until),
            "speakers": self.top("speakers", since=since, until=until, limit=limit),
            "places": self.top("places", since=since, until=until, limit=limit),
            "network": self.network(since=since, until=until),
            "dyads": _busiest_pairs(self.scores(since=since, until=until), limit),
        }

    # -- records ---------------------------------------------------------------

    def count(self) -> dict[str, int]:
        """Rows per table, plus clusters with more than one article and syndicated articles."""
        tables = ("articles", "entities", "quotes", "places", "dates", "events", "errors", "runs")
        out = {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        out["clusters"] = self.conn.execute(
            "SELECT count(*) FROM clusters WHERE size > 1"
        ).fetchone()[0]
        out["syndicated"] = self.conn.execute(
            "SELECT count(*) FROM articles WHERE syndicated = 1"
        ).fetchone()[0]
        return out

    def errors(self) -> Rows:
        """Every input that could not be processed, with its location and reason."""
        return self._rows("SELECT location, stage, kind, reason, run_id FROM errors ORDER BY id")

    def runs(self) -> Rows:
        return self._rows("SELECT * FROM runs ORDER BY id")

    def article(self, article_id: str) -> Article:
        """The full record of one article, by its id."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return self._article(row)

    def _article_rows(self, since: str | None, until: str | None) -> Iterator[sqlite3.Row]:
        where, params = period(since, until)
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT * FROM articles a WHERE a.pk > ?{where} ORDER BY a.pk LIMIT 200",
                [last, *params],
            ).fetchall()
            if not rows:
                return
            yield from rows
            last = rows[-1]["pk"]

    def articles(self, *, since: str | None = None, until: str | None = None) -> Iterator[Article]:
        """Every article as a full record, in insertion order, streamed."""
        for row in self._article_rows(since, until):
            yield self._article(row)

    def articles_with_facts(
        self, *, since: str | None = None, until: str | None = None
    ) -> Iterator[tuple[dict, Article]]:
        """Like ``articles()``, each with the store's facts about it: pk, source, cluster,
        syndicated, agency."""
        for row in self._article_rows(since, until):
            facts = {
                "pk": row["pk"],
                "source": row["source"],
                "cluster": row["cluster_id"],
                "syndicated": bool(row["syndicated"]),
                "agency": row["agency"],
            }
            yield facts, self._article(row)

    def _article(self, row: sqlite3.Row) -> Article:
        parts = {
            t.name: self.conn.execute(
                f"SELECT * FROM {t.name} WHERE article = ? ORDER BY {', '.join(t.order or t.primary_key)}",
                (row["pk"],),
            ).fetchall()
            for t in mapping.PARTS
        }
        return mapping.article(row, parts)

    # -- tables ----------------------------------------------------------------

    def table_rows(self, name: str, *, chunk: int = 5000) -> Iterator[list[sqlite3.Row]]:
        """The stored, exported columns of a table (``tables.TABLES``) in key order, streamed
        a chunk of rows at a time: what the Parquet and CSV exports write."""
        table = TABLES.get(name)
        if table is None or not table.exported:
            raise QueryError(f"no exported table {name!r}")
        columns = ", ".join(f'"{c.name}"' for c in table.exported_columns if c.stored)
        cursor = self.conn.execute(
            f"SELECT {columns} FROM {name} ORDER BY {', '.join(table.primary_key)}"
        )
        while rows := cursor.fetchmany(chunk):
            yield rows
