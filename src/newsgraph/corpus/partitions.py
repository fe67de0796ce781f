"""Inputs -> partitions for a distributed run, listed by the driver without reading them.

A partition is a list of input files taken in the walk's order (``input_files``),
cut where the running size passes a target. The target depends only on the
inputs (a share of their total size, within bounds), never on the number of
workers, so the same inputs always give the same partitions: a run can be
resumed partition by partition, and its output is the same on any cluster.
An uncompressed JSON Lines file bigger than the target is cut into byte ranges
(each range reads the lines that begin in it), so one big file keeps every
worker busy; other files are read whole.
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

# At least this many partitions when the inputs allow it (enough to keep every
# worker of a small cluster busy and balanced), each between these sizes.
MIN_PARTITIONS = 64
MIN_PARTITION_BYTES = 64 * 2**10
MAX_PARTITION_BYTES = 16 * 2**20


@dataclass(frozen=True)
class Slice:
    """A whole input file, or the lines of a JSON Lines file that begin in bytes
    ``[start, end)``."""

    file: str
    start: int = 0
    end: int | None = None

    def items(self, fields: Fields, max_bytes: int) -> Iterator[Item]:
        """The documents of the slice, as a one-process walk reads them."""
        if self.end is None:
            return iter_items([self.file], fields, max_bytes)
        options = ReadOptions(fields, max_bytes)
        return iter_jsonl_range(Path(self.file), self.start, self.end, options)

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


def splittable(file: str) -> bool:
    """True for an uncompressed JSON Lines file on disk: byte ranges of it can be read apart."""
    if is_url(file):
        return False
    path = Path(file)
    reader = reader_for(path)
    if reader is None or reader.read is not iter_jsonl:  # not a plugin's own reader
        return False
    try:
        with path.open("rb") as fh:
            return fh.read(2) != GZIP_MAGIC
    except OSError:
        return False


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
