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
    SUFFER_VERBS,
    actor_token,
    code_text,
    event_actor,
    is_hazard,
    noun_actor,
    phrase,
    recipient_tokens,
)
from newsgraph.extract.events.lexicon import Lexicon, lexicon
from newsgraph.extract.events.triggers import SAYING_VERBS, Candidate, candidates, choose, refine
from newsgraph.extract.referents import Referents
from newsgraph.nlp import text_of, token_starts
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
# Events that answer an earlier act ("condemned the attacks"), and the words that point back.
_ANSWERS = frozenset("ACCUSE SUPPORT REJECT REQUEST PROTEST SANCTION".split())
_DEFINITE = frozenset("the these this those such".split())
_ANSWER_REACH = 3000


class _Article:
    """What the events of one article are looked up in: entities, quotes, places, dates."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.body = text_of(doc)
        self.entities = {e.id: e for e in article.entities}
        quoted = [False] * len(doc)
        starts = token_starts(doc)
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
        self.assaults: list[tuple[int, EventActor]] = []  # (where, who) of assaults told

    def entity(self, phrase: Span, head: Token) -> Entity | None:
        """The entity the phrase names: the one mentioned at its head, else one mentioned in
        it ("the Israeli Embassy"), else the one a pronoun or bare title refers to."""
        for tok in (head, *reversed(phrase)):
            if (found := self.refs.containing(tok.idx)) is not None:
                return found
        if len(phrase) > 2:  # "the Israeli Embassy" says who it is; "the embassy" may not
            return None
        eid = self.refs.resolve(phrase.start_char, phrase.end_char)
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
    # "it" stands for things as often as for actors: it is not looked up
    entity = art.entity(art.doc[i:j], tok) if tok.lower_ not in ("it", "its") else None
    actor = event_actor(start, end, art.body, lex, entity)
    if actor is None or actor.country is None:
        # "the same source: Iran's Islamic Republic", "security forces in Guinea"
        found = _appositive(tok, art, lex) or _located_in(tok, lex)
        if found is not None:
            span = {"text": art.body[start:end], "start": start, "end": end}
            actor = (
                found.model_copy(update=span)
                if isinstance(found, EventActor)
                else actor.model_copy(update={"country": found})
                if actor is not None
                else None
            )
    return actor


def _appositive(tok: Token, art: _Article, lex: Lexicon) -> EventActor | None:
    for child in tok.children:
        if child.dep_ == "appos":
            coded = _coded(child, art, lex)
            if coded is not None and coded.country:
                return coded
    return None


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


def _answered(cand: Candidate, art: _Article, lex: Lexicon) -> EventActor | None:
    """Condemning, rejecting or protesting an assault is done to the assailant: "condemned
    the attacks from the Gaza Strip", "condemned Hamas's attack", or "the attacks" told of
    just before."""
    if cand.code.type not in _ANSWERS:
        return None
    obj = next((c for c in cand.head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    code = lex.nouns.get(obj.lemma_.lower())
    if code is None or code.type != "ASSAULT":
        return None
    assailant = noun_actor(obj)
    if assailant is not None:
        return _coded(assailant, art, lex)
    if any(d.lower_ in _DEFINITE for d in obj.children if d.dep_ == "det") and art.assaults:
        at, actor = art.assaults[-1]
        if obj.idx - at <= _ANSWER_REACH:
            span = {"text": obj.text, "start": obj.idx, "end": obj.idx + len(obj)}
            return actor.model_copy(update=span)
    return None


def _sufferer(head: Token) -> Token | None:
    """'Azerbaijanis have suffered from rocket fire': who suffers is who is acted on."""
    if head.dep_ != "pobj" or head.head.dep_ != "prep":
        return None
    verb = head.head.head
    if verb.lemma_.lower() not in SUFFER_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _recipient(
    cand: Candidate, actor_tok: Token | None, art: _Article, lex: Lexicon
) -> EventActor | None:
    """The nearest thing the trigger is done to that names an actor."""
    exclude = [*cand.tokens[1:], *([actor_tok] if actor_tok is not None else [])]
    for tok in recipient_tokens(cand.head, exclude):
        coded = _coded(tok, art, lex)
        if coded is not None and (coded.country or coded.entity):
            return coded
    return None


def _as_reporter(
    tok: Token, actor: EventActor | None, said_by: EventActor | None
) -> EventActor | None:
    """A pronoun in what someone says refers to them: "the rebels said they will release",
    "Bosnian Serbs said their forces had completed ..." ."""
    if said_by is None:
        return actor
    if tok.pos_ == "PRON" and (actor is None or actor.sector is None or actor.country is None):
        span = {"text": tok.text, "start": tok.idx, "end": tok.idx + len(tok)}
        return said_by.model_copy(update=span)
    if actor is not None and actor.country is None:
        if any(c.lower_ in _REFERRING for c in tok.children if c.dep_ == "poss"):
            return actor.model_copy(update={"country": said_by.country})
    return actor


def _event(cand: Candidate, sent: Span, art: _Article, lex: Lexicon) -> Event | None:
    """The coded event of a trigger; None when nature, not an actor, does it."""
    actor_tok, passive_recipient = actor_token(cand.head)
    if actor_tok is not None and is_hazard(actor_tok):
        return None
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
    if actor is None and actor_tok is None and quote is not None and cand.head.dep_ == "ROOT":
        actor = claimed_by  # "Thank you to ...", said by the one who speaks
    recipient = _coded(passive_recipient or _sufferer(cand.head), art, lex)
    if recipient is None:
        recipient = _answered(cand, art, lex)
    if recipient is None:
        recipient = _recipient(cand, actor_tok, art, lex)
    if recipient is not None and actor is not None and recipient.entity is not None:
        if recipient.entity == actor.entity:  # "Kennedy said he ...": no one acts on himself
            recipient = None
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
) -> tuple[list[Event], int]:
    """The events the body states, in order, and how many over-long sentences were not coded."""
    lex = lexicon()
    art = _Article(doc, article)
    events = []
    skipped = 0
    for sent in doc.sents:
        if len(sent) > settings.max_sentence_tokens:
            skipped += 1
            continue
        found = candidates(sent, lex)
        for cand in refine(choose(found, settings.per_sentence), found, sent, lex):
            event = _event(cand, sent, art, lex)
            if event is None:
                continue
            if cand.head.pos_ != "VERB" and event.actor is None and event.recipient is None:
                continue  # a bare noun ("terrorism", "the war") states no event
            events.append(event)
            if event.type == "ASSAULT" and event.actor is not None:
                art.assaults.append((event.start, event.actor))
    return events, skipped


@annotator(
    "events",
    requires=("entities", "places", "dates", "quotes"),
    assigns=("events",),
    settings=EventSettings,
)
def annotate_events(doc: Doc, article: Article, settings: EventSettings = DEFAULT_SETTINGS) -> None:
    """Fill ``article.events``; say how many sentences were too long to code."""
    article.events, skipped = find_events(doc, article, settings)
    if skipped:
        article.warnings.append(
            f"events: {skipped} sentence(s) longer than {settings.max_sentence_tokens} "
            "tokens not coded (lists, tables or run-on text)"
        )
