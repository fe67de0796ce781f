"""Articles go into the store whole and come back out identical."""

from __future__ import annotations

import sqlite3

import pytest

from newsgraph.record import Article, Author, Link, Media, Provenance, Related, Removed, Tone
from newsgraph.store import open as open_store
from newsgraph.store import writes
from newsgraph.store.db import connect, transaction


def _store(path, articles):
    conn = connect(path, write=True)
    with transaction(conn):
        run = writes.start_run(conn, ["test"], {})
        for n, art in enumerate(articles):
            assert writes.record_input(conn, f"h{n}", f"loc{n}", art.url, art.id, run)
            writes.insert_article(conn, art, run_id=run, source=f"outlet{n % 2}")
    conn.close()
    return open_store(path)


def test_every_field_round_trips(tmp_path, article):
    store = _store(tmp_path / "s.db", [article])
    assert store.article(article.id).to_dict() == article.to_dict()


def test_a_fully_populated_article_comes_back_equal(tmp_path, article):
    body = article.body
    full = article.model_copy(
        update={
            "authors": [Author(name="Kari Nordmann", bio="Kari covers Norway.", outlet="VG")],
            "media": [
                Media(kind="video", credit="NTB", caption="The embassy", url="https://v.test")
            ],
            "related": [Related(rel="previous", title="Earlier", url="https://e.test")],
            "links": [Link(start=0, end=4, url="https://oslo.test")],
            "removed": [Removed(text="Share this", reason="share")],
            "provenance": Provenance(published="meta", title="json-ld", authors="byline"),
            "warnings": ["5 undecodable bytes replaced"],
            "tone": Tone(
                tone=-2.5,
                positive=1.0,
                negative=3.5,
                polarity=4.5,
                activity=18.0,
                self_group=2.0,
                words=120,
            ),
        }
    )
    assert all(getattr(full, name) for name in Article.model_fields)
    assert full.quotes[0].cue_start is not None and full.events[0].recipient is not None
    assert body[full.quotes[0].cue_start : full.quotes[0].cue_end] == "told"
    store = _store(tmp_path / "s.db", [full])
    assert store.article(full.id) == full
    assert list(store.articles()) == [full]


def test_entities_are_corpus_level_by_key(tmp_path, build):
    arts = [build(city="Oslo"), build(city="Bergen")]
    store = _store(tmp_path / "s.db", arts)
    keys = [r[0] for r in store.conn.execute("SELECT key FROM entities ORDER BY key")]
    assert keys == ["bergen|GPE", "george deek|PERSON", "hamas|ORG", "oslo|GPE"]
    n = store.conn.execute("SELECT count(*) FROM article_entities WHERE key = 'hamas|ORG'")
    assert n.fetchone()[0] == 2


def test_quote_speaker_keeps_the_corpus_key(tmp_path, article):
    store = _store(tmp_path / "s.db", [article])
    rows = store.conn.execute(
        "SELECT speaker_key, speaker_entity FROM quotes ORDER BY n"
    ).fetchall()
    assert tuple(rows[0]) == ("george deek|PERSON", "E1")
    assert tuple(rows[1]) == (None, None)


def test_same_body_is_stored_once_and_every_input_location_recorded(tmp_path, article):
    conn = connect(tmp_path / "s.db", write=True)
    with transaction(conn):
        run = writes.start_run(conn, [], {})
        pk = writes.insert_article(conn, article, run_id=run)
        assert pk is not None
        assert writes.insert_article(conn, article, run_id=run) is None
        assert writes.record_input(conn, "h", "a", None, article.id, run)
        assert not writes.record_input(conn, "h", "a", None, article.id, run)
        assert writes.record_input(conn, "h", "b", None, article.id, run)  # a copy elsewhere
        assert writes.insert_error(conn, "e", "x.html", "BinaryInputError", "binary", run)
        assert not writes.insert_error(conn, "e", "x.html", "BinaryInputError", "binary", run)
    assert writes.seen(conn, "h", location="a", run_id=run)
    assert writes.seen(conn, "e", location="x.html", run_id=run)
    assert writes.seen(conn, "h", location="c", run_id=run)  # known content, new location
    assert not writes.seen(conn, "other", location="d", run_id=run)
    rows = conn.execute("SELECT hash, location, article FROM inputs ORDER BY hash, location")
    assert [tuple(r) for r in rows] == [
        ("e", "x.html", None),
        ("h", "a", pk),
        ("h", "b", pk),
        ("h", "c", pk),
    ]


def test_errors_record_the_failed_stage(tmp_path):
    conn = connect(tmp_path / "s.db", write=True)
    run = writes.start_run(conn, [], {})
    writes.insert_error(conn, "e", "x.txt", "AnnotatorError", "boom", run, stage="annotate:quotes")
    row = conn.execute("SELECT stage, kind, reason FROM errors").fetchone()
    assert tuple(row) == ("annotate:quotes", "AnnotatorError", "boom")


def test_tables_are_plain_and_readable_by_sqlite3(tmp_path, article):
    _store(tmp_path / "s.db", [article]).close()
    plain = sqlite3.connect(tmp_path / "s.db")
    title, body = plain.execute("SELECT title, body FROM articles").fetchone()
    assert title == article.title and body == article.body
    hit = plain.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'embassy'")
    assert hit.fetchall() == [(1,)]


@pytest.mark.parametrize("bad", ["entities", "quotes"])
def test_a_failed_batch_leaves_nothing(tmp_path, article, bad):
    conn = connect(tmp_path / "s.db", write=True)
    run = writes.start_run(conn, [], {})
    broken = article.model_copy(update={bad: [None]})  # insert fails half-way through
    with pytest.raises(AttributeError):
        with transaction(conn):
            writes.record_input(conn, "h", "a", None, article.id, run)
            writes.insert_article(conn, broken, run_id=run)
    for table in ("articles", "inputs", "quotes", "entities", "articles_fts"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_lsh_lookup_uses_the_index_not_a_scan(tmp_path):
    conn = connect(tmp_path / "s.db", write=True)
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM lsh_bands WHERE band = 1 AND bucket = 2"
    ).fetchall()
    assert "SEARCH lsh_bands USING PRIMARY KEY" in plan[0][3]
    writes.add_bands(conn, 7, [11, 12, 13])
    conn.execute("INSERT INTO runs (id, started, inputs, options) VALUES (1, 'x', '[]', '{}')")
    conn.execute(
        """INSERT INTO articles (pk, id, body, authors, media, related, links, removed,
           provenance, schema_version, cluster_id, run_id)
           VALUES (7, 'a', 'b', '[]', '[]', '[]', '[]', '[]', '{}', '1', 7, 1)"""
    )
    assert [r["pk"] for r in writes.band_candidates(conn, [0, 12, 0])] == [7]
    assert writes.band_candidates(conn, [12, 0, 0]) == []  # bucket 12 is band 1's, not band 0's
