"""Try it: extract one pasted or uploaded text, limited in size, and store nothing.

The form is read here with its own limits (Starlette's default part limit is 1 MB):
at most ``LIMIT`` bytes of text or file, and a request body that streams in past the
limit is dropped as soon as it does, never spooled to disk. The input is never fetched from anywhere: a
URL pasted in is text like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.types import Message

from newsgraph.errors import NewsgraphError
from newsgraph.record import Article
from newsgraph.web import data

LIMIT = 2 * 1024 * 1024
LIMIT_TEXT = "2 MB"
FORMATS = ("auto", "text", "html")
_SLACK = 64 * 1024  # the form's own fields and boundaries


@dataclass
class Result:
    """The extracted article, or the reason there is none (with its HTTP status)."""

    article: Article | None = None
    error: str | None = None
    status: int = 200
    sent: dict[str, str] = field(default_factory=dict)


def _too_big(size: int | None = None) -> Result:
    got = f" (this one is {size / 1024 / 1024:.1f} MB)" if size else ""
    return Result(
        error=f"The input is larger than {LIMIT_TEXT}{got}: send a shorter text.", status=413
    )


async def _bounded(request: Request) -> Request | None:
    """The request with its body read into memory, or None when the body is over the
    limit: said by its Content-Length, or found while it streams in (chunked)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > LIMIT + _SLACK:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > LIMIT + _SLACK:
            return None

    async def replay() -> Message:
        return {"type": "http.request", "body": bytes(body), "more_body": False}

    return Request(request.scope, replay)


async def _input(request: Request) -> tuple[bytes | str | None, dict[str, str], Result | None]:
    bounded = await _bounded(request)
    if bounded is None:
        length = request.headers.get("content-length", "")
        return None, {}, _too_big(int(length) if length.isdigit() else None)
    try:
        form = await bounded.form(max_files=1, max_fields=8, max_part_size=LIMIT + _SLACK)
    except HTTPException as exc:
        return None, {}, Result(error=f"The form could not be read: {exc.detail}", status=400)
    text = form.get("text")
    sent = {
        "text": text if isinstance(text, str) else "",
        "format": str(form.get("format") or "auto"),
        "published": str(form.get("published") or ""),
        "clean": "off" if form.get("no_clean") else "on",
    }
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(LIMIT + 1)
        if len(data) > LIMIT:
            return None, sent, _too_big()
        return data, sent, None
    if len(sent["text"].encode("utf-8")) > LIMIT:
        return None, sent, _too_big(len(sent["text"].encode("utf-8")))
    return sent["text"] or None, sent, None


async def run(request: Request) -> Result:
    """Read the form and extract what it holds; errors are a message for the page."""
    source, sent, failed = await _input(request)
    if failed:
        failed.sent = sent
        return failed
    if not source:
        return Result(error="Paste a text or choose a file first.", status=400, sent=sent)
    fmt = sent["format"] if sent["format"] in FORMATS[1:] else None
    try:  # through data.extract: one extraction at a time, shared with /api/extract
        article = await run_in_threadpool(
            data.extract,
            source,
            published=sent["published"] or None,
            clean=sent["clean"] == "on",
            format=fmt,
            max_bytes=LIMIT,
        )
    except NewsgraphError as exc:
        return Result(error=f"No article could be extracted: {exc}", status=422, sent=sent)
    return Result(article=article, sent=sent)
