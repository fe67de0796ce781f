"""Pages of our own making in the shapes real pages failed in (issue 13): a promo box beside
the article, words after inline company links, an article in two containers, a short
blog post above a long footer. Each body must be the article, whole."""

from newsgraph.clean.html import clean_html

from .test_html import PARAGRAPHS


def _page(body: str, title: str = "Harbour gets its breakwater") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{body}"
        "<footer><p>Copyright 2024 The Coast Times.</p></footer></body></html>"
    )


def _paras(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def test_a_promo_box_is_not_taken_for_the_article():
    promo = (
        '<aside class="mortgage-widget"><h3>Compare today\'s mortgage rates</h3>'
        "<p>Rates as low as 6.1% APR on a 30-year fixed loan. Check your rate in two "
        "minutes without affecting your credit score, and see offers from top lenders.</p>"
        "<table><tr><td>30-year fixed</td><td>6.1%</td></tr><tr><td>15-year fixed</td>"
        "<td>5.4%</td></tr></table><a href='/rates'>See rates</a></aside>"
    )
    html = _page(f"{promo}<article><h1>Harbour</h1>{_paras(PARAGRAPHS)}</article>")
    body = clean_html(html).body
    assert body.split("\n\n") == PARAGRAPHS
    assert "mortgage" not in body


def test_words_after_inline_company_links_stay():
    sentence = (
        '<p>Shares of <a href="/q/nok">Nokia Corp.</a> rose after <a href="/q/aapl">Apple '
        'Inc.</a>\'s rival <a href="/q/sam">Samsung</a> cut prices, while <a href="/q/t">'
        "AT&amp;T</a> said its network would carry both phones from next month.</p>"
    )
    html = _page(f"<article><h1>Phones</h1>{sentence}{_paras(PARAGRAPHS)}</article>")
    body = clean_html(html).body
    assert body.split("\n\n")[0] == (
        "Shares of Nokia Corp. rose after Apple Inc.'s rival Samsung cut prices, while AT&T "
        "said its network would carry both phones from next month."
    )


def test_an_article_in_two_containers_is_read_whole():
    first, second = _paras(PARAGRAPHS[:2]), _paras(PARAGRAPHS[2:])
    html = _page(
        f'<div class="article-text"><h1>Harbour</h1>{first}</div>'
        '<div class="gallery-embed"><img src="/a.jpg" alt="The quay"></div>'
        f'<div class="article-text article-text--continued">{second}</div>'
    )
    assert clean_html(html).body.split("\n\n") == PARAGRAPHS


def test_a_short_blog_post_is_not_its_footer():
    post = [
        "I finally rode the new ferry to the islands this weekend, and the crossing took "
        "forty minutes instead of the hour the old boat needed on a calm day.",
        "The crew said the timetable will add two evening sailings in June, which should "
        "make day trips far easier for anyone without a car.",
    ]
    footer = (
        '<div class="site-credits"><p>All photographs on this blog are my own unless '
        "stated otherwise and may not be reproduced without written permission. This site "
        "uses cookies to count visitors; by continuing to read you accept their use. "
        "Theme by an independent designer, hosted on a shared server.</p>"
        "<p>Subscribe to get new posts by email. Your address is never shared with anyone "
        "and you can unsubscribe at any time from the link in each message.</p></div>"
    )
    html = _page(
        f'<div class="post"><h1 class="entry-title">Ferry day</h1>'
        f'<div class="entry-content">{_paras(post)}</div></div>{footer}',
        title="Ferry day",
    )
    body = clean_html(html).body
    assert body.split("\n\n") == post
