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
