"""Inputs at fsspec URLs (s3://, gs://, https://, memory://): listed, then fetched one file
at a time into a temporary file and read by the same readers as a file on disk.

A URL is read through fsspec with the package of its protocol installed (s3fs
for s3://, gcsfs for gs://); newsgraph depends on neither. A record read from
a URL is the record the same file gives on disk, with the URL as its location
("s3://bucket/feed.jsonl:12"). A folder URL is walked like a folder: every file
a reader claims, in sorted order.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.read.items import Item, failed
from newsgraph.read.registry import Reader, ReadOptions, reader_for


def is_url(path: str | Path) -> bool:
    """True for a URL with a protocol (``s3://...``); a ``Path`` is always local."""
    return isinstance(path, str) and "://" in path


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError as exc:  # pragma: no cover - fsspec comes with dask
        raise NewsgraphError(f"reading {url} needs fsspec: pip install fsspec") from exc
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        protocol = url.split("://", 1)[0]
        raise NewsgraphError(
            f"cannot read {protocol}:// URLs: {exc} (install the fsspec package for {protocol})"
        ) from exc


def listed(url: str, forced: Reader | None = None) -> list[tuple[str, int]]:
    """(URL, size) of every file to read at ``url``; a URL that does not exist is kept
    as it is (size 0), so reading it records the failure."""
    fs, root = _filesystem(url)
    found = _files(fs, root, url, forced)
    return [(url, 0)] if found is None else found


def items(url: str, options: ReadOptions, forced: Reader | None = None) -> Iterator[Item]:
    """The documents of the file or folder at ``url``."""
    fs, root = _filesystem(url)
    found = _files(fs, root, url, forced)
    if found is None:
        yield failed(url, "InputError", f"{url} does not exist")
        return
    for file, _size in found:
        yield from _file_items(fs, file, options, forced)


def _files(fs: Any, root: str, url: str, forced: Reader | None) -> list[tuple[str, int]] | None:
    """(URL, size) of the files at ``url`` a reader takes, in sorted order; None when
    nothing is there."""
    if not fs.exists(root):
        return None
    if not fs.isdir(root):
        return [(url, int(fs.size(root) or 0))]
    found = fs.find(root, detail=True)
    return [
        (fs.unstrip_protocol(name), int(info.get("size") or 0))
        for name, info in sorted(found.items())
        if forced or reader_for(Path(PurePosixPath(name).name)) is not None
    ]


def _file_items(fs: Any, url: str, options: ReadOptions, forced: Reader | None) -> Iterator[Item]:
    name = PurePosixPath(url.split("://", 1)[1]).name
    reader = forced or reader_for(Path(name))
    if reader is None:
        return
    with tempfile.TemporaryDirectory(prefix="newsgraph-") as tmp:
        local = Path(tmp) / name
        try:
            with fs.open(url, "rb") as src, local.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
        except OSError as exc:
            yield failed(url, "InputError", f"cannot read {url}: {exc}")
            return
        prefix = str(local)
        for item in reader.read(local, options):
            if item.location.startswith(prefix):
                item.location = url + item.location[len(prefix) :]
            yield item
