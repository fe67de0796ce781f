"""Hard stops: an ingest killed with -9 leaves no process behind, and the next run names it.

Linux only: the processes left are found through /proc by the session the run started.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.corpus.runner import ingest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

SRC = Path(__file__).resolve().parents[2] / "src"


def _alive_in_session(session: int) -> list[str]:
    """The command lines of the live (not zombie) processes of a session."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        state, _ppid, _pgrp, sid = stat[stat.rindex(")") + 2 :].split()[:4]
        if int(sid) == session and state != "Z":
            found.append(f"{entry.name}: {cmdline}")
    return found


def _articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_kill_9_leaves_no_process_and_the_next_run_marks_it_killed(tmp_path, kit):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": kit.story(n)}) + "\n" for n in range(20_000)))
    db = tmp_path / "news.db"
    path = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "ingest", str(feed), "--db", str(db)]
        + ["--workers", "2", "--batch-size", "2", "--annotators", "none", "--no-clean"],
        env={**os.environ, "PYTHONPATH": path, "OMP_NUM_THREADS": "1"},
        start_new_session=True,  # its session id is its pid, and its children's
        stderr=subprocess.DEVNULL,
    )
    try:
        # Two workers and the resource tracker besides the run itself, and work stored.
        started = _wait(lambda: len(_alive_in_session(proc.pid)) >= 4 and _articles(db) > 0, 90)
        assert started and proc.poll() is None, _alive_in_session(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert _wait(lambda: not _alive_in_session(proc.pid), 10), _alive_in_session(proc.pid)
    finally:
        for line in _alive_in_session(proc.pid):  # never leave them to the next test
            os.kill(int(line.split(":")[0]), signal.SIGKILL)

    stored = _articles(db)
    summary = ingest([], db, options=kit.fast, workers=1)
    assert summary.killed == [1]
    with sqlite3.connect(db) as conn:
        status, added, pid, host = conn.execute(
            "SELECT status, added, pid, host FROM runs WHERE id = 1"
        ).fetchone()
    assert status == "killed" and pid == proc.pid and host
    assert 0 < added <= stored  # its counts as of its last saved batch
    assert ingest([], db, options=kit.fast, workers=1).killed == []
