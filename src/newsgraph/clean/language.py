"""The language of a body, by py3langid (fast, offline, model loaded once per process).

A few words are not evidence of a language: py3langid calls "October 7, 2023"
Nigerian Pidgin. Below a confidence where the guess is worth having, the
configured default language is used instead, and the record says so.
"""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# Normalised probability below which a guess is not taken (English prose of one
# sentence scores above 0.75; headlines and dates of a few words below 0.3).
MIN_CONFIDENCE = 0.5
# English function words. In English prose they are a quarter to a third of the words; in
# the other-language pages of the shared sets at most 7% (an Italian page's English menus).
_ENGLISH_WORDS = frozenset(
    "the of and to that with for was were said from by has have this which it its are be "
    "will on at is in an".split()
)
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code of the text's language, and the model's probability for it."""
    lang, prob = _identifier().classify(text[:3000])
    return lang, float(prob)


def plainly_english(text: str) -> bool:
    """At least 30 words, a fifth of them English function words: English without asking
    the model, which costs some 40 times more (and calls some wire stories Pidgin)."""
    words = _WORD.findall(text[:3000].lower())
    return len(words) >= 30 and sum(w in _ENGLISH_WORDS for w in words) >= 0.2 * len(words)


def choose_language(
    body: str, declared: str | None, forced: str | None, default: str
) -> tuple[str, str | None]:
    """The article's language and, when it had to be guessed, a warning saying so.

    ``forced`` (the user's) wins, then what the page declares, then detection
    when it is confident; otherwise ``default``.
    """
    if forced:
        return forced, None
    if declared:
        return declared, None
    if plainly_english(body):
        return "en", None
    lang, prob = detect_language(body)
    if prob >= MIN_CONFIDENCE:
        return lang, None
    return default, (
        f"language not detectable from {len(body):,} characters "
        f"(best guess {lang}, p={prob:.2f}); taken as {default}"
    )
