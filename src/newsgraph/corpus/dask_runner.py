"""Ingest on a Dask cluster: the same per-article pipeline, written as a Parquet dataset.

The driver lists and partitions the inputs (``partitions``) without reading
them, and submits one task per partition; each worker runs
``dataset.write_partition`` (``process_batch`` over a batch at a time, as the
one-process and pool runners do) and writes that partition's files. Only
counts come back, so the driver never holds the corpus. The spaCy pipeline
is loaded once per worker process, when the worker joins (``ModelLoader``).
A task whose worker dies is run again elsewhere (``RETRIES``); a document that
fails is a row of ``errors`` with its reason, like the store's.

``DIR/manifest.json`` keeps the partitions and options of the run: the same
command run again skips the partitions already written (a resumed run), and a
different run into the same folder is refused.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from newsgraph.corpus import dataset
from newsgraph.corpus.partitions import Partition, listed, partition
from newsgraph.corpus.progress import IngestProgress
from newsgraph.corpus.runner import run_record
from newsgraph.errors import NewsgraphError
from newsgraph.options import Options
from newsgraph.read import Fields

# A partition is tried this many more times when its worker dies or its task fails.
RETRIES = 2
MANIFEST = "manifest.json"


class ModelLoader(WorkerPlugin):
    """Loads the pipeline once in each worker process as it starts: the spaCy model and
    every annotator's resources (gazetteer, lexicons), by extracting one sentence. No
    task pays for it, and every task of the process shares them (``nlp.load`` caches)."""

    name = "newsgraph-model"

    def __init__(self, options: Options) -> None:
        self.options = options

    def setup(self, worker) -> None:
        from newsgraph.pipeline import warm_up

        warm_up(self.options)


@dataclass
class DatasetSummary:
    """The outcome of one distributed run."""

    counts: dataset.PartitionCounts
    partitions: int
    resumed: int  # partitions written by an earlier run of the same command
    seconds: float

    @property
    def ok(self) -> bool:
        return self.counts.failed == 0


@contextmanager
def connect(address: str | Client, workers: int) -> Iterator[Client]:
    """A client of the cluster at ``address`` ("local": a LocalCluster of ``workers``
    single-threaded processes on this machine), or the given client as it is."""
    if isinstance(address, Client):
        yield address
        return
    if address == "local":
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    with Client(address) as client:
        yield client


def _manifest(out: Path, parts: list[Partition], record: dict) -> dict:
    """The run's manifest, checked against (and taking ``today`` from) an earlier one."""
    manifest = {"partitions": [[s.to_json() for s in p.files] for p in parts], "options": record}
    path = out / MANIFEST
    if path.exists():
        before = json.loads(path.read_text(encoding="utf-8"))
        same = (
            before["partitions"] == manifest["partitions"]
            and {
                **before["options"],
                "today": record["today"],
            }
            == record
        )
        if not same:
            raise NewsgraphError(
                f"{out} holds the dataset of other inputs or options; give an empty folder"
            )
        return before
    if out.exists() and any(out.iterdir()):
        raise NewsgraphError(f"{out} is not empty; give an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def ingest(
    paths: list[str | Path],
    out: str | Path,
    *,
    address: str | Client = "local",
    options: Options | None = None,
    fields: Fields | None = None,
    source: str | None = None,
    progress: bool = False,
) -> DatasetSummary:
    """Ingest every document under ``paths`` on a Dask cluster into the dataset ``out``.

    Args:
        address: a scheduler's address (tcp://host:8786), "local" for a LocalCluster of
            ``options.workers`` processes (default: all cores), or a connected Client.
        options, fields, source: as for ``runner.ingest``.

    Returns:
        A ``DatasetSummary``. Load the dataset into a store with ``load.load``.
    """
    options = options or Options()
    options = Options.merge(options, today=options.resolved_today())
    record = run_record(options)
    out = Path(out)
    started = _now()
    files = listed(paths)
    parts = partition(files)
    record = _manifest(out, parts, record)["options"]
    options = Options.merge(options, today=record["today"])
    todo = [p for p in parts if not dataset.done(out, p.name)]
    counts = dataset.PartitionCounts()
    start = time.perf_counter()
    workers = options.workers or os.cpu_count() or 1
    with (
        connect(address, workers) as client,
        IngestProgress(
            enabled=progress, total=sum(p.size for p in todo), loading=bool(record["annotators"])
        ) as bar,
    ):
        if record["annotators"]:
            client.register_plugin(ModelLoader(options))
        tasks = client.map(
            dataset.write_partition,
            todo,
            out=str(out),
            options=options,
            fields=fields,
            source=source,
            retries=RETRIES,
            pure=False,
        )
        sizes = {task.key: p.size for task, p in zip(tasks, todo, strict=True)}
        read = 0
        for task, result in as_completed(tasks, with_results=True):
            counts.merge(result)
            read += sizes[task.key]
            bar.update(read=read, docs=counts.inputs, failed=counts.failed, skipped=0)
    dataset.write_run(
        out,
        {
            "started": started,
            "finished": _now(),
            "inputs": json.dumps([str(p) for p in paths]),
            "options": json.dumps(record, sort_keys=True),
            "added": counts.articles,
            "skipped": 0,
            "failed": counts.failed,
            "status": "done",
            "pid": os.getpid(),
            "host": socket.gethostname(),
        },
    )
    return DatasetSummary(counts, len(parts), len(parts) - len(todo), time.perf_counter() - start)
