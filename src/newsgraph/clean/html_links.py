"""Hyperlinks of the article body, as offsets into the body text we return.

trafilatura gives text, not positions. Each ``<a href>`` is located through
its enclosing block (paragraph, list item, heading, ...): the block's text
is found among the body's paragraphs, then the anchor texts of that block
are found in order inside it. An anchor whose block is not in the body (a menu, a
teaser) gets no link, so links never point into text we dropped.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml.html import HtmlElement

from newsgraph.record import Link

_BLOCKS = {
    "p",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "dd",
    "dt",
    "pre",
    "figcaption",
    "div",
    "section",
    "article",
}
_WS = re.compile(r"\s+")
_MAX_LINKS = 5000
_MAX_SEARCHES = 200  # substring searches of the whole body per page, for blocks not found whole


def _norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _block(anchor: HtmlElement) -> HtmlElement | None:
    for anc in anchor.iterancestors():
        if anc.tag in _BLOCKS:
            return anc
    return None


def _paragraph_offsets(body: str) -> dict[str, int]:
    """Each paragraph of the body (blank-line separated) -> offset of its first occurrence."""
    offsets: dict[str, int] = {}
    pos = 0
    for para in body.split("\n\n"):
        offsets.setdefault(para, pos)
        pos += len(para) + 2
    return offsets


def body_links(tree: HtmlElement, body: str, base_url: str | None = None) -> list[Link]:
    """Links whose anchor text is in the body, with body offsets, in body order.

    Linear in the page: a block is looked up among the body's paragraphs by
    exact text, with a bounded number of substring searches for blocks that
    trafilatura kept only in part of a paragraph.
    """
    if not body:
        return []
    by_block: dict[int, tuple[HtmlElement, list[tuple[HtmlElement, str]]]] = {}
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")):
            continue
        block = _block(anchor)
        if block is not None:
            by_block.setdefault(id(block), (block, []))[1].append((anchor, href))
    paragraphs = _paragraph_offsets(body)
    searches = _MAX_SEARCHES
    links: list[Link] = []
    used: set[tuple[int, int]] = set()
    for block, anchors in by_block.values():
        text = _norm(block.text_content())
        start = paragraphs.get(text)
        if start is None and len(text) >= 30 and searches > 0:
            searches -= 1
            found = body.find(text)
            start = found if found >= 0 else None
        if start is None:
            continue
        end, cursor = start + len(text), start
        for anchor, href in anchors:  # anchor texts read only in blocks the body holds
            label = _norm(anchor.text_content())
            if not label:
                continue
            pos = body.find(label, cursor, end)
            if pos < 0:
                continue
            cursor = pos + len(label)
            if (pos, cursor) in used:
                continue
            used.add((pos, cursor))
            url = urljoin(base_url, href) if base_url else href
            links.append(Link(start=pos, end=cursor, url=url))
        if len(links) >= _MAX_LINKS:
            break
    links.sort(key=lambda link: link.start)
    return links
