"""Which words of a sentence state an event, coded in PLOVER, and how sure the text is of it.

A verb triggers through newsgraph's own lexicon (with its particle: "call for", "stand
with"), through a CAMEO pattern on its object ("launch" + "investigation"), or through
CAMEO's default for the verb. A light verb ("hold", "launch", "give", "lay") triggers only
through its object ("held talks", "laid flowers"). A noun triggers on its own ("Hamas's
attacks on Israel", "protests erupted"). Verbs of saying never do: what they report is
the event, claimed by the one who says it.

A sentence holds several candidates; ``choose`` keeps the one nearest the root of the
parse (the governing act: "threatened to attack" is a threat, "promised to continue
aid" an agreement) and at most one more from a clause it does not govern.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from newsgraph.extract.events.lexicon import Code, Lexicon

# Verbs that carry an event only through their object.
LIGHT_VERBS = frozenset(
    """
    make take hold launch carry stage conduct issue give provide deliver send lay leave place
    express voice reach open begin start continue resume get have do put bring set extend
    announce mount step order
    """.split()
)
# Light verbs whose own meaning stands when their object is no event ("ordered him to appear").
_OWN_MEANING = frozenset(["order"])
# Heads whose compound modifier says what the event is ("mediation effort", "bombing campaign").
_GENERIC_HEADS = frozenset(
    "effort process campaign operation programme program mission bid".split()
)
# Transfer verbs: their object, if it is a thing, makes the event AID ("sent food").
TRANSFER_VERBS = frozenset("give provide deliver send donate ship supply airlift grant".split())
# Verbs of saying, thinking and reporting: never an event themselves.
SAYING_VERBS = frozenset(
    """
    say tell add state report announce note write tweet post declare explain claim insist
    believe think consider reveal confirm quote describe mention remark comment reiterate
    stress emphasize emphasise argue suggest indicate predict estimate expect hope feel know
    see learn hear understand show find speak conclude quip answer reply respond accord
    reiterate repeat
    """.split()
)
# Verbs too general to state an event by themselves, though CAMEO's dictionary codes them
# ("going to", "wants", "help solve", "increase prosperity", "could hamper reforms").
_VAGUE_VERBS = frozenset(
    """
    go come want wish hope need try help enable increase reduce improve expose pass work run
    use keep let see look seem become remain change move turn follow include involve allow
    grieve hamper prevent affect cause create build develop provide consult join
    """.split()
)
# Words whose complement is an act not yet done: "plans to build", "is willing to withdraw".
_FUTURE_GOVERNORS = frozenset(
    """
    plan intend prepare decide want aim expect schedule set willing ready prepared
    determined committed poised go
    """.split()
)
# Promising a conflictual act is threatening it ("vowed to fight").
_PROMISE_VERBS = frozenset("promise vow pledge swear".split())
_CONFLICT = frozenset("PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
_NEGATIONS = frozenset("not n't never no neither nor".split())
_FUTURE_AUX = frozenset("will shall 'll".split())
_HYPOTHETICAL_AUX = frozenset("would could might may should".split())
_OBLIGATION_AUX = frozenset("must should".split())
_CONDITION_MARKS = frozenset("if unless whether".split())
# Cooperative acts that, announced for the future, PLOVER codes as AGREE.
_COOPERATIVE = frozenset("SUPPORT COOPERATE AID CONSULT CONCEDE RETREAT".split())
_OBJECT_DEPS = ("dobj", "obj", "attr", "oprd", "dative")
_ADJUNCTS = frozenset("advcl relcl acl npadvmod parataxis".split())
_ADJUNCT_PREPS = frozenset(
    "after following before during amid despite since until because while".split()
)
# What light verbs make that is speech, not an event: "issued a statement saying ...".
_SPEECH_NOUNS = frozenset(
    """
    statement declaration communique communiqué remark comment speech interview address
    announcement conference briefing report letter message post tweet
    """.split()
)
_MAX_CLIMB = 40
_TRIGGER_SPAN = 6  # words: a trigger spread wider is shown by its head alone


@dataclass(frozen=True)
class Candidate:
    """A trigger: its tokens (the head first) and coding, and where it sits in the parse."""

    head: Token
    tokens: tuple[Token, ...]
    code: Code
    depth: int
    negated: bool = False
    future: bool = False
    hypothetical: bool = False

    @property
    def start(self) -> int:
        first = min(self.tokens, key=lambda t: t.i)
        last = max(self.tokens, key=lambda t: t.i)
        return self.head.idx if last.i - first.i > _TRIGGER_SPAN else first.idx

    @property
    def end(self) -> int:
        """The end of the trigger's last word, when its words lie close together ("held
        talks", "stand firmly with"); else of its head alone."""
        last = max(self.tokens, key=lambda t: t.i)
        first = min(self.tokens, key=lambda t: t.i)
        if last.i - first.i > _TRIGGER_SPAN:
            return self.head.idx + len(self.head)
        return last.idx + len(last)


def depth(tok: Token) -> int:
    """Hops from tok up to its sentence's root."""
    n = 0
    while tok.head is not tok and n < _MAX_CLIMB:
        tok, n = tok.head, n + 1
    return n


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _objects(verb: Token) -> list[Token]:
    """The verb's object nouns, and the nouns its prepositions govern."""
    found = []
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS:
            found.append(child)
            found.extend(c for c in child.children if c.dep_ == "conj")
        elif child.dep_ in ("prep", "agent"):
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _compound_term(noun: Token, table: dict[str, Code]) -> tuple[Code, tuple[Token, ...]] | None:
    """A noun's entry, with its compound modifier when the pair is the term ("air strike")."""
    for mod in noun.children:
        if mod.dep_ in ("compound", "amod") and mod.i < noun.i:
            term = f"{_lemma(mod)}+{_lemma(noun)}"
            if term in table:
                return table[term], (noun, mod)
    code = table.get(_lemma(noun)) or table.get(noun.lower_)
    if code is None and _lemma(noun) in _GENERIC_HEADS:
        for mod in noun.children:
            if mod.dep_ == "compound" and (code := table.get(_lemma(mod))) is not None:
                return code, (noun, mod)
    return (code, (noun,)) if code else None


def _verb_code(verb: Token, lex: Lexicon) -> tuple[Code, tuple[Token, ...]] | None:
    lemma = _lemma(verb)
    if lemma in SAYING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("prt", "prep"):
            term = f"{lemma}+{child.lower_}"
            if term in lex.verbs:
                return lex.verbs[term], (verb, child)
            if child.dep_ == "prep":  # "express solidarity with": the object's noun
                continue
    for obj in _objects(verb):
        term = f"{lemma}+{_lemma(obj)}"
        if term in lex.verbs:
            return lex.verbs[term], (verb, obj)
    objects = _objects(verb)
    if lemma in LIGHT_VERBS:
        if any(_lemma(o) in _SPEECH_NOUNS for o in objects):
            return None  # what is said is the event
        # "5 million dollars of aid", "25,000 tons of food aid"
        objects += [
            p
            for o in objects
            for prep in o.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        for obj in objects:
            found = _compound_term(obj, lex.objects)
            if found:
                code, toks = found
                if lemma in TRANSFER_VERBS and code.type not in ("AID", "MOBILIZE"):
                    code = Code("AID", None, code.context)
                return code, (verb, *toks)
        for obj in objects:
            code = lex.cameo_patterns.get((lemma, _lemma(obj)))
            if code:
                return code, (verb, obj)
        if lemma in lex.verbs and (not objects or lemma in _OWN_MEANING):
            return lex.verbs[lemma], (verb,)
        return None
    if lemma in lex.transitive and any(o.dep_ == "dobj" for o in objects):
        return lex.transitive[lemma], (verb,)
    if lemma in lex.verbs:
        return lex.verbs[lemma], (verb,)
    if lemma in _VAGUE_VERBS:
        return None
    for obj in objects:
        code = lex.cameo_patterns.get((lemma, _lemma(obj)))
        if code:
            return code, (verb, obj)
    code = lex.cameo_verbs.get(lemma)
    return (code, (verb,)) if code else None


def _clause_words(tok: Token) -> list[Token]:
    """The auxiliaries, negations and markers of tok's clause (and of a governing verb
    it shares them with, "did not want to attack")."""
    words = list(tok.children)
    if tok.dep_ in ("xcomp", "conj") and tok.head is not tok:
        words.extend(c for c in tok.head.children if c.dep_ in ("aux", "neg", "mark"))
    return words


def _flags(tok: Token) -> tuple[bool, bool, bool]:
    words = _clause_words(tok)
    lowers = {w.lower_ for w in words if w.dep_ in ("aux", "neg", "mark", "advmod", "det")}
    negated = bool(lowers & _NEGATIONS) or any(w.dep_ == "neg" for w in words)
    future = bool(lowers & _FUTURE_AUX) or _announced(tok)
    hypothetical = bool(lowers & (_HYPOTHETICAL_AUX | _CONDITION_MARKS))
    if tok.head is not tok and tok.head.dep_ in ("acomp", "xcomp", "amod"):
        # "is willing not to ...", "would be ready to ...": the governor's auxiliaries count
        above = {w.lower_ for w in tok.head.head.children if w.dep_ in ("aux", "neg")}
        negated = negated or bool(above & _NEGATIONS)
        hypothetical = hypothetical or bool(above & _HYPOTHETICAL_AUX)
    return negated, future, hypothetical


def _announced(tok: Token) -> bool:
    """Is tok the complement of a word of intent ("plans to", "is willing to", "going to")?"""
    head = tok.head
    if head is tok:
        return False
    if head.dep_ == "prep" and head.head is not head:  # "committed to opening"
        head = head.head
    return tok.dep_ in ("xcomp", "pcomp", "ccomp") and _lemma(head) in _FUTURE_GOVERNORS


def candidates(sent: Span, lex: Lexicon) -> list[Candidate]:
    """Every trigger in the sentence, in order of position."""
    found: list[Candidate] = []
    used: set[int] = set()
    for tok in sent:
        if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):  # "Vietnamese-led forces"
            continue
        if _obligation(tok):
            head = tok.head
            found.append(Candidate(head, (head,), Code("REQUEST"), depth(head), *_flags(head)))
            used.add(head.i)
            continue
        hit = _verb_code(tok, lex)
        if hit is None or tok.i in used:
            continue
        found.append(_candidate(tok, *hit))
        used.update(t.i for t in hit[1])
    heads = {c.head.i for c in found}
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.i in used or _noun_governed(tok, heads):
            continue
        hit = _compound_term(tok, lex.nouns)
        if hit is None:
            continue
        code, toks = hit
        verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else None
        flags = _flags(verb) if verb is not None else (False, False, False)
        # a noun sits one level below the clause it belongs to: verbs win ties
        found.append(Candidate(tok, toks, _reframe(code, *flags), depth(tok) + 1, *flags))
    found = [_threat(c, found) for c in found]
    found.sort(key=lambda c: c.head.i)
    return found


def _candidate(tok: Token, code: Code, toks: tuple[Token, ...]) -> Candidate:
    negated, future, hypothetical = _flags(tok)
    code = _reframe(code, negated, future, hypothetical)
    if code.type == "REJECT" and negated:  # "will not accept": a rejection that happened
        negated = False
    return Candidate(tok, toks, code, depth(tok), negated, future, hypothetical)


def _noun_governed(noun: Token, heads: set[int]) -> bool:
    """Is the noun a modifier, or inside a clause whose verb already carries the event?"""
    if noun.dep_ in ("compound", "amod"):
        return True
    return noun.head.i in heads or (noun.head.dep_ == "prep" and noun.head.head.i in heads)


def _obligation(verb: Token) -> bool:
    """'X said Y must return the helicopter': the clause of obligation is X's REQUEST."""
    if verb.dep_ != "ccomp" or _lemma(verb.head) not in SAYING_VERBS:
        return False
    return any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in verb.children)


def _reframe(code: Code, negated: bool, future: bool, hypothetical: bool) -> Code:
    """PLOVER's reading of acts not (yet) done: a promised cooperative act is an AGREE, an
    announced conflictual one a THREATEN, a refused agreement a REJECT."""
    if negated and code.type == "AGREE":
        return Code("REJECT", None, code.context)
    if (future or hypothetical) and not negated:
        if code.type in _COOPERATIVE:
            return Code("AGREE", None, code.context)
        if code.type in _CONFLICT:
            return Code("THREATEN", code.mode, code.context)
    return code


def _threat(cand: Candidate, found: list[Candidate]) -> Candidate:
    """A promise whose content is a conflictual act is a threat ("vowed to fight")."""
    if cand.code.type != "AGREE" or _lemma(cand.head) not in _PROMISE_VERBS:
        return cand
    content = [c for c in found if c is not cand and _governs(cand, c)]
    if any(c.code.type in _CONFLICT | {"THREATEN"} for c in content):
        return replace(cand, code=Code("THREATEN", None, cand.code.context))
    return cand


def _governs(upper: Candidate, lower: Candidate) -> bool:
    """Is lower the content of upper ("threatened to attack", "condemned the attacks"),
    not an adjunct of it ("left flowers following the atrocities", "after they fled")?"""
    tok, n = lower.head, 0
    while tok.head is not tok and n < _MAX_CLIMB:
        if tok.dep_ in _ADJUNCTS or (tok.dep_ == "prep" and tok.lower_ in _ADJUNCT_PREPS):
            return False
        tok, n = tok.head, n + 1
        if tok == upper.head:
            return True
    return False


def choose(found: list[Candidate], most: int = 2) -> list[Candidate]:
    """The governing candidate first, then others it does not govern, of other types."""
    ranked = sorted(found, key=lambda c: (c.depth, c.head.i))
    chosen: list[Candidate] = []
    for cand in ranked:
        if len(chosen) >= most:
            break
        if any(_governs(c, cand) or c.code.type == cand.code.type for c in chosen):
            continue
        chosen.append(cand)
    return chosen


# A threat's mode is what it threatens: the type (and mode) of the act it governs.
_THREAT_MODES = {
    "ASSAULT": "violence",
    "MOBILIZE": "violence",
    "COERCE": "restrict",
    "PROTEST": "restrict",
    "SANCTION": "relations",
    "REJECT": "relations",
}
_THREAT_MODE_BY_MODE = {"arrest": "arrest", "deport": "expel", "expel": "expel"}


def refine(
    chosen: list[Candidate], found: list[Candidate], sent: Span, lex: Lexicon
) -> list[Candidate]:
    """Modes the trigger alone does not give: an assault's weapon named elsewhere in the
    sentence ("wounded two soldiers in a bomb attack"), a threat's content."""
    out = []
    for cand in chosen:
        code = cand.code
        if code.type == "ASSAULT":
            weapon = _weapon(cand, sent, lex)
            if weapon is not None:
                code = Code(code.type, weapon, code.context)
        elif code.type == "THREATEN" and code.mode is None:
            content = [c for c in found if c is not cand and _governs(cand, c)]
            for c in content:
                mode = _THREAT_MODE_BY_MODE.get(c.code.mode or "") or _THREAT_MODES.get(c.code.type)
                if c.code.type == "THREATEN":
                    mode = c.code.mode
                if mode:
                    code = Code(code.type, mode, code.context)
                    break
        out.append(replace(cand, code=code) if code is not cand.code else cand)
    return out


def _weapon(cand: Candidate, sent: Span, lex: Lexicon) -> str | None:
    """The mode of the weapon word nearest the trigger, the trigger's own words first."""
    best: tuple[int, str] | None = None
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        hit = _compound_term(tok, lex.objects)
        if hit is None or hit[0].type != "ASSAULT" or hit[0].mode is None:
            continue
        distance = 0 if tok in cand.tokens else abs(tok.i - cand.head.i)
        if best is None or distance < best[0]:
            best = (distance, hit[0].mode)
    return best[1] if best else cand.code.mode
