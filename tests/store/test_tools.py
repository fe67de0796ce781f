"""A store opens cleanly in the tools people point at SQLite: sqlite-utils and Datasette."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
import sqlite_utils
from datasette.app import Datasette

from newsgraph.store import writes
from newsgraph.store.db import connect, transaction


@pytest.fixture
def store_path(tmp_path, build):
    path = tmp_path / "news.db"
    conn = connect(path, write=True)
    with transaction(conn):
        run = writes.start_run(conn, [], {})
        for n, art in enumerate([build(city="Oslo"), build(speaker="Jonas Store", city="Bergen")]):
            writes.insert_article(conn, art, run_id=run, source="vg.no")
            writes.record_input(conn, f"h{n}", f"in/{n}.txt", art.url, art.id, run)
        writes.insert_error(conn, "e", "in/bad.txt", "DecodeError", "not text", run, stage="read")
    conn.close()
    return path


def test_every_declared_foreign_key_holds(store_path):
    conn = sqlite3.connect(store_path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    declared = {
        (table, target)
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for target in {r[2] for r in conn.execute(f"PRAGMA foreign_key_list({table})")}
    }
    assert {
        ("quotes", "article_entities"),
        ("quotes", "entities"),
        ("places", "article_entities"),
        ("mentions", "article_entities"),
        ("inputs", "articles"),
    } <= declared


def test_sqlite_utils_finds_the_search_indexes_and_the_keys(store_path):
    db = sqlite_utils.Database(store_path)
    assert db["articles"].detect_fts() == "articles_fts"
    assert db["quotes"].detect_fts() == "quotes_fts"
    assert [r["pk"] for r in db["articles"].search("Bergen")] == [2]
    assert db["mentions"].pks == ["article", "entity", "n"]
    keys = {(fk.column, fk.other_table, fk.other_column) for fk in db["quotes"].foreign_keys}
    assert {("article", "articles", "pk"), ("speaker_key", "entities", "key")} <= keys


def test_datasette_search_finds_only_the_matching_articles(store_path):

    async def search(table: str, words: str) -> list[dict]:
        ds = Datasette([str(store_path)])
        response = await ds.client.get(f"/news/{table}.json?_search={words}&_shape=array")
        assert response.status_code == 200
        return response.json()

    assert [r["title"] for r in asyncio.run(search("articles", "Bergen"))] == [
        "Jonas Store condemns attack"
    ]
    assert asyncio.run(search("articles", "nothingmatchesthis")) == []
    assert len(asyncio.run(search("quotes", "Hamas"))) == 2
