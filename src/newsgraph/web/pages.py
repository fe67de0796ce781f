"""The HTML pages: overview, search, article, actor and Try it (docs/web.md, "Pages").

Every page is a Jinja2 template with autoescape on; its data comes from the store's
query module through ``request.app.state.reader``. Scripts are static files (the
Content-Security-Policy forbids inline ones); the data a script draws travels in a
``<script type="application/json">`` block written with ``tojson``. Front-end
libraries (D3, Leaflet) are served from their XStatic packages, and the map's
country outlines from ``outlines.py``: nothing is fetched from elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pycountry
import xstatic.pkg.d3
import xstatic.pkg.leaflet
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from newsgraph.errors import QueryError
from newsgraph.plover import TYPES
from newsgraph.store.browse import MARK_END, MARK_START, SEARCH_KINDS, Filters
from newsgraph.store.query import Store
from newsgraph.web import outlines, tryit
from newsgraph.web.data import overview as overview_data
from newsgraph.web.marks import KINDS, actor_path, article_marks, body_html

HERE = Path(__file__).parent
PAGE_SIZE = 20
MAX_PAGE = 10_000
OTHER_KIND = {"articles": "quotes", "quotes": "articles"}
COUNTRY_CODE = re.compile(r"[A-Z]{3}")  # ISO 3166 alpha-3, or an IGO code (events)
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

router = APIRouter(include_in_schema=False)
router.mount("/static/vendor/d3", StaticFiles(directory=xstatic.pkg.d3.BASE_DIR), name="d3")
router.mount(
    "/static/vendor/leaflet", StaticFiles(directory=xstatic.pkg.leaflet.BASE_DIR), name="leaflet"
)
router.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals.update(actor_path=actor_path, legend=KINDS, event_types=TYPES)


def web_link(url: str | None) -> str | None:
    """The URL when it is an http(s) link to show as an href, else None (shown as text)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def hits(snippet: str | None) -> Markup:
    """A search snippet escaped, its hits (``browse.MARK_START``/``MARK_END``) as <mark>."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def counted(n: int, one: str, many: str) -> str:
    """``1 story``, ``2 stories``."""
    return f"{n} {one if n == 1 else many}"


templates.env.filters.update(web_link=web_link, hits=hits, counted=counted)


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """A page, with the Content-Security-Policy and no sniffing."""
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _store(request: Request) -> Store:
    return request.app.state.reader.store


def _error(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "message": message}, status)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    """The corpus at a glance: months, top speakers, the map, the network, the dyads."""
    data = overview_data(request.app.state.reader)  # kept until the store changes
    months = data["months"]
    return render(
        request,
        "overview.html",
        {
            "counts": data["counts"],
            "months": months,
            "most": max((m["articles"] for m in months), default=0),
            "speakers": data["speakers"],
            "places": [p for p in data["places"] if p["lat"] is not None],
            "network": data["network"],
            "names": {n["id"]: n["name"] for n in data["network"]["nodes"]},
            "dyads": data["dyads"],
        },
    )


def _filters(request: Request) -> Filters:
    q = request.query_params
    return Filters(**{f: q.get(f) or None for f in Filters.__dataclass_fields__})


def _page_number(value: str | None) -> int:
    if not value:
        return 1
    # ASCII digits only: "¹" and "٣" are digits to str.isdigit, not to int()
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_PAGE:
        raise QueryError(f"page must be a number from 1 to {MAX_PAGE}, not {value!r}")
    return int(value)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request) -> HTMLResponse:
    """Full text over articles or quotes with filters; the URL holds the whole search."""
    params = request.query_params
    query = (params.get("q") or "").strip()
    kind = params.get("kind") if params.get("kind") in SEARCH_KINDS else "articles"
    store = _store(request)
    error, other, page = None, None, 1
    try:
        page = _page_number(params.get("page"))
        filters = _filters(request)
        offset = (page - 1) * PAGE_SIZE
        if query:
            found = store.find(query, filters, kind=kind, limit=PAGE_SIZE, offset=offset)
            other = store.find(query, filters, kind=OTHER_KIND[kind], limit=1).total
        elif kind == "quotes":
            found = store.quote_page(filters, limit=PAGE_SIZE, offset=offset)
        else:
            found = store.article_page(filters, limit=PAGE_SIZE, offset=offset)
    except QueryError as exc:
        error, found, filters = str(exc), None, Filters()
    status = 400 if error else 200

    def page_url(n: int | None = None, kind: str = kind) -> str:
        kept = [(k, v) for k, v in params.multi_items() if v and k not in ("page", "kind")]
        return "/search?" + urlencode([*kept, ("kind", kind), *([("page", str(n))] if n else [])])

    pages = -(-found.total // PAGE_SIZE) if found else 0
    return render(
        request,
        "search.html",
        {
            "query": query,
            "kind": kind,
            "other_kind": OTHER_KIND[kind],
            "other": other,
            "filters": filters,
            "found": found,
            "error": error,
            "page": page,
            "pages": pages,
            "page_url": page_url,
            "sources": request.app.state.reader.kept(
                ("sources",), lambda: store.top("sources", limit=100)
            ),
        },
        status,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    """One article with every finding marked in place, its metadata and its copies."""
    store = _store(request)
    try:
        record = store.article(article_id)
        copies = store.copies(article_id)
    except QueryError as exc:
        return _error(request, 404, str(exc))
    return render(
        request,
        "article.html",
        {"article": record, "body": body_html(record), "copies": copies, "stored": True},
    )


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor(request: Request, key: str) -> HTMLResponse:
    """An actor: its quotes over time, who quotes it and with whom, its events, its places."""
    store = _store(request)
    try:
        profile = store.actor(key)
    except QueryError as exc:
        if COUNTRY_CODE.fullmatch(key):
            return country(request, key)
        return _error(request, 404, str(exc))
    months = profile["quotes_by_month"]
    return render(
        request,
        "actor.html",
        {
            "key": key,
            "profile": profile,
            "most": max((m["quotes"] for m in months), default=0),
            "quotes": store.quote_page(Filters(speaker=key), limit=PAGE_SIZE),
            "acts": store.events(actor=key, limit=PAGE_SIZE),
            "acted_on": store.events(recipient=key, limit=PAGE_SIZE),
        },
    )


def country(request: Request, code: str) -> HTMLResponse:
    """A country (or IGO) as the events code it: what it does, what is done to it."""
    store = _store(request)
    acts = store.events(actor=code, limit=PAGE_SIZE)
    acted_on = store.events(recipient=code, limit=PAGE_SIZE)
    found = pycountry.countries.get(alpha_3=code)
    name = found.name if found else code
    if not (acts or acted_on or found):
        return _error(request, 404, f"no actor with key or country code {code!r}")
    same = [a for a in store.actor_page(name=name, type="GPE").rows if a["country"] == code]
    context = {"code": code, "name": name, "entity": same[0] if same else None}
    return render(request, "country.html", {**context, "acts": acts, "acted_on": acted_on})


@router.get("/try", response_class=HTMLResponse)
def try_form(request: Request) -> HTMLResponse:
    """Paste text or HTML, or upload a file, to see its extraction."""
    return render(request, "try.html", {"limit": tryit.LIMIT_TEXT})


@router.post("/try", response_class=HTMLResponse)
async def try_extract(request: Request) -> HTMLResponse:
    """The extraction of what was sent, marked up like an article; nothing is stored."""
    result = await tryit.run(request)
    context: dict[str, Any] = {"limit": tryit.LIMIT_TEXT, "sent": result.sent}
    if result.error:
        context["error"] = result.error
        return render(request, "try.html", context, result.status)
    record = result.article
    body = body_html(record, article_marks(record, linked=False))  # its actors are not stored
    context.update(article=record, body=body, record_json=record.to_json(indent=2))
    return render(request, "try.html", context)


@router.get("/geo/countries.json")
def countries() -> Response:
    """Country outlines as one GeoJSON FeatureCollection, from the countryinfo package."""
    return JSONResponse(outlines.countries(), headers={"Cache-Control": "max-age=86400"})
