"""The embedded store: an SQLite file with WAL, FTS5 search and plain tables (docs/store.md)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.store.query import Rows, Store


def open(path: str | Path) -> Store:  # noqa: A001 - newsgraph.open(path) reads like the builtin
    """Open a store for reading.

    Args:
        path: the SQLite file an ingest run wrote.

    Returns:
        A ``Store``: ``search()``, ``quotes()``, ``top()``, ``events()``, ``dyads()``,
        ``scores()``, ``actor_graph()``, ``article()``, ``articles()``, ``errors()``,
        ``count()``; each query's rows turn into a DataFrame with ``.frame()``;
        ``table_rows(name)`` streams a whole table (docs/dataset.md).

    Example:
        >>> store = newsgraph.store.open("news.db")
        >>> store.search("condemn AND Hamas", limit=5).frame()
    """
    return Store(path)


__all__ = ["Rows", "Store", "open"]
