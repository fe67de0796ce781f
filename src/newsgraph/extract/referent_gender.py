"""The grammatical gender of each person in one article, read off the article itself.

Evidence, strongest first: an honorific before a mention ("Mr. Burton", "Ms
Hale"), a gendered word in the title the article gives ("spokeswoman",
"chairman"), and the personal pronouns that follow a subject mention in its
sentence or the next, before any other person is named ("Burton said he ..."),
or a possessive one in a phrase before it ("In her remarks, Waters said"), and
the given name where news text treats it as one gender (``lexicon.given_names.
name_gender``, learned from CoNLL-2003 train), weighing more than one such
pronoun and less than two. A person with no evidence has no gender, and any
pronoun may stand for them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import Literal

from spacy.tokens import Doc, Token

from newsgraph.lexicon.given_names import name_gender
from newsgraph.nlp import text_of, token_starts
from newsgraph.record import Entity

Gender = Literal["m", "f"]

MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+$")
_HONORIFIC_GENDER: dict[str, Gender] = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
}
_MAN = r"(?:chair|spokes|business|congress|council|police|sports|states|fire|camera)?"
_MALE_WORDS = re.compile(
    rf"\b(?:{_MAN}man|{_MAN}men|father|son|brother|husband|king|prince|actor|boy|uncle|"
    r"nephew|grandfather)\b",
    re.IGNORECASE,
)
_FEMALE_WORDS = re.compile(
    rf"\b(?:{_MAN}woman|{_MAN}women|mother|daughter|sister|wife|queen|princess|actress|girl|"
    r"aunt|niece|grandmother)\b",
    re.IGNORECASE,
)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_NAME_DEPS = ("compound", "flat", "amod", "appos")
_FINITE_TAGS = ("VBD", "VBZ", "VBP")
_PERSPECTIVE_PREPS = ("for", "to")
_PLACE_PREPS = frozenset("in at from near across throughout into inside outside".split())
_COREFERRING_DEPS = ("nsubj", "nsubjpass", "poss")
_RELATIVE_PERSONS = frozenset(("who", "whom", "whose"))
_HONORIFIC_WEIGHT = 3
_TITLE_WEIGHT = 2
_NAME_WEIGHT = 1.5  # more than one pronoun after a mention (often another's), less than two


def pronoun_gender(word: str) -> Gender | None:
    """'m' for he/him/his, 'f' for she/her/hers, else None."""
    return "m" if word in MALE_PRONOUNS else "f" if word in FEMALE_PRONOUNS else None


def person_genders(
    doc: Doc, entities: Sequence[Entity], quoted: Sequence[bool] = ()
) -> dict[str, Gender]:
    """Entity id -> gender, for the persons the article gives evidence for.

    ``quoted[i]`` is True for token i inside quote marks: a pronoun there is the speaker's
    word for someone else ("Clinton said: “He is unfit”"), no evidence.
    """
    body = text_of(doc)
    persons = [e for e in entities if e.type == "PERSON"]
    starts = sorted(m.start for e in persons for m in e.mentions)
    tok_starts = token_starts(doc)
    out: dict[str, Gender] = {}
    for ent in persons:
        votes: Counter[str] = Counter()
        description = ent.description or ""
        votes["m"] += _TITLE_WEIGHT * len(_MALE_WORDS.findall(description))
        votes["f"] += _TITLE_WEIGHT * len(_FEMALE_WORDS.findall(description))
        for m in ent.mentions:
            honorific = _HONORIFIC.search(body, max(0, m.start - 6), m.start)
            if honorific:
                votes[_HONORIFIC_GENDER[honorific.group(1).lower()]] += _HONORIFIC_WEIGHT
        votes += _pronoun_votes(doc, tok_starts, ent, starts, quoted)
        words = ent.name.split()
        if len(words) > 1 and (given := name_gender(words[0])):
            votes[given] += _NAME_WEIGHT
        if votes["m"] != votes["f"]:
            out[ent.id] = "m" if votes["m"] > votes["f"] else "f"
    return out


def places_read_as_persons(
    doc: Doc, entities: Sequence[Entity], quoted: Sequence[bool] = ()
) -> dict[str, Gender]:
    """Entity id -> gender, for the places the pronouns after them show to be persons.

    The recogniser reads some surnames as towns ("Valeska Paris" as the city): a place
    that is the subject before "she" or "he" twice or more, never before the other gender
    ("Paris claims she was ...", "Paris also claims that her passport ..."), and never
    written as a place ("the United States", "in Paris"), is a person.
    """
    persons = [e for e in entities if e.type == "PERSON"]
    starts = sorted(m.start for e in persons for m in e.mentions)
    tok_starts = token_starts(doc)
    out: dict[str, Gender] = {}
    for ent in entities:
        if ent.type != "GPE" or any(_as_place(doc, tok_starts, m.start) for m in ent.mentions):
            continue
        votes = _pronoun_votes(doc, tok_starts, ent, starts, quoted)
        if len(votes) == 1 and (gender := next(iter(votes))) and votes[gender] >= 2:
            out[ent.id] = gender
    return out


def _as_place(doc: Doc, tok_starts: list[int], start: int) -> bool:
    """Is the mention at start written as a place: after "the", or after a preposition of
    place ("in Paris", "from the United States")?"""
    i = bisect.bisect_left(tok_starts, start)
    return i > 0 and (doc[i - 1].lower_ == "the" or doc[i - 1].lower_ in _PLACE_PREPS)


def _pronoun_votes(
    doc: Doc, tok_starts: list[int], ent: Entity, starts: list[int], quoted: Sequence[bool]
) -> Counter[str]:
    """Gender -> how many of the entity's mentions a personal pronoun points back to.

    A mention inside quote marks points to none: the pronoun after “... Hillary Clinton will
    withdraw ...,” he said is the speaker's.
    """
    votes: Counter[str] = Counter()
    for m in ent.mentions:
        i = bisect.bisect_left(tok_starts, m.start)
        if quoted and i < len(quoted) and quoted[i]:
            continue
        for pronoun in (
            _next_pronoun(doc, tok_starts, m.end, starts, quoted),
            _fronted_pronoun(doc, tok_starts, m.start, starts, quoted),
        ):
            if pronoun:
                votes[pronoun] += 1
    return votes


def _next_pronoun(
    doc: Doc, tok_starts: list[int], pos: int, starts: list[int], quoted: Sequence[bool]
) -> Gender | None:
    """The gender of the first personal pronoun after a subject mention ending at pos, in
    its sentence or the next, before another person's mention or a "who", outside quote
    marks."""
    i = bisect.bisect_left(tok_starts, pos)
    if i >= len(doc) or i == 0:
        return None
    if doc[i - 1].dep_ not in _SUBJECT_DEPS and not _subject_unparsed(doc[i - 1]):
        return None
    k = bisect.bisect_right(starts, pos)
    limit = starts[k] if k < len(starts) else tok_starts[-1] + 1  # (doc.text rebuilds the text)
    sent = doc[i].sent
    end = sent.end if sent.end >= len(doc) else doc[sent.end].sent.end
    for tok in doc[i:end]:
        if tok.idx >= limit or tok.lower_ in _RELATIVE_PERSONS:
            return None  # another person: "Burton thanked the nominee, who began his speech"
        gender = pronoun_gender(tok.lower_)
        if gender and not (quoted and quoted[tok.i]) and tok.dep_ in _COREFERRING_DEPS:
            return gender  # "Burton said he", "Burton and his wife"; not "X scolded him"
    return None


def _fronted_pronoun(
    doc: Doc, tok_starts: list[int], pos: int, starts: list[int], quoted: Sequence[bool]
) -> Gender | None:
    """The gender of a possessive pronoun in a phrase fronted before the subject mention at
    pos, with no other person named before it in the sentence: "In her opening remarks,
    Waters pointed out ..."."""
    i = bisect.bisect_left(tok_starts, pos)
    if i >= len(doc):
        return None
    subject = doc[i]
    while subject.dep_ in _NAME_DEPS and subject.head.i != subject.i:
        subject = subject.head
    sent = subject.sent
    k = bisect.bisect_left(starts, sent.start_char)
    if subject.dep_ not in _SUBJECT_DEPS or (k < len(starts) and starts[k] < pos):
        return None
    verb = subject.head
    for tok in doc[sent.start : i]:
        gender = pronoun_gender(tok.lower_)
        if (
            gender
            and tok.dep_ == "poss"
            and not (quoted and quoted[tok.i])
            and any(a.dep_ == "prep" and a.head.i == verb.i for a in tok.ancestors)
        ):
            return gender
    return None


def is_subject(doc: Doc, tok_starts: list[int], start: int, end: int) -> bool:
    """Is the mention body[start:end] (or the phrase it names) the subject of its clause, or
    as salient as one?

    Up through a name's parts and appositions ("Ambassador George Deek", "the nominee,
    Hillary Clinton"); a possessor only of a main clause's subject ("Mr. Trump's tone often
    seems ..."), not of an embedded one ("said Pence's performance should", "liked the
    way ... the Polaroid's front flash looked"); a name
    the parser left before a finite verb with no subject ("Kiara Perkins, a ... major,
    admitted", under a heading run into it); the holder of a sentence's perspective ("For
    Kevin Allton, ..., Warhol was a legend", "According to Wilkins, ...").
    """
    i = bisect.bisect_left(tok_starts, start)
    while i < len(doc) and doc[i].idx < end:
        tok, possessor = doc[i], False
        for _ in range(3):
            if tok.dep_ in _SUBJECT_DEPS and (not possessor or tok.head.dep_ == "ROOT"):
                return True
            if tok.dep_ not in (*_NAME_DEPS, "poss") or tok.head.i == tok.i:
                break
            possessor = possessor or tok.dep_ == "poss"
            tok = tok.head
        i += 1
    return i > 0 and (_subject_unparsed(doc[i - 1]) or _perspective(doc[i - 1]))


def _subject_unparsed(last: Token) -> bool:
    """Does a finite verb with no subject follow the name, past its appositive set off by
    commas and adverbs ("Perkins, a major, admitted", "Perkins also said")? A subject on
    an earlier line does not count: it is a heading the parser ran into the sentence."""
    doc = last.doc
    j = last.i + 1
    appositives = [c for c in last.rights if c.dep_ == "appos"]
    if appositives and j < len(doc) and doc[j].text == ",":
        j = max(c.right_edge.i for c in appositives) + 1
        j += j < len(doc) and doc[j].text == ","
    while j < len(doc) and doc[j].dep_ == "advmod" and doc[j].pos_ == "ADV":
        j += 1
    if j >= len(doc):
        return False
    verb = doc[j]
    if verb.tag_ not in _FINITE_TAGS or verb.pos_ != "VERB":
        return False
    return not any(
        c.dep_ in (*_SUBJECT_DEPS, "expl", "csubj")
        and not (c.i < last.i and any("\n" in t.text_with_ws for t in doc[c.i : last.i]))
        for c in verb.children
    )


def _perspective(last: Token) -> bool:
    """Is the name the object of a sentence-opening "For X," or "According to X,"?"""
    prep = last.head
    if last.dep_ != "pobj" or prep.lower_ not in _PERSPECTIVE_PREPS:
        return False
    if prep.lower_ == "to" and prep.head.lower_ == "according":
        prep = prep.head
    return all(t.is_punct or t.is_space for t in prep.doc[prep.sent.start : prep.i])
