"""The schema.org objects (JSON-LD) a page declares about itself."""

from __future__ import annotations

import html
import json
import re

from lxml.html import HtmlElement

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


def ld_text(value) -> str:
    """A JSON-LD value as one line of text (the first of a list, the name of an object)."""
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
