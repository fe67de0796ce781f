"""newsgraph.dates: "a year earlier" in an earnings story is the quarter the text last named."""

from __future__ import annotations

import pytest

from newsgraph.dates import resolve


@pytest.mark.parametrize(
    ("reference", "anchor", "value"),
    [
        ("1989-10-26", "1989-Q3", "1988-Q3"),
        # a story early in the year about the previous year's third quarter
        ("2005-03-16", "2004-Q3", "2003-Q3"),
        # a year-ago quarter the text named is no quarter being reported: the last one a year back
        ("1989-10-26", "1988-Q3", "1988-Q3"),
        ("1989-10-26", "1985-Q2", "1988-Q3"),
        # a quarter ahead of the reference is not being reported either
        ("1989-10-26", "1990-Q1", "1988-Q3"),
    ],
)
def test_a_year_earlier_is_the_named_quarter_a_year_back(reference, anchor, value):
    got = resolve("a year earlier", reference, quarterly=True, anchor=anchor)
    assert got is not None and got.value == value
