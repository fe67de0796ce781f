"""newsgraph.dates.find: which stretches of running text are date expressions, and their spans."""

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
    "text",
    [
        "The cuts should save the company $2 million a year in interest.",
        "Rooms will cost between $35 and $55 a night.",
        "The airline runs four flights a week to the capital.",
        "The plant turns out 700 units a month.",
        "The chip runs 15 million instructions per second.",
    ],
)
def test_a_rate_after_an_amount_is_no_stretch_of_time(text):
    assert _found(text) == {}


def test_a_stretch_after_a_count_of_units_is_still_a_duration():
    assert _found("He worked eight hours a day for a year.") == {
        "eight hours": "PT8H",
        "a day": "P1D",
        "a year": "P1Y",
    }


def test_fall_after_to_is_the_verb_and_the_season_elsewhere():
    assert _found("Prices are expected to fall further.") == {}
    assert _found("The group began to fall apart.") == {}
    assert _found("The vote is due in the fall.") == {"the fall": "2023-FA"}
    assert _found("Work runs from summer to fall.") == {"summer": "2023-SU", "fall": "2023-FA"}


def test_a_count_of_units_later_is_the_stretch_without_later():
    # counted from an event of the story, not from the reference date: TimeML tags the stretch
    assert _found("Three days later, the index closed.") == {"Three days": "P3D"}
    assert _found("A few weeks later, he resigned.") == {"A few weeks": "PXW"}
    assert _found("Two years ago, he resigned.") == {"Two years ago": "2021"}


def test_a_while_or_a_period_is_found_after_for_only():
    assert _found("They will have to live without power for a while.") == {"a while": "PXX"}
    assert _found("We are there to stay for a fairly lengthy period.") == {
        "a fairly lengthy period": "PXX"
    }
    assert _found("It was a while before anyone spoke.") == {}
    assert _found("The bonds run for a period of two years.") == {"two years": "P2Y"}


def test_a_year_before_a_noun_may_follow_an_adjective():
    assert _found("He lost his unsuccessful 1996 campaign.") == {"1996": "1996"}
    assert _found("The remaining 1500 employees left.") == {}


def test_the_past_before_a_count_is_no_vague_reference():
    assert "the past" not in _found("Marches have led to riots for the past three summers.")
    assert _found("He lived there in the past.") == {"the past": "PAST_REF"}


def test_one_day_after_a_modal_or_a_subject_is_some_day_ahead():
    assert _found("Islam will one day be the second largest religion.") == {"one day": "FUTURE_REF"}
    assert _found("He hopes he one day follows his father.") == {"one day": "FUTURE_REF"}
    assert _found("The strike lasted one day.") == {"one day": "P1D"}


def test_mid_afternoon_is_the_part_of_the_day():
    assert _found("By mid afternoon, officials were saying the roads were shut.") == {
        "mid afternoon": "2023-10-09TAF"
    }
    assert _found("Shares fell by mid-morning.") == {"mid-morning": "2023-10-09TMO"}


def test_the_future_is_a_time_only_where_something_happens_in_it():
    assert _found("Prices may rise in the near future.") == {"the near future": "FUTURE_REF"}
    assert _found("They worried about the future.") == {"the future": "FUTURE_REF"}
    assert _found("That is very important to the future of our peoples.") == {}
    assert _found('"Sales were bad, and the future looks grim."') == {}


def test_only_a_count_of_units_loses_its_later():
    assert trim("1994 or later", 0, 13) == (0, 13)
    assert trim("two years later", 0, 15) == (0, 9)


@pytest.mark.parametrize(
    "text",
    [
        "He runs the day-to-day operations.",
        "The quarter-to-quarter comparison improved.",
        "Sales rose on a year-on-year basis.",
    ],
)
def test_a_unit_in_a_compound_of_manner_is_no_time(text):
    assert _found(text) == {}


def test_of_tomorrow_is_the_times_ahead_but_as_of_tomorrow_is_a_day():
    assert _found("He chose the people of tomorrow.") == {}
    assert _found("The rule applies as of tomorrow.") == {"tomorrow": "2023-10-10"}


def test_the_first_of_two_weekdays_with_a_plural_part_of_day_is_a_set_too():
    assert _found("Flights leave on Monday and Tuesday nights.") == {
        "Monday": "XXXX-WXX-1TNI",
        "Tuesday nights": "XXXX-WXX-2TNI",
    }


def test_last_before_a_month_and_day_is_the_day_before_the_reference():
    found = _found("Slepian was shot to death last Oct. 23 at his home, and again last October.")
    assert found == {"last Oct. 23": "2022-10-23", "last October": "2022-10"}
    assert _found("It was announced last October 9 and will end next October 9.") == {
        "last October 9": "2022-10-09",
        "next October 9": "2024-10-09",
    }


def test_of_two_readings_as_long_the_explicit_date_wins():
    found = _found("They returned home on the night of Friday, Oct. 23. He was shot then.")
    assert found == {"Friday, Oct. 23": "2023-10-23"}


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
