"""Title, publication date, authors and language of an HTML page, with their provenance.

Each value is taken from the most explicit source that has it: JSON-LD
(schema.org Article types), then ``<meta>`` tags and microdata, then byline
elements in the page. Every value carries where it came from ("json-ld",
"meta", "byline", "text", "url"), so a user can trust or discard it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from lxml.html import HtmlElement

from newsgraph.clean.html_authors import page_authors
from newsgraph.clean.html_classes import ClassIndex
from newsgraph.clean.html_dateline import datelines
from newsgraph.clean.html_jsonld import json_ld_articles, ld_text
from newsgraph.clean.html_published import local_published, url_day, utc_clock
from newsgraph.clean.html_title import choose_title, site_keys, title_candidates
from newsgraph.dates.published import parse_published, read_day, read_published
from newsgraph.record import Author

_DATE_META = (
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "ptime",
    "pdate",
    "article.published",
    "cxenseparse:recs:publishtime",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
    "twitter:creator",
)


@dataclass
class PageMeta:
    """Metadata found in a page; ``provenance`` maps a field to its source."""

    title: str | None = None
    published: str | None = None
    authors: list[Author] = field(default_factory=list)
    language: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    site_name: str | None = None
    bylines: list[str] = field(default_factory=list)  # byline texts the authors came from
    url: str | None = None  # canonical address the page declares


def _meta_values(tree: HtmlElement) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        keys = {meta.get("property"), meta.get("name"), *(meta.get("itemprop") or "").split()}
        for key in keys:
            if key and content:
                values.setdefault(key.strip().lower(), []).append(content)
    return values


def page_language(tree: HtmlElement, meta: dict[str, list[str]]) -> str | None:
    """Primary language subtag the page declares (lang attribute, content-language, og:locale)."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *meta.get("content-language", []),
        *meta.get("og:locale", []),
    ]
    for code in candidates:
        m = re.match(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$", code or "")
        if m and m.group(1).lower() not in {"und", "mul", "xx"}:
            return m.group(1).lower()
    return None


def _site_names(meta: dict[str, list[str]], articles: list[dict]) -> list[str]:
    """The names the page gives its site: og:site_name, application-name, JSON-LD publisher."""
    names = meta.get("og:site_name", []) + meta.get("application-name", [])
    for article in articles[:3]:
        publisher = article.get("publisher")
        if isinstance(publisher, dict | list):
            names.append(ld_text(publisher))
    return names


def _utc_or_naive(published: str | None) -> bool:
    """A time in UTC or without an offset: the local day may be another."""
    when = read_published(published)
    return isinstance(when, datetime) and when.utcoffset() in (None, timedelta(0))


def _prefer_local_date(
    out: PageMeta,
    tree: HtmlElement,
    classes: ClassIndex,
    meta: dict[str, list[str]],
    articles: list[dict],
    url: str | None,
    today: date,
) -> None:
    """A UTC or naive time replaced by the page's own local one (meta offset, visible date, URL).

    A local offset on the UTC clock time is first read as the UTC time it is.
    """
    others = [(v, "meta") for key in _DATE_META for v in meta.get(key, [])]
    others += [(ld_text(a.get("datePublished")), "json-ld") for a in articles[:5]]
    out.published = utc_clock(out.published or "", [v for v, _ in others]) or out.published
    if not _utc_or_naive(out.published):
        return
    for el in tree.xpath('//time[@datetime] | //*[@itemprop="datePublished"]')[:5]:
        others.append((el.get("datetime") or el.get("content") or el.text_content(), "text"))
    if day := url_day(url):
        others.append((day, "url"))
    reference = read_day(out.published) or today
    others += [(shown.isoformat(), "text") for shown in datelines(tree, classes, reference)]
    better = local_published(out.published or "", others, today)
    if better:
        out.published, out.provenance["published"] = better


def page_meta(
    tree: HtmlElement, today: date, url: str | None = None, classes: ClassIndex | None = None
) -> PageMeta:
    """Title, publication date, authors and language declared by the page at ``url``.

    A publication date after ``today`` (or before 1900) is not taken. ``classes``:
    the page's class index when the caller already has one (else it is read here).
    """
    out = PageMeta()
    meta = _meta_values(tree)
    classes = classes or ClassIndex(tree)
    out.site_name = (meta.get("og:site_name") or [None])[0]
    canonical = tree.xpath('//link[@rel="canonical"]/@href') or meta.get("og:url") or []
    out.url = next((u.strip() for u in canonical if u.strip().startswith("http")), None)
    out.language = page_language(tree, meta)
    ids: dict[str, dict] = {}
    articles = json_ld_articles(tree, ids)
    headlines = [ld_text(a.get("headline")) or ld_text(a.get("name")) for a in articles[:3]]
    sites = site_keys(_site_names(meta, articles), url or out.url)
    chosen = choose_title(title_candidates(tree, meta, [h for h in headlines if h]), sites)
    if chosen:
        out.title, out.provenance["title"] = chosen
    for article in articles:
        if out.published is None:
            day = parse_published(
                ld_text(article.get("datePublished") or article.get("dateCreated")), today=today
            )
            if day:
                out.published, out.provenance["published"] = day, "json-ld"
    if out.published is None:
        for key in _DATE_META:
            day = next(
                filter(None, (parse_published(v, today=today) for v in meta.get(key, []))), None
            )
            if day:
                out.published, out.provenance["published"] = day, "meta"
                break
    if out.published is None:
        for el in tree.xpath('//*[@itemprop="datePublished"]')[:3]:
            written = el.get("datetime") or el.get("content") or el.text_content()
            day = parse_published(written, today=today)
            if day:
                out.published, out.provenance["published"] = day, "meta"
                break
    if out.published:
        _prefer_local_date(out, tree, classes, meta, articles, url or out.url, today)
    texts = [v for key in _AUTHOR_META for v in meta.get(key, []) if "/" not in v]
    out.authors, source, out.bylines = page_authors(tree, classes, articles, ids, texts)
    if source:
        out.provenance["authors"] = source
    return out
