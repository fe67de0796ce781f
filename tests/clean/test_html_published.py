"""A UTC-normalised publication date gives way to the day and zone the page shows."""

import json

import pytest

from newsgraph.clean.html import clean_html
from newsgraph.clean.html_published import url_day

STORY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The harbour authority approved a new breakwater on Tuesday after two years of debate, "
        "according to officials who spoke at the council meeting in the old town hall.",
        "Engineers said the structure would protect about 300 fishing boats from winter storms "
        "that have damaged the quay three times since 2019, costing the town millions.",
        "Residents who opposed the plan argued that the money should be spent on the ferry "
        "service instead, but the council voted eleven to four in favour of the project.",
    )
)


def published(*, ld_date=None, head="", shown="", url=None):
    ld = {"@type": "NewsArticle", "headline": "Harbour", "datePublished": ld_date}
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld_date else ""
    html = (
        f'<html lang="en"><head><title>Harbour</title>{script}{head}</head>'
        f"<body><article><h1>Harbour</h1>{shown}{STORY}</article></body></html>"
    )
    out = clean_html(html, url=url)
    return out.published, out.provenance.get("published")


def test_a_shown_time_with_its_zone_gives_the_local_moment():
    shown = '<time datetime="2019-11-20T04:26:50Z">11:26 pm EST, Tuesday, November 19, 2019</time>'
    assert published(ld_date="2019-11-20T04:26:47Z", shown=shown) == (
        "2019-11-19T23:26:47-05:00",
        "text",
    )


def test_a_shown_time_without_a_zone_gives_the_offset_by_its_distance_from_utc():
    shown = (
        '<span class="dateline__updated">Updated Nov 19, 9:41 AM;</span>'
        '<span class="dateline__published">Posted Nov 18, 8:19 PM</span>'
    )
    assert published(ld_date="2019-11-19T01:19:34Z", shown=shown) == (
        "2019-11-18T20:19:34-05:00",
        "text",
    )


def test_a_local_offset_on_the_utc_clock_is_read_as_utc():
    head = '<meta property="article:published_time" content="2019-11-20T04:31:13+00:00">'
    shown = '<div class="author_date">Jane Doe - Nov 19, 2019, 10:31 pm CST</div>'
    # the offset written on the UTC clock is still the page's zone
    assert published(ld_date="2019-11-20T04:31:13-06:00", head=head, shown=shown) == (
        "2019-11-19T22:31:13-06:00",
        "json-ld",
    )


def test_a_shown_time_wins_over_a_shown_day_before_it():
    shown = (
        '<div class="page-date">November 20, 2019</div>'
        '<time class="timestamp">Nov. 19, 2019 8:03 am ET</time>'
    )
    assert published(ld_date="2019-11-19T13:03:00Z", shown=shown) == (
        "2019-11-19T08:03:00-05:00",
        "text",
    )


def test_without_metadata_the_urls_day_comes_before_dates_in_the_text():
    shown = "<p>He said so on Sunday, October 13th, 2019 in a local newspaper.</p>"
    url = "https://facts.example/statements/2019/nov/18/harbour/"
    assert published(shown=shown, url=url) == ("2019-11-18", "url")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/2019/11/18/story", "2019-11-18"),
        ("https://x.example/commentisfree/2019/nov/18/story", "2019-11-18"),
        ("https://x.example/2019/xyz/18/story", None),
        ("https://x.example/story-2019", None),
    ],
)
def test_url_day(url, expected):
    assert url_day(url) == expected


def test_a_naive_time_takes_the_urls_day():
    url = "https://x.example/sites/jd/2019/11/18/bedding/"
    assert published(ld_date="2019-11-19T03:05:46", url=url) == ("2019-11-18", "url")


def test_a_naive_time_with_a_utc_twin_is_utc():
    head = (
        '<meta property="article:published_time" content="2019-11-18T17:01:27.893">'
        '<meta itemprop="datePublished" content="2019-11-18T17:01:27.893Z">'
    )
    shown = '<div class="ArticlePage-datePublished">| November 18, 2019 12:01 PM EST</div>'
    assert published(head=head, shown=shown) == ("2019-11-18T12:01:27-05:00", "text")


def test_a_shown_time_on_the_utc_clock_confirms_it():
    shown = (
        '<ul class="more"><li><time datetime="2019-11-20T09:42:20">20 Nov 2019</time></li></ul>'
        '<time class="article-date-published">19 November 2019 • 1:16pm</time>'
    )
    assert published(ld_date="2019-11-19T13:16:00Z", shown=shown) == (
        "2019-11-19T13:16:00+00:00",
        "json-ld",
    )


def test_metadata_writing_the_utc_time_without_its_z_confirms_nothing():
    head = '<meta property="article:published_time" content="2019-11-20T01:50:59.000">'
    shown = '<div class="ArticlePage-datePublished">Nov. 19, 2019 5:50 PM</div>'
    assert published(ld_date="2019-11-20T01:50:59Z", head=head, shown=shown) == (
        "2019-11-19T17:50:59-08:00",
        "text",
    )
