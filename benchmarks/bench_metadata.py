"""HTML metadata: title, authors and publication date, newsgraph against trafilatura and newspaper4k.

    python -m benchmarks.bench_metadata [--data ../shared/data/body-html]
        [--gold benchmarks/gold/metadata.jsonl] [--limit N] [--failures SYSTEM]

Every system reads the same decoded pages with their URL, in one run, and is
scored by benchmarks/metadata_score.py against the hand-checked gold set
(docs/benchmarks/metadata.md). Figures per split: all pages, "tuned" (the
pages the rules were written on) and "heldout" (never looked at while
tuning). newspaper4k comes from the ``bench`` extra; without it its row says
"not installed". ``--failures`` prints one system's misses on the tuned
split only. Figures go to benchmarks/results/metadata.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

from trafilatura.metadata import extract_metadata

from benchmarks.metadata_score import Found, page_scores
from newsgraph.clean.html import clean_html
from newsgraph.clean.text import clean_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "body-html"
DEFAULT_GOLD = ROOT / "benchmarks" / "gold" / "metadata.jsonl"
DEFAULT_TEXT = ROOT.parent / "shared" / "data" / "body-text" / "pages.json"
SPLITS = ("all", "tuned", "heldout")
FIELDS = ("title", "authors", "date")

System = Callable[[str, str | None], Found]


def newsgraph_meta(html: str, url: str | None) -> Found:
    out = clean_html(html, url=url)
    return Found(out.title, [a.name for a in out.authors], out.published)


def trafilatura_meta(html: str, url: str | None) -> Found:
    """trafilatura's metadata pass (what ``bare_extraction(with_metadata=True)`` returns)."""
    doc = extract_metadata(html, default_url=url)
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Found(doc.title, authors, doc.date)


def newspaper_system() -> System | None:
    """newspaper4k's Article on the given HTML (no network, no images); None if not installed."""
    # tldextract (a newspaper4k dependency) would fetch the public suffix list: use its snapshot
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    try:
        with warnings.catch_warnings():  # "nltk is not installed": its NLP extras are not used
            warnings.simplefilter("ignore", UserWarning)
            from newspaper import Article, Config
    except ImportError:
        return None
    config = Config()
    config.fetch_images = False
    config.follow_meta_refresh = False
    config.memorize_articles = False

    def newspaper_meta(html: str, url: str | None) -> Found:
        article = Article(url or "", config=config)
        article.download(input_html=html)
        article.parse()
        day = article.publish_date.isoformat() if article.publish_date else None
        return Found(article.title, list(article.authors), day)

    return newspaper_meta


def scraped_text_system(pages: Path = DEFAULT_TEXT) -> System | None:
    """newsgraph on the same page as a scraper's plain text (``body-text/pages.json``, found by
    the page's URL): the text-form cleaner's title, byline and date lines. None without it."""
    if not pages.exists():
        return None
    by_url = {p["url"]: p["text"] for p in json.loads(pages.read_text(encoding="utf-8")).values()}

    def text_meta(html: str, url: str | None) -> Found:
        out = clean_text(by_url.get(url or "", ""))
        return Found(out.title, [a.name for a in out.authors], out.published)

    return text_meta


def systems() -> dict[str, System | None]:
    return {
        "newsgraph": newsgraph_meta,
        "newsgraph-text": scraped_text_system(),
        "trafilatura": trafilatura_meta,
        "newspaper4k": newspaper_system(),
    }


def load(data: Path, gold: Path, limit: int | None) -> list[tuple[dict, str, str | None]]:
    """(gold line, decoded HTML, URL) per gold page, in the gold file's order."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    pages = []
    for row in lines[:limit]:
        raw = gzip.decompress((data / "html" / row["file"]).read_bytes())
        page_id = row["file"].removesuffix(".html.gz")
        pages.append((row, raw.decode("utf-8", errors="replace"), truth[page_id].get("url")))
    return pages


def accuracy(rows: list[tuple[dict, dict[str, bool]]]) -> dict[str, dict]:
    """Per split: pages and the share right of each field."""
    out = {}
    for split in SPLITS:
        chosen = [s for g, s in rows if split == "all" or g["split"] == split]
        out[split] = {"pages": len(chosen)} | {
            f: round(sum(s[f] for s in chosen) / len(chosen), 3) if chosen else None for f in FIELDS
        }
    return out


def run(
    data: Path, gold: Path, limit: int | None, chosen: dict[str, System | None] | None = None
) -> tuple[dict, dict[str, list[tuple[dict, Found]]]]:
    """Figures of each system (default: all three), and each one's (gold, found) pairs."""
    pages = load(data, gold, limit)
    figures: dict[str, dict | None] = {}
    found_by: dict[str, list[tuple[dict, Found]]] = {}
    for name, system in (chosen or systems()).items():
        if system is None:
            figures[name] = None
            continue
        found = [(row, system(html, url)) for row, html, url in pages]
        found_by[name] = found
        figures[name] = accuracy([(row, page_scores(f, row)) for row, f in found])
    report = {"data": str(data), "gold": str(gold), "pages": len(pages), "systems": figures}
    return report, found_by


def print_table(report: dict) -> None:
    print(f"{'system':14} {'split':8} {'pages':>5} {'title':>6} {'authors':>8} {'date':>6}")
    for name, by_split in report["systems"].items():
        if by_split is None:
            print(f"{name:14} not available (the bench extra, or the scraped text)")
            continue
        for split, r in by_split.items():
            cells = " ".join(
                f"{r[f]:{w}.3f}" if r[f] is not None else " " * (w - 1) + "-"
                for f, w in zip(FIELDS, (6, 8, 6), strict=True)
            )
            print(f"{name:14} {split:8} {r['pages']:5d} {cells}")


def print_failures(found: list[tuple[dict, Found]]) -> None:
    """Misses on the tuned split: the gold value, then what was found."""
    for row, f in found:
        if row["split"] != "tuned":
            continue
        right = page_scores(f, row)
        for field, gold, got in (
            ("title", row["title"], f.title),
            ("authors", row["authors"], f.authors),
            ("date", row["published"], f.published),
        ):
            if not right[field]:
                print(f"{row['file'][:12]} {field:7} gold={gold!r} found={got!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=None, help="first N gold pages only")
    parser.add_argument("--failures", metavar="SYSTEM", help="print SYSTEM's tuned-split misses")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/metadata.json")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        sys.exit(f"bench_metadata: no data at {args.data}")
    report, found_by = run(args.data, args.gold, args.limit)
    print_table(report)
    if args.failures:
        print_failures(found_by.get(args.failures, []))
    if args.limit is None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(
            f"written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}"
        )


if __name__ == "__main__":
    main()
