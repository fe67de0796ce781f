"""Raw document -> clean body + metadata.

Text input goes through a learned line classifier (``clean.text``); HTML
through trafilatura plus what news pages need on top (``clean.html``).
Both return a ``Cleaned``: the body, the metadata found, and what was removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsgraph.read.document import RawDocument
from newsgraph.record import Author, Link, Media, Related, Removed


@dataclass
class Cleaned:
    """What cleaning made of one raw document."""

    body: str
    url: str | None = None  # the page's own (canonical) address, when it states one
    title: str | None = None
    published: str | None = None
    authors: list[Author] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    language: str | None = None
    # field name -> where its value came from ("meta", "json-ld", "byline", "text", ...)
    provenance: dict[str, str] = field(default_factory=dict)


def clean(doc: RawDocument, enabled: bool = True, *, today: date | None = None) -> Cleaned:
    """Clean a raw document; with enabled=False the input text is the body.

    ``today`` bounds the publication dates a page may declare (default: the local date).
    """
    if not enabled:
        if doc.format == "html":
            from newsgraph.clean.html import html_to_text

            return Cleaned(body=html_to_text(doc.text))
        return Cleaned(body=doc.text)
    if doc.format == "html":
        from newsgraph.clean.html import clean_html

        return clean_html(doc.text, url=doc.url, today=today)
    from newsgraph.clean.text import clean_text

    return clean_text(doc.text)
