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


def _located(item: Item, fh: io.TextIOWrapper) -> Item:
    item.read_to = bytes_read(fh.buffer)
    return item


def _open_text(path: Path) -> io.TextIOWrapper:
    return io.TextIOWrapper(open_unpacked(path), encoding="utf-8", errors="replace", newline="")


@register_reader("jsonl", suffixes=(".jsonl", ".ndjson"), gzip=True)
def iter_jsonl(path: Path, options: ReadOptions) -> Iterator[Item]:
    """One Item per line of a JSON Lines file; a line that is not a JSON object is an error."""
    try:
        with _open_text(path) as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                location = f"{path}:{lineno}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield failed(
                        location, "InputError", f"line {lineno} is not JSON ({exc.msg})", line
                    )
                    continue
                if not isinstance(record, dict):
                    yield failed(
                        location, "InputError", f"line {lineno} is not a JSON object", line
                    )
                    continue
                yield _located(_record_item(record, location, options), fh)
    except (OSError, EOFError) as exc:
        yield failed(str(path), "InputError", f"cannot read {path.name}: {exc}")


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
                yield _located(_record_item(row, f"{path}:{rowno}", options), fh)
    except csv.Error as exc:
        yield failed(str(path), "InputError", f"CSV is malformed: {exc}")
    except (OSError, EOFError) as exc:
        yield failed(str(path), "InputError", f"cannot read {path.name}: {exc}")
