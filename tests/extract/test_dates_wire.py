"""The dates annotator on wire copy: relative dates from the dateline, a second day ("April 24 and 25")."""

from __future__ import annotations

from newsgraph import nlp
from newsgraph.extract.dates import annotate_dates
from newsgraph.record import Article


def _values(text: str, published: str) -> dict[str, str]:
    article = Article(body=text, published=published, language="en")
    annotate_dates(nlp.parse(text), article)
    return {d.text: d.value for d in article.dates}


def test_relative_dates_count_from_the_dateline_filed_a_day_before_publication():
    text = (
        "WASHINGTON, March 12 (Xinhua) -- Poland joined NATO on Friday, "
        "a day after talks ended yesterday."
    )
    got = _values(text, "1999-03-13")  # published on Saturday, filed on Friday
    assert got["March 12"] == "1999-03-12"
    assert got["Friday"] == "1999-03-12"
    assert got["yesterday"] == "1999-03-11"


def test_a_dateline_far_from_publication_or_a_date_elsewhere_changes_nothing():
    assert _values("WASHINGTON, March 2 (Xinhua) -- Talks ended yesterday.", "1999-03-13") == {
        "March 2": "1999-03-02",
        "yesterday": "1999-03-12",
    }
    assert _values("Talks that began March 12 ended yesterday.", "1999-03-13")["yesterday"] == (
        "1999-03-12"
    )


def test_a_bare_day_after_a_full_one_is_a_day_of_the_same_month():
    text = "The summit will be held on April 24 and 25. Talks on Feb. 27 and 29 at the hall."
    assert _values(text, "1999-02-10") == {
        "April 24": "1999-04-24",
        "25": "1999-04-25",
        "Feb. 27": "1999-02-27",  # 1999 has no February 29
    }
    assert _values("Sales rose on March 3 and 25 percent fell.", "1999-02-10") == {
        "March 3": "1999-03-03"
    }
