"""Schema version and forward migrations."""

from __future__ import annotations

import sqlite3

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.store import schema
from newsgraph.store.db import connect


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


def test_a_failed_migration_leaves_the_store_untouched(tmp_path, monkeypatch):
    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], "CREATE TABLE x (;"))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    conn = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(conn)
    assert schema.version(conn) == 1  # the first step committed, the broken one rolled back


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(NewsgraphError, match="not a newsgraph store"):
        connect(path)
    with pytest.raises(NewsgraphError, match="no store"):
        connect(tmp_path / "missing.db")
