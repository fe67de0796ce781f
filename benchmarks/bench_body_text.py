"""Body extraction from scraped text: newsgraph's line classifier against baselines.

    python -m benchmarks.bench_body_text [--pages PATH] [--truth PATH] [--no-cv]

Prints a table and writes benchmarks/results/body_text.json. The score is the
issue's (benchmarks/shingle_score.py): 4-word shingles (multisets of \\w+
words), precision and recall per page averaged over pages, F1 from the averages. The classifier is
learned from these very pages, so its honest figures are the 5-fold
cross-validated ones, by page and by site (no site of a held-out page seen in
training: the figure for unseen sites); the shipped model's score on the same
pages is in-sample and shown only beside it.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from benchmarks.shingle_score import score_pages  # noqa: E402
from newsgraph.clean.lines import split_lines  # noqa: E402
from newsgraph.clean.text import clean_text  # noqa: E402
from newsgraph.clean.text_model import default_model  # noqa: E402
from training import train_text_cleaner as tc  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "body_text.json"


def _as_html(text: str) -> str:
    """The scraped text as a minimal HTML page, one paragraph per line."""
    paras = "".join(f"<p>{html.escape(ln.text)}</p>\n" for ln in split_lines(text))
    return f"<html><body>\n{paras}</body></html>"


def score_system(name: str, fn, data: list[tuple[str, str, str]]) -> dict:
    """One system's shingle score and speed over (id, scraped text, true body) pages."""
    t0 = time.perf_counter()
    preds = [fn(text) for _, text, _ in data]
    secs = time.perf_counter() - t0
    score = score_pages([(p, t) for p, (_, _, t) in zip(preds, data, strict=True)])
    return {"name": name, **score, "pages_per_s": len(data) / secs if secs else None}


def _trafilatura(text: str) -> str:
    import trafilatura

    return trafilatura.extract(_as_html(text), include_comments=False) or ""


def _oracle(data: list[tuple[str, str, str]]) -> dict:
    """Ceiling of any line classifier: keep exactly the lines labelled body."""
    preds = []
    for _, text, truth in data:
        lines = split_lines(text)
        labels = tc.label_lines(lines, truth)
        preds.append("\n\n".join(ln.text for ln, y in zip(lines, labels, strict=True) if y))
    return {
        "name": "oracle line labels",
        **score_pages([(p, t) for p, (_, _, t) in zip(preds, data, strict=True)]),
        "pages_per_s": None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=tc.DEFAULT_PAGES)
    ap.add_argument("--truth", type=Path, default=tc.DEFAULT_TRUTH)
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation (faster)")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    if not args.pages.exists() or not args.truth.exists():
        print(f"data not found: {args.pages} / {args.truth}", file=sys.stderr)
        return 2
    data = tc.load(args.pages, args.truth)
    clean_text("warm up the model\n")

    rows = []
    if not args.no_cv:
        sites = tc.load_sites(args.pages)
        for name, groups in (("page", None), ("site", [sites[k] for k, _, _ in data])):
            t0 = time.perf_counter()
            cv = tc.cross_validate(data, groups)
            rows.append(
                {
                    "name": f"newsgraph, {cv['folds']}-fold CV by {name}",
                    "precision": cv["precision"],
                    "recall": cv["recall"],
                    "f1": cv["f1"],
                    "pages_per_s": None,
                    "seconds": time.perf_counter() - t0,
                }
            )
    rows.append(
        score_system("newsgraph, shipped model (in-sample)", lambda t: clean_text(t).body, data)
    )
    rows.append(score_system("trafilatura.extract on <p> lines", _trafilatura, data))
    rows.append({**score_system("keep everything", lambda t: t, data), "pages_per_s": None})
    rows.append(_oracle(data))

    print(f"{len(data)} pages\n")
    print(f"{'system':44} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>9}")
    for r in rows:
        speed = f"{r['pages_per_s']:9.1f}" if r["pages_per_s"] else f"{'-':>9}"
        print(f"{r['name']:44} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {speed}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "benchmark": "body_text",
                "pages": len(data),
                "score": "4-word shingle multiset P/R per page, averaged; F1 of the averages",
                "machine": {"python": platform.python_version(), "processes": 1},
                "shipped_threshold": default_model().threshold,
                "rows": rows,
            },
            indent=2,
        )
        + "\n",
        "utf-8",
    )
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
