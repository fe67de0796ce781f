"""The tone annotator: GDELT's V2Tone fields for the body, and a tone for each quotation.

GDELT's tone is a count of words, not a classifier, and so is this one: the
percent of words with positive valence minus the percent with negative
valence. Valence comes from the VADER lexicon (Hutto and Gilbert, ICWSM 2014;
MIT; about 7,500 words and emoticons each rated by ten people), read from the
installed ``vaderSentiment`` package: nothing is downloaded and VADER's module
is never imported. Each word is looked up in both lists; VADER's sentence rules
(negation, boosters, "but") are not applied, so "not good" counts one positive
word, as GDELT's own dictionaries count it.

Words are the parse's tokens that are neither punctuation nor space. Activity
reference density is the percent of words spaCy tags as verbs, self/group
reference density the percent tagged as pronouns.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LOWER, POS
from spacy.strings import StringStore
from spacy.symbols import PRON, VERB
from spacy.tokens import Doc

from newsgraph.extract import annotator
from newsgraph.record import Article, Tone

LEXICON = ("vaderSentiment", "vader_lexicon.txt")


@lru_cache(maxsize=1)
def valence() -> tuple[frozenset[str], frozenset[str]]:
    """The lexicon's (positive, negative) entries; one listed with both signs is neither."""
    text = resources.files(LEXICON[0]).joinpath(LEXICON[1]).read_text(encoding="utf-8")
    positive, negative = set(), set()
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        mean = float(fields[1])
        if mean > 0:
            positive.add(fields[0])
        elif mean < 0:
            negative.add(fields[0])
    both = positive & negative
    return frozenset(positive - both), frozenset(negative - both)


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 4) if whole else 0.0


def _tone(words: int, positive: int, negative: int, verbs: int, pronouns: int) -> Tone:
    pos, neg = _percent(positive, words), _percent(negative, words)
    return Tone(
        tone=round(pos - neg, 4),
        positive=pos,
        negative=neg,
        polarity=round(pos + neg, 4),
        activity=_percent(verbs, words),
        self_group=_percent(pronouns, words),
        words=words,
    )


@lru_cache(maxsize=1)
def _valence_hashes() -> tuple[np.ndarray, np.ndarray]:
    """The lexicon's entries as a parse's LOWER column holds them: spaCy's string ids
    (a hash, or the id of a built-in symbol: "number" is 432)."""
    positive, negative = valence()
    ids = StringStore()
    return (
        np.array(sorted(ids[w] for w in positive), dtype=np.uint64),
        np.array(sorted(ids[w] for w in negative), dtype=np.uint64),
    )


def _listed(values: np.ndarray, entries: np.ndarray) -> np.ndarray:
    """Which values are among the sorted ``entries``: a binary search each (``np.isin``
    sorts the entries again at every call, which cost more than the rest of the annotator)."""
    at = np.searchsorted(entries, values).clip(max=len(entries) - 1)
    return entries[at] == values


@annotator("tone", requires=("quotes",), assigns=("tone",))
def annotate_tone(doc: Doc, article: Article) -> None:
    """Fill ``article.tone`` from the whole body and ``quote.tone`` from each quotation's words.

    The tokens are read as columns of the parse (``Doc.to_array``), not one by one: a
    Python loop over the tokens cost more than the counting itself.
    """
    positive_words, negative_words = _valence_hashes()
    cols = doc.to_array([IDX, IS_PUNCT, IS_SPACE, LOWER, POS])
    words = cols[(cols[:, 1] == 0) & (cols[:, 2] == 0)]
    starts = words[:, 0].tolist()
    is_positive = _listed(words[:, 3], positive_words)
    is_negative = _listed(words[:, 3], negative_words)
    verbs = int((words[:, 4] == VERB).sum())
    pronouns = int((words[:, 4] == PRON).sum())
    article.tone = _tone(
        len(starts), int(is_positive.sum()), int(is_negative.sum()), verbs, pronouns
    )
    # Running sums of positive and negative words, so that a quotation's counts are two
    # subtractions, whatever the number of quotations.
    pos_sum = [0, *np.cumsum(is_positive).tolist()]
    neg_sum = [0, *np.cumsum(is_negative).tolist()]
    for quote in article.quotes:
        first, last = bisect_left(starts, quote.start), bisect_left(starts, quote.end)
        words_in = last - first
        if not words_in:
            quote.tone = None
            continue
        pos = pos_sum[last] - pos_sum[first]
        neg = neg_sum[last] - neg_sum[first]
        quote.tone = round(100.0 * (pos - neg) / words_in, 4)
