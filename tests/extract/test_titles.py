"""One title lexicon and one split: an entity's description and a quote's role agree."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph import Options
from newsgraph.extract.titles import (
    is_honorific,
    is_title_head,
    is_title_word,
    split_title,
    title_words,
)
from newsgraph.nlp import load, parse


def test_one_lexicon_holds_heads_modifiers_and_honorifics():
    assert {"ambassador", "mp", "nominee", "pollster", "dr."} <= title_words()
    assert is_title_head("Ambassador") and is_title_head("MP")
    assert is_title_word("former") and not is_title_head("former")
    assert is_honorific("Mr.") and not is_honorific("Senator")


@pytest.mark.parametrize(
    ("text", "phrase", "name", "role"),
    [
        ("Azerbaijani MP Rasim Musabeyli spoke.", "Rasim Musabeyli", "Rasim", "Azerbaijani MP"),
        (
            "Israel’s Ambassador to Azerbaijan George Deek spoke.",
            "George Deek",
            "George",
            "Israel’s Ambassador to Azerbaijan",
        ),
        ("Mr. Obama spoke.", "Obama", "Obama", None),
        ("Detective Inspector Claire Moss spoke.", "Claire Moss", "Claire", "Detective Inspector"),
        ("Prosecutor Anna Whitfield spoke.", "Anna Whitfield", "Anna", "Prosecutor"),
        ("Opposition leader Rahul Gandhi spoke.", "Rahul Gandhi", "Rahul", "Opposition leader"),
        ("Chief Executive Jensen Huang spoke.", "Jensen Huang", "Jensen", "Chief Executive"),
        (
            "Chief Financial Officer Colette Kress spoke.",
            "Colette Kress",
            "Colette",
            "Chief Financial Officer",
        ),
        ("The New York Times reported it.", "New York Times", "New", None),
        (
            "Work and Pensions Secretary Liz Kendall spoke.",
            "Liz Kendall",
            "Liz",
            "Work and Pensions Secretary",
        ),
        ("Shadow chancellor Mel Stride spoke.", "Mel Stride", "Mel", "Shadow chancellor"),
        ("Yesterday Senator John Smith spoke.", "John Smith", "John", "Senator"),
    ],
)
def test_split_title(text, phrase, name, role):
    doc = parse(text, load())
    span = doc.char_span(text.index(phrase), text.index(phrase) + len(phrase))
    split = split_title(doc, span.start, span.end, 0)
    assert (doc[split.name_start].text, split.role) == (name, role)


@pytest.mark.parametrize(
    "text",
    [
        "As Azerbaijani MP Rasim Musabeyli told the Voice of America: “We strongly condemn the attacks.”",
        "Israel’s Ambassador to Azerbaijan George Deek tweeted: “Thank you to the people of Baku.”",
        "“We will win the state,” Democratic pollster Pat Caddell said on Monday.",
    ],
)
def test_entity_description_and_quote_role_agree(text):
    art = newsgraph.extract(text, clean=False, options=Options(annotators=("entities", "quotes")))
    (q,) = art.quotes
    assert q.role is not None
    assert art.entity(q.speaker.entity).description == q.role
