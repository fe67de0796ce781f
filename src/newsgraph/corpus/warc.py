"""WARC and WARC.gz files -> Items, one per HTML response record (read with warcio)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.corpus.sources import Item, content_hash, failed

_HTML_TYPES = ("text/html", "application/xhtml")


def _is_html(record) -> bool:
    ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
    return ctype is None or ctype.split(";")[0].strip().lower().startswith(_HTML_TYPES)


def iter_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    """HTML responses in the archive; a damaged archive ends with one error Item."""
    location, count = str(path), 0
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if record.rec_type != "response" or not _is_html(record):
                    continue
                location = f"{path}@{records.get_record_offset()}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                data = record.content_stream().read(max_bytes + 1)
                count += 1
                if len(data) > max_bytes:
                    yield failed(
                        location,
                        "TooLargeError",
                        f"record is over the limit of {max_bytes:,} bytes",
                        url,
                    )
                    continue
                yield Item(
                    location=location,
                    hash=content_hash("warc", url, data),
                    data=data,
                    format="html",
                    url=url,
                )
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield failed(
            f"{path}@{location.rpartition('@')[2] or 0}" if "@" in location else location,
            "InputError",
            f"WARC is damaged after {count} records: {reason}",
        )
