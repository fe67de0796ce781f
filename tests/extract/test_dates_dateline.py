"""The dates annotator reads relative dates in wire copy from the day of its dateline."""

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
