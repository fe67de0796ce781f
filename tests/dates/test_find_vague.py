"""newsgraph.dates.find: vague references, awards, fractions, clocks that are no years."""

from __future__ import annotations

import re
from datetime import date

import pytest

from newsgraph.dates import find as find_module
from newsgraph.dates.find import find, trim
from newsgraph.dates.lexicon import lower_ascii
from newsgraph.dates.rules import RULES
from newsgraph.dates.values import Context

REF = Context(date(2023, 10, 9))


def _found(text: str) -> dict[str, str]:
    out = {}
    for f, v in find(text, REF):
        start, end = trim(text, f.start, f.end)
        out[text[start:end]] = v.value if v else None
    return out


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # found with no other date nearby (they were found only next to one before)
        ("The company said it will seek more financing at a later date.", "a later date"),
        ("Shares will stay nervous in the near term, analysts said.", "the near term"),
        ("It would be possible to do something else in the short term.", "the short term"),
    ],
)
def test_a_vague_future_is_found_on_its_own(text, expression):
    assert _found(text) == {expression: "FUTURE_REF"}


def test_a_term_that_modifies_a_noun_is_no_time():
    assert _found("Lending rose on the short term money market.") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Federer was named Swiss sportsman of the year on Saturday.",
        "The term was chosen as the word of the year.",
        "The band won a gig of the year award.",
    ],
)
def test_an_award_of_the_year_is_no_time(text):
    assert "the year" not in _found(text)


def test_a_part_of_the_year_is_still_the_year():
    assert _found("Sales should pick up for the rest of the year.") == {"the year": "2023"}


@pytest.mark.parametrize(
    "text",
    [
        "The Fed cut rates by a quarter point.",
        "Euronext has a quarter stake in Clearnet.",
        "Three quarters of voters backed the plan.",
        "The plan created euphoria in some quarters about growth.",
    ],
)
def test_a_quarter_before_a_noun_is_no_quarter_of_a_year(text):
    assert _found(text) == {}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Losses narrowed for a quarter and then widened.", "a quarter", "P1Q"),
        ("Sales fell three quarters in a row.", "three quarters", "P3Q"),
        ("It will take two quarters to recover.", "two quarters", "P2Q"),
    ],
)
def test_a_stretch_of_quarters_is_still_found(text, expression, value):
    assert _found(text) == {expression: value}


@pytest.mark.parametrize(
    "phrase",
    [
        "at a later date",
        "in the near term",
        "down the road",
        "now",
        "recently",
        "in the future",
        "the year-ago quarter",
        "twice a week",
        "every Monday",
        "Christmas",
    ],
)
def test_every_match_lies_in_a_window_around_a_trigger_word(phrase):
    """An expression alone in a sentence is searched: its words hold a trigger."""
    text = f"Officials spoke {phrase}."
    lowered = lower_ascii(text)
    windows = find_module._windows(lowered)
    for rule in RULES:
        for m in rule.pattern.finditer(lowered):
            if rule.name in find_module._NOT_SEARCHED or not re.search(r"\w", m.group()):
                continue
            assert any(lo <= m.start() and m.end() <= hi for lo, hi in windows), (rule.name, m)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The merger follows months of twists and turns.", "months", "PXM"),
        ("The deal ended years of war.", "years", "PXY"),
    ],
)
def test_a_bare_plural_measuring_what_follows_is_a_stretch(text, expression, value):
    assert _found(text) == {expression: value}


@pytest.mark.parametrize(
    "text",
    [
        "He said the days of open-ended price guarantees must end.",
        "Output rose while hours of all persons increased.",
        "The minutes of the meeting were published.",
    ],
)
def test_an_era_or_a_quantity_is_no_stretch(text):
    assert _found(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Data are due to be released at 1630 EST (2130 GMT).",
        "The rocket lifted off at 1805 EST from Cape Canaveral.",
    ],
)
def test_a_number_before_a_time_zone_is_no_year(text):
    assert not any(v and v.isdigit() for v in _found(text).values())


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The trial is expected to last six weeks.", "six weeks"),
        ("Talks will last a week.", "a week"),
    ],
)
def test_the_verb_last_is_not_in_the_stretch(text, expression):
    assert list(_found(text)) == [expression]


def test_last_year_after_to_is_still_last_year():
    assert _found("Sales returned to last year's levels.") == {"last year": "2022"}
