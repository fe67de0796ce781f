"""Reported speech: "Flynn said that the generals ...", "according to the ministry, ...".

A reporting verb outside quote marks makes an attribution whose content is
its complement: the clause it governs ("said that ..."), or, for verbs that
report without a clause ("cited the polls", "called for a ban", "refused to
comment"), its object or infinitive. A parenthetical cue ("Acts of protest,
Mr. Obama said, are ...") reports the clause around it; a verb of intent its
infinitive ("wants to triple ..."); a passive with an agent its subject
("[Clinton] was endorsed by the Times"). Nouns report too: a claim noun its
"that" clause ("his claim that ..."), a stance noun what its preposition
governs ("criticism of the deal"), for the one who makes the claim, else its
possessor, else the subject of the verb it hangs off. "according to X" makes
one whose content is the rest of its sentence. An impression no one in the text
holds ("X seems to ...", "X is expected to ...", "X was seen as ...") is an
attribution with no speaker whose content keeps its subject. Content that is mostly a
direct quote is left to the direct-quote finder; content holding a quoted
fragment is a mixed quote. A relative clause or appositive closing the content
after a comma is the writer's aside, not what was said (``aside_at``); a
phrase right after an object is the object's, wherever the parser hung it
("cited his endorsements [from 88 generals]").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from newsgraph.extract.quote_cues import (
    BELIEF_VERBS,
    CLAIM_NOUNS,
    CLAUSE_ONLY,
    INTENT_VERBS,
    NAME_OBJECT_VERBS,
    NAMING_VERBS,
    NO_OBJECT_CONTENT,
    REPORTING_VERBS,
    RESEARCH_VERBS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STANCE_VERBS,
    VENUE_NOUNS,
)
from newsgraph.extract.quote_settings import DEFAULT_SETTINGS, QuoteSettings
from newsgraph.extract.quote_speaker import (
    Attribution,
    according_to,
    describe_speaker,
    from_cue,
    is_cue,
    is_temporal,
    stolen_object,
    subject_of,
)

_OBJECT_DEPS = ("dobj", "xcomp", "oprd")
_OBJECT_PREPS = ("for", "to", "on", "about", "of", "as", "against")
_NESTED_DEPS = ("advcl", "conj")
_BREAKS = (",", ";", "--", "—")
# A relative clause or an appositive set off at the end of the content is the writer's aside:
# "acknowledged the reality of climate change[, which makes him an outlier]".
_ASIDE_DEPS = ("relcl", "appos")
_RELATIVES = ("who", "which", "that")
# Verbs of impression: PolNeAR marks "X seems to ..." as an attribution with no source.
_IMPRESSION_VERBS = ("seem", "appear")
# Verbs of regarding: "see X as Y" reports "X as Y".
_REGARD_VERBS = ("see",)
# Verbs whose subject owns the claim they take as object: "Trump repeated the claim that ...".
_CLAIM_MAKERS = frozenset("make repeat reiterate issue express voice offer echo renew".split())


@dataclass
class Reported:
    """Content of a reported attribution and who made it."""

    start: int
    end: int
    attribution: Attribution
    cue: Token
    impression: bool = False  # "X seems to ...": an impression no one in the text holds
    named: bool = False  # a stance on a bare name, "endorsed [Trump]": short but whole


def _trim(doc: Doc, left: int, right: int, min_tokens: int) -> tuple[int, int] | None:
    """Drop edge punctuation and spaces, keeping quote marks (and closing one the content
    opens), and a conjunction left dangling at the end ("said he would resign [and] warned
    that ...": the parser hung "and" on "resign")."""
    while left <= right and (doc[left].is_space or (doc[left].is_punct and not doc[left].is_quote)):
        left += 1
    while right >= left and (
        doc[right].is_space
        or (doc[right].is_punct and not doc[right].is_quote)
        or doc[right].dep_ == "cc"
    ):
        right -= 1
    if right - left + 1 < min_tokens:
        return None
    if (
        right + 1 < len(doc)
        and doc[right + 1].is_quote
        and sum(t.is_quote for t in doc[left : right + 1]) % 2
    ):
        right += 1  # the mark closing a quotation the content opens, which the parser hung
        # off the cue: 'called the findings "sobering["]'
    return doc[left].idx, doc[right].idx + len(doc[right])


def _content(cue: Token, left: int, right: int, min_tokens: int) -> tuple[int, int] | None:
    """The cue's content from token ``left`` to ``right``, nested attributions cut off, trimmed."""
    right = _stray_coordinate(cue, _cut_nested(cue, left, right))
    return _trim(cue.doc, left, right, min_tokens)


_UNFINITE = ("VB", "VBG", "NN", "NNS")


def _stray_coordinate(cue: Token, right: int) -> int:
    """Last token of the content with a coordinate right after it that the parser hung off the
    cue (or a verb above it) though its form cannot join that verb: "wants to triple the size
    of AmeriCorps, [grow the Peace Corps and create ...]" ("grow" is no coordinate of
    "wants"), "mentioned refinancing student loans [and forcing universities to ...]",
    "started off by emphasizing economic fairness, [and a need to raise the minimum wage]"."""
    doc = cue.doc
    while right > cue.i + 1 and doc[right].text in (",", ";"):
        right -= 1
    k = right + 1
    while k < len(doc) and (doc[k].text in (",", ";") or doc[k].dep_ == "cc"):
        k += 1
    if k == right + 1 or k >= len(doc):
        return right
    tok = doc[k]
    while tok.dep_ != "conj" and tok.head.i > tok.i and tok.head.left_edge.i == k:
        tok = tok.head  # "[a need] to raise": from its first word to the coordinate's head
    if (
        tok.dep_ != "conj"
        or tok.head.i > right
        or not (tok.head.i == cue.i or tok.head.is_ancestor(cue))
        or tok.tag_ not in _UNFINITE
        or tok.head.tag_ == tok.tag_
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        or is_cue(tok, beliefs=True)
        or _is_reporting(tok)
    ):
        return right
    return tok.right_edge.i


def _clause(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """The clause a verb of saying governs, or the one hanging off its addressee.

    A linking phrase is no clause of it: the parser may read "That said, officials
    disagreed" as "disagreed" reporting "That said".
    """
    comps = [
        c
        for c in cue.children
        if c.dep_ == "ccomp" and not _line_between(c, cue) and not _linking_phrase(c)
    ]
    # one clause on each side: the one after is the cue's ("While he acknowledged [funding was
    # a major reason ...], Ham also noted [several “intangibles” left him ...]")
    comp = next((c for c in comps if c.i > cue.i), None) if len(comps) > 1 else None
    comp = comp or next(iter(comps), None)
    if comp is None:
        # "told reporters the plan was dead": the clause may hang off the object, or off the
        # occasion ("told analysts on a call [that production was ...]")
        for c in cue.children:
            if c.dep_ in ("dobj", "dative"):
                comp = next((g for g in c.children if g.dep_ == "ccomp" or _that_clause(g)), None)
            elif c.dep_ == "prep" and c.i > cue.i:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                comp = next((g for g in obj.children if _that_clause(g)), None) if obj else None
            if comp is not None:
                break
    left = None
    if comp is None and (comp := _unmarked_clause(cue)) is not None:
        # from its subject: the phrase before it is the parser's guess ("said [after the
        # convention] he would ...")
        left = next(g.left_edge.i for g in comp.lefts if g.dep_ in ("nsubj", "nsubjpass"))
    if comp is None:
        return _parenthetical(cue, min_tokens)
    right = comp.right_edge.i
    for c in cue.rights:  # the parser's split of one clause in two: "said Trump has “enormous
        # respect” for the military and his rubble comment [was instead an expression of ...]"
        if c.dep_ == "ccomp" and c.i > comp.i and c.left_edge.i == right + 1:
            right = c.right_edge.i
    subj = next((c for c in cue.lefts if c.dep_ == "nsubj"), None)
    if subj is not None and subj.left_edge.i == right + 1 and (appos := stolen_object(subj)):
        right = appos.left_edge.i - 2  # "... landfall near [Tampa], the Center said"
    left = _past_time(comp, cue) if left is None else left
    if left < cue.i and cue.doc[left].tag_ in ("WDT", "WP"):
        left = cue.i + 1  # "donations, which he said [were accompanied by ...]"
    return _content(cue, left, right, min_tokens)


def _past_time(comp: Token, cue: Token) -> int:
    """Where the clause starts: past a time right after the cue, which the parser may hang off
    the clause though it dates the saying ("said [on Monday] it would cut 400 jobs")."""
    subj = next((c for c in comp.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or comp.left_edge.i != cue.i + 1:
        return comp.left_edge.i
    before = [c for c in comp.lefts if c.i < subj.left_edge.i]
    if before and all(c.dep_ == "prep" and is_temporal(c) for c in before):
        return subj.left_edge.i
    return comp.left_edge.i


_FINITE = ("VBD", "VBZ", "VBP", "MD")


def _unmarked_clause(cue: Token) -> Token | None:
    """A finite clause with its own subject and no conjunction, after a verb of saying, that
    the parser hung off it as an adverbial: "said after the convention [he would not accept
    ...]"."""
    if not is_cue(cue):
        return None
    for c in cue.rights:
        if (
            c.dep_ == "advcl"
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.lefts)
            and not any(g.dep_ == "mark" or g.tag_ in ("WRB", "WDT", "WP") for g in c.lefts)
            and (c.tag_ in _FINITE or any(g.dep_ == "aux" and g.tag_ in _FINITE for g in c.lefts))
        ):
            return c
    return None


def _that_clause(tok: Token) -> bool:
    """Is it a "that" clause the parser read as a relative one, "that" its conjunction, not
    its pronoun: "told a meeting of leaders [that few people understood the stakes]"?"""
    return tok.dep_ == "relcl" and any(
        g.dep_ == "mark" and g.lower_ == "that" and g.i == tok.left_edge.i for g in tok.lefts
    )


def _line_between(clause: Token, cue: Token) -> bool:
    """Is a clause before its cue on an earlier line? The parser ran two paragraphs together:
    "... against ''liberals and radicals.''\n\nMatt Bennett ... said Mrs. Clinton had ..."."""
    doc = cue.doc
    return clause.i < cue.i and any(
        "\n" in doc[k].text_with_ws for k in range(clause.right_edge.i, cue.i)
    )


def _parenthetical(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """The clause around a parenthetical cue: "Acts of protest, [Mr. Obama said,] are acts of patriotism"."""
    if cue.dep_ == "ROOT":
        return _fragment_before(cue, min_tokens)
    if cue.dep_ != "parataxis" or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    head = cue.head
    left = min(head.left_edge.i, cue.left_edge.i)
    if not left < _speaker_start(cue):
        return None  # the cue opens the clause: not a parenthetical
    return _content(cue, left, head.right_edge.i, min_tokens)


def _fragment_before(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """A phrase with no verb opening the sentence of a cue whose subject follows it after a
    comma: "[People like Scott], he said."."""
    start = _speaker_start(cue)
    phrase = next((c for c in cue.lefts if c.right_edge.i == start - 2), None)
    if (
        phrase is None
        or phrase.pos_ not in ("NOUN", "PROPN")
        or phrase.dep_ in ("nsubj", "nsubjpass", "npadvmod")
        or phrase.left_edge.i != cue.sent.start
        or cue.doc[start - 1].text != ","
    ):
        return None
    return _content(cue, phrase.left_edge.i, phrase.right_edge.i, min_tokens)


def _speaker_start(cue: Token) -> int:
    """First token of the cue's subject set off by a comma, else of the cue's phrase.

    "At times last year, [people close to the vice president said,] the mere mention ...":
    the parser may hang the opening phrase off the cue; it is still the clause's.
    """
    subj = next((c for c in cue.lefts if c.dep_ == "nsubj"), None)
    if subj is not None and subj.left_edge.i > 0 and cue.doc[subj.left_edge.i - 1].text == ",":
        return subj.left_edge.i
    return cue.left_edge.i


_TAIL_DEPS = ("dobj", "xcomp", "oprd", "prep", "dative", "ccomp", "acomp")


def _cut_nested(cue: Token, left: int, right: int) -> int:
    """Last token of the content: it stops before a clause that reports something else.

    "... did Romney in, [arguing that it was divisions ...]": the participle makes its own
    attribution, so it is not part of this one's content.
    """
    doc = cue.doc
    for i in range(left + 1, right + 1):
        tok = doc[i]
        if _joins_the_cue(cue, tok):
            return min(right, tok.left_edge.i - 2)
        if (
            tok.dep_ not in _NESTED_DEPS
            or tok.head.i >= i
            or doc[tok.left_edge.i - 1].text not in _BREAKS
        ):
            continue
        if is_cue(tok, beliefs=True) or _is_reporting(tok):
            return min(right, tok.left_edge.i - 1)
    return right


def _joins_the_cue(cue: Token, tok: Token) -> bool:
    """Is ``tok`` a second cue of the same speaker that the parser joined to the content: "said
    he would order a review [and warned against hackers]" ("warned" cannot follow "would")?"""
    return (
        tok.dep_ == "conj"
        and tok.tag_ == cue.tag_
        and tok.head.tag_ != cue.tag_
        and tok.i > 1
        and tok.left_edge.i == tok.i
        and tok.doc[tok.i - 1].dep_ == "cc"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.lefts)
        and (is_cue(tok, beliefs=True) or _is_reporting(tok))
    )


def _next_to(prep: Token, last: Token) -> bool:
    """Does the phrase right after the object belong to it, though the parser hung it off the
    verb ("cited his own endorsements [from 88 generals]")? Not a time ("on Monday"), not
    where it was said ("in an email"), and not one holding a quotation, which is then left
    to the direct-quote finder."""
    return (
        prep.i == last.right_edge.i + 1
        and not is_temporal(prep)
        and not any(g.dep_ == "pobj" and g.lemma_.lower() in VENUE_NOUNS for g in prep.children)
        and not any(t.is_quote for t in prep.subtree)
    )


def _for_clause(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """The clause of "for X to Y" right after the verb: "calling for [Emanuel to resign]".

    The parser reads it as an adverbial clause marked by "for", which no object rule sees.
    """
    for c in cue.rights:
        mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "for"), None)
        if (
            c.dep_ == "advcl"
            and mark is not None
            and mark.i == cue.i + 1
            and not any(t.is_quote for t in c.subtree)
        ):
            left = mark.i + 1
            return _content(cue, left, c.right_edge.i, min_tokens)
    return None


def _complement(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """What a verb reports without a clause: "cited [the polls]", "called [for a ban]", "refused [to comment]"."""
    if (span := _for_clause(cue, min_tokens)) is not None:
        return span
    first = last = None
    for c in cue.rights:
        if first is None:
            if c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS):
                first = last = c
            continue
        if c.dep_ not in _TAIL_DEPS or (
            c.dep_ == "prep" and c.lower_ not in _OBJECT_PREPS and not _next_to(c, last)
        ):
            break  # "... as a “crazy system” [during a campaign stop]"
        last = c
    if (
        first is None
        or _is_claim(first, min_tokens)
        or cue.lemma_.lower() in _CLAIM_MAKERS
        and _stance_object(first, min_tokens) is not None
    ):
        return None  # "repeated [his claim that ...]", "expressed [concern about ...]": the
        # claim or stance noun reports it
    if first.dep_ == "prep":
        objs = [g for g in first.children if g.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        if last is first:
            return _trim(cue.doc, objs[0].left_edge.i, objs[0].right_edge.i, min_tokens)
    return _content(cue, first.left_edge.i, last.right_edge.i, min_tokens)


def _intent(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """The infinitive of a verb of intent: "wants [to triple the size of AmeriCorps]"."""
    comp = next((c for c in cue.rights if c.dep_ == "xcomp"), None)
    if comp is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
        return None
    return _content(cue, comp.left_edge.i, comp.right_edge.i, min_tokens)


def _claim_clause(noun: Token, min_tokens: int) -> tuple[int, int] | None:
    """The "that" clause of a claim noun: "his claim [that the vote was rigged]".

    A claim noun the parser makes the root of its sentence is a misparse of a relative
    clause ("The statement that the group issued ... was short"), not a claim.
    """
    if noun.dep_ == "ROOT":
        return None
    for c in noun.rights:
        if c.dep_ in ("acl", "ccomp") and _marked_that(c):
            return _content(noun, c.left_edge.i, c.right_edge.i, min_tokens)
    return None


def _marked_that(clause: Token) -> bool:
    """Does "that" mark the clause as a complement ("his claim [that] ...", "hopeful [that]
    ...")?"""
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.lefts)


def _is_claim(tok: Token, min_tokens: int) -> bool:
    return (
        tok.pos_ == "NOUN"
        and tok.lemma_.lower() in CLAIM_NOUNS
        and _claim_clause(tok, min_tokens) is not None
    )


def _stance_object(noun: Token, min_tokens: int) -> tuple[int, int] | None:
    """What a stance noun is about: "criticism [of the trade deal]"."""
    preps = STANCE_NOUNS.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    if not preps:
        return None
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return _content(noun, obj.left_edge.i, obj.right_edge.i, min_tokens)
    return None


def _stance_of(adj: Token, min_tokens: int) -> tuple[int, int] | None:
    """What a stance adjective said of its subject is about: "critical [of the deal]",
    "hopeful [that talks resume]"."""
    if None in STANCE_ADJECTIVES[adj.lemma_.lower()]:
        comp = next((c for c in adj.rights if c.dep_ == "ccomp" and _marked_that(c)), None)
        return _content(adj, comp.left_edge.i, comp.right_edge.i, min_tokens) if comp else None
    obj = _stance_adjective_object(adj)
    return None if obj is None else _content(adj, obj.left_edge.i, obj.right_edge.i, min_tokens)


def _stance_adjective_object(adj: Token) -> Token | None:
    """The object of a stance adjective's preposition, said of a subject ("was critical [of]
    the plan"), not of a noun ("a critical moment")."""
    if adj.dep_ not in ("acomp", "ROOT", "conj"):
        return None
    preps = STANCE_ADJECTIVES[adj.lemma_.lower()]
    prep = next((c for c in adj.rights if c.dep_ == "prep" and c.lower_ in preps), None)
    return None if prep is None else next((g for g in prep.children if g.dep_ == "pobj"), None)


def _claimant(noun: Token, quoted: Sequence[bool], settings: QuoteSettings) -> Attribution:
    """Whose claim or stance it is.

    The one who makes or repeats it ("Trump repeated his claim"), else the possessor ("his
    claim"), else the subject of the verb it hangs off ("He avoided criticism of ...",
    "Sanders said in a statement that ...").
    """
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    owner = None
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _CLAIM_MAKERS:
        owner = subject_of(verb, quoted, settings)
    if owner is None:
        owner = poss
    if owner is None:  # "claims by intelligence agencies that ..."
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
    if owner is None and noun.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
        owner = subject_of(verb, quoted, settings)
    att = describe_speaker(owner) if owner is not None else Attribution()
    att.cue, att.cue_span = noun.text, (noun.idx, noun.idx + len(noun))
    return att


def _passive_subject(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """What a passive with an agent reports: "[Clinton] was endorsed by the Times"."""
    if not any(c.dep_ == "agent" for c in cue.children):
        return None
    subj = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ in _RELATIVES:
        return None
    return _trim(cue.doc, subj.left_edge.i, subj.right_edge.i, min_tokens)


def content_of(cue: Token, settings: QuoteSettings = DEFAULT_SETTINGS) -> tuple[int, int] | None:
    """Character span of what a verb reports: its clause, else its object or infinitive."""
    min_tokens = settings.min_content_tokens
    return _clause(cue, min_tokens) or _complement(cue, min_tokens)


def _impression(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """What "seem"/"appear" with an infinitive reports: its subject and the infinitive,
    "[the economics of clean energy] appear [to be improving so rapidly ...]".

    None when the infinitive is itself a cue ("Cruz seemed to blame the network"): that
    verb reports, for the subject; and with no subject, or a relative one, heading the clause.
    """
    comp = next((c for c in cue.rights if c.dep_ == "xcomp"), None)
    if comp is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
        return None
    if comp.lemma_.lower() in _CUE_LEMMAS:
        return None
    subj = next((c for c in cue.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ in ("WDT", "WP"):
        return None  # "price tags that seem to start at six figures": a clause of the noun's
    left = subj.left_edge.i
    return _content(cue, left, comp.right_edge.i, min_tokens)


def _seen_as(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """What "see ... as" reports: "Democrats see [Sanders as an agent in Clinton's decline]",
    "[the hiring of Bannon] was seen by some [as a demotion]" (the passive's subject with it)."""
    if cue.lemma_ not in _REGARD_VERBS or cue.pos_ != "VERB":
        return None
    as_ = next((c for c in cue.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_ is None:
        return None
    what = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if what is None or what.i > as_.i or what.tag_ in ("WDT", "WP"):
        return None
    left = what.left_edge.i
    return _content(cue, left, as_.right_edge.i, min_tokens)


def _told_to(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """What a verb of saying tells someone to do: "told [his advisers to figure out how ...]"."""
    obj = next((c for c in cue.rights if c.dep_ in ("dobj", "dative")), None)
    comp = next((c for c in cue.rights if c.dep_ in ("xcomp", "ccomp")), None)
    if obj is None or comp is None or comp.i < obj.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.lefts):
        return None
    return _content(cue, obj.left_edge.i, comp.right_edge.i, min_tokens)


def _topic(cue: Token, min_tokens: int) -> tuple[int, int] | None:
    """What a verb that reports no object spoke about: "talked [about the economy]" gives
    "the economy"."""
    about = next((c for c in cue.rights if c.dep_ == "prep" and c.lower_ == "about"), None)
    obj = next((g for g in about.children if g.dep_ in ("pobj", "pcomp")), None) if about else None
    if obj is None:
        return None
    return _content(cue, obj.left_edge.i, obj.right_edge.i, min_tokens)


def _named_object(cue: Token) -> tuple[int, int] | None:
    """A one-word name as the object of a verb of endorsement or a stance adjective: "Cruz has
    endorsed [Trump]"."""
    lemma = cue.lemma_.lower()
    if lemma in NAME_OBJECT_VERBS and cue.pos_ == "VERB":
        obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    elif lemma in STANCE_ADJECTIVES and cue.pos_ == "ADJ":
        obj = _stance_adjective_object(cue)  # "has been critical of [Trump]"
    else:
        return None
    if obj is None or obj.pos_ != "PROPN" or obj.ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None
    if obj.left_edge.i != obj.i or obj.right_edge.i != obj.i:
        return None  # a longer phrase is the ordinary object
    return obj.idx, obj.idx + len(obj)


def _expected(tok: Token) -> bool:
    """Is it "expected" in a passive with no agent: "Obama is expected to join Clinton"?"""
    return (
        tok.lemma_ == "expect"
        and tok.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in tok.children)
        and not any(c.dep_ == "agent" for c in tok.children)
    )


def _according_content(tok: Token, min_tokens: int) -> tuple[int, int] | None:
    """The sentence around "according to X", without that phrase."""
    sent = tok.sent
    source = according_to(tok)
    phrase_end = source.right_edge.i if source is not None else tok.i + 1
    phrase_start = tok.i
    if phrase_start - sent.start > sent.end - 1 - phrase_end:
        return _trim(tok.doc, sent.start, phrase_start - 1, min_tokens)
    return _trim(tok.doc, phrase_end + 1, sent.end - 1, min_tokens)


def _is_reporting(tok: Token) -> bool:
    """Does the verb report a stance through its object ("cited the polls")?"""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    return (
        lemma in REPORTING_VERBS or lemma in NAMING_VERBS or lemma in STANCE_VERBS
    ) and lemma not in NO_OBJECT_CONTENT


# Every lemma some branch of ``find_reported`` reads as a cue; other tokens are skipped unseen.
_CUE_LEMMAS = frozenset().union(
    SPEECH_VERBS,
    BELIEF_VERBS,
    CLAUSE_ONLY,
    REPORTING_VERBS,
    NAMING_VERBS,
    STANCE_VERBS,
    INTENT_VERBS,
    CLAIM_NOUNS,
    STANCE_NOUNS,
    STANCE_ADJECTIVES,
)


def closing_aside(doc: Doc, start: int, end: int) -> Token | None:
    """The head of the aside closing the content body[start:end], or None when it has none.

    The aside is a relative clause or appositive that runs to the content's end and is set
    off by a comma or dash: "he did not support Mr. Trump[, the presumed Putin favorite]".
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    last = span[-1].i
    while last > span.start and doc[last].is_punct:
        last -= 1
    for tok in span[1:]:
        left = tok.left_edge.i
        if (
            tok.dep_ in _ASIDE_DEPS
            and tok.right_edge.i >= last
            and left - 1 > span.start
            and doc[left - 1].text in _BREAKS
        ):
            return tok
    return None


def aside_at(doc: Doc, start: int, end: int) -> int | None:
    """End of the content body[start:end] without a closing aside, or None when it has none."""
    head = closing_aside(doc, start, end)
    return None if head is None else before_aside(head)


def before_aside(head: Token) -> int:
    """End of the content before the aside ``head`` heads (and its comma or dash)."""
    before = head.doc[head.left_edge.i - 2]
    return before.idx + len(before)


def _candidates(doc: Doc) -> list[int]:
    """Indexes of the tokens that may be cues: a cue lemma, or "according".

    Read off the parse's columns: making a Token object for each word of the body cost
    more than everything else the search does.
    """
    strings = doc.vocab.strings
    lemmas = doc.to_array("LEMMA")
    wanted = [h for h in np.unique(lemmas).tolist() if strings[h].lower() in _CUE_LEMMAS]
    hit = np.isin(lemmas, wanted) | (doc.to_array("LOWER") == strings["according"])
    return np.flatnonzero(hit).tolist()


# "That said,", "That being said,", "Having said that,", "Needless to say,": phrases that
# join two sentences, with no one saying anything.
_LINKING = (("that", "said"), ("this", "said"), ("that", "being", "said"), ("having", "said", "that"),
            ("having", "said", "this"), ("needless", "to", "say"))  # fmt: skip


def _present_finding(tok: Token) -> bool:
    """A verb of finding in the present, whose object is no finding: "voters find themselves
    in trouble", "graduates could find jobs" (PolNeAR's train split marks 6 of 35 such
    objects; "found" with an object, 27 of 70, stays)."""
    return tok.lemma_.lower() in CLAUSE_ONLY and tok.tag_ in ("VB", "VBP")


def _linking_phrase(cue: Token) -> bool:
    """The cue is part of a linking phrase that opens its sentence and ends in a comma."""
    if cue.lemma_ != "say":
        return False
    sent_start = cue.sent.start
    for words in _LINKING:
        start = cue.i - words.index(cue.lower_) if cue.lower_ in words else -1
        end = start + len(words)
        if start != sent_start or end >= len(cue.doc) or cue.doc[end].text != ",":
            continue
        if tuple(t.lower_ for t in cue.doc[start:end]) == words:
            return True
    return False


def find_reported(
    doc: Doc, quoted: Sequence[bool], settings: QuoteSettings = DEFAULT_SETTINGS
) -> list[Reported]:
    """Every reported-speech attribution whose cue stands outside quote marks."""
    min_tokens = settings.min_content_tokens
    out: list[Reported] = []
    for i in _candidates(doc):
        if quoted[i]:
            continue
        tok = doc[i]
        if _linking_phrase(tok):
            continue
        if (span := _seen_as(tok, min_tokens)) is not None:
            att = from_cue(tok, quoted, settings)
            passive = any(c.dep_ == "nsubjpass" for c in tok.children)
            if att.speaker is not None or passive:
                out.append(Reported(*span, att, tok, impression=att.speaker is None))
            continue
        if (tok.lemma_ in _IMPRESSION_VERBS and tok.pos_ in ("VERB", "AUX")) or _expected(tok):
            span = _impression(tok, min_tokens)
            if span is not None:
                out.append(Reported(*span, from_cue(tok, quoted, settings), tok, impression=True))
            continue
        if tok.lower_ == "according":
            if according_to(tok) is None:
                continue
            span = _according_content(tok, min_tokens)
        elif is_cue(tok, beliefs=True) or (
            tok.pos_ == "VERB" and tok.lemma_.lower() in CLAUSE_ONLY
        ):
            span = _clause(tok, min_tokens) or (
                _complement(tok, min_tokens)
                if _is_reporting(tok) and not _present_finding(tok)
                else None
            )
        elif _is_reporting(tok):
            span = (
                _clause(tok, min_tokens)
                or _complement(tok, min_tokens)
                or _passive_subject(tok, min_tokens)
            )
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in INTENT_VERBS:
            span = _intent(tok, min_tokens)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in NO_OBJECT_CONTENT:
            span = None  # "talked about the economy": ``_topic`` below
        elif _is_claim(tok, min_tokens):
            span = _claim_clause(tok, min_tokens)
            out.append(Reported(span[0], span[1], _claimant(tok, quoted, settings), tok))
            continue
        elif tok.pos_ == "ADJ" and tok.lemma_.lower() in STANCE_ADJECTIVES:
            span = _stance_of(tok, min_tokens)
        elif (span := _stance_object(tok, min_tokens)) is not None:
            out.append(Reported(span[0], span[1], _claimant(tok, quoted, settings), tok))
            continue
        else:
            continue
        if span is None and tok.lemma_.lower() in NO_OBJECT_CONTENT:
            span = _told_to(tok, min_tokens) or _topic(tok, min_tokens)
        named = span is None and (span := _named_object(tok)) is not None
        if span is None:
            continue
        att = from_cue(tok, quoted, settings)
        if att.speaker is None and tok.lemma_.lower() in RESEARCH_VERBS:
            continue  # "It is believed that ...": a finding with no one who found it
        out.append(Reported(span[0], span[1], att, tok, named=named))
    return out
