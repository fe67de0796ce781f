"""newsgraph.dates.mods: the TimeML mod of an expression, from its words."""

from __future__ import annotations

import pytest

from newsgraph.dates.mods import mod_of


@pytest.mark.parametrize(
    ("expression", "mod"),
    [
        ("early next year", "START"),
        ("the beginning of October", "START"),
        ("earlier this month", "START"),
        ("mid-1996", "MID"),
        ("the middle of the decade", "MID"),
        ("late last week", "END"),
        ("the end of 1990", "END"),
        ("about two years ago", "APPROX"),
        ("a week or so ago", "APPROX"),
        ("nearly three years", "LESS_THAN"),
        ("more than four decades ago", "MORE_THAN"),
        ("over a week", "MORE_THAN"),
        ("at least 20 more years", "EQUAL_OR_MORE"),
        ("no more than sixty days", "EQUAL_OR_LESS"),
        ("post-1959", "AFTER"),
    ],
)
def test_the_words_give_the_mod(expression, mod):
    assert mod_of(expression) == mod


@pytest.mark.parametrize(
    "expression", ["May 2023", "the past decade", "some time", "earlier", "overnight"]
)
def test_no_mod_without_such_words(expression):
    assert mod_of(expression) is None
