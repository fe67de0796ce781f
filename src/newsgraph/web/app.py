"""The web app: ``create_app(db)`` builds a FastAPI application over one store.

The store is opened read-only; each worker thread keeps its own connection
(``data.Reader``). Routers: ``api.router`` under ``/api`` and ``pages.router`` for the
HTML pages. The OpenAPI description is at ``/openapi.json`` and its Swagger UI at
``/docs``, served from the swagger-ui-bundle package: nothing is fetched from elsewhere.

Every error under ``/api`` is JSON ``{"error": message}`` with its status: 400 a
malformed query, 404 an unknown id or route, 413 a body over ``api.MAX_UPLOAD``, 422 a
parameter out of bounds. Errors elsewhere are plain text.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.errors import NewsgraphError, NotFoundError, QueryError
from newsgraph.web import api, data, pages
from newsgraph.web.data import Reader

log = logging.getLogger(__name__)
SWAGGER = "/static/swagger-ui"


def create_app(db: Path, *, read_only: bool = True) -> FastAPI:
    """A FastAPI application serving the store at ``db``.

    Args:
        db: the SQLite store an ingest wrote; it must exist.
        read_only: open the store read-only, the only mode there is: no route writes.

    Returns:
        The application; ``app.state.reader`` is the ``data.Reader`` routes read through.

    Example:
        >>> uvicorn.run(create_app(Path("news.db")), host="127.0.0.1", port=8000)
    """
    app = FastAPI(
        lifespan=_warm,
        title="newsgraph",
        summary="Who said what, who did what to whom, where and when: a store's JSON API.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.reader = Reader(Path(db), read_only=read_only)
    app.state.reader.store  # noqa: B018 - a missing or foreign store fails here, not per request
    app.add_middleware(BodyLimit, limit=api.MAX_UPLOAD + api.UPLOAD_SLACK, prefix="/api/")
    app.add_middleware(NoSniff)
    app.include_router(api.router, prefix="/api", tags=["api"])
    app.mount(SWAGGER, StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsgraph API",
            swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER}/swagger-ui.css",
            swagger_favicon_url=f"{SWAGGER}/favicon-32x32.png",
        )

    app.include_router(pages.router)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(NewsgraphError, _store_error)
    app.add_exception_handler(Exception, _bug)
    return app


@asynccontextmanager
async def _warm(app: FastAPI) -> AsyncIterator[None]:
    """While the server starts, compute the overview in the background: the first visit
    to the overview page then finds it kept."""
    app.state.warming = threading.Thread(target=_overview, args=(app.state.reader,), daemon=True)
    app.state.warming.start()
    yield


def _overview(reader: Reader) -> None:
    """Make the overview ahead of time; a store it cannot be made from (one older than the
    event tables) says why to the first visitor, who asks again."""
    try:
        data.overview(reader)
    except NewsgraphError as exc:
        log.info("the overview was not made ahead: %s", exc)


def _error(request: Request, status: int, message: str) -> Response:
    """``{"error": message}`` under /api, the message as text elsewhere."""
    if request.url.path.startswith("/api"):
        return JSONResponse({"error": message}, status_code=status)
    return PlainTextResponse(message, status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    response = _error(request, exc.status_code, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return _error(request, 422, api.invalid_message(exc.errors()) or "invalid request")


async def _store_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, NotFoundError):
        return _error(request, 404, str(exc))
    return _error(request, 400 if isinstance(exc, QueryError) else 422, str(exc))


async def _bug(request: Request, exc: Exception) -> Response:
    log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return _error(request, 500, f"internal error: {type(exc).__name__}")


class NoSniff:
    """Every answer says ``X-Content-Type-Options: nosniff``: a browser never takes JSON
    holding an article's markup for a page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k != b"x-content-type-options"
                ]
                message["headers"] = [*headers, (b"x-content-type-options", b"nosniff")]
            await send(message)

        await self.app(scope, receive, sending)


class BodyLimit:
    """Refuse a request body over ``limit`` bytes under ``prefix`` with a 413: at once from
    its Content-Length, else as soon as the bytes streamed in pass the limit."""

    def __init__(self, app: ASGIApp, *, limit: int, prefix: str) -> None:
        self.app, self.limit, self.prefix = app, limit, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            response = JSONResponse(
                {"error": f"the request body is over {self.limit} bytes"}, status_code=413
            )
            await response(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, f"the request body is over {self.limit} bytes")
            return message

        await self.app(scope, counted, send)
