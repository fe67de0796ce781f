"""What cleaning makes of one raw document (both forms, text and HTML, return it)."""

from __future__ import annotations

from dataclasses import dataclass, field

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
