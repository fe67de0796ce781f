"""newsgraph.dates.prefilter: what every match of a rule holds, so windows without it are skipped."""

from __future__ import annotations

import re

import pytest

from newsgraph.dates import find as find_module
from newsgraph.dates.lexicon import lower_ascii
from newsgraph.dates.prefilter import required, screens
from newsgraph.dates.rules import RULES

# Text full of the expressions the rules find, lowered as ``find`` lowers it.
SAMPLE = lower_ascii(
    "On Oct. 7, 2023, at 10:35 a.m. and again on 7 October 2023; 2023-10-07, 10/07/23. "
    "In March 1987, the third quarter, Q3, fiscal 1988, FY89, the first half, the late 1990s, "
    "the 21st century, the nineteen-eighties, nineteen ninety-two, last month, next week, "
    "the following Friday, that morning, the same day, the year-ago quarter, a year earlier, "
    "three days ago, two weeks from now, the past five years, for years, 12 to 18 months, "
    "a while, for a long time, every Monday, twice a week, each year, daily, Monday and "
    "Tuesday nights, on weekends, this weekend, the week of May 4, Christmas, Easter week, "
    "spring, summer 1999, now, currently, recently, in the future, yesterday afternoon, "
    "tonight, overnight, Friday morning, at noon, at midnight, 5 p.m. EST, mid-afternoon, "
    "the day before yesterday, the first of next month, the year, the quarter ended June 30. "
    "Dates in other scripts: \u0661\u0669\u0668\u0667 and \uff11\uff19\uff18\uff17."
)


def test_digits_stay_unicode_digits():
    year = next(r for r in RULES if r.name == "year")
    assert any(r"\d" in clause for clause in required(year.pattern))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_match_holds_what_its_rule_requires(rule):
    """Sound: a match of the rule is found by each of its screens, alone in its window."""
    for m in rule.pattern.finditer(SAMPLE):
        for screen in screens(rule.pattern):
            assert screen.search(SAMPLE, m.start(), m.end()), (rule.name, m.group(), screen)


def test_screens_of_an_alternation_and_a_sequence():
    month_and_digit = re.compile(r"(?:jan|feb)(?:uary)?\.?\s+\d{1,2}")
    assert required(month_and_digit) == [frozenset({"jan", "feb"}), frozenset({r"\d"})]
    assert required(re.compile(r"(?:the\s+)?(?:day)?")) == []  # nothing is required
    assert required(re.compile(r"[^a-z]+")) == []  # a negated class says nothing


def test_screened_search_finds_what_the_unscreened_search_finds(monkeypatch):
    screened = sorted((f.start, f.end, f.rule) for f in find_module.candidates(SAMPLE))
    unscreened = [(r, ()) for r, _ in find_module._SEARCHED]
    monkeypatch.setattr(find_module, "_SEARCHED", unscreened)
    assert screened == sorted((f.start, f.end, f.rule) for f in find_module.candidates(SAMPLE))
    assert screened  # the sample does hold expressions


def test_a_case_blind_group_requires_nothing():
    assert required(re.compile(r"(?i:jan)\s+\d")) == [frozenset({r"\d"})]
