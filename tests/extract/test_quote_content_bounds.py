"""Where reported content begins and ends (issue 14, fifth round)."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import find_quotes
from newsgraph.nlp import load, parse
from newsgraph.record import Quote


@pytest.fixture(scope="module")
def nlp():
    return load()


def quotes_of(text: str, nlp) -> list[Quote]:
    return find_quotes(parse(text, nlp))


def test_a_clause_the_parser_splits_in_two_is_reported_whole(nlp):
    text = (
        "Flynn said Trump has “enormous respect” for the military and his rubble comment "
        "was instead an expression of frustration with the strategy."
    )
    (q,) = quotes_of(text, nlp)
    assert q.speaker.text == "Flynn"
    assert q.text.endswith("an expression of frustration with the strategy")


def test_a_clause_on_an_earlier_line_is_not_the_cue_s(nlp):
    text = (
        "Some Democrats said they feared a speech calling for a ''cultural war'' against "
        "''liberals and radicals.''\n\nMatt Bennett, a founder of the think tank Third Way, said "
        "Mrs. Clinton had so far avoided tacking too far left."
    )
    bennett = [q for q in quotes_of(text, nlp) if q.speaker and q.speaker.text == "Matt Bennett"]
    assert [q.text for q in bennett] == ["Mrs. Clinton had so far avoided tacking too far left"]


def test_seem_with_an_infinitive_is_an_impression_no_one_holds(nlp):
    text = "The economics of clean energy appear to be improving so rapidly that costs are falling."
    (q,) = quotes_of(text, nlp)
    assert (q.kind, q.speaker, q.cue) == ("indirect", None, "appear")
    assert q.text.startswith("The economics of clean energy appear to be improving")


def test_seem_before_a_verb_of_saying_leaves_the_report_to_that_verb(nlp):
    text = "Donald Trump is drawing criticism after he appeared to suggest that veterans are weak."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.speaker.text, q.cue) == ("that veterans are weak", "he", "suggest")


def test_seem_in_a_relative_clause_reports_nothing(nlp):
    assert quotes_of("Families face price tags that seem to start at six figures.", nlp) == []


def test_a_parenthetical_cue_after_an_opening_phrase_reports_the_clause_around_it(nlp):
    text = (
        "At times last year, people close to the vice president said, the mere mention of "
        "Mrs. Clinton's name could make him fume."
    )
    (q,) = quotes_of(text, nlp)
    assert q.text.startswith("At times last year") and q.text.endswith("could make him fume")
    assert q.speaker.text == "people close to the vice president"


def test_expected_with_no_agent_is_an_impression_with_its_subject(nlp):
    (q,) = quotes_of("Obama is expected to join Clinton on the campaign trail soon.", nlp)
    assert (q.speaker, q.cue) == (None, "expected")
    assert q.text == "Obama is expected to join Clinton on the campaign trail soon"


def test_see_as_reports_what_is_seen_and_as_what(nlp):
    (q,) = quotes_of("Democrats see Sanders as an agent in Clinton's decline.", nlp)
    assert (q.text, q.speaker.text, q.cue) == (
        "Sanders as an agent in Clinton's decline",
        "Democrats",
        "see",
    )


def test_seen_as_with_no_agent_is_an_impression_with_its_subject(nlp):
    (q,) = quotes_of("The hiring of Stephen Bannon was seen as a demotion for him.", nlp)
    assert (q.speaker, q.cue) == (None, "seen")
    assert q.text == "The hiring of Stephen Bannon was seen as a demotion for him"


def test_a_lead_in_clause_gives_its_subject_not_its_first_word(nlp):
    text = (
        "At a conference in Aspen, the historian ended her speech by quoting Leonardo da "
        'Vinci: "Every obstacle is destroyed by rigor, and every fear by courage."'
    )
    direct = [q for q in quotes_of(text, nlp) if q.kind == "direct"]
    assert [q.speaker.text for q in direct] == ["the historian"]


def test_an_endorsement_of_a_bare_name_is_reported(nlp):
    (q,) = quotes_of("Over the past few days, Cruz has endorsed Trump.", nlp)
    assert (q.text, q.speaker.text, q.cue) == ("Trump", "Cruz", "endorsed")


def test_a_bare_name_after_another_verb_of_stance_is_not(nlp):
    assert quotes_of("Over the past few days, Cruz has attacked Trump.", nlp) == []


def test_a_verb_that_reports_no_object_reports_what_it_spoke_about(nlp):
    (q,) = quotes_of("Mr. Sanders talked about the corrupting influence of super PACs.", nlp)
    assert (q.text, q.speaker.text, q.cue) == (
        "the corrupting influence of super PACs",
        "Mr. Sanders",
        "talked",
    )


def test_according_to_a_speech_someone_delivered_gives_that_someone(nlp):
    text = (
        "The goal is to persuade executives to manage for the long term, according to a "
        "speech Mrs. Clinton delivered at New York University."
    )
    (q,) = quotes_of(text, nlp)
    assert (q.speaker.text, q.cue) == ("Mrs. Clinton", "according to")


def test_whoever_asked_is_not_said_after_when_either(nlp):
    text = "Ted Cruz, when asked specifically what is wrong, said the numbers don't add up."
    asked = [q for q in quotes_of(text, nlp) if q.cue == "asked"]
    assert [q.speaker for q in asked] == [None]


def test_a_linking_phrase_is_no_report(nlp):
    for opener in ("That said,", "Having said that,", "That being said,"):
        text = f"Bars line the street. {opener} officials disagreed."
        assert quotes_of(text, nlp) == [], opener
    (q,) = quotes_of("He said that officials in the city disagreed with the plan.", nlp)
    assert q.cue == "said"
