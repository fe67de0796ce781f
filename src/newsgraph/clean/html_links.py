"""Hyperlinks of the article body, as offsets into the body text we return.

trafilatura gives text, not positions. Each ``<a href>`` is located through
its enclosing block (paragraph, list item, heading, ...): the block's text
is found in the body, then the anchor texts of that block are found in
order inside it. An anchor whose block is not in the body (a menu, a
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
_MAX_LINKS = 2000


def _norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _block(anchor: HtmlElement) -> HtmlElement | None:
    for anc in anchor.iterancestors():
        if anc.tag in _BLOCKS:
            return anc
    return None


def body_links(tree: HtmlElement, body: str, base_url: str | None = None) -> list[Link]:
    """Links whose anchor text is in the body, with body offsets, in body order."""
    if not body:
        return []
    by_block: dict[int, tuple[HtmlElement, list[tuple[str, str]]]] = {}
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")):
            continue
        label = _norm(anchor.text_content())
        if not label or label not in body:
            continue
        block = _block(anchor)
        if block is not None:
            by_block.setdefault(id(block), (block, []))[1].append((label, href))
    links: list[Link] = []
    used: set[tuple[int, int]] = set()
    for block, anchors in by_block.values():
        text = _norm(block.text_content())
        if len(text) < 2:
            continue
        start = body.find(text)
        if start < 0:
            continue
        end, cursor = start + len(text), start
        for label, href in anchors:
            pos = body.find(label, cursor, end)
            if pos < 0:
                continue
            cursor = pos + len(label)
            span = (pos, cursor)
            if span in used:
                continue
            used.add(span)
            links.append(
                Link(start=span[0], end=span[1], url=urljoin(base_url, href) if base_url else href)
            )
            if len(links) >= _MAX_LINKS:
                break
    links.sort(key=lambda link: link.start)
    return links
