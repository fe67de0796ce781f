"""Page furniture the cleaner drops: share bars, navigation, ads, cookie banners, ...

One pass over the elements; an element is furniture of a kind when its tag,
ARIA role or a token of its class/id names that kind. Only the outermost
element of each stretch is reported, with its text, so ``removed`` says
what was dropped and why without repeating nested pieces.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newsgraph.record import Removed

# class/id token -> reason; tokens are the class and id split on spaces, "-" and "_"
_TOKENS = {
    "share": "share",
    "sharing": "share",
    "social": "share",
    "sharebar": "share",
    "nav": "navigation",
    "navbar": "navigation",
    "navigation": "navigation",
    "menu": "navigation",
    "breadcrumb": "navigation",
    "breadcrumbs": "navigation",
    "related": "related",
    "recommended": "related",
    "comments": "comments",
    "comment": "comments",
    "disqus": "comments",
    "cookie": "cookie",
    "cookies": "cookie",
    "consent": "cookie",
    "gdpr": "cookie",
    "newsletter": "subscribe",
    "subscribe": "subscribe",
    "subscription": "subscribe",
    "paywall": "subscribe",
    "footer": "footer",
    "ad": "ad",
    "ads": "ad",
    "advert": "ad",
    "advertisement": "ad",
    "adslot": "ad",
    "dfp": "ad",
    "sponsored": "ad",
    "outbrain": "ad",
    "taboola": "ad",
}
_TAGS = {"nav": "navigation", "footer": "footer"}
_ROLES = {"navigation": "navigation", "contentinfo": "footer", "complementary": "related"}
# the first token of the class/id (split on spaces, "-" and "_") that names a kind
_TOKEN = re.compile(
    r"(?:^|[\s_-])(" + "|".join(sorted(_TOKENS, key=len, reverse=True)) + r")(?=$|[\s_-])"
)
_WRAPPERS = {"html", "body", "main", "article"}  # descended into, never reported
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg"}
_MAX_TEXT = 300
_MAX_ITEMS = 100
_MAX_CONTAINER = 3000  # a "share" class on a wrapper of the whole article is not furniture


def _reason(el: HtmlElement) -> str | None:
    reason = _TAGS.get(el.tag) or _ROLES.get((el.get("role") or "").lower())
    if reason:
        return reason
    found = _TOKEN.search(f"{el.get('class') or ''} {el.get('id') or ''}".lower())
    return _TOKENS[found.group(1)] if found else None


def page_furniture(tree: HtmlElement) -> list[Removed]:
    """The outermost furniture elements of the page, with their text and kind."""
    removed: list[Removed] = []
    seen: set[str] = set()
    stack = [tree]
    while stack and len(removed) < _MAX_ITEMS:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            continue
        reason = None if el.tag in _WRAPPERS else _reason(el)
        if reason is not None:
            text = re.sub(r"\s+", " ", el.text_content()).strip()
            if text and len(text) <= _MAX_CONTAINER:
                text = text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1].rstrip() + "…"
                if text not in seen:
                    seen.add(text)
                    removed.append(Removed(text=text, reason=reason))
                continue  # report the outermost element only
        stack.extend(reversed(el))
    return removed
