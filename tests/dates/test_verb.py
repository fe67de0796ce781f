"""newsgraph.dates.verb: the tense of the verb a date expression attaches to, from a parse."""

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
    ("sentence", "expression", "tense"),
    [
        ("In January, American Medical brought in a new chief executive.", "January", "past"),
        ("The company changed to a calendar year in December.", "December", "past"),
        ("The monarch will meet Bush on Thursday in Maine.", "Thursday", "future"),
        ("Protesters planned a large demonstration on Saturday.", "Saturday", "future"),
        ("The court has scheduled a news conference on Thursday.", "Thursday", "future"),
        ("The offer had been scheduled to expire at midnight Friday.", "midnight Friday", "past"),
    ],
)
def test_a_date_takes_the_tense_of_the_verb_it_hangs_on(pipeline, sentence, expression, tense):
    assert _tense(pipeline, sentence, expression) == tense


def test_a_date_under_a_noun_or_without_a_parse_has_no_verb_tense(pipeline):
    # "for November transactions": the month belongs to a noun, not to "started"
    assert (
        _tense(pipeline, "Dealers started the first day for November trades.", "November") is None
    )
    text = "The minister said on Monday that prices rose."
    unparsed = pipeline.make_doc(text)
    start = text.index("Monday")
    assert verb_tense(unparsed, start, start + 6) is None


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("Workers are racing to finish the new bridge before Saturday.", "Saturday"),
        ("The vote is expected to take place before Saturday.", "Saturday"),
        ("The council is set to approve the budget on Thursday.", "Thursday"),
        ("The first shipment of grain is due Tuesday.", "Tuesday"),
        ("Ballots must be cast by Friday.", "Friday"),
        ("Negotiators said they hope to reach a deal by Friday.", "Friday"),
    ],
)
def test_modality_and_intent_put_a_bare_day_ahead(pipeline, sentence, expression):
    assert _tense(pipeline, sentence, expression) == "future"


def test_a_past_or_pluperfect_intent_is_not_ahead(pipeline):
    assert (
        _tense(pipeline, "The offer had been due to expire Friday evening.", "Friday") != "future"
    )
    assert _tense(pipeline, "The tanker left port before Saturday.", "Saturday") == "past"


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("Until Thursday, investigators had not called him a suspect.", "past"),
        ("The agency extended its deadline until Thursday.", None),  # a deadline may lie ahead
        ("The shop will stay open until Thursday.", None),  # the clause's words decide
    ],
)
def test_until_a_day_is_past_only_under_a_pluperfect(pipeline, sentence, tense):
    assert _tense(pipeline, sentence, "Thursday") == tense


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
