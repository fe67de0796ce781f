"""HTML page -> body + metadata, through trafilatura (interim)."""

from __future__ import annotations

import trafilatura

from newsgraph.clean import Cleaned


def html_to_text(html: str) -> str:
    """All visible text of a page, one block per paragraph (for clean=False)."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html)
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return "\n\n".join(
        t.strip() for t in tree.itertext() if t.strip()
    )


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """Extract the article body and metadata from an HTML page."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=False)
    if doc is None:
        return Cleaned(body="")
    body = (doc.text or "").replace("\n", "\n\n")
    return Cleaned(body=body, title=doc.title, published=doc.date)
