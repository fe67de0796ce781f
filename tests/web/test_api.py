"""The JSON API: pages with enforced bounds, filters, records, profiles, search with marked
hits, extraction of a posted article, and every error as ``{"error": message}``."""

from __future__ import annotations

import socket

import pytest

from newsgraph.store.browse import MARK_END, MARK_START
from newsgraph.web import api, data
from tests.web.conftest import XSS_LINK, XSS_SCRIPT

LISTINGS = [
    "/api/articles",
    "/api/search?q=Split",
    "/api/quotes",
    "/api/actors",
    "/api/places",
    "/api/events",
    "/api/dyads",
]


def get(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    return response.json()


def error(client, url: str, status: int) -> str:
    body = get(client, url, status)
    assert set(body) == {"error"} and body["error"]
    return body["error"]


@pytest.mark.parametrize("url", LISTINGS)
def test_every_listing_is_a_page_with_bounds(client, url):
    sep = "&" if "?" in url else "?"
    page = get(client, f"{url}{sep}limit=2")
    assert set(page) == {"total", "limit", "offset", "items"}
    assert page["limit"] == 2 and page["offset"] == 0 and len(page["items"]) <= 2
    assert page["total"] >= len(page["items"])
    assert "limit" in error(client, f"{url}{sep}limit={data.MAX_LIMIT + 1}", 422)
    assert "limit" in error(client, f"{url}{sep}limit=0", 422)
    assert "offset" in error(client, f"{url}{sep}offset=-1", 422)
    assert "limit" in error(client, f"{url}{sep}limit=many", 422)


def test_pages_follow_each_other(client):
    every = get(client, "/api/articles?limit=200")["items"]
    assert len(every) == 5
    first = get(client, "/api/articles?limit=2")["items"]
    second = get(client, "/api/articles?limit=2&offset=2")["items"]
    assert [a["id"] for a in first + second] == [a["id"] for a in every[:4]]
    assert get(client, "/api/articles?offset=50")["items"] == []
    days = [a["published"] for a in every]
    assert days == sorted(days, reverse=True)


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("source=coastal.example", {"Storm floods", "Fishermen protest"}),
        ("speaker=Ivan Peric", {"Storm floods", "Fishermen protest"}),
        ("speaker=person:dmitri volkov", {"Norway accuses"}),
        ("entity=plenkovic", {"Storm floods", "Fishermen protest"}),
        ("place=Bergen", {"Council warns"}),
        ("place=3190261", {"Storm floods", "Fishermen protest"}),
        ("event_type=protest", {"Fishermen protest"}),
        ("since=2024-04-01&until=2024-04-30", {"Fishermen protest"}),
        ("since=2030-01-01", set()),
        ("place=99999999999999999999999", set()),  # no GeoNames id, and no 500
        ("place=%C2%B2", set()),  # a digit to str.isdigit, not to int
    ],
)
def test_article_filters(client, query, titles):
    items = get(client, f"/api/articles?{query}")["items"]
    assert {" ".join(a["title"].split()[:2]) for a in items} == titles


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("since=last+tuesday", "since"),
        ("until=2024-13-45", "until"),
        ("event_type=BRIBE", "event type"),
    ],
)
def test_bad_filter_values_are_400_with_a_message(client, query, words):
    assert words in error(client, f"/api/articles?{query}", 400)


def test_article_record_and_unknown_id(client):
    first = get(client, "/api/articles?source=bergen.example")["items"][0]
    record = get(client, f"/api/articles/{first['id']}")
    assert record["id"] == first["id"] and XSS_SCRIPT in record["body"]
    assert record["url"] == XSS_LINK  # the record as stored: links are the pages' business
    assert {"entities", "quotes", "places", "events"} <= set(record)
    assert "no article" in error(client, "/api/articles/0000000000000000", 404)


def test_copies_name_the_wire_copy(client):
    items = get(client, "/api/articles?source=reuters.com")["items"]
    original = items[0]
    assert original["duplicates"] == 1
    copies = get(client, f"/api/articles/{original['id']}/copies")
    assert copies["agency"] == "Reuters"
    (copy,) = copies["near_duplicates"]
    assert copy["source"] == "dailynews.example" and copy["syndicated"] is True
    assert copies["wire_copies"] == [copy]
    assert error(client, "/api/articles/nope/copies", 404)


def test_search_marks_hits_in_articles_and_quotes(client):
    page = get(client, "/api/search?q=quotas")
    assert [a["title"] for a in page["items"]] == ["Fishermen protest new quotas in Split"]
    hit = page["items"][0]
    assert f"{MARK_START}quotas{MARK_END}" in hit["snippet"]
    assert f"{MARK_START}quotas{MARK_END}" in hit["title_marked"]
    quotes = get(client, "/api/search?q=ruin&kind=quotes")["items"]
    assert [q["speaker"] for q in quotes] == ["Ivan Peric"]
    assert f"will {MARK_START}ruin{MARK_END} families" in quotes[0]["snippet"]


def test_search_filters_and_phrases(client):
    assert get(client, "/api/search?q=Split&source=coastal.example")["total"] == 2
    assert get(client, "/api/search?q=Split&until=2024-03-31")["total"] == 1
    assert get(client, '/api/search?q="neutral waters"')["total"] == 2
    quotes = get(client, "/api/search?q=sea&kind=quotes&speaker=peric")["items"]
    assert [q["speaker"] for q in quotes] == ["Ivan Peric"]


@pytest.mark.parametrize("q", ["oil AND", '"unclosed', "NEAR(", "a OR OR b", "*", "col:x"])
def test_malformed_search_is_400_with_the_reason(client, q):
    assert "malformed search query" in error(client, f"/api/search?q={q}", 400)


def test_search_needs_a_query_and_a_known_kind(client):
    assert "q" in error(client, "/api/search", 422)
    assert error(client, "/api/search?q=", 422)
    assert "kind" in error(client, "/api/search?q=sea&kind=people", 422)
    assert "empty" in error(client, "/api/search?q=%20", 400)


def test_quotes_by_speaker_newest_first(client):
    quotes = get(client, "/api/quotes?speaker=person:ivan peric")["items"]
    assert [q["published"][:10] for q in quotes] == ["2024-04-02", "2024-03-14"]
    assert all(q["speaker"] == "Ivan Peric" for q in quotes)


def test_actor_profile(client):
    actors = get(client, "/api/actors?name=peric")["items"]
    assert [a["key"] for a in actors] == ["person:ivan peric"]
    profile = get(client, "/api/actors/person:ivan peric")
    assert profile["actor"]["quotes"] == 2
    assert profile["quotes_by_month"] == [
        {"month": "2024-03", "quotes": 1},
        {"month": "2024-04", "quotes": 1},
    ]
    assert profile["quoted_by"] == [{"source": "coastal.example", "articles": 2, "quotes": 2}]
    assert profile["quoted_with"][0]["key"] == "person:andrej plenkovic"
    assert profile["quoted_with"][0]["stories"] == 2
    split = next(p for p in profile["places"] if p["name"] == "Split")
    assert split["lat"] and split["lon"] and split["stories"] == 2
    assert "no actor" in error(client, "/api/actors/person:nobody", 404)


def test_actor_events_by_month(client):
    profile = get(client, "/api/actors/gpe:russia")
    assert {"month": "2024-03", "role": "recipient", "type": "ACCUSE", "events": 1} in profile[
        "events_by_month"
    ]


def test_places_events_dyads_graph_overview(client):
    places = get(client, "/api/places")["items"]
    oslo = next(p for p in places if p["name"] == "Oslo")
    assert oslo["geonameid"] == 3143244 and oslo["articles"] == 2 and oslo["stories"] == 1
    events = get(client, "/api/events?type=ACCUSE")
    assert events["total"] == 1 and events["items"][0]["reports"] == 2  # one event, two copies
    dyads = get(client, "/api/dyads?by=all")["items"]
    assert {"actor": "NOR", "recipient": "RUS"} in [
        {"actor": d["actor"], "recipient": d["recipient"]} for d in dyads
    ]
    assert "by" in error(client, "/api/dyads?by=week", 422)
    graph = get(client, "/api/graph")
    keys = {n["id"] for n in graph["nodes"]}
    assert {"person:ivan peric", "person:andrej plenkovic"} <= keys
    assert {
        "source": "person:andrej plenkovic",
        "target": "person:ivan peric",
        "kind": "quoted",
        "weight": 2,
    } in graph["edges"]
    overview = get(client, "/api/overview")
    assert overview["counts"]["articles"] == 5
    assert [m["month"] for m in overview["months"]] == ["2024-03", "2024-04", "2024-05"]
    assert overview["speakers"] and overview["places"][0]["lat"] is not None


def test_unknown_routes_and_methods_are_json(client):
    assert error(client, "/api/nothing", 404)
    response = client.delete("/api/articles")
    assert response.status_code == 405 and set(response.json()) == {"error"}


def _no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the extractor tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_extract_json_text_html_and_file_stores_nothing(client, monkeypatch):
    before = get(client, "/api/overview")["counts"]
    _no_network(monkeypatch)
    text = (
        "Split -- The mayor of Split, Ivan Peric, said on Monday that the harbour would "
        'reopen. "We are ready," he told reporters.'
    )
    record = client.post(
        "/api/extract",
        json={"text": text, "url": "https://example.org/a", "published": "2024-03-14"},
    ).json()
    assert record["body"].startswith("Split --") and record["published"] == "2024-03-14"
    assert record["url"] == "https://example.org/a" and record["quotes"]
    html = f"<html><head><title>Harbour</title></head><body><article><p>{text}</p></article></body></html>"
    assert client.post("/api/extract", json={"html": html}).json()["title"] == "Harbour"
    upload = client.post("/api/extract", files={"file": ("a.txt", text.encode())})
    assert upload.status_code == 200 and "Ivan Peric" in upload.json()["body"]
    assert get(client, "/api/overview")["counts"] == before


@pytest.mark.parametrize(
    ("kwargs", "status", "words"),
    [
        ({"json": {"text": "a", "html": "b"}}, 422, "exactly one"),
        ({"json": {}}, 422, "exactly one"),
        ({"json": {"text": "hi", "colour": "red"}}, 422, "colour"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "JSON"),
        ({"content": b"plain", "headers": {"content-type": "text/plain"}}, 415, "json"),
        ({"files": {"other": ("a.txt", b"x")}}, 422, "file"),
        ({"json": {"text": "   "}}, 422, "no article"),
    ],
)
def test_extract_refuses_what_it_cannot_read(client, kwargs, status, words):
    response = client.post("/api/extract", **kwargs)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


def test_extract_over_the_limit_is_413_json(client):
    big = "word " * (api.MAX_UPLOAD // 5 + 1)
    as_json = client.post("/api/extract", json={"text": big})
    assert as_json.status_code == 413 and "bytes" in as_json.json()["error"]
    as_file = client.post("/api/extract", files={"file": ("a.txt", big.encode())})
    assert as_file.status_code == 413 and "bytes" in as_file.json()["error"]

    def chunks():  # no Content-Length: the limit holds as the bytes stream in
        for _ in range(40):
            yield b"x" * 65536

    streamed = client.post(
        "/api/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413 and "bytes" in streamed.json()["error"]


def test_docs_are_served_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assets = [
        "/static/swagger-ui/swagger-ui-bundle.js",
        "/static/swagger-ui/swagger-ui.css",
        "/static/swagger-ui/favicon-32x32.png",
    ]
    for asset in assets:
        assert asset in page.text
        assert client.get(asset).status_code == 200
    assert "http://" not in page.text and "https://" not in page.text
    spec = get(client, "/openapi.json")
    limits = [
        p["schema"]["maximum"]
        for path in spec["paths"].values()
        for op in path.values()
        for p in op.get("parameters", [])
        if p["name"] == "limit"
    ]
    assert limits and set(limits) == {data.MAX_LIMIT}
