"""Near-duplicate clusters and wire-copy flags."""

from __future__ import annotations

import json

import pytest

from newsgraph.corpus import dedup
from newsgraph.corpus.runner import ingest
from newsgraph.record import Article, Author
from newsgraph.store import open as open_store

WIRE = (
    "Officials in the capital said on Tuesday that the new rail line would open next spring "
    "after years of delays. The project, which cost more than two billion dollars, links the "
    "port with the northern industrial towns. Critics have questioned the budget and the route, "
    "and a court case brought by farmers is still pending. The transport minister told "
    "parliament the trains would run every ten minutes at peak hours and that fares would be "
    "set by an independent regulator before the opening."
)


def test_signatures_estimate_similarity(kit):
    a, b = dedup.signature(WIRE), dedup.signature(WIRE + " Extra closing words here.")
    other = dedup.signature(kit.story(1))
    assert dedup.similarity(a, a) == 1.0
    assert dedup.similarity(a, b) > 0.8
    assert dedup.similarity(a, other) < 0.2
    assert len(a) == dedup.NUM_PERM * 4 and len(dedup.buckets(a)) == dedup.BANDS
    assert dedup.signature("   ") is None


@pytest.mark.parametrize(
    "body,agency",
    [
        ("LONDON (Reuters) - Oil prices fell.", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted.", "AP"),
        ("Paris, France (AFP) - Strikes went on.", "AFP"),
        ("Prices rose sharply today.\n\nReuter", "Reuters"),
        ("The vote passed.\n\nCopyright 2023 The Associated Press. All rights reserved.", "AP"),
        ("By the Associated Press\n\nThe vote passed.", "AP"),
        ("The council met on Monday and agreed a budget.", None),
        ("The vote passed. Associated Press", "AP"),
        ("Strikes went on - Agence France-Presse", "AFP"),
        ("Apples (AP grade) were sold - cheaply.", None),
    ],
)
def test_credited_agency(body, agency):
    assert dedup.credited_agency(Article(body=body)) == agency


def test_agency_from_author_and_source_names():
    assert (
        dedup.credited_agency(Article(body="Text.", authors=[Author(name="Reuters")])) == "Reuters"
    )
    assert dedup.is_agency_source("reuters.com", "Reuters")
    assert dedup.is_agency_source("Associated Press", "AP")
    assert not dedup.is_agency_source("japantimes.co.jp", "AP")
    assert dedup.source_agency("apnews.com") == "AP"


def test_wire_copies_cluster_and_are_flagged(tmp_path, kit):
    records = [
        {"text": f"LONDON (Reuters) - {WIRE}", "source": "Reuters", "url": "https://reuters.com/1"},
        {"text": WIRE, "source": "Daily Bugle", "url": "https://bugle.test/a"},  # no credit line
        {
            "text": f"{WIRE} Share this story. Follow us for more news.",
            "source": "Gazette",
            "url": "https://gazette.test/b",
        },
        {"text": kit.story(7), "source": "Gazette", "url": "https://gazette.test/c"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest(
        [feed], tmp_path / "s.db", options=kit.fast.model_copy(update={"clean": False}), workers=1
    )
    with open_store(tmp_path / "s.db") as store:
        facts = {f["source"]: f for f, _ in store.articles_with_facts()}
        wire = facts["Reuters"]["cluster"]
        assert facts["Daily Bugle"]["cluster"] == wire
        assert not facts["Reuters"]["syndicated"] and facts["Daily Bugle"]["syndicated"]
        gazette = [f for f, _ in store.articles_with_facts() if f["source"] == "Gazette"]
        assert [g["syndicated"] for g in gazette] == [True, False]
        assert gazette[1]["cluster"] != wire
        sources = {r["name"]: r for r in store.top("sources")}
        assert sources["Gazette"]["original"] == 1 and sources["Gazette"]["syndicated"] == 1
        assert store.conn.execute("SELECT size, agency FROM clusters").fetchall()[0][:] == (
            3,
            "Reuters",
        )


def test_copy_arriving_before_the_credited_story_is_flagged_later(tmp_path):
    records = [
        {"text": WIRE, "source": "Daily Bugle"},
        {"text": f"WASHINGTON (AP) — {WIRE}", "source": "Evening Post"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest([feed], tmp_path / "s.db", options=dedup_options(), workers=1)
    with open_store(tmp_path / "s.db") as store:
        assert [f["syndicated"] for f, _ in store.articles_with_facts()] == [True, True]


def dedup_options():
    from newsgraph.options import Options

    return Options(annotators=(), clean=False)
