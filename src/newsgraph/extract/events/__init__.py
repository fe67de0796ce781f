"""The events annotator: who did what to whom, coded in PLOVER, sentence by sentence.

For each sentence: its triggers (``triggers``), the governing one and at most one more
(``triggers.choose``), each one's actor and recipient coded by country and sector
(``actors``), its flags (negated, future, hypothetical), who claims it when it is said
inside a quotation or reported by a verb of saying, and the place and date the sentence
names. Every event keeps its trigger and its sentence, so it can be checked against
its evidence.
"""

from __future__ import annotations

import bisect

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span, Token

from newsgraph.extract import annotator
from newsgraph.extract.events.actors import (
    FIRST_PERSON,
    actor_token,
    code_text,
    event_actor,
    phrase,
    recipient_token,
)
from newsgraph.extract.events.lexicon import Lexicon, lexicon
from newsgraph.extract.events.triggers import SAYING_VERBS, Candidate, candidates, choose
from newsgraph.extract.referents import Referents
from newsgraph.record import Article, Entity, Event, EventActor, Quote
from newsgraph.record import Span as TextSpan


class EventSettings(BaseModel):
    """Limits of the events annotator."""

    model_config = ConfigDict(frozen=True)

    per_sentence: int = Field(
        2, ge=1, description="At most this many events (of different types) per sentence."
    )
    max_sentence_tokens: int = Field(
        120,
        ge=10,
        description="Longer 'sentences' (lists, tables, run-on text) are not coded.",
    )


DEFAULT_SETTINGS = EventSettings()
_MAX_CLIMB = 12
_LOCATING_PREPS = frozenset("in of from throughout across inside".split())
_REFERRING = frozenset("they them their it its he his she her".split())


class _Article:
    """What the events of one article are looked up in: entities, quotes, places, dates."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.body = doc.text
        self.entities = {e.id: e for e in article.entities}
        quoted = [False] * len(doc)
        starts = [t.idx for t in doc]
        for q in article.quotes:
            if q.kind == "direct":
                for i in range(
                    bisect.bisect_left(starts, q.start), bisect.bisect_left(starts, q.end)
                ):
                    quoted[i] = True
        self.refs = Referents(doc, article.entities, quoted)
        self.quotes = sorted(article.quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]
        self.places = [(m.start, p.entity) for p in article.places if p.entity for m in p.mentions]
        self.places.sort()
        self.place_country = {p.entity: p.country for p in article.places if p.entity}
        self.dates = sorted((d.start, d.value) for d in article.dates)

    def entity(self, start: int, end: int) -> Entity | None:
        eid = self.refs.resolve(start, end)
        return self.entities.get(eid) if eid else None

    def quote_at(self, pos: int) -> Quote | None:
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        while k >= 0:
            q = self.quotes[k]
            if q.start <= pos < q.end:
                return q
            if pos - q.start > 5000:
                break
            k -= 1
        return None

    def nearest(self, rows: list[tuple[int, str]], sent: Span, pos: int) -> str | None:
        lo = bisect.bisect_left(rows, (sent.start_char, ""))
        hi = bisect.bisect_left(rows, (sent.end_char, ""))
        inside = rows[lo:hi]
        return min(inside, key=lambda r: abs(r[0] - pos))[1] if inside else None


def _coded(tok: Token | None, art: _Article, lex: Lexicon) -> EventActor | None:
    if tok is None:
        return None
    i, j = phrase(tok)
    start, end = art.doc[i].idx, art.doc[j - 1].idx + len(art.doc[j - 1])
    actor = event_actor(start, end, art.body, lex, art.entity(start, end))
    if actor is not None and actor.country is None:
        # "Security forces in Guinea", "students throughout Indonesia": where they are
        where = _located_in(tok, lex)
        if where is not None:
            actor = actor.model_copy(update={"country": where})
    return actor


def _located_in(tok: Token, lex: Lexicon) -> str | None:
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in _LOCATING_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    i, j = phrase(obj)
                    country = code_text(obj.doc[i:j].text, lex).country
                    if country is not None:
                        return country
    return None


def _speaker(q: Quote, art: _Article, lex: Lexicon) -> EventActor | None:
    s = q.speaker
    if s is None:
        return None
    entity = art.entities.get(s.entity) if s.entity else None
    code = code_text(s.text, lex, " ".join(filter(None, [q.role, entity and entity.description])))
    if entity is not None and code.country is None:
        code = code_text(entity.name, lex, entity.description)
    return EventActor(
        text=s.text,
        start=s.start,
        end=s.end,
        entity=s.entity,
        country=code.country or (entity.country if entity else None),
        sector=code.sector,
    )


def _reporter(head: Token) -> Token | None:
    """The subject of the verb of saying whose clause holds head ("MPs said [Iran is ...]")."""
    tok = head
    for _ in range(_MAX_CLIMB):
        if tok.head is tok:
            return None
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SAYING_VERBS:
            return next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        tok = tok.head
    return None


def _as_reporter(
    tok: Token, actor: EventActor | None, said_by: EventActor | None
) -> EventActor | None:
    """A pronoun in what someone says refers to them: "the rebels said they will release",
    "Bosnian Serbs said their forces had completed ..." ."""
    if said_by is None:
        return actor
    if tok.pos_ == "PRON" and (actor is None or actor.sector is None):
        span = {"text": tok.text, "start": tok.idx, "end": tok.idx + len(tok)}
        return said_by.model_copy(update=span)
    if actor is not None and actor.country is None:
        if any(c.lower_ in _REFERRING for c in tok.children if c.dep_ == "poss"):
            return actor.model_copy(update={"country": said_by.country})
    return actor


def _event(cand: Candidate, sent: Span, art: _Article, lex: Lexicon) -> Event:
    actor_tok, passive_recipient = actor_token(cand.head)
    recipient_tok = passive_recipient or recipient_token(cand.head, cand.tokens[1:])
    if recipient_tok is not None and actor_tok is not None and recipient_tok.i == actor_tok.i:
        recipient_tok = None
    quote = art.quote_at(cand.start)
    claimed_by = _speaker(quote, art, lex) if quote is not None else None
    if claimed_by is None:
        claimed_by = _coded(_reporter(cand.head), art, lex)
    actor = _coded(actor_tok, art, lex)
    reporter = _reporter(cand.head)
    if actor_tok is not None and reporter is not None and reporter.pos_ != "PRON":
        actor = _as_reporter(actor_tok, actor, _coded(reporter, art, lex))
    if actor_tok is not None and actor_tok.lower_ in FIRST_PERSON and quote is not None:
        actor = (
            claimed_by.model_copy(
                update={
                    "text": actor_tok.text,
                    "start": actor_tok.idx,
                    "end": actor_tok.idx + len(actor_tok),
                }
            )
            if claimed_by is not None
            else None
        )
    recipient = _coded(recipient_tok, art, lex)
    place = art.nearest(art.places, sent, cand.start)
    if (
        actor is not None
        and actor.country is None
        and place is not None
        and actor_tok is not None
        and actor_tok.pos_ == "NOUN"
    ):
        # "Prisoners rioted at a jail in Dili": people of no stated country, where they act
        actor = actor.model_copy(update={"country": art.place_country.get(place)})
    return Event(
        type=cand.code.type,
        mode=cand.code.mode,
        context=list(cand.code.context),
        negated=cand.negated,
        hypothetical=cand.hypothetical,
        future=cand.future,
        claimed_by=claimed_by,
        actor=actor,
        recipient=recipient,
        place=place,
        date=art.nearest(art.dates, sent, cand.start),
        trigger=TextSpan(start=cand.start, end=cand.end, text=art.body[cand.start : cand.end]),
        start=sent.start_char,
        end=sent.end_char,
    )


def find_events(
    doc: Doc, article: Article, settings: EventSettings = DEFAULT_SETTINGS
) -> list[Event]:
    """The events the body states, in order."""
    lex = lexicon()
    art = _Article(doc, article)
    events = []
    for sent in doc.sents:
        if len(sent) > settings.max_sentence_tokens:
            continue
        for cand in choose(candidates(sent, lex), settings.per_sentence):
            events.append(_event(cand, sent, art, lex))
    return events


@annotator(
    "events",
    requires=("entities", "places", "dates", "quotes"),
    assigns=("events",),
    settings=EventSettings,
)
def annotate_events(doc: Doc, article: Article, settings: EventSettings = DEFAULT_SETTINGS) -> None:
    """Fill ``article.events``."""
    article.events = find_events(doc, article, settings)
