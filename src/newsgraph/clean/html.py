"""HTML page -> article body and metadata: trafilatura plus what news pages need.

The body is trafilatura's (``bare_extraction``, options chosen on the HTML
benchmark, see docs/benchmarks/body_html.md); when it finds nothing, the
page's paragraphs are the fallback, so short CJK and Arabic pages still
give a body. On top: title, date and authors with their provenance
(``html_meta``), captions and credits (``html_media``), related and
previous/next links, hyperlinks of the body as body offsets
(``html_links``), and the furniture dropped (``html_furniture``).
The page is parsed once; every step reads the same tree, and its class and id
attributes are read once for the steps that look elements up by them
(``html_classes``).
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsgraph.clean.cleaned import Cleaned
from newsgraph.clean.html_body import extract_body, paragraphs, split_off
from newsgraph.clean.html_classes import ClassIndex
from newsgraph.clean.html_furniture import page_furniture
from newsgraph.clean.html_links import body_links
from newsgraph.clean.html_media import page_media, page_related
from newsgraph.clean.html_meta import PageMeta, page_meta
from newsgraph.clean.html_published import url_day
from newsgraph.dates.published import parse_published
from newsgraph.record import Removed

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "head")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)


def _parse(html: str) -> HtmlElement | None:
    try:
        return load_html(html)
    except (ValueError, TypeError, etree.LxmlError):
        return None


def html_to_text(html: str) -> str:
    """All visible text of a page, one paragraph per block element (for clean=False)."""
    tree = _parse(html)
    if tree is None:
        return ""
    for bad in tree.xpath("|".join(f"//{t}" for t in _DROP_TAGS)):
        bad.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    return "\n\n".join(paragraphs(tree.text_content()))


def _fallback_date(tree: HtmlElement, url: str | None, meta: PageMeta, today: date) -> None:
    """Publication date when the metadata has none: the URL's day, else htmldate's search."""
    from htmldate import find_date

    if day := parse_published(url_day(url), today=today):
        meta.published, meta.provenance["published"] = day, "url"
        return
    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError, etree.LxmlError):
        return
    day = parse_published(found, today=today)
    if not day:
        return
    digits = re.sub(r"\D", "", url or "")
    meta.published = day
    meta.provenance["published"] = "url" if day[:10].replace("-", "") in digits else "text"


def clean_html(html: str, url: str | None = None, *, today: date | None = None) -> Cleaned:
    """Extract the article body and metadata from an HTML page.

    Args:
        html: the page's markup, already decoded.
        url: the page's address, used to resolve relative links (default: the
            canonical address the page declares).
        today: publication dates after it are refused (default: the local date).

    Returns:
        A ``Cleaned`` with the body (paragraphs joined by blank lines), title,
        publication date, authors, media, related links, body links, the
        furniture removed, the declared language and the provenance of
        title, date and authors. A page with no article gives an empty body.
    """
    tree = _parse(html)
    if tree is None:
        return Cleaned(body="")
    today = today or date.today()
    classes = ClassIndex(tree)
    meta = page_meta(tree, today, url, classes)
    url = url or meta.url  # relative links resolve against the page's canonical address
    body = extract_body(tree, url)
    media = page_media(tree, url)
    furniture = page_furniture(tree)
    body, removed = split_off(body, media, meta.title, furniture)
    removed.extend(
        Removed(text=m.caption, reason="caption")
        for m in media
        if m.caption and not any(r.text == m.caption for r in removed)
    )
    removed.extend(Removed(text=m.credit, reason="credit") for m in media if m.credit)
    removed.extend(Removed(text=text, reason="byline") for text in meta.bylines)
    listed = {(r.text, r.reason) for r in removed}  # a set: pages have hundreds of pieces
    removed.extend(r for r in furniture if (r.text, r.reason) not in listed)
    links = body_links(tree, body, url)
    related = page_related(tree, classes, url)
    if meta.published is None:
        _fallback_date(tree, url, meta, today)
    return Cleaned(
        body=body,
        url=meta.url,
        title=meta.title,
        published=meta.published,
        authors=meta.authors,
        media=media,
        related=related,
        removed=removed,
        links=links,
        language=meta.language,
        provenance=dict(meta.provenance),
    )
