"""newsgraph.dates: one expression normalised against a reference date."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from newsgraph.dates import normalize, resolve
from newsgraph.dates.context import clause_hints
from newsgraph.dates.values import anchor_value

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


@pytest.mark.parametrize(
    ("expression", "reference", "anchor", "value"),
    [
        ("the following year", "1998-04-18", "1995-05-22", "1996"),
        ("that year", "1989-11-02", "1988", "1988"),
        ("later that year", "2000-01-28", "1998-06", "1998"),
        ("The following month", "1989-10-27", "1989-03", "1989-04"),
        ("that quarter", "1989-10-27", "1988-Q2", "1988-Q2"),
        ("the previous Friday", "1989-10-30", "1989-10-27", "1989-10-20"),
        ("the next morning", "2000-02-24", "2000-02-21", "2000-02-22TMO"),
        ("the same day", "1999-10-24", "1999-10-23", "1999-10-23"),
        ("the day", "1989-10-30", "1989-10-12", "1989-10-12"),
        ("the eighth day", "1990-08-15", "1990-08-15", "1990-08-15"),
        ("10:35 a.m.", "1998-08-08", "1998-08-07", "1998-08-07T10:35"),
        ("earlier in the year", "1989-10-26", "1988", "1989"),  # this year, not the anchor's
    ],
)
def test_anaphoric_expressions_resolve_against_the_anchor(expression, reference, anchor, value):
    assert resolve(expression, reference, anchor=anchor).value == value


def test_without_an_anchor_anaphoric_expressions_fall_back_to_the_reference():
    assert normalize("the following year", REF) == "2024"
    assert normalize("the previous Friday", REF) == "2023-10-06"
    assert normalize("that year", REF) is None  # no ground for it
    assert resolve("the following month", REF, anchor="1995").value == "2023-11"  # too coarse
    assert resolve("the following year", REF, anchor="9999").value == "2024"  # off the calendar
    assert resolve("the previous year", REF, anchor="0001").value == "2022"


@pytest.mark.parametrize("anchor", ["garbage", "9999-12-31", "0001-01-01", "1989-W53", ""])
def test_odd_anchors_never_raise(anchor):
    for expression in ("the following year", "the previous day", "the next week", "March"):
        got = resolve(expression, REF, anchor=anchor)
        assert got is None or got.value


def test_anchor_value_keeps_calendar_points_only():
    assert anchor_value("1989-10-27T10:00") == "1989-10-27"
    assert anchor_value("1989-W43-WE") == "1989-W43"
    assert anchor_value("1988-Q2") == "1988-Q2"
    assert anchor_value("P5Y") is None
    assert anchor_value("XXXX-10") is None
    assert anchor_value("PRESENT_REF") is None


def test_a_plan_points_ahead_however_far():
    assert resolve("December", "1998-03-04", tense="future").value == "1998-12"


def test_without_tense_a_bare_month_is_read_near_the_last_named_month():
    assert resolve("March", "1989-10-30", anchor="1989-06").value == "1989-03"
    assert resolve("March", "1989-10-30").value == "1990-03"


def test_counted_thousands_are_durations():
    assert normalize("more than two thousand years", REF) == "P2000Y"


def _hints(sentence: str, expression: str, quarterly_text: bool = False):
    start = sentence.index(expression)
    return clause_hints(sentence, start, start + len(expression), quarterly_text)


def test_clause_hints_read_the_tense_around_the_expression():
    assert _hints("Collins will be named commander for a mission in December.", "December")[0] == (
        "future"
    )
    assert _hints("The talks are set to resume Monday in Belfast.", "Monday")[0] == "future"
    assert _hints("The new pact takes hold, effective June 1.", "June 1")[0] == "future"
    assert _hints("It had been due to expire Friday evening.", "Friday evening")[0] == "past"
    assert _hints("In January, the company brought in a new chief.", "January")[0] == "past"


def test_by_before_a_date_names_a_deadline_ahead_but_not_by_the():
    sentence = "The lenders said the loan is to be paid down by August, Smith said."
    tense = _hints(sentence, "August")[0]
    assert tense == "future"
    assert resolve("August", REF, tense=tense).value == "2024-08"
    assert normalize("August", REF) == "2023-08"  # alone it leans to the past
    agent = "The monitors were sent as laid down by the Feb. 23 accord, officials said."
    assert _hints(agent, "Feb. 23")[0] == "past"


def test_a_year_earlier_in_a_sentence_about_nine_months_is_not_a_quarter():
    nine = "For the nine months, net was $5 million, up from $4 million a year earlier."
    quarter = "Net for the quarter was $5 million, up from $4 million a year earlier."
    assert _hints(nine, "a year earlier", quarterly_text=True).quarterly is False
    assert _hints(quarter, "a year earlier").quarterly is True


def test_the_year_is_the_current_one_unless_it_ended_on_a_date():
    assert normalize("the year", "1989-10-30") == "1989"
    assert resolve("the year", "1989-10-30", period=True).value == "P1Y"
    text = "For the year ended March 31, revenue rose. For the year, volume was flat."
    first = text.index("the year")
    second = text.index("the year", first + 1)
    assert clause_hints(text, first, first + 8).period is True
    assert clause_hints(text, second, second + 8).period is False


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("two to three weeks", "P2W"),  # a range is written as its first end
        ("weeks or months", "PXW"),
        ("a while", "PXX"),
        ("a fairly lengthy period", "PXX"),
        ("the last half of the '80s", "198"),
        ("the first two quarters of 1990", "1990-H1"),
        ("in coming months", "FUTURE_REF"),
        ("recent years", "PAST_REF"),
        ("the last few months", "PAST_REF"),
        ("recent months", "PXM"),  # only years and the "past few" kind are PAST_REF in TimeBank
    ],
)
def test_timebank_conventions_for_ranges_and_vague_spans(expression, value):
    assert normalize(expression, "1989-10-30") == value


def test_the_week_is_some_week_of_the_year_and_easter_week_its_iso_week():
    assert normalize("the week", "1989-10-30") == "1989-WXX"
    assert normalize("week", "1989-10-30") == "P1W"
    assert normalize("Easter week", "2000-04-17") == "2000-W16"  # Easter 2000: April 23


def test_a_year_ago_is_the_named_quarter_of_last_year():
    # the text last named the first quarter: "a year ago" is the first quarter a year back
    got = resolve("a year ago", "1989-10-26", quarterly=True, anchor="1989-Q1")
    assert got.value == "1988-Q1"
    # no quarter named this year: the last reported quarter, a year back
    assert resolve("a year ago", "1989-10-26", quarterly=True, anchor="1988-Q3").value == "1988-Q3"
    assert resolve("a year ago", "1989-10-26", quarterly=True).value == "1988-Q3"


def test_the_verb_tense_decides_a_bare_month_and_weekday():
    # nearby past words only lean ("changed ... in December" alone would be 1989-12, 49 days ahead)
    assert resolve("December", "1989-10-27", tense="past").value == "1989-12"
    assert resolve("December", "1989-10-27", tense="past", verb_tense="past").value == "1988-12"
    assert (
        resolve("Saturday", "2000-01-07", tense="past", verb_tense="future").value == "2000-01-08"
    )
    # a day of a month is not a bare month: the verb's tense does not move it
    assert resolve("Nov. 6", "1989-11-02", verb_tense="past").value == "1989-11-06"


def test_overnight_is_the_night_before_the_day_in_focus():
    assert normalize("overnight", "1989-10-30") == "1989-10-29TNI"
    assert resolve("overnight", "1989-10-30", anchor="1989-10-27").value == "1989-10-26TNI"


def test_the_day_before_a_named_day():
    assert normalize("the day before last Tuesday", "2000-02-24") == "2000-02-21"
    assert normalize("the day after Christmas", "2000-02-24") == "1999-12-26"
    assert normalize("the day before yesterday", "2000-02-24") == "2000-02-22"
    assert normalize("the day before the election", "2000-02-24") is None


def test_last_spring_is_last_years_and_this_past_spring_the_latest():
    assert normalize("last spring", "1989-10-26") == "1988-SP"
    assert normalize("this past spring", "1989-10-26") == "1989-SP"
    assert normalize("last fall", "1998-02-06") == "1997-FA"


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("fourth quarters", "XXXX-Q4"),  # "the second and fourth quarters": any year's
        ("the fourth quarter", "1989-Q4"),
        ("this crucial moment", "PRESENT_REF"),
        ("at the time", "PAST_REF"),
    ],
)
def test_plural_quarters_and_present_and_past_moments(expression, value):
    assert normalize(expression, "1989-10-26") == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("the past decade", "P10Y"),
        ("over the past century", "P100Y"),
        ("the last decade", "201"),  # the calendar decade before this one
        ("the past year", "2022"),
    ],
)
def test_the_past_decade_is_the_stretch_up_to_now(expression, value):
    assert normalize(expression, REF) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("Jan. 14", "2000-01-14"),  # "to repatriate the child by Jan. 14" on Jan. 15: just past
        ("Nov. 20", "2000-11-20"),  # two months back: the plan is for the next one
        ("March 3", "2000-03-03"),
    ],
)
def test_a_planned_day_a_few_weeks_back_is_not_eleven_months_ahead(expression, value):
    assert resolve(expression, "2000-01-15", tense="future").value == value
