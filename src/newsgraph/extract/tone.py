"""The tone annotator: GDELT's V2Tone fields for the body, and a tone for each quotation.

GDELT's tone is a count of words, not a classifier, and so is this one: the
percent of words with positive valence minus the percent with negative
valence. Valence comes from the VADER lexicon (Hutto and Gilbert, ICWSM 2014;
MIT; about 7,500 words and emoticons each rated by ten people), read from the
installed ``vaderSentiment`` package: nothing is downloaded and VADER's module
is never imported. Each token costs two set lookups; VADER's sentence rules
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
from itertools import accumulate

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


@annotator("tone", requires=("quotes",), assigns=("tone",))
def annotate_tone(doc: Doc, article: Article) -> None:
    """Fill ``article.tone`` from the whole body and ``quote.tone`` from each quotation's words."""
    positive_words, negative_words = valence()
    starts: list[int] = []
    signs: list[int] = []  # per word: +1 positive, -1 negative, 0 neither
    verbs = pronouns = 0
    for token in doc:
        if token.is_punct or token.is_space:
            continue
        lower = token.lower_
        starts.append(token.idx)
        signs.append(1 if lower in positive_words else -1 if lower in negative_words else 0)
        verbs += token.pos_ == "VERB"
        pronouns += token.pos_ == "PRON"
    positive = signs.count(1)
    negative = signs.count(-1)
    article.tone = _tone(len(starts), positive, negative, verbs, pronouns)
    # Running sums of positive and negative words, so that a quotation's counts are two
    # subtractions, whatever the number of quotations.
    pos_sum = [0, *accumulate(s == 1 for s in signs)]
    neg_sum = [0, *accumulate(s == -1 for s in signs)]
    for quote in article.quotes:
        first, last = bisect_left(starts, quote.start), bisect_left(starts, quote.end)
        words = last - first
        if not words:
            quote.tone = None
            continue
        pos = pos_sum[last] - pos_sum[first]
        neg = neg_sum[last] - neg_sum[first]
        quote.tone = round(100.0 * (pos - neg) / words, 4)
