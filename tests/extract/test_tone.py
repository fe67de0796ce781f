"""The tone annotator: GDELT V2Tone fields from the VADER lexicon, for the body and each quote."""

from __future__ import annotations

import sys
import time

import numpy as np
import pytest

import newsgraph
from newsgraph import nlp as nlp_mod
from newsgraph.extract import BUILTIN, plan
from newsgraph.extract.tone import _listed, annotate_tone, valence
from newsgraph.options import Options
from newsgraph.record import Article, Quote

HOSTILE = (
    "The brutal attack killed dozens and left the city in fear. Officials condemned the "
    "horrible violence and warned of a deadly, terrible war."
)
FRIENDLY = (
    "The festival was a wonderful success and visitors praised the friendly, generous hosts. "
    "Organisers thanked volunteers for their great help and hope to celebrate again."
)


def _toned(text: str, quotes: list[Quote] | None = None) -> Article:
    article = Article(body=text, language="en", quotes=quotes or [])
    annotate_tone(nlp_mod.parse(text), article)
    return article


def test_registered_after_quotes_before_events():
    step = plan(["tone", "quotes", "entities"])[-1]
    assert (step.name, step.requires, step.assigns) == ("tone", ("quotes",), ("tone",))
    assert BUILTIN.index("quotes") < BUILTIN.index("tone") < BUILTIN.index("events")


def test_lexicon_is_read_from_the_installed_package_without_vaders_module():
    positive, negative = valence()
    assert {"good", "wonderful", "praise"} <= positive
    assert {"bad", "terrible", "killed"} <= negative
    assert not positive & negative
    assert "vaderSentiment.vaderSentiment" not in sys.modules


def test_hostile_paragraph_scores_below_friendly_one():
    hostile, friendly = _toned(HOSTILE).tone, _toned(FRIENDLY).tone
    assert hostile.tone < 0 < friendly.tone
    assert hostile.negative > friendly.negative and friendly.positive > hostile.positive


def test_fields_add_up():
    tone = _toned(HOSTILE + " We hope they will rebuild.").tone
    words = [t for t in nlp_mod.parse(HOSTILE + " We hope they will rebuild.")]
    assert tone.words == sum(not (t.is_punct or t.is_space) for t in words)
    assert tone.tone == pytest.approx(tone.positive - tone.negative, abs=1e-3)
    assert tone.polarity == pytest.approx(tone.positive + tone.negative, abs=1e-3)
    verbs = sum(t.pos_ == "VERB" for t in words)
    pronouns = sum(t.pos_ == "PRON" for t in words)
    assert tone.activity == pytest.approx(100 * verbs / tone.words, abs=1e-3)
    assert tone.self_group == pytest.approx(100 * pronouns / tone.words, abs=1e-3)
    assert pronouns >= 2 and verbs >= 4
    # every count is a share of the words: four words, one positive ("good"), none negative
    small = _toned("It is good news.").tone
    assert (small.words, small.positive, small.negative, small.tone) == (4, 25.0, 0.0, 25.0)


def test_empty_body():
    tone = _toned("").tone
    assert tone is not None and tone.words == 0
    assert (tone.tone, tone.positive, tone.negative, tone.polarity) == (0, 0, 0, 0)
    assert (tone.activity, tone.self_group) == (0, 0)


def test_each_quote_gets_the_tone_of_its_own_words():
    text = f'"{HOSTILE}" said the mayor. "{FRIENDLY}" said the organiser.'
    first_end = len(HOSTILE) + 2
    second_start = text.index(FRIENDLY) - 1
    quotes = [
        Quote(start=0, end=first_end, text=text[:first_end], kind="direct"),
        Quote(
            start=second_start,
            end=second_start + len(FRIENDLY) + 2,
            text=text[second_start : second_start + len(FRIENDLY) + 2],
            kind="direct",
        ),
        Quote(start=len(text), end=len(text), text="", kind="indirect"),
    ]
    article = _toned(text, quotes)
    hostile, friendly, empty = (q.tone for q in article.quotes)
    assert hostile == pytest.approx(_toned(HOSTILE).tone.tone, abs=1e-3)
    assert friendly == pytest.approx(_toned(FRIENDLY).tone.tone, abs=1e-3)
    assert empty is None
    assert hostile < article.tone.tone < friendly


def test_in_the_pipeline_quotes_found_by_the_quotes_annotator_are_toned():
    text = (
        'Rescue workers searched the rubble on Monday. "This is a terrible, tragic loss for '
        'our town," said Mayor Ana Horvat.'
    )
    art = newsgraph.extract(text, clean=False, options=Options())
    assert art.tone is not None and art.tone.negative > 0
    assert art.quotes and all(q.tone is not None for q in art.quotes)
    assert art.quotes[0].tone < 0


def test_fast_a_dictionary_lookup_per_token():
    doc = nlp_mod.parse(HOSTILE + " " + FRIENDLY)
    article = Article(body=doc.text, language="en")
    annotate_tone(doc, article)  # the lexicon is read once
    started = time.perf_counter()
    for _ in range(200):
        annotate_tone(doc, article)
    assert (time.perf_counter() - started) / 200 < 0.002


def test_counts_are_the_lexicon_looked_up_word_by_word():
    # "number" is one of spaCy's built-in symbols: its string id is no hash
    text = (
        "A number of good friends praised the great number of fine, happy days; "
        "others feared a terrible, ugly war and its cruel losses."
    )
    doc = nlp_mod.parse(text)
    article = Article(body=doc.text, language="en")
    annotate_tone(doc, article)
    positive, negative = valence()
    words = [t.lower_ for t in doc if not (t.is_punct or t.is_space)]
    assert article.tone.words == len(words)
    assert article.tone.positive == round(100 * sum(w in positive for w in words) / len(words), 4)
    assert article.tone.negative == round(100 * sum(w in negative for w in words) / len(words), 4)


def test_membership_holds_at_the_ends_of_the_sorted_entries():
    entries = np.array([5, 9, 20], dtype=np.uint64)
    values = np.array([0, 5, 6, 9, 20, 21, 2**63], dtype=np.uint64)
    assert _listed(values, entries).tolist() == [False, True, False, True, True, False, False]
