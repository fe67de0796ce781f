"""Raw document -> clean body + metadata.

Text input goes through a learned line classifier (``clean.text``); HTML
through trafilatura plus what news pages need on top (``clean.html``).
Both return a ``Cleaned``: the body, the metadata found, and what was removed.
"""

from __future__ import annotations

from datetime import date

from newsgraph.clean.cleaned import Cleaned
from newsgraph.clean.html import clean_html, html_to_text
from newsgraph.clean.text import clean_text
from newsgraph.read.document import RawDocument

__all__ = ["Cleaned", "clean"]


def clean(doc: RawDocument, enabled: bool = True, *, today: date | None = None) -> Cleaned:
    """Clean a raw document; with enabled=False the input text is the body.

    ``today`` bounds the publication dates a page may declare (default: the local date).
    """
    if not enabled:
        if doc.format == "html":
            return Cleaned(body=html_to_text(doc.text))
        return Cleaned(body=doc.text)
    if doc.format == "html":
        return clean_html(doc.text, url=doc.url, today=today)
    return clean_text(doc.text)
