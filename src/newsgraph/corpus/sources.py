"""Input paths -> a stream of documents (``Item``), one at a time, never a whole corpus in memory.

Folders are walked recursively and each file goes to the reader its name
calls for: .txt/.html/.htm (and .gz), WARC (.warc, .warc.gz), JSON Lines
(.jsonl, .ndjson, and .gz), CSV, Reuters-21578 SGML (.sgm). A document that
cannot even be read (too large, not JSON, a damaged archive) becomes an Item
carrying its error, so the run records it and goes on.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.read.document import DEFAULT_MAX_BYTES

PAGE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".csv.gz")
SGML_SUFFIXES = (".sgm",)


@dataclass(frozen=True)
class Fields:
    """Names of the columns (CSV) or keys (JSON Lines) that hold each part of a record."""

    text: str = "text"
    html: str = "html"
    url: str = "url"
    title: str = "title"
    published: str = "published"
    source: str = "source"


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


def kind_of(path: Path) -> str | None:
    """Which reader a file name calls for, or None to leave the file alone."""
    name = path.name.lower()
    for kind, suffixes in (
        ("warc", WARC_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
        ("csv", CSV_SUFFIXES),
        ("sgml", SGML_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return kind
    if name.removesuffix(".gz").endswith(PAGE_SUFFIXES):
        return "page"
    return None


def iter_items(
    paths: list[str | Path], fields: Fields = Fields(), max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """Every document under the given paths, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p))
        elif path.exists():
            files = [path]
        else:
            yield failed(str(path), "InputError", f"{path} does not exist")
            continue
        for file in files:
            yield from _iter_file(file, kind_of(file) or "page", fields, max_bytes)


def _iter_file(path: Path, kind: str, fields: Fields, max_bytes: int) -> Iterator[Item]:
    if kind == "warc":
        from newsgraph.corpus.warc import iter_warc

        yield from iter_warc(path, max_bytes)
    elif kind == "jsonl":
        yield from iter_jsonl(path, fields, max_bytes)
    elif kind == "csv":
        yield from iter_csv(path, fields, max_bytes)
    elif kind == "sgml":
        from newsgraph.corpus.reuters import iter_reuters

        yield from iter_reuters(path)
    else:
        yield read_page(path, max_bytes)


def _read_limited(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes (gzip unpacked), or None when they pass max_bytes."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def read_page(path: Path, max_bytes: int) -> Item:
    """A .txt/.html/.htm file (or its .gz) as one Item, without reading past max_bytes."""
    location = str(path)
    try:
        data = _read_limited(path, max_bytes)
    except (OSError, EOFError) as exc:
        return failed(location, "InputError", f"cannot read {path.name}: {exc}")
    if data is None:
        return failed(
            location, "TooLargeError", f"{path.name} is over the limit of {max_bytes:,} bytes"
        )
    name = path.name.lower().removesuffix(".gz")
    fmt = "html" if name.endswith((".html", ".htm", ".xhtml")) else None
    return Item(location=location, hash=content_hash("page", data), data=data, format=fmt)


def _record_item(record: dict, location: str, fields: Fields, max_bytes: int) -> Item:
    """An Item from one JSON or CSV record with the configured field names."""
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


def _open_text(path: Path):
    raw = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


def iter_jsonl(path: Path, fields: Fields, max_bytes: int) -> Iterator[Item]:
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
                yield _record_item(record, location, fields, max_bytes)
    except (OSError, EOFError) as exc:
        yield failed(str(path), "InputError", f"cannot read {path.name}: {exc}")


def iter_csv(path: Path, fields: Fields, max_bytes: int) -> Iterator[Item]:
    """One Item per CSV row; a file without a text or html column is one error."""
    csv.field_size_limit(max(max_bytes, 1 << 20))
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
                yield _record_item(row, f"{path}:{rowno}", fields, max_bytes)
    except csv.Error as exc:
        yield failed(str(path), "InputError", f"CSV is malformed: {exc}")
    except (OSError, EOFError) as exc:
        yield failed(str(path), "InputError", f"cannot read {path.name}: {exc}")
