"""Verbatim fragments of quotes; an interrupted quotation is one quote."""

from __future__ import annotations

from newsgraph.extract.quotes import find_quotes
from newsgraph.nlp import load, parse
from newsgraph.record import Quote


def quotes_of(text: str) -> list[Quote]:
    return find_quotes(parse(text, load()))


def test_an_interrupted_quotation_is_one_quote_with_two_fragments():
    text = "“We will rebuild,” she said, “and we will do it this year.”"
    (q,) = quotes_of(text)
    assert q.kind == "direct" and q.speaker.text == "she"
    assert [f.text for f in q.fragments] == ["We will rebuild,", "and we will do it this year."]
    assert all(text[f.start : f.end] == f.text for f in q.fragments)
    assert text[q.start : q.end] == q.text
    assert text[q.cue_start : q.cue_end] == "said"


def test_a_second_verb_of_saying_between_the_parts_makes_two_quotes():
    text = (
        "“We will rebuild,” the mayor said, adding that “the old town will be first.”\n\n"
        "“Rates will rise,” she said, before asking, “Who will pay?”"
    )
    found = [(q.text, q.cue, q.speaker.text) for q in quotes_of(text)]
    assert found == [
        ("We will rebuild,", "said", "the mayor"),
        ("the old town will be first.", "adding", "the mayor"),
        ("Rates will rise,", "said", "she"),
        ("Who will pay?", "asking", "she"),
    ]


def test_two_sentences_around_a_cue_stay_two_quotes():
    text = "“We will rebuild,” she said. “We will do it this year.”"
    assert [[f.text for f in q.fragments] for q in quotes_of(text)] == [
        ["We will rebuild,"],
        ["We will do it this year."],
    ]


def test_a_mixed_quote_exposes_its_verbatim_words():
    text = "The mayor called the flood “a catastrophe for the old town” and promised help."
    (q,) = quotes_of(text)
    assert q.kind == "mixed"
    assert [f.text for f in q.fragments] == ["a catastrophe for the old town"]


def test_an_indirect_quote_has_no_fragments():
    text = "The mayor said that the council would meet on Friday to agree on the repairs."
    (q,) = quotes_of(text)
    assert (q.kind, q.fragments) == ("indirect", [])
