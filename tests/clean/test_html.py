"""clean_html: trafilatura's body plus metadata, media, related links, body links, furniture."""

import json
from datetime import date

import pytest

from newsgraph.clean.html import clean_html, html_to_text
from newsgraph.dates.published import parse_published

PARAGRAPHS = [
    "The harbour authority approved a new breakwater on Tuesday after two years of "
    "debate, according to officials who spoke at the council meeting in the old town hall.",
    "Engineers said the structure would protect about 300 fishing boats from winter storms "
    "that have damaged the quay three times since 2019, costing the town millions.",
    "Residents who opposed the plan argued that the money should be spent on the ferry "
    "service instead, but the council voted eleven to four in favour of the project.",
    "Construction is expected to begin in the spring and to last eighteen months, the "
    "authority said in a statement published on its website after the vote.",
]


def page(
    *,
    lang="en",
    json_ld=None,
    head="",
    byline="",
    figure="",
    extra_body="",
    paragraphs=PARAGRAPHS,
):
    ld = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>' if json_ld else ""
    paras = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>Harbour gets its breakwater | The Coast Times</title>{ld}{head}</head><body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour gets its breakwater</h1>{byline}
<div class="share-bar"><a href="https://facebook.com/share">Share on Facebook</a>
<a href="https://twitter.com/share">Tweet this story</a></div>
{figure}{paras}{extra_body}</article>
<div class="related-articles"><h3>Related</h3><ul>
<li><a href="/2023/10/ferry-service-cut">Ferry service cut for the winter season</a></li>
<li><a href="/2023/09/storm-damage">Storm damages quay for the third time</a></li></ul></div>
<div class="post-navigation"><div class="nav-previous"><a href="/prev-story" rel="prev">
Previous article Council approves new budget for schools</a></div>
<div class="nav-next"><a href="/next-story" rel="next">Next article Fishermen welcome the
decision of the harbour authority</a></div></div>
<footer class="site-footer"><p>Copyright 2023 The Coast Times. All rights reserved.</p></footer>
</body></html>"""


def test_body_is_the_article_paragraphs():
    out = clean_html(page(), url="https://coast.example/2023/10/harbour")
    assert out.body.split("\n\n") == PARAGRAPHS
    assert "Share on Facebook" not in out.body and "Home" not in out.body
    assert "Copyright" not in out.body


def test_metadata_from_json_ld_with_provenance():
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbour gets its breakwater",
        "datePublished": "2023-10-10T08:30:00+01:00",
        "author": [
            {"@type": "Person", "name": "By Jane Doe", "description": "Jane covers the coast."},
            {"@type": "Person", "name": "John Roe"},
            {"@type": "Organization", "name": "The Coast Times"},
        ],
    }
    out = clean_html(page(json_ld=ld))
    assert out.title == "Harbour gets its breakwater"
    assert out.published == "2023-10-10T08:30:00+01:00"
    assert [a.name for a in out.authors] == ["Jane Doe", "John Roe"]
    assert out.authors[0].bio == "Jane covers the coast."
    assert out.provenance == {"title": "json-ld", "published": "json-ld", "authors": "json-ld"}
    assert out.language == "en"


def test_metadata_from_meta_tags():
    head = (
        '<meta property="og:title" content="Harbour gets its breakwater">'
        '<meta property="article:published_time" content="2023-10-10T08:30:00Z">'
        '<meta name="author" content="Jane Doe">'
    )
    out = clean_html(page(head=head))
    assert out.title == "Harbour gets its breakwater"
    assert out.published.startswith("2023-10-10T08:30:00")
    assert [a.name for a in out.authors] == ["Jane Doe"]
    assert out.provenance == {"title": "meta", "published": "meta", "authors": "meta"}


def test_authors_from_byline_element_are_cleaned():
    byline = '<div class="byline">By Levi Parsons For Daily Mail Australia</div>'
    out = clean_html(page(byline=byline))
    assert [(a.name, a.outlet) for a in out.authors] == [("Levi Parsons", "Daily Mail Australia")]
    assert out.provenance["authors"] == "byline"
    assert "Levi Parsons" not in out.body


def test_future_and_ancient_dates_are_not_publication_dates():
    for bad in ("2999-01-01T00:00:00Z", "1850-05-01"):
        head = f'<meta property="article:published_time" content="{bad}">'
        out = clean_html(page(head=head))
        assert out.published is None or not out.published.startswith(bad[:4])
    today = date.today()
    assert parse_published("2999-01-01", today=today) is None
    assert parse_published("1899-12-31", today=today) is None
    assert parse_published("2023-10-10", today=today) == "2023-10-10"
    assert parse_published("not a date", today=today) is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Tue, 03 Jun 2019 01:30:00 +0000", "2019-06-03T01:30:00+00:00"),
        ("20190603", "2019-06-03"),
        ("2019-06-03 01:30:00", "2019-06-03T01:30:00"),
    ],
)
def test_meta_dates_in_feed_and_compact_forms(content, expected):
    head = f'<meta name="pubdate" content="{content}">'
    assert clean_html(page(head=head)).published == expected


def test_a_page_date_after_the_given_today_is_refused():
    head = '<meta property="article:published_time" content="2023-10-10T08:30:00Z">'
    assert clean_html(page(head=head), today=date(2023, 10, 10)).published.startswith("2023-10-10")
    assert clean_html(page(head=head), today=date(2023, 10, 9)).published is None


def test_figure_caption_and_credit_become_media_not_body():
    figure = (
        '<figure><img src="/img/quay.jpg" alt="">'
        "<figcaption>The old quay after the storm of January 2023."
        '<span class="credit">Photo: Ann Smith/Coast Times</span></figcaption></figure>'
    )
    out = clean_html(page(figure=figure), url="https://coast.example/2023/10/harbour")
    assert len(out.media) == 1
    media = out.media[0]
    assert media.caption == "The old quay after the storm of January 2023."
    assert media.credit == "Ann Smith/Coast Times"
    assert media.url == "https://coast.example/img/quay.jpg"
    assert "old quay after the storm" not in out.body
    reasons = {r.reason for r in out.removed}
    assert {"caption", "credit"} <= reasons


def test_credit_line_inside_caption_text_is_split():
    figure = (
        '<figure><img src="a.jpg"><figcaption>Fishermen unload their catch at dawn. '
        "(AP Photo/Ann Smith)</figcaption></figure>"
    )
    media = clean_html(page(figure=figure)).media
    assert [(m.caption, m.credit) for m in media] == [
        ("Fishermen unload their catch at dawn.", "AP Photo/Ann Smith")
    ]


def test_related_and_previous_next_links():
    out = clean_html(page(), url="https://coast.example/2023/10/harbour")
    by_rel = {(r.rel, r.title) for r in out.related}
    assert ("previous", "Council approves new budget for schools") in by_rel
    assert ("next", "Fishermen welcome the decision of the harbour authority") in by_rel
    assert ("related", "Ferry service cut for the winter season") in by_rel
    urls = {r.url for r in out.related}
    assert "https://coast.example/2023/10/ferry-service-cut" in urls


def test_links_inside_the_body_are_body_offsets():
    paras = list(PARAGRAPHS)
    paras[1] = paras[1].replace(
        "winter storms", '<a href="https://weather.example/storms">winter storms</a>'
    )
    paras[2] = paras[2].replace("ferry", '<a href="/ferry">ferry</a>')
    out = clean_html(page(paragraphs=paras), url="https://coast.example/news/harbour")
    found = [(out.body[link.start : link.end], link.url) for link in out.links]
    assert found == [
        ("winter storms", "https://weather.example/storms"),
        ("ferry", "https://coast.example/ferry"),
    ]
    # menu and share links are not in the body, so they are not body links
    assert all("facebook" not in link.url for link in out.links)


def test_furniture_is_recorded_as_removed():
    out = clean_html(page())
    reasons = {r.reason for r in out.removed}
    assert {"navigation", "share", "related", "footer"} <= reasons
    share = next(r for r in out.removed if r.reason == "share")
    assert "Share on Facebook" in share.text


@pytest.mark.parametrize(
    ("lang", "paragraphs"),
    [
        (
            "zh-CN",
            [
                "港口管理局周二批准修建新的防波堤。",
                "工程师说，这座建筑将保护渔船免受冬季风暴的影响。",
            ],
        ),
        (
            "ar",
            [
                "وافقت سلطة الميناء يوم الثلاثاء على بناء حاجز أمواج جديد.",
                "قال المهندسون إن المنشأة ستحمي قوارب الصيد.",
            ],
        ),
        ("ja", ["港湾局は火曜日、新しい防波堤の建設を承認した。"]),
    ],
)
def test_short_cjk_and_arabic_pages_give_a_body(lang, paragraphs):
    out = clean_html(page(lang=lang, paragraphs=paragraphs))
    assert out.body
    assert paragraphs[0] in out.body
    assert out.language == lang[:2]


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>",
        "<<<>>> not really html &&& \x00",
        '<html><head><script type="application/ld+json">{broken json</script></head></html>',
    ],
)
def test_pages_without_an_article_give_an_empty_body_not_an_exception(html):
    out = clean_html(html)
    assert isinstance(out.body, str)
    assert "Home" not in out.body


def test_html_to_text_keeps_inline_text_together():
    html = "<html><body><p>Hello <a href='x'>big</a> world.</p><p>Second.</p><script>x=1</script></body></html>"
    assert html_to_text(html) == "Hello big world.\n\nSecond."


def test_article_cut_into_chunks_is_read_to_the_end():
    chunk = '<div class="article-chunks"><div class="body article__body">{}</div></div>'
    first = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    second = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    ad = '<div class="ad-slot"><p>Advertisement</p></div>'
    html = (
        '<html lang="en"><head><title>Harbour</title></head><body><main>'
        + chunk.format(first)
        + ad
        + chunk.format(second)
        + "</main></body></html>"
    )
    assert clean_html(html).body.split("\n\n") == PARAGRAPHS


def test_date_stamps_teasers_and_prompts_leave_the_body():
    stamp = "<p>Updated at 1:23 p.m. November 19, 2019</p>"
    extra = (
        "<p>Read more: Ferry service cut for the winter season</p>"
        "<p>Follow The Coast Times on Facebook, Twitter and Instagram.</p>"
        "<p>Subscribe to the Morning Tide newsletter</p>"
    )
    out = clean_html(page(byline=stamp, extra_body=extra))
    assert out.body.split("\n\n") == PARAGRAPHS
    reasons = {r.text: r.reason for r in out.removed}
    assert reasons.get("Updated at 1:23 p.m. November 19, 2019") == "date"
    assert reasons.get("Read more: Ferry service cut for the winter season") == "related"
    assert reasons.get("Follow The Coast Times on Facebook, Twitter and Instagram.") == "share"
    assert reasons.get("Subscribe to the Morning Tide newsletter") == "subscribe"


def test_author_box_becomes_the_bio_of_the_author_it_names():
    byline = '<div class="byline">By Jane Doe</div>'
    box = (
        '<div class="author-bio">Jane Doe covers the coast and its harbours for The Coast '
        "Times. She lives in Saint-Malo.</div>"
    )
    out = clean_html(page(byline=byline, extra_body=box))
    assert [a.name for a in out.authors] == ["Jane Doe"]
    assert out.authors[0].bio.startswith("Jane Doe covers the coast")
    assert any(r.reason == "byline" and r.text == "By Jane Doe" for r in out.removed)
    assert "She lives in Saint-Malo" not in out.body


def test_json_ld_text_is_unescaped():
    ld = {"@type": "NewsArticle", "headline": "&#8216;Harbour&#8217; gets its breakwater"}
    assert clean_html(page(json_ld=ld)).title == "‘Harbour’ gets its breakwater"


@pytest.mark.parametrize(
    ("figcaption", "expected"),
    [
        ("WikiLeaks founder Julian Assange (AFP)", ("WikiLeaks founder Julian Assange", "AFP")),
        (
            'Her first album.<span class="credit">Image copyright Getty Images</span>',
            ("Her first album.", "Getty Images"),
        ),
        (
            '<span class="photo-credit">Two writers in 2002. Photo by Ann Smith</span>',
            ("Two writers in 2002.", "Ann Smith"),
        ),
    ],
)
def test_credit_forms(figcaption, expected):
    figure = f'<figure><img src="a.jpg"><figcaption>{figcaption}</figcaption></figure>'
    media = clean_html(page(figure=figure)).media
    assert [(m.caption, m.credit) for m in media] == [expected]


def test_relative_links_resolve_against_the_canonical_url_when_none_is_given():
    head = '<link rel="canonical" href="https://coast.example/2023/10/harbour">'
    paras = list(PARAGRAPHS)
    paras[2] = paras[2].replace("ferry", '<a href="/ferry">ferry</a>')
    out = clean_html(page(head=head, paragraphs=paras))
    assert [link.url for link in out.links] == ["https://coast.example/ferry"]


@pytest.mark.parametrize(
    "byline",
    [
        '<a rel="author noopener" href="/people/jane-doe">Jane Doe</a>',
        '<span itemprop="author creator" itemscope><span itemprop="name">Jane Doe</span></span>',
        '<div class="article-author"><a href="/people/jane-doe">Jane Doe</a></div>',
    ],
)
def test_author_links_and_classes_with_more_than_one_token(byline):
    out = clean_html(page(byline=byline))
    assert [a.name for a in out.authors] == ["Jane Doe"]
    assert out.provenance["authors"] == "byline"


def test_json_ld_author_given_by_id_in_the_graph():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "headline": "Harbour", "author": [{"@id": "#jane"}]},
            {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
        ],
    }
    out = clean_html(page(json_ld=ld))
    assert [a.name for a in out.authors] == ["Jane Doe"]
    assert out.provenance["authors"] == "json-ld"


@pytest.mark.parametrize("text", ["More From Jane Doe", "See All", "Follow Jane Doe"])
def test_page_controls_are_no_author(text):
    out = clean_html(page(byline=f'<div class="byline">{text}</div>'))
    assert out.authors == []


UTC_LD = {"@type": "NewsArticle", "headline": "Harbour", "datePublished": "2019-06-03T01:30:00Z"}


@pytest.mark.parametrize(
    ("head", "byline", "url", "expected"),
    [
        (  # another meta: the same moment with its offset
            '<meta property="article:published_time" content="2019-06-02T21:30:00-04:00">',
            "",
            None,
            ("2019-06-02T21:30:00-04:00", "meta"),
        ),
        (  # the page's visible date
            "",
            '<time datetime="2019-06-02">June 2, 2019</time>',
            None,
            ("2019-06-02", "text"),
        ),
        (  # the URL's date
            "",
            "",
            "https://coast.example/2019/06/02/harbour",
            ("2019-06-02", "url"),
        ),
        (  # a URL on the UTC day confirms it
            "",
            "",
            "https://coast.example/2019/06/03/harbour",
            ("2019-06-03T01:30:00+00:00", "json-ld"),
        ),
    ],
)
def test_utc_date_gives_way_to_the_local_one(head, byline, url, expected):
    out = clean_html(page(json_ld=UTC_LD, head=head, byline=byline), url=url)
    assert (out.published, out.provenance["published"]) == expected


def test_a_page_laid_out_in_a_table_gives_its_paragraphs_not_a_table_row():
    paragraphs = [
        "The council of Leeds approved the new budget on Tuesday after a long debate "
        "about libraries, parks and the cost of running the city's buses.",
        "Councillor Jane Smith said the plan would protect services while keeping taxes "
        "flat for a second year in a row, a promise made last spring.",
        "Opposition members argued that the savings were not real and that the bus subsidy "
        "would run out before the end of the next financial year.",
    ]
    html = (
        "<html><head><title>Leeds budget approved</title></head><body><table>"
        "<tr><td><a href='/'>Home</a> | <a href='/n'>News</a> | <a href='/s'>Sport</a></td></tr>"
        "<tr><td><b>Leeds budget approved</b><br><br>" + "<br><br>".join(paragraphs) + "</td></tr>"
        "<tr><td>Copyright 2024</td></tr></table></body></html>"
    )
    body = clean_html(html).body
    assert body.split("\n\n")[-3:] == paragraphs
    assert "Home" not in body and "|" not in body
    # a data table keeps its rows
    data = (
        "<html><head><title>Results</title></head><body><article><h1>Results</h1>"
        f"<p>{paragraphs[0]}</p><p>{paragraphs[1]}</p>"
        "<table><tr><th>Ward</th><th>Votes</th></tr><tr><td>Armley</td><td>4,210</td></tr>"
        "<tr><td>Headingley</td><td>3,874</td></tr></table></article></body></html>"
    )
    assert "Armley" in clean_html(data).body
