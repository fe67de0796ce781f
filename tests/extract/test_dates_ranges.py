"""The dates annotator on ranges of days: "March 20 to 25", "May 3-5" are two days of a month."""

from __future__ import annotations

import pytest

from newsgraph import nlp
from newsgraph.extract.dates import annotate_dates
from newsgraph.record import Article


def _values(text: str, published: str) -> dict[str, str]:
    article = Article(body=text, published=published, language="en")
    annotate_dates(nlp.parse(text), article)
    return {d.text: d.value for d in article.dates}


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The minister will visit China from March 20 to 25.", "March 20", "25"),
        ("The fair runs May 3-5 in Berlin.", "May 3", "5"),
        ("Books close May 11-21.", "May 11", "21"),
    ],
)
def test_the_end_of_a_range_of_days_is_a_day_of_the_same_month(text, first, second):
    got = _values(text, "2013-03-13")
    assert got[second] == got[first][:-2] + f"{int(second):02d}"


def test_an_amount_after_to_is_no_day():
    assert _values("Prices rose on March 20 to 25 cents.", "2013-03-13") == {
        "March 20": "2013-03-20"
    }
