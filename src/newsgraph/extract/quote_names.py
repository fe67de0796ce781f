"""Quoted words that nobody says: titles, names and scare quotes.

A short quoted phrase in title case is a name (“Fox News Sunday,”); a quoted
phrase in title case that a title noun or a naming word introduces ("the film
“Once Upon A Time in Hollywood”", "a group called “Americans for
Prosperity”") or that is the object of "watch", "read" or "see" is a title,
however long. A quote of one or two words is a scare quote ("the so-called
“experts”") unless a verb of saying or naming gives it a speaker.
"""

from __future__ import annotations

import re

from newsgraph.extract.quote_context import Found, QuoteText
from newsgraph.extract.quote_cues import NAMING_VERBS, SPEECH_VERBS
from newsgraph.lexicon.works import TITLE_NOUNS, TITLE_VERBS, is_title_case

_WORD = re.compile(r"[^\W_][\w'’-]*")
_EDGE = " ,.;:"


def _introduced_as_title(text: QuoteText, f: Found) -> bool:
    """Does a title noun, a naming word or "watch"/"read"/"see" come just before the quote?"""
    if f.around is None:
        return False
    i = text.tok_index(f.around.quote.start) - 1
    doc = text.doc
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i < 0:
        return False
    word = doc[i]
    return word.lower_ in TITLE_NOUNS or word.lemma_.lower() in TITLE_VERBS


def _spoken(text: QuoteText, f: Found) -> bool:
    """Is the quote given a speaker by a verb of saying or naming?"""
    att = f.attribution
    if att is None or att.speaker is None or att.cue_span is None:
        return False
    toks = text.doc.char_span(*att.cue_span, alignment_mode="expand")
    lemmas = {t.lemma_.lower() for t in toks or ()}
    return bool(lemmas & (SPEECH_VERBS | NAMING_VERBS)) or att.cue == "according to"


def is_name(text: QuoteText, f: Found) -> bool:
    """Is the direct quote a title, a name or a scare quote rather than a quotation?"""
    if f.kind != "direct":
        return False
    settings = text.settings
    quoted = text.body[f.start : f.end].rstrip(_EDGE)
    words = len(_WORD.findall(quoted))
    if words < settings.min_unattributed_words and f.attribution is None:
        return True
    if words <= settings.scare_quote_words and not _spoken(text, f):
        return True
    if not is_title_case(quoted):
        return False
    return words <= settings.title_max_words or _introduced_as_title(text, f)
