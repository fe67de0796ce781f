"""Corpus ingest: speed against bare spaCy, memory, store size, search latency.

    python -m benchmarks.bench_ingest [--bbc PATH] [--reuters PATH]
        [--bbc-docs N] [--reuters-files N] [--workers 1]
        [--annotators all|parse-only|none] [--only bbc|reuters21578] [--no-baseline]

Ingests the BBC folder (``.txt`` files) and the Reuters-21578 SGML files into
fresh stores, then times ``nlp.pipe`` of the same spaCy pipeline over exactly
the bodies that were stored, in the same process. Reports documents per
second, the ratio ingest time / nlp.pipe time, peak and sampled memory, store
size per 1,000 articles, and the median latency of a set of searches on the
Reuters store. Figures go to ``benchmarks/results/ingest.json``; how they are
measured: docs/benchmarks/ingest.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
QUERIES = [
    "oil",
    "prices",
    "said",
    "bank",
    "dollar AND yen",
    "crude OR petroleum",
    '"interest rates"',
    "wheat NOT corn",
    "export*",
    "merger AND acquisition",
    "opec",
    "coffee AND brazil",
    "NEAR(central bank, 5)",
    "shares",
    "profit AND quarter",
    "gold",
    "japan AND trade",
    "strike",
    "tax",
    "government AND budget",
]


class RssSampler(threading.Thread):
    """Resident memory of this process every half second (flat means no per-document growth)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[tuple[float, float]] = []
        self._done = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")

    def run(self) -> None:
        start = time.perf_counter()
        while not self._done.wait(0.5):
            with open("/proc/self/statm") as fh:
                rss = int(fh.read().split()[1]) * self._page / 2**20
            self.samples.append((time.perf_counter() - start, rss))

    def stop(self) -> dict:
        self._done.set()
        self.join()
        if not self.samples:
            return {}
        n = len(self.samples)
        quarter = {
            f"rss_mb_at_{q}pct": round(self.samples[min(n - 1, n * q // 100)][1], 1)
            for q in (10, 25, 50, 75, 100)
        }
        return quarter


def bench_corpus(
    name: str, paths: list[Path], db: Path, workers: int, options, baseline: bool = True
) -> dict:
    from newsgraph import nlp
    from newsgraph.corpus.runner import ingest
    from newsgraph.store import open as open_store

    model = nlp.load(options.model)
    model("Warm up the pipeline once.")
    # Annotators load their models and gazetteers on first use: do it before timing,
    # as the spaCy pipeline is loaded before timing, so both sides are steady state.
    from newsgraph.pipeline import extract

    extract(
        "President Joe Biden said in Paris on 3 May 2021 that talks would go on.",
        options=options.model_copy(update={"clean": False}),
    )
    sampler = RssSampler()
    sampler.start()
    cpu = time.process_time()
    summary = ingest(paths, db, options=options, workers=workers)
    ingest_cpu = time.process_time() - cpu
    memory = sampler.stop()
    with open_store(db) as store:
        bodies = [a.body for a in store.articles()]
        counts = store.count()
    size = db.stat().st_size
    c = summary.counts
    out = {
        "corpus": name,
        "inputs": c.added + c.duplicates + c.failed + c.skipped,
        "skipped_same_content": c.skipped,
        "articles": counts["articles"],
        "failed": c.failed,
        "duplicates": c.duplicates,
        "near_duplicate_clusters": counts["clusters"],
        "syndicated": counts["syndicated"],
        "chars": sum(map(len, bodies)),
        "ingest_seconds": round(summary.seconds, 2),
        # CPU seconds of this process: steadier than wall time on a shared machine
        # (with --workers 1 all ingest work runs in this process).
        "ingest_cpu_seconds": round(ingest_cpu, 2),
        "docs_per_second": round(
            (c.added + c.duplicates + c.failed + c.skipped) / summary.seconds, 2
        ),
        "store_mb": round(size / 2**20, 2),
        "store_mb_per_1000_articles": round(size / 2**20 / max(counts["articles"], 1) * 1000, 2),
        **memory,
    }
    if baseline:
        start, cpu = time.perf_counter(), time.process_time()
        for _ in model.pipe(bodies, batch_size=32):
            pass
        pipe_seconds, pipe_cpu = time.perf_counter() - start, time.process_time() - cpu
        out.update(
            nlp_pipe_seconds=round(pipe_seconds, 2),
            ratio_ingest_to_nlp_pipe=round(summary.seconds / pipe_seconds, 3),
            nlp_pipe_cpu_seconds=round(pipe_cpu, 2),
            cpu_ratio_ingest_to_nlp_pipe=round(ingest_cpu / pipe_cpu, 3),
        )
    return out


def bench_search(db: Path, repeats: int = 5) -> dict:
    from newsgraph.store import open as open_store

    times, hits = [], {}
    with open_store(db) as store:
        for q in QUERIES:
            for _ in range(repeats):
                start = time.perf_counter()
                rows = store.search(q, limit=20)
                times.append((time.perf_counter() - start) * 1000)
            hits[q] = len(rows)
    return {
        "queries": len(QUERIES),
        "repeats": repeats,
        "search_ms_median": round(statistics.median(times), 2),
        "search_ms_p95": round(sorted(times)[int(len(times) * 0.95) - 1], 2),
        "search_ms_max": round(max(times), 2),
        "hits": hits,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", type=Path, default=CORPORA / "bbc")
    ap.add_argument("--reuters", type=Path, default=CORPORA / "reuters21578")
    ap.add_argument("--bbc-docs", type=int, default=0, help="first N BBC files (0: all)")
    ap.add_argument("--reuters-files", type=int, default=0, help="first N .sgm files (0: all 22)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument(
        "--annotators",
        choices=("all", "parse-only", "none"),
        default="all",
        help="all registered; parse-only: bodies parsed, no annotator (the store's own cost "
        "over the parse); none: no parse (store size, search and memory of a bare store)",
    )
    ap.add_argument("--only", choices=("bbc", "reuters21578"), help="one corpus only")
    ap.add_argument(
        "--no-baseline",
        action="store_true",
        help="skip the nlp.pipe side (no ratio): speed, memory, size, search only",
    )
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ingest.json")
    args = ap.parse_args()

    from newsgraph.extract import annotator, plan
    from newsgraph.options import Options

    if args.annotators == "parse-only":
        # A do-nothing annotator still makes every body go through the spaCy parse.
        annotator("bench_parse_only")(lambda doc, article: None)
        options = Options(annotators=("bench_parse_only",))
    elif args.annotators == "none":
        options = Options(annotators=())
    else:
        options = Options()
    annotators = [a.name for a in plan(options.annotators)]
    bbc = sorted(p for p in args.bbc.rglob("*.txt") if p.name.upper() != "README.TXT")
    bbc = bbc[: args.bbc_docs] if args.bbc_docs else bbc
    reuters = sorted(args.reuters.glob("*.sgm"))
    reuters = reuters[: args.reuters_files] if args.reuters_files else reuters
    results = {"workers": args.workers, "annotators": annotators, "corpora": []}
    with tempfile.TemporaryDirectory() as tmp:
        for name, paths in (("bbc", bbc), ("reuters21578", reuters)):
            if args.only and name != args.only:
                continue
            if not paths:
                print(f"skipping {name}: no input found")
                continue
            db = Path(tmp) / f"{name}.db"
            results["corpora"].append(
                bench_corpus(name, paths, db, args.workers, options, not args.no_baseline)
            )
            if name == "reuters21578":
                results["search"] = bench_search(db)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    measured = [c for c in results["corpora"] if "nlp_pipe_seconds" in c]
    for key, num, den in (
        ("ratio_all", "ingest_seconds", "nlp_pipe_seconds"),
        ("cpu_ratio_all", "ingest_cpu_seconds", "nlp_pipe_cpu_seconds"),
    ):
        total = sum(c[den] for c in measured)
        results[key] = round(sum(c[num] for c in measured) / total, 3) if total else None

    print(f"annotators: {', '.join(annotators)}; workers: {args.workers}")
    cols = (
        "corpus",
        "articles",
        "failed",
        "docs_per_second",
        "ingest_seconds",
        "nlp_pipe_seconds",
        "ratio_ingest_to_nlp_pipe",
        "store_mb_per_1000_articles",
    )
    print(" | ".join(cols))
    for c in results["corpora"]:
        print(" | ".join(str(c.get(k, "-")) for k in cols))
        print(
            "  memory MB at 10/25/50/75/100% of the run:",
            [c.get(f"rss_mb_at_{q}pct") for q in (10, 25, 50, 75, 100)],
        )
    print(
        f"ratio over both: wall {results['ratio_all']}, CPU {results['cpu_ratio_all']}; "
        f"peak RSS {results['peak_rss_mb']} MB"
    )
    if "search" in results:
        s = results["search"]
        print(
            f"search on Reuters store: median {s['search_ms_median']} ms, p95 {s['search_ms_p95']} ms"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
