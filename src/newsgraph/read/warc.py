"""WARC and WARC.gz files -> Items, one per HTML response record (read with warcio).

warcio does not always complain about a file cut short: a gzip member that
ends early just ends the iteration. So every record's extent is checked, and
a file whose records do not reach its last byte is reported as damaged; the
records before the damage are still ingested.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from newsgraph.read.items import Item, content_hash, failed
from newsgraph.read.registry import ReadOptions, register_reader

_HTML_TYPES = ("text/html", "application/xhtml")


def _is_html(record) -> bool:
    ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
    return ctype is None or ctype.split(";")[0].strip().lower().startswith(_HTML_TYPES)


class _Damaged(Exception):
    pass


def _records(path: Path, max_bytes: int) -> Iterator[Item]:
    size = path.stat().st_size
    if size == 0:
        raise _Damaged("the file is empty")
    end = 0
    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        for record in records:
            if not record.rec_type:
                raise _Damaged("not a WARC record")
            wanted = record.rec_type == "response" and _is_html(record)
            url = record.rec_headers.get_header("WARC-Target-URI")
            data = record.content_stream().read(max_bytes + 1) if wanted else b""
            offset = records.get_record_offset()  # reads the record to its end
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
        if end < size:
            fh.seek(end)
            if fh.read(64).strip() or size - end > 64:  # blank lines may close a WARC
                raise _Damaged(f"the file ends inside a record after byte {end}")


def iter_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    """HTML responses in the archive; a damaged archive ends with one error Item."""
    count = 0
    try:
        for item in _records(path, max_bytes):
            count += 1
            yield item
    except Exception as exc:  # warcio fails in assorted ways on damaged input
        reason = (
            str(exc) if isinstance(exc, _Damaged) else f"unreadable record ({type(exc).__name__})"
        )
        yield failed(str(path), "InputError", f"WARC is damaged after {count} records: {reason}")


@register_reader("warc", suffixes=(".warc",), gzip=True)
def read_warc(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The reader for .warc and .warc.gz files."""
    return iter_warc(path, options.max_bytes)
