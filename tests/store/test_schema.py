"""Schema version and forward migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.store import open as open_store
from newsgraph.store import schema
from newsgraph.store.db import connect

V1_ROWS = Path(__file__).parent / "data" / "v1_rows.sql"


def test_new_store_is_at_the_current_version_with_all_tables(tmp_path):
    conn = connect(tmp_path / "s.db", write=True)
    assert schema.version(conn) == schema.SCHEMA_VERSION
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    for table in (
        "articles",
        "entities",
        "mentions",
        "quotes",
        "places",
        "dates",
        "events",
        "clusters",
        "errors",
        "runs",
        "inputs",
        "articles_fts",
        "quotes_fts",
    ):
        assert table in names
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrate_is_idempotent_and_refuses_a_newer_store(tmp_path):
    path = tmp_path / "s.db"
    connect(path, write=True).close()
    conn = connect(path, write=True)  # second open: nothing to do, no error
    assert schema.migrate(conn) == schema.SCHEMA_VERSION
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewsgraphError, match="newer"):
        connect(path, write=True)


def _v1_store(path: Path) -> None:
    """A store as newsgraph wrote it at schema version 1, with two articles and an error."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(schema.MIGRATIONS[0])
    conn.executescript(V1_ROWS.read_text())
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")
    conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_a_failed_migration_leaves_the_store_untouched(tmp_path, monkeypatch):
    _v1_store(tmp_path / "s.db")
    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], "CREATE TABLE x (;"))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    conn = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(conn)
    assert schema.version(conn) == 1  # the first step committed, the broken one rolled back


def _layout(conn: sqlite3.Connection) -> dict:
    """Everything about a schema but the text of its CREATE statements."""
    out = {}
    for name, kind, sql in conn.execute(
        "SELECT name, type, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ):
        if kind == "table" and "VIRTUAL" not in sql:
            out[name] = {
                pragma: [tuple(r) for r in conn.execute(f"PRAGMA {pragma}({name})")]
                for pragma in ("table_xinfo", "foreign_key_list", "index_list")
            }
            out[name]["without_rowid"] = "WITHOUT ROWID" in sql
        elif kind == "index":
            out[name] = [tuple(r) for r in conn.execute(f"PRAGMA index_xinfo({name})")]
        else:  # FTS tables, their shadow tables and triggers: the statement is the schema
            out[name] = " ".join(sql.split()) if sql else kind
    return out


def test_a_migrated_v1_store_has_exactly_the_schema_of_a_new_one(tmp_path):
    _v1_store(tmp_path / "old.db")
    migrated = connect(tmp_path / "old.db", write=True)
    new = connect(tmp_path / "new.db", write=True)
    assert schema.version(migrated) == schema.version(new) == schema.SCHEMA_VERSION
    assert _layout(migrated) == _layout(new)
    rank = "SELECT v FROM articles_fts_config WHERE k = 'rank'"
    assert migrated.execute(rank).fetchone()[0] == new.execute(rank).fetchone()[0]


def test_migration_keeps_every_record_and_links_inputs_by_pk(tmp_path, build):
    _v1_store(tmp_path / "s.db")
    connect(tmp_path / "s.db", write=True).close()
    with open_store(tmp_path / "s.db") as store:
        oslo = build()
        bergen = build(speaker="Jonas Store", city="Bergen", published="2023-11-02T10:00:00+01:00")
        oslo.schema_version = bergen.schema_version = "1.0"  # the record they were made as
        for quote in oslo.quotes + bergen.quotes:  # version 1 had no cue span, tone, fragments
            quote.cue_start = quote.cue_end = quote.tone = None
            quote.fragments = []
        for event in oslo.events + bergen.events:  # nor an event's flags, claimant, trigger
            event.context, event.future = [], False
            event.claimed_by = event.trigger = None
        assert store.article(oslo.id) == oslo and store.article(bergen.id) == bergen
        assert [r["pk"] for r in store.search("embassy", collapse=False)] == [1, 2]
        assert len(store.quotes(text="Hamas")) == 2
        inputs = store.conn.execute("SELECT hash, location, article FROM inputs ORDER BY hash")
        assert [tuple(r) for r in inputs] == [
            ("e1", "corpus/bad.html", None),
            ("h0", "corpus/0.html", 1),
            ("h1", "corpus/1.html", 2),
        ]
        assert store.errors()[0]["stage"] is None
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # v8: each event stored before is its own event, on its day.
        rows = store.events()
        assert [(r["day"], r["reports"], r["actor_country"]) for r in rows] == [
            ("2023-10-09", 1, "ISR"),
            ("2023-10-09", 1, "ISR"),
        ]
        assert len({r["event"] for r in rows}) == 2


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(NewsgraphError, match="not a newsgraph store"):
        connect(path)
    with pytest.raises(NewsgraphError, match="no store"):
        connect(tmp_path / "missing.db")
