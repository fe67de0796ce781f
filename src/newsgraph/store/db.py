"""Connections to a store: many readers, one writer.

SQLite in WAL mode lets readers go on while one process writes. The writer
also holds an advisory lock on ``<db>.lock`` for its whole run, so a second
ingest into the same store fails at once with a clear message instead of
interleaving transactions; the lock dies with the process, even on kill -9.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.store.schema import migrate

try:
    import fcntl
except ImportError:  # Windows: no advisory lock, SQLite's own locking still applies
    fcntl = None


def connect(path: str | Path, *, write: bool = False) -> sqlite3.Connection:
    """Open the store; a writer creates and migrates it, a reader needs it to exist."""
    path = Path(path)
    if not write and not path.exists():
        raise NewsgraphError(f"no store at {path}")
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{path}"
    else:
        uri = f"file:{path}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 10000")
        if write:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        else:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise NewsgraphError(f"{path} is not a newsgraph store ({exc})") from exc
    conn.row_factory = sqlite3.Row
    return conn


class WriterLock:
    """Exclusive right to write the store at ``path`` for as long as it is held."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(f"{path}.lock")
        self._fd: int | None = None

    def __enter__(self) -> WriterLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(self._fd)
                self._fd = None
                raise NewsgraphError(
                    f"another process is writing to {self.path.with_suffix('')}"
                ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def transaction(conn: sqlite3.Connection):
    """``with transaction(conn):`` runs the block in one IMMEDIATE transaction."""
    return _Transaction(conn)


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
