"""The tense of the verb a date expression hangs on, read from a spaCy dependency parse.

``dates.context`` guesses the tense from the nearest tense word in the
sentence, which is often another clause's ("said Friday that it will ...").
With a parse, a date attached to a verb directly ("met Monday", "on
Saturday" under "planned a demonstration", "in January, X brought in") takes
that verb's tense. Only those direct attachments are read: a date under a noun
or another preposition ("through January", "for November transactions",
"until 9 a.m. Tuesday", a deadline whatever the verb's tense) says nothing
about the verb's time, and gets None; "until" under a pluperfect is past
("Until Thursday, they had not called him a suspect").

Future: will/shall, a present modal ("must be cast by Friday"), a present
progressive ("are racing to finish before Saturday"), a plan ("planned a
demonstration on Saturday"), or an intent word not in the past ("is expected
to take place", "is set to vote", "is due Tuesday", "hope to sign by
Friday"), the infinitive of a commitment ("has agreed to hold elections in
March", "voted to close the plant in March"), or a present copula ("the vote
is on Thursday", "the deadline is Friday"). Past: a past or perfect form.
Present: the simple present of another verb ("talks reopen on Tuesday", "they
meet Wales on Saturday"), a schedule for a weekday (ahead) but no direction for
a month ("the fall compares with a decline in December"). "would" decides
nothing (a past habit as often as a plan).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_FUTURE_AUX = {"will", "'ll", "wo", "shall"}
# Modal auxiliaries that put their verb ahead of the reference ("must be cast by Friday").
_MODAL_AUX = {"must", "should", "can", "ca", "may", "might"}
_PERFECT_AUX = {"has", "have"}
# Prepositions that place an event at a date ("on Friday", "in January", "by March", "before Saturday").
_PLACING = {"in", "on", "at", "during", "by", "before"}
# "until Thursday" says nothing of the verb's time ("extended the deadline until Tuesday" is
# ahead), except under a pluperfect: "Until Thursday, they had not called him a suspect".
_UNTIL = {"until", "till"}
# A date hanging on these is a plan, whatever their tense ("has scheduled a conference Thursday").
_PLAN_VERBS = {"schedule", "plan"}
# A date under these is ahead unless they are in the past ("is expected to meet Monday", "is
# set to vote in March", "is due Tuesday", "hopes to sign by Friday"); "were expected to" is unclear.
_INTENT_WORDS = {
    "expect", "set", "due", "likely", "poised", "intend", "aim", "hope", "seek", "prepare",
    "propose", "want", "vow", "promise", "threaten", "go",
}  # fmt: skip
# What these commit to comes after them: a date on their infinitive ("has decided to admit them in
# early March", "agreed to hold elections in March") is no earlier than the commitment, so their own
# past does not place it; a date on the commitment itself ("decided in March to strike") is theirs.
_COMMIT_VERBS = {
    "decide", "agree", "vote", "pledge", "undertake", "offer", "commit", "resolve", "opt",
}  # fmt: skip
_CLIMB = {"xcomp", "conj", "advcl", "relcl"}
# Verbs whose past is their bare present ("stocks hurt the index on Friday"): the form says nothing.
_SAME_IN_THE_PAST = {
    "hurt", "cut", "put", "set", "hit", "quit", "shut", "let", "cost", "spread", "cast", "bid",
    "burst", "split", "upset", "broadcast", "forecast", "read", "beat", "bet", "shed", "thrust",
}  # fmt: skip
_REPORTING = {"say", "have", "tell", "report", "claim", "add", "note"}


def _tense_of(verb: Token) -> str | None:
    """ "past", "future", "present" or None from a verb's own form and auxiliaries, climbing at most
    a few non-finite links ("began trading": the tense of "began")."""
    infinitive = False  # whether ``verb`` was reached from an infinitive it governs ("to admit")
    for _ in range(4):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & _FUTURE_AUX:
            return "future"
        if infinitive and verb.lemma_ in _COMMIT_VERBS:
            return None if "had" in words else "future"
        if verb.lemma_ in _PLAN_VERBS and "had" not in words:
            return "future"  # "were planning to drive ... on Monday", not "had been scheduled"
        if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "future"  # "are racing to finish before Saturday", "is meeting Tuesday"
        if words & _MODAL_AUX:
            return "past" if "have" in words else "future"  # "must have left Friday" is past
        if verb.lemma_ in _INTENT_WORDS and _leads_ahead(verb, auxes):
            return None if _is_past(verb, auxes) else "future"
        if "would" not in words and any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if words & _PERFECT_AUX:
            return "past"
        if not auxes and verb.tag_ == "VBD":
            return "past"
        if not auxes and verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP"):
            return "future"  # "the vote is on Thursday", "the plan is to meet on Friday"
        if not auxes and _simple_present(verb):
            return "present"  # "talks reopen on Tuesday", "they meet Wales on Saturday"
        if verb.tag_ in ("VB", "VBG", "VBN") and verb.dep_ in _CLIMB and verb.head is not verb:
            infinitive = verb.dep_ == "xcomp" and "to" in words
            verb = verb.head
            continue
        return None
    return None


def _simple_present(verb: Token) -> bool:
    """A verb in the simple present, where its form says so ("reopens", "meet"; not "hurt" or
    "cut", the same in the past, nor "says", the present of reporting)."""
    if verb.lemma_ in _REPORTING:
        return False
    return verb.tag_ == "VBZ" or (verb.tag_ == "VBP" and verb.lemma_ not in _SAME_IN_THE_PAST)


def _is_past(verb: Token, auxes: list[Token]) -> bool:
    """A past or pluperfect form; an adjective ("due") takes the form of its copula ("had been")."""
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        verb = verb.head
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ == "VBD" for a in auxes) or (not auxes and verb.tag_ == "VBD")


def _leads_ahead(verb: Token, auxes: list[Token]) -> bool:
    """ "expected to meet", "is expected", "going to", "due": an intent word used for what lies ahead
    (an infinitive under it, a passive or predicate form), not "expected profits"."""
    if verb.lemma_ == "go":
        return verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children)
    return (
        verb.pos_ == "ADJ"
        or any(c.dep_ == "xcomp" for c in verb.children)
        or any(a.dep_ == "auxpass" for a in auxes)
    )


def _pluperfect(verb: Token) -> str | None:
    """ "past" for a verb in the pluperfect ("had not called"), else None."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return "past" if verb.pos_ in ("VERB", "AUX") and "had" in auxes else None


def verb_tense(doc: Doc, start: int, end: int) -> str | None:
    """The tense ("past", "future" or "present") of the verb the expression at doc.text[start:end]
    attaches to directly, or None (no parse, no such verb, or an unclear form)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    if not token.dep_:
        return None  # not parsed (``doc.has_annotation`` would scan the whole doc per call)
    head = token.head
    if head.dep_ == "prep" and head.lower_ in _UNTIL:
        return _pluperfect(head.head)
    if head.dep_ == "prep" and head.lower_ in _PLACING:
        head = head.head
    elif token.dep_ != "npadvmod" and not (token.dep_ == "attr" and head.lemma_ == "be"):
        return None  # "met Monday" (npadvmod), "the deadline is Friday" (attr)
    if head.pos_ == "ADJ" and head.lemma_ in _INTENT_WORDS:
        return None if _is_past(head, []) else "future"  # "is due Tuesday", not "was due"
    return _tense_of(head) if head.pos_ in ("VERB", "AUX") else None
