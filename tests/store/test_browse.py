"""Browsing a page at a time (store/browse.py) and portraits (store/profile.py): filters,
totals, marked search hits, near-duplicates, an actor's profile, the overview."""

from __future__ import annotations

import pytest

from newsgraph.errors import NotFoundError, QueryError
from newsgraph.store.browse import MARK_END, MARK_START, Filters

DEEK = "george deek|PERSON"


def _titles(page) -> list[str]:
    return [r["title"] for r in page.rows]


def test_article_page_newest_first_with_total_and_offset(store):
    page = store.article_page(limit=2)
    assert page.total == 4 and page.limit == 2 and page.offset == 0
    assert [r["published"] for r in page.rows] == ["2023-11-02", "2023-10-10"]
    rest = store.article_page(limit=2, offset=2)
    assert [r["published"] for r in rest.rows] == ["2023-10-09", None]  # undated last
    assert store.article_page(offset=10).rows == []


@pytest.mark.parametrize(
    ("filters", "speakers"),
    [
        (Filters(source="vg.no"), {"Jonas Store", "George Deek"}),
        (Filters(speaker=DEEK), {"George Deek"}),
        (Filters(speaker="deek"), {"George Deek"}),
        (Filters(speaker="george deek"), {"George Deek"}),  # part of a name, not a key
        (Filters(entity="hamas"), {"George Deek", "Jonas Store", "Anne Holt"}),
        (Filters(place="BERGEN"), {"Jonas Store"}),
        (Filters(place="3143244"), {"George Deek"}),
        (Filters(event_type="accuse"), {"George Deek", "Jonas Store", "Anne Holt"}),
        (Filters(since="2023-10-10", until="2023-10-31"), {"George Deek"}),
    ],
)
def test_filters(store, filters, speakers):
    page = store.article_page(filters)
    assert {t.removesuffix(" condemns attack") for t in _titles(page)} == speakers


def test_bad_filter_values_are_query_errors(store):
    with pytest.raises(QueryError, match="event type"):
        store.article_page(Filters(event_type="BRIBE"))
    with pytest.raises(QueryError, match="since"):
        store.article_page(Filters(since="soon"))


def test_find_marks_hits_in_articles_and_quotes(store):
    page = store.find("Bergen")
    assert page.total == 1 and _titles(page) == ["Jonas Store condemns attack"]
    assert f"{MARK_START}Bergen{MARK_END}" in page.rows[0]["snippet"]
    quotes = store.find("condemn", kind="quotes", filters=Filters(speaker=DEEK))
    assert quotes.total == 2 and {q["speaker"] for q in quotes.rows} == {"George Deek"}
    assert quotes.rows[0]["snippet"].startswith(f"We {MARK_START}condemn{MARK_END}")
    with pytest.raises(QueryError, match="malformed"):
        store.find("condemn AND")
    with pytest.raises(QueryError, match="kind"):
        store.find("condemn", kind="people")


def test_quote_page_by_speaker_key(store):
    page = store.quote_page(Filters(speaker=DEEK))
    assert page.total == 2 and [q["published"] for q in page.rows] == ["2023-10-10", "2023-10-09"]


def test_copies_name_the_wire_copy(store):
    original = store.article_page(Filters(source="vg.no", until="2023-10-09")).rows[0]
    assert original["duplicates"] == 1
    copies = store.copies(original["id"]).to_dict()
    assert copies["agency"] == "NTB"
    (copy,) = copies["near_duplicates"]
    assert copy["source"] == "nrk.no" and copies["wire_copies"] == [copy]
    with pytest.raises(NotFoundError):
        store.copies("nope")


def test_actor_page_and_profile(store):
    actors = store.actor_page(name="deek")
    assert [(a["key"], a["articles"], a["quotes"]) for a in actors.rows] == [(DEEK, 2, 2)]
    profile = store.actor(DEEK)
    assert profile["quotes_by_month"] == [{"month": "2023-10", "quotes": 2}]
    assert {(r["source"], r["quotes"]) for r in profile["quoted_by"]} == {
        ("vg.no", 1),
        ("nrk.no", 1),
    }
    assert [(p["name"], p["stories"]) for p in profile["places"]] == [("Oslo", 1)]
    with pytest.raises(NotFoundError):
        store.actor("nobody|PERSON")


def test_places_by_stories_with_coordinates(store):
    oslo = store.place_page().rows[0]
    assert (oslo["name"], oslo["articles"], oslo["stories"]) == ("Oslo", 2, 1)
    assert oslo["lat"] == 59.91


def test_overview_and_network(store):  # events and dyads: tests/web (through an ingest)
    overview = store.overview()
    assert [m["month"] for m in overview["months"]] == ["2023-10", "2023-11"]
    assert {s["key"] for s in overview["speakers"]} >= {DEEK}
    assert {n["id"] for n in overview["network"]["nodes"]} >= {DEEK, "jonas store|PERSON"}
    assert store.network(limit=1)["nodes"][0]["id"] == DEEK
