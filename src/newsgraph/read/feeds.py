"""Record files: JSON Lines (.jsonl, .ndjson) and CSV, one document per record.

The keys or columns that hold each part of a record are named by ``Fields``.
A record that cannot be used (not JSON, no text, too long) becomes an Item
carrying its error, so the run records it and goes on with the next.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.read.items import Item, content_hash, failed
from newsgraph.read.limited import bytes_read, open_unpacked
from newsgraph.read.registry import ReadOptions, register_reader


def _record_item(record: dict, location: str, options: ReadOptions) -> Item:
    """An Item from one JSON or CSV record with the configured field names."""
    fields, max_bytes = options.fields, options.max_bytes
    html, text = record.get(fields.html), record.get(fields.text)
    if not html and not text:
        return failed(
            location,
            "InputError",
            f"record has no {fields.text!r} or {fields.html!r} field",
            json.dumps(record, sort_keys=True),
        )
    data, fmt = (html, "html") if html else (text, "text")
    if not isinstance(data, str):
        return failed(
            location,
            "InputError",
            f"field {fmt!r} is not a string",
            json.dumps(record, sort_keys=True),
        )
    if len(data) > max_bytes:
        return failed(
            location,
            "TooLargeError",
            f"record text is over the limit of {max_bytes:,} characters",
            data,
        )

    def opt(name: str) -> str | None:
        value = record.get(name)
        return str(value) if value not in (None, "") else None

    meta = (opt(fields.url), opt(fields.title), opt(fields.published), opt(fields.source))
    return Item(
        location=location,
        hash=content_hash("record", data, *meta),
        data=data,
        format=fmt,
        url=meta[0],
        title=meta[1],
        published=meta[2],
        source=meta[3],
    )


def _located(item: Item, fh: BinaryIO) -> Item:
    """The item, with how far into its file (on disk) ``fh`` has read."""
    item.read_to = bytes_read(fh)
    return item


def _open_text(path: Path) -> io.TextIOWrapper:
    return io.TextIOWrapper(open_unpacked(path), encoding="utf-8", errors="replace", newline="")


@register_reader("jsonl", suffixes=(".jsonl", ".ndjson"), gzip=True)
def iter_jsonl(path: Path, options: ReadOptions) -> Iterator[Item]:
    """One Item per line of a JSON Lines file; a line that is not a JSON object is an error."""
    try:
        with open_unpacked(path) as fh:
            yield from _jsonl_items(path, fh, 1, None, options)
    except (OSError, EOFError) as exc:
        yield failed(str(path), "InputError", f"cannot read {path.name}: {exc}")


def iter_jsonl_range(path: Path, start: int, end: int, options: ReadOptions) -> Iterator[Item]:
    """The Items of the lines of an uncompressed JSON Lines file that begin at a byte in
    ``[start, end)``: ranges that tile the file read every line once, so one big file
    can be shared among workers. Lines are numbered from the top of the file."""
    try:
        with open(path, "rb") as fh:
            first = _line_start(fh, start)
            yield from _jsonl_items(path, fh, _lines_before(fh, first) + 1, end, options)
    except OSError as exc:
        yield failed(f"{path}@{start}", "InputError", f"cannot read {path.name}: {exc}")


def _line_start(fh: BinaryIO, at: int) -> int:
    """The first byte at or after ``at`` that begins a line; leaves ``fh`` there."""
    if at > 0:
        fh.seek(at - 1)
        if fh.read(1) != b"\n":
            fh.readline()  # the rest of a line that began before ``at``
    else:
        fh.seek(0)
    return fh.tell()


def _lines_before(fh: BinaryIO, offset: int, chunk: int = 1 << 20) -> int:
    """The line breaks in the first ``offset`` bytes; leaves ``fh`` at ``offset``."""
    fh.seek(0)
    count, left = 0, offset
    while left > 0:
        data = fh.read(min(chunk, left))
        if not data:
            break
        count += data.count(b"\n")
        left -= len(data)
    fh.seek(offset)
    return count


def _jsonl_items(
    path: Path, fh: BinaryIO, lineno: int, end: int | None, options: ReadOptions
) -> Iterator[Item]:
    """Items from the lines read from ``fh``, the first numbered ``lineno``, up to the
    first line that begins at ``end`` or after."""
    while end is None or fh.tell() < end:
        raw = fh.readline()
        if not raw:
            return
        line = raw.decode("utf-8", errors="replace")
        if line.strip():
            yield _located(_json_item(line, f"{path}:{lineno}", lineno, options), fh)
        lineno += 1


def _json_item(line: str, location: str, lineno: int, options: ReadOptions) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return failed(location, "InputError", f"line {lineno} is not JSON ({exc.msg})", line)
    if not isinstance(record, dict):
        return failed(location, "InputError", f"line {lineno} is not a JSON object", line)
    return _record_item(record, location, options)


@register_reader("csv", suffixes=(".csv",), gzip=True)
def iter_csv(path: Path, options: ReadOptions) -> Iterator[Item]:
    """One Item per CSV row; a file without a text or html column is one error."""
    fields = options.fields
    csv.field_size_limit(max(options.max_bytes, 1 << 20))
    try:
        with _open_text(path) as fh:
            reader = csv.DictReader(fh)
            columns = reader.fieldnames or []
            if fields.text not in columns and fields.html not in columns:
                yield failed(
                    str(path),
                    "InputError",
                    f"CSV has no {fields.text!r} or {fields.html!r} column (columns: {', '.join(columns) or 'none'})",
                )
                return
            for rowno, row in enumerate(reader, 2):
                yield _located(_record_item(row, f"{path}:{rowno}", options), fh.buffer)
    except csv.Error as exc:
        yield failed(str(path), "InputError", f"CSV is malformed: {exc}")
    except (OSError, EOFError) as exc:
        yield failed(str(path), "InputError", f"cannot read {path.name}: {exc}")
