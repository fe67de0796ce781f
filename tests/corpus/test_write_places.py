"""Places a run cannot or must not write: a read-only folder, another application's database.

Reading a store needs no write access; writing where one cannot is one line, no traceback.
As root, permission bits do not stop a process, so the commands run in a child that
gives up the capabilities that bypass them (CAP_DAC_OVERRIDE and friends).
"""

from __future__ import annotations

import ctypes
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import app
from newsgraph.corpus.runner import ingest

SRC = Path(__file__).resolve().parents[2] / "src"
# Capabilities that let root ignore file permission bits: DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER.
_BYPASS = (1, 2, 3)
_PR_CAPBSET_DROP = 24


def _drop_bypass() -> None:
    """In the child, before exec: leave the bounding set without the bypassing capabilities,
    so the command run as root obeys permission bits like any user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in _BYPASS:
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _cli(*args: object) -> subprocess.CompletedProcess:
    """Run the CLI in a child process that permission bits apply to."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_drop_bypass if _as_root() else None,
    )


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def read_only(tmp_path):
    """A folder nobody may write to; writable again at teardown so it can be removed."""
    if _as_root():
        try:
            subprocess.run([sys.executable, "-c", ""], preexec_fn=_drop_bypass, check=True)
        except (subprocess.SubprocessError, OSError) as exc:
            pytest.skip(f"root that cannot give up its permission bypass here ({exc})")
    folder = tmp_path / "ro"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)


def _one_error_line(result: subprocess.CompletedProcess, text: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsgraph: error: ") and text in lines[0]


def test_ingest_into_a_read_only_folder_is_one_line(read_only, corpus):
    read_only.chmod(0o555)
    result = _cli("ingest", corpus, "--db", read_only / "news.db", "--annotators", "none")
    _one_error_line(result, f"cannot write a store in {read_only}")
    assert list(read_only.iterdir()) == []


def test_a_store_in_a_read_only_folder_is_read(read_only, corpus, tmp_path, kit):
    db = read_only / "news.db"
    ingest([corpus], db, options=kit.fast, workers=1)
    for leftover in read_only.glob("news.db?*"):  # the writer's lock, WAL and index files
        leftover.unlink()
    read_only.chmod(0o555)
    for args in (
        ["search", "harbour"],
        ["quotes", "--limit", "3"],
        ["top", "sources"],
    ):
        result = _cli(*args, "--db", db)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    assert "Story" in _cli("search", "harbour", "--db", db).stdout
    out = tmp_path / "out"
    result = _cli("export", "--db", db, "--format", "jsonl", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "articles" in result.stderr and any(out.iterdir())


def test_export_into_a_read_only_folder_is_one_line(read_only, corpus, tmp_path, kit):
    db = tmp_path / "news.db"
    ingest([corpus], db, options=kit.fast, workers=1)
    read_only.chmod(0o555)
    for out in (read_only, read_only / "sub"):
        for format_ in ("jsonl", "parquet"):
            result = _cli("export", "--db", db, "--format", format_, "--out", out)
            _one_error_line(result, f"cannot write to {read_only}")


def _foreign(path: Path) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('mine')")
    conn.close()
    return path.read_bytes()


def test_another_applications_database_is_refused_and_untouched(tmp_path, corpus):
    db = tmp_path / "app.db"
    before = _foreign(db)
    result = CliRunner().invoke(
        app, ["ingest", str(corpus), "--db", str(db), "--annotators", "none", "--no-progress"]
    )
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"newsgraph: error: {db} is an SQLite database of another application, not a newsgraph"
        " store; newsgraph writes only into its own stores"
    ]
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists()
    result = CliRunner().invoke(app, ["search", "x", "--db", str(db)])
    assert result.exit_code == 1 and "not a newsgraph store" in result.stderr


def test_an_empty_database_becomes_a_store(tmp_path, corpus):
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--annotators",
            "none",
            "--no-clean",
            "--no-progress",
            "--workers",
            "1",
        ],
    )
    assert "added 10 articles" in result.stderr
