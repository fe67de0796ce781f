"""Ingest on Dask: throughput against bare spaCy, scaling 1 -> 2 workers, memory per worker.

    python -m benchmarks.bench_dask [--corpus PATH] [--limit N] [--workers 1,2]
        [--runners pool,dask] [--out benchmarks/results/dask.json]

For each worker count W, on the same inputs (the first N files of the corpus,
default all of BBC): the process-pool runner into a fresh store
(``--workers W``), then a Dask LocalCluster of W single-threaded processes with
the pipeline loaded in each (the ``ModelLoader`` plugin, before timing):
``ingest --dask`` into a Parquet dataset, ``load`` of it into a store, and on
the same cluster the bare spaCy pipeline (``nlp.pipe``, batch 32) over exactly
the stored bodies, cut into W equal shares. Peak RSS of each worker
(``ru_maxrss``) after that run and after a second run over the same inputs
(twice the documents through the same workers: flat means no growth).
Figures go to ``--out`` (a ``--limit`` run writes only when ``--out`` is
given); how they are measured: docs/benchmarks/dask.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "benchmarks" / "results" / "dask.json"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pipe(texts: list[str], model: str | None) -> int:
    """The bare spaCy pipeline over texts, in a worker (its model already loaded)."""
    from newsgraph import nlp

    for _ in nlp.load(model).pipe(texts, batch_size=32):
        pass
    return len(texts)


def bench_pool(files: list[Path], docs: int, tmp: Path, workers: int, options) -> dict:
    from newsgraph.corpus.runner import ingest

    start = time.perf_counter()
    summary = ingest(files, tmp / f"pool{workers}.db", options=options, workers=workers)
    seconds = time.perf_counter() - start
    return {
        "pool_seconds": round(seconds, 2),
        "pool_docs_per_second": round(docs / seconds, 2),
        "pool_added": summary.counts.added,
    }


def bench_dask(files: list[Path], docs: int, tmp: Path, workers: int, options) -> dict:
    from distributed import Client, LocalCluster

    from newsgraph.corpus import dask_runner
    from newsgraph.corpus.load import load
    from newsgraph.store import open as open_store

    start = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.register_plugin(dask_runner.ModelLoader(options))
        ready = time.perf_counter() - start

        start = time.perf_counter()
        made = dask_runner.ingest(files, tmp / f"dask{workers}", address=client, options=options)
        seconds = time.perf_counter() - start
        peak = client.run(_peak_rss_mb)

        start = time.perf_counter()
        loaded = load(tmp / f"dask{workers}", tmp / f"dask{workers}.db")
        load_seconds = time.perf_counter() - start

        with open_store(tmp / f"dask{workers}.db") as store:
            bodies = [a.body for a in store.articles()]
        shares = [bodies[i::workers] for i in range(workers)]
        start = time.perf_counter()
        client.gather(client.map(_pipe, shares, model=options.model, pure=False))
        pipe_seconds = time.perf_counter() - start

        dask_runner.ingest(files, tmp / f"dask{workers}-again", address=client, options=options)
        peak_again = client.run(_peak_rss_mb)
    return {
        "cluster_start_and_model_load_seconds": round(ready, 2),
        "partitions": made.partitions,
        "dask_seconds": round(seconds, 2),
        "dask_docs_per_second": round(docs / seconds, 2),
        "load_seconds": round(load_seconds, 2),
        "load_docs_per_second": round(docs / load_seconds, 2),
        "dask_added": loaded.counts.added,
        "dask_failed": made.counts.failed,
        "nlp_pipe_seconds": round(pipe_seconds, 2),
        "nlp_pipe_docs_per_second": round(len(bodies) / pipe_seconds, 2),
        # articles annotated per second against bodies parsed per second: inputs
        # without an article (a Reuters story with no text) cost Dask almost nothing
        "dask_to_nlp_pipe_throughput": round(
            pipe_seconds / seconds * made.counts.articles / len(bodies), 3
        ),
        "peak_rss_mb_per_worker": [round(v, 1) for v in peak.values()],
        "peak_rss_mb_per_worker_after_twice_the_documents": [
            round(v, 1) for v in peak_again.values()
        ],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPORA / "bbc")
    ap.add_argument("--limit", type=int, default=0, help="the first N input files (0: all)")
    ap.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    ap.add_argument(
        "--runners", default="pool,dask", help="pool, dask or both (a pool-only run is quicker)"
    )
    ap.add_argument("--out", type=Path, default=None, help=f"default {OUT} (a full run)")
    args = ap.parse_args()

    from newsgraph.options import Options
    from newsgraph.read import input_files, iter_items

    files = [f for f in input_files([args.corpus]) if f.name.upper() != "README.TXT"]
    files = files[: args.limit] if args.limit else files
    docs = sum(1 for _ in iter_items(files))  # a Reuters file holds 1,000 stories
    options = Options(today="2026-01-01")
    counts = [int(w) for w in args.workers.split(",")]
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for workers in counts:
            row = {"workers": workers}
            if "pool" in args.runners:
                row.update(bench_pool(files, docs, Path(tmp), workers, options))
            if "dask" in args.runners:
                row.update(bench_dask(files, docs, Path(tmp), workers, options))
            runs.append(row)
            print(row, flush=True)
    results = {"corpus": args.corpus.name, "files": len(files), "documents": docs, "runs": runs}
    one = next((r for r in runs if r["workers"] == 1), None)
    for r in runs:
        if one is not None and r["workers"] > 1:
            for side in ("pool", "dask", "nlp_pipe"):
                if f"{side}_docs_per_second" not in r:
                    continue
                rate = r[f"{side}_docs_per_second"] / (
                    r["workers"] * one[f"{side}_docs_per_second"]
                )
                results[f"{side}_efficiency_1_to_{r['workers']}"] = round(rate, 3)

    cols = (
        "workers",
        "pool_docs_per_second",
        "dask_docs_per_second",
        "nlp_pipe_docs_per_second",
        "dask_to_nlp_pipe_throughput",
        "load_docs_per_second",
        "peak_rss_mb_per_worker",
        "peak_rss_mb_per_worker_after_twice_the_documents",
    )
    print(f"{results['corpus']}: {len(files):,} files, {docs:,} documents")
    print(" | ".join(cols))
    for r in runs:
        print(" | ".join(str(r.get(k, "")) for k in cols))
    for key, value in results.items():
        if "efficiency" in key:
            print(f"{key}: {value}")
    out = args.out or (None if args.limit else OUT)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
