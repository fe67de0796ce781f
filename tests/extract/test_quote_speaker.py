"""A speaker is someone or something that can say things; otherwise the search goes on, or stops."""

from __future__ import annotations

import pytest

from newsgraph.extract.quote_speaker import can_speak
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
