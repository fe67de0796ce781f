"""HTML body extraction: newsgraph's clean_html against trafilatura alone, same pages, same run.

    python -m benchmarks.bench_body_html [--data ../shared/data/body-html] [--limit N] [--runs 3]

Score: 4-word shingle precision/recall averaged over pages, F1 of the
averages (benchmarks/shingle_score.py). Speed: pages per second in this one
process, HTML already decoded to str for all, after one untimed page per system
(imports loaded on first use), the systems run in turn on each page so that the
machine's load weighs on them alike. With ``--runs N`` the timed pass is
repeated N times in the same process: speeds and ratios are the medians of the
passes (the texts scored are those of the first pass). Figures go to
benchmarks/results/body_html.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

import trafilatura

from benchmarks.shingle_score import page_score, score_pages
from newsgraph.clean.html import clean_html
from newsgraph.clean.html_body import TRAFILATURA_OPTIONS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "body-html"


def trafilatura_alone(html: str, url: str | None) -> str:
    """trafilatura with its default options, as a user would call it."""
    return trafilatura.extract(html, url=url) or ""


def trafilatura_no_comments(html: str, url: str | None) -> str:
    """trafilatura's defaults without reader comments (how the issue's 0.960 was measured)."""
    return trafilatura.extract(html, url=url, include_comments=False) or ""


def trafilatura_fast(html: str, url: str | None) -> str:
    """trafilatura's defaults in its fast mode (no comparison with readability and justext)."""
    return trafilatura.extract(html, url=url, fast=True) or ""


def trafilatura_with_metadata(html: str, url: str | None) -> str:
    """trafilatura's defaults with its metadata pass: the work clean_html does (body and metadata)."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    return (doc.text or "") if doc else ""


def trafilatura_tuned(html: str, url: str | None) -> str:
    """trafilatura with the options clean_html passes it, nothing else."""
    return trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS) or ""


def newsgraph_body(html: str, url: str | None) -> str:
    return clean_html(html, url=url).body


OURS = "newsgraph clean_html"
BODY_ONLY = "trafilatura (defaults)"  # the anchor: trafilatura's body, as a user calls it
SYSTEMS = {
    "trafilatura (defaults)": trafilatura_alone,
    "trafilatura (no comments)": trafilatura_no_comments,
    "trafilatura (fast)": trafilatura_fast,
    "trafilatura (+ metadata)": trafilatura_with_metadata,
    "trafilatura (our options)": trafilatura_tuned,
    OURS: newsgraph_body,
}


def load(data: Path, limit: int | None) -> list[tuple[str, str, str, str]]:
    """(id, html, url, gold body) per page, in id order."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        pages.append((page_id, html, truth[page_id].get("url"), truth[page_id]["articleBody"]))
    return pages


def _timed_pass(pages: list, systems: dict) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Every system on every page, page by page and every system in turn (load drifts alike):
    the texts and the seconds of each system."""
    predicted_by: dict[str, list[str]] = {name: [] for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    for _, html, url, _ in pages:
        for name, system in systems.items():
            start = time.perf_counter()
            predicted_by[name].append(system(html, url))
            seconds[name] += time.perf_counter() - start
    return predicted_by, seconds


def _ratios(seconds: dict[str, float]) -> dict[str, float]:
    """newsgraph's speed over each trafilatura row's, in one pass."""
    ours = seconds.get(OURS)
    return {
        f"newsgraph / {name}": spent / ours
        for name, spent in seconds.items()
        if ours and name.startswith("trafilatura")
    }


def run(data: Path, limit: int | None, systems: dict = SYSTEMS, runs: int = 1) -> dict:
    """Each system's score, speed and worst pages over the first ``limit`` pages (None: all);
    speeds and speed ratios are the medians of ``runs`` timed passes."""
    pages = load(data, limit)
    for system in systems.values():  # untimed: imports and caches loaded on first use
        system(pages[0][1], pages[0][2])
    passes = [_timed_pass(pages, systems) for _ in range(max(runs, 1))]
    predicted_by = passes[0][0]
    pass_ratios = [_ratios(seconds) for _, seconds in passes]
    results = {}
    for name, predicted in predicted_by.items():
        elapsed = statistics.median(seconds[name] for _, seconds in passes)
        score = score_pages(zip(predicted, (gold for *_, gold in pages), strict=True))
        per_page = [page_score(p, g) for p, (*_, g) in zip(predicted, pages, strict=True)]
        worst = sorted(
            (
                (pid, 2 * p * r / (p + r) if p + r else 0.0)
                for (pid, *_), (p, r) in zip(pages, per_page, strict=True)
            ),
            key=lambda item: item[1],
        )[:10]
        results[name] = {
            **score,
            "pages_per_second": len(pages) / elapsed,
            "seconds": elapsed,
            "empty_bodies": sum(1 for p in predicted if not p.strip()),
            "worst_pages": [{"id": pid, "f1": round(f, 3)} for pid, f in worst],
        }
    return {
        "data": str(data),
        "pages": len(pages),
        "runs": len(passes),
        "options": TRAFILATURA_OPTIONS,
        "systems": results,
        "speed_ratios": {
            key: round(statistics.median(r[key] for r in pass_ratios), 2) for key in pass_ratios[0]
        },
        "speed_ratios_by_run": [{k: round(v, 2) for k, v in r.items()} for r in pass_ratios],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--runs", type=int, default=1, help="timed passes (median reported)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/body_html.json")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        sys.exit(f"bench_body_html: no data at {args.data}")
    report = run(args.data, args.limit, runs=args.runs)
    print(f"{'system':28} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8} {'empty':>5}")
    for name, r in report["systems"].items():
        print(
            f"{name:28} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
            f"{r['pages_per_second']:8.1f} {r['empty_bodies']:5d}"
        )
    for name, ratio in report["speed_ratios"].items():
        by_run = ", ".join(f"{r[name]:.2f}" for r in report["speed_ratios_by_run"])
        print(f"speed {name}: {ratio:.2f}x (runs: {by_run})")
    body_only = report["speed_ratios"].get(f"newsgraph / {BODY_ONLY}")
    if body_only is not None:
        print(f"ours / trafilatura body-only: {body_only:.2f}x (target >= 0.90x)")
    if args.limit is None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(
            f"written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}"
        )


if __name__ == "__main__":
    main()
