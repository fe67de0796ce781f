"""WARC and WARC.gz files -> Items, one per HTML response record (read with warcio).

warcio does not always complain about a file cut short: a gzip member that
ends early just ends the iteration. So every record's extent is checked, and
a file whose records do not reach its last byte is reported as damaged; the
records before the damage are still ingested.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsgraph.read.items import Item, content_hash, failed
from newsgraph.read.limited import GZIP_MAGIC
from newsgraph.read.registry import ReadOptions, register_reader

_HTML_TYPES = ("text/html", "application/xhtml")


def _is_html(record) -> bool:
    ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
    return ctype is None or ctype.split(";")[0].strip().lower().startswith(_HTML_TYPES)


class _Damaged(Exception):
    pass


def _records(path: Path, max_bytes: int, start: int = 0, stop: int | None = None) -> Iterator[Item]:
    """The Items of the records that begin at a byte in ``[start, stop)``; without
    ``stop``, every record from ``start`` to the end of the file, which must end there."""
    size = path.stat().st_size
    if size == 0:
        raise _Damaged("the file is empty")
    end = start
    with open(path, "rb") as fh:
        fh.seek(start)
        records = ArchiveIterator(fh)
        for record in records:
            if not record.rec_type:
                raise _Damaged("not a WARC record")
            wanted = record.rec_type == "response" and _is_html(record)
            url = record.rec_headers.get_header("WARC-Target-URI")
            data = record.content_stream().read(max_bytes + 1) if wanted else b""
            offset = records.get_record_offset()  # from the file's start; reads the record
            if stop is not None and offset >= stop:
                return
            end = offset + records.get_record_length()
            if getattr(record.raw_stream, "limit", 0):
                raise _Damaged(f"record at byte {offset} is cut short")
            if not getattr(records.reader.decompressor, "eof", True):
                raise _Damaged(f"the gzip member at byte {offset} is cut short")
            if not wanted:
                continue
            location = f"{path}@{offset}"
            if len(data) > max_bytes:
                reason = f"record is over the limit of {max_bytes:,} bytes"
                yield failed(location, "TooLargeError", reason, url)
                continue
            yield Item(
                location=location,
                hash=content_hash("warc", url, data),
                data=data,
                format="html",
                url=url,
                read_to=end,
            )
        if stop is None and end < size:
            fh.seek(end)
            if fh.read(64).strip() or size - end > 64:  # blank lines may close a WARC
                raise _Damaged(f"the file ends inside a record after byte {end}")


def iter_warc(path: Path, max_bytes: int, start: int = 0, end: int | None = None) -> Iterator[Item]:
    """HTML responses in the archive; a damaged archive ends with one error Item.

    With ``start`` and ``end``, only the records that begin at a byte in
    ``[start, end)`` (the first found by ``record_start``): ranges that tile the
    file read every record once, so one big archive can be shared among workers.
    """
    count = 0
    try:
        first = record_start(path, start) if start else 0
        if first is None:
            return
        stop = end if end is not None and end < path.stat().st_size else None
        for item in _records(path, max_bytes, first, stop):
            count += 1
            yield item
    except Exception as exc:  # warcio fails in assorted ways on damaged input
        reason = (
            str(exc) if isinstance(exc, _Damaged) else f"unreadable record ({type(exc).__name__})"
        )
        yield failed(str(path), "InputError", f"WARC is damaged after {count} records: {reason}")


_WARC_LINE = b"WARC/1."
_GZIP_MEMBER = b"\x1f\x8b\x08"


def record_start(
    path: Path, at: int, *, limit: int | None = None, chunk: int = 1 << 16
) -> int | None:
    """The offset of the first record that begins at or after byte ``at`` (and before
    ``at + limit`` when given), or None.

    In a gzipped WARC each record is a gzip member: a member header whose first
    bytes unpack to a WARC version line. In a plain WARC, a version line at the
    start of a line.
    """
    with open(path, "rb") as fh:
        packed = fh.read(2) == GZIP_MAGIC
        pos = at if packed else at - 1  # a plain record's version line follows a line break
        while True:
            fh.seek(pos)
            window = fh.read(chunk + 16)
            if len(window) < len(_WARC_LINE):
                return None
            mark = _GZIP_MEMBER if packed else b"\n" + _WARC_LINE
            found = window.find(mark, 0, chunk + len(mark))
            while found != -1:
                where = pos + found + (0 if packed else 1)
                if _begins_record(fh, where, packed):
                    return where
                found = window.find(mark, found + 1, chunk + len(mark))
            pos += chunk
            if limit is not None and pos - at >= limit:
                return None


def _begins_record(fh: BinaryIO, where: int, packed: bool) -> bool:
    fh.seek(where)
    head = fh.read(4096)
    if not packed:
        return head.startswith(_WARC_LINE)
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(_WARC_LINE)
    except zlib.error:
        return False


@register_reader("warc", suffixes=(".warc",), gzip=True)
def read_warc(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The reader for .warc and .warc.gz files."""
    return iter_warc(path, options.max_bytes)
