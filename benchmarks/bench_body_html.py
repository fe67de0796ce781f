"""HTML body extraction: newsgraph's clean_html against trafilatura alone, same pages, same run.

    python -m benchmarks.bench_body_html [--data ../shared/data/body-html] [--limit N]

Score: 4-word shingle precision/recall averaged over pages, F1 of the
averages (benchmarks/shingle_score.py). Speed: pages per second in this one
process, HTML already decoded to str for all, after one untimed page per system
(imports loaded on first use), the systems run in turn on each page so that the
machine's load weighs on them alike. Figures go to
benchmarks/results/body_html.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
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


def trafilatura_with_metadata(html: str, url: str | None) -> str:
    """trafilatura's defaults with its metadata pass: the work clean_html does (body and metadata)."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    return (doc.text or "") if doc else ""


def trafilatura_tuned(html: str, url: str | None) -> str:
    """trafilatura with the options clean_html passes it, nothing else."""
    return trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS) or ""


def newsgraph_body(html: str, url: str | None) -> str:
    return clean_html(html, url=url).body


SYSTEMS = {
    "trafilatura (defaults)": trafilatura_alone,
    "trafilatura (no comments)": trafilatura_no_comments,
    "trafilatura (+ metadata)": trafilatura_with_metadata,
    "trafilatura (our options)": trafilatura_tuned,
    "newsgraph clean_html": newsgraph_body,
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


def run(data: Path, limit: int | None, systems: dict = SYSTEMS) -> dict:
    """Each system's score, speed and worst pages over the first ``limit`` pages (None: all)."""
    pages = load(data, limit)
    predicted_by: dict[str, list[str]] = {name: [] for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    for system in systems.values():  # untimed: imports and caches loaded on first use
        system(pages[0][1], pages[0][2])
    for _, html, url, _ in pages:  # page by page, every system in turn: load drifts alike
        for name, system in systems.items():
            start = time.perf_counter()
            predicted_by[name].append(system(html, url))
            seconds[name] += time.perf_counter() - start
    results = {}
    for name, predicted in predicted_by.items():
        elapsed = seconds[name]
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
    ours = results.get("newsgraph clean_html")
    ratios = {
        f"newsgraph / {name}": round(ours["pages_per_second"] / r["pages_per_second"], 2)
        for name, r in results.items()
        if ours and name.startswith("trafilatura")
    }
    return {
        "data": str(data),
        "pages": len(pages),
        "options": TRAFILATURA_OPTIONS,
        "systems": results,
        "speed_ratios": ratios,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/body_html.json")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        sys.exit(f"bench_body_html: no data at {args.data}")
    report = run(args.data, args.limit)
    print(f"{'system':28} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8} {'empty':>5}")
    for name, r in report["systems"].items():
        print(
            f"{name:28} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
            f"{r['pages_per_second']:8.1f} {r['empty_bodies']:5d}"
        )
    for name, ratio in report["speed_ratios"].items():
        print(f"speed {name}: {ratio:.2f}x")
    if args.limit is None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(
            f"written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}"
        )


if __name__ == "__main__":
    main()
