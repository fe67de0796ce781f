"""Reported speech: "Flynn said that the generals ...", "according to the ministry, ...".

A verb of saying (or thinking) outside quote marks with a clause complement
makes an attribution whose content is that clause; "according to X" makes
one whose content is the rest of its sentence. Content that is mostly a
direct quote is left to the direct-quote finder; content holding a quoted
fragment is a mixed quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.quote_cues import CLAUSE_ONLY
from newsgraph.extract.quote_speaker import Attribution, according_to, from_cue, is_cue

_MIN_TOKENS = 3
_CONTENT_DEPS = ("ccomp",)


@dataclass
class Reported:
    """Content of a reported attribution and who made it."""

    start: int
    end: int
    attribution: Attribution
    cue: Token


def _trim(doc: Doc, left: int, right: int) -> tuple[int, int] | None:
    """Drop edge punctuation, a leading "that" and the quote marks around the span."""
    while left <= right and (
        doc[left].is_punct or doc[left].is_space or doc[left].lower_ == "that"
    ):
        if doc[left].is_quote:
            break
        left += 1
    while right >= left and (
        doc[right].is_space or (doc[right].is_punct and not doc[right].is_quote)
    ):
        right -= 1
    if right - left + 1 < _MIN_TOKENS:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def _clause(cue: Token) -> tuple[int, int] | None:
    comp = next((c for c in cue.children if c.dep_ in _CONTENT_DEPS), None)
    if comp is None:
        # "told reporters the plan was dead": the clause may hang off the object
        for c in cue.children:
            if c.dep_ in ("dobj", "dative"):
                comp = next((g for g in c.children if g.dep_ == "ccomp"), None)
                if comp is not None:
                    break
    if comp is None:
        return None
    return _trim(cue.doc, comp.left_edge.i, comp.right_edge.i)


def _according_content(tok: Token) -> tuple[int, int] | None:
    """The sentence around "according to X", without that phrase."""
    sent = tok.sent
    source = according_to(tok)
    phrase_end = source.right_edge.i if source is not None else tok.i + 1
    phrase_start = tok.i
    if phrase_start - sent.start > sent.end - 1 - phrase_end:
        return _trim(tok.doc, sent.start, phrase_start - 1)
    return _trim(tok.doc, phrase_end + 1, sent.end - 1)


def find_reported(doc: Doc, quoted: list[bool]) -> list[Reported]:
    """Every reported-speech attribution whose cue stands outside quote marks."""
    out: list[Reported] = []
    for tok in doc:
        if quoted[tok.i]:
            continue
        if tok.lower_ == "according":
            if according_to(tok) is None:
                continue
            span = _according_content(tok)
        elif is_cue(tok, beliefs=True) or (
            tok.pos_ == "VERB" and tok.lemma_.lower() in CLAUSE_ONLY
        ):
            span = _clause(tok)
        else:
            continue
        if span is None:
            continue
        out.append(Reported(span[0], span[1], from_cue(tok, quoted), tok))
    return out
