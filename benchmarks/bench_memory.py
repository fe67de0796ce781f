"""Memory and time against the size of one document: peak RSS and seconds per input size.

Each (size, shape) is extracted, with every annotator, in a fresh child process,
so its peak resident memory (``ru_maxrss`` of the child) is the document's alone
plus what loading newsgraph costs (the 0 MB row: a run that only loads the model,
the gazetteer and the lexicons, by extracting the bundled sample). Two shapes of text, both made of real article
sentences (the bundled sample's), since a random string parses unlike prose:

    one line    the sentences run together on one line (a scraper that lost the breaks)
    many lines  one sentence per line, paragraphs every few lines

    python -m benchmarks.bench_memory [--sizes 0.1 1 5 20] [--shapes one many] [--out FILE]

Target (issue "Hard inputs"): peak RSS under 1.5 GB at 20 MB, time linear in size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "memory.json"
SAMPLE = ROOT / "samples" / "harbour-article.txt"

CHILD = """
import resource, sys, time
import newsgraph
# Warm up before the clock: the model, the gazetteer and the lexicons load on first use
# (this alone is the 0 MB row).
newsgraph.extract(open(sys.argv[2], encoding="utf-8").read())
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
if text:
    article = newsgraph.extract(text, clean=False, published="2024-03-14")
    found = len(article.entities) + len(article.dates) + len(article.quotes)
else:
    found = 0
seconds = time.perf_counter() - start
print(seconds, found, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def sentences() -> list[str]:
    """The sample article's sentences, as the material of every test text."""
    import newsgraph

    body = newsgraph.extract(
        SAMPLE.read_text(encoding="utf-8"), options=newsgraph.Options(annotators=())
    ).body
    return [s.strip() + "." for s in " ".join(body.split()).split(". ") if s.strip()]


def make_text(size: int, shape: str, parts: list[str]) -> str:
    """About ``size`` characters of the sentences, on one line or one per line."""
    if size == 0:
        return ""
    out, n, i = [], 0, 0
    while n < size:
        sentence = parts[i % len(parts)]
        if shape == "one":
            out.append(sentence + " ")
        else:
            out.append(sentence + ("\n\n" if i % 4 == 3 else "\n"))
        n += len(out[-1])
        i += 1
    return "".join(out)[:size]


def measure(path: Path) -> dict:
    """Seconds and peak RSS (MB) of one extraction in a child process."""
    wall = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(SAMPLE)],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - wall
    seconds, found, peak_kb = done.stdout.split()
    return {
        "seconds": round(float(seconds), 1),
        "wall_seconds": round(wall, 1),
        "peak_rss_mb": round(int(peak_kb) / 1024),
        "annotations": int(found),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[0.1, 1, 5, 20], help="MB")
    ap.add_argument("--shapes", nargs="+", default=["one", "many"], choices=["one", "many"])
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--tmp", type=Path, default=Path("/tmp"))
    args = ap.parse_args()
    parts = sentences()
    rows = []
    base = args.tmp / "bench_memory_0.txt"
    base.write_text("", encoding="utf-8")
    rows.append({"shape": "-", "mb": 0, **measure(base)})
    print(f"{'shape':6} {'MB':>6} {'seconds':>8} {'s/MB':>6} {'peak RSS MB':>12} {'found':>8}")
    print(f"{'-':6} {0:>6} {'':>8} {'':>6} {rows[0]['peak_rss_mb']:>12,}")
    for size in sorted(args.sizes):
        for shape in args.shapes:
            path = args.tmp / f"bench_memory_{shape}_{size}.txt"
            path.write_text(make_text(int(size * 1_000_000), shape, parts), encoding="utf-8")
            row = {"shape": shape, "mb": size, **measure(path)}
            path.unlink()
            rows.append(row)
            print(
                f"{shape:6} {size:>6} {row['seconds']:>8} {row['seconds'] / size:>6.1f} "
                f"{row['peak_rss_mb']:>12,} {row['annotations']:>8,}"
            )
    args.out.write_text(json.dumps({"rows": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
