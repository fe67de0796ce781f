"""Reported speech beyond "said that": parentheticals, intents, claim nouns and nesting,
and where reported content begins and ends."""

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


def test_parenthetical_cue_reports_the_clause_around_it(nlp):
    text = "Acts of protest, Mr. Obama said, are acts of patriotism."
    (q,) = quotes_of(text, nlp)
    assert (q.kind, q.text) == (
        "indirect",
        "Acts of protest, Mr. Obama said, are acts of patriotism",
    )
    assert (q.speaker.text, q.cue) == ("Mr. Obama", "said")


def test_verb_of_intent_reports_its_infinitive(nlp):
    text = "Clinton wants to triple the size of the AmeriCorps program."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.cue, q.speaker.text) == (
        "to triple the size of the AmeriCorps program",
        "wants",
        "Clinton",
    )


def test_verb_of_intent_without_an_infinitive_reports_nothing(nlp):
    assert quotes_of("Clinton wants a bigger AmeriCorps program.", nlp) == []


def test_claim_noun_reports_its_that_clause_for_the_one_who_makes_it(nlp):
    text = "Trump repeated his claim that the election was rigged against him."
    (q,) = quotes_of(text, nlp)
    assert (q.kind, q.text, q.cue) == (
        "indirect",
        "that the election was rigged against him",
        "claim",
    )
    assert q.speaker.text == "Trump"


def test_claim_noun_speaker_is_its_possessor(nlp):
    text = "Her belief that the economy is rigged has shaped the campaign."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.cue, q.speaker.text) == ("that the economy is rigged", "belief", "Her")


def test_relative_clause_after_a_claim_noun_is_no_content(nlp):
    assert quotes_of("The statement that the group issued on Monday was short.", nlp) == []


def test_report_nested_in_another_reports_content_is_left_to_it(nlp):
    text = "Pence added that Clinton had told police officials that she did not want the escort."
    (q,) = quotes_of(text, nlp)
    assert (q.speaker.text, q.cue) == ("Pence", "added")
    assert q.text == "that Clinton had told police officials that she did not want the escort"


def test_stance_verb_learned_from_train_reports_its_object(nlp):
    text = "Senator Sanders applauded the decision to raise the minimum wage."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.cue) == ("the decision to raise the minimum wage", "applauded")
    assert (q.speaker.text, q.role) == ("Sanders", "Senator")


def test_stance_noun_reports_what_its_preposition_governs(nlp):
    text = "Kasich avoided direct criticism of the trade deal with China."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.cue, q.speaker.text) == ("the trade deal with China", "criticism", "Kasich")


def test_stance_noun_with_another_preposition_reports_nothing(nlp):
    assert quotes_of("The criticism in the newspaper was mild.", nlp) == []


def test_passive_with_an_agent_reports_its_subject_for_the_agent(nlp):
    text = "The Democratic nominee was endorsed by the New York Times on Friday."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.cue) == ("The Democratic nominee", "endorsed")
    assert q.speaker.text.endswith("New York Times")


def test_respond_reports_what_it_responds_to(nlp):
    text = "Trump responded to the criticism of his tax plan."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.cue, q.speaker.text) == (
        "the criticism of his tax plan",
        "responded",
        "Trump",
    )


def test_the_one_asked_is_not_who_asked(nlp):
    text = "Asked about the border wall, Carson said it would be built within a year."
    asked, said = quotes_of(text, nlp)
    assert (asked.text, asked.cue, asked.speaker) == ("the border wall", "Asked", None)
    assert (said.text, said.speaker.text) == ("it would be built within a year", "Carson")


def test_claim_noun_speaker_after_by(nlp):
    text = "Officials dismissed claims by the Trump campaign that the vote was rigged."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.cue, q.speaker.text) == (
        "that the vote was rigged",
        "claims",
        "the Trump campaign",
    )


def test_a_finding_needs_someone_who_found_it():
    text = (
        "It is believed that the company lost millions in the crash. "
        "Researchers found that the drug cut deaths by half in older patients."
    )
    found = find_quotes(parse(text, load()))
    assert [(q.speaker.text if q.speaker else None, q.cue) for q in found] == [
        ("Researchers", "found")
    ]
    assert found[0].text.endswith("cut deaths by half in older patients")


def test_what_someone_finds_now_is_no_finding():
    text = (
        "Many voters find themselves in trouble at the end of the month. "
        "Graduates could find jobs that make good use of their education. "
        "The survey finds that most graduates are in debt."
    )
    found = find_quotes(parse(text, load()))
    assert [(q.cue, q.text) for q in found] == [("finds", "that most graduates are in debt")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Graham has acknowledged the reality of climate change, which makes him an outlier.",
            "the reality of climate change",
        ),
        (
            "Mr. Schultz said he did not support Mr. Trump, the presumed Putin favorite.",
            "he did not support Mr. Trump",
        ),
    ],
)
def test_an_aside_closing_the_content_is_no_part_of_it(nlp, text, content):
    (q,) = quotes_of(text, nlp)
    assert q.text == content


def test_a_report_inside_an_aside_stays_nested(nlp):
    text = "The DNC apologized to Sanders for the emails, which included staff members suggesting he was an atheist."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.speaker.text) == ("to Sanders for the emails", "DNC")


def test_an_aside_inside_the_content_stays(nlp):
    text = "Mr. Schultz said Mr. Trump, the presumed Putin favorite, would win."
    (q,) = quotes_of(text, nlp)
    assert q.text == "Mr. Trump, the presumed Putin favorite, would win"


def test_a_phrase_next_to_the_object_belongs_to_it(nlp):
    text = "Trump cited his own endorsements from 88 generals and admirals."
    (q,) = quotes_of(text, nlp)
    assert q.text == "his own endorsements from 88 generals and admirals"


def test_a_stance_nobody_holds_is_no_attribution(nlp):
    text = "Seeking more money for the program is a mistake."
    assert quotes_of(text, nlp) == []


def test_a_report_on_the_next_line_is_not_nested_in_this_one(nlp):
    # the parser runs the heading into the paragraph: "said" hangs off "warned"
    text = "The senator warned\n\nTrump has said that the United States cannot afford the risk."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.speaker.text) == ("that the United States cannot afford the risk", "Trump")


def test_a_verb_of_saying_learned_from_train_reports_its_object(nlp):
    (q,) = quotes_of("The governor touted his record on jobs.", nlp)
    assert (q.text, q.cue, q.speaker.text) == ("his record on jobs", "touted", "The governor")


def test_where_it_was_said_is_no_part_of_the_object(nlp):
    (q,) = quotes_of("Moscow denounced the annexation in an interview.", nlp)
    assert q.text == "the annexation"


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "Most farmers oppose the new trade agreement.",
            "the new trade agreement",
            "oppose",
            "Most farmers",
        ),
        (
            "The union has long supported the minimum wage bill.",
            "the minimum wage bill",
            "supported",
            "The union",
        ),
        (
            "The senator focused on the cost of health care.",
            "the cost of health care",
            "focused",
            "The senator",
        ),
    ],
)
def test_a_stance_verb_learned_from_train_reports_its_object(nlp, text, content, cue, speaker):
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.cue, q.speaker.text) == (content, cue, speaker)


def test_a_stance_noun_learned_from_train_reports_what_it_is_about(nlp):
    (q,) = quotes_of("Her attack on the governor's tax plan drew loud applause.", nlp)
    assert (q.text, q.cue, q.speaker.text) == ("the governor's tax plan", "attack", "Her")


def test_a_call_for_someone_to_act_reports_the_for_clause(nlp):
    text = "Ted Cruz, who won Oklahoma, is calling for some of his rivals to drop out."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.cue, q.speaker.text) == (
        "some of his rivals to drop out",
        "calling",
        "Ted Cruz",
    )


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
        assert quotes_of(f"{opener} officials disagreed.", nlp) == [], opener
    (q,) = quotes_of("He said that officials in the city disagreed with the plan.", nlp)
    assert q.cue == "said"


def test_a_clause_the_parser_hung_off_a_verb_of_saying_as_an_adverbial_is_reported(nlp):
    (q,) = quotes_of("Trump said after the convention he would not accept the endorsement.", nlp)
    assert (q.text, q.cue, q.speaker.text) == (
        "he would not accept the endorsement",
        "said",
        "Trump",
    )


def test_a_relative_clause_reports_what_follows_its_cue(nlp):
    (q,) = quotes_of("The plan includes tax cuts, which the senator said would help families.", nlp)
    assert (q.text, q.cue, q.speaker.text) == ("would help families", "said", "the senator")


def test_an_aside_that_reports_ends_the_content_before_it(nlp):
    text = (
        "Critics attacked the governor's budget plan, which she says will cut taxes for families."
    )
    attacked, says = quotes_of(text, nlp)
    assert (attacked.text, attacked.cue) == ("the governor's budget plan", "attacked")
    assert (says.text, says.speaker.text) == ("will cut taxes for families", "she")


def test_told_to_reports_the_one_told_and_what_to_do(nlp):
    (q,) = quotes_of("The mayor told his staff to cut the budget by a tenth.", nlp)
    assert (q.text, q.cue, q.speaker.text) == (
        "his staff to cut the budget by a tenth",
        "told",
        "The mayor",
    )


def test_a_that_clause_read_as_a_relative_clause_of_the_addressee_is_reported(nlp):
    (q,) = quotes_of(
        "He told a meeting of city leaders that few people understood the stakes.", nlp
    )
    assert (q.text, q.cue) == ("that few people understood the stakes", "told")


def test_a_phrase_with_no_verb_before_its_cue_is_reported(nlp):
    text = "Language unclear on whether single mothers are covered, experts say."
    (q,) = quotes_of(text, nlp)
    assert (q.text, q.cue, q.speaker.text) == (
        "Language unclear on whether single mothers are covered",
        "say",
        "experts",
    )
    (q,) = quotes_of("On Monday, he said the plan was dead.", nlp)
    assert q.text == "the plan was dead"


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "She wants to triple the size of the AmeriCorps program, grow the Peace Corps and "
            "create a new national service reserve program.",
            "to triple the size of the AmeriCorps program, grow the Peace Corps and create a new "
            "national service reserve program",
        ),
        (
            "Donald Trump has mentioned refinancing student loans and forcing universities to "
            "spend more from their endowments.",
            "refinancing student loans and forcing universities to spend more from their endowments",
        ),
        (
            "She started off by emphasizing economic fairness, and a need to raise the minimum wage.",
            "economic fairness, and a need to raise the minimum wage",
        ),
    ],
)
def test_a_coordinate_hung_off_the_cue_in_another_form_is_the_contents(nlp, text, content):
    """The parser hangs "grow", "forcing", "a need" off the verb above; their form cannot join
    it ("wants ... grow"), so they join the content."""
    (q,) = quotes_of(text, nlp)
    assert q.text == content


def test_a_coordinate_of_the_cues_own_form_is_not_the_contents(nlp):
    found = quotes_of("He wants to sell the house and wants to move to Spain.", nlp)
    assert [q.text for q in found] == ["to sell the house", "to move to Spain"]


def test_of_two_clauses_around_the_cue_the_one_after_is_its_content(nlp):
    """The parser hangs the clause of "acknowledged" off "noted" too: "noted" reports what
    follows it."""
    text = (
        "While he acknowledged funding was a major reason he felt demoralized, Ham also noted "
        "several “intangibles” left him further disillusioned."
    )
    found = [q for q in quotes_of(text, nlp) if q.cue == "noted"]
    assert [(q.kind, q.text) for q in found] == [
        ("mixed", "several “intangibles” left him further disillusioned")
    ]


def test_a_stance_noun_a_verb_makes_reports_for_the_verbs_subject(nlp):
    """ "expressed [concern about X]" reports X, as "repeated [his claim that X]" does."""
    (q,) = quotes_of("Voting rights advocates have expressed deep concern about the policy.", nlp)
    assert (q.text, q.speaker.text, q.cue) == ("the policy", "Voting rights advocates", "concern")


def test_a_time_after_the_cue_dates_the_saying_not_the_content(nlp):
    text = "Kestrel Micro said on Monday it would cut 400 jobs."
    (q,) = quotes_of(text, nlp)
    assert (q.speaker.text, q.cue, q.text) == ("Kestrel Micro", "said", "it would cut 400 jobs")


def test_a_stance_adjective_said_of_a_subject_reports_what_it_is_about(nlp):
    text = (
        "Graham has been critical of Trump since 2015. Investors are wary of the deal. "
        "Officials are concerned that the virus will spread. It was a critical moment."
    )
    found = [(q.speaker.text, q.cue, q.text) for q in quotes_of(text, nlp)]
    assert found == [
        ("Graham", "critical", "Trump"),
        ("Investors", "wary", "the deal"),
        ("Officials", "concerned", "that the virus will spread"),
    ]


def test_a_content_that_opens_a_quotation_closes_it(nlp):
    text = 'Professor Eriksen called the findings "sobering". He said more.'
    q = quotes_of(text, nlp)[0]
    assert (q.kind, q.text) == ("mixed", 'the findings "sobering"')


def test_a_clause_the_parser_hung_off_the_occasion_is_the_cues(nlp):
    text = (
        'He told analysts on a call that Blackwell production was "in full steam" and that '
        "supply would improve over the next several quarters."
    )
    (q,) = quotes_of(text, nlp)
    assert (q.kind, q.cue) == ("mixed", "told")
    assert q.text == 'that Blackwell production was "in full steam"'
