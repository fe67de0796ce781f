"""Every write to the store: runs, inputs, errors, articles with their parts, clusters.

Articles and their parts are inserted by the table spec (``tables.py``, ``mapping.py``);
the FTS indexes follow by trigger.

The caller owns the transaction (see ``db.transaction``): an article, its
parts and the content hash of the input it came from are written together,
so a run killed at any point leaves either all of a document or none of it.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from datetime import UTC, datetime

from newsgraph.record import Article
from newsgraph.store import mapping
from newsgraph.store.tables import TABLES, Column, Table


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_run(conn: sqlite3.Connection, inputs: list[str], options: dict) -> int:
    """Record the start of an ingest run by this process; return its id."""
    cur = conn.execute(
        "INSERT INTO runs (started, inputs, options, pid, host) VALUES (?, ?, ?, ?, ?)",
        (
            _now(),
            json.dumps(inputs),
            json.dumps(options, sort_keys=True),
            os.getpid(),
            socket.gethostname(),
        ),
    )
    return cur.lastrowid


def mark_killed(conn: sqlite3.Connection) -> list[int]:
    """Mark every run still ``running`` as ``killed``; return their ids.

    Only the holder of the store's writer lock may call this: the lock proves
    that no other run is alive, so a ``running`` run died without finishing
    (kill -9, a crash of its machine). Its counts stay those it last saved.
    """
    rows = conn.execute("SELECT id FROM runs WHERE status = 'running'").fetchall()
    conn.execute("UPDATE runs SET status = 'killed' WHERE status = 'running'")
    return [row[0] for row in rows]


def save_counts(
    conn: sqlite3.Connection, run_id: int, *, added: int, skipped: int, failed: int
) -> None:
    """Record a run's counts so far, so a run that dies still tells what it did."""
    conn.execute(
        "UPDATE runs SET added = ?, skipped = ?, failed = ? WHERE id = ?",
        (added, skipped, failed, run_id),
    )


def finish_run(
    conn: sqlite3.Connection, run_id: int, *, added: int, skipped: int, failed: int, status: str
) -> None:
    conn.execute(
        "UPDATE runs SET finished = ?, added = ?, skipped = ?, failed = ?, status = ? WHERE id = ?",
        (_now(), added, skipped, failed, status, run_id),
    )


def seen(conn: sqlite3.Connection, content_hash: str, *, location: str, run_id: int) -> bool:
    """True when an input with this content hash was stored before (as an article or an
    error); a location not recorded for it yet is added, so every input leaves a trace."""
    first = conn.execute(
        "SELECT url, article FROM inputs WHERE hash = ? LIMIT 1", (content_hash,)
    ).fetchone()
    if first is None:
        return False
    conn.execute(
        "INSERT OR IGNORE INTO inputs (hash, location, url, article, run_id) VALUES (?, ?, ?, ?, ?)",
        (content_hash, location, first[0], first[1], run_id),
    )
    return True


def insert_error(
    conn: sqlite3.Connection,
    content_hash: str,
    location: str,
    kind: str,
    reason: str,
    run_id: int,
    *,
    stage: str | None = None,
) -> bool:
    """Record an input that could not be processed; False when its content failed before.

    Args:
        kind: the exception class name; reason: its message.
        stage: the pipeline stage that failed ("read", "clean", "annotate:quotes"), if known.
    """
    record_input(conn, content_hash, location, None, None, run_id)
    cur = conn.execute(
        """INSERT OR IGNORE INTO errors (hash, location, stage, kind, reason, run_id)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (content_hash, location, stage, kind, reason, run_id),
    )
    return cur.rowcount > 0


def record_input(
    conn: sqlite3.Connection,
    content_hash: str,
    location: str,
    url: str | None,
    article_id: str | None,
    run_id: int,
) -> bool:
    """Record that the input at ``location`` was processed, as the stored article with
    ``article_id`` (None: it failed); False when this hash and location were recorded."""
    cur = conn.execute(
        """INSERT OR IGNORE INTO inputs (hash, location, url, article, run_id)
           VALUES (?, ?, ?, (SELECT pk FROM articles WHERE id = ?), ?)""",
        (content_hash, location, url, article_id, run_id),
    )
    return cur.rowcount > 0


def insert_article(
    conn: sqlite3.Connection,
    article: Article,
    *,
    run_id: int,
    source: str | None = None,
    agency: str | None = None,
    minhash: bytes | None = None,
    location: str | None = None,
) -> int | None:
    """Insert the article and all its parts; return its pk, or None if its body is stored."""
    facts = {
        "source": source,
        "agency": agency,
        "minhash": minhash,
        "run_id": run_id,
        "location": location,
    }
    facts["cluster_id"] = 0  # its own pk, set once known
    table = TABLES["articles"]
    columns = mapping.written(table, facts)
    cur = conn.execute(
        _insert(table, columns, "OR IGNORE"), mapping.row(columns, article, None, {}, facts)
    )
    if cur.rowcount == 0:
        return None
    pk = cur.lastrowid
    conn.execute("UPDATE articles SET cluster_id = ? WHERE pk = ?", (pk, pk))
    keys = {e.id: e.key for e in article.entities}
    for table in TABLES.values():
        if table.part:
            # The corpus-wide entities table keeps the first article's name, type, country.
            conflict = "OR IGNORE" if not table.restores else ""
            columns = mapping.written(table, ("article", "n"))
            conn.executemany(
                _insert(table, columns, conflict), mapping.part_rows(table, article, pk, keys)
            )
    return pk


def _insert(table: Table, columns: tuple[Column, ...], conflict: str) -> str:
    names = ", ".join(f'"{c.name}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    return f"INSERT {conflict} INTO {table.name} ({names}) VALUES ({marks})"


def add_bands(conn: sqlite3.Connection, pk: int, buckets: list[int]) -> None:
    """Index an article's LSH band buckets."""
    conn.executemany(
        "INSERT OR IGNORE INTO lsh_bands (band, bucket, article) VALUES (?, ?, ?)",
        [(band, bucket, pk) for band, bucket in enumerate(buckets)],
    )


def band_candidates(conn: sqlite3.Connection, buckets: list[int]) -> list[sqlite3.Row]:
    """Articles sharing at least one band bucket: (pk, minhash, cluster_id, source)."""
    # One index lookup per band; a row-value IN (VALUES ...) would scan the whole table.
    lookups = " UNION ALL ".join(
        "SELECT article FROM lsh_bands WHERE band = ? AND bucket = ?" for _ in buckets
    )
    params = [x for band, bucket in enumerate(buckets) for x in (band, bucket)]
    return conn.execute(
        f"SELECT pk, minhash, cluster_id, source FROM articles WHERE pk IN ({lookups})",
        params,
    ).fetchall()


def join_cluster(conn: sqlite3.Connection, pk: int, cluster_id: int) -> None:
    """Put article pk into an existing cluster (creating the cluster row on its second member)."""
    conn.execute("UPDATE articles SET cluster_id = ? WHERE pk = ?", (cluster_id, pk))
    conn.execute(
        """INSERT INTO clusters (id, size) VALUES (?, 2)
           ON CONFLICT (id) DO UPDATE SET size = size + 1""",
        (cluster_id,),
    )


def cluster_members(conn: sqlite3.Connection, cluster_id: int) -> list[sqlite3.Row]:
    """(pk, source, syndicated) of every article in the cluster."""
    return conn.execute(
        "SELECT pk, source, syndicated FROM articles WHERE cluster_id = ?", (cluster_id,)
    ).fetchall()


def mark_syndicated(conn: sqlite3.Connection, cluster_id: int, agency: str, pks: list[int]) -> None:
    """Name the cluster's agency and flag the given members as republished wire copy."""
    conn.execute(
        """INSERT INTO clusters (id, size, agency) VALUES (?, 1, ?)
           ON CONFLICT (id) DO UPDATE SET agency = excluded.agency""",
        (cluster_id, agency),
    )
    conn.executemany("UPDATE articles SET syndicated = 1 WHERE pk = ?", [(pk,) for pk in pks])


def cluster_agency(conn: sqlite3.Connection, cluster_id: int) -> str | None:
    """The agency recorded for a cluster, if any."""
    row = conn.execute("SELECT agency FROM clusters WHERE id = ?", (cluster_id,)).fetchone()
    return row[0] if row else None


# An event's actor and recipient codes: the country, else the corpus entity key.
_CODES = """coalesce(json_extract(e.actor, '$.country'), e.actor_key) AS actor,
            coalesce(json_extract(e.recipient, '$.country'), e.recipient_key) AS recipient"""
_PLACE = """(SELECT coalesce(p.geonameid, lower(p.name)) FROM places p
             WHERE p.article = e.article AND p.entity = e.place LIMIT 1) AS place"""
_EVENT_KEY = ("type", "actor", "recipient", "negated", "hypothetical", "future", "claimed")


def article_events(conn: sqlite3.Connection, pk: int) -> list[sqlite3.Row]:
    """The events of article pk with what event de-duplication compares: n, type, date,
    the article's published and cluster_id, actor and recipient codes, the four flags,
    the evidence sentence and the place (GeoNames id, else lower-case name)."""
    return conn.execute(
        f"""SELECT e.n, e.type, e.date, a.published, a.cluster_id, {_CODES},
                   e.negated, e.hypothetical, e.future, e.claimed_by IS NOT NULL AS claimed,
                   substr(a.body, e.start + 1, e."end" - e.start) AS evidence, {_PLACE}
            FROM events e JOIN articles a ON a.pk = e.article
            WHERE e.article = ? ORDER BY e.n""",
        (pk,),
    ).fetchall()


def event_candidates(
    conn: sqlite3.Connection, event: sqlite3.Row, day: str | None, window: int, limit: int = 50
) -> list[sqlite3.Row]:
    """Stored events an event may report again: same type, codes and flags, and either all
    their reports within ``window`` days of ``day`` (``near``) or one of them in an article
    of the event's near-duplicate cluster (``same_story``); those of the same story first,
    then the oldest, at most ``limit``."""
    return conn.execute(
        f"""SELECT c.id,
                   coalesce(c.first_day >= date(?, '-{window} days')
                            AND c.last_day <= date(?, '+{window} days'), 0) AS near,
                   c.id IN (SELECT e.cluster FROM events e JOIN articles a ON a.pk = e.article
                            WHERE a.cluster_id = ?) AS same_story
            FROM event_clusters c
            WHERE {" AND ".join(f"c.{k} IS ?" for k in _EVENT_KEY)} AND (near OR same_story)
            ORDER BY same_story DESC, c.id LIMIT ?""",
        [day, day, event["cluster_id"], *(event[k] for k in _EVENT_KEY), limit],
    ).fetchall()


def event_reports(conn: sqlite3.Connection, cluster: int, limit: int = 20) -> list[sqlite3.Row]:
    """The evidence sentence and place of the first reports of a stored event."""
    return conn.execute(
        f"""SELECT substr(a.body, e.start + 1, e."end" - e.start) AS evidence, {_PLACE}
            FROM events e JOIN articles a ON a.pk = e.article
            WHERE e.cluster = ? ORDER BY e.article, e.n LIMIT ?""",
        (cluster, limit),
    ).fetchall()


def add_event_report(
    conn: sqlite3.Connection, event: sqlite3.Row, pk: int, day: str | None, cluster: int | None
) -> int:
    """File the event ``n`` of article pk (``event``) under a stored event, or a new one when
    ``cluster`` is None; set its day; return the event's id."""
    if cluster is None:
        columns = ", ".join(_EVENT_KEY)
        cluster = conn.execute(
            f"""INSERT INTO event_clusters ({columns}, first_day, last_day, reports)
                VALUES ({", ".join("?" * len(_EVENT_KEY))}, ?, ?, 1)""",
            [*(event[k] for k in _EVENT_KEY), day, day],
        ).lastrowid
    else:
        conn.execute(
            """UPDATE event_clusters SET reports = reports + 1,
                   first_day = min(coalesce(first_day, :day), coalesce(:day, first_day)),
                   last_day = max(coalesce(last_day, :day), coalesce(:day, last_day))
               WHERE id = :id""",
            {"day": day, "id": cluster},
        )
    conn.execute(
        "UPDATE events SET day = ?, cluster = ? WHERE article = ? AND n = ?",
        (day, cluster, pk, event["n"]),
    )
    return cluster
