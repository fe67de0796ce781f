"""What the pages and the API read: functions over a ``Reader`` (one store, read-only).

Every function takes the ``Reader`` as its first argument and returns plain dicts and
lists (JSON-ready). The pages get the reader with ``request.app.state.reader``.
"""

from __future__ import annotations

import threading
from pathlib import Path

from newsgraph.store.query import Store


class Reader:
    """The store at ``path``, opened once per thread (SQLite connections are not shared)."""

    def __init__(self, path: Path, *, read_only: bool = True) -> None:
        self.path = path
        self.read_only = read_only
        self._local = threading.local()

    @property
    def store(self) -> Store:
        """This thread's ``Store``."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path)
        return store
