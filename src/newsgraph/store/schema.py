"""The store's SQLite schema, its version, and the forward migrations between versions.

The schema is plain tables (readable with ``sqlite3`` or Datasette) plus two
FTS5 indexes with external content, so bodies are stored once. The version
lives in ``PRAGMA user_version``; ``migrate()`` applies every step above it,
each in one transaction, so an old store opens in a newer newsgraph.
See docs/store.md for what each table holds.
"""

from __future__ import annotations

import sqlite3

from newsgraph.errors import NewsgraphError

_V1 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    inputs TEXT NOT NULL,           -- JSON list of the paths given
    options TEXT NOT NULL,          -- JSON of the extraction options
    added INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running'  -- running | done | interrupted
);

CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,         -- pk of the cluster's first article
    size INTEGER NOT NULL,
    agency TEXT                     -- the wire agency the story came from, when known
);

CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,        -- Article.id: hash of the normalised body
    url TEXT,
    title TEXT,
    published TEXT,                 -- ISO 8601
    language TEXT,
    source TEXT,                    -- outlet: input's source field, else the URL's host
    body TEXT NOT NULL,
    authors TEXT NOT NULL,          -- JSON lists of the record's small parts
    media TEXT NOT NULL,
    related TEXT NOT NULL,
    links TEXT NOT NULL,
    removed TEXT NOT NULL,
    provenance TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    cluster_id INTEGER NOT NULL,    -- near-duplicate cluster (own pk when alone)
    syndicated INTEGER NOT NULL DEFAULT 0,  -- 1: reproduces an agency story
    agency TEXT,                    -- agency credited in this article's text
    minhash BLOB,                   -- MinHash signature, uint32 little-endian
    run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_cluster ON articles(cluster_id);

CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,        -- hash of the signature's rows in this band
    article INTEGER NOT NULL,       -- articles.pk
    PRIMARY KEY (band, bucket, article)
) WITHOUT ROWID;

CREATE TABLE inputs (
    hash TEXT PRIMARY KEY,          -- content hash of the input document
    location TEXT NOT NULL,         -- path, path:line, path@offset
    url TEXT,
    article TEXT,                   -- articles.id, NULL when it failed
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,      -- the input's content hash (or of location and reason)
    location TEXT NOT NULL,
    kind TEXT NOT NULL,             -- exception class, e.g. BinaryInputError
    reason TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE entities (
    key TEXT PRIMARY KEY,           -- Entity.key: normalised name plus type
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT
);

CREATE TABLE article_entities (
    article INTEGER NOT NULL REFERENCES articles(pk),
    local_id TEXT NOT NULL,         -- Entity.id inside the article, e.g. E1
    key TEXT NOT NULL REFERENCES entities(key),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,          -- JSON list
    description TEXT,
    country TEXT,
    PRIMARY KEY (article, local_id)
);
CREATE INDEX article_entities_key ON article_entities(key);

CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles(pk),
    local_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article, local_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(pk),
    n INTEGER NOT NULL,             -- position in Article.quotes
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,                   -- the speaker's words in the text
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_local TEXT,             -- entity id inside the article
    speaker_key TEXT,               -- corpus-level entity key
    role TEXT,
    cue TEXT,
    venue TEXT
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);

CREATE TABLE places (
    article INTEGER NOT NULL REFERENCES articles(pk),
    n INTEGER NOT NULL,
    entity_local TEXT,
    entity_key TEXT,
    name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    country TEXT,
    geonameid INTEGER,
    feature TEXT,
    mentions TEXT NOT NULL,         -- JSON list of {start, end, text}
    PRIMARY KEY (article, n)
);
CREATE INDEX places_name ON places(name);

CREATE TABLE dates (
    article INTEGER NOT NULL REFERENCES articles(pk),
    n INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    granularity TEXT NOT NULL,
    reliable INTEGER NOT NULL,
    PRIMARY KEY (article, n)
);

CREATE TABLE events (
    article INTEGER NOT NULL REFERENCES articles(pk),
    n INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    actor TEXT,                     -- JSON EventActor or NULL
    actor_key TEXT,
    recipient TEXT,                 -- JSON EventActor or NULL
    recipient_key TEXT,
    place TEXT,
    date TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article, n)
);
CREATE INDEX events_type ON events(type);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='pk'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');
-- A word in the title counts twice what it does in the body.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
"""

# MIGRATIONS[i] takes a store from version i to version i + 1.
MIGRATIONS: tuple[str, ...] = (_V1,)
SCHEMA_VERSION = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    """The schema version of the store behind this connection (0: empty)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the store up to SCHEMA_VERSION, one transaction per step; return the version."""
    current = version(conn)
    if current > SCHEMA_VERSION:
        raise NewsgraphError(
            f"store has schema version {current}, newer than this newsgraph ({SCHEMA_VERSION})"
        )
    for step in range(current, SCHEMA_VERSION):
        script = MIGRATIONS[step]
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


def _statements(script: str) -> list[str]:
    """Split a script into statements (``executescript`` would commit on its own)."""
    out, buf = [], []
    for line in script.splitlines():
        buf.append(line)
        if sqlite3.complete_statement("\n".join(buf)):
            out.append("\n".join(buf))
            buf = []
    return out
