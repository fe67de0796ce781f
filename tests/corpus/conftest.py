"""Small corpora built in a temporary folder: pages, JSON Lines, CSV, WARC, bad inputs."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.options import Options

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
def bad_inputs(tmp_path) -> Path:
    """The issue's folder of inputs that must not break a run, plus one good page."""
    root = tmp_path / "bad"
    root.mkdir()
    (root / "good.txt").write_text(story(100))
    (root / "zero.txt").write_bytes(b"")
    (root / "photo.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)
    (root / "invalid-utf8.txt").write_bytes(bytes(range(128, 256)) * 64)
    (root / "utf16.txt").write_bytes(story(101).encode("utf-16"))  # with BOM
    with open(root / "huge.txt", "wb") as fh:  # 50 MB, over the 20 MB default limit
        line = (story(102).replace("\n\n", " ") + "\n").encode()
        fh.write(line * (50_000_000 // len(line) + 1))
    write_warc(
        root / "whole.warc.gz",
        [(f"https://w.test/{n}", page(f"W{n}", story(n))) for n in (103, 104)],
    )
    data = (root / "whole.warc.gz").read_bytes()
    (root / "whole.warc.gz").unlink()
    (root / "cut.warc.gz").write_bytes(data[: len(data) - 700])  # ends inside the 2nd page
    (root / "feed.jsonl").write_text(
        json.dumps({"text": story(105)})
        + "\n{not json at all\n"
        + json.dumps({"text": story(106)})
        + "\n"
    )
    (root / "nocolumn.csv").write_text("title,url\nA,https://a.test\n")
    return root


@pytest.fixture
def kit():
    """The builders above, for tests that make their own inputs."""
    from types import SimpleNamespace

    return SimpleNamespace(story=story, page=page, write_warc=write_warc, fast=FAST)
