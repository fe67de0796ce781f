"""What a reader yields: one ``Item`` per input document, or per document that could not be read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass
class Item:
    """One input document, or the reason one could not be read."""

    location: str
    hash: str
    data: bytes | str | None = None
    format: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    clean: bool | None = None  # None: as the run's options say
    error: tuple[str, str] | None = None  # (kind, reason)
    meta: dict = field(default_factory=dict)
    # Bytes of its file read (compressed bytes for gzip) once this item was made, when a
    # file holds many documents: how far a progress bar has come inside one big file.
    read_to: int | None = None


def content_hash(*parts: bytes | str | None) -> str:
    """SHA-1 over the parts, each length-prefixed so concatenations cannot collide."""
    h = hashlib.sha1()
    for part in parts:
        raw = (
            b""
            if part is None
            else part.encode("utf-8", "surrogatepass")
            if isinstance(part, str)
            else part
        )
        h.update(len(raw).to_bytes(8, "little"))
        h.update(raw)
    return h.hexdigest()


def failed(location: str, kind: str, reason: str, content: bytes | str | None = None) -> Item:
    """An Item for an input that cannot be read; hashed by content when there is some."""
    key = content_hash("error", content) if content is not None else content_hash(location, reason)
    return Item(location=location, hash=key, error=(kind, reason))
