"""Portraits of a store: one actor's profile and the corpus overview.

An actor is an entity (``entities.key``, such as ``person:ivan peric``). Its
profile says what it said over time, who quotes it, who it is quoted with, what
it did and had done to it, and where. The overview says how the corpus spreads
over months, who speaks and where, and draws the actor network: two actors are
linked when quoted in the same story (``quoted``) and when one acts on the other
in an event (``event``). Counts of articles are counted by stories (distinct
near-duplicate clusters) where a ranking is made, so wire copy does not inflate it.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.errors import NotFoundError
from newsgraph.store.rows import Rows, period

PROFILE_ROWS = 20  # rows in each ranking of a profile or the overview


def _rows(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> Rows:
    return Rows(dict(r) for r in conn.execute(sql, params))


def actor(conn: sqlite3.Connection, key: str, *, limit: int = PROFILE_ROWS) -> dict[str, Any]:
    """One actor's profile.

    Returns:
        A dict: ``actor`` (key, name, type, country, articles, quotes); ``quotes_by_month``
        (month, quotes); ``quoted_by`` (source, articles, quotes); ``quoted_with`` (key,
        name, stories); ``events_by_month`` (month, role ``actor``/``recipient``, type,
        events); ``places`` (name, country, lat, lon, geonameid, stories), each ranking at
        most ``limit`` rows.

    Raises:
        QueryError: no entity has that key.
    """
    row = conn.execute(
        "SELECT key, name, type, country FROM entities WHERE key = ?", (key,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no actor with key {key!r}")
    out: dict[str, Any] = {"actor": dict(row)}
    out["actor"]["articles"] = conn.execute(
        "SELECT count(*) FROM article_entities WHERE key = ?", (key,)
    ).fetchone()[0]
    out["actor"]["quotes"] = conn.execute(
        "SELECT count(*) FROM quotes WHERE speaker_key = ?", (key,)
    ).fetchone()[0]
    out["quotes_by_month"] = _rows(
        conn,
        """SELECT substr(a.published, 1, 7) AS month, count(*) AS quotes
           FROM quotes q JOIN articles a ON a.pk = q.article
           WHERE q.speaker_key = ? AND a.published IS NOT NULL GROUP BY 1 ORDER BY 1""",
        (key,),
    )
    out["quoted_by"] = _rows(
        conn,
        """SELECT a.source, count(DISTINCT a.pk) AS articles, count(*) AS quotes
           FROM quotes q JOIN articles a ON a.pk = q.article
           WHERE q.speaker_key = ? AND a.source IS NOT NULL
           GROUP BY a.source ORDER BY articles DESC, a.source LIMIT ?""",
        (key, limit),
    )
    out["quoted_with"] = _rows(
        conn,
        """SELECT o.speaker_key AS key, e.name, count(DISTINCT a.cluster_id) AS stories
           FROM quotes q JOIN quotes o ON o.article = q.article AND o.speaker_key != q.speaker_key
           JOIN articles a ON a.pk = q.article JOIN entities e ON e.key = o.speaker_key
           WHERE q.speaker_key = ? GROUP BY o.speaker_key ORDER BY stories DESC, e.name LIMIT ?""",
        (key, limit),
    )
    out["events_by_month"] = _rows(
        conn,
        """SELECT substr(c.first_day, 1, 7) AS month, role, e.type,
                  count(DISTINCT e.cluster) AS events
           FROM (SELECT *, 'actor' AS role FROM events WHERE actor_key = ?
                 UNION ALL SELECT *, 'recipient' FROM events WHERE recipient_key = ?) e
           JOIN event_clusters c ON c.id = e.cluster
           WHERE e.claimed_by IS NULL AND NOT (e.negated OR e.hypothetical OR e.future)
           GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""",
        (key, key),
    )
    out["places"] = _rows(
        conn,
        """SELECT p.name, p.country, p.lat, p.lon, p.geonameid,
                  count(DISTINCT a.cluster_id) AS stories
           FROM article_entities ae JOIN places p ON p.article = ae.article
           JOIN articles a ON a.pk = ae.article
           WHERE ae.key = ? AND (p.entity_key IS NULL OR p.entity_key != ?)
           GROUP BY coalesce(p.geonameid, lower(p.name)) ORDER BY stories DESC, p.name LIMIT ?""",
        (key, key, limit),
    )
    return out


def months(conn: sqlite3.Connection, since: str | None = None, until: str | None = None) -> Rows:
    """Articles and stories per month of publication."""
    where, params = period(since, until)
    return _rows(
        conn,
        f"""SELECT substr(a.published, 1, 7) AS month, count(*) AS articles,
                   count(DISTINCT a.cluster_id) AS stories
            FROM articles a WHERE a.published IS NOT NULL{where} GROUP BY 1 ORDER BY 1""",
        params,
    )


def network(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
) -> dict[str, Rows]:
    """The actor network of the most quoted actors (at most ``limit`` nodes).

    Returns:
        ``nodes`` (id: the entity key, name, type, quotes) and ``edges`` (source, target,
        kind ``quoted``: quoted in the same story, weight in stories; or kind ``event``:
        the source acts on the target, weight in events), each edge between two nodes.
    """
    where, params = period(since, until)
    dated = "JOIN articles a ON a.pk = q.article" if where else ""
    nodes = _rows(
        conn,
        f"""SELECT t.id, e.name, e.type, t.quotes FROM (
                SELECT q.speaker_key AS id, count(*) AS quotes FROM quotes q {dated}
                WHERE q.speaker_key IS NOT NULL{where}
                GROUP BY q.speaker_key ORDER BY quotes DESC, q.speaker_key LIMIT ?) t
            JOIN entities e ON e.key = t.id ORDER BY t.quotes DESC, t.id""",
        [*params, limit],
    )
    if not nodes:
        return {"nodes": nodes, "edges": Rows()}
    keys = [n["id"] for n in nodes]
    marks = ",".join("?" * len(keys))
    edges = _rows(
        conn,
        f"""WITH said AS (SELECT DISTINCT q.article, q.speaker_key FROM quotes q {dated}
                          WHERE q.speaker_key IN ({marks}){where})
            SELECT x.speaker_key AS source, y.speaker_key AS target, 'quoted' AS kind,
                   count(DISTINCT a.cluster_id) AS weight
            FROM said x JOIN said y ON y.article = x.article AND y.speaker_key > x.speaker_key
            JOIN articles a ON a.pk = x.article
            GROUP BY 1, 2 ORDER BY 1, 2""",
        [*keys, *params],
    )
    event_where, event_params = period(since, until, "e.day")
    edges += _rows(
        conn,
        f"""SELECT e.actor_key AS source, e.recipient_key AS target, 'event' AS kind,
                   count(DISTINCT e.cluster) AS weight
            FROM events e
            WHERE e.actor_key IN ({marks}) AND e.recipient_key IN ({marks})
              AND e.actor_key != e.recipient_key AND e.claimed_by IS NULL
              AND NOT (e.negated OR e.hypothetical OR e.future){event_where}
            GROUP BY 1, 2 ORDER BY 1, 2""",
        [*keys, *keys, *event_params],
    )
    return {"nodes": nodes, "edges": edges}
