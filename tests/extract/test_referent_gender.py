"""Pronoun speakers agree in gender with the person they stand for."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.referent_gender import is_subject, person_genders, places_read_as_persons
from newsgraph.extract.referents import Referents
from newsgraph.nlp import load, parse, token_starts
from newsgraph.record import Entity, Span


def entity(eid: str, name: str, body: str, description: str | None = None) -> Entity:
    mentions, at = [], body.find(name)
    while at >= 0:
        mentions.append(Span(start=at, end=at + len(name), text=name))
        at = body.find(name, at + 1)
    return Entity(
        id=eid, key=name, name=name, type="PERSON", description=description, mentions=mentions
    )


TEXT = (
    "Mr. Burton opened the meeting on Monday. Anna Hale, the council's spokeswoman, "
    "listened.\n\n"
    "Then Burton left the room.\n\n"
    "She said the vote would wait."
)


def test_gender_from_honorific_and_title():
    ents = [entity("E1", "Burton", TEXT), entity("E2", "Anna Hale", TEXT, "spokeswoman")]
    assert person_genders(parse(TEXT, load()), ents) == {"E1": "m", "E2": "f"}


def test_gender_from_the_pronoun_after_a_subject_mention_not_from_an_object_pronoun():
    text = "Rita Moss said she would run. Kim Dunn scolded him."
    ents = [entity("E1", "Rita Moss", text), entity("E2", "Kim Dunn", text)]
    assert person_genders(parse(text, load()), ents) == {"E1": "f"}


def test_she_skips_the_nearer_man_across_paragraphs():
    ents = [entity("E1", "Burton", TEXT), entity("E2", "Anna Hale", TEXT, "spokeswoman")]
    refs = Referents(parse(TEXT, load()), ents)
    at = TEXT.index("She said")
    assert refs.resolve(at, at + 3) == "E2"


def test_a_person_with_no_evidence_takes_any_pronoun():
    text = "Kim Lee opened the meeting. He said the vote would wait."
    refs = Referents(parse(text, load()), [entity("E1", "Kim Lee", text)])
    at = text.index("He said")
    assert refs.resolve(at, at + 2) == "E1"


def test_a_given_name_outweighs_one_pronoun_after_a_mention_not_two():
    text = "Sarah Jones opened the meeting."
    assert person_genders(parse(text, load()), [entity("E1", "Sarah Jones", text)]) == {"E1": "f"}
    one = "Sarah Jones spoke first. He said the vote would wait."
    assert person_genders(parse(one, load()), [entity("E1", "Sarah Jones", one)]) == {"E1": "f"}
    two = "Sarah Jones said he would stay. Later Sarah Jones said he was tired."
    assert person_genders(parse(two, load()), [entity("E1", "Sarah Jones", two)]) == {"E1": "m"}


def test_she_skips_a_man_known_by_his_given_name():
    text = "Sarah Jones met John Brown on Monday. John Brown spoke first. She said the vote would wait."
    ents = [entity("E1", "Sarah Jones", text), entity("E2", "John Brown", text)]
    refs = Referents(parse(text, load()), ents)
    at = text.index("She said")
    assert refs.resolve(at, at + 3) == "E1"


def test_a_pronoun_after_who_is_another_persons_no_evidence():
    text = "Robin Moss spoke to the nominee, who began his speech."
    ents = [entity("E1", "Robin Moss", text)]
    assert person_genders(parse(text, load()), ents) == {}


def test_a_possessive_in_a_phrase_before_the_subject_is_evidence():
    text = "In her opening remarks, Ruth Kerr thanked the donors."
    ents = [entity("E1", "Ruth Kerr", text)]
    assert person_genders(parse(text, load()), ents) == {"E1": "f"}


def test_a_possessive_after_another_persons_mention_is_no_evidence():
    text = "With Dana Webb at her side, Casey Kerr thanked the donors."
    ents = [entity("E1", "Casey Kerr", text), entity("E2", "Dana Webb", text)]
    assert person_genders(parse(text, load()), ents) == {}


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    """A Doc with a given parse: the parser's mistakes, whatever the model does."""
    pos = {"NNP": "PROPN", "NN": "NOUN", "VBD": "VERB", "PRP": "PRON", "IN": "ADP"}
    return Doc(
        load().vocab,
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=[pos.get(t, "PUNCT") for t in tags],
        spaces=[
            w != "\n\n" and not (i + 1 < len(words) and words[i + 1] in ",.")
            for i, w in enumerate(words)
        ],
    )


def test_a_name_before_a_verb_the_parser_gave_a_heading_as_subject_is_its_subject():
    # "Exhibit\n\nKim Dunn, a major, admitted": the heading "Exhibit" parsed as the subject
    words = ["Exhibit", "\n\n", "Kim", "Dunn", ",", "a", "major", ",", "admitted", "it", "."]
    heads = [8, 0, 3, 0, 3, 6, 3, 8, 8, 8, 8]
    deps = [
        "nsubj",
        "dep",
        "compound",
        "dobj",
        "punct",
        "det",
        "appos",
        "punct",
        "ROOT",
        "dobj",
        "punct",
    ]
    tags = ["NN", "_SP", "NNP", "NNP", ",", "DT", "NN", ",", "VBD", "PRP", "."]
    doc = parsed(words, heads, deps, tags)
    dunn = doc[3]
    assert is_subject(doc, token_starts(doc), doc[2].idx, dunn.idx + len(dunn))
    assert not is_subject(doc, token_starts(doc), doc[9].idx, doc[9].idx + 2)


def test_the_holder_of_a_sentences_perspective_is_as_salient_as_its_subject():
    text = "For Kevin Rowe, the show was a triumph."
    doc = parse(text, load())
    at = text.index("Kevin Rowe")
    assert is_subject(doc, token_starts(doc), at, at + len("Kevin Rowe"))


def place(eid: str, name: str, body: str) -> Entity:
    return entity(eid, name, body).model_copy(update={"type": "GPE"})


def test_a_place_that_pronouns_show_to_be_a_woman_is_a_person():
    text = (
        "Valeska Paris joined the crew. Paris claims she was kept aboard. Paris also says "
        "that her passport was taken. Later she left the ship."
    )
    doc = parse(text, load())
    ents = [place("E1", "Paris", text)]
    assert places_read_as_persons(doc, ents) == {"E1": "f"}
    she = text.index("she left")
    assert Referents(doc, ents).resolve(she, she + 3) == "E1"


def test_a_place_written_as_one_is_no_person():
    text = (
        "Paris claims she was kept aboard. Paris also says that her passport was taken. "
        "She flew in from Paris."
    )
    assert places_read_as_persons(parse(text, load()), [place("E1", "Paris", text)]) == {}


def test_a_mention_inside_quote_marks_is_no_evidence():
    text = "“Robin Moss will win,” he said."
    doc = parse(text, load())
    quoted = [t.idx <= text.index("”") for t in doc]
    assert person_genders(doc, [entity("E1", "Robin Moss", text)], quoted) == {}


def test_todays_given_names_have_a_gender():
    text = (
        "Greta Lund met Quentin Moss on Monday. Quentin Moss spoke first. She said it would wait."
    )
    ents = [entity("E1", "Greta Lund", text), entity("E2", "Quentin Moss", text)]
    assert person_genders(parse(text, load()), ents) == {"E1": "f", "E2": "m"}
    refs = Referents(parse(text, load()), ents)
    at = text.index("She said")
    assert refs.resolve(at, at + 3) == "E1"
