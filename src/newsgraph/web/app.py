"""The web app: ``create_app(db)`` builds a FastAPI application over one store.

The store is opened read-only (``newsgraph.store.db.connect``); each worker thread
keeps its own connection (``data.Reader``). Routers: ``api.router`` under ``/api``
and ``pages.router`` for the HTML pages. Every error the app answers is JSON
``{"error": message}`` for the API.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from newsgraph.web import api, pages
from newsgraph.web.data import Reader


def create_app(db: Path, *, read_only: bool = True) -> FastAPI:
    """A FastAPI application serving the store at ``db``.

    Args:
        db: the SQLite store an ingest wrote.
        read_only: open the store read-only (the only mode the app has: no route writes).

    Returns:
        The application; ``app.state.reader`` is the ``data.Reader`` every route reads through.
    """
    app = FastAPI(title="newsgraph", docs_url=None, redoc_url=None)
    app.state.reader = Reader(Path(db), read_only=read_only)
    app.include_router(api.router, prefix="/api")
    app.include_router(pages.router)
    return app
