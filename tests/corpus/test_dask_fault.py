"""A Dask worker killed in the middle of a run: the run completes, every document once."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

from newsgraph.corpus import partitions
from newsgraph.corpus.load import load
from newsgraph.options import Options

distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")
dask_runner = pytest.importorskip("newsgraph.corpus.dask_runner")


class KillFirstTask(distributed.diagnostics.plugin.WorkerPlugin):
    """Kills its worker's process (SIGKILL, as the OOM killer or a lost machine would)
    when a task starts executing, once in the whole cluster: the first worker to get
    there claims a marker file and dies; the worker the nanny starts again lives."""

    name = "kill-first-task"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def transition(self, key, start: str, finish: str, **kwargs) -> None:
        if finish != "executing":
            return
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return
        os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL of a worker process")
def test_a_killed_worker_costs_no_document(tmp_path, kit, monkeypatch):
    monkeypatch.setattr(partitions, "MIN_PARTITION_BYTES", 500)
    root = tmp_path / "in"
    root.mkdir()
    for n in range(24):
        (root / f"story-{n:02}.txt").write_text(kit.story(n, sentences=6))
    # the plugin is sent by value: the worker processes cannot import this test module
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    marker = tmp_path / "killed"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.register_plugin(KillFirstTask(str(marker)))
        made = dask_runner.ingest(
            [root], tmp_path / "dataset", address=client, options=Options(annotators=())
        )
    assert marker.exists()  # a worker did die, in the middle of a task
    assert made.partitions > 4 and made.counts.inputs == 24 and made.counts.failed == 0
    stored = load(tmp_path / "dataset", tmp_path / "news.db")
    assert stored.counts.added == 24
    with sqlite3.connect(tmp_path / "news.db") as conn:
        locations = [Path(r[0]).name for r in conn.execute("SELECT location FROM inputs")]
    assert sorted(locations) == [f"story-{n:02}.txt" for n in range(24)]
