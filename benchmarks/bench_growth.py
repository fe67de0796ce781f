"""Cost growth: time and store size as one store grows from 1,000 to 50,000 documents.

    python -m benchmarks.bench_growth [--corpus DIR] [--steps 1000 5000 20000 50000]
        [--annotators none|all] [--workers 1] [--out benchmarks/results/growth.json]

Reuters-21578 is replayed with fresh ids until there are enough documents: each
replay is the corpus again, every story's text prefixed with its replay's number,
so every document is new to the store, and a replayed story is a near-duplicate of
its original (as republished wire copy is), which the near-duplicate lookups must
find. The documents are ingested into ONE store in steps (the first 1,000, then up
to 5,000, ...), each step a run of its own; per step: seconds per 1,000 documents,
store size per 1,000 articles, peak memory of the step, the near-duplicate
clusters found, and a full-text search's median latency on the store so far.
A step that costs more per document than the first one, by more than noise, is a
cost that grows faster than linearly: which step of the run it is in, the
``stages`` timing of the run tells. How it is measured: docs/benchmarks/growth.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from newsgraph.corpus.runner import ingest
from newsgraph.options import Options
from newsgraph.read.reuters import wire_stories
from newsgraph.store import open as open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578"
OUT = ROOT / "benchmarks" / "results" / "growth.json"
QUERIES = ["oil", "dollar AND yen", '"interest rates"', "coffee AND brazil", "export*"]


def replayed(corpus: Path) -> Iterator[dict]:
    """Reuters stories with text, over and over, each replay with fresh text."""
    stories = [
        (h, t) for f in sorted(corpus.glob("reut2-*.sgm")) for h, t in wire_stories(f) if t.strip()
    ]
    replay = 0
    while True:
        for n, (headline, text) in enumerate(stories):
            # in the first sentence, where no cleaning takes it for furniture
            prefix = f"In replay {replay}, " if replay else ""
            yield {"title": headline, "text": prefix + text, "url": f"replay:{replay}/{n}"}
        replay += 1


def write_step(records: Iterator[dict], count: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(count):
            fh.write(json.dumps(next(records)) + "\n")


def search_ms(db: Path) -> float:
    times = []
    with open_store(db) as store:
        for _ in range(3):
            for q in QUERIES:
                t = time.perf_counter()
                store.search(q, limit=20)
                times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of reut2-*.sgm")
    ap.add_argument("--steps", type=int, nargs="+", default=[1000, 5000, 20000, 50000])
    ap.add_argument("--annotators", choices=("none", "all"), default="none")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not any(args.corpus.glob("reut2-*.sgm")):
        print(f"no reut2-*.sgm in {args.corpus}")
        return 2
    options = Options(annotators=()) if args.annotators == "none" else Options()
    records = replayed(args.corpus)
    rows, done = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "growth.db"
        print(
            f"{'docs':>7} {'step s':>8} {'s/1k docs':>10} {'MB':>8} {'MB/1k':>7} "
            f"{'clusters':>9} {'search ms':>10} {'peak MB':>8}"
        )
        for target in sorted(args.steps):
            step = Path(tmp) / f"step-{target}.jsonl"
            write_step(records, target - done, step)
            start = time.perf_counter()
            summary = ingest([step], db, options=options, workers=args.workers)
            seconds = time.perf_counter() - start
            step.unlink()
            with open_store(db) as store:
                counts = store.count()
            size_mb = sum(p.stat().st_size for p in Path(tmp).glob("growth.db*")) / 2**20
            row = {
                "documents": target,
                "step_documents": target - done,
                "step_added": summary.counts.added,
                "step_seconds": round(seconds, 1),
                "seconds_per_1000": round(1000 * seconds / (target - done), 2),
                "store_mb": round(size_mb, 1),
                "store_mb_per_1000_articles": round(1000 * size_mb / max(counts["articles"], 1), 2),
                "articles": counts["articles"],
                "clusters": counts.get("clusters"),
                "search_ms_median": search_ms(db),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
            rows.append(row)
            done = target
            print(
                f"{target:>7,} {seconds:>8.1f} {row['seconds_per_1000']:>10.2f} "
                f"{row['store_mb']:>8.1f} {row['store_mb_per_1000_articles']:>7.2f} "
                f"{row['clusters'] or '-':>9} {row['search_ms_median']:>10} {row['peak_rss_mb']:>8}"
            )
    first = rows[0]["seconds_per_1000"]
    result = {
        "benchmark": "growth",
        "corpus": "Reuters-21578 stories with text, replayed with fresh text",
        "annotators": args.annotators,
        "workers": args.workers,
        "rows": rows,
        "last_to_first_seconds_per_document": round(rows[-1]["seconds_per_1000"] / first, 2),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"cost per document, last step / first: {result['last_to_first_seconds_per_document']}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
