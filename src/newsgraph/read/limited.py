"""Read a file or a buffer, gzip unpacked, never taking in more than the size limit allows.

Gzip is recognised by its magic number, not by the file name, so a ``.gz``
that is not compressed is read as it is and compressed bytes without the
suffix are unpacked. Unpacking stops one byte past the limit: a small
archive that unpacks to gigabytes (a gzip bomb) costs no more than the limit.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import InputError, TooLargeError

DEFAULT_MAX_BYTES = 20_000_000

GZIP_MAGIC = b"\x1f\x8b"


def open_unpacked(path: Path) -> BinaryIO:
    """The file opened for reading in binary, through gzip when its bytes are compressed."""
    with open(path, "rb") as fh:
        compressed = fh.read(2) == GZIP_MAGIC
    return gzip.open(path, "rb") if compressed else open(path, "rb")


def bytes_read(fh: BinaryIO) -> int:
    """How far into its file on disk ``fh`` has read: for gzip, the compressed bytes."""
    return getattr(fh, "fileobj", fh).tell()


def read_limited(source: Path | bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a file or a buffer, unpacked when gzip-compressed.

    Raises TooLargeError (naming the limit) when there are more than
    ``max_bytes``, InputError when the file cannot be read or the gzip data
    is damaged. A plain file over the limit is refused from its size alone.
    """
    if isinstance(source, bytes):
        if source.startswith(GZIP_MAGIC):
            return _gunzip(io.BytesIO(source), "input", max_bytes)
        _check_size(len(source), "input", max_bytes)
        return source
    try:
        with open(source, "rb") as fh:
            if fh.read(2) == GZIP_MAGIC:
                fh.seek(0)
                return _gunzip(fh, source.name, max_bytes)
            _check_size(os.fstat(fh.fileno()).st_size, source.name, max_bytes)
            fh.seek(0)
            data = fh.read(max_bytes + 1)  # the size may not tell: a pipe, a growing file
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}") from exc
    _check_size(len(data), source.name, max_bytes)
    return data


def _check_size(size: int, name: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise TooLargeError(f"{name} is {size:,} bytes, over the limit of {max_bytes:,}")


def _gunzip(fh: BinaryIO, name: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=fh, mode="rb") as unpacked:
            data = unpacked.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{name} is a damaged gzip file ({exc})") from exc
    if len(data) > max_bytes:
        raise TooLargeError(f"{name} unpacks to over the limit of {max_bytes:,} bytes")
    return data
