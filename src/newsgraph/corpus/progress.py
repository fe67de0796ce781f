"""The ingest progress bar: how much of the input is read, documents written, rate and ETA.

Its total is the size of the input files, from a quick walk that reads none of
them (``read.input_files``). The walk reports each file as it opens it, so the
files before it are read; inside a file of many documents (JSON Lines, CSV,
WARC, Reuters SGML) each item says how far into its file it was read. Progress
runs ahead of the writes by at most the batches in flight. Until the first batch is written (the model
is loading) the bar says so instead of counting zeros.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newsgraph.read.items import Item


def total_bytes(files: Iterable[Path]) -> int:
    """The size of the files: the total a run's progress is measured against."""
    return sum(_size(f) for f in files)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone or unreadable: its reader will report it
        return 0


class BytesRead:
    """Bytes of the input files read so far, told by the walk's ``opened`` callback
    and by the items read from the file it opened last (``track``)."""

    def __init__(self) -> None:
        self._before = 0  # the files read to their end
        self._current = 0  # the size of the file being read
        self._within = 0  # how far into it the last item was read

    @property
    def done(self) -> int:
        return self._before + min(self._within, self._current)

    def opened(self, path: Path) -> None:
        """The walk opened ``path``: every file before it is read."""
        self._before += self._current
        self._current = _size(path)
        self._within = 0

    def track(self, items: Iterable[Item]) -> Iterator[Item]:
        """The items, noting how far into its file each was read."""
        for item in items:
            if item.read_to is not None:
                self._within = item.read_to
            yield item

    def finished(self) -> None:
        """The walk is over: the last file is read too."""
        self._before += self._current
        self._current = self._within = 0


class IngestProgress:
    """A live bar on stderr; a no-op when disabled."""

    def __init__(self, *, enabled: bool, total: int, loading: bool) -> None:
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[docs]}"),
            TextColumn("[red]{task.fields[failed]}"),
            TextColumn("{task.fields[skipped]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            disable=not enabled,
            transient=False,
        )
        self._task: TaskID | None = None
        self._total = total or None  # nothing to measure by: an open-ended bar
        self._loading = loading
        self._start = time.perf_counter()

    def __enter__(self) -> IngestProgress:
        self._bar.__enter__()
        self._task = self._bar.add_task(
            "loading model" if self._loading else "ingest",
            total=self._total,
            docs="",
            failed="",
            skipped="",
        )
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.__exit__(*exc)

    @property
    def doing(self) -> str:
        """What the bar says the run is doing: "loading model" or "ingest"."""
        return self._bar.tasks[0].description

    def update(self, *, read: int, docs: int, failed: int, skipped: int) -> None:
        """After a batch is written: bytes read, documents written, failed, already stored."""
        rate = docs / max(time.perf_counter() - self._start, 1e-9)
        self._bar.update(
            self._task,
            description="ingest",
            completed=read,
            docs=f"{docs:,} docs {rate:.1f} docs/s",
            failed=f"{failed:,} failed",
            skipped=f"{skipped:,} already stored",
        )
