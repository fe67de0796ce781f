"""The site's name after a page title, one rule for HTML and text pages."""

from __future__ import annotations

import pytest

from newsgraph.clean.html import clean_html
from newsgraph.clean.text import clean_text
from newsgraph.clean.titles import without_site_suffix

PROSE = [
    "The city council voted on Tuesday to expand the harbour, a project that has divided "
    "residents for nearly a decade and will cost more than the town's annual budget.",
    "Supporters say the new berths will bring cruise ships and jobs, while opponents warn "
    "that dredging the bay could harm the fishing grounds that families have worked for years.",
    "The mayor said the decision was not taken lightly and promised that an independent "
    "study of the water quality would be published before any construction begins next spring.",
    "Fishermen who attended the meeting said they would appeal, and a petition against the "
    "plan had gathered several thousand signatures by the end of the evening session.",
]
SEPARATORS = ["|", "-", "–", "—", ":", "·", "»"]


@pytest.mark.parametrize("sep", SEPARATORS)
def test_every_separator_ends_the_title(sep):
    assert without_site_suffix(f"Harbour vote splits town {sep} The Courier") == (
        "Harbour vote splits town"
    )


def test_what_is_not_a_site_suffix_stays():
    assert without_site_suffix("Harbour vote splits town") == "Harbour vote splits town"
    assert without_site_suffix("Harbour-vote splits town") == "Harbour-vote splits town"
    long_tail = "Harbour vote | " + "x" * 61
    assert without_site_suffix(long_tail) == long_tail
    # a one-letter site name, as text pages have always had stripped
    assert without_site_suffix("Harbour vote splits town - Q") == "Harbour vote splits town"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Cat found after going missing - San Antonio Express-News",
            "Cat found after going missing",
        ),
        (
            "Three cases of plague diagnosed in China | Smart News | Smithsonian",
            "Three cases of plague diagnosed in China",
        ),
        # a second part after too short a headline is the headline's own
        ("Milan Design Week | Light show | Inexhibit", "Milan Design Week | Light show"),
    ],
)
def test_a_site_name_with_a_hyphen_or_behind_a_section(title, expected):
    assert without_site_suffix(title) == expected


def test_a_text_headline_kept_as_body_is_the_title_and_leaves_the_body():
    c = clean_text(
        "\n\n".join(
            [
                "Harbour vote splits the town, November 19 - Coastal Courier Deutschland",
                "Menu",
                "Harbour vote splits the town",
                "Lena Berg, Coastal Courier",
                *PROSE,
            ]
        )
    )
    assert c.title == "Harbour vote splits the town"
    assert c.body.split("\n\n")[-len(PROSE) :] == PROSE
    assert "Harbour vote splits the town" not in c.body


def html_page(title: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PROSE)
    return (
        f'<html lang="en"><head><meta property="og:title" content="{title}">'
        '<meta property="og:site_name" content="The Coast Times"></head>'
        f"<body><article>{paras}</article></body></html>"
    )


@pytest.mark.parametrize("sep", ["|", "-", "—", ":", "·", "»"])
def test_html_title_loses_the_declared_site_name(sep):
    # "·" was the HTML rule's own separator, "»" the text rule's: both now hold for both
    out = clean_html(html_page(f"Harbour gets its breakwater {sep} The Coast Times"))
    assert out.title == "Harbour gets its breakwater"


def test_html_title_keeps_a_suffix_that_is_not_the_site_name():
    out = clean_html(html_page("Harbour gets its breakwater - Analysis"))
    assert out.title == "Harbour gets its breakwater - Analysis"


@pytest.mark.parametrize("sep", ["-", "|", "»", "·"])
def test_text_title_from_the_page_title_line(sep):
    c = clean_text("\n\n".join([f"Harbour vote splits town {sep} The Coastal Courier", *PROSE]))
    assert c.title == "Harbour vote splits town"
    assert c.provenance["title"] == "text"


def titled_page(head: str, h1: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PROSE)
    return (
        f'<html lang="en"><head>{head}</head>'
        f"<body><article>{h1 and f'<h1>{h1}</h1>'}{paras}</article></body></html>"
    )


LD_NULL = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": null}</script>'


@pytest.mark.parametrize(
    ("head", "h1", "url", "expected", "source"),
    [
        # a JSON-LD null is no title
        (
            LD_NULL + "<title>Harbour vote splits town</title>",
            "",
            None,
            "Harbour vote splits town",
            "meta",
        ),
        # tags written into og:title
        (
            '<meta property="og:title" content="Next &lt;i&gt;Deadpool&lt;/i&gt; Movie?">',
            "",
            None,
            "Next Deadpool Movie?",
            "meta",
        ),
        # an entity escaped twice keeps its apostrophe
        (
            '<meta property="og:title" content="Erie County&amp;#39;s vote">',
            "",
            None,
            "Erie County's vote",
            "meta",
        ),
        # the site's name from the host, with its domain
        (
            "<title>Harbour vote splits town - Forbes.com</title>",
            "",
            "https://www.forbes.com/sites/x",
            "Harbour vote splits town",
            "meta",
        ),
        # the site's name before the headline
        (
            "<title>GlossLip » Harbour vote splits town</title>",
            "",
            "https://glosslip.com/x",
            "Harbour vote splits town",
            "meta",
        ),
        # the site's name and a date after it
        (
            "<title>Harbour vote splits town | DW | 19.01.2020</title>",
            "",
            "https://www.dw.com/en/x",
            "Harbour vote splits town",
            "meta",
        ),
        # a section word is no headline
        (
            '<meta property="og:title" content="Opinion"><title>Harbour vote splits town</title>',
            "",
            None,
            "Harbour vote splits town",
            "meta",
        ),
        # nor is the site's name, declared or in the host
        (
            '<meta property="og:title" content="The New Republic">',
            "Harbour vote splits town",
            "https://newrepublic.com/article/1",
            "Harbour vote splits town",
            "text",
        ),
        (
            '<meta property="og:title" content="Rolling Stone">'
            '<meta property="og:site_name" content="Rolling Stone">',
            "Harbour vote splits town",
            None,
            "Harbour vote splits town",
            "text",
        ),
        # the heading agrees with the start of <title>: its suffix is the site's name
        (
            "<title>Harbour vote splits town | Coast Courier Online</title>",
            "Harbour vote splits town",
            None,
            "Harbour vote splits town",
            "text",
        ),
        # a heading that is the short end of <title> is the site's name
        (
            "<title>Harbour vote splits town | The Coast Times</title>",
            "The Coast Times",
            None,
            "Harbour vote splits town",
            "meta",
        ),
    ],
)
def test_html_title_chosen_among_candidates(head, h1, url, expected, source):
    out = clean_html(titled_page(head, h1), url=url)
    assert (out.title, out.provenance["title"]) == (expected, source)


OG = '<meta property="og:title" content="{}">'
LD = '<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{}"}}</script>'
SHARED = "Why the harbour vote matters to everyone"


def test_a_site_name_of_several_parts_is_stripped_part_by_part():
    head = (
        '<meta property="og:site_name" content="Coast Racing | F1 | Indy | NASCAR">'
        + OG.format("NASCAR standings")
        + "<title>NASCAR standings | Coast Racing | F1 | Indy</title>"
    )
    out = clean_html(titled_page(head, "NASCAR standings"))
    assert (out.title, out.provenance["title"]) == ("NASCAR standings", "meta")


def test_the_article_heading_wins_over_a_headline_written_for_sharing():
    # og:title and JSON-LD agree on a social headline; the page shows another
    head = OG.format(SHARED) + LD.format(SHARED) + "<title>Harbour vote: what next</title>"
    out = clean_html(titled_page(head, "Harbour vote splits town"))
    assert (out.title, out.provenance["title"]) == ("Harbour vote splits town", "text")


def test_three_kinds_of_source_outweigh_the_heading():
    head = OG.format(SHARED) + LD.format(SHARED) + f"<title>{SHARED}</title>"
    out = clean_html(titled_page(head, "Harbour vote splits town"))
    assert (out.title, out.provenance["title"]) == (SHARED, "json-ld")


def test_a_first_h1_outside_the_article_breaks_a_tie():
    paras = "".join(f"<p>{p}</p>" for p in PROSE)
    html = (
        f"<html><head>{OG.format(SHARED)}<title>Harbour vote splits town</title></head>"
        f"<body><div><h1>Harbour vote splits town</h1></div><div>{paras}</div></body></html>"
    )
    out = clean_html(html)
    assert out.title == "Harbour vote splits town"


def test_an_application_name_holding_the_headline_is_no_site_name():
    head = (
        f'<meta name="application-name" content="{SHARED}">'
        + OG.format(SHARED)
        + f"<title>{SHARED}</title>"
    )
    assert clean_html(titled_page(head, SHARED)).title == SHARED


def test_a_last_part_starting_with_the_hosts_name_is_the_site():
    head = "<title>About bugs – Vortex Cannon Entertainment</title>"
    out = clean_html(titled_page(head, "About bugs"), url="https://vortexcannon.org/about-bugs/")
    assert out.title == "About bugs"


def test_a_heading_is_cut_at_the_site_name_only():
    full = "Take C.A.R.E. - comwrap auf der DMEXCO 2018"
    head = OG.format(full) + f"<title>{full}</title>"
    out = clean_html(titled_page(head, full), url="https://blog.comwrap.com/dmexco")
    assert out.title == full


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        ("엔터 미디어", "Harbour vote splits town"),  # a logo in another script
        ("Harbour vote splits the whole town", "Harbour vote splits the whole town"),
    ],
)
def test_a_first_h1_outside_the_article_that_no_title_echoes_is_a_logo(h1, expected):
    paras = "".join(f"<p>{p}</p>" for p in PROSE)
    html = (
        "<html><head><title>Harbour vote splits town - Entermedia</title></head>"
        f"<body><div><h1>{h1}</h1></div><div>{paras}</div></body></html>"
    )
    assert clean_html(html, url="http://entermedia.example/news/1").title == expected
