"""Inputs -> partitions for a distributed run, listed by the driver without reading them.

A partition is a list of input files taken in the walk's order (``input_files``),
cut where the running size passes a target. The target depends only on the
inputs (a share of their total size, within bounds), never on the number of
workers, so the same inputs always give the same partitions: a run can be
resumed partition by partition, and its output is the same on any cluster.
An uncompressed JSON Lines file or a WARC (plain, or gzipped record by record)
bigger than the target is cut into byte ranges, each range reading the lines or
records that begin in it, so one big file keeps every worker busy; other files
are read whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.read import Fields, input_files, remote
from newsgraph.read.feeds import iter_jsonl, iter_jsonl_range
from newsgraph.read.items import Item
from newsgraph.read.limited import GZIP_MAGIC
from newsgraph.read.registry import ReadOptions, reader_for
from newsgraph.read.remote import is_url
from newsgraph.read.walk import iter_items
from newsgraph.read.warc import iter_warc, read_warc, record_start

# At least this many partitions when the inputs allow it (enough to keep every
# worker of a small cluster busy and balanced), each between these sizes.
MIN_PARTITIONS = 64
MIN_PARTITION_BYTES = 64 * 2**10
MAX_PARTITION_BYTES = 16 * 2**20
# How far into a gzipped WARC its second record's gzip member is looked for.
_MEMBER_SEARCH = 2**20


@dataclass(frozen=True)
class Slice:
    """A whole input file, or the lines of a JSON Lines file (the records of a WARC)
    that begin in bytes ``[start, end)``."""

    file: str
    start: int = 0
    end: int | None = None

    def items(self, fields: Fields, max_bytes: int) -> Iterator[Item]:
        """The documents of the slice, as a one-process walk reads them."""
        path = Path(self.file)
        if self.end is None:
            return iter_items([self.file], fields, max_bytes)
        if _kind(path) == "warc":
            return iter_warc(path, max_bytes, self.start, self.end)
        return iter_jsonl_range(path, self.start, self.end, ReadOptions(fields, max_bytes))

    def to_json(self) -> str | list:
        return self.file if self.end is None else [self.file, self.start, self.end]


@dataclass(frozen=True)
class Partition:
    """The slices of files one task reads, in order; ``index`` names its output files."""

    index: int
    files: tuple[Slice, ...]
    size: int  # bytes on disk, for progress

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


def listed(paths: Iterable[str | Path]) -> list[tuple[str, int]]:
    """(file, size) of every input file, in the order a one-process run reads them.

    A path that does not exist is kept as it is (size 0): reading it gives the
    same "does not exist" failure a one-process run records.
    """
    out: list[tuple[str, int]] = []
    for given in paths:
        if is_url(given):
            out.extend(remote.listed(str(given)))
            continue
        path = Path(given)
        if not path.exists():
            out.append((str(path), 0))
            continue
        out.extend((str(f), f.stat().st_size) for f in input_files([path]))
    return out


def target_bytes(total: int) -> int:
    """The size at which a partition is cut, for inputs of ``total`` bytes."""
    return min(MAX_PARTITION_BYTES, max(MIN_PARTITION_BYTES, total // MIN_PARTITIONS))


def _kind(path: Path) -> str | None:
    """ "jsonl" or "warc" for a file the built-in reader of that kind reads (not a plugin's)."""
    reader = reader_for(path)
    if reader is not None and reader.read is iter_jsonl:
        return "jsonl"
    if reader is not None and reader.read is read_warc:
        return "warc"
    return None


def splittable(file: str) -> bool:
    """True for a file on disk whose byte ranges can be read apart: an uncompressed JSON
    Lines file, a plain WARC, or a WARC gzipped record by record (a second record's gzip
    member is found near the start; one gzip stream for the whole archive cannot be cut)."""
    if is_url(file):
        return False
    path = Path(file)
    kind = _kind(path)
    try:
        with path.open("rb") as fh:
            packed = fh.read(2) == GZIP_MAGIC
        if kind == "warc":
            return not packed or record_start(path, 1, limit=_MEMBER_SEARCH) is not None
    except OSError:
        return False
    return kind == "jsonl" and not packed


def _slices(files: list[tuple[str, int]], target: int) -> Iterator[tuple[Slice, int]]:
    for name, size in files:
        if size <= target or not splittable(name):
            yield Slice(name), size
            continue
        for start in range(0, size, target):
            end = min(start + target, size)
            yield Slice(name, start, end), end - start


def partition(files: list[tuple[str, int]]) -> list[Partition]:
    """Consecutive files (or slices of a big one) grouped into partitions of about
    ``target_bytes`` each."""
    target = target_bytes(sum(size for _, size in files))
    parts: list[Partition] = []
    group: list[Slice] = []
    size = 0
    for piece, n in _slices(files, target):
        group.append(piece)
        size += n
        if size >= target:
            parts.append(Partition(len(parts), tuple(group), size))
            group, size = [], 0
    if group:
        parts.append(Partition(len(parts), tuple(group), size))
    return parts
