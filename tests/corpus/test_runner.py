"""Runners: a process pool gives the same store as the in-process runner."""

from __future__ import annotations

import sqlite3

from newsgraph.corpus.runner import ingest


def _content(db):
    with sqlite3.connect(db) as conn:
        return (
            conn.execute(
                "SELECT pk, id, cluster_id, syndicated, body FROM articles ORDER BY pk"
            ).fetchall(),
            conn.execute("SELECT hash, location FROM errors ORDER BY id").fetchall(),
        )


def test_pool_and_sequential_give_the_same_store(bad_inputs, corpus, tmp_path, kit):
    (bad_inputs / "huge.txt").unlink()  # no need to read 50 MB twice more
    paths = [corpus, bad_inputs]
    one = ingest(paths, tmp_path / "one.db", options=kit.fast, workers=1, batch_size=2)
    two = ingest(
        paths, tmp_path / "two.db", options=kit.fast, workers=2, batch_size=2, progress=True
    )
    assert one.counts == two.counts
    assert _content(tmp_path / "one.db") == _content(tmp_path / "two.db")
