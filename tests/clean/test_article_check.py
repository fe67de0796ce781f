"""Pages that are not articles are refused with the reason, not returned as a body."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.errors import NoArticleError

from ..conftest import SHARED

FAST = newsgraph.Options(annotators=())

NAV_ONLY = (
    "<html><head><title>Sections</title></head><body>"
    + "".join(f"<div><a href='/s{i}'>Section {i}</a></div>" for i in range(30))
    + "</body></html>"
)

CAPTION = (
    "Protesters gather outside the Legislative Council in Hong Kong on Sunday, as police "
    "watch from behind barriers."
)


def test_a_navigation_page_is_not_an_article():
    with pytest.raises(NoArticleError, match="short link-like lines"):
        newsgraph.extract(NAV_ONLY, options=FAST)


def test_a_short_text_from_a_page_full_of_other_text_is_not_an_article():
    from newsgraph.clean.article_check import not_an_article

    assert "--min-body 111 or less" in not_an_article(CAPTION, page_chars=2000, min_body=200)
    assert not_an_article(CAPTION, page_chars=2000, min_body=0) is None
    # a brief on a page with little else is kept
    assert not_an_article(CAPTION, page_chars=300, min_body=200) is None


def test_min_body_zero_keeps_short_items():
    brief = "\n\n".join(["Leeds council approved its budget on Tuesday."] * 2)
    art = newsgraph.extract(brief, clean=False, options=FAST)
    assert art.body == brief  # cleaning off: the user's text is the body, whatever its size
    caption_only = f"<html><body><p>{CAPTION}</p>" + "<p>Sign in</p>" * 3 + "</body></html>"
    kept = newsgraph.extract(caption_only, options=newsgraph.Options(annotators=(), min_body=0))
    assert kept.body.startswith(CAPTION)


def test_the_shared_pages_are_all_articles():
    """No page of the shared body sets is refused (all are articles)."""
    import json

    if not (SHARED / "data" / "body-text").exists():
        pytest.skip("../shared/data/body-text is not present")

    pages = json.loads((SHARED / "data" / "body-text" / "pages.json").read_text())
    for page in list(pages.values())[:60]:
        newsgraph.extract(page["text"], options=FAST)
    for path in sorted((SHARED / "data" / "body-html" / "html").iterdir())[:60]:
        newsgraph.extract(path.read_bytes(), options=FAST)


def test_a_price_table_is_not_a_menu():
    from newsgraph.clean.article_check import not_an_article

    table = "\n".join(
        f"{m} {p}      bid"
        for m, p in zip(["May", "Jul", "Sep", "Dec"] * 2, range(1248, 1400, 19), strict=False)
    )
    assert not_an_article(table, page_chars=len(table), min_body=200) is None
    menu = "\n".join(f"Section {i}" for i in range(8))
    assert "link-like" in not_an_article(menu, page_chars=len(menu), min_body=200)
