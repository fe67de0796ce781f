"""Page files: one document per file, plain text (format detected later) or HTML."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.read.items import Item, content_hash, failed
from newsgraph.read.limited import read_limited
from newsgraph.read.registry import ReadOptions, register_reader


def _page(path: Path, max_bytes: int, format: str | None) -> Item:
    location = str(path)
    try:
        data = read_limited(path, max_bytes)
    except InputError as exc:
        return failed(location, type(exc).__name__, str(exc))
    return Item(location=location, hash=content_hash("page", data), data=data, format=format)


@register_reader("page", suffixes=(".txt",), gzip=True)
def read_page(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The file as one document whose format (text or HTML) is detected from its content."""
    yield _page(path, options.max_bytes, None)


@register_reader("html", suffixes=(".html", ".htm", ".xhtml"), gzip=True)
def read_html(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The file as one HTML document."""
    yield _page(path, options.max_bytes, "html")
