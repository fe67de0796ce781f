"""Inputs to documents: files of every kind through their readers, bytes or text to decoded text.

No NLP here. ``iter_items`` walks paths and hands each file to the reader
its name calls for; ``register_reader`` adds a reader (built-ins use it too,
plugins also through the ``newsgraph.readers`` entry-point group).
``read_path``, ``read_bytes`` and ``read_text`` decode one document.
"""

from newsgraph.read.document import RawDocument, detect_format, read_bytes, read_path, read_text
from newsgraph.read.items import Item, content_hash, failed
from newsgraph.read.limited import DEFAULT_MAX_BYTES, open_unpacked, read_limited
from newsgraph.read.registry import (
    Fields,
    Reader,
    ReaderFunc,
    ReadOptions,
    get_reader,
    reader_for,
    readers,
    register_reader,
)
from newsgraph.read.walk import input_files, iter_items

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Fields",
    "Item",
    "RawDocument",
    "ReadOptions",
    "Reader",
    "ReaderFunc",
    "content_hash",
    "detect_format",
    "failed",
    "get_reader",
    "input_files",
    "iter_items",
    "open_unpacked",
    "read_bytes",
    "read_limited",
    "read_path",
    "read_text",
    "reader_for",
    "readers",
    "register_reader",
]
