"""The store's SQLite schema, its version, and the forward migrations between versions.

The tables are built from their declaration in ``tables.py``, plus two FTS5
indexes with external content (bodies are stored once) kept up to date by
triggers. The version lives in ``PRAGMA user_version``. A new store is created
at the current version from the spec; an older one is brought forward by
``MIGRATIONS``, explicit and frozen SQL, one transaction per step, and a test
checks that both roads end at the same schema. See docs/store.md.
"""

from __future__ import annotations

import sqlite3

from newsgraph.errors import NewsgraphError
from newsgraph.store.tables import TABLES, Table

# Full-text search. content="articles" in double quotes: Datasette and sqlite-utils
# look for exactly that to find a table's index.
SEARCH = """
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content="articles", content_rowid="pk");
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content="quotes", content_rowid="id");
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.pk, new.title, new.body);
END;
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
-- A word in the title counts twice what it does in the body.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
"""


def table_ddl(table: Table) -> str:
    """CREATE TABLE and CREATE INDEX statements for one table of the spec."""
    single = table.primary_key[0] if len(table.primary_key) == 1 else None
    lines = [
        c.ddl.replace(f" {c.sql}", f" {c.sql} PRIMARY KEY", 1) if c.name == single else c.ddl
        for c in table.stored
    ]
    if single is None:
        lines.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    for cols, target, to in table.foreign_keys:
        lines.append(f"FOREIGN KEY ({', '.join(cols)}) REFERENCES {target}({', '.join(to)})")
    body = ",\n    ".join(lines)
    out = f"CREATE TABLE {table.name} (\n    {body}\n){' WITHOUT ROWID' if table.without_rowid else ''};\n"
    for cols in table.indexes:
        name = f"{table.name}_{'_'.join(cols)}"
        out += f"CREATE INDEX {name} ON {table.name}({', '.join(cols)});\n"
    return out


def ddl() -> str:
    """The whole schema of a new store at SCHEMA_VERSION."""
    return "\n".join(table_ddl(t) for t in TABLES.values()) + SEARCH


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

# v2: one declared mapping (tables.py). Foreign keys declared, mentions keyed, entities
# ordered, one article key (inputs.article: text id -> pk), every input location kept,
# errors.stage, local entity ids named `entity` everywhere, FTS declared content="...".
# SQLite cannot alter constraints: rename the old tables, create, copy, drop.
_V2 = """
DROP TABLE articles_fts;
DROP TABLE quotes_fts;
DROP INDEX articles_published;
DROP INDEX articles_source;
DROP INDEX articles_cluster;
DROP INDEX article_entities_key;
DROP INDEX mentions_article;
DROP INDEX quotes_article;
DROP INDEX quotes_speaker_key;
DROP INDEX places_name;
DROP INDEX events_type;
ALTER TABLE runs RENAME TO v1_runs;
ALTER TABLE clusters RENAME TO v1_clusters;
ALTER TABLE articles RENAME TO v1_articles;
ALTER TABLE lsh_bands RENAME TO v1_lsh_bands;
ALTER TABLE inputs RENAME TO v1_inputs;
ALTER TABLE errors RENAME TO v1_errors;
ALTER TABLE entities RENAME TO v1_entities;
ALTER TABLE article_entities RENAME TO v1_article_entities;
ALTER TABLE mentions RENAME TO v1_mentions;
ALTER TABLE quotes RENAME TO v1_quotes;
ALTER TABLE places RENAME TO v1_places;
ALTER TABLE dates RENAME TO v1_dates;
ALTER TABLE events RENAME TO v1_events;
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    inputs TEXT NOT NULL,
    options TEXT NOT NULL,
    added INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running'
);

CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    size INTEGER NOT NULL,
    agency TEXT
);

CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    source TEXT,
    body TEXT NOT NULL,
    authors TEXT NOT NULL,
    media TEXT NOT NULL,
    related TEXT NOT NULL,
    links TEXT NOT NULL,
    removed TEXT NOT NULL,
    provenance TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    cluster_id INTEGER NOT NULL,
    syndicated INTEGER NOT NULL DEFAULT 0,
    agency TEXT,
    minhash BLOB,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_cluster_id ON articles(cluster_id);

CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(pk),
    PRIMARY KEY (band, bucket, article)
) WITHOUT ROWID;

CREATE TABLE inputs (
    hash TEXT NOT NULL,
    location TEXT NOT NULL,
    url TEXT,
    article INTEGER REFERENCES articles(pk),
    run_id INTEGER NOT NULL REFERENCES runs(id),
    PRIMARY KEY (hash, location)
);
CREATE INDEX inputs_article ON inputs(article);

CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    location TEXT NOT NULL,
    stage TEXT,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE entities (
    key TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT
);

CREATE TABLE article_entities (
    article INTEGER NOT NULL REFERENCES articles(pk),
    entity TEXT NOT NULL,
    n INTEGER NOT NULL,
    key TEXT NOT NULL REFERENCES entities(key),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,
    description TEXT,
    country TEXT,
    PRIMARY KEY (article, entity)
);
CREATE INDEX article_entities_key ON article_entities(key);

CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles(pk),
    entity TEXT NOT NULL,
    n INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article, entity, n),
    FOREIGN KEY (article, entity) REFERENCES article_entities(article, entity)
);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(pk),
    n INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_entity TEXT,
    speaker_key TEXT REFERENCES entities(key),
    role TEXT,
    cue TEXT,
    venue TEXT,
    FOREIGN KEY (article, speaker_entity) REFERENCES article_entities(article, entity)
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);

CREATE TABLE places (
    article INTEGER NOT NULL REFERENCES articles(pk),
    n INTEGER NOT NULL,
    entity TEXT,
    entity_key TEXT REFERENCES entities(key),
    name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    country TEXT,
    geonameid INTEGER,
    feature TEXT,
    mentions TEXT NOT NULL,
    PRIMARY KEY (article, n),
    FOREIGN KEY (article, entity) REFERENCES article_entities(article, entity)
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
    actor TEXT,
    actor_key TEXT REFERENCES entities(key),
    recipient TEXT,
    recipient_key TEXT REFERENCES entities(key),
    place TEXT,
    date TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article, n),
    FOREIGN KEY (article, place) REFERENCES article_entities(article, entity)
);
CREATE INDEX events_type ON events(type);

INSERT INTO runs SELECT * FROM v1_runs;
INSERT INTO clusters SELECT * FROM v1_clusters;
INSERT INTO articles SELECT * FROM v1_articles;
INSERT INTO lsh_bands SELECT * FROM v1_lsh_bands;
INSERT INTO inputs (hash, location, url, article, run_id)
    SELECT i.hash, i.location, i.url, a.pk, i.run_id
    FROM v1_inputs i LEFT JOIN v1_articles a ON a.id = i.article;
INSERT OR IGNORE INTO inputs (hash, location, run_id)
    SELECT hash, location, run_id FROM v1_errors;
INSERT INTO errors (id, hash, location, kind, reason, run_id)
    SELECT id, hash, location, kind, reason, run_id FROM v1_errors;
INSERT INTO entities SELECT * FROM v1_entities;
INSERT INTO article_entities
    (article, entity, n, key, name, type, aliases, description, country)
    SELECT article, local_id, row_number() OVER (PARTITION BY article ORDER BY rowid) - 1,
           key, name, type, aliases, description, country
    FROM v1_article_entities;
INSERT INTO mentions (article, entity, n, start, "end", text)
    SELECT article, local_id,
           row_number() OVER (PARTITION BY article, local_id ORDER BY rowid) - 1,
           start, "end", text
    FROM v1_mentions;
INSERT INTO quotes SELECT * FROM v1_quotes;
INSERT INTO places SELECT * FROM v1_places;
INSERT INTO dates SELECT * FROM v1_dates;
INSERT INTO events SELECT * FROM v1_events;
DROP TABLE v1_runs;
DROP TABLE v1_clusters;
DROP TABLE v1_articles;
DROP TABLE v1_lsh_bands;
DROP TABLE v1_inputs;
DROP TABLE v1_errors;
DROP TABLE v1_entities;
DROP TABLE v1_article_entities;
DROP TABLE v1_mentions;
DROP TABLE v1_quotes;
DROP TABLE v1_places;
DROP TABLE v1_dates;
DROP TABLE v1_events;

CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content="articles", content_rowid="pk");
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content="quotes", content_rowid="id");
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.pk, new.title, new.body);
END;
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
-- A word in the title counts twice what it does in the body.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
"""

# v3: the cue word's span on quotes.
_V3 = """
ALTER TABLE quotes ADD COLUMN cue_start INTEGER;
ALTER TABLE quotes ADD COLUMN cue_end INTEGER;
"""

# v4: what had to be repaired or guessed on each article.
_V4 = """
ALTER TABLE articles ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
"""

# v5: who wrote a run (its writer's pid and host), so a later run can report a dead one.
_V5 = """
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host TEXT;
"""

# v6: each article's first input location, so the exported articles carry it.
_V6 = """
ALTER TABLE articles ADD COLUMN location TEXT;
UPDATE articles SET location = (
    SELECT i.location FROM inputs i WHERE i.article = articles.pk ORDER BY i.run_id, i.rowid LIMIT 1
);
"""

# v7: events coded in PLOVER (context, flags, claimant, trigger) and tone on articles and quotes.
_V7 = """
ALTER TABLE articles ADD COLUMN tone TEXT;
ALTER TABLE quotes ADD COLUMN tone REAL;
ALTER TABLE events ADD COLUMN context TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN hypothetical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN future INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN claimed_by TEXT;
ALTER TABLE events ADD COLUMN claimed_key TEXT REFERENCES entities(key);
ALTER TABLE events ADD COLUMN trigger TEXT;
"""

# v8: events de-duplicated across articles: each report's day and the event it reports.
# Events stored before are each their own event (no store written at v7 holds any yet).
_V8 = """
CREATE TABLE event_clusters (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    actor TEXT,
    recipient TEXT,
    negated INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    future INTEGER NOT NULL,
    claimed INTEGER NOT NULL,
    first_day TEXT,
    last_day TEXT,
    reports INTEGER NOT NULL
);
CREATE INDEX event_clusters_type_actor_recipient ON event_clusters(type, actor, recipient);
ALTER TABLE events ADD COLUMN day TEXT;
ALTER TABLE events ADD COLUMN cluster INTEGER REFERENCES event_clusters(id);
CREATE INDEX events_cluster ON events(cluster);
UPDATE events SET cluster = rowid, day = CASE
    WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(date, 1, 10)
    ELSE (SELECT substr(a.published, 1, 10) FROM articles a WHERE a.pk = events.article)
END;
INSERT INTO event_clusters
    SELECT rowid, type, coalesce(json_extract(actor, '$.country'), actor_key),
           coalesce(json_extract(recipient, '$.country'), recipient_key),
           negated, hypothetical, future, claimed_by IS NOT NULL, day, day, 1
    FROM events;
"""

# v9: a date's TimeML mod ("early next year": START) and a set's freq ("twice a week": 2X);
# dates stored before have neither.
_V9 = """
ALTER TABLE dates ADD COLUMN mod TEXT;
ALTER TABLE dates ADD COLUMN freq TEXT;
"""

# v10: the verbatim fragments of each quote (an interrupted quotation is one quote of two).
# Quotes stored before keep an empty list: re-ingest to fill it.
_V10 = """
ALTER TABLE quotes ADD COLUMN fragments TEXT NOT NULL DEFAULT '[]';
"""

# MIGRATIONS[i] takes a store from version i to version i + 1 (a new store skips them).
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10)
SCHEMA_VERSION = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    """The schema version of the store behind this connection (0: empty)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Create a new store from the spec, or bring an older one up to SCHEMA_VERSION one
    transaction per step; return the version."""
    current = version(conn)
    if current > SCHEMA_VERSION:
        raise NewsgraphError(
            f"store has schema version {current}, newer than this newsgraph ({SCHEMA_VERSION})"
        )
    if current == 0:
        _apply(conn, ddl(), SCHEMA_VERSION)
    for step in range(version(conn), SCHEMA_VERSION):
        _apply(conn, MIGRATIONS[step], step + 1)
    return SCHEMA_VERSION


def _apply(conn: sqlite3.Connection, script: str, to: int) -> None:
    """Run a script and set the version to ``to``, all in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {to}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """Split a script into statements (``executescript`` would commit on its own)."""
    out, buf = [], []
    for line in script.splitlines():
        buf.append(line)
        if sqlite3.complete_statement("\n".join(buf)):
            out.append("\n".join(buf))
            buf = []
    return out
