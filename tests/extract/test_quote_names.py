"""Quoted titles, names and scare quotes are no quotations."""

from __future__ import annotations

from newsgraph.extract.quotes import find_quotes
from newsgraph.nlp import load, parse
from newsgraph.record import Quote


def quotes_of(text: str) -> list[Quote]:
    return find_quotes(parse(text, load()))


def test_a_long_film_title_is_no_quote_and_no_one_speaks_it():
    text = 'Critics praised the film "Once Upon A Time in Hollywood," which opened last week.'
    assert not [q for q in quotes_of(text) if q.kind == "direct"]


def test_a_title_after_a_title_noun_or_watch_is_no_quote():
    text = (
        'She watched "The Crown" every night. '
        'The series "Succession Of The Roy Family Empire Again" ended in May. '
        'The album, titled "Folklore," was released in July.'
    )
    assert quotes_of(text) == []


def test_scare_quotes_are_no_quotes():
    text = 'The so-called "experts" were wrong, and those "reforms" failed.'
    assert quotes_of(text) == []


def test_a_passive_agent_in_quote_marks_is_no_speaker():
    text = 'The prize went to Mendes. It was followed by "1917," a war drama.'
    assert all(q.speaker is None or q.speaker.text != "1917" for q in quotes_of(text))


def test_a_short_quote_with_a_verb_of_saying_stays():
    text = '"Absolutely not," the minister said.'
    (q,) = quotes_of(text)
    assert (q.kind, q.speaker.text) == ("direct", "the minister")


def test_a_title_case_sentence_said_by_someone_stays():
    text = 'He told the crowd: "We Will Win This Fight Together In November And Beyond."'
    (q,) = quotes_of(text)
    assert q.speaker.text == "He"
