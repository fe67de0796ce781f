"""Each attribution strategy alone: it finds its kind of speaker, and the others stay silent."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph import Options
from newsgraph.errors import NewsgraphError
from newsgraph.extract.quote_context import DirectQuote, Found, QuoteText
from newsgraph.extract.quote_marks import find_marked_quotes
from newsgraph.extract.quote_settings import STRATEGY_NAMES, QuoteSettings
from newsgraph.extract.quote_speaker import Attribution
from newsgraph.extract.quote_strategies import NOBODY, STRATEGIES, attribute
from newsgraph.extract.quotes import find_quotes
from newsgraph.nlp import load, parse


def around(text: str, k: int = 0) -> DirectQuote:
    """The k-th marked quote of text, with what the strategies read around it."""
    marked = find_marked_quotes(text)
    quotes = QuoteText(parse(text, load()), marked, QuoteSettings())
    prev_end = marked[k - 1].end if k else 0
    next_start = marked[k + 1].start if k + 1 < len(marked) else len(text)
    return DirectQuote(quotes, marked[k], prev_end, next_start)


def speaker_text(q: DirectQuote, att: Attribution) -> str:
    start, end = att.speaker
    return q.text.body[start:end]


# (strategy, text, which quote, speaker it finds)
EXAMPLES = [
    ("verb_subject", "“We will rebuild the harbour,” the mayor said.", 0, "the mayor"),
    ("dash", "“We will rebuild the harbour.” — John Smith, mayor of Leeds", 0, "John Smith"),
    ("lead_in", "From the Ministry of Defence: “The border is calm tonight.”", 0, "Ministry"),
    ("line_before", "Caddell continued:\n“We have the votes and we will win.”", 0, "Caddell"),
    ("headline_label", "Pence: “We will win.” “They will lose the debate.”", 1, "Pence"),
    (
        "governing_verb",
        "Clinton called half of his supporters “deplorables” at a fundraiser.",
        0,
        "Clinton",
    ),
]


def test_every_strategy_is_named_in_the_settings():
    assert tuple(STRATEGIES) == STRATEGY_NAMES
    assert QuoteSettings().strategies == STRATEGY_NAMES
    assert all(STRATEGIES[name].__doc__ for name in STRATEGY_NAMES)


@pytest.mark.parametrize(("name", "text", "k", "speaker"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_strategy_attributes_its_quote_alone(name, text, k, speaker):
    q = around(text, k)
    att = STRATEGIES[name](q)
    assert isinstance(att, Attribution)
    assert speaker in speaker_text(q, att)
    others = [n for n in STRATEGY_NAMES if n != name and isinstance(STRATEGIES[n](q), Attribution)]
    assert others == []
    assert attribute(q, (name,)) == att


def test_governing_verb_makes_a_mixed_quote_of_its_clause():
    q = around(EXAMPLES[-1][1])
    att = STRATEGIES["governing_verb"](q)
    start, end = att.content
    assert q.text.body[start:end].startswith("half of his supporters “deplorables”")


def test_previous_quote_passes_on_the_speaker_within_the_window():
    q = around("The mayor spoke at length.\n“We are ready for the storm.”")
    assert STRATEGIES["previous_quote"](q) is None  # nothing before it is attributed
    said = Attribution(speaker=(0, 9), head=4, form="nominal", role="host", cue="spoke")
    q.previous = Found(0, 26, "indirect", said, line=0)
    att = STRATEGIES["previous_quote"](q)
    assert (att.speaker, att.head, att.form, att.role, att.cue) == (
        (0, 9),
        4,
        "nominal",
        "host",
        None,
    )
    q.previous = Found(0, 26, "indirect", said, line=-5)
    assert STRATEGIES["previous_quote"](q) is None


def test_previous_quote_in_the_annotator():
    text = "“We will rebuild the harbour,” the mayor said. “It will take a year.”"
    doc = parse(text, load())
    both = find_quotes(doc, settings=QuoteSettings(strategies=("verb_subject", "previous_quote")))
    alone = find_quotes(doc, settings=QuoteSettings(strategies=("verb_subject",)))
    assert [q.speaker.text for q in both] == ["the mayor", "the mayor"]
    assert [q.speaker and q.speaker.text for q in alone] == ["the mayor", None]


def test_a_recognised_pattern_with_no_speaker_stops_the_search():
    q = around("Pence: “We will win.” “They will lose the debate.” — !!!", 1)
    assert STRATEGIES["dash"](q) is NOBODY  # a dash, but no name after it
    assert attribute(q, STRATEGY_NAMES) is None
    later = attribute(q, [n for n in STRATEGY_NAMES if n != "dash"])
    assert speaker_text(q, later) == "Pence"


def test_no_strategy_no_speaker():
    text = "“We will rebuild the harbour,” the mayor said."
    (q,) = find_quotes(parse(text, load()), settings=QuoteSettings(strategies=()))
    assert q.speaker is None and q.cue is None


def test_strategies_are_chosen_through_options():
    text = "Caddell continued:\n“We have the votes and we will win.”"
    on = newsgraph.extract(text, clean=False, options=Options(annotators=("entities", "quotes")))
    off = newsgraph.extract(
        text,
        clean=False,
        options=Options(
            annotators=("entities", "quotes"),
            settings={"quotes": {"strategies": ["verb_subject", "dash"]}},
        ),
    )
    assert "Caddell" in on.quotes[0].speaker.text
    assert off.quotes[0].speaker is None


@pytest.mark.parametrize(
    "strategies",
    [["previous_quote", "dash"], ["dash", "dash"], ["dash", "guess"]],
    ids=["previous_quote_not_last", "twice", "unknown"],
)
def test_bad_strategy_lists_are_refused(strategies):
    opts = Options(
        annotators=("entities", "quotes"), settings={"quotes": {"strategies": strategies}}
    )
    with pytest.raises(NewsgraphError, match="quotes.*strategies"):
        newsgraph.extract(EXAMPLES[0][1], clean=False, options=opts)


def test_a_verb_of_saying_in_a_clause_of_time_after_the_quote_is_not_its_cue():
    text = "Christie called the remarks “a disgrace to the office” after she attacked the police."
    assert [q.speaker.text if q.speaker else None for q in find_quotes(parse(text, load()))][
        0
    ] != "she"


def test_a_quote_ending_in_a_nested_quotation_runs_on_to_its_speaker():
    """“..., ‘criminal, super predator,’” Name, a long role, told ...: the comma before the
    nested closing mark says the sentence goes on, so the cue is read however far it is."""
    text = (
        "“The press uses the labels of ‘criminal, super predator,’” Malkia Cyril, the executive "
        "director at the Center for Media Justice in Oakland, told The Huffington Post."
    )
    q = around(text)
    assert q.runs_on
    assert speaker_text(q, STRATEGIES["verb_subject"](q)) == "Malkia Cyril"
