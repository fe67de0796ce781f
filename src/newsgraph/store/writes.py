"""Every write to the store: runs, inputs, errors, articles with their parts, clusters.

The caller owns the transaction (see ``db.transaction``): an article, its
parts and the content hash of the input it came from are written together,
so a run killed at any point leaves either all of a document or none of it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from newsgraph.record import Article


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(items: Iterable) -> str:
    return json.dumps([i.model_dump(mode="json") for i in items], ensure_ascii=False)


def start_run(conn: sqlite3.Connection, inputs: list[str], options: dict) -> int:
    """Record the start of an ingest run; return its id."""
    cur = conn.execute(
        "INSERT INTO runs (started, inputs, options) VALUES (?, ?, ?)",
        (_now(), json.dumps(inputs), json.dumps(options, sort_keys=True)),
    )
    return cur.lastrowid


def finish_run(
    conn: sqlite3.Connection, run_id: int, *, added: int, skipped: int, failed: int, status: str
) -> None:
    conn.execute(
        "UPDATE runs SET finished = ?, added = ?, skipped = ?, failed = ?, status = ? WHERE id = ?",
        (_now(), added, skipped, failed, status, run_id),
    )


def is_known(conn: sqlite3.Connection, content_hash: str) -> bool:
    """True when an input with this content hash was stored (as an article or an error)."""
    row = conn.execute(
        "SELECT 1 FROM inputs WHERE hash = ? UNION ALL SELECT 1 FROM errors WHERE hash = ?",
        (content_hash, content_hash),
    ).fetchone()
    return row is not None


def insert_error(
    conn: sqlite3.Connection, content_hash: str, location: str, kind: str, reason: str, run_id: int
) -> bool:
    """Record an input that could not be processed; False when it was recorded before."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO errors (hash, location, kind, reason, run_id) VALUES (?, ?, ?, ?, ?)",
        (content_hash, location, kind, reason, run_id),
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
    """Record that an input was processed; False when its hash was already there."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO inputs (hash, location, url, article, run_id) VALUES (?, ?, ?, ?, ?)",
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
) -> int | None:
    """Insert the article and all its parts; return its pk, or None if its body is stored."""
    cur = conn.execute(
        """INSERT OR IGNORE INTO articles (id, url, title, published, language, source, body,
               authors, media, related, links, removed, provenance, schema_version,
               cluster_id, agency, minhash, run_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""",
        (
            article.id,
            article.url,
            article.title,
            article.published,
            article.language,
            source,
            article.body,
            _json(article.authors),
            _json(article.media),
            _json(article.related),
            _json(article.links),
            _json(article.removed),
            article.provenance.model_dump_json(),
            article.schema_version,
            agency,
            minhash,
            run_id,
        ),
    )
    if cur.rowcount == 0:
        return None
    pk = cur.lastrowid
    conn.execute("UPDATE articles SET cluster_id = ? WHERE pk = ?", (pk, pk))
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
        (pk, article.title or "", article.body),
    )
    _insert_parts(conn, pk, article)
    return pk


def _insert_parts(conn: sqlite3.Connection, pk: int, article: Article) -> None:
    keys = {e.id: e.key for e in article.entities}
    conn.executemany(
        "INSERT OR IGNORE INTO entities (key, name, type, country) VALUES (?, ?, ?, ?)",
        [(e.key, e.name, e.type, e.country) for e in article.entities],
    )
    conn.executemany(
        """INSERT INTO article_entities
           (article, local_id, key, name, type, aliases, description, country)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                pk,
                e.id,
                e.key,
                e.name,
                e.type,
                json.dumps(e.aliases, ensure_ascii=False),
                e.description,
                e.country,
            )
            for e in article.entities
        ],
    )
    conn.executemany(
        'INSERT INTO mentions (article, local_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(pk, e.id, m.start, m.end, m.text) for e in article.entities for m in e.mentions],
    )
    for n, q in enumerate(article.quotes):
        sp = q.speaker
        cur = conn.execute(
            """INSERT INTO quotes (article, n, start, "end", text, kind, speaker, speaker_start,
                   speaker_end, speaker_local, speaker_key, role, cue, venue)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                pk,
                n,
                q.start,
                q.end,
                q.text,
                q.kind,
                sp.text if sp else None,
                sp.start if sp else None,
                sp.end if sp else None,
                sp.entity if sp else None,
                keys.get(sp.entity) if sp and sp.entity else None,
                q.role,
                q.cue,
                q.venue,
            ),
        )
        conn.execute("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)", (cur.lastrowid, q.text))
    conn.executemany(
        """INSERT INTO places (article, n, entity_local, entity_key, name, lat, lon, country,
               geonameid, feature, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                pk,
                n,
                p.entity,
                keys.get(p.entity) if p.entity else None,
                p.name,
                p.lat,
                p.lon,
                p.country,
                p.geonameid,
                p.feature,
                _json(p.mentions),
            )
            for n, p in enumerate(article.places)
        ],
    )
    conn.executemany(
        """INSERT INTO dates (article, n, start, "end", text, value, granularity, reliable)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (pk, n, d.start, d.end, d.text, d.value, d.granularity, int(d.reliable))
            for n, d in enumerate(article.dates)
        ],
    )
    conn.executemany(
        """INSERT INTO events (article, n, type, mode, actor, actor_key, recipient, recipient_key,
               place, date, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                pk,
                n,
                ev.type,
                ev.mode,
                ev.actor.model_dump_json() if ev.actor else None,
                keys.get(ev.actor.entity) if ev.actor and ev.actor.entity else None,
                ev.recipient.model_dump_json() if ev.recipient else None,
                keys.get(ev.recipient.entity) if ev.recipient and ev.recipient.entity else None,
                ev.place,
                ev.date,
                ev.start,
                ev.end,
            )
            for n, ev in enumerate(article.events)
        ],
    )


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
