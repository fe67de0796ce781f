"""Which entity a phrase refers to: the one it names, or the one a pronoun or nominal stands for.

A phrase holding an entity mention ("Rasim Musabeyli", "Musabeyli") is that
entity. Otherwise its head word decides (``resolve``): a personal pronoun
("he", "she") stands for the most recent person of its gender, a group pronoun
("they", "it") for the most recent organisation, nationality or country; a
title ("the ambassador") for the person the article last describes with that
word, else the most recent person; a group noun ("the ministry") for the group
last named as a modifier of that noun ("the Conservative government"), else
the most recent organisation, nationality or country, an organisation first
when the noun names one ("the company"); a written work ("the report") for the
last study or report named; any other noun ("the document") for the
organisation last named as its modifier ("an Environment Canada document").
Among recent mentions of the preferred type, a grammatical subject (the
salient one) wins, and a pronoun already resolved counts as a subject mention
of its referent (``referent_gender.is_subject``: not a possessor, "the
Polaroid's flash"; the holder of a sentence's perspective, "For Kevin Allton,
...", is as salient). "They" agrees in number: when the nearest plural subject
before it names no entity ("The researchers found ... They say") or several
("Smith and Jones said ... They added"), it stands for that and resolves to
none. Mentions inside quote marks are never referents: who a quotation talks
about is not who speaks, and a pronoun speaker is none of the entities its own
quotation names ("He said, “Andy Warhol was ...”"); a group's may name itself. A person's surname
standing alone counts as a mention of them even where the recogniser missed it
("Mark Rathbun ... Rathbun requested").

    refs = Referents(doc, article.entities, quoted)
    refs.resolve(start, end)  # -> "E3" or None
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Literal

import numpy as np
from spacy.tokens import Doc

from newsgraph.extract.quote_cues import (
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    ORGANISATION_NOUNS,
    PERSON_PRONOUNS,
)
from newsgraph.extract.referent_gender import (
    Gender,
    is_subject,
    person_genders,
    places_read_as_persons,
    pronoun_gender,
)
from newsgraph.extract.titles import is_title_head
from newsgraph.nlp import text_of, token_starts
from newsgraph.record import Entity

Form = Literal["name", "nominal", "pronoun", "group"]

PERSON_TYPES = ("PERSON",)
GROUP_TYPES = ("ORG", "NORP", "GPE")
# Mentions are short: a position is looked up among the mentions starting this close before it.
_MENTION_REACH = 300
_WORD = re.compile(r"\s*(\S*)")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_PLURAL_TAGS = ("NNS", "NNPS")
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss")
_DEFINITE = frozenset("the this that these those".split())


def head_word(body: str, pos: int) -> str:
    """The word at pos, lower case, without trailing punctuation: 'ambassador', 'they'."""
    return _WORD.match(body, pos).group(1).lower().strip(".,;:")


def form_of(word: str) -> Form:
    """How a head word refers: by pronoun, by title or group noun (nominal), or by name."""
    if word in PERSON_PRONOUNS or word in GROUP_PRONOUNS:
        return "pronoun"
    if is_title_head(word) or word in GROUP_NOUNS:
        return "nominal"
    return "name"


class Referents:
    """The entity mentions of one parsed body, outside quote marks, to look up and look back through.

    ``quoted[i]`` is True for token i inside quote marks (empty: none is). ``lookback`` is
    how far back (in characters) a referring word prefers a subject mention of its first
    wanted type; ``reach`` how far back it takes any mention of a wanted type.
    """

    def __init__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        quoted: Sequence[bool] = (),
        *,
        lookback: int = 1500,
        reach: int = 20_000,
    ) -> None:
        self.doc = doc
        self.body = text_of(doc)
        self.quoted = quoted
        self.lookback = lookback
        self.reach = reach
        self.tok_starts = tok_starts = token_starts(doc)
        rows = []
        self.quoted_mentions: list[tuple[int, str]] = []  # (start, entity id) inside quote marks
        for ent in entities:
            for m in ent.mentions:
                i = bisect.bisect_left(tok_starts, m.start)
                if i < len(quoted) and quoted[i]:
                    self.quoted_mentions.append((m.start, ent.id))
                    continue
                rows.append((m.start, m.end, ent, is_subject(doc, tok_starts, m.start, m.end)))
        rows += _missed_surnames(doc, entities, rows, quoted)
        rows.sort(key=lambda r: (r[0], -r[1]))
        self.rows: list[tuple[int, int, Entity, bool]] = []
        for row in rows:
            # a mention inside another ("Israel" in "Azerbaijan-Israel Group") is no referent
            if self.rows and row[1] <= self.rows[-1][1]:
                continue
            self.rows.append(row)
        self.starts = [r[0] for r in self.rows]
        self.quoted_mentions.sort()
        self.read_as_persons = places_read_as_persons(doc, entities, quoted)
        self.genders = person_genders(doc, entities, quoted) | self.read_as_persons

    def containing(self, pos: int) -> Entity | None:
        """The entity with a mention covering the character at pos."""
        k = bisect.bisect_right(self.starts, pos) - 1
        while k >= 0 and pos - self.rows[k][0] < _MENTION_REACH:
            start, end, ent, _ = self.rows[k]
            if start <= pos < end:
                return ent
            k -= 1
        return None

    def within(self, start: int, end: int, wanted: tuple[str, ...]) -> Entity | None:
        """The first entity of a wanted type mentioned inside ``body[start:end]``."""
        k = bisect.bisect_left(self.starts, start)
        while k < len(self.rows) and self.rows[k][0] < end:
            _, mention_end, ent, _ = self.rows[k]
            if mention_end <= end and ent.type in wanted:
                return ent
            k += 1
        return None

    def before(
        self,
        pos: int,
        wanted: tuple[str, ...],
        word: str | None = None,
        gender: Gender | None = None,
        exclude: frozenset[str] = frozenset(),
    ) -> Entity | None:
        """The entity a referring word at pos most likely means.

        The last entity described by word ("the ambassador" -> "Israel's Ambassador ...")
        wins, however far back; then, within ``lookback`` characters, the most recent
        mention of the first wanted type that is a grammatical subject, then the most
        recent of that type; else the most recent of any wanted type within ``reach``
        characters. A person the article gives another gender ("she" and "Mr. Burton"), or
        an entity in exclude, is never meant.
        """
        if word is not None:
            described = self._described(pos, wanted, word)
            if described is not None:
                return described
        k = bisect.bisect_left(self.starts, pos) - 1
        preferred = fallback = None
        while k >= 0 and pos - self.rows[k][0] < self.reach:
            start, _, ent, subject = self.rows[k]
            k -= 1
            kind = "PERSON" if ent.id in self.read_as_persons else ent.type
            if (
                kind not in wanted
                or ent.id in exclude
                or (gender and self.genders.get(ent.id, gender) != gender)
            ):
                continue
            if kind == wanted[0] and pos - start < self.lookback:
                if subject:
                    return ent
                preferred = preferred or ent
            fallback = fallback or ent
        return preferred or fallback

    def resolve(
        self, start: int, end: int, *, head: int | None = None, form: Form | None = None
    ) -> str | None:
        """Id of the entity the phrase body[start:end] refers to, or None.

        ``head`` is the offset of its head word (default: the phrase's syntactic head);
        ``form`` how it refers (default: read off the head word with ``form_of``).
        """
        head_at = head if head is not None else self._root(start, end)
        ent = self.containing(head_at)
        if ent is not None:
            return ent.id
        word = head_word(self.body, head_at)
        form = form or form_of(word)
        if form == "pronoun":
            wanted = (
                PERSON_TYPES
                if word in PERSON_PRONOUNS
                else GROUP_TYPES
                if word in GROUP_PRONOUNS
                else ()
            )
            if word == "they" and self._plural_subject_before(start):
                wanted = ()
            # a person speaks of others in the third person; a group also of itself
            # ("the members of the Security Council will ...," they said)
            exclude = self._quoted_by(head_at) if wanted == PERSON_TYPES else frozenset()
            ent = (
                self.before(start, wanted, gender=pronoun_gender(word), exclude=exclude)
                if wanted
                else None
            )
            if ent is not None and head_at == start:
                self._remember(start, end, ent)
        elif form == "nominal" and is_title_head(word):
            ent = self.before(start, PERSON_TYPES, word)
        elif form == "nominal" and word in GROUP_NOUNS:
            # "the Croatian government" says whose; "the government" is the last one named
            # with that noun ("the Conservative government"), else the last group named
            # "the Santa Clara, California-based company": where it is based is not who
            own = ("ORG",) if "-based" in self.body[start:end] else GROUP_TYPES
            ent = (
                self.within(start, end, own)
                or self._modifying(start, head_at, own)
                or (self.before(start, ("ORG",)) if word in ORGANISATION_NOUNS else None)
                or self.before(start, GROUP_TYPES)
            )
        elif word in DOCUMENT_NOUNS:
            ent = self._work_before(start) or self._modifying(start, head_at, ("ORG",))
        elif form == "nominal":  # an organisation's: "the document", "the letter"
            ent = self._modifying(start, head_at, ("ORG",))
        return ent.id if ent is not None else None

    def _described(self, pos: int, wanted: tuple[str, ...], word: str) -> Entity | None:
        """The entity of a wanted type last mentioned before pos that the article describes
        with word ("the minister" -> "Health Minister Jane Porter")."""
        k = bisect.bisect_left(self.starts, pos) - 1
        found = re.compile(rf"\b{re.escape(word)}").search
        while k >= 0 and pos - self.rows[k][0] < self.reach:
            ent = self.rows[k][2]
            if ent.type in wanted and found((ent.description or "").lower()):
                return ent
            k -= 1
        return None

    def _modifying(self, pos: int, head_at: int, wanted: tuple[str, ...]) -> Entity | None:
        """The entity of a wanted type last named before pos as a modifier of the noun at
        head_at, outside quote marks, when that noun is definite: "the government" -> "the
        Conservative government", "the document" -> "a sensitive Environment Canada
        document"."""
        i = bisect.bisect_left(self.tok_starts, head_at)
        if (
            i >= len(self.doc)
            or self.doc[i].pos_ != "NOUN"
            or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in self.doc[i].children)
        ):
            return None  # "a Times article", "recent polls" name no earlier one
        lemma = self.doc[i].lemma_.lower()
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and pos - self.rows[k][0] < self.reach:
            _, end, ent, _ = self.rows[k]
            k -= 1
            last = self.doc[bisect.bisect_left(self.tok_starts, end) - 1]
            if (
                ent.type in wanted
                and last.dep_ in _MODIFIER_DEPS
                and last.head.i > last.i
                and last.head.lemma_.lower() == lemma
            ):
                return ent
        return None

    def _quoted_by(self, pos: int) -> frozenset[str]:
        """The entities named in the quotation of the sentence at pos, run on to its end: who
        a speaker talks about is not the speaker ("He said, “Andy Warhol was the center
        ...”" is not Warhol's)."""
        quoted, doc = self.quoted, self.doc
        i = bisect.bisect_left(self.tok_starts, pos)
        if not quoted or i >= len(doc) or quoted[i]:
            return frozenset()  # a speaker inside a quotation: the quotation is no one's own
        sent = doc[i].sent
        inside = [k for k in range(sent.start, sent.end) if quoted[k]]
        if not inside:
            return frozenset()
        first, last = inside[0], inside[-1]
        while first > 0 and quoted[first - 1]:
            first -= 1
        while last + 1 < len(doc) and quoted[last + 1]:
            last += 1
        lo = bisect.bisect_left(self.quoted_mentions, (doc[first].idx, ""))
        hi = bisect.bisect_left(self.quoted_mentions, (doc[last].idx + len(doc[last]), ""))
        return frozenset(eid for _, eid in self.quoted_mentions[lo:hi])

    def _remember(self, start: int, end: int, ent: Entity) -> None:
        """Count a pronoun resolved to ent as a subject mention of it: the next pronoun may
        stand for the same speaker ("He said ... He added")."""
        k = bisect.bisect_left(self.starts, start)
        if k < len(self.rows) and self.starts[k] == start:
            return
        self.starts.insert(k, start)
        self.rows.insert(k, (start, end, ent, True))

    def _work_before(self, pos: int) -> Entity | None:
        """The last study or report named before pos ("the National Iodine Nutrition Study")."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and pos - self.rows[k][0] < self.reach:
            ent = self.rows[k][2]
            if ent.name.split()[-1].lower() in DOCUMENT_NOUNS:
                return ent
            k -= 1
        return None

    def _plural_subject_before(self, pos: int) -> bool:
        """Is the nearest plural subject before pos, in its sentence or the one before, a
        common noun that is no entity's mention ("The researchers found ... They say") or
        several coordinated ("Smith and Jones")? A subject naming one entity on the way
        stops the search ("Acme Corp said ... They")."""
        doc, quoted = self.doc, self.quoted
        i = bisect.bisect_left(self.tok_starts, pos)
        if i == 0:
            return False
        sent = doc[i - 1].sent
        first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for tok in reversed(doc[first:i]):
            if tok.dep_ not in _SUBJECT_DEPS or (quoted and quoted[tok.i]):
                continue
            if any(c.dep_ == "conj" for c in tok.children):
                return True  # several: "Smith and Jones said ... They added"
            if self.containing(tok.idx) is not None:
                return False
            if tok.tag_ in _PLURAL_TAGS:
                return tok.tag_ == "NNS"
        return False

    def _root(self, start: int, end: int) -> int:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root.idx if span is not None and len(span) else start


def _missed_surnames(
    doc: Doc, entities: Sequence[Entity], rows: list, quoted: Sequence[bool]
) -> list[tuple[int, int, Entity, bool]]:
    """Mentions of a person by surname alone that the recogniser missed: the last word of
    one person's full name ("Rathbun" of "Mark Rathbun"), capitalised, outside quote marks."""
    owners: dict[str, Entity | None] = {}
    for ent in entities:
        words = ent.name.split()
        if ent.type in PERSON_TYPES and len(words) > 1 and words[-1][:1].isupper():
            last = words[-1]
            owners[last] = ent if owners.get(last, ent) is ent else None  # two owners: neither
    if not owners:
        return []
    tok_starts = token_starts(doc)
    covered: set[int] = set()
    for start, end, _, _ in rows:
        i = bisect.bisect_left(tok_starts, start)
        while i < len(doc) and doc[i].idx < end:
            covered.add(i)
            i += 1
    out = []
    named = np.isin(doc.to_array("ORTH"), [doc.vocab.strings[w] for w in owners])
    for i in np.flatnonzero(named).tolist():  # the words that are surnames, not every token
        tok = doc[i]
        ent = owners.get(tok.text)
        if ent is None or tok.i in covered or (quoted and quoted[tok.i]):
            continue
        end = tok.idx + len(tok)
        out.append((tok.idx, end, ent, is_subject(doc, tok_starts, tok.idx, end)))
    return out
