"""Ingest: bad input recorded and survived, idempotent reruns, annotators run in batches."""

from __future__ import annotations

import importlib

import pytest

from newsgraph.corpus.ingest import process_batch
from newsgraph.corpus.runner import ingest
from newsgraph.extract import Annotator
from newsgraph.options import Options
from newsgraph.read import iter_items
from newsgraph.store import open as open_store


def test_bad_input_folder_is_recorded_and_the_rest_ingested(bad_inputs, tmp_path, kit):
    summary = ingest([bad_inputs], tmp_path / "s.db", options=kit.fast, workers=1)
    assert summary.status == "done" and not summary.ok
    with open_store(tmp_path / "s.db") as store:
        errors = {e["location"].replace(str(bad_inputs) + "/", ""): e for e in store.errors()}
        bodies = [a.body for a in store.articles()]
    assert errors["zero.txt"]["kind"] == "EmptyInputError"
    assert errors["photo.html"]["kind"] == "BinaryInputError"
    assert errors["invalid-utf8.txt"]["kind"] == "DecodeError"
    assert errors["huge.txt"]["kind"] == "TooLargeError"
    assert "WARC is damaged after 1 records" in errors["cut.warc.gz"]["reason"]
    assert "not JSON" in errors["feed.jsonl:2"]["reason"]
    assert "no 'text' or 'html' column" in errors["nocolumn.csv"]["reason"]
    assert len(errors) == 7 == summary.counts.failed
    # good.txt, utf16.txt (BOM), the first WARC page, two JSONL lines
    stories = sorted(b.split("Story ")[1].split()[0] for b in bodies)
    assert stories == ["100", "101", "103", "105", "106"]


def test_a_second_run_adds_nothing_and_records_nothing_twice(corpus, tmp_path, kit):
    first = ingest([corpus], tmp_path / "s.db", options=kit.fast, workers=1, batch_size=3)
    assert first.counts.added == 10 and first.counts.failed == 1  # table.csv: default fields
    second = ingest([corpus], tmp_path / "s.db", options=kit.fast, workers=1)
    assert (second.counts.added, second.counts.failed, second.counts.skipped) == (0, 0, 11)
    with open_store(tmp_path / "s.db") as store:
        counts = store.count()
        runs = store.runs()
    assert counts["articles"] == 10 and counts["errors"] == 1
    assert [r["status"] for r in runs] == ["done", "done"]
    assert [r["added"] for r in runs] == [10, 0]


def test_same_body_from_two_inputs_is_one_article(tmp_path, kit):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(kit.story(1))
    (tmp_path / "in" / "b.txt").write_text(kit.story(1) + "\n\n")  # other bytes, same body
    summary = ingest([tmp_path / "in"], tmp_path / "s.db", options=kit.fast, workers=1)
    assert (summary.counts.added, summary.counts.duplicates) == (1, 1)


def test_every_input_location_is_recorded_duplicates_included(tmp_path, kit):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(kit.story(1))
    (tmp_path / "in" / "copy.txt").write_text(kit.story(1))  # same bytes, other place
    ingest([tmp_path / "in"], tmp_path / "s.db", options=kit.fast, workers=1)
    (tmp_path / "in" / "later.txt").write_text(kit.story(1))
    second = ingest([tmp_path / "in"], tmp_path / "s.db", options=kit.fast, workers=1)
    assert second.counts.skipped == 3
    with open_store(tmp_path / "s.db") as store:
        rows = store.conn.execute("SELECT location, article FROM inputs ORDER BY location")
        located = {r["location"].rsplit("/", 1)[1]: r["article"] for r in rows}
    assert located == {"a.txt": 1, "copy.txt": 1, "later.txt": 1}


@pytest.fixture
def fake_annotators(monkeypatch):
    """Two annotators: one records the parsed doc's length, one fails on a marked body."""
    calls = []

    def count(doc, article):
        calls.append(len(doc))
        article.title = f"{len(doc)} tokens"

    def fussy(doc, article):
        if "FAIL" in article.body:
            raise ValueError("cannot handle this body")

    registry = importlib.import_module(
        "newsgraph.extract"
    )._REGISTRY  # the package, not the function
    monkeypatch.setitem(registry, "t_count", Annotator("t_count", count))
    registry = importlib.import_module(
        "newsgraph.extract"
    )._REGISTRY  # the package, not the function
    monkeypatch.setitem(registry, "t_fussy", Annotator("t_fussy", fussy))
    return calls


def test_annotators_run_on_each_parsed_body_and_one_failure_costs_one_document(
    tmp_path, kit, fake_annotators
):
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"{n}.txt").write_text(
            kit.story(n) + ("\n\nFAIL now." if n == 1 else "")
        )
    opts = Options(annotators=("t_count", "t_fussy"), clean=False)
    outcomes = process_batch(list(iter_items([tmp_path / "in"])), opts)
    assert len(fake_annotators) == 3 and all(n > 50 for n in fake_annotators)
    assert outcomes[0].article.title.endswith("tokens")
    assert outcomes[1].article is None and "annotator 't_fussy' failed" in outcomes[1].error[1]
    assert outcomes[2].minhash is not None


def test_an_unknown_annotator_fails_before_any_work(tmp_path, corpus):
    from newsgraph.errors import NewsgraphError

    with pytest.raises(NewsgraphError, match="unknown annotator"):
        ingest([corpus], tmp_path / "s.db", options=Options(annotators=("nope",)), workers=1)
    assert not (tmp_path / "s.db").exists()


def test_the_writer_files_each_event_under_the_corpus_event_it_reports(tmp_path, event_stories):
    from newsgraph.corpus import dedup
    from newsgraph.corpus.ingest import Outcome, Writer
    from newsgraph.store import writes
    from newsgraph.store.db import connect

    conn = connect(tmp_path / "s.db", write=True)
    writer = Writer(conn, writes.start_run(conn, [], {}))
    (a1, vg, _), (a2, nrk, _) = event_stories[:2]
    writer.write(
        [
            Outcome(location=a.id, hash=a.id, article=a, source=s, minhash=dedup.signature(a.body))
            for a, s in ((a1, vg), (a2, nrk))
        ]
    )
    rows = conn.execute(
        "SELECT e.article, e.n, e.day, e.cluster FROM events e ORDER BY e.article, e.n"
    ).fetchall()
    assert len(rows) == len(a1.events) + 1 and all(r["cluster"] for r in rows)
    # a2's condemnation, a day later in other words, is a1's first event
    assert rows[-1]["cluster"] == rows[0]["cluster"] and rows[-1]["day"] == "2023-10-10"
    assert len({r["cluster"] for r in rows}) == len(a1.events)
