"""Resume: kill -9 an ingest at random points, restart; the store equals one clean run."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from newsgraph.corpus.runner import ingest
from newsgraph.options import Options

SCRIPT = """
import sys
from newsgraph.corpus.runner import ingest
from newsgraph.options import Options
ingest([sys.argv[1]], sys.argv[2], options=Options(annotators=(), clean=False), workers=1,
       batch_size=4)
"""


def _feed(path, kit, n=300):
    """Distinct stories, exact and near duplicates, and broken lines."""
    lines = []
    for i in range(n):
        if i % 25 == 7:
            lines.append("{broken json " + str(i))
        elif i % 10 == 3:
            lines.append(json.dumps({"text": kit.story(i - 1) + " Updated.", "source": f"s{i}"}))
        else:
            lines.append(json.dumps({"text": kit.story(i), "source": f"s{i % 7}"}))
    path.write_text("\n".join(lines) + "\n")


def _articles(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _state(db) -> dict:
    with sqlite3.connect(db) as conn:
        q = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
        return {
            "articles": sorted(q("SELECT id, cluster_id IS NOT NULL, syndicated FROM articles")),
            "inputs": sorted(q("SELECT hash, article FROM inputs")),
            "errors": sorted(q("SELECT hash, reason FROM errors")),
            "fts": q("SELECT count(*) FROM articles_fts")[0][0],
            "bands": q("SELECT count(*) FROM lsh_bands")[0][0],
            "cluster_sizes": sorted(
                n for (n,) in q("SELECT count(*) FROM articles GROUP BY cluster_id")
            ),
        }


def _run(feed, db, kill_at=None):
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(feed), str(db)], env=env)
    if kill_at is not None:
        deadline = time.monotonic() + 60
        while proc.poll() is None and _articles(db) < kill_at and time.monotonic() < deadline:
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=120)
    return proc.returncode


def test_killed_runs_resume_to_exactly_one_clean_run(tmp_path, kit):
    feed = tmp_path / "feed.jsonl"
    _feed(feed, kit)
    clean_db = tmp_path / "clean.db"
    ingest([feed], clean_db, options=Options(annotators=(), clean=False), workers=1, batch_size=4)
    clean = _state(clean_db)
    assert len(clean["errors"]) == 12 and max(clean["cluster_sizes"]) >= 2

    rng = random.Random(5)
    db = tmp_path / "resumed.db"
    targets = sorted(rng.sample(range(1, len(clean["articles"])), 3))
    for target in targets:
        assert _run(feed, db, kill_at=target) == -signal.SIGKILL
    assert _run(feed, db) == 0
    assert _state(db) == clean
