"""Hard-wrapped plain text: how much of each Reuters-21578 story the text cleaner keeps.

    python -m benchmarks.bench_wrapped_text [--corpus DIR] [--limit N] [--out PATH]

Every story is written as a .txt would hold it (headline, blank line, the
story as the wire sent it: dateline and body hard-wrapped at ~70 columns,
paragraphs indented, the "Reuter" sign-off) and prepared by newsgraph (read,
clean, metadata; no NLP). Per story: the share of the story's own words (a
multiset of lower-cased \\w+ words, sign-off excluded) found in the clean
body. Briefs (headline only) have no story text and are counted apart.
Prints a table and writes benchmarks/results/wrapped_text.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from newsgraph.clean.lines import words_of
from newsgraph.errors import InputError
from newsgraph.options import Options
from newsgraph.pipeline import prepare
from newsgraph.read.reuters import wire_stories, without_signoff

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578"
RESULTS = Path(__file__).resolve().parent / "results" / "wrapped_text.json"
OPTIONS = Options(annotators=())


def as_txt(headline: str, text: str) -> str:
    """The story as a .txt file holds it: headline, blank line, the wire text."""
    return f"{headline}\n\n{text}\n" if text else f"{headline}\n"


def words_kept(story: str, body: str) -> float:
    """Share of the story's words (a multiset) found in the body."""
    ref = Counter(words_of(without_signoff(story)))
    if not ref:
        return 1.0
    return sum((ref & Counter(words_of(body))).values()) / sum(ref.values())


def measure(headline: str, text: str) -> dict:
    """One story: words kept, whether it was refused, and what was removed."""
    try:
        article = prepare(as_txt(headline, text), OPTIONS)
    except InputError:
        return {"kept": 0.0, "refused": True, "removed": []}
    removed = [f"{r.reason}: {r.text[:70]}" for r in article.removed]
    return {"kept": words_kept(text, article.body), "refused": False, "removed": removed}


def _pct(values: list[bool]) -> float:
    return 100.0 * sum(values) / max(len(values), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of reut2-*.sgm")
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument(
        "--failures", type=Path, help="write every story kept below 99%% here (JSON Lines)"
    )
    args = ap.parse_args(argv)
    files = sorted(args.corpus.glob("reut2-*.sgm"))
    if not files:
        print(f"no reut2-*.sgm in {args.corpus}", file=sys.stderr)
        return 2
    records = [(f.name, h, t) for f in files for h, t in wire_stories(f)][: args.limit]
    prepare("The model is warmed up on one sentence of text.\n", OPTIONS)

    t0 = time.perf_counter()
    stories, briefs = [], []
    for n, (name, headline, text) in enumerate(records):
        if not text.strip():
            try:
                prepare(as_txt(headline, text), OPTIONS)
                briefs.append(False)
            except InputError:
                briefs.append(True)
            continue
        stories.append({"record": f"{name}#{n}", "headline": headline, **measure(headline, text)})
    secs = time.perf_counter() - t0

    kept = [s["kept"] for s in stories]
    worst = sorted(stories, key=lambda s: s["kept"])[:10]
    summary = {
        "records": len(records),
        "stories_with_text": len(stories),
        "stories_99pct_kept": _pct([k >= 0.99 for k in kept]),
        "stories_90pct_kept": _pct([k >= 0.90 for k in kept]),
        "median_kept": statistics.median(kept) if kept else None,
        "mean_kept": statistics.fmean(kept) if kept else None,
        "refused": sum(s["refused"] for s in stories),
        "briefs": len(briefs),
        "briefs_refused": sum(briefs),
        "seconds": secs,
        "stories_per_s": len(records) / secs if secs else None,
    }
    print(f"{summary['records']} records, {summary['stories_with_text']} stories with text\n")
    print(f"{'stories keeping >= 99% of their words':44} {summary['stories_99pct_kept']:7.2f} %")
    print(f"{'stories keeping >= 90% of their words':44} {summary['stories_90pct_kept']:7.2f} %")
    print(f"{'median share of words kept':44} {100 * (summary['median_kept'] or 0):7.2f} %")
    print(f"{'mean share of words kept':44} {100 * (summary['mean_kept'] or 0):7.2f} %")
    print(f"{'stories refused (no article text)':44} {summary['refused']:7d}")
    print(f"{'briefs (headline only), refused':44} {summary['briefs_refused']:7d} of {len(briefs)}")
    print(f"{'time':44} {secs:7.1f} s ({summary['stories_per_s']:.0f} records/s)\n")
    print("worst stories:")
    for s in worst:
        why = "; ".join(s["removed"][:3]) or ("refused" if s["refused"] else "-")
        print(f"  {100 * s['kept']:5.1f}%  {s['record']:22} {s['headline'][:40]:40}  {why}")
    if args.failures:
        with args.failures.open("w", encoding="utf-8") as f:
            for s in stories:
                if s["kept"] < 0.99:
                    f.write(json.dumps(s) + "\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "benchmark": "wrapped_text",
                "corpus": "Reuters-21578, every record as headline + blank line + wire text",
                "score": "per story: share of its words (multiset, sign-off excluded) in the body",
                "limit": args.limit,
                "machine": {"python": platform.python_version(), "processes": 1},
                **summary,
                "worst": [
                    {k: s[k] for k in ("record", "headline", "kept", "refused", "removed")}
                    for s in worst
                ],
            },
            indent=2,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
