"""Which entity a phrase refers to: a mention it holds, a pronoun, a title or a group noun."""

from __future__ import annotations

import pytest

from newsgraph.extract.referents import Referents, form_of, head_word
from newsgraph.nlp import load, parse
from newsgraph.record import Entity, Span


def entity(eid: str, name: str, type_: str, body: str, description: str | None = None) -> Entity:
    """An entity with a mention at every occurrence of its name in body."""
    mentions, at = [], body.find(name)
    while at >= 0:
        mentions.append(Span(start=at, end=at + len(name), text=name))
        at = body.find(name, at + 1)
    return Entity(
        id=eid, key=name.lower(), name=name, type=type_, description=description, mentions=mentions
    )


def referents(text: str, *entities: tuple, quoted: list[bool] | None = None) -> Referents:
    doc = parse(text, load())
    ents = [entity(*e, text) if len(e) == 3 else entity(*e[:3], text, e[3]) for e in entities]
    return Referents(doc, ents, quoted or ())


def span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(phrase, at + 1)
    return at, at + len(phrase)


def test_a_phrase_holding_a_mention_is_that_entity():
    text = "Azerbaijani MP Rasim Musabeyli spoke on Monday. Musabeyli left early."
    refs = referents(text, ("E1", "Rasim Musabeyli", "PERSON"), ("E2", "Musabeyli", "PERSON"))
    assert refs.resolve(*span(text, "Rasim Musabeyli")) == "E1"
    assert refs.resolve(*span(text, "Musabeyli", 1)) == "E2"


def test_pronouns_take_the_latest_entity_of_their_kind():
    text = "Jane Porter visited the Ministry of Health. She praised it. They thanked her."
    refs = referents(text, ("E1", "Jane Porter", "PERSON"), ("E2", "Ministry of Health", "ORG"))
    assert refs.resolve(*span(text, "She")) == "E1"
    assert refs.resolve(*span(text, "They")) == "E2"


def test_a_recent_subject_wins_over_a_more_recent_object():
    text = "Robin Porter met Casey Smith on Monday. He said little."
    refs = referents(text, ("E1", "Robin Porter", "PERSON"), ("E2", "Casey Smith", "PERSON"))
    assert refs.resolve(*span(text, "He")) == "E1"


def test_a_title_finds_the_person_it_describes():
    text = "Jane Porter met John Smith on Monday. The ambassador said little."
    refs = referents(
        text, ("E1", "Jane Porter", "PERSON", "ambassador"), ("E2", "John Smith", "PERSON")
    )
    assert refs.resolve(*span(text, "The ambassador")) == "E1"


def test_a_group_noun_finds_the_latest_organisation():
    text = "Acme Corp hired Jane Porter. The company said she starts soon."
    refs = referents(text, ("E1", "Acme Corp", "ORG"), ("E2", "Jane Porter", "PERSON"))
    assert refs.resolve(*span(text, "The company")) == "E1"


def test_a_group_noun_with_its_own_group_named_in_it_is_that_group():
    text = "Norway hosted the talks. The Croatian government said it would send aid."
    refs = referents(text, ("E1", "Norway", "GPE"), ("E2", "Croatian", "NORP"))
    assert refs.resolve(*span(text, "The Croatian government")) == "E2"
    plain = "Norway hosted the talks. The government said it would send aid."
    refs = referents(plain, ("E1", "Norway", "GPE"))
    assert refs.resolve(*span(plain, "The government")) == "E1"


def test_mentions_inside_quote_marks_are_no_referents():
    text = "“Robin Porter is wrong,” he said."
    doc = parse(text, load())
    quoted = [t.idx < text.index("”") + 1 for t in doc]
    refs = Referents(doc, [entity("E1", "Robin Porter", "PERSON", text)], quoted)
    assert refs.resolve(*span(text, "he")) is None
    assert (
        Referents(doc, [entity("E1", "Robin Porter", "PERSON", text)]).resolve(*span(text, "he"))
        == "E1"
    )


def test_nothing_to_refer_to():
    text = "He said little about the plan."
    assert referents(text).resolve(*span(text, "He")) is None


def test_the_lookback_windows_bound_the_search():
    text = "Jane Porter arrived. " + "The rain fell. " * 20 + "She spoke."
    doc = parse(text, load())
    ents = [entity("E1", "Jane Porter", "PERSON", text)]
    she = span(text, "She")
    assert Referents(doc, ents).resolve(*she) == "E1"
    assert Referents(doc, ents, lookback=50, reach=100).resolve(*she) is None


@pytest.mark.parametrize(
    ("word", "form"),
    [("he", "pronoun"), ("they", "pronoun"), ("ambassador", "nominal"), ("ministry", "nominal")]
    + [("porter", "name")],
)
def test_form_of_a_head_word(word, form):
    assert form_of(word) == form


def test_head_word_is_lower_case_without_trailing_punctuation():
    assert head_word("said the Ambassador, loudly", 9) == "ambassador"


def test_a_surname_the_recogniser_missed_still_refers_to_its_person():
    text = (
        "Mark Rathbun wrote about the case on his blog. Later Rathbun asked Tom Devocht for "
        "money. He said the trial would be long."
    )
    doc = parse(text, load())
    rathbun = entity("E1", "Mark Rathbun", "PERSON", text)  # the bare surname is no mention
    devocht = entity("E2", "Tom Devocht", "PERSON", text)
    assert Referents(doc, [rathbun, devocht]).resolve(*span(text, "He")) == "E1"


def test_a_surname_two_people_share_is_nobodys():
    text = "The court heard Anna Hale and Tom Hale. Later Hale asked Tom Devocht for money. He said no."
    doc = parse(text, load())
    ents = [entity("E1", "Anna Hale", "PERSON", text), entity("E2", "Tom Hale", "PERSON", text)]
    ents.append(entity("E3", "Tom Devocht", "PERSON", text))
    assert Referents(doc, ents).resolve(*span(text, "He")) == "E3"


def test_they_after_a_plural_common_noun_subject_is_no_named_group():
    text = (
        "Acme Corp paid for the study. The researchers found high levels of lead in the water. "
        "They say the pipes must be replaced."
    )
    refs = referents(text, ("E1", "Acme Corp", "ORG"))
    assert refs.resolve(*span(text, "They")) is None
    named = (
        "The researchers at Acme Corp found high levels of lead. Acme Corp said more. They say so."
    )
    assert referents(named, ("E1", "Acme Corp", "ORG")).resolve(*span(named, "They")) == "E1"


def test_the_report_is_the_study_last_named():
    text = (
        "The National Nutrition Study was published on Monday by Acme Corp. "
        "The report says that children lack iodine."
    )
    refs = referents(text, ("E1", "National Nutrition Study", "ORG"), ("E2", "Acme Corp", "ORG"))
    assert refs.resolve(*span(text, "The report")) == "E1"
    assert (
        referents("The report says little.").resolve(*span("The report says little.", "The report"))
        is None
    )


def test_an_organisation_noun_skips_a_nationality_for_the_last_organisation():
    text = (
        "Acme Corp ran the contest. "
        + "The rain fell. " * 5
        + "The Afghan team won. The organization said it was proud."
    )
    doc = parse(text, load())
    ents = [entity("E1", "Acme Corp", "ORG", text), entity("E2", "Afghan", "NORP", text)]
    refs = Referents(doc, ents, lookback=50)
    assert refs.resolve(*span(text, "The organization")) == "E1"
    assert refs.resolve(*span(text, "The organization"), form="nominal") == "E1"


def test_a_title_is_the_person_last_described_with_it_before_a_nearer_subject():
    text = "Health Minister Jane Porter opened the clinic. John Smith spoke next. The minister said little."
    refs = referents(
        text, ("E1", "Jane Porter", "PERSON", "Health Minister"), ("E2", "John Smith", "PERSON")
    )
    assert refs.resolve(*span(text, "The minister")) == "E1"


def test_a_resolved_pronoun_carries_its_person_to_the_next_one():
    text = (
        "John Smith arrived at noon. " + "The rain fell. " * 6 + "He said the deal was done. "
        "The talks with Tom Brown were over. He added that he would rest."
    )
    doc = parse(text, load())
    ents = [entity("E1", "John Smith", "PERSON", text), entity("E2", "Tom Brown", "PERSON", text)]
    refs = Referents(doc, ents, lookback=100)
    assert refs.resolve(*span(text, "He")) == "E1"
    assert refs.resolve(*span(text, "He", 1)) == "E1"
    fresh = Referents(doc, ents, lookback=100)  # without the first pronoun, the nearer person
    assert fresh.resolve(*span(text, "He", 1)) == "E2"


def test_they_after_several_coordinated_subjects_is_no_single_entity():
    text = (
        "Acme Corp hired them. Jane Porter and John Smith said the deal was fair. They added more."
    )
    refs = referents(
        text,
        ("E1", "Acme Corp", "ORG"),
        ("E2", "Jane Porter", "PERSON"),
        ("E3", "John Smith", "PERSON"),
    )
    assert refs.resolve(*span(text, "They")) is None


def test_a_possessor_in_an_embedded_clause_is_no_subject():
    text = "Rita Moss laughed. Kim said the Polaroid's front flash looked odd. Later she left."
    refs = referents(text, ("E1", "Rita Moss", "PERSON"), ("E2", "Polaroid", "PERSON"))
    assert refs.resolve(*span(text, "she")) == "E1"


def test_the_possessor_of_a_main_clauses_subject_is_as_salient_as_it():
    text = "Ann Bell met the press. Mr. Cole's tone seemed calm. He left early."
    refs = referents(text, ("E1", "Ann Bell", "PERSON"), ("E2", "Cole", "PERSON"))
    assert refs.resolve(*span(text, "He")) == "E2"


def test_a_speaker_is_not_whom_the_quotation_names():
    text = (
        "For Kevin Rowe, a teacher, Pablo Picasso was a legend. "
        "He said, “Pablo Picasso changed everything. He is a giant.”"
    )
    doc = parse(text, load())
    quoted = [t.idx >= text.index("“") for t in doc]
    rowe, picasso = (
        entity("E1", "Kevin Rowe", "PERSON", text),
        entity("E2", "Pablo Picasso", "PERSON", text),
    )
    assert Referents(doc, [rowe, picasso], quoted).resolve(*span(text, "He")) == "E1"
    assert Referents(doc, [rowe, picasso]).resolve(*span(text, "He")) == "E2"


def test_a_nominal_is_the_group_last_named_as_its_modifier():
    text = (
        "Critics of the Liberal government met Acme Corp on Monday. "
        "Acme Corp said the talks went well. The government said nothing."
    )
    refs = referents(text, ("E1", "Liberal", "NORP"), ("E2", "Acme Corp", "ORG"))
    assert refs.resolve(*span(text, "The government")) == "E1"


def test_a_thing_is_the_organisations_last_named_as_its_modifier_not_a_nationalitys():
    text = (
        "An Acme Corp memo and a Syrian memo were found. The memo warned of delays. "
        "The Syrian team left."
    )
    refs = referents(text, ("E1", "Acme Corp", "ORG"), ("E2", "Syrian", "NORP"))
    memo, team = span(text, "The memo"), span(text, "The Syrian team")
    assert refs.resolve(*memo, form="nominal") == "E1"
    assert refs.resolve(*team, head=text.index("team"), form="nominal") is None


def test_a_group_speaker_may_name_itself_in_its_quotation():
    text = "Acme Corp met the union. “Acme Corp will keep every job,” they said."
    doc = parse(text, load())
    quoted = [text.index("“") <= t.idx <= text.index("”") for t in doc]
    refs = Referents(doc, [entity("E1", "Acme Corp", "ORG", text)], quoted)
    assert refs.resolve(*span(text, "they")) == "E1"


def test_an_indefinite_nominal_names_no_earlier_one():
    text = "An Acme Corp memo was found on Monday. A memo warned of delays."
    refs = referents(text, ("E1", "Acme Corp", "ORG"))
    assert (
        refs.resolve(*span(text, "A memo"), head=text.index("memo warned"), form="nominal") is None
    )
