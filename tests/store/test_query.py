"""The query module: search, quotes, top, records, DataFrames, clear errors."""

from __future__ import annotations

import pytest

from newsgraph.errors import QueryError
from newsgraph.store import open as open_store
from newsgraph.store import writes
from newsgraph.store.db import connect, transaction


def test_search_ranks_snippets_and_collapses_clusters(store):
    rows = store.search("condemn AND Deek")
    assert len(rows) == 1 and rows[0]["duplicates"] == 1
    assert "[condemn]" in rows[0]["snippet"]
    every = store.search("condemn AND Deek", collapse=False)
    assert len(every) == 2 and {r["cluster"] for r in every} == {rows[0]["cluster"]}
    assert len(store.search("condemn")) == 3
    assert store.search("nothingmatchesthis") == []


def test_search_weights_titles(store):
    rows = store.search("Jonas OR Holt", collapse=False)
    assert [r["title"].split()[0] for r in rows][:2] in (["Jonas", "Anne"], ["Anne", "Jonas"])


@pytest.mark.parametrize("query", ["condemn AND (", '"unclosed', "foo:bar", "AND", "   "])
def test_malformed_search_is_a_query_error(store, query):
    with pytest.raises(QueryError):
        store.search(query)


def test_date_window(store):
    assert len(store.search("condemn", since="2023-11-01")) == 1
    assert len(store.search("condemn", until="2023-10-09", collapse=False)) == 1
    with pytest.raises(QueryError, match="since"):
        store.search("condemn", since="last week")


def test_date_window_bounds_in_any_publication_date_form_future_included(store):
    assert len(store.search("condemn", since="20231101")) == 1
    assert (
        len(store.search("condemn", until="Mon, 09 Oct 2023 23:00:00 +0000", collapse=False)) == 1
    )
    assert len(store.search("condemn", until="2999-01-01", collapse=False)) == len(
        store.search("condemn", since="1900-01-01", collapse=False)
    )


def test_quotes_of_one_speaker_across_articles(store):
    rows = store.quotes(speaker="deek")
    assert len(rows) == 2 and {r["speaker"] for r in rows} == {"George Deek"}
    assert all(r["text"] == "We condemn the attack by Hamas," for r in rows)
    assert rows[0]["published"] >= rows[1]["published"]  # newest first
    assert len(store.quotes(speaker="george deek|PERSON")) == 2
    assert len(store.quotes(text="Hamas")) == 4
    with pytest.raises(QueryError):
        store.quotes(text="AND (")


def test_top_counts_stories_not_copies(store):
    speakers = {r["name"]: r for r in store.top("speakers")}
    assert speakers["George Deek"]["articles"] == 2 and speakers["George Deek"]["stories"] == 1
    entities = {r["name"]: r for r in store.top("entities")}
    assert entities["Hamas"]["stories"] == 3 and entities["Hamas"]["articles"] == 4
    places = store.top("places")
    assert places[0]["name"] == "Oslo" and places[0]["stories"] == 1
    sources = {r["name"]: r for r in store.top("sources")}
    assert sources["nrk.no"]["syndicated"] == 1 and sources["nrk.no"]["original"] == 0
    assert store.top("sources")[0]["name"] == "vg.no"
    assert len(store.top("entities", since="2023-11-01")) == 3
    with pytest.raises(QueryError, match="speakers, entities"):
        store.top("colours")


def test_rows_become_dataframes(store):
    frame = store.top("entities").frame()
    assert list(frame.columns) == ["name", "type", "key", "articles", "stories"]
    assert frame["articles"].sum() == 4 * 3


def test_articles_stream_in_order_with_facts(store):
    arts = list(store.articles())
    assert [a.published for a in arts] == ["2023-10-09", "2023-10-10", "2023-11-02", None]
    facts = [f for f, _ in store.articles_with_facts()]
    assert [f["syndicated"] for f in facts] == [False, True, False, False]
    assert store.count()["clusters"] == 1 and store.count()["syndicated"] == 1
    with pytest.raises(QueryError, match="no article"):
        store.article("nope")


def test_top_speakers_are_actors_not_unresolved_words(tmp_path, build):
    resolved = build(speaker="George Deek", city="Oslo")
    unresolved = build(speaker="Officials", city="Bergen", published="2023-10-11")
    unresolved.quotes[0].speaker.entity = None  # "Officials" is no entity of the article
    conn = connect(tmp_path / "t.db", write=True)
    with transaction(conn):
        run = writes.start_run(conn, [], {})
        for art in (resolved, unresolved):
            writes.insert_article(conn, art, run_id=run, source="vg.no")
    conn.close()
    with open_store(tmp_path / "t.db") as s:
        assert [r["name"] for r in s.top("speakers")] == ["George Deek"]
        assert len(s.quotes(speaker="officials")) == 1  # still findable as a quote


def test_table_rows_stream_a_table_in_key_order(store):
    chunks = list(store.table_rows("article_entities", chunk=5))
    assert [len(c) for c in chunks] == [5, 5, 2]
    rows = [tuple(r[k] for k in ("article", "entity")) for c in chunks for r in c]
    assert rows == sorted(rows) and rows[:3] == [(1, "E1"), (1, "E2"), (1, "E3")]
    assert "minhash" not in chunks[0][0].keys()  # the store's own columns stay in
    with pytest.raises(QueryError, match="lsh_bands"):
        next(store.table_rows("lsh_bands"))
