"""The tense of the verb a date expression hangs on, read from a spaCy dependency parse.

``dates.context`` guesses the tense from the nearest tense word in the
sentence, which is often another clause's ("said Friday that it will ...").
With a parse, a date attached to a verb directly ("met Monday", "on
Saturday" under "planned a demonstration", "in January, X brought in") takes
that verb's tense. Only those direct attachments are read: a date under a noun
or another preposition ("through January", "for November transactions") says
nothing about the verb's time, and gets None.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_FUTURE_AUX = {"will", "'ll", "wo", "shall"}
_PERFECT_AUX = {"has", "have"}
# Prepositions that place an event at a date ("on Friday", "in January", "by March").
_PLACING = {"in", "on", "at", "during", "by"}
# A date hanging on these is a plan, whatever their tense ("has scheduled a conference Thursday").
_PLAN_VERBS = {"schedule", "plan"}
_CLIMB = {"xcomp", "conj", "advcl", "relcl"}


def _tense_of(verb: Token) -> str | None:
    """ "past", "future" or None from a verb's own form and auxiliaries, climbing at most
    a few non-finite links ("began trading": the tense of "began")."""
    for _ in range(4):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & _FUTURE_AUX:
            return "future"
        if verb.lemma_ in _PLAN_VERBS and "had" not in words:
            return "future"  # "were planning to drive ... on Monday", not "had been scheduled"
        if "would" not in words and any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if words & _PERFECT_AUX:
            return "past"
        if not auxes and verb.tag_ == "VBD":
            return "past"
        if verb.tag_ in ("VB", "VBG", "VBN") and verb.dep_ in _CLIMB and verb.head is not verb:
            verb = verb.head
            continue
        return None
    return None


def verb_tense(doc: Doc, start: int, end: int) -> str | None:
    """The tense ("past" or "future") of the verb the expression at doc.text[start:end]
    attaches to directly, or None (no parse, no such verb, or a present or unclear form)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    if not token.dep_:
        return None  # not parsed (``doc.has_annotation`` would scan the whole doc per call)
    head = token.head
    if head.dep_ == "prep" and head.lower_ in _PLACING:
        head = head.head
    elif token.dep_ != "npadvmod":
        return None
    return _tense_of(head) if head.pos_ in ("VERB", "AUX") else None
