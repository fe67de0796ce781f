"""Titles and roles before a name: one word list, one rule to split them off.

The words are ``data/ner/titles.txt`` (one a line, lower case), the one list
of title words: heads that make a title by themselves ("ambassador", "MP",
"Dr.") and the modifiers below, which only qualify one ("former",
"Foreign", "deputy"). ``split_title`` splits "Israel's Ambassador to
Azerbaijan George Deek" into the title and the name; the entities annotator
takes the title as ``Entity.description``, the quotes annotator as
``Quote.role``, so both read "Azerbaijani MP Rasim Musabeyli" the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Token

from newsgraph.countries import country_code

# Modifiers of a title: they never make one alone ("former", "Foreign").
MODIFIERS = frozenset(
    "vice prime deputy assistant foreign defense defence interior finance health economy "
    "trade state attorney chief former acting interim then late top senior junior new "
    "incoming outgoing special permanent national security managing opposition financial "
    "operating technology information marketing commercial investment shadow".split()
)
# Words that join the parts of a title ("Ambassador to Azerbaijan", "Secretary of State").
CONNECTORS = frozenset({"to", "of", "for", "at", "'s", "’s", "on"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ARTICLES = frozenset({"the", "a", "an"})
_HYPHENS = ("-", "‐")  # not the dash "–": "the transcript–published by the Post–shows"
_NAME_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})
_HONORIFICS = r"(?:mr|mrs|ms|miss|mx|sir|dame|dr)\.?"
_HONORIFIC_EDGE = re.compile(
    rf"^(?:{_HONORIFICS}\s+)+|(?:[\s,]+{_HONORIFICS})+$|[\s,]+$", re.IGNORECASE
)
_HONORIFIC_ONLY = re.compile(rf"(?:{_HONORIFICS}\s*)+", re.IGNORECASE)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of data/ner/titles.txt, lower case."""
    text = (files("newsgraph") / "data" / "ner" / "titles.txt").read_text(encoding="utf-8")
    words = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words)


def is_title_word(word: str) -> bool:
    """True for a word that can be (part of) a title: 'Ambassador', 'MP', 'former'."""
    low = word.lower()
    return low in title_words() or low in MODIFIERS


def is_title_head(word: str) -> bool:
    """True for a word that makes a title by itself: 'Ambassador', 'MP', 'Dr.'."""
    low = word.lower()
    return low in title_words() and low not in MODIFIERS


def is_honorific(word: str) -> bool:
    """True for a courtesy title that belongs with the name: 'Mr.', 'Dr', 'Dame'."""
    return _HONORIFIC_ONLY.fullmatch(word) is not None


def is_place_word(tok: Token) -> bool:
    return tok.ent_type_ in ("GPE", "NORP") or country_code(tok.text) is not None


def is_title_part(tok: Token) -> bool:
    """Can the token stand inside a title: a title word, a connector, a place or organisation?"""
    return (
        is_title_word(tok.text)
        or tok.text in CONNECTORS
        or is_place_word(tok)
        or (tok.ent_type_ in _NAME_LABELS and not tok.is_lower)
    )


@dataclass(frozen=True)
class TitleSplit:
    """Where the title before a name starts, where the name starts, and the title as text.

    ``role`` is None when no title was found, or the title is an honorific alone ("Mr.").
    """

    title_start: int
    name_start: int
    role: str | None

    @property
    def found(self) -> bool:
        return self.title_start < self.name_start


def split_title(
    doc: Doc, start: int, end: int, floor: int, *, organisation: bool = False
) -> TitleSplit:
    """Split the title off the name in tokens [start, end), reading back to ``floor`` for it.

    The name starts after the last title word, connector, possessive or place word in the
    span (a place word only with two words after it); the title is read leftwards from
    there, over the span's start down to ``floor`` (the recogniser often leaves a title
    outside its span: "Azerbaijani MP" before "Rasim Musabeyli"). An organisation's name
    ("General Motors") splits only with two words on each side.
    """
    core = _name_core(doc, start, end)
    if organisation and (end - core < 2 or core - start < 2):
        core = start
    head = _title_before(doc, core, floor)
    if head < core < end and doc[core].is_title:
        return TitleSplit(head, core, _role(doc[head:core].text))
    return TitleSplit(start, start, None)


def _name_core(doc: Doc, start: int, end: int) -> int:
    """Start of the bare name inside a span: after titles and place words in it."""
    core = start
    for i in range(start, end - 1):
        tok = doc[i]
        if is_title_word(tok.text) or tok.text in CONNECTORS or tok.text in POSSESSIVE:
            core = i + 1
        elif is_place_word(tok) and end - (i + 1) >= 2:
            core = i + 1
    return core


def _title_before(doc: Doc, start: int, floor: int) -> int:
    """Index of the first token of a title ending just before ``start``, or ``start``.

    Reads leftwards over title words, connectors, possessives and names of
    places, organisations and nationalities; keeps the stretch only if it
    holds a title head ("Ambassador"), and drops dangling connectors.
    """
    i = start - 1
    if i < floor or doc[i].text in CONNECTORS:
        return start  # "an analyst at Acme": the title is the speaker's, not the name's
    first = start
    has_head = False
    portfolio = False  # inside a head's portfolio: "[Work and Pensions] Secretary"
    while i >= floor:
        tok = doc[i]
        if is_title_head(tok.text):
            has_head = True
            portfolio = False
        elif (portfolio or is_title_head(doc[i + 1].text)) and _portfolio_word(tok):
            portfolio = True
        elif portfolio and tok.lower_ in ("and", "&") and i > floor and _portfolio_word(doc[i - 1]):
            pass
        elif not is_title_part(tok) and not (
            tok.is_title and tok.pos_ in ("PROPN", "ADJ") and doc[i + 1].ent_type_ in _NAME_LABELS
        ):  # "Liberal" of "Liberal Democrats leader", which the recogniser cut
            break
        else:
            portfolio = False
        first = i
        i -= 1
    while first < start and (doc[first].text in CONNECTORS or doc[first].lower_ in ARTICLES):
        first += 1
    if not has_head:
        return start
    whole = word_start(doc, first)
    if doc[whole].ent_iob_ == "I":  # "Liberal Democrats leader": never half a name
        whole = next(k for k in range(whole, -1, -1) if doc[k].ent_iob_ != "I")
    if whole >= floor:
        return whole
    while first < start and (glued(doc, first) or doc[first].ent_iob_ == "I"):
        first += 1  # the rest of a word or a name that began before floor is no title
    return first


_NOT_PORTFOLIO = frozenset(
    "yesterday today tonight tomorrow monday tuesday wednesday thursday friday saturday "
    "sunday then".split()
)


def _portfolio_word(tok: Token) -> bool:
    """A capitalised noun a title head may carry as its field: "Home" Secretary, "Energy"
    Minister, "Work" and "Pensions" Secretary; no person's name, no day."""
    return (
        tok.is_title
        and tok.pos_ in ("PROPN", "NOUN")
        and tok.ent_type_ not in ("PERSON", "DATE", "TIME")
        and tok.lower_ not in _NOT_PORTFOLIO
        and not is_title_head(tok.text)
    )


def glued(doc: Doc, i: int) -> bool:
    """Is token i part of the word before it ("Waller-Smith", "co-chair": no space between)?"""
    if i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_space:
        return False
    before, tok = doc[i - 1], doc[i]
    return (before.is_alpha or before.text in _HYPHENS) and (tok.is_alpha or tok.text in _HYPHENS)


def word_start(doc: Doc, i: int) -> int:
    """Index of the first token of the whitespace-delimited word holding token i."""
    while glued(doc, i):
        i -= 1
    return i


def word_end(doc: Doc, i: int) -> int:
    """Index of the last token of the word holding token i."""
    while i + 1 < len(doc) and glued(doc, i + 1):
        i += 1
    return i


def _role(text: str) -> str | None:
    """A title without honorifics at its ends: 'minister Mr' -> 'minister'; 'Mr' -> None."""
    text = text.strip()
    if _HONORIFIC_ONLY.fullmatch(text):
        return None
    return _HONORIFIC_EDGE.sub("", text).strip() or None
