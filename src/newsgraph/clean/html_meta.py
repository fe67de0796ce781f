"""Title, publication date, authors and language of an HTML page, with their provenance.

Each value is taken from the most explicit source that has it: JSON-LD
(schema.org Article types), then ``<meta>`` tags and microdata, then byline
elements in the page. Every value carries where it came from ("json-ld",
"meta", "byline", "text", "url"), so a user can trust or discard it.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date

from lxml.html import HtmlElement

from newsgraph.clean.byline import parse_byline
from newsgraph.clean.html_published import local_published, url_day
from newsgraph.clean.html_title import choose_title, site_keys, title_candidates
from newsgraph.dates.published import parse_published
from newsgraph.record import Author

_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "socialmediaposting",
}
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
# byline candidates in one pass; _byline_kind ranks them from most to least specific
_BYLINE_XPATH = (
    "//@itemprop[contains(concat(' ', ., ' '), ' author ')]/.."
    " | //@rel[contains(concat(' ', ., ' '), ' author ')]/.."
    " | //@class[contains(., 'byline') or contains(., 'author') or contains(., 'Author')]/.."
)
_AUTHOR_NAME_CLASS = re.compile(r"author-name|author__name|authorName")
_LINE_TAGS = frozenset("br div p li ul ol h1 h2 h3 h4 h5 h6 time address section".split())
_BIO_XPATH = (
    '//@class[contains(., "author") or contains(., "Author")]/..'
    ' | //*[@itemprop="author"]//*[@itemprop="description"]'
)
_BIO_CLASS = re.compile(r"bio|about|info|description|box|details", re.IGNORECASE)
_IN_COMMENTS = re.compile(r"comment|reply|respon", re.IGNORECASE)


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


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    return re.sub(r"\s+", " ", html.unescape(str(value))).strip()


def json_ld_articles(tree: HtmlElement, ids: dict[str, dict] | None = None) -> list[dict]:
    """The schema.org objects describing the page: Article types first, then any with a date.

    ``ids``, when given, receives every named object by its ``@id`` (the Person
    an article's ``"author": {"@id": ...}`` points to).
    """
    articles: list[dict] = []
    others: list[dict] = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", raw)
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack and len(articles) + len(others) < 20:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if ids is not None and isinstance(item.get("@id"), str) and item.get("name"):
                    ids.setdefault(item["@id"], item)
                types = item.get("@type", "")
                types = types if isinstance(types, list) else [types]
                if any(str(t).lower() in _ARTICLE_TYPES for t in types):
                    articles.append(item)
                elif "datePublished" in item or "headline" in item:
                    others.append(item)  # a WebPage or similar
                for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                    if isinstance(item.get(key), list | dict):
                        stack.append(item[key])
    return articles + others


def _meta_values(tree: HtmlElement) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for meta in tree.xpath("//meta[@content]"):
        content = meta.get("content", "").strip()
        keys = {meta.get("property"), meta.get("name"), *(meta.get("itemprop") or "").split()}
        for key in keys:
            if key and content:
                values.setdefault(key.strip().lower(), []).append(content)
    return values


def _json_ld_authors(article: dict, ids: dict[str, dict]) -> list[Author]:
    raw = article.get("author") or article.get("creator") or []
    raw = raw if isinstance(raw, list) else [raw]
    authors: list[Author] = []
    for item in raw[:20]:
        if isinstance(item, dict) and "name" not in item:
            item = ids.get(str(item.get("@id")), item)
        if isinstance(item, dict):
            kind = str(item.get("@type", "Person")).lower()
            if "organization" in kind:
                continue
            name, bio = _text(item.get("name")), _text(item.get("description")) or None
        else:
            name, bio = _text(item), None
        for author in parse_byline(name):
            author.bio = clean_bio(bio, author.name)
            authors.append(author)
    return authors


def _authors_from_texts(texts: list[str]) -> list[Author]:
    authors: list[Author] = []
    for text in texts:
        for author in parse_byline(text):
            if all(a.name != author.name for a in authors):
                authors.append(author)
    return authors


def _lines(el: HtmlElement) -> str:
    """Text of an element with a line break at <br>, block elements and source line breaks."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        block = node.tag in _LINE_TAGS
        if block:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")
        if block:
            parts.append("\n")

    walk(el)
    text = re.sub(r"[ \t\r\f\v\u00a0]*\n\s*", "\n", "".join(parts))
    return re.sub(r"[ \t\r\f\v\u00a0]+", " ", text).strip()


def _byline_kind(el: HtmlElement) -> tuple[int, list[HtmlElement]]:
    """Rank of a byline candidate (0 = most specific) and the elements holding the name."""
    if "author" in (el.get("itemprop") or "").split():
        names = el.xpath('.//*[@itemprop="name"]')
        return (0, names) if names else (1, [el])
    if "author" in (el.get("rel") or "").split():
        return 2, [el]
    kind = el.get("class") or ""
    if "byline" in kind:
        return 3, [el]
    return (4 if _AUTHOR_NAME_CLASS.search(kind) else 5), [el]


def _byline_authors(tree: HtmlElement) -> tuple[list[Author], list[str]]:
    """Authors from the most specific kind of byline element that names any, and its texts."""
    by_kind: dict[int, list[str]] = {}
    for el in tree.xpath(_BYLINE_XPATH)[:50]:
        if any(
            _IN_COMMENTS.search((a.get("class") or "") + " " + (a.get("id") or ""))
            for a in el.iterancestors()
        ):
            continue
        kind, holders = _byline_kind(el)
        for holder in holders:
            text = _lines(holder) if holder.tag != "meta" else holder.get("content", "")
            if 0 < len(text) <= 300:
                by_kind.setdefault(kind, []).append(text)
    for kind in sorted(by_kind):
        texts = by_kind[kind][:10]
        authors = _authors_from_texts(texts)
        if authors:
            return authors, texts
    return [], []


def clean_bio(text: str | None, name: str) -> str | None:
    """An author's bio without markup, handles and box labels; None unless it reads as prose."""
    if not text:
        return None
    text = re.sub(r"<[^>]+>|\S+@\S+\.\w+|(?<!\w)@\w{1,30}", " ", text)
    text = " ".join(text.split())
    text = re.sub(r"^about(?:\s+the\s+author)?\b:?\s*", "", text, flags=re.IGNORECASE)
    # start where the name is followed by prose ("Jane Doe is a ...", "Jane covers ...")
    for key in (name, name.split()[0]):
        m = re.search(re.escape(key) + r"\s+(?=[^\W\d_]*[a-z])(?![A-Z])", text)
        if m:
            text = text[m.start() :]
            break
    if len(re.findall(r"\b[a-z]{2,}\b", text)) < 3 or not re.search(r"[.!?](?:\s|$)", text):
        return None
    return text


def _attach_bios(tree: HtmlElement, authors: list[Author]) -> None:
    """An author box's text as the bio of the author it names (by surname)."""
    if not authors or all(a.bio for a in authors):
        return
    boxes = [
        el
        for el in tree.xpath(_BIO_XPATH)
        if el.get("itemprop") == "description" or _BIO_CLASS.search(el.get("class") or "")
    ]
    for el in boxes[:20]:
        text = " ".join(el.text_content().split())
        if not 40 <= len(text) <= 1500:
            continue
        for author in authors:
            if author.bio is None and author.name.split()[-1] in text:
                author.bio = clean_bio(text, author.name)
                break


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
            names.append(_text(publisher))
    return names


def _prefer_local_date(
    out: PageMeta,
    tree: HtmlElement,
    meta: dict[str, list[str]],
    articles: list[dict],
    url: str | None,
    today: date,
) -> None:
    """A UTC date replaced by the page's own local one (meta offset, visible date, URL)."""
    others = [(v, "meta") for key in _DATE_META for v in meta.get(key, [])]
    others += [(_text(a.get("datePublished")), "json-ld") for a in articles[:5]]
    for el in tree.xpath('//time[@datetime] | //*[@itemprop="datePublished"]')[:5]:
        others.append((el.get("datetime") or el.get("content") or el.text_content(), "text"))
    if day := url_day(url):
        others.append((day, "url"))
    better = local_published(out.published or "", others, today)
    if better:
        out.published, out.provenance["published"] = better


def page_meta(tree: HtmlElement, today: date, url: str | None = None) -> PageMeta:
    """Title, publication date, authors and language declared by the page at ``url``.

    A publication date after ``today`` (or before 1900) is not taken.
    """
    out = PageMeta()
    meta = _meta_values(tree)
    out.site_name = (meta.get("og:site_name") or [None])[0]
    canonical = tree.xpath('//link[@rel="canonical"]/@href') or meta.get("og:url") or []
    out.url = next((u.strip() for u in canonical if u.strip().startswith("http")), None)
    out.language = page_language(tree, meta)
    ids: dict[str, dict] = {}
    articles = json_ld_articles(tree, ids)
    headlines = [_text(a.get("headline")) or _text(a.get("name")) for a in articles[:3]]
    sites = site_keys(_site_names(meta, articles), url or out.url)
    chosen = choose_title(title_candidates(tree, meta, [h for h in headlines if h]), sites)
    if chosen:
        out.title, out.provenance["title"] = chosen
    for article in articles:
        if out.published is None:
            day = parse_published(
                _text(article.get("datePublished") or article.get("dateCreated")), today=today
            )
            if day:
                out.published, out.provenance["published"] = day, "json-ld"
        if not out.authors:
            out.authors = _json_ld_authors(article, ids)
            if out.authors:
                out.provenance["authors"] = "json-ld"
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
    if out.published and out.published.endswith("+00:00"):
        _prefer_local_date(out, tree, meta, articles, url or out.url, today)
    if not out.authors:
        texts = [v for key in _AUTHOR_META for v in meta.get(key, []) if "/" not in v]
        out.authors = _authors_from_texts(texts)
        if out.authors:
            out.provenance["authors"] = "meta"
    if not out.authors:
        out.authors, out.bylines = _byline_authors(tree)
        if out.authors:
            out.provenance["authors"] = "byline"
    _attach_bios(tree, out.authors)
    return out
