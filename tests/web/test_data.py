"""The data layer: one connection per thread, an overview kept until the store changes,
page bounds checked."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from fastapi.testclient import TestClient

from newsgraph.corpus.runner import ingest
from newsgraph.errors import QueryError
from newsgraph.options import Options
from newsgraph.web import data
from newsgraph.web.app import create_app


@pytest.fixture
def copy_db(web_db, tmp_path):
    """A copy of the session store, to write to."""
    copy = tmp_path / "copy.db"
    with sqlite3.connect(web_db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    return copy


def test_each_thread_reads_through_its_own_connection(web_db):
    reader = data.Reader(web_db)
    seen = []
    thread = threading.Thread(target=lambda: seen.append(reader.store))
    thread.start()
    thread.join()
    assert reader.store is reader.store and seen[0] is not reader.store
    assert data.articles(reader, data.Filters(), limit=1).total == 5


def test_overview_is_kept_until_the_store_changes(copy_db, tmp_path):
    reader = data.Reader(copy_db)
    first = data.overview(reader)
    assert data.overview(reader) is first
    assert data.overview(reader, since="2024-04-01") is not first
    assert data.overview(reader) is first  # another window does not push it out
    feed = tmp_path / "more.jsonl"
    feed.write_text(
        '{"title": "A new story", "published": "2024-06-01", "text": "'
        + "The harbour of Split reopened on Monday after the storm. " * 5
        + '"}\n'
    )
    ingest([feed], copy_db, options=Options(annotators=()), workers=1)
    after = data.overview(reader)
    assert after["counts"]["articles"] == first["counts"]["articles"] + 1
    assert after["months"][-1]["month"] == "2024-06"


def test_serving_computes_the_overview_ahead_of_the_first_visit(web_db):
    app = create_app(web_db)
    with TestClient(app):
        app.state.warming.join()
        assert app.state.reader._kept  # computed before anyone asked
        kept = data.overview(app.state.reader)
        assert data.overview(app.state.reader) is kept and kept["counts"]["articles"] == 5


def test_the_overview_keeps_the_dyads_of_the_busiest_pairs(web_db):
    store = data.Reader(web_db).store
    every = store.scores()
    events: dict[tuple, int] = {}
    for row in every:
        events[row["actor"], row["recipient"]] = (
            events.get((row["actor"], row["recipient"]), 0) + row["events"]
        )
    assert len(events) > 1
    (busiest,) = {(d["actor"], d["recipient"]) for d in store.overview(limit=1)["dyads"]}
    assert events[busiest] == max(events.values())
    assert len(store.overview()["dyads"]) == len(every)  # 20 pairs hold them all


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (data.MAX_LIMIT + 1, 0), (10, -1)])
def test_page_bounds(web_db, limit, offset):
    with pytest.raises(QueryError, match="limit|offset"):
        data.quotes(data.Reader(web_db), data.Filters(), limit=limit, offset=offset)


def test_the_app_only_reads(web_db):
    with pytest.raises(ValueError, match="only reads"):
        data.Reader(web_db, read_only=False)


def test_a_store_older_than_the_event_tables_says_so(copy_db):
    with sqlite3.connect(copy_db) as plain:
        plain.execute("PRAGMA user_version = 7")
    app = create_app(copy_db)
    with TestClient(app) as client:
        app.state.warming.join()  # the overview could not be made ahead: no error escapes
        response = client.get("/api/events")
        assert response.status_code == 400
        assert "schema version 7" in response.json()["error"]
        assert client.get("/api/articles").status_code == 200


def test_answers_while_an_ingest_writes_to_the_store(copy_db, tmp_path):
    feed = tmp_path / "more.jsonl"
    feed.write_text(
        "".join(
            f'{{"title": "Story {n}", "published": "2024-07-{n % 28 + 1:02d}", "text": "'
            + f"Story {n} says the harbour of Split reopened on Monday after the storm. " * 4
            + '"}\n'
            for n in range(200)
        )
    )
    client = TestClient(create_app(copy_db), raise_server_exceptions=False)
    writer = threading.Thread(
        target=ingest,
        args=([feed], copy_db),
        kwargs={"options": Options(annotators=()), "workers": 1, "batch_size": 4},
    )
    writer.start()
    answers = []
    while writer.is_alive() or not answers:
        for url in ("/api/articles", "/api/search?q=harbour", "/api/overview", "/"):
            answers.append(client.get(url).status_code)
    writer.join()
    assert set(answers) == {200} and len(answers) > 4  # some while it wrote
    assert client.get("/api/articles").json()["total"] == 205
