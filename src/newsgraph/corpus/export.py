"""Store -> files: JSON Lines (one record per article), Parquet and CSV (one table per
kind), GDELT GKG 2.1 rows. Everything is streamed, a chunk of rows at a time."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from newsgraph.corpus import gkg
from newsgraph.errors import NewsgraphError
from newsgraph.store.query import Store

FORMATS = ("jsonl", "parquet", "csv", "gkg")
CHUNK = 5000

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

# kind -> (SQL over the store, typed columns). Rows name their article by Article.id.
TABLES: dict[str, tuple[str, list[tuple[str, pa.DataType]]]] = {
    "articles": (
        """SELECT id, url, title, published, language, source, body, cluster_id AS cluster,
                  syndicated, agency, authors, provenance, schema_version FROM articles ORDER BY pk""",
        [
            ("id", _S),
            ("url", _S),
            ("title", _S),
            ("published", _S),
            ("language", _S),
            ("source", _S),
            ("body", _S),
            ("cluster", _I),
            ("syndicated", _B),
            ("agency", _S),
            ("authors", _S),
            ("provenance", _S),
            ("schema_version", _S),
        ],
    ),
    "entities": (
        """SELECT a.id AS article, ae.local_id AS entity, ae.key, ae.name, ae.type, ae.aliases,
                  ae.description, ae.country,
                  (SELECT count(*) FROM mentions m WHERE m.article = ae.article
                     AND m.local_id = ae.local_id) AS mentions
           FROM article_entities ae JOIN articles a ON a.pk = ae.article ORDER BY ae.article""",
        [
            ("article", _S),
            ("entity", _S),
            ("key", _S),
            ("name", _S),
            ("type", _S),
            ("aliases", _S),
            ("description", _S),
            ("country", _S),
            ("mentions", _I),
        ],
    ),
    "mentions": (
        """SELECT a.id AS article, m.local_id AS entity, m.start, m."end", m.text
           FROM mentions m JOIN articles a ON a.pk = m.article ORDER BY m.rowid""",
        [("article", _S), ("entity", _S), ("start", _I), ("end", _I), ("text", _S)],
    ),
    "quotes": (
        """SELECT a.id AS article, q.n, q.start, q."end", q.text, q.kind, q.speaker,
                  q.speaker_start, q.speaker_end, q.speaker_local AS speaker_entity,
                  q.speaker_key, q.role, q.cue, q.venue
           FROM quotes q JOIN articles a ON a.pk = q.article ORDER BY q.id""",
        [
            ("article", _S),
            ("n", _I),
            ("start", _I),
            ("end", _I),
            ("text", _S),
            ("kind", _S),
            ("speaker", _S),
            ("speaker_start", _I),
            ("speaker_end", _I),
            ("speaker_entity", _S),
            ("speaker_key", _S),
            ("role", _S),
            ("cue", _S),
            ("venue", _S),
        ],
    ),
    "places": (
        """SELECT a.id AS article, p.n, p.entity_local AS entity, p.entity_key, p.name, p.lat,
                  p.lon, p.country, p.geonameid, p.feature, p.mentions
           FROM places p JOIN articles a ON a.pk = p.article ORDER BY p.article, p.n""",
        [
            ("article", _S),
            ("n", _I),
            ("entity", _S),
            ("entity_key", _S),
            ("name", _S),
            ("lat", _F),
            ("lon", _F),
            ("country", _S),
            ("geonameid", _I),
            ("feature", _S),
            ("mentions", _S),
        ],
    ),
    "dates": (
        """SELECT a.id AS article, d.n, d.start, d."end", d.text, d.value, d.granularity,
                  d.reliable FROM dates d JOIN articles a ON a.pk = d.article
           ORDER BY d.article, d.n""",
        [
            ("article", _S),
            ("n", _I),
            ("start", _I),
            ("end", _I),
            ("text", _S),
            ("value", _S),
            ("granularity", _S),
            ("reliable", _B),
        ],
    ),
    "events": (
        """SELECT a.id AS article, e.n, e.type, e.mode, e.actor, e.actor_key, e.recipient,
                  e.recipient_key, e.place, e.date, e.start, e."end"
           FROM events e JOIN articles a ON a.pk = e.article ORDER BY e.article, e.n""",
        [
            ("article", _S),
            ("n", _I),
            ("type", _S),
            ("mode", _S),
            ("actor", _S),
            ("actor_key", _S),
            ("recipient", _S),
            ("recipient_key", _S),
            ("place", _S),
            ("date", _S),
            ("start", _I),
            ("end", _I),
        ],
    ),
    "clusters": (
        "SELECT id AS cluster, size, agency FROM clusters WHERE size > 1 ORDER BY id",
        [("cluster", _I), ("size", _I), ("agency", _S)],
    ),
    "errors": (
        "SELECT location, kind, reason, run_id FROM errors ORDER BY id",
        [("location", _S), ("kind", _S), ("reason", _S), ("run_id", _I)],
    ),
}


def _chunks(store: Store, sql: str) -> Iterator[list[tuple]]:
    cur = store.conn.execute(sql)
    while rows := cur.fetchmany(CHUNK):
        yield [tuple(r) for r in rows]


def _schema(columns: list[tuple[str, pa.DataType]]) -> pa.Schema:
    return pa.schema([pa.field(name, kind) for name, kind in columns])


def export_parquet(store: Store, out: Path) -> dict[str, int]:
    """One typed Parquet file per kind: <kind>.parquet."""
    import pyarrow.parquet as pq

    counts = {}
    for kind, (sql, columns) in TABLES.items():
        schema = _schema(columns)
        n = 0
        with pq.ParquetWriter(out / f"{kind}.parquet", schema) as writer:
            for rows in _chunks(store, sql):
                cols = list(zip(*rows, strict=True))
                arrays = [
                    pa.array(
                        [None if v is None else bool(v) for v in col] if t == _B else col, type=t
                    )
                    for col, (_, t) in zip(cols, columns, strict=True)
                ]
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
                n += len(rows)
            if n == 0:
                writer.write_table(schema.empty_table())
        counts[kind] = n
    return counts


def export_csv(store: Store, out: Path) -> dict[str, int]:
    """One CSV file with a header per kind: <kind>.csv."""
    counts = {}
    for kind, (sql, columns) in TABLES.items():
        n = 0
        with open(out / f"{kind}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([name for name, _ in columns])
            for rows in _chunks(store, sql):
                writer.writerows(rows)
                n += len(rows)
        counts[kind] = n
    return counts


def export_jsonl(store: Store, out: Path) -> dict[str, int]:
    """articles.jsonl: one Article record (the record schema) per line."""
    n = 0
    with open(out / "articles.jsonl", "w", encoding="utf-8") as fh:
        for article in store.articles():
            fh.write(article.to_json() + "\n")
            n += 1
    return {"articles": n}


def export_gkg(store: Store, out: Path) -> dict[str, int]:
    """articles.gkg.csv: one GDELT GKG 2.1 row per article, tab-separated, no header."""
    n = 0
    with open(out / "articles.gkg.csv", "w", encoding="utf-8", newline="") as fh:
        for info, article in store.articles_with_facts():
            date = gkg._compact(article.published) or "00000000000000"
            fields = gkg.row(article, record_id=f"{date}-{info['pk']}", source=info["source"])
            fh.write("\t".join(fields) + "\n")
            n += 1
    return {"articles": n}


def export(db: str | Path, out: str | Path, format: str) -> dict[str, int]:
    """Write the store's contents to the folder ``out`` in one format; return rows per file.

    Example:
        >>> export("news.db", "out/", "parquet")
        {'articles': 2225, 'entities': 31804, ...}
    """
    if format not in FORMATS:
        raise NewsgraphError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    writer = {
        "jsonl": export_jsonl,
        "parquet": export_parquet,
        "csv": export_csv,
        "gkg": export_gkg,
    }
    with Store(db) as store:
        return writer[format](store, out)
