"""newsgraph.dates.verb: dates ahead of the reference (a commitment, a present, a copula)."""

from __future__ import annotations

import pytest

from newsgraph import nlp
from newsgraph.dates import resolve
from newsgraph.dates.verb import verb_tense


@pytest.fixture(scope="module")
def pipeline():
    return nlp.load()


def _tense(pipeline, sentence: str, expression: str) -> str | None:
    start = sentence.index(expression)
    return verb_tense(pipeline(sentence), start, start + len(expression))


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("NATO has decided to admit Poland in early March, an official said.", "March"),
        ("The government has agreed to hold elections in March.", "March"),
        ("The council voted to close the plant in March.", "March"),
        ("The ministers agreed on Monday to meet again on Friday.", "Friday"),
    ],
)
def test_what_a_commitment_commits_to_is_ahead(pipeline, sentence, expression):
    assert _tense(pipeline, sentence, expression) == "future"


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        # the date of the commitment itself keeps the commitment's tense
        ("The union decided in March to strike.", "March", "past"),
        ("The ministers agreed on Monday to meet again on Friday.", "Monday", "past"),
        # a pluperfect commitment says nothing of its act's time
        ("Ministers had agreed to hold talks in January.", "January", None),
    ],
)
def test_a_date_on_the_commitment_itself_is_not_moved(pipeline, sentence, expression, tense):
    assert _tense(pipeline, sentence, expression) == tense


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        # a present copula schedules: "is on Thursday" is ahead, "was on Thursday" is past
        ("The vote is on Thursday.", "Thursday", "future"),
        ("The deadline is Friday.", "Friday", "future"),
        ("The plan is to meet on Friday.", "Friday", "future"),
        ("The vote was on Thursday.", "Thursday", "past"),
        ("The deadline was Friday.", "Friday", "past"),
    ],
)
def test_a_present_copula_puts_its_date_ahead(pipeline, sentence, expression, tense):
    assert _tense(pipeline, sentence, expression) == tense


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        ("Debt talks reopen in New York on Tuesday.", "Tuesday", "present"),
        ("They meet Wales on Saturday.", "Saturday", "present"),
        # the same form in the past, or the present of reporting, says nothing
        ("Losses in banks hurt the index on Friday.", "Friday", None),
        ("The ministry says on Monday that prices rose.", "Monday", None),
    ],
)
def test_a_simple_present_is_read_as_such(pipeline, sentence, expression, tense):
    assert _tense(pipeline, sentence, expression) == tense


def test_a_simple_present_schedules_a_weekday_but_not_a_month():
    # 2013-03-13 is a Wednesday
    assert resolve("Saturday", "2013-03-13", verb_tense="present").value == "2013-03-16"
    assert resolve("December", "2013-03-13", verb_tense="present").value == "2012-12"
