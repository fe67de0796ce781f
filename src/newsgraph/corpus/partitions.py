"""Inputs -> partitions for a distributed run, listed by the driver without reading them.

A partition is a list of input files taken in the walk's order (``input_files``),
cut where the running size passes a target. The target depends only on the
inputs (a share of their total size, within bounds), never on the number of
workers, so the same inputs always give the same partitions: a run can be
resumed partition by partition, and its output is the same on any cluster.
A file is never split: a partition holds at least one whole file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsgraph.read import input_files

# At least this many partitions when the inputs allow it (enough to keep every
# worker of a small cluster busy and balanced), each between these sizes.
MIN_PARTITIONS = 64
MIN_PARTITION_BYTES = 64 * 2**10
MAX_PARTITION_BYTES = 16 * 2**20


@dataclass(frozen=True)
class Partition:
    """The files one task reads, in order; ``index`` names its output files."""

    index: int
    files: tuple[str, ...]
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
    for path in map(Path, paths):
        if not path.exists():
            out.append((str(path), 0))
            continue
        out.extend((str(f), f.stat().st_size) for f in input_files([path]))
    return out


def target_bytes(total: int) -> int:
    """The size at which a partition is cut, for inputs of ``total`` bytes."""
    return min(MAX_PARTITION_BYTES, max(MIN_PARTITION_BYTES, total // MIN_PARTITIONS))


def partition(files: list[tuple[str, int]]) -> list[Partition]:
    """Consecutive files grouped into partitions of about ``target_bytes`` each."""
    target = target_bytes(sum(size for _, size in files))
    parts: list[Partition] = []
    group: list[str] = []
    size = 0
    for name, n in files:
        group.append(name)
        size += n
        if size >= target:
            parts.append(Partition(len(parts), tuple(group), size))
            group, size = [], 0
    if group:
        parts.append(Partition(len(parts), tuple(group), size))
    return parts
