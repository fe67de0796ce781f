"""newsgraph.dates: one expression normalised against a reference date."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from newsgraph.dates import normalize, resolve

REF = "2023-10-09"  # a Monday


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("last June", "2023-06"),
        ("October 7", "2023-10-07"),
        ("October 9, 2023", "2023-10-09"),
        ("9 October 2023", "2023-10-09"),
        ("Oct. 15, 1999", "1999-10-15"),
        ("2023-10-07", "2023-10-07"),
        ("March 2021", "2021-03"),
        ("1998", "1998"),
        ("the 1990s", "199"),
        ("the '80s", "198"),
        ("the 20th century", "19"),
        ("nineteen ninety-six", "1996"),
        ("the third quarter", "2023-Q3"),
        ("the third quarter of 1998", "1998-Q3"),
        ("the first half of 2022", "2022-H1"),
        ("summer 2019", "2019-SU"),
        ("last fall", "2022-FA"),
    ],
)
def test_calendar_expressions(expression, value):
    assert normalize(expression, REF) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("yesterday", "2023-10-08"),
        ("today", "2023-10-09"),
        ("tomorrow", "2023-10-10"),
        ("tonight", "2023-10-09TNI"),
        ("this morning", "2023-10-09TMO"),
        ("last week", "2023-W40"),
        ("this week", "2023-W41"),
        ("next month", "2023-11"),
        ("last year", "2022"),
        ("this fiscal year", "2023"),
        ("two years ago", "2021"),
        ("three days ago", "2023-10-06"),
        ("six weeks ago", "2023-W35"),
        ("early December", "2023-12"),
        ("late November", "2023-11"),
        ("next Tuesday", "2023-10-10"),
        ("last Friday", "2023-10-06"),
        ("Friday", "2023-10-06"),
        ("the 1st of last month", "2023-09-01"),
        ("the weekend", "2023-W41-WE"),
        ("9 a.m. Tuesday", "2023-10-03T09:00"),
        ("noon", "2023-10-09T12:00"),
        ("Christmas", "2023-12-25"),
    ],
)
def test_relative_expressions_resolve_against_the_reference(expression, value):
    assert normalize(expression, REF) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("five years", "P5Y"),
        ("five-year", "P5Y"),
        ("18 months", "P18M"),
        ("two weeks", "P2W"),
        ("three hours", "PT3H"),
        ("5 1/2 hours", "PT5H30M"),
        ("a minute and a half", "PT1M30S"),
        ("the past two months", "P2M"),
        ("at least 20 more years", "P20Y"),
        ("two decades", "P20Y"),
        ("several years", "PXY"),
        ("a couple of years", "P2Y"),
        ("daily", "P1D"),
        ("every Thursday", "XXXX-WXX-4"),
    ],
)
def test_durations_and_sets_get_timeml_values(expression, value):
    assert normalize(expression, REF) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("the future", "FUTURE_REF"),
        ("the near term", "FUTURE_REF"),
    ],
)
def test_vague_references(expression, value):
    assert normalize(expression, REF) == value


def test_granularity_and_reliability():
    assert resolve("March 2021", REF).granularity == "month"
    assert resolve("March 2021", REF).reliable is True
    assert resolve("October 7", REF).reliable is False  # the year is inferred
    assert resolve("last June", REF).granularity == "month"
    assert resolve("the 1990s", REF).granularity == "decade"
    assert resolve("five years", REF).granularity == "duration"
    assert resolve("yesterday", REF).reliable is False


def test_month_and_year_never_get_an_invented_day():
    assert normalize("March 2021", REF) == "2021-03"
    assert normalize("June", REF) == "2023-06"
    assert normalize("2021", REF) == "2021"


@pytest.mark.parametrize(
    "word", ["car", "are", "Do", "the", "Mayor", "version 3.10.2", "31.7683, 35.2137", "3.10.2", ""]
)
def test_ordinary_words_numbers_and_versions_are_not_dates(word):
    assert normalize(word, REF) is None


def test_impossible_dates_give_nothing():
    assert normalize("February 30", REF) is None
    assert normalize("February 30, 2023", REF) is None
    assert normalize("2023-02-30", REF) is None
    assert normalize("February 29, 2024", REF) == "2024-02-29"


def test_two_digit_years_fall_in_the_nearest_century():
    assert normalize("10/09/23", REF) == "2023-10-09"
    assert normalize("1/2/99", REF) == "1999-01-02"
    assert resolve("10/09/23", REF).reliable is False


def test_reference_may_be_a_date_or_datetime():
    assert normalize("yesterday", date(2023, 10, 9)) == "2023-10-08"
    assert normalize("yesterday", datetime(2023, 10, 9, 22, 30)) == "2023-10-08"


def test_without_a_reference_relative_values_stay_underspecified():
    assert normalize("October 7", None) == "XXXX-10-07"
    assert normalize("Friday", None) == "XXXX-WXX-5"
    assert normalize("last year", None) == "XXXX"
    assert normalize("October 9, 2023", None) == "2023-10-09"
    assert normalize("five years", None) == "P5Y"


def test_tense_picks_the_direction_of_a_bare_weekday_or_month():
    assert resolve("Friday", REF, tense="past").value == "2023-10-06"
    assert resolve("Friday", REF, tense="future").value == "2023-10-13"
    assert resolve("April", REF, tense="future").value == "2024-04"
    assert resolve("April", REF, tense="past").value == "2023-04"


def test_quarterly_context_reads_a_year_ago_as_a_quarter():
    assert resolve("a year ago", "1989-10-26").value == "1988"
    assert resolve("a year ago", "1989-10-26", quarterly=True).value == "1988-Q3"


def test_long_and_hostile_input_is_fast():
    started = time.perf_counter()
    assert normalize("1 " * 5000, REF) is None
    assert normalize("a" * 100_000, REF) is None
    normalize("the " * 50 + "year", REF)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("reference", ["2023-10-09", "0001-01-01", "9999-12-31", None])
@pytest.mark.parametrize(
    "expression",
    [
        "99999999 days ago",
        "9999999999 weeks ago",
        "the 31st of last month",
        "the day after tomorrow",
        "13 p.m.",
        "Q5",
        "31/31/2020",
    ],
)
def test_out_of_range_arithmetic_gives_nothing_not_an_exception(expression, reference):
    got = resolve(expression, reference)
    assert got is None or got.value
