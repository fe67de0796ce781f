"""The HTML pages: each renders from the store, search keeps its state in the URL,
every text is escaped, links are only http(s), scripts are files under a strict CSP."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsgraph.store
from newsgraph.record import Article, Author, Media, Provenance, Related, Removed
from newsgraph.web import pages
from newsgraph.web.marks import actor_path, body_html
from newsgraph.web.tryit import LIMIT

from .conftest import XSS_IMG, XSS_LINK, XSS_SCRIPT


class _Page(HTMLParser):
    """The elements of a page, for checks on tags and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))
            self._script = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, ""))
            self._script = None

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.elements if t == tag]

    def data(self, element_id: str):
        return json.loads(
            next(text for attrs, text in self.scripts if attrs.get("id") == element_id)
        )


def page(client, url: str, status: int = 200) -> tuple[str, _Page]:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    parsed = _Page()
    parsed.feed(response.text)
    return response.text, parsed


@pytest.fixture(scope="module")
def ids(web_db) -> dict[str, str]:
    """Article ids by a word of their title, and actor keys by name."""
    with newsgraph.store.open(web_db) as store:
        out = {a.title.split()[0].lower(): a.id for a in store.articles() if a.title}
        for row in store.top("speakers", limit=50):
            out[row["name"]] = row["key"]
    return out


PAGES = ["/", "/search", "/search?q=quotas", "/search?q=sea&kind=quotes", "/try"]


@pytest.mark.parametrize("url", PAGES)
def test_each_page_renders_with_a_strict_csp_and_no_inline_script(client, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    parsed = _Page()
    parsed.feed(response.text)
    for attrs, _ in parsed.scripts:
        assert attrs.get("src") or attrs.get("type") == "application/json"
    for _, attrs in parsed.elements:
        assert not any(name.startswith("on") for name in attrs)
        assert "style" not in attrs  # the CSP allows no inline style either
    assert parsed.all("a")[0] == {"class": "skip", "href": "#main"}
    assert parsed.all("main")[0]["id"] == "main"


def test_overview_draws_months_speakers_places_network_and_dyads(client, ids):
    html, parsed = page(client, "/")
    assert "Articles over time" in html and "2024-03" in html
    assert f'href="{actor_path(ids["Ivan Peric"])}"' in html
    places = parsed.data("places-data")
    assert {"Split", "Oslo"} <= {p["name"] for p in places}
    assert all(p["lat"] is not None for p in places)
    network = parsed.data("network-data")
    node_ids = {n["id"] for n in network["nodes"]}
    assert ids["Ivan Peric"] in node_ids
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in network["edges"])
    assert "Event dyads by month" in html
    scripts = [attrs["src"] for attrs, _ in parsed.scripts if attrs.get("src")]
    assert "/static/vendor/leaflet/leaflet.js" in scripts and "/static/vendor/d3/d3.js" in scripts


def test_front_end_assets_and_outlines_are_served_by_the_app(client):
    for url in ("/static/style.css", "/static/tip.js", "/static/map.js", "/static/network.js"):
        assert client.get(url).status_code == 200
    assert "d3" in client.get("/static/vendor/d3/d3.js").text[:2000]
    assert client.get("/static/vendor/leaflet/leaflet.css").status_code == 200
    world = client.get("/geo/countries.json").json()
    assert world["type"] == "FeatureCollection"
    codes = {f["id"] for f in world["features"]}
    assert len(codes) > 150 and {"NOR", "HRV", "RUS"} <= codes
    assert client.get("/static/../pages.py").status_code == 404


def test_no_page_refers_to_another_host(client, ids):
    for url in [*PAGES, f"/articles/{ids['storm']}", actor_path(ids["Ivan Peric"])]:
        _, parsed = page(client, url)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for attrs in parsed.all(tag):
                value = attrs.get(attr)
                if value is None:  # a JSON data block
                    continue
                assert value.startswith("/") or value.startswith("data:"), (url, value)


def test_search_marks_hits_and_counts(client):
    html, parsed = page(client, "/search?q=quotas")
    assert "1 article match" in html
    assert "<mark>quotas</mark>" in html
    assert [a["href"] for a in parsed.all("a")].count("/search?q=quotas&kind=quotes") == 1
    assert "2 quotes</a>" in html
    html, _ = page(client, "/search?q=sea&kind=quotes")
    assert "<mark>sea</mark>" in html and "Ivan Peric" in html


def test_search_state_lives_in_the_url(client):
    _, parsed = page(client, "/search?q=quotas&kind=quotes&source=coastal.example&since=2024-01-01")
    inputs = {a.get("name"): a for a in parsed.all("input")}
    assert inputs["q"]["value"] == "quotas"
    assert inputs["since"]["value"] == "2024-01-01"
    checked = [
        a["value"] for a in parsed.all("input") if a.get("name") == "kind" and "checked" in a
    ]
    assert checked == ["quotes"]
    selected = [a for a in parsed.all("option") if "selected" in a]
    assert selected == [{"selected": None}]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("source=coastal.example", "2 articles"),
        ("speaker=Peric", "2 articles"),
        ("place=Split", "2 articles"),
        ("entity=Russia", "2 articles"),
        ("event_type=ACCUSE", "2 articles"),
        ("since=2024-04-01&until=2024-04-30", "1 article"),
        ("q=sea+OR+quotas&kind=quotes&source=coastal.example", "3 quotes"),
    ],
)
def test_search_filters(client, query, expected):
    html, _ = page(client, f"/search?{query}")
    assert f"{expected}" in html


@pytest.mark.parametrize(
    "query",
    [
        "q=quotas+AND+(",
        'q="',
        "q=NEAR(",
        "event_type=NOPE",
        "since=notadate",
        "until=2024-13-45",
        "q=a&page=99999999999999999999",
        "page=0",
        "page=-1",
        "page=two",
    ],
)
def test_a_bad_search_says_why(client, query):
    html, parsed = page(client, f"/search?{query}", status=400)
    assert [a.get("role") for a in parsed.all("p") if a.get("class") == "error"] == ["alert"]


FILTER_FIELDS = [
    "q",
    "kind",
    "page",
    "since",
    "until",
    "source",
    "speaker",
    "entity",
    "place",
    "event_type",
]


@given(params=st.dictionaries(st.sampled_from(FILTER_FIELDS), st.text(max_size=30)))
@example(params={"page": "¹"})  # a digit to str.isdigit, not to int()
@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_search_address_is_a_page_or_says_why(client, params):
    response = client.get("/search", params=params)
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert 'class="error" role="alert"' in response.text


def test_search_pages_keep_the_query(client, monkeypatch):
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    html, parsed = page(client, "/search?source=&since=2024-01-01")
    assert "page 1 of 3" in html
    (nxt,) = [a["href"] for a in parsed.all("a") if a.get("rel") == "next"]
    assert nxt == "/search?since=2024-01-01&kind=articles&page=2"
    html, parsed = page(client, nxt)
    assert "page 2 of 3" in html
    assert [a.get("start") for a in parsed.all("ol") if a.get("class") == "results"] == ["3"]
    assert {a.get("rel") for a in parsed.all("a")} >= {"prev", "next"}


def test_article_page_marks_its_findings(client, ids):
    html, parsed = page(client, f"/articles/{ids['storm']}")
    classes = {a.get("class") for a in parsed.all("mark") + parsed.all("a")}
    for kind in ("quote", "speaker", "place", "date"):
        assert f"mk mk-{kind}" in classes
    quotes = [a for a in parsed.all("mark") if a.get("class") == "mk mk-quote" and "data-tip" in a]
    assert quotes and all(q["tabindex"] == "0" for q in quotes if "data-cont" not in q)
    assert "speaker: Ivan Peric" in quotes[0]["data-tip"]
    described = {q["aria-describedby"] for q in quotes if q.get("aria-describedby")}
    assert described <= {a["id"] for a in parsed.all("li") if a.get("id")}
    assert f'href="/api/articles/{ids["storm"]}"' in html
    assert "Legend" in html


def test_article_page_lists_copies_and_wire_copies(client, web_db):
    with newsgraph.store.open(web_db) as store:
        norway = [a.id for a in store.articles() if a.title and a.title.startswith("Norway")]
    assert len(norway) == 2
    html, _ = page(client, f"/articles/{norway[0]}")
    assert f'href="/articles/{norway[1]}"' in html
    assert "No other copy" not in html


def test_article_page_shows_metadata(client, ids):
    html, _ = page(client, f"/articles/{ids['norway']}")
    for heading in ("Metadata", "Provenance", "What cleaning removed"):
        assert heading in html


def test_record_shows_its_metadata_and_links_only_to_the_web():
    article = Article(
        body="Split -- The storm passed.",
        url="https://coastal.example/a",
        authors=[Author(name="Ana Horvat", bio="Ana Horvat covers the coast.")],
        media=[Media(credit="Marta Kovač / Coastal Herald", caption="Boats in the harbour.")],
        related=[
            Related(rel="previous", title="Ferries resume", url="https://coastal.example/f"),
            Related(rel="next", title=f"Click {XSS_IMG}", url=XSS_LINK),
            Related(rel="related", title="No address"),
        ],
        removed=[Removed(text="Advertisement", reason="ad"), Removed(text="Share", reason="share")],
        provenance=Provenance(published="meta", title="json-ld", authors="byline"),
    )
    html = pages.templates.get_template("_record.html").render(
        article=article, body=body_html(article)
    )
    parsed = _Page()
    parsed.feed(html)
    for text in ("Ana Horvat covers the coast.", "Marta Kovač / Coastal Herald", "Boats in"):
        assert text in html
    assert "published: meta; title: json-ld; authors: byline" in html
    removed = re.findall(r"<tr><td>(\w+)</td><td>(\w+)</td></tr>", html)
    assert removed == [("ad", "Advertisement"), ("share", "Share")]
    hrefs = [a["href"] for a in parsed.all("a")]
    assert hrefs == ["https://coastal.example/a", "https://coastal.example/f"]
    assert "javascript:alert(document.cookie)" in html  # shown as text
    assert parsed.all("img") == [] and XSS_IMG not in html


def test_try_it_on_the_bundled_sample_shows_what_cleaning_found(client):
    sample = Path(__file__).resolve().parents[2] / "samples" / "harbour-article.txt"
    response = client.post("/try", files={"file": (sample.name, sample.read_bytes(), "text/plain")})
    assert response.status_code == 200
    for text in ("Ana Horvat", "Marta Kovač / Coastal Herald", "navigation", "Ivan Perić"):
        assert text in response.text
    assert "What cleaning removed (0)" not in response.text


def test_script_and_markup_in_an_article_are_shown_as_text(client, ids):
    html, parsed = page(client, f"/articles/{ids['council']}")
    assert XSS_SCRIPT not in html and XSS_IMG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert parsed.all("img") == []
    assert [attrs for attrs, _ in parsed.scripts if not attrs.get("src")] == []
    hrefs = [a.get("href") or "" for a in parsed.all("a")]
    assert not any(h.lower().startswith("javascript:") for h in hrefs)
    assert XSS_LINK in html.replace("&#39;", "'").replace("&#34;", '"')  # shown, as text


def test_data_for_the_scripts_cannot_close_its_block():
    evil = f"</script>{XSS_SCRIPT}{XSS_IMG}"
    node = {"id": "person:x", "name": evil, "type": "PERSON", "quotes": 1}
    place = {"name": evil, "country": None, "lat": 1.0, "lon": 2.0, "stories": 1}
    request = SimpleNamespace(url=SimpleNamespace(path="/"))
    html = pages.templates.get_template("overview.html").render(
        request=request,
        counts={k: 0 for k in ("articles", "quotes", "entities", "events", "clusters")},
        months=[],
        most=0,
        speakers=[],
        places=[place],
        network={"nodes": [node], "edges": []},
        names={"person:x": evil},
        dyads=[],
    )
    parsed = _Page()
    parsed.feed(html)
    assert parsed.data("network-data")["nodes"][0]["name"] == evil
    assert parsed.data("places-data")[0]["name"] == evil
    inline = [attrs for attrs, _ in parsed.scripts if not attrs.get("src")]
    assert inline == [
        {"type": "application/json", "id": "places-data"},
        {"type": "application/json", "id": "network-data"},
    ]
    assert parsed.all("img") == []


def test_search_results_escape_what_they_show(client):
    html, parsed = page(client, "/search?q=phishing")
    assert "1 article match" in html
    assert XSS_SCRIPT not in html and parsed.all("img") == []
    html, parsed = page(client, "/search?q=click&kind=quotes")
    assert "javascript" in html and parsed.all("img") == []
    assert not any((a.get("href") or "").startswith("javascript:") for a in parsed.all("a"))


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//example.org/x", None),
        ("/relative", None),
        ("https://[bad", None),
        (None, None),
    ],
)
def test_only_http_links_become_hrefs(url, shown):
    assert pages.web_link(url) == shown


def test_snippet_hits_are_marked_after_escaping():
    from newsgraph.store.browse import MARK_END, MARK_START

    marked = pages.hits(f"a <b> {MARK_START}hit{MARK_END} & c")
    assert marked == "a &lt;b&gt; <mark>hit</mark> &amp; c"


def test_actor_page_tells_quotes_sources_companions_events_and_places(client, ids):
    html, parsed = page(client, actor_path(ids["Ivan Peric"]))
    assert "<h1>Ivan Peric</h1>" in html
    for heading in ("Quotes over time", "Who quotes them", "Quoted with", "Events", "Places"):
        assert heading in html
    assert "coastal.example" in html
    assert "These quotas will ruin families" in html
    article_links = [a["href"] for a in parsed.all("a") if a["href"].startswith("/articles/")]
    assert f"/articles/{ids['storm']}" in article_links


def test_actor_page_of_an_acting_country(client, web_db):
    with newsgraph.store.open(web_db) as store:
        events = store.events(type="ACCUSE")
    keyed = [e for e in events if e["actor_key"]]
    if not keyed:
        pytest.skip("no ACCUSE event with a resolved actor in the fixture")
    html, _ = page(client, actor_path(keyed[0]["actor_key"]))
    assert "ACCUSE" in html


def test_country_page_tells_what_the_country_does_and_has_done_to_it(client):
    html, parsed = page(client, "/actors/NOR")
    assert "<h1>Norway</h1>" in html
    assert "ACCUSE" in html and "Where NOR acts" in html
    hrefs = {a.get("href") for a in parsed.all("a")}
    assert {"/actors/RUS", actor_path("gpe:norway")} <= hrefs
    page(client, "/actors/XYZ", status=404)


def test_unknown_pages_are_404_pages(client):
    page(client, "/articles/nope", status=404)
    html, _ = page(client, actor_path("person:nobody"), status=404)
    assert "nobody" in html


def test_try_it_form(client):
    html, parsed = page(client, "/try")
    assert parsed.all("form")[-1]["enctype"] == "multipart/form-data"
    assert "2 MB" in html and "Nothing is stored" in html
    # while it works it says so (static/try.js shows the status on submit)
    assert 'id="busy"' in html and 'role="status"' in html and "/static/try.js" in html


def test_try_it_marks_up_a_pasted_text_and_stores_nothing(client, web_db):
    with newsgraph.store.open(web_db) as store:
        before = store.count()
    text = (
        "Zagreb -- Croatia's prime minister Andrej Plenkovic said on Monday that the "
        'government would help the fishermen. "Nobody will be left alone," Plenkovic '
        "told reporters in Zagreb."
    )
    response = client.post("/try", data={"text": text, "format": "text", "no_clean": "1"})
    assert response.status_code == 200
    parsed = _Page()
    parsed.feed(response.text)
    assert any(a.get("class") == "mk mk-quote" for a in parsed.all("mark"))
    (download,) = [a for a in parsed.all("a") if "download" in a]
    assert download["href"].startswith("data:application/json")
    assert "Plenkovic" in response.text
    assert not any(a["href"].startswith("/actors/") for a in parsed.all("a") if a.get("href"))
    with newsgraph.store.open(web_db) as store:
        assert store.count() == before


def test_try_it_takes_a_file_and_escapes_it(client):
    html_page = (
        f"<html><head><title>Phishing {XSS_SCRIPT}</title></head><body><article>"
        f"<h1>Phishing warning</h1><p>The council of Bergen warned on Friday about {XSS_IMG} "
        "messages with hidden code in them, and said that residents should delete them.</p>"
        '<p>"Never click such a link," said Marit Olsen, the head of security, in Bergen.</p>'
        f'<p><a href="{XSS_LINK}">Read more</a></p></article></body></html>'
    )
    response = client.post("/try", files={"file": ("page.html", html_page.encode(), "text/html")})
    assert response.status_code == 200
    assert XSS_SCRIPT not in response.text and XSS_IMG not in response.text
    parsed = _Page()
    parsed.feed(response.text)
    assert parsed.all("img") == []
    assert not any((a.get("href") or "").startswith("javascript:") for a in parsed.all("a"))


def test_try_it_refuses_more_than_two_megabytes(client):
    response = client.post("/try", data={"text": "a" * (LIMIT + 1)})
    assert response.status_code == 413
    assert "larger than 2 MB" in response.text
    big = b"b" * (LIMIT + 1)
    response = client.post("/try", files={"file": ("big.txt", big, "text/plain")})
    assert response.status_code == 413
    assert "larger than 2 MB" in response.text


def test_try_it_stops_reading_a_streamed_body_past_the_limit(client):
    def chunks():
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
        for _ in range(40):  # 2.5 MB, with no Content-Length
            yield b"c" * 65536
        yield b"\r\n--b--\r\n"

    response = client.post(
        "/try", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"}
    )
    assert response.status_code == 413 and "larger than 2 MB" in response.text
    assert "content-length" not in {k.lower() for k in response.request.headers}


def test_try_it_says_what_is_missing_or_wrong(client):
    response = client.post("/try", data={"text": ""})
    assert response.status_code == 400 and "Paste a text" in response.text
    response = client.post("/try", data={"text": "Home | News | Sport"})
    assert response.status_code == 422 and "No article could be extracted" in response.text


def test_try_it_never_fetches_a_url(client, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("Try it opened a connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    response = client.post(
        "/try", data={"text": "https://example.org/news/a-story", "no_clean": "1"}
    )
    assert response.status_code in (200, 422)
