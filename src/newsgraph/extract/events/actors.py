"""Who acts and who is acted on, and their codes: country (ISO alpha-3, or IGO/NGO) and sector.

The actor of a trigger is its clause's subject (the ``by`` phrase of a passive), or for a
noun its possessor ("Hamas's attacks"); the recipient its object, or the noun a
preposition such as "on", "against" or "with" governs. A phrase is coded from, in order:
the longest name in it that PETRARCH2's Phoenix dictionaries know ("Security Council",
"Hamas"), a country name or demonym ("Azerbaijani MP"), the entity it refers to (its name,
its description, its country); its sector from the role nouns in it ("MP" LEG, "troops"
MIL). A pronoun or title refers through ``Referents``; "we" and "I" inside a quotation are
its speaker.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.countries import country_code
from newsgraph.extract.events.lexicon import ActorCode, Lexicon
from newsgraph.record import Entity, EventActor

_SUBJECTS = ("nsubj", "csubj")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_RECIPIENT_PREPS = frozenset(
    "against on upon at with to into toward towards from of over in for outside".split()
)
# "Azerbaijanis have suffered from rocket fire": the one who suffers is acted on.
SUFFER_VERBS = frozenset("suffer endure face survive flee escape die".split())
_OBJECT_DEPS = ("dobj", "obj", "dative", "attr", "oprd")
_INHERITS_SUBJECT = ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp")
FIRST_PERSON = frozenset("i we me us my our".split())
_MAX_PHRASE = 12
# Heads that name a group of the actors their "of" phrase names.
_GROUPS = frozenset(
    "group number delegation team batch patch contingent deployment unit members member "
    "dozens hundreds thousands tens scores millions dozen hundred thousand million crowd "
    "crowds some many most all leaders "
    "spokesman spokeswoman spokesperson".split()
)
_STATIVE = frozenset("commit prepare determine dedicate resolve oblige poise".split())
_MAX_NAME_WORDS = 5
_MAX_CLIMB = 8
_MAX_RECIPIENT_DEPTH = 5
_NOT_RECIPIENT = frozenset(
    "punct cc det advmod aux auxpass neg mark relcl advcl npadvmod appos acl poss".split()
)
_NOT_ACTORS = frozenset("DATE TIME CARDINAL MONEY QUANTITY PERCENT ORDINAL".split())
_ARTICLES = ("al-", "el-", "al", "el")
_ARTICLE = re.compile(r" (?:el|el-|al-|ad-|as-) ")


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether it is a passive's (then it is acted on)."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if child.pos_ == "VERB":  # "the Red Cross operating in Iraq said": a misparse
                inner = next((c for c in child.children if c.dep_ == "nsubj"), None)
                return (inner or child), False
            return child, False
        if child.dep_ in _PASSIVE_SUBJECTS:
            return child, True
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def actor_token(head: Token) -> tuple[Token | None, Token | None]:
    """(actor, recipient-by-passive) tokens for a trigger whose head is ``head``."""
    if head.pos_ in ("NOUN", "PROPN"):
        own = noun_actor(head)
        if own is not None:
            return own, None
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is not None and head.dep_ in _OBJECT_DEPS:
            # "the ILO reiterated its demand": its = the subject of the verb
            subject, passive = _subject(head.head)
            if subject is not None and not passive:
                return subject, None
            return poss, None
        if head.dep_ in _SUBJECTS:
            return (head if _is_agentive(head) else None), None
        verb = head.head if head.dep_ in _OBJECT_DEPS else None
        if (
            head.dep_ == "pobj"
            and head.head.head.pos_ == "VERB"
            and head.head.head.lemma_.lower() not in SUFFER_VERBS
        ):  # "returned for talks", not "suffered from rocket fire"
            verb = head.head.head
        if verb is None:
            return None, None
        head = verb
    tok, passive_recipient = head, None
    for _ in range(_MAX_CLIMB):
        subject, passive = _subject(tok)
        if passive and tok.lemma_.lower() in _STATIVE and _agent(tok) is None:
            passive = False  # "Vietnam is committed to ...": a state of the subject
        if passive:
            passive_recipient = passive_recipient or subject
            agent = _agent(tok)
            if agent is not None:
                return agent, passive_recipient
            return None, passive_recipient
        if subject is not None:
            return subject, passive_recipient
        if tok.dep_ == "relcl":
            return tok.head, passive_recipient
        if tok.dep_ == "acl" and tok.head.dep_ in _OBJECT_DEPS:
            # "the PKK issued a declaration demanding ...": the one who issued it
            tok = tok.head.head
            continue
        if tok.dep_ not in _INHERITS_SUBJECT or tok.head is tok:
            break
        tok = tok.head
    return None, passive_recipient


# What strikes, hits or kills with no one acting: "an earthquake struck southern Turkey"
# is no strike, "Hurricane Helene hit Florida, killing 12" no assault.
_HAZARDS = frozenset(
    """earthquake quake tremor aftershock storm hurricane typhoon cyclone tornado twister
    flood flooding tsunami wildfire bushfire fire blaze drought heatwave avalanche landslide
    mudslide eruption volcano lightning blizzard rain snow hail virus outbreak epidemic
    pandemic disease ice wind wave heat frost lava""".split()
)


def is_hazard(tok: Token) -> bool:
    """Is the actor a natural hazard, or a named one ("Storm Bert", "Hurricane Helene")?"""
    words = [tok, *(c for c in tok.children if c.dep_ == "compound")]
    return any(w.lemma_.lower() in _HAZARDS for w in words)


def noun_actor(noun: Token) -> Token | None:
    """Who does what a noun names, as the noun's own words say: "Hamas's attacks",
    "Palestinian riots", "the attack by Hamas", "rocket fire from Armenia"."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss if poss.pos_ != "PRON" else None
    for mod in noun.children:
        if mod.dep_ in ("amod", "compound") and mod.i < noun.i and _nationality(mod):
            return mod
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            source = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if source is not None and (prep.lower_ == "by" or source.pos_ == "PROPN"):
                return source
    return None


def _nationality(tok: Token) -> bool:
    """Does the modifier name who acts: a nationality, a country, an organisation?"""
    return tok.ent_type_ in ("NORP", "GPE", "ORG") or country_code(tok.text) is not None


def _is_agentive(noun: Token) -> bool:
    """A noun trigger as subject names its doers only when it is a person noun ("protesters")."""
    return noun.lemma_.lower() in ("protester", "demonstrator", "gunman", "rebel")


def recipient_tokens(head: Token, exclude: Iterable[Token] = ()) -> Iterator[Token]:
    """What the trigger may be done to, nearest first: its objects, the nouns its
    prepositions govern, then deeper ("promised to continue aid to Mozambique", "condemned
    the attacks by Hamas", "demanded that the US cancel ...")."""
    skip = {t.i for t in exclude}
    queue = deque((c, 1) for c in head.children if c.dep_ not in _SUBJECTS)
    while queue:
        tok, depth = queue.popleft()
        if depth > _MAX_RECIPIENT_DEPTH or tok.dep_ in _NOT_RECIPIENT:
            continue
        # the trigger's own words ("stand with", "held talks") are passed through, not taken
        if tok.i in skip:
            pass
        elif tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.ent_type_ not in _NOT_ACTORS:
            if tok.dep_ != "prep" or tok.lower_ in _RECIPIENT_PREPS:
                yield tok
        if tok.dep_ == "prep" and tok.lower_ not in _RECIPIENT_PREPS and tok.i not in skip:
            continue
        queue.extend((c, depth + 1) for c in tok.children)


def phrase(tok: Token) -> tuple[int, int]:
    """Token range [i, j) of the noun phrase headed by tok, short of its clauses."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "poss", "compound", "amod", "nmod", "nummod", "quantmod", "case"):
            start = min(start, child.left_edge.i)
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("flat", "compound", "appos") and child.i == end:
            end = child.i + 1
        elif child.dep_ == "case":
            end = child.i + 1
        elif (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and (tok.lower_ in _GROUPS or tok.lemma_.lower() in _GROUPS or tok.pos_ == "NUM")
        ):
            end = max(end, child.right_edge.i + 1)  # "a group of Moroccan diplomats"
    start = max(start, end - _MAX_PHRASE)
    return start, end


def _lookup(words: list[str], lex: Lexicon) -> ActorCode | None:
    """A name's code: a Phoenix actor, else a country name or demonym."""
    name = " ".join(words).lower()
    if len(name) <= 3 and not words[0].isupper():  # acronyms only in capitals: "US", not "us"
        return None
    for form in (name, name.replace("-", " "), _ARTICLE.sub(" al ", f" {name} ").strip()):
        if (code := lex.actor(form)) is not None:
            return code
    country = country_code(" ".join(words))
    return ActorCode(country, None) if country else None


def _without_middle(words: list[str], lex: Lexicon) -> ActorCode | None:
    """A person's name without its middle names: "Omar Hassan al-Bashir" -> "Omar al-Bashir"."""
    if len(words) < 3 or not all(w[:1].isupper() or w.lower().startswith(_ARTICLES) for w in words):
        return None
    for short in ([words[0], words[-1]], [words[0], *words[-2:]]):
        if (code := lex.actor(" ".join(short).lower().replace("-", " "))) is not None:
            return code
    return None


def _names(words: list[str], lex: Lexicon) -> ActorCode | None:
    """The known names among the words, longest first: the country of the longest that
    has one ("Palestinian" in "Palestinian Islamic Jihad movement", whose Phoenix code
    has none), the sector of the longest that has one."""
    found: list[tuple[int, int, ActorCode]] = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_NAME_WORDS, len(words) - i), 0, -1):
            code = _lookup(words[i : i + n], lex) or _without_middle(words[i : i + n], lex)
            if code is not None:
                found.append((n, i, code))
                i += n - 1
                break
        i += 1
    if not any(c.country for _, _, c in found):
        # "Palestinian" inside "Palestinian Islamic Jihad", whose code names no country
        for word in words:
            if (country := country_code(word)) is not None:
                found.append((0, 0, ActorCode(country, None)))
                break
    if not any(c.country for _, _, c in found):
        # "Azerbaijan-Israel Relations": the parts of a hyphenated word
        for word in words:
            for part in word.split("-") if "-" in word else ():
                if (code := _lookup([part], lex)) is not None and code.country:
                    found.append((0, 0, code))
                    break
    if not found:
        return None
    found.sort(key=lambda f: (-f[0], f[1]))
    country = next((c.country for _, _, c in found if c.country), None)
    sector = next((c.sector for _, _, c in found if c.sector), None)
    return ActorCode(country, sector)


def _words(text: str) -> list[str]:
    """The words, case kept (acronyms such as "US" need it), possessives cut."""
    out = []
    for word in text.split():
        word = word.strip(",;:\"'“”‘’()")
        if word.endswith(".") and word.count(".") == 1:  # a full stop, not "U.N."
            word = word[:-1]
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if word:
            out.append(word)
    return out


def _sector(words: list[str], lex: Lexicon) -> str | None:
    """The sector of the last role noun among the words ("Defence Secretary" GOV)."""
    for word in reversed(words):
        word = word.lower()
        if word in lex.agents:
            return lex.agents[word]
        if word.endswith("s") and word[:-1] in lex.agents:
            return lex.agents[word[:-1]]
    return None


@lru_cache(maxsize=16384)
def code_text(text: str, lex: Lexicon, description: str | None = None) -> ActorCode:
    """Country and sector of a phrase (and of the entity description it has, if any).

    Cached: the same names ("Iran", "the ministry") come back in article after article."""
    words = _words(text)
    extra = _words(description) if description else []
    named = _names(words, lex) or (_names(extra, lex) if extra else None)
    country = named.country if named else None
    sector = (named.sector if named else None) or _sector(words, lex) or _sector(extra, lex)
    return ActorCode(country, sector)


def event_actor(
    start: int, end: int, body: str, lex: Lexicon, entity: Entity | None
) -> EventActor | None:
    """The coded actor for body[start:end], or None when nothing can be said of it."""
    text = body[start:end]
    code = code_text(text, lex)
    if entity is not None and (code.country is None or code.sector is None):
        more = code_text(entity.name, lex, entity.description)
        code = ActorCode(code.country or more.country or entity.country, code.sector or more.sector)
    if entity is None and code.country is None and code.sector is None:
        return None
    return EventActor(
        text=text,
        start=start,
        end=end,
        entity=entity.id if entity is not None else None,
        country=code.country,
        sector=code.sector,
    )
