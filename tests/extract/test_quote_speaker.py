"""A speaker is someone or something that can say things; otherwise the search goes on, or stops."""

from __future__ import annotations

import pytest

from newsgraph.extract.quote_speaker import balanced_role, can_speak, describe_speaker
from newsgraph.extract.quotes import find_quotes
from newsgraph.nlp import load, parse
from newsgraph.record import Quote


def quotes_of(text: str) -> list[Quote]:
    return find_quotes(parse(text, load()))


def speakers(text: str) -> list[str | None]:
    return [q.speaker.text if q.speaker else None for q in quotes_of(text)]


def test_that_said_is_no_speaker_and_the_search_goes_on():
    text = '"We will keep fighting for every vote in this state," That said, the senator told reporters.'
    assert speakers(text) == ["the senator"]


def test_a_year_is_no_speaker():
    text = 'Last year saw "a remarkable increase in the number of people leaving the country."'
    assert speakers(text) == [None]


def test_a_measure_is_no_speaker():
    text = "The size of its empire shows that the company had grown too fast for its managers."
    assert all(s is None or "size" not in s for s in speakers(text))


def test_it_with_no_antecedent_is_no_speaker():
    text = "It is worth noting that the bridge was closed for repairs in the spring."
    assert all(s is None for s in speakers(text))


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The spokesman said the talks had failed.", "spokesman", True),
        ("Researchers found that the drug cut deaths.", "Researchers", True),
        ("The report said the river had flooded.", "report", True),
        ("A majority of voters said they were undecided.", "majority", True),
        ("The soil showed that the crop had failed.", "soil", False),
        ("Those close to him say he will run.", "Those", True),
        ("That said, the plan is dead.", "That", False),
    ],
)
def test_can_speak(sentence: str, word: str, expected: bool):
    doc = parse(sentence, load())
    tok = next(t for t in doc if t.text == word)
    assert can_speak(tok) is expected


def only_quote(text: str) -> Quote:
    (q,) = quotes_of(text)
    return q


def test_a_party_name_stays_whole_in_the_role():
    q = only_quote('"We will not back this budget," Liberal Democrats leader Ed Davey said.')
    assert (q.speaker.text, q.role) == ("Ed Davey", "Liberal Democrats leader")


def test_a_party_name_stays_whole_as_the_speaker():
    q = only_quote('"The country deserves better," said the Liberal Democrats.')
    assert q.speaker.text.endswith("Liberal Democrats")


def test_hyphenated_words_are_never_cut():
    q = only_quote('"This is a disaster for the town," said co-chair Anne Waller-Smith.')
    assert (q.speaker.text, q.role) == ("Anne Waller-Smith", "co-chair")
    q = only_quote('"This is a disaster," said Anne Waller-Smith, co-founder of the group.')
    assert q.speaker.text == "Anne Waller-Smith"
    assert q.role.startswith("co-founder")


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            '"The ocean is warming faster than we thought," said Professor Lars Eriksen of '
            "the University of Bergen.",
            "Lars Eriksen",
            "Professor of the University of Bergen",
        ),
        (
            "Ross Eisenbrey of the Economic Policy Institute said it was a big deal.",
            "Ross Eisenbrey",
            "the Economic Policy Institute",
        ),
        # a place after a name is no workplace; a title's own "of" stays with it
        (
            "The Duke of Edinburgh said he was pleased with the visit.",
            "The Duke of Edinburgh",
            None,
        ),
    ],
)
def test_a_workplace_after_a_full_name_is_the_role(text: str, speaker: str, role: str | None):
    q = only_quote(text)
    assert (q.speaker.text, q.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "The council's planning officer, Mark Danforth, told the committee that the site "
            "was allocated for housing.",
            "Mark Danforth",
            "The council's planning officer",
        ),
        ("Cllr Pat Marsh said the decision was a betrayal.", "Pat Marsh", "Cllr"),
        ("Chicago Alderman Jason Ervin said people were angry.", "Jason Ervin", "Chicago Alderman"),
    ],
)
def test_a_role_before_the_name(text: str, speaker: str, role: str):
    q = only_quote(text)
    assert (q.speaker.text, q.role) == (speaker, role)


def test_a_speaker_never_ends_in_an_open_bracket():
    q = only_quote(
        "The ice covered 16.9 million square kilometres, according to the US National Snow "
        "and Ice Data Center (NSIDC) in Boulder."
    )
    assert q.speaker.text.endswith("(NSIDC)")


def test_a_role_never_ends_in_an_open_bracket():
    q = only_quote('"Prices will rise," said Mark Carney, Governor of the Bank of England (BoE).')
    assert q.role == "Governor of the Bank of England (BoE)"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Governor of the Bank (", "Governor of the Bank"),
        ("R-Ky.)", "R-Ky."),
        ("25", None),
        ("“We will win", None),
        ("the campaign’s press secretary\n\n", "the campaign’s press secretary"),
    ],
)
def test_balanced_role(text: str, role: str | None):
    assert balanced_role(text) == role


def test_a_dash_between_words_is_no_hyphen():
    text = (
        "The transcript of the debate–published by the Post–shows that the senator "
        "talked about reform."
    )
    assert all(s is None or not s.endswith("shows") for s in speakers(text))


def test_a_name_after_of_is_no_appositive_and_stays_whole():
    text = 'Family of Theresa May say they are "heartbroken by the loss of a loved one".'
    (q,) = quotes_of(text)
    assert (q.speaker.text, q.role) == ("Family of Theresa May", None)


def test_a_name_right_after_a_common_noun_is_the_speaker_and_the_noun_its_role():
    text = "The secularist magazine MicroMega said the ruling was historic."
    doc = parse(text, load())
    q = find_quotes(doc)
    assert [x.speaker.text for x in q] == ["The secularist magazine MicroMega"]
    assert q[0].role == "secularist magazine"


def test_a_time_is_no_part_of_the_speaker():
    text = "An arbitration panel in 2001 found that the United States was in breach of the deal."
    assert speakers(text) == ["An arbitration panel"]


@pytest.mark.parametrize(
    ("text", "refers_to"),
    [
        (
            "Also, a candidate who says she belongs to no party, Maria Lopez of the harbour "
            "district, won the seat.",
            "Lopez",
        ),
        ("An architect who said the tower was unsafe resigned.", "architect"),
        ("Senator Ann Bell (D-Maine), who has pushed for new rules, spoke.", "Bell"),
    ],
)
def test_a_relative_pronoun_refers_to_the_name_set_off_after_its_noun(text: str, refers_to: str):
    doc = parse(text, load())
    who = next(t for t in doc if t.lower_ == "who")
    head = describe_speaker(who).head
    assert text[head : head + len(refers_to)] == refers_to


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('Erik ten Hag was pleased. "We played well today," ten Hag told reporters.', "ten Hag"),
        ("Ten Hag said the team had improved.", "Ten Hag"),
        ('"It is over," said de Blasio.', "de Blasio"),
    ],
)
def test_a_surname_keeps_its_lowercase_particle(text, speaker):
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (  # the recogniser types the centre an event ("Hurricane"): it still speaks
            "The hurricane is expected to bring a life-threatening storm surge, "
            "the U.S. National Hurricane Center in Miami said.",
            "The hurricane is expected to bring a life-threatening storm surge",
            "the U.S. National Hurricane Center in Miami",
        ),
        (  # the parser takes "Tampa" from "near" as the subject, the centre its appositive
            "The storm is forecast to make landfall near Tampa, "
            "the National Hurricane Center in Miami said in an advisory.",
            "The storm is forecast to make landfall near Tampa",
            "the National Hurricane Center in Miami",
        ),
        (  # the parser takes the prefecture as the subject: it ends the place, not the report
            "Toyota will spend 450 billion yen on a plant in Kitakyushu, Fukuoka prefecture, "
            "the world's largest carmaker said on Thursday.",
            "Toyota will spend 450 billion yen on a plant in Kitakyushu, Fukuoka prefecture",
            "the world's largest carmaker",
        ),
    ],
)
def test_an_organisation_reporting_after_its_report(text, content, speaker):
    (q,) = quotes_of(text)
    assert (q.text, q.speaker.text) == (content, speaker)


def test_a_relative_that_is_no_part_of_the_speaker():
    text = (
        "The governor signed a bill Friday that raises the minimum wage, a move that "
        "restaurant owners in Chicago and Peoria warned would force layoffs."
    )
    assert "restaurant owners in Chicago and Peoria" in speakers(text)


def test_a_speaker_never_ends_with_a_preposition():
    quotes = quotes_of(
        '"The economy has a weakening bent to it," said Bill Sullivan of Dean Witter Reynolds '
        'Inc. "It will not last."'
    )
    assert quotes and all(not (q.speaker and q.speaker.text.endswith(" of")) for q in quotes)


def test_the_town_a_company_is_based_in_is_not_the_speaker():
    text = "The Santa Clara, California-based company said it would cut 500 jobs."
    [speaker] = speakers(text)
    assert speaker is not None and speaker.endswith("company")


def test_a_paragraph_after_a_finished_sentence_is_not_run_into_it():
    text = (
        '"The market has been waiting for this for weeks," said Donald Maude of Midland '
        "Montagu Capital Markets Inc.\n\nMaude pointed out that the cut had been expected."
    )
    found = quotes_of(text)
    assert [q.text for q in found][0].startswith("The market")
    assert found[0].speaker is not None and "Donald Maude" in found[0].speaker.text
    assert not any("Donald Maude" in q.text for q in found)


@pytest.mark.parametrize(
    "text, speaker, role",
    [
        (
            "BYD opened a showroom. Its chairman Wang Chuanfu said in October that Japan "
            "was a market it respected.",
            "Wang Chuanfu",
            "Its chairman",
        ),
        (
            "The company's chief executive Mary Barra said on Tuesday that sales rose.",
            "Mary Barra",
            "The company's chief executive",
        ),
    ],
)
def test_a_post_right_before_a_name_is_its_role(text, speaker, role):
    """The parser hangs the name off the post ("chairman" the subject, the name its
    appositive, with no comma between): the name speaks, the post is its role."""
    (q,) = quotes_of(text)
    assert (q.speaker.text, q.role) == (speaker, role)
