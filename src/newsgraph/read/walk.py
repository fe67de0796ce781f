"""Input paths -> a stream of documents (``Item``), one at a time, never a whole corpus in memory.

Folders are walked recursively and each file goes to the reader its name
calls for (``reader_for``); a file no reader claims is left alone and, when
the caller asks, listed in ``skipped``. A path given by name is always read,
as a page when no reader claims it. A document that cannot even be read (too
large, not JSON, a damaged archive) becomes an Item carrying its error, so
the run records it and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsgraph.read import remote
from newsgraph.read.items import Item, failed
from newsgraph.read.limited import DEFAULT_MAX_BYTES
from newsgraph.read.registry import Fields, Reader, ReadOptions, get_reader, reader_for
from newsgraph.read.remote import is_url

# The reader for a file named on the command line that no reader claims.
FALLBACK_READER = "page"


def iter_items(
    paths: Iterable[str | Path],
    fields: Fields | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    reader: str | None = None,
    skipped: list[Path] | None = None,
    opened: Callable[[Path], None] | None = None,
) -> Iterator[Item]:
    """Every document under the given paths, in a stable (sorted) order.

    ``reader`` names the reader for every file, whatever its name (a declared
    format; an unknown name raises NewsgraphError at once). Files in folders
    that no reader claims are appended to ``skipped`` as the walk reaches them;
    ``opened`` is called with each file the walk reads, before its first Item.
    """
    forced = get_reader(reader) if reader is not None else None
    return _walk(list(paths), ReadOptions(fields or Fields(), max_bytes), forced, skipped, opened)


def input_files(paths: Iterable[str | Path], *, reader: str | None = None) -> list[Path]:
    """The files ``iter_items`` reads for these paths, in its order, without reading any:
    a quick count of a run's work."""
    forced = get_reader(reader) if reader is not None else None
    local = (Path(p) for p in paths if not is_url(p))  # a URL's size is listed by remote
    return [file for path in local for file, _ in _files(path, forced, None) or ()]


def _files(
    path: Path, forced: Reader | None, skipped: list[Path] | None
) -> list[tuple[Path, Reader]] | None:
    """The files to read for one given path with their readers; None when it does not exist."""
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file())
        files = [(f, forced or reader_for(f)) for f in found]
        if skipped is not None:
            skipped.extend(f for f, r in files if r is None)
        return [(f, r) for f, r in files if r is not None]
    if path.exists():
        return [(path, forced or reader_for(path) or get_reader(FALLBACK_READER))]
    return None


def _walk(
    paths: list[str | Path],
    options: ReadOptions,
    forced: Reader | None,
    skipped: list[Path] | None,
    opened: Callable[[Path], None] | None,
) -> Iterator[Item]:
    for given in paths:
        if is_url(given):
            yield from remote.items(str(given), options, forced)
            continue
        path = Path(given)
        files = _files(path, forced, skipped)
        if files is None:
            yield failed(str(path), "InputError", f"{path} does not exist")
            continue
        for file, chosen in files:
            if opened is not None:
                opened(file)
            yield from chosen.read(file, options)
