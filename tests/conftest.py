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


# -- a small corpus of coded events (hand-made, no annotator), stored as ingest stores it --

_CODED = {  # words -> (country, sector, entity key)
    "Azerbaijani MPs": ("AZE", "LEG", "azerbaijani mps|NORP"),
    "Lawmakers in Baku": ("AZE", "LEG", None),
    "Azerbaijan": ("AZE", "GOV", "azerbaijan|GPE"),
    "Hamas": ("PSE", "REB", "hamas|ORG"),
    "Israel": ("ISR", None, "israel|GPE"),
    "Armenia": ("ARM", "MIL", "armenia|GPE"),
    "Iran": ("IRN", "GOV", "iran|GPE"),
    "Crowds": (None, "CVL", None),
}
_PLACES = {"Baku": 587084, "Ganja": 586523, "Barda": 587378}


def event_article(
    aid: str, published: str | None, sentences: list[str], events: list[dict], **meta: object
):
    """An article of the given sentences and events. Each event: type, sentence index ``s``,
    ``actor``/``recipient`` (words of that sentence, coded by ``_CODED``), and optionally
    place (a name of ``_PLACES`` in that sentence), date, mode, flags, ``claimed_by``."""
    from newsgraph.record import Article, Entity, Event, EventActor, Place, Span

    body = " ".join(sentences)
    starts = [body.index(s) for s in sentences]
    entities: dict[str, Entity] = {}

    def entity(words: str, at: int) -> tuple[str, Span]:
        start = body.index(words, at)
        span = Span(start=start, end=start + len(words), text=words)
        if words not in entities:
            key = _CODED.get(words, (None, None, None))[2] or f"{words.lower()}|GPE"
            entities[words] = Entity(
                id=f"E{len(entities) + 1}", key=key, name=words, type=key.split("|")[1]
            )
        entities[words].mentions.append(span)
        return entities[words].id, span

    def actor(words: str | None, at: int) -> EventActor | None:
        if words is None:
            return None
        local, span = entity(words, at)
        country, sector, key = _CODED.get(words, (None, None, None))
        return EventActor(
            text=words,
            start=span.start,
            end=span.end,
            entity=local if key else None,
            country=country,
            sector=sector,
        )

    out, places = [], []
    for ev in events:
        at = starts[ev["s"]]
        place = None
        if "place" in ev:
            place, span = entity(ev["place"], at)
            places.append(
                Place(
                    entity=place,
                    name=ev["place"],
                    lat=40.0,
                    lon=47.0,
                    country="AZE",
                    geonameid=_PLACES[ev["place"]],
                    feature="PPL",
                    mentions=[span],
                )
            )
        out.append(
            Event(
                type=ev["type"],
                mode=ev.get("mode"),
                actor=actor(ev.get("actor"), at),
                recipient=actor(ev.get("recipient"), at),
                claimed_by=actor(ev.get("claimed_by"), 0),
                negated=ev.get("negated", False),
                future=ev.get("future", False),
                place=place,
                date=ev.get("date"),
                start=at,
                end=at + len(sentences[ev["s"]]),
            )
        )
    return Article(
        id=aid,
        url=f"https://news.test/{aid}",
        title=f"Story {aid}",
        published=published,
        language="en",
        body=body,
        entities=list(entities.values()),
        places=places,
        events=out,
        **meta,
    )


CONDEMN = {"type": "ACCUSE", "mode": "disapprove", "s": 0, "recipient": "Hamas"}


def event_articles() -> list[tuple]:
    """(article, source, index of the article it is a near-duplicate copy of, or None)."""
    from newsgraph.record import Tone

    mps = "Azerbaijani MPs condemned the attack by Hamas on Israel."
    return [
        (
            event_article(
                "a1",
                "2023-10-09",
                [
                    mps,
                    "Crowds left flowers for Israel at the embassy in Baku.",
                    "Iran is backing terrorism by Hamas, the MPs said.",
                    "Azerbaijan will not cut ties with Israel.",
                ],
                [
                    {**CONDEMN, "actor": "Azerbaijani MPs"},
                    {
                        "type": "SUPPORT",
                        "s": 1,
                        "actor": "Crowds",
                        "recipient": "Israel",
                        "place": "Baku",
                    },
                    {
                        "type": "SUPPORT",
                        "s": 2,
                        "actor": "Iran",
                        "recipient": "Hamas",
                        "claimed_by": "Azerbaijani MPs",
                    },
                    {
                        "type": "REJECT",
                        "s": 3,
                        "actor": "Azerbaijan",
                        "recipient": "Israel",
                        "negated": True,
                        "future": True,
                    },
                ],
                tone=Tone(
                    tone=-4.0,
                    positive=1,
                    negative=5,
                    polarity=6,
                    activity=20,
                    self_group=1,
                    words=40,
                ),
            ),
            "vg.no",
            None,
        ),
        (  # the same condemnation in other words, a day later, from another outlet
            event_article(
                "a2",
                "2023-10-10",
                ["Lawmakers in Baku condemned Hamas for the assault on Israel."],
                [{**CONDEMN, "actor": "Lawmakers in Baku"}],
                tone=Tone(
                    tone=-2.0,
                    positive=1,
                    negative=3,
                    polarity=4,
                    activity=20,
                    self_group=1,
                    words=10,
                ),
            ),
            "nrk.no",
            None,
        ),
        (  # a copy of a1 republished two weeks later: the same story, the same events
            event_article(
                "a3", "2023-10-23", [mps, "More."], [{**CONDEMN, "actor": "Azerbaijani MPs"}]
            ),
            "aftenposten.no",
            0,
        ),
        (  # a new condemnation a month on
            event_article(
                "a4",
                "2023-11-05",
                ["Azerbaijani MPs condemned Hamas again."],
                [{**CONDEMN, "actor": "Azerbaijani MPs"}],
            ),
            "vg.no",
            None,
        ),
        (  # two attacks in one article: different places, two events
            event_article(
                "a5",
                "2023-10-09",
                [
                    "Shells fired by Armenia hit Ganja in Azerbaijan on Sunday.",
                    "Armenia also shelled Barda in Azerbaijan.",
                ],
                [
                    {
                        "type": "ASSAULT",
                        "s": 0,
                        "actor": "Armenia",
                        "recipient": "Azerbaijan",
                        "place": "Ganja",
                        "date": "2023-10-08",
                    },
                    {
                        "type": "ASSAULT",
                        "s": 1,
                        "actor": "Armenia",
                        "recipient": "Azerbaijan",
                        "place": "Barda",
                        "date": "2023-10-08",
                    },
                ],
            ),
            "vg.no",
            None,
        ),
        (  # no actor: near-duplicate evidence merges, other words do not
            event_article(
                "a6",
                "2023-10-07",
                ["Rockets were fired at Israel from Gaza on Saturday."],
                [{"type": "ASSAULT", "s": 0, "recipient": "Israel"}],
            ),
            "nrk.no",
            None,
        ),
        (
            event_article(
                "a7",
                "2023-10-08",
                ["Rockets were fired at Israel from Gaza on Saturday night."],
                [{"type": "ASSAULT", "s": 0, "recipient": "Israel", "date": "2023-10-07"}],
            ),
            "vg.no",
            None,
        ),
        (
            event_article(
                "a8",
                "2023-10-07",
                ["A school in Israel was hit."],
                [{"type": "ASSAULT", "s": 0, "recipient": "Israel"}],
            ),
            "vg.no",
            None,
        ),
    ]


@pytest.fixture
def event_db(tmp_path) -> Path:
    """A store of ``event_articles()``, written as ingest writes: article, near-duplicate
    cluster, then the events filed under corpus events."""
    from newsgraph.corpus import event_dedup
    from newsgraph.store import writes
    from newsgraph.store.db import connect, transaction

    path = tmp_path / "events.db"
    conn = connect(path, write=True)
    with transaction(conn):
        run = writes.start_run(conn, [], {})
        pks: list[int] = []
        for art, source, copy_of in event_articles():
            pk = writes.insert_article(conn, art, run_id=run, source=source)
            if copy_of is not None:
                writes.join_cluster(conn, pk, pks[copy_of])
            event_dedup.place(conn, pk)
            pks.append(pk)
    conn.close()
    return path


@pytest.fixture
def event_stories() -> list[tuple]:
    """``event_articles()``: (article, source, index of the article it copies, or None)."""
    return event_articles()
