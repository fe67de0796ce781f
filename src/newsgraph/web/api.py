"""The JSON API under /api (docs/web.md): the store's listings, records and profiles, and
the extraction of one posted article.

Every listing is a page, ``{"total", "limit", "offset", "items"}``: ``limit`` 1 to
``data.MAX_LIMIT`` (default 20), ``offset`` 0 or more; a bound outside them is a 422.
Errors are ``{"error": message}`` (``app.py`` gives every error that shape): 400 a
malformed query (FTS5 syntax, a date, an event type), 404 an unknown id, 413 a posted
article over ``MAX_UPLOAD`` bytes, 422 a parameter out of its bounds or a posted input
that holds no article.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from newsgraph.errors import NewsgraphError
from newsgraph.plover import TYPES
from newsgraph.web import data
from newsgraph.web.data import Filters

MAX_UPLOAD = 2 * 1024 * 1024  # bytes of text, HTML or file POST /api/extract takes
UPLOAD_SLACK = 64 * 1024  # a multipart form's own fields and boundaries

router = APIRouter()


class Error(BaseModel):
    """What every error answers."""

    error: str = Field(description="What was wrong, in one line.")


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    meaning = {
        400: "A malformed query: FTS5 syntax, a date, an event type.",
        404: "No such id in the store.",
        413: f"The posted input is over {MAX_UPLOAD} bytes.",
        422: "A parameter out of its bounds, or an input that holds no article.",
    }
    return {code: {"model": Error, "description": meaning[code]} for code in codes}


class PageOut(BaseModel):
    """One page of a listing."""

    total: int = Field(description="Rows that match, in all.")
    limit: int
    offset: int
    items: list[dict[str, Any]]


Limit = Annotated[
    int, Query(ge=1, le=data.MAX_LIMIT, description=f"Rows per page, 1 to {data.MAX_LIMIT}.")
]
Offset = Annotated[int, Query(ge=0, le=2**62, description="Rows to skip.")]
Day = Annotated[str | None, Query(description="A day, ISO 8601 (2024-03-14), inclusive.")]
Who = Annotated[
    str | None,
    Query(description="A country code in capitals (USA), an entity key or part of a name."),
]
EventType = Annotated[str | None, Query(description=f"A PLOVER type: {', '.join(TYPES)}.")]


def _filters(
    since: Day = None,
    until: Day = None,
    source: Annotated[str | None, Query(description="An outlet, exactly as stored.")] = None,
    speaker: Annotated[
        str | None, Query(description="Quoted in it: an entity key or part of a name.")
    ] = None,
    entity: Annotated[
        str | None, Query(description="Named in it: an entity key or part of a name.")
    ] = None,
    place: Annotated[str | None, Query(description="A place name or a GeoNames id.")] = None,
    event_type: EventType = None,
) -> Filters:
    return Filters(since, until, source, speaker, entity, place, event_type)


ArticleFilters = Annotated[Filters, Depends(_filters)]


def _reader(request: Request) -> data.Reader:
    return request.app.state.reader


@router.get("/articles", response_model=PageOut, responses=_errors(400, 422))
def articles(
    request: Request, filters: ArticleFilters, limit: Limit = 20, offset: Offset = 0
) -> dict:
    """Articles newest first: id, title, published, source, url, cluster, syndicated,
    agency, duplicates, lead."""
    return data.articles(_reader(request), filters, limit=limit, offset=offset).to_dict()


@router.get("/articles/{article_id}", responses=_errors(404))
def article(request: Request, article_id: str) -> dict[str, Any]:
    """One article's full record (docs/record.md)."""
    return data.article(_reader(request), article_id)


@router.get("/articles/{article_id}/copies", responses=_errors(404))
def copies(request: Request, article_id: str) -> dict[str, Any]:
    """An article's near-duplicates and, among them, its wire copies."""
    return data.copies(_reader(request), article_id)


@router.get("/search", response_model=PageOut, responses=_errors(400, 422))
def search(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=1000,
            description='FTS5: words, "phrases", AND / OR / NOT, prefix*, NEAR(a b).',
        ),
    ],
    filters: ArticleFilters,
    kind: Annotated[Literal["articles", "quotes"], Query(description="What to search.")] = (
        "articles"
    ),
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict:
    """Articles or quotes matching a full-text query, best first. ``snippet`` (and an
    article's ``title_marked``) holds each hit between U+E000 and U+E001."""
    page = data.search(_reader(request), q, filters, kind=kind, limit=limit, offset=offset)
    return page.to_dict()


@router.get("/quotes", response_model=PageOut, responses=_errors(400, 422))
def quotes(
    request: Request, filters: ArticleFilters, limit: Limit = 20, offset: Offset = 0
) -> dict:
    """Quotes newest first, with speaker and article (``speaker`` filters on the quote's
    own speaker)."""
    return data.quotes(_reader(request), filters, limit=limit, offset=offset).to_dict()


@router.get("/actors", response_model=PageOut, responses=_errors(422))
def actors(
    request: Request,
    name: Annotated[str | None, Query(description="Any part of a name.")] = None,
    type: Annotated[str | None, Query(description="PERSON, ORG, GPE, NORP ...")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict:
    """Actors (entities) by the number of articles naming them."""
    page = data.actors(_reader(request), name=name, type=type, limit=limit, offset=offset)
    return page.to_dict()


@router.get("/actors/{key:path}", responses=_errors(404))
def actor(request: Request, key: str) -> dict[str, Any]:
    """One actor's profile: quotes by month, who quotes it, who it is quoted with, its
    events by month and type, the places around it."""
    return data.actor(_reader(request), key)


@router.get("/places", response_model=PageOut, responses=_errors(400, 422))
def places(
    request: Request, filters: ArticleFilters, limit: Limit = 20, offset: Offset = 0
) -> dict:
    """Places by stories, with coordinates when the gazetteer knows them."""
    return data.places(_reader(request), filters, limit=limit, offset=offset).to_dict()


@router.get("/events", response_model=PageOut, responses=_errors(400, 422))
def events(
    request: Request,
    actor: Who = None,
    recipient: Who = None,
    type: EventType = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict:
    """Events newest first, one row per event however many articles report it."""
    page = data.events(
        _reader(request),
        actor=actor,
        recipient=recipient,
        type=type,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return page.to_dict()


@router.get("/dyads", response_model=PageOut, responses=_errors(400, 422))
def dyads(
    request: Request,
    actor: Who = None,
    recipient: Who = None,
    type: EventType = None,
    since: Day = None,
    until: Day = None,
    by: Annotated[Literal["day", "month", "year", "all"], Query(description="The period.")] = (
        "month"
    ),
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict:
    """Actor -> recipient pairs per period: events per quad category, a cooperation (+)
    / conflict (-) score and its mean per event."""
    page = data.dyads(
        _reader(request),
        actor=actor,
        recipient=recipient,
        type=type,
        since=since,
        until=until,
        by=by,
        limit=limit,
        offset=offset,
    )
    return page.to_dict()


@router.get("/graph", responses=_errors(400, 422))
def graph(
    request: Request,
    since: Day = None,
    until: Day = None,
    limit: Annotated[
        int, Query(ge=1, le=data.MAX_LIMIT, description="The most quoted actors to draw.")
    ] = 50,
) -> dict[str, Any]:
    """The actor network: nodes (the most quoted actors) and edges (``quoted``: in the
    same story, weighted by stories; ``event``: one acts on the other, by events)."""
    return data.graph(_reader(request), since=since, until=until, limit=limit)


@router.get("/overview", responses=_errors(400))
def overview(request: Request, since: Day = None, until: Day = None) -> dict[str, Any]:
    """The corpus at a glance: counts, articles per month, top speakers and places, the
    actor network and the dyads per month with their cooperation/conflict score."""
    return data.overview(_reader(request), since=since, until=until)


class ExtractIn(BaseModel):
    """One article to extract: its text or its HTML."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain text, as a scraper left it.")
    html: str | None = Field(None, description="An HTML page.")
    url: str | None = Field(None, description="Its address: recorded, never fetched.")
    published: str | None = Field(None, description="Its publication date, ISO 8601.")
    clean: bool = Field(True, description="Remove page furniture (False: the text is the body).")


_EXTRACT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ExtractIn.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "url": {"type": "string"},
                        "published": {"type": "string"},
                    },
                }
            },
        },
    }
}


@router.post("/extract", responses=_errors(400, 413, 422), openapi_extra=_EXTRACT_BODY)
async def extract(request: Request) -> dict[str, Any]:
    """Extract one article sent as JSON (``text`` or ``html``) or as an uploaded ``file``
    (multipart); at most 2 MB. Nothing is fetched and nothing is stored: the answer is
    the record (docs/record.md)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "multipart/form-data":
        source, fields = await _upload(request)
        fmt, clean = None, True
    elif media == "application/json":
        try:
            sent = ExtractIn.model_validate_json(await request.body())
        except ValidationError as exc:
            raise HTTPException(422, invalid_message(exc.errors())) from None
        if (sent.text is None) == (sent.html is None):
            raise HTTPException(422, "send exactly one of text and html")
        source = sent.text if sent.text is not None else sent.html
        fmt = "text" if sent.text is not None else "html"
        fields, clean = {"url": sent.url, "published": sent.published}, sent.clean
    else:
        raise HTTPException(415, "send application/json or multipart/form-data")
    if len(source.encode("utf-8") if isinstance(source, str) else source) > MAX_UPLOAD:
        raise HTTPException(413, f"the input is over {MAX_UPLOAD} bytes")
    try:
        record = await run_in_threadpool(
            partial(
                data.extract,
                source,
                url=fields.get("url") or None,
                published=fields.get("published") or None,
                clean=clean,
                format=fmt,
                max_bytes=MAX_UPLOAD,
            )
        )
    except NewsgraphError as exc:
        raise HTTPException(422, f"no article could be extracted: {exc}") from None
    return record.to_dict()


async def _upload(request: Request) -> tuple[bytes, dict[str, str]]:
    """The uploaded file and the form's text fields."""
    form = await request.form(max_files=1, max_fields=4, max_part_size=MAX_UPLOAD + 1)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise HTTPException(422, "the form has no file field")
    content = await upload.read(MAX_UPLOAD + 1)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    return content, fields


def invalid_message(errors: Sequence[Any]) -> str:
    """Pydantic's validation errors in one line: ``where: what; ...``."""
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in errors)
