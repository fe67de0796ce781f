"""Who said it, how and where: speaker, role, cue and venue from the parse.

The cue is a verb of saying (or "according to"); the speaker is its subject,
found by climbing from the cue through the verbs it hangs off ("went on to
say", "issued a statement saying", "..., adding"). The subject's noun phrase
is split into the name and the role before it ("Azerbaijani MP Rasim
Musabeyli") or after it as an appositive ("Hugh Hill, a doctor at the
clinic"); a name right after a common noun is the speaker, the noun its role
("the secularist magazine MicroMega").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.quote_cues import (
    BELIEF_VERBS,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    MUTE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_SUFFIXES,
    PLATFORM_NAMES,
    PLATFORM_VERBS,
    QUANTITY_NOUNS,
    SPEAKING_NOUNS,
    SPEECH_VERBS,
    VENUE_NOUNS,
)
from newsgraph.extract.quote_settings import DEFAULT_SETTINGS, QuoteSettings
from newsgraph.extract.titles import (
    glued,
    is_honorific,
    is_title_head,
    split_title,
    word_end,
    word_start,
)
from newsgraph.lexicon.given_names import SURNAME_PARTICLES

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CLIMB_DEPS = ("xcomp", "conj", "advcl", "acl", "pcomp", "prep", "advmod", "acomp")
_NP_RIGHT_DEPS = ("prep", "compound", "conj", "cc", "nummod", "pobj", "flat", "case", "amod")
_NO_SPEAKER = frozenset(("seem", "appear"))
_ASKER_DEPS = ("agent", "nsubj", "nsubjpass", "aux", "auxpass")
_RELATIVES = frozenset(("who", "which", "that"))
_OBJECT_PRONOUNS = frozenset("me us him them".split())
_DEMONSTRATIVES = frozenset("this that these those".split())
_QUOTE_MARKS = frozenset('"“”«»')
_MODIFIER_DEPS = ("amod", "acl", "relcl", "prep", "advmod")
_SPEAKING_TYPES = ("PERSON", "ORG", "GPE", "NORP", "PERCENT")
_MUTE_TYPES = ("DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW", "EVENT")


@dataclass
class Attribution:
    """An attribution found in the text: who, in what role, by which cue, where."""

    speaker: tuple[int, int] | None = None
    head: int | None = None  # character offset of the speaker's head word
    form: str = "name"  # name | nominal | pronoun | group
    role: str | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    venue: str | None = None
    content: tuple[int, int] | None = None  # the paraphrase holding a quote, for a mixed quote


def is_cue(tok: Token, beliefs: bool = False) -> bool:
    """Is the token a verb of saying (or, with beliefs, of thinking)?"""
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in (
        "VBD",
        "VBZ",
        "VBP",
        "VBG",
        "VBN",
        "VB",
    ):
        return False
    lemma = tok.lemma_.lower()
    return lemma in SPEECH_VERBS or (beliefs and lemma in BELIEF_VERBS)


def according_to(tok: Token) -> Token | None:
    """The source of "according to X", when tok is "according"."""
    if tok.lower_ != "according":
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    objs = [c for c in nxt.children if c.dep_ == "pobj"]
    if objs:
        return objs[0]
    return nxt.nbor(1) if nxt.i + 1 < len(tok.doc) else None


def subject_of(
    cue: Token, quoted: Sequence[bool] = (), settings: QuoteSettings = DEFAULT_SETTINGS
) -> Token | None:
    """The subject of a verb of saying, climbing through the verbs it depends on.

    A subject inside quote marks (``quoted[i]``) is the parser's mistake, never the speaker;
    a passive subject is the one spoken about ("he was accused of"), so only an agent
    ("by X") speaks; "seems"/"appears" have no speaker.
    """
    if cue.lemma_.lower() in _NO_SPEAKER:
        return None
    if (
        cue.lemma_.lower() == "ask"
        and cue.tag_ in ("VBN", "VBD")  # the tagger reads a sentence's first "Asked" as past
        and cue.dep_ in ("advcl", "relcl", "acl")
        and not any(c.dep_ in _ASKER_DEPS for c in cue.children)
    ):
        return None  # "Asked about the wall, Carson said ...", "Cruz, when asked ...": whoever
        # asked is not said
    tok = cue
    for _ in range(settings.subject_climb):
        subjects = [
            c for c in tok.children if c.dep_ in _SUBJECT_DEPS and not (quoted and quoted[c.i])
        ]  # several when the parser splits a word: "co" "-" "chair Anne Waller-Smith"
        subjects = [c for c in subjects if not _place_of_based(c, subjects)]
        subj = next((c for c in subjects if c.ent_type_ in _SPEAKING_TYPES), None) or next(
            iter(subjects), None
        )
        if subj is not None and subj.dep_ == "nsubjpass" and tok is cue:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            return None if by is None or (quoted and quoted[by.i]) else by
        if subj is not None:
            return subj
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ not in _CLIMB_DEPS or tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "pobj", "attr"):
            tok = tok.head  # "issued a statement saying": statement -> issued
    # "..., said Geoff Garin": a name after the verb, not labelled as its subject
    for c in cue.rights:
        if c.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "nsubj") and c.pos_ == "PROPN":
            if not (quoted and quoted[c.i]) and c.ent_type_ not in ("DATE", "TIME"):
                return c
    return None


def _place_of_based(subj: Token, subjects: list[Token]) -> bool:
    """'The Santa Clara, California-based company said': the parser splits the phrase
    into two subjects; the town is where the company is based, the company speaks."""
    return any(
        other.i > subj.i and any(c.lower_ == "based" and c.i < other.i for c in other.lefts)
        for other in subjects
    )


def can_speak(tok: Token, strict: bool = True) -> bool:
    """Can the head word say something: a person, a group, a place, or a nominal that speaks?

    "he", "the ministry", "the report", "researchers" can; "That" ("That said, ..."),
    "last year", "the size of its empire", "soil", "us" cannot. A quantity speaks through
    its "of" phrase ("a majority of voters"). Not strict (the subject of a verb of saying:
    "the clip says"), any noun but one of time or measure speaks.
    """
    lower, lemma = tok.lower_, tok.lemma_.lower()
    if lower in _DEMONSTRATIVES:  # "a report that said", "those close to him"
        return tok.head.dep_ == "relcl" or any(c.dep_ in _MODIFIER_DEPS for c in tok.children)
    if lower in _OBJECT_PRONOUNS or lemma in _OBJECT_PRONOUNS or (lower == "it" and _dummy(tok)):
        return False
    if lemma in QUANTITY_NOUNS:
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        if obj is not None:
            return obj.lower_ in _OBJECT_PRONOUNS or can_speak(obj, strict)  # "none of them"
        if tok.pos_ != "NOUN" or lemma == "one":
            return True  # "many expect", "no one said"
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
        return True  # "one of the family's attorneys, Justin Bamberg"
    if (tok.ent_type_ in _MUTE_TYPES and not _named_in_passing(tok, strict)) or lemma in MUTE_NOUNS:
        return False
    if not strict or tok.pos_ == "PRON" or lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS:
        return True
    if tok.ent_type_ in _SPEAKING_TYPES or tok.pos_ == "PROPN":
        return True
    if tok.text[:1].isupper() and (not tok.is_sent_start or tok.text in _names(tok.doc)):
        return True  # a name the tagger missed ("Sanders" read as a noun)
    return tok.pos_ == "NOUN" and (
        lemma in SPEAKING_NOUNS
        or lemma in GROUP_NOUNS
        or is_title_head(tok.text)
        or (len(lemma) > 5 and lemma.endswith(PERSON_SUFFIXES))
    )


def _named_in_passing(tok: Token, strict: bool) -> bool:
    """A name the recogniser typed as an event or a law that says something: "the U.S.
    National Hurricane Center said" (the storm's word made it an event), "the Constitution
    says"."""
    return not strict and tok.pos_ == "PROPN" and tok.ent_type_ in ("EVENT", "LAW")


def _names(doc: Doc) -> dict[str, bool]:
    """Words the document writes capitalised inside a sentence or in a name: its names.

    Kept on the Doc (a plain dict, so the Doc still serialises) for the next speaker.
    """
    names = doc.user_data.get("newsgraph.quote_names")
    if names is None:
        names = {
            t.text: True
            for t in doc
            if t.text[:1].isupper() and (t.ent_type_ or not t.is_sent_start)
        }
        doc.user_data["newsgraph.quote_names"] = names
    return names


def _dummy(it: Token) -> bool:
    """Is "it" a placeholder with no antecedent: "It is believed that", "it's worth noting"?"""
    verb = it.head
    return (
        it.dep_ == "expl"
        or verb.lemma_ == "be"
        or any(c.dep_ in ("auxpass", "acomp", "attr") for c in verb.children)
    )


def _same_line(a: Token, b: Token, near_chars: int) -> bool:
    """Are the tokens near each other on one line? (Token by token: ``doc.text`` costs the whole text.)"""
    lo, hi = sorted((a, b), key=lambda t: t.i)
    if hi.idx - lo.idx >= near_chars:
        return False
    return not any("\n" in t.text_with_ws for t in lo.doc[lo.i : hi.i])


def _noun_before(cue: Token, near_tokens: int) -> Token | None:
    """The nearest noun or name before the cue on its own line: a subject the parser put elsewhere."""
    doc = cue.doc
    i = cue.i - 1
    while i >= max(0, cue.i - near_tokens) and "\n" not in doc[i].text_with_ws:
        if doc[i].pos_ in ("PROPN", "NOUN", "PRON"):
            tok = doc[i]
            while tok.dep_ in ("compound", "poss") and tok.head.i > tok.i and tok.head.i < cue.i:
                tok = tok.head
            return tok
        i -= 1
    return None


def is_temporal(prep: Token) -> bool:
    """Does the preposition give a time ("an arbitration panel [in 2001]", "[on Monday]")?"""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _core_bounds(head: Token) -> tuple[int, int]:
    """Token range of the noun phrase of head, without appositives and clauses."""
    left = head.i
    for c in head.lefts:
        if c.dep_ in ("punct", "cc", "mark", "advmod", "prep") and c.i == head.left_edge.i:
            continue
        left = min(left, c.left_edge.i)
    right = head.i
    for c in head.rights:
        if (
            c.dep_ in _NP_RIGHT_DEPS
            and c.i == right + 1
            or (c.dep_ in ("prep",) and c.i <= right + 1)
        ) and not is_temporal(c):
            right = max(right, c.right_edge.i)
        else:
            break
    doc = head.doc
    while left < head.i and (
        doc[left].is_punct or doc[left].lower_ in ("as", "and", "but") or _relative_that(doc[left])
    ):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].pos_ == "ADP"):
        right -= 1  # "said Bill Sullivan of", the object of "of" read elsewhere
    while right + 1 < len(doc) and (
        doc[right + 1].ent_iob_ == "I"
        or doc[right].pos_ == doc[right + 1].pos_ == "PROPN"
        and doc[right + 1].head in (head, doc[right])
    ):
        right += 1  # never half a name: "Family of Theresa May", "May" misparsed
    words = doc[left : right + 1]
    opened = sum(t.text == "(" for t in words) - sum(t.text == ")" for t in words)
    if opened > 0 and right + 1 < len(doc) and doc[right + 1].text == ")":
        right += 1  # "the Data Center (NSIDC)", whose bracket the parser left outside
    return word_start(doc, left), word_end(doc, right)


_AFFILIATION_PREPS = frozenset(("of", "at", "from", "with"))


def _affiliation(head: Token, right: int) -> Token | None:
    """The preposition after a person's full name that gives where they work: "Lars Eriksen
    [of the University of Bergen]", "Bill Sullivan [at Acme]". Not after a one-word name,
    nor a place ("the Duke of Edinburgh", "Sen. Bernie Sanders of Vermont")."""
    if head.ent_type_ != "PERSON" or head.ent_iob_ != "I" or head.pos_ != "PROPN":
        return None
    prep = next(
        (c for c in head.rights if c.dep_ == "prep" and c.i == head.i + 1 and c.i <= right),
        None,
    )
    if prep is None or prep.lower_ not in _AFFILIATION_PREPS:
        return None
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ not in ("ORG", "FAC"):
        return None  # "Sen. Bernie Sanders of Vermont" stays whole
    return prep


def _relative_that(tok: Token) -> bool:
    """'a move [that] restaurant owners warned would ...': a "that" the parser took for the
    determiner of a plural noun opens a relative clause, no part of the speaker."""
    return tok.lower_ == "that" and tok.dep_ == "det" and tok.head.tag_ in ("NNS", "NNPS")


def _is_title(tok: Token) -> bool:
    """A title word that is no part of a name; an honorific ("Mr.") is."""
    return is_title_head(tok.text) and not is_honorific(tok.text)


def _name_run(doc: Doc, left: int, right: int) -> tuple[int, int] | None:
    """The run of proper nouns ending the phrase, up to a title: "Azerbaijan George Deek"."""
    last = doc[right]
    if last.pos_ != "PROPN" or _is_title(last):
        return None
    start = right
    while start > left:
        prev = doc[start - 1]
        whole = glued(doc, start) or doc[start].ent_iob_ == "I"
        if not whole and (prev.pos_ != "PROPN" or _is_title(prev) or prev.ent_type_ == "NORP"):
            break
        start -= 1
    if start > left and doc[start - 1].dep_ == "case":
        return None  # "Israel's Ambassador": the name is the possessor
    return _particles_before(doc, start), right


def _particles_before(doc: Doc, start: int) -> int:
    """Start of a name with the lowercase particles of its surname, which the tagger reads
    as other words ("ten" a number): "[ten Hag]", "[de Blasio]", "[van der Berg]"; capitalised
    only opening a sentence ("[Ten Hag] said")."""
    first = start
    while first > max(0, start - 2) and (
        doc[first - 1].text in SURNAME_PARTICLES
        or doc[first - 1].is_sent_start
        and doc[first - 1].text[1:].islower()
        and doc[first - 1].lower_ in SURNAME_PARTICLES
    ):
        first -= 1
    return first


def _text(doc: Doc, a: int, b: int) -> str:
    """Text of tokens a..b inclusive."""
    return doc[a : b + 1].text


def _set_off(appos: Token) -> bool:
    """Is the appositive set off by a comma, bracket or dash ("Hill, a doctor")? Without
    one it is a misparse: "Family of Theresa May" has no appositive "May"."""
    before = appos.left_edge.i - 1
    return before >= 0 and appos.doc[before].text in (",", "(", "—", "–", "--")


def _holder(noun: Token, appos: Token) -> bool:
    """Is the appositive a person's name right after a common noun, which names who holds the
    post: "Its chairman [Wang Chuanfu] said" (the parser hangs the name off the post)?"""
    return (
        noun.pos_ == "NOUN"
        and appos.pos_ == "PROPN"
        and appos.ent_type_ == "PERSON"
        and appos.left_edge.i == noun.i + 1
    )


def _appositive(doc: Doc, head: Token, appos: Token) -> str | None:
    """The role the appositives after head give, as whole words: "co-founder of the group
    (Save Our Parks)", never "co" nor "Governor of the Bank (BoE"."""
    left, right = word_start(doc, appos.left_edge.i), word_end(doc, appos.right_edge.i)
    for c in head.rights:  # a hyphenated word the parser split: "co" "-" "founder" as three
        if c.dep_ == "appos" and c.i > right and c.left_edge.i <= right + 1:
            right = word_end(doc, c.right_edge.i)
    if right + 1 < len(doc) and doc[right + 1].text == ")":
        right += 1
    line_end = next((k for k in range(left, right + 1) if "\n" in doc[k].text_with_ws), right)
    return balanced_role(doc[left : min(right, line_end) + 1].text)


def balanced_role(text: str | None) -> str | None:
    """A role as whole words: no dangling bracket, no line break, no quotation, no bare age."""
    text = (text or "").split("\n", 1)[0]
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")]
    elif text.count(")") > text.count("("):
        text = text.replace(")", "")  # "(R-Ky.)" read from inside the brackets
    text = text.strip(" \t\xa0,;:-–—(")
    if _QUOTE_MARKS.intersection(text) or not any(c.isalpha() for c in text):
        return None  # "Jones, 25," has an age, not a role; a quotation is no role
    return text


def _name_after(head: Token) -> Attribution | None:
    """A common noun followed by the name it gives, with no comma: "the secularist magazine
    MicroMega", "the firm Secunia.com". The name is the speaker's head, the noun its role."""
    doc = head.doc
    name = next(
        (
            c
            for c in head.rights
            if c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and c.left_edge.i == head.i + 1
            and c.ent_type_ in _SPEAKING_TYPES
        ),
        None,
    )
    if head.pos_ != "NOUN" or name is None or is_title_head(head.text):
        return None  # a title before a name is split off as the title path does
    left = _core_bounds(head)[0]
    right = name.i
    while right + 1 < len(doc) and doc[right + 1].ent_iob_ == "I":
        right += 1
    role_start = left + (doc[left].dep_ == "det")
    return Attribution(
        speaker=(doc[left].idx, doc[right].idx + len(doc[right])),
        head=name.idx,
        role=balanced_role(_text(doc, role_start, head.i)) if role_start <= head.i else None,
    )


def _named_antecedent(noun: Token) -> Token:
    """The noun a relative pronoun stands for, or the name set off after it: "an independent
    who does not claim ..., Edward Yiu of ..." -> Yiu; "an architect who said" -> architect."""
    if noun.pos_ == "PROPN":
        return noun  # "Sen. Richard Blumenthal (D-Conn.), who": the name itself
    return next(
        (c for c in noun.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and _set_off(c)), noun
    )


def describe_speaker(head: Token) -> Attribution:
    """Speaker span, head and role of the noun phrase headed by head."""
    doc = head.doc
    named = _name_after(head)
    if named is not None:
        return named
    appos = next(
        (c for c in head.rights if c.dep_ == "appos" and (_set_off(c) or _holder(head, c))), None
    )
    described = appos is not None and head.pos_ != "PROPN" and appos.pos_ == "PROPN"
    if described:
        head, appos = appos, head  # "the party's nominee, Hillary Clinton"
    lower = head.lower_
    if head.pos_ == "PRON" or lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS:
        refers = head.idx
        if lower in _RELATIVES and head.head.dep_ == "relcl":
            refers = _named_antecedent(head.head.head).idx  # "an architect who said"
        return Attribution(speaker=(head.idx, head.idx + len(head)), head=refers, form="pronoun")
    left, right_edge = _core_bounds(head)
    right = right_edge
    affiliation = _affiliation(head, right_edge)
    if affiliation is not None:
        right = affiliation.i - 1
    role = None
    span = (left, right)
    form = "name"
    name = _name_run(doc, left, right) if head.pos_ == "PROPN" or _is_title(head) else None
    if name is not None:
        # the run is the name as the recogniser would take it; the title is split off as
        # an entity's description is ("Israel's Ambassador to Azerbaijan" | "George Deek"),
        # an honorific alone staying with the name ("Mr. Obama")
        org = doc[name[1]].ent_type_ == "ORG"
        title = split_title(doc, name[0], name[1] + 1, left, organisation=org)
        if not (name[0] <= head.i <= name[1] or title.found):
            name = None  # "a reporter for USA Today": the name is not the title's holder
    if name is not None:
        span = (title.title_start if title.role is None else title.name_start, name[1])
        role = balanced_role(title.role)
        head = doc[name[1]]
    elif head.pos_ != "PROPN":
        form = "nominal"
    if form == "name" and head.ent_type_ in ("ORG", "NORP", "GPE") and name is None:
        form = "group"
    if affiliation is not None:  # "Professor Lars Eriksen [of the University of Bergen]"
        after = _text(doc, affiliation.i + (role is None), right_edge)
        role = balanced_role(f"{role} {after}" if role else after)
    if appos is not None and appos.i > head.i:
        role = _appositive(doc, head, appos)
    elif described and role is None:  # the noun phrase before the name is its role
        end = head.left_edge.i - 1
        while end > appos.left_edge.i and doc[end].is_punct:
            end -= 1
        role = balanced_role(_text(doc, appos.left_edge.i, end))
    start = doc[span[0]].idx
    end = doc[span[1]].idx + len(doc[span[1]])
    return Attribution(speaker=(start, end), head=head.idx, form=form, role=role)


def _cue_text(cue: Token) -> tuple[str, tuple[int, int]]:
    """The cue as a phrase: "told", "pointed out", "issued a statement saying"."""
    doc = cue.doc
    a = b = cue.i
    for c in cue.children:
        if c.dep_ == "prt" and c.i == b + 1:
            b = c.i
    head = cue.head
    if (
        cue.dep_ == "acl"
        and head.lower_ in VENUE_NOUNS
        and head.head.pos_ == "VERB"
        and head.head.i < cue.i
    ):
        a = head.head.i  # "issued a statement saying"
    span = doc[a : b + 1]
    return span.text, (span.start_char, span.end_char)


def _np_text(tok: Token, whole: bool = True) -> str:
    """A venue phrase without a leading "the"; whole=False stops at the noun itself."""
    left, right = tok.left_edge.i, tok.right_edge.i if whole else tok.i
    doc = tok.doc
    while right > left and doc[right].is_punct:
        right -= 1
    if doc[left].lower_ == "the" and tok.ent_type_:
        left += 1
    return _text(doc, left, right)


def venue_of(cue: Token) -> str | None:
    """Where it was said: a platform, a medium told, or "a statement"/"a press conference"."""
    lemma = cue.lemma_.lower()
    if lemma in PLATFORM_VERBS:
        return PLATFORM_VERBS[lemma]
    if cue.dep_ == "acl" and cue.head.lower_ in VENUE_NOUNS:
        return _np_text(cue.head, whole=False)
    for c in cue.children:
        if (
            c.dep_ in ("dobj", "dative")
            and lemma == "tell"
            and c.ent_type_ == "ORG"
            and c.pos_ == "PROPN"
        ):
            return _np_text(c)
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "during", "to", "via", "through"):
            for obj in c.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.lower_ in PLATFORM_NAMES:
                    return PLATFORM_NAMES[obj.lower_]
                if obj.lemma_.lower() in VENUE_NOUNS:
                    return _np_text(obj, whole=False)
                if c.lower_ in ("on", "to") and obj.ent_type_ == "ORG":
                    return _np_text(obj)
    return None


def _venue_holder(source: Token) -> Token:
    """Who spoke in "according to a speech [Mrs. Clinton] delivered", "according to a
    statement [from the ministry]": the venue's speaker, else the source itself."""
    if source.lemma_.lower() not in VENUE_NOUNS:
        return source
    for c in source.rights:
        if c.dep_ == "relcl":
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in _RELATIVES and can_speak(subj):
                return subj
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and can_speak(obj):
                return obj
    return source


def stolen_object(subj: Token) -> Token | None:
    """The appositive that speaks when the parser took the subject from a preposition left
    with no object: in "... landfall near Tampa, the National Hurricane Center said",
    "Tampa" ends the report and the appositive set off after it speaks."""
    before = subj.left_edge.i - 1
    if before < 0:
        return None
    prep = subj.doc[before]
    if not (
        (prep.dep_ == "prep" and not any(c.dep_ in ("pobj", "pcomp") for c in prep.children))
        or _place_goes_on(subj)
    ):
        return None
    return next((c for c in subj.rights if c.dep_ == "appos" and _set_off(c)), None)


_PLACE_TYPES = ("GPE", "LOC")


def _place_goes_on(subj: Token) -> bool:
    """Does the subject continue the place the report ends with: "a plant in Kitakyushu,
    [Fukuoka prefecture], the world's largest carmaker said"?"""
    doc = subj.doc
    comma = subj.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return False
    place = doc[comma - 1]
    return (
        place.dep_ == "pobj"
        and place.ent_type_ in _PLACE_TYPES
        and any(t.ent_type_ in _PLACE_TYPES for t in doc[subj.left_edge.i : subj.i + 1])
    )


def from_cue(
    cue: Token, quoted: Sequence[bool] = (), settings: QuoteSettings = DEFAULT_SETTINGS
) -> Attribution:
    """The attribution a verb of saying (or "according to") makes."""
    source = according_to(cue)
    if source is not None:
        att = describe_speaker(_venue_holder(source))
        nxt = cue.nbor(1)
        att.cue, att.cue_span = "according to", (cue.idx, nxt.idx + len(nxt))
        return att
    subj = subject_of(cue, quoted, settings)
    if subj is not None:
        subj = stolen_object(subj) or subj
    if subj is not None and not _same_line(subj, cue, settings.near_chars):
        subj = _noun_before(cue, settings.near_tokens)
    if subj is not None and not can_speak(subj, strict=cue.lemma_.lower() not in SPEECH_VERBS):
        subj = None
    att = describe_speaker(subj) if subj is not None else Attribution()
    att.cue, att.cue_span = _cue_text(cue)
    att.venue = venue_of(cue)
    return att


def from_phrase(doc: Doc, start: int, end: int) -> Attribution | None:
    """A speaker given without a verb: "— John Smith, mayor" or "From the ministry:"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    toks = [t for t in span if not t.is_punct and not t.is_space]
    if not toks:
        return None
    if toks[0].lower_ == "from":
        toks = toks[1:]
    if not toks:
        return None
    head = next(
        (t for t in toks if t.dep_ not in ("det", "compound", "amod", "poss", "case")), toks[-1]
    )
    # the first noun phrase: up to its right edge, before any comma
    while (
        head.head is not head
        and head.head in toks
        and head.head.i > head.i
        and head.head.pos_ in ("PROPN", "NOUN")
    ):
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None  # "When Wallace died ...:", "At a conference ...:": no noun phrase
    return describe_speaker(head)
