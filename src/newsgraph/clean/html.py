"""HTML page -> article body and metadata: trafilatura plus what news pages need.

The body is trafilatura's (``bare_extraction``, options chosen on the HTML
benchmark, see docs/benchmarks/body_html.md); when it finds nothing, the
page's paragraphs are the fallback, so short CJK and Arabic pages still
give a body. On top: title, date and authors with their provenance
(``html_meta``), captions and credits (``html_media``), related and
previous/next links, hyperlinks of the body as body offsets
(``html_links``), and the furniture dropped (``html_furniture``).
The page is parsed once; every step reads the same tree.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from newsgraph.clean import Cleaned
from newsgraph.clean.byline import parse_byline
from newsgraph.clean.html_furniture import page_furniture
from newsgraph.clean.html_links import body_links
from newsgraph.clean.html_media import page_media, page_related
from newsgraph.clean.html_meta import PageMeta, page_meta, publication_date
from newsgraph.record import Media, Removed

# Measured on the 181-page HTML benchmark: precision mode raises F1 from 0.958
# (defaults) to 0.964; comments are never article text.
TRAFILATURA_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "deduplicate": False,
}
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "head")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_FALLBACK_TAGS = ("p", "blockquote", "pre", "h2", "h3", "li")
_NOT_CONTENT = re.compile(
    r"(?:^|[\s_-])(?:nav|menu|footer|header|sidebar|cookie|share|social|related|comments?)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_BYLINE_START = re.compile(r"^(?:(?:written|words|story|reporting)\s+)?by\s", re.IGNORECASE)
_WS = re.compile(r"[ \t\r\f\v\u00a0]+")


def _parse(html: str) -> HtmlElement | None:
    try:
        return load_html(html)
    except (ValueError, TypeError, etree.LxmlError):
        return None


def _paragraphs(text: str) -> list[str]:
    return [p for p in (_WS.sub(" ", line).strip() for line in text.split("\n")) if p]


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
    return "\n\n".join(_paragraphs(tree.text_content()))


def _trafilatura_body(tree: HtmlElement, url: str | None) -> str:
    try:
        doc = bare_extraction(tree, url=url, with_metadata=False, **TRAFILATURA_OPTIONS)
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        return ""
    if doc is None or not doc.text:
        return ""
    return "\n\n".join(_paragraphs(doc.text))


def _fallback_body(tree: HtmlElement) -> str:
    """The page's paragraphs outside navigation and footers, for pages trafilatura rejects."""
    texts: list[str] = []
    seen: set[str] = set()
    for el in tree.iter(*_FALLBACK_TAGS):
        if any(
            a.tag in ("nav", "footer", "header", "aside")
            or _NOT_CONTENT.search(f"{a.get('class') or ''} {a.get('id') or ''}")
            for a in el.iterancestors()
        ):
            continue
        if any(a.tag in _FALLBACK_TAGS for a in el.iterancestors()):
            continue
        text = _WS.sub(" ", " ".join(el.text_content().split())).strip()
        if len(text) >= 10 and text not in seen:
            seen.add(text)
            texts.append(text)
    body = "\n\n".join(texts)
    return body if len(body) >= 20 else ""


def _split_off(
    body: str, media: list[Media], title: str | None, furniture: list[Removed]
) -> tuple[str, list[Removed]]:
    """Drop body paragraphs that are the headline, a caption or credit, a byline or furniture."""
    furniture_texts = {r.text: r.reason for r in furniture}
    captions = {m.caption for m in media if m.caption}
    credits = {m.credit for m in media if m.credit}
    both = {f"{m.caption} {m.credit}" for m in media if m.caption and m.credit}
    kept, removed = [], []
    for i, para in enumerate(body.split("\n\n")):
        if i < 3 and title and para.casefold() == title.casefold():
            removed.append(Removed(text=para, reason="title"))
        elif para in captions or para in both:
            removed.append(Removed(text=para, reason="caption"))
        elif para in furniture_texts:
            removed.append(Removed(text=para, reason=furniture_texts[para]))
        elif para in credits:
            removed.append(Removed(text=para, reason="credit"))
        elif len(para) < 120 and _BYLINE_START.match(para) and parse_byline(para):
            removed.append(Removed(text=para, reason="byline"))
        else:
            kept.append(para)
    return "\n\n".join(kept), removed


def _fallback_date(tree: HtmlElement, url: str | None, meta: PageMeta) -> None:
    """Publication date from htmldate (URL and text patterns) when the markup declares none."""
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError, etree.LxmlError):
        return
    date = publication_date(found)
    if not date:
        return
    digits = re.sub(r"\D", "", url or "")
    meta.published = date
    meta.provenance["published"] = "url" if date[:10].replace("-", "") in digits else "text"


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """Extract the article body and metadata from an HTML page.

    Args:
        html: the page's markup, already decoded.
        url: the page's address, used to resolve relative links.

    Returns:
        A ``Cleaned`` with the body (paragraphs joined by blank lines), title,
        publication date, authors, media, related links, body links, the
        furniture removed, the declared language and the provenance of
        title, date and authors. A page with no article gives an empty body.
    """
    tree = _parse(html)
    if tree is None:
        return Cleaned(body="")
    meta = page_meta(tree)
    body = _trafilatura_body(tree, url) or _fallback_body(tree)
    media = page_media(tree, url)
    furniture = page_furniture(tree)
    body, removed = _split_off(body, media, meta.title, furniture)
    removed.extend(
        Removed(text=m.caption, reason="caption")
        for m in media
        if m.caption and not any(r.text == m.caption for r in removed)
    )
    removed.extend(Removed(text=m.credit, reason="credit") for m in media if m.credit)
    removed.extend(r for r in furniture if r not in removed)
    links = body_links(tree, body, url)
    related = page_related(tree, url)
    if meta.published is None:
        _fallback_date(tree, url, meta)
    return Cleaned(
        body=body,
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
