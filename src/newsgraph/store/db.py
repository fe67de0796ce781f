"""Connections to a store: many readers, one writer.

SQLite in WAL mode lets readers go on while one process writes. The writer
also holds an advisory lock on ``<db>.lock`` for its whole run, so a second
ingest into the same store fails at once with a clear message instead of
interleaving transactions; the lock dies with the process, even on kill -9.

Reading needs no write access: a store in a folder that cannot take WAL's
shared-memory file is opened ``immutable`` (nobody can be writing there). A
writer refuses any existing database that is not a newsgraph store before it
writes a byte into it, and a folder it cannot write is one clear error.
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

# The tables every version of the store has had (schema.MIGRATIONS, from v1 on).
_STORE_TABLES = {"runs", "articles", "inputs", "errors"}
# What SQLite says when a read-only connection cannot create the WAL index (-shm).
_NO_WAL_INDEX = {"SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN", "SQLITE_READONLY_CANTINIT"}


def connect(path: str | Path, *, write: bool = False) -> sqlite3.Connection:
    """Open the store; a writer creates and migrates it, a reader needs it to exist."""
    path = Path(path)
    conn = _open_writer(path) if write else _open_reader(path)
    conn.row_factory = sqlite3.Row
    return conn


def _uri(path: Path, query: str) -> str:
    return f"{path.absolute().as_uri()}?{query}"


def _sqlite(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def _open_reader(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise NewsgraphError(f"no store at {path}")
    try:
        try:
            conn = _sqlite(_uri(path, "mode=ro"))
            _check_store(conn, path, empty_ok=False)
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") not in _NO_WAL_INDEX:
                raise
            # A read-only folder: no writer can be at work in it, so reading the
            # file as it stands is exact.
            conn = _sqlite(_uri(path, "mode=ro&immutable=1"))
            _check_store(conn, path, empty_ok=False)
    except sqlite3.DatabaseError as exc:
        raise _error(path, exc) from exc
    return conn


def _open_writer(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _sqlite(_uri(path, "mode=rwc"))
    except OSError as exc:
        raise NewsgraphError(f"cannot write a store in {path.parent}: {exc.strerror}") from None
    except sqlite3.DatabaseError as exc:
        raise _error(path, exc) from exc
    try:
        _check_store(conn, path, empty_ok=True)  # before anything is written
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _error(path, exc) from exc
    except NewsgraphError:
        conn.close()
        raise
    return conn


def _check_store(conn: sqlite3.Connection, path: Path, *, empty_ok: bool) -> None:
    """Refuse a database that is not a newsgraph store (an empty one too, unless ``empty_ok``)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables and empty_ok:
        return
    if not tables:
        raise NewsgraphError(f"{path} is an empty database, not a newsgraph store")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 0 or not _STORE_TABLES <= tables:
        raise NewsgraphError(
            f"{path} is an SQLite database of another application, not a newsgraph store;"
            " newsgraph writes only into its own stores"
        )


def _error(path: Path, exc: sqlite3.DatabaseError) -> NewsgraphError:
    """One line for what SQLite said about the file at ``path``."""
    name = getattr(exc, "sqlite_errorname", "")
    if name == "SQLITE_NOTADB":
        return NewsgraphError(f"{path} is not a newsgraph store (not an SQLite database)")
    if name.startswith("SQLITE_READONLY"):
        return NewsgraphError(f"cannot write {path}: the file or its folder is read-only")
    if name.startswith("SQLITE_CANTOPEN"):
        return NewsgraphError(f"cannot open {path}")
    return NewsgraphError(f"cannot use the store {path}: {exc}")


class WriterLock:
    """Exclusive right to write the store at ``path`` for as long as it is held."""

    # Whether holding it proves no other writer alive (no advisory lock without fcntl).
    exclusive = fcntl is not None

    def __init__(self, path: str | Path) -> None:
        self.path = Path(f"{path}.lock")
        self._fd: int | None = None

    def __enter__(self) -> WriterLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise NewsgraphError(
                f"cannot write a store in {self.path.parent}: {exc.strerror}"
            ) from None
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
