"""Shared fixtures: the bundled sample, ../shared data (skipped when absent), and small
corpora built in a temporary folder (pages, JSON Lines, CSV, WARC) for the reader and corpus
tests."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.options import Options

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "samples" / "harbour-article.txt"
SEED = SHARED / "seed" / "000_b075a4b8c46070a5.txt"


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seed is not present")
    return SEED.read_text(encoding="utf-8")


# No annotators and no cleaning (other stages, tested on their own): ingest tests
# exercise reading, storing and clustering, fast.
FAST = Options(annotators=(), clean=False)

_WORDS = (
    "harbour council budget minister ferry strike election court river bridge museum vote "
    "police school hospital tax farmers storm festival airport union rail energy prices"
).split()


def story(n: int, sentences: int = 6) -> str:
    """A distinct plain-text story: each sentence has eight or more words and ends with a stop."""
    out = []
    for s in range(sentences):
        words = [_WORDS[(n * 7 + s * 3 + k * (n % 5 + 1)) % len(_WORDS)] for k in range(9)]
        out.append(f"Story {n} sentence {s} says the {' '.join(words)} changed today.")
    return "\n\n".join(out)


def page(title: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | News | Sport</nav>"
        f"<article><h1>{title}</h1>{paras}</article><footer>Copyright 2023</footer></body></html>"
    )


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    """A gzipped WARC with one HTML response per (url, html), plus a non-HTML one."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in pages + [("https://x.test/logo.png", None)]:
            payload = html.encode() if html else b"\x89PNG fake"
            ctype = "text/html; charset=utf-8" if html else "image/png"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A folder of good inputs of every kind: 12 documents in all."""
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text(story(1))
    (root / "sub" / "b.html").write_text(page("Bridge opens", story(2)))
    (root / "sub" / "deeper" / "c.txt.gz").write_bytes(gzip.compress(story(3).encode()))
    (root / "ignored.png").write_bytes(b"\x89PNG")
    with open(root / "feed.jsonl", "w") as fh:
        for n in (4, 5, 6):
            fh.write(
                json.dumps(
                    {
                        "text": story(n),
                        "url": f"https://news.test/{n}",
                        "title": f"Story {n}",
                        "published": "2023-10-0" + str(n),
                    }
                )
                + "\n"
            )
    (root / "table.csv").write_text(
        "body,link,headline,date,outlet\n"
        + "".join(
            f'"{story(n)}",https://csv.test/{n},T{n},2022-01-0{n - 6},Outlet{n}\n' for n in (7, 8)
        )
    )
    write_warc(
        root / "crawl.warc.gz",
        [(f"https://warc.test/{n}", page(f"W{n}", story(n))) for n in (9, 10, 11, 12)],
    )
    return root


@pytest.fixture
def kit():
    """The builders above, for tests that make their own inputs."""
    from types import SimpleNamespace

    return SimpleNamespace(story=story, page=page, write_warc=write_warc, fast=FAST)
