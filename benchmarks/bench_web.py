"""The web app: time per page and API request on a large store, and answers while an
ingest writes to the same store.

    python -m benchmarks.bench_web --db reuters.db [--repeat 20] [--during-docs 200]
        [--extra PATH] [--port 8765] [--no-during] [--out PATH]

Serves ``--db`` with ``newsgraph serve`` (a real uvicorn process on 127.0.0.1) and
requests every page and API endpoint ``--repeat`` times over one keep-alive
connection: the first (cold) time, the median and the p95 in milliseconds, as a
client on the same machine sees them (loopback included). Then copies the store,
serves the copy, and ingests ``--during-docs`` new documents (``--extra``: BBC .txt
files by default) into it with one writer while a client keeps requesting the same
URLs: requests made, failures (anything but the expected status), latency during
the writes, and articles added. Figures go to ``benchmarks/results/web.json`` (a
full run); how they are measured: docs/benchmarks/web.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
BAR_MS = 300  # every page's median


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _urls(db: Path) -> list[tuple[str, str]]:
    """(kind, URL) of every page and endpoint, on ids taken from the store itself."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    article = (
        conn.execute(
            "SELECT id FROM articles WHERE cluster_id IN (SELECT id FROM clusters WHERE size > 1) "
            "ORDER BY pk LIMIT 1"
        ).fetchone()
        or conn.execute("SELECT id FROM articles LIMIT 1").fetchone()
    )
    speaker = conn.execute(
        "SELECT speaker_key FROM quotes WHERE speaker_key IS NOT NULL "
        "GROUP BY speaker_key ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    conn.close()
    aid, key = article[0], quote(speaker[0] if speaker else "none", safe=":")
    pages = [
        "/",
        "/search?q=oil",
        "/search?q=crude+AND+prices&since=1987-03-01",
        "/search?q=said&kind=quotes",
        "/search?kind=quotes&speaker=" + key,
        "/search?q=dollar&page=5",
        f"/articles/{aid}",
        f"/actors/{key}",
        "/try",
    ]
    api = [
        "/api/articles",
        "/api/articles?limit=200&offset=10000",
        "/api/articles?entity=japan",
        "/api/articles?place=London",
        f"/api/articles/{aid}",
        f"/api/articles/{aid}/copies",
        "/api/search?q=oil",
        "/api/search?q=%22interest+rates%22&limit=200",
        "/api/search?q=said&kind=quotes",
        "/api/quotes",
        "/api/quotes?speaker=" + key,
        "/api/actors",
        "/api/actors?name=bank",
        f"/api/actors/{key}",
        "/api/places",
        "/api/events",
        "/api/events?type=ACCUSE",
        "/api/dyads",
        "/api/graph",
        "/api/overview",
    ]
    return [("page", u) for u in pages] + [("api", u) for u in api]


class Server:
    """``newsgraph serve`` in a child process, for as long as the ``with`` lasts."""

    def __init__(self, db: Path, port: int) -> None:
        self.db, self.port = db, port
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> Server:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(self.db)]
            + ["--port", str(self.port)],
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.proc.stderr.readline()
        if "serving" not in line:
            raise SystemExit(f"newsgraph serve did not start: {line}")
        for _ in range(100):
            try:
                httpx.get(f"{self.url}/openapi.json", timeout=2)
                return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise SystemExit("newsgraph serve does not answer")

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def _time(client: httpx.Client, url: str) -> tuple[float, int]:
    start = time.perf_counter()
    response = client.get(url)
    return (time.perf_counter() - start) * 1000, response.status_code


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def latency(server: Server, urls: list[tuple[str, str]], repeat: int) -> list[dict]:
    """First, median and p95 time of each URL, ``repeat`` requests each, in turn."""
    rows = []
    with httpx.Client(base_url=server.url, timeout=60) as client:
        for kind, url in urls:
            first, status = _time(client, url)
            times = [first] + [_time(client, url)[0] for _ in range(repeat - 1)]
            rows.append(
                {
                    "kind": kind,
                    "url": url,
                    "status": status,
                    "first_ms": round(first, 1),
                    "median_ms": round(statistics.median(times), 1),
                    "p95_ms": round(_p95(times), 1),
                }
            )
    return rows


def during_ingest(db: Path, urls: list[tuple[str, str]], docs: int, extra: Path, port: int) -> dict:
    """Answers from a copy of the store while ``docs`` new documents are ingested into it."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        src = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        dst = sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        dst.close()
        inputs = Path(tmp) / "new"
        inputs.mkdir()
        for n, path in enumerate(sorted(extra.rglob("*.txt"))[:docs]):
            shutil.copy(path, inputs / f"{n:05d}.txt")
        expected = {}
        with Server(copy, port) as server, httpx.Client(base_url=server.url, timeout=60) as c:
            for _, url in urls:
                expected[url] = c.get(url).status_code
            writer = subprocess.Popen(
                [sys.executable, "-m", "newsgraph.cli", "ingest", str(inputs), "--db", str(copy)]
                + ["--workers", "1", "--no-progress"],
                stderr=subprocess.PIPE,
                text=True,
            )
            log: list[str] = []
            reader = threading.Thread(target=lambda: log.extend(writer.stderr), daemon=True)
            reader.start()
            times, failures, made = [], [], 0
            start = time.perf_counter()
            while writer.poll() is None:
                for _, url in urls:
                    made += 1
                    try:
                        ms, status = _time(c, url)
                    except httpx.HTTPError as exc:
                        failures.append(f"{url}: {type(exc).__name__}")
                        continue
                    times.append(ms)
                    if status != expected[url]:
                        failures.append(f"{url}: {status}")
            seconds = time.perf_counter() - start
            reader.join()
        added = sqlite3.connect(copy).execute("SELECT count(*) FROM articles").fetchone()[0]
    before = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    return {
        "docs": docs,
        "ingest_exit": writer.returncode,
        "ingest_log": "".join(log).strip().splitlines()[-1:] or [],
        "articles_added": added - before.execute("SELECT count(*) FROM articles").fetchone()[0],
        "seconds": round(seconds, 1),
        "requests": made,
        "failures": len(failures),
        "failed": failures[:20],
        "median_ms": round(statistics.median(times), 1) if times else None,
        "p95_ms": round(_p95(times), 1) if times else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="the store to serve (all of Reuters)")
    ap.add_argument("--repeat", type=int, default=20, help="requests per URL")
    ap.add_argument("--during-docs", type=int, default=200, help="documents ingested meanwhile")
    ap.add_argument("--extra", type=Path, default=CORPORA / "bbc", help="their folder")
    ap.add_argument("--port", type=int, default=0, help="0: a free port")
    ap.add_argument("--no-during", action="store_true", help="skip the ingest-while-serving run")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "web.json")
    args = ap.parse_args()
    port = args.port or _free_port()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "quotes", "entities", "places", "events")
    }
    conn.close()
    urls = _urls(args.db)
    with Server(args.db, port) as server:
        rows = latency(server, urls, args.repeat)
    print(f"store: {args.db} ({', '.join(f'{n:,} {t}' for t, n in counts.items())})")
    print(f"{'':4} {'url':62} {'status':>6} {'first':>8} {'median':>8} {'p95':>8}  (ms)")
    for r in rows:
        print(
            f"{r['kind']:4} {r['url'][:62]:62} {r['status']:>6} {r['first_ms']:>8.1f}"
            f" {r['median_ms']:>8.1f} {r['p95_ms']:>8.1f}"
        )
    slow = [r["url"] for r in rows if r["kind"] == "page" and r["median_ms"] >= BAR_MS]
    print(f"pages with a median over {BAR_MS} ms: {slow or 'none'}")
    out = {"store": counts, "repeat": args.repeat, "bar_ms": BAR_MS, "requests": rows}
    if not args.no_during:
        during = during_ingest(args.db, urls, args.during_docs, args.extra, _free_port())
        print(
            f"during an ingest of {during['docs']} documents ({during['articles_added']} added,"
            f" {during['seconds']} s): {during['requests']} requests, {during['failures']}"
            f" failures, median {during['median_ms']} ms, p95 {during['p95_ms']} ms"
        )
        out["during_ingest"] = during
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
