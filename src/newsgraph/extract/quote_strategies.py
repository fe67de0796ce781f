"""The ways a direct quote's speaker is found, each on its own, tried in a set order.

Each strategy reads a ``DirectQuote`` (the quote and the text around it) and
answers with an ``Attribution`` (found it), ``NOBODY`` (the attribution is
written here but names no one: stop looking) or None (not its kind of quote:
try the next). ``attribute`` runs them in the order of
``QuoteSettings.strategies``; the first answer wins. ``previous_quote``
fills in speakers the others leave out, so the annotator asks it in a second
pass, once the quotes before are attributed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extract.quote_context import DirectQuote, clause_before
from newsgraph.extract.quote_cues import NAMING_VERBS
from newsgraph.extract.quote_indirect import content_of
from newsgraph.extract.quote_settings import StrategyName
from newsgraph.extract.quote_speaker import (
    Attribution,
    according_to,
    from_cue,
    from_phrase,
    is_cue,
    subject_of,
)


@dataclass(frozen=True)
class Unattributed:
    """A strategy's answer that the attribution is written here but names no one."""


NOBODY = Unattributed()
Verdict = Attribution | Unattributed | None
Strategy = Callable[[DirectQuote], Verdict]

_DASH = re.compile(r"\s*(?:[—―–]|--?)\s*(?=\S)")
_SUBORDINATORS = frozenset("after before when while because since although though once".split())
# A line that opens with a name and a colon, as headlines and transcripts do: "Pence: ..."
LABEL = re.compile(r"\s*((?:[A-Z][\w’'.-]*\s){0,3}[A-Z][\w’'.-]*):\s")


def _claimed(att: Attribution | None) -> Verdict:
    """A strategy that recognised its pattern answers, even when no speaker could be read."""
    return NOBODY if att is None else att


def _cues_in(toks: Iterable[Token]) -> Iterator[Token]:
    """The verbs of saying (and "according to") among the tokens, in their order."""
    for t in toks:
        if is_cue(t) or (t.lower_ == "according" and according_to(t) is not None):
            yield t


def _cue_in(toks: Iterable[Token]) -> Token | None:
    return next(_cues_in(toks), None)


def verb_subject(q: DirectQuote) -> Verdict:
    """A verb of saying in the clause before or after the quote; its subject speaks.

    The clause after is read first when the sentence runs on past the quote
    ('“...,” she said'), else the clause before, and after a full stop only its first words.
    """
    settings = q.text.settings
    before = list(_cues_in(reversed(q.before)))
    words_after = [t for t in q.after if not t.is_punct]
    after = [
        cue
        for cue in _cues_in(q.after if q.runs_on else words_after[: settings.after_reach_words])
        if not _subordinate(cue)
    ]
    first = None
    for cue in after + before if q.runs_on else before + after:
        att = from_cue(cue, q.text.quoted, settings)
        if att.speaker is not None or subject_of(cue, q.text.quoted, settings) is None:
            return att
        first = first or att  # its subject cannot speak ("That said, “...,” he told us"): go on
    return first


def _subordinate(cue: Token) -> bool:
    """Does the cue head a clause of time or reason ("... a “disgrace” after she attacked
    the police")? Such a clause after a quote tells what happened, not who said it."""
    return cue.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in cue.children
    )


def dash(q: DirectQuote) -> Verdict:
    """A dash and a name after the quote: '“...” — John Smith, mayor'."""
    found = _DASH.match(q.after_text)
    if found is None or q.quote.end + found.end() >= q.line_end:
        return None
    start = q.quote.end + found.end()
    return _claimed(from_phrase(q.text.doc, start, min(q.next_start, q.line_end)))


def lead_in(q: DirectQuote) -> Verdict:
    """A phrase ending in a colon before the quote on its line: 'From the ministry: “...”'."""
    if not (q.lead.endswith(":") and q.before):
        return None
    toks = clause_before(q.before)
    verb = _clause_verb(toks) if toks else None
    if verb is not None and not any(
        c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in verb.children
    ):  # a clause: "..., the historian ended her speech by quoting da Vinci:", not "When ...:"
        att = from_cue(verb, q.text.quoted, q.text.settings)
        if att.speaker is not None:
            return att
    return _claimed(from_phrase(q.text.doc, q.before[0].idx, q.quote.start))


def line_before(q: DirectQuote) -> Verdict:
    """A line ending in a colon just before a line that opens with the quote: 'Caddell continued:'."""
    text = q.text
    if q.lead or q.first_line == 0:
        return None
    prev_start, prev_end = text.lines[q.first_line - 1]
    if not text.body[prev_start:prev_end].rstrip().endswith(":"):
        return None
    toks = clause_before(text.tokens(prev_start, prev_end))
    cue = _cue_in(reversed(toks)) or _clause_verb(toks)
    if cue is not None:
        att = from_cue(cue, text.quoted, text.settings)
        if att.speaker is not None:
            return att
    if toks:
        return _claimed(from_phrase(text.doc, toks[0].idx, prev_end))
    return None


def headline_label(q: DirectQuote) -> Verdict:
    """A name and a colon opening the quote's line, as headlines do: 'Pence: “...”'."""
    label = LABEL.match(q.text.body, q.line_start, q.quote.start)
    if label is None:
        return None
    start = q.line_start
    return _claimed(from_phrase(q.text.doc, start, start + label.end(1) - label.start(1)))


def governing_verb(q: DirectQuote) -> Verdict:
    """The verb of the clause the quote sits in ('Clinton called them “deplorables”'); its subject."""
    if not any(not t.is_punct for t in q.before):
        return None
    return _claimed(_governor(q))


def previous_quote(q: DirectQuote) -> Verdict:
    """The speaker of the quote or statement just before, on this line or a few lines up."""
    last = q.previous
    if last is None or q.first_line - last.line > q.text.settings.inherit_lines:
        return None
    att = last.attribution
    return Attribution(speaker=att.speaker, head=att.head, form=att.form, role=att.role)


STRATEGIES: dict[StrategyName, Strategy] = {
    "verb_subject": verb_subject,
    "dash": dash,
    "lead_in": lead_in,
    "line_before": line_before,
    "headline_label": headline_label,
    "governing_verb": governing_verb,
    "previous_quote": previous_quote,
}


def attribute(q: DirectQuote, names: Iterable[StrategyName]) -> Attribution | None:
    """The attribution of the first named strategy that answers, or None."""
    for name in names:
        verdict = STRATEGIES[name](q)
        if verdict is not None:
            return None if verdict is NOBODY else verdict
    return None


def _clause_verb(toks: list[Token]) -> Token | None:
    """The main verb of a lead-in clause ("Sanders made the following comment:")."""
    inside = {t.i for t in toks}
    return next(
        (t for t in toks if t.pos_ == "VERB" and t.head.i not in inside or t.head is t), None
    )


def _governor(q: DirectQuote) -> Attribution | None:
    """For a quote inside a clause ("Clinton called them “deplorables.”"): the clause's verb and subject.

    Climbs from the quote to the first verb of saying or naming, else to the topmost verb on the
    way that is not a copula, and takes that verb's subject.
    """
    text, quote, settings = q.text, q.quote, q.text.settings
    doc = text.doc
    a, b = text.tok_index(quote.start), text.tok_index(quote.end)
    tok = next((doc[i].head for i in range(a, b) if not a <= doc[i].head.i < b), None)
    chosen = None
    for _ in range(settings.governor_climb):
        if tok is None or text.quoted[tok.i]:
            break
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ != "be":
            chosen = tok
            if (
                tok.lemma_.lower() in NAMING_VERBS
                or tok.lemma_ == "put"
                or is_cue(tok, beliefs=True)
            ):
                break
        if tok.head is tok:
            break
        tok = tok.head
    if chosen is None or text.line_of(chosen.idx) != q.first_line:
        return None
    att = from_cue(chosen, text.quoted, settings)
    if att.speaker is None:
        return None
    span = content_of(chosen, settings)
    line_start, line_end = text.lines[q.first_line]
    if span is not None:
        span = (max(span[0], line_start), min(span[1], line_end))
        inner = quote.inner
        if (
            span[0] <= inner[0]
            and inner[1] <= span[1] + 1
            and len(text.body[span[0] : span[1]].split())
            > len(text.body[inner[0] : inner[1]].split()) + settings.mixed_extra_words
        ):
            att.content = span  # "called half of his supporters “deplorables”": a mixed quote
    return att
