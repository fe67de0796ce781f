"""Authors of an HTML page: declared (JSON-LD, meta) against the byline the page shows."""

import json

import pytest

from newsgraph.clean.byline import lone_name
from newsgraph.clean.html import clean_html

STORY = (
    "<p>The harbour authority approved a new breakwater on Tuesday after two years of debate, "
    "according to officials who spoke at the council meeting in the old town hall.</p>"
    "<p>Engineers said the structure would protect about 300 fishing boats from winter storms "
    "that have damaged the quay three times since 2019, costing the town millions.</p>"
    "<p>Residents who opposed the plan argued that the money should be spent on the ferry "
    "service instead, but the council voted eleven to four in favour of the project.</p>"
)


def page(*, ld=None, head="", byline="", after=""):
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return (
        f'<html lang="en"><head><title>Harbour gets its breakwater</title>{script}{head}</head>'
        f"<body><article><h1>Harbour gets its breakwater</h1>{byline}{STORY}</article>"
        f"{after}</body></html>"
    )


def names(html):
    out = clean_html(html)
    return [a.name for a in out.authors], out.provenance.get("authors")


def test_bylines_of_other_stories_are_no_authors():
    related = (
        '<div class="related-links"><a href="/ferry">Ferry cut</a>'
        '<div class="related-links-author">Ryan Doe</div></div>'
        '<aside><span class="byline">By Ann Roe</span></aside>'
    )
    byline = '<span class="article-author-name">Associated Press</span>'
    assert names(page(byline=byline, after=related)) == ([], None)


@pytest.mark.parametrize(("name", "expected"), [("Regan", ["Regan"]), ("admin", [])])
def test_a_lone_given_name_of_a_json_ld_person(name, expected):
    ld = {"@type": "NewsArticle", "author": {"@type": ["Person"], "name": name}}
    assert names(page(ld=ld))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Regan", "Regan"), ("admin", None), ("LinkNaija", None), ("Staff", None), ("Jo", None)],
)
def test_lone_name(text, expected):
    assert lone_name(text) == expected


def test_a_byline_naming_more_people_than_json_ld_gives_them_all():
    ld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}}
    byline = '<p class="content__meta-byline">By Jane Doe, John Roe, Ann Lee</p>'
    assert names(page(ld=ld, byline=byline)) == (["Jane Doe", "John Roe", "Ann Lee"], "byline")


def test_bylines_of_story_cards_do_not_add_to_the_declared_author():
    ld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}}
    cards = "".join(
        f'<div><span class="Card-byline">{n}</span></div>' for n in ("Jane Doe", "Bo Li")
    )
    assert names(page(ld=ld, after=cards)) == (["Jane Doe"], "json-ld")


def test_the_shown_byline_wins_over_the_poster_the_metadata_names():
    head = '<meta name="author" content="Kevin Rebo">'
    byline = (
        '<meta itemprop="author" content="Kevin Rebo">'
        '<span class="single-header-byline">By Dana Jeans</span>'
    )
    assert names(page(head=head, byline=byline)) == (["Dana Jeans"], "byline")


def test_a_by_line_under_the_headline_without_a_class():
    byline = (
        '<p class="article__meta">By <a href="/staff/jd">Jane Doe</a> , '
        '<a href="/staff/jr">John Roe</a> <span>on Monday, November 18th, 2019</span></p>'
    )
    assert names(page(byline=byline)) == (["Jane Doe", "John Roe"], "byline")
