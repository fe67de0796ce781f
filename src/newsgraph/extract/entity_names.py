"""Turning one entity mention into a clean name: titles split off, edges trimmed.

"Israel's Ambassador to Azerbaijan George Deek" -> name "George Deek",
description "Israel's Ambassador to Azerbaijan". The recogniser's span is the
starting point; the words just before it are read too, since the recogniser
often leaves a title outside ("Azerbaijani MP" before "Rasim Musabeyli") or
takes half of it in ("Azerbaijan George Deek").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from newsgraph.countries import country_code, is_country_name, is_demonym

# Modifiers of a title: they never make one alone ("former", "Foreign").
_MODIFIERS = frozenset(
    "vice prime deputy assistant foreign defense defence interior finance health economy "
    "trade state attorney chief former acting interim then late top senior junior new "
    "incoming outgoing special permanent national security executive managing".split()
)
# Words that join the parts of a title ("Ambassador to Azerbaijan", "Secretary of State").
_CONNECTORS = frozenset({"to", "of", "for", "at", "'s", "’s", "on"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ARTICLES = frozenset({"the", "a", "an"})
# Leading words the recogniser takes in that are no part of a name ("Numerous Azerbaijanis").
_LEADING_TAGS = frozenset({"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "RB", "CD", "IN", "CC"})
_NAME_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    text = (files("newsgraph") / "data" / "ner" / "titles.txt").read_text(encoding="utf-8")
    words = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words)


def is_title_word(word: str) -> bool:
    """True for a word that can be (part of) a title: 'Ambassador', 'MP', 'former'."""
    low = word.lower()
    return low in _titles() or low in _MODIFIERS


def is_title_head(word: str) -> bool:
    """True for a word that makes a title by itself: 'Ambassador', 'MP', 'Dr.'."""
    low = word.lower()
    return low in _titles() and low not in _MODIFIERS


@dataclass
class Mention:
    """One cleaned mention: character span of the name, its label and what was split off."""

    start: int
    end: int
    text: str
    label: str
    description: str | None = None
    country: str | None = None
    tokens: tuple[str, ...] = ()


def fold(text: str) -> str:
    """Lower case, no diacritics, straight apostrophes, single spaces: the key's form."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _SPACES.sub(" ", text).strip().casefold()


def _is_place_word(tok: Token) -> bool:
    return tok.ent_type_ in ("GPE", "NORP") or country_code(tok.text) is not None


def _edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range with articles, sentence-initial modifiers, possessives and punctuation cut."""
    while start < end and (
        doc[start].is_punct
        or doc[start].is_space
        or doc[start].lower_ in _ARTICLES
        or (
            doc[start].tag_ in _LEADING_TAGS
            and doc[start].is_lower
            and country_code(doc[start].text) is None
            and end - start > 1
        )
    ):
        start += 1
    # "Numerous Azerbaijanis" at a sentence start: the capital is the sentence's, not a name's.
    if (
        end - start >= 2
        and doc[start].is_sent_start
        and is_demonym(doc[start + 1 : end].text)
        and not country_code(doc[start:end].text)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in _POSSESSIVE
    ):
        end -= 1
    # A span running over a line break is two things; keep the first line.
    for i in range(start, end):
        if "\n" in doc[i].text or (i > start and "\n" in doc[i - 1].whitespace_):
            return start, i if i > start else start
    return start, end


def _title_before(doc: Doc, start: int, floor: int) -> int:
    """Index of the first token of a title ending just before ``start``, or ``start``.

    Reads leftwards over title words, connectors, possessives and names of
    places, organisations and nationalities; keeps the stretch only if it
    holds a title head ("Ambassador"), and drops dangling connectors.
    """
    i = start - 1
    if i < floor or doc[i].text in _CONNECTORS:
        return start  # "an analyst at Acme": the title is the speaker's, not the name's
    first = start
    has_head = False
    while i >= floor:
        tok = doc[i]
        if is_title_head(tok.text):
            has_head = True
        elif not (
            is_title_word(tok.text)
            or tok.text in _CONNECTORS
            or _is_place_word(tok)
            or (tok.ent_type_ in _NAME_LABELS and not tok.is_lower)
        ):
            break
        first = i
        i -= 1
    while first < start and (doc[first].text in _CONNECTORS or doc[first].lower_ in _ARTICLES):
        first += 1
    return first if has_head else start


_HONORIFIC_EDGE = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|sir|dame|dr)\.?\s+)+|(?:[\s,]+(?:mr|mrs|ms|miss|mx|sir|dame|dr)\.?)+$"
    r"|[\s,]+$",
    re.IGNORECASE,
)


def _role(text: str) -> str | None:
    """A description without honorifics at its ends: 'minister Mr' -> 'minister'; 'Mr' -> None."""
    text = text.strip()
    if re.fullmatch(r"(?:(?:mr|mrs|ms|miss|mx|sir|dame|dr)\.?\s*)+", text, re.IGNORECASE):
        return None
    return _HONORIFIC_EDGE.sub("", text).strip() or None


def _title_after(doc: Doc, end: int, window: int) -> str | None:
    """An appositive title after a name: 'George Deek, Israel's ambassador to Azerbaijan,'.

    The title must close within ``window`` tokens of the name's end.
    """
    if end >= len(doc) - 1 or doc[end].text != ",":
        return None
    has_head = False
    for i in range(end + 1, min(len(doc), end + window)):
        tok = doc[i]
        if tok.text in (",", ".", ";", ":", ")") or tok.is_space:
            if not has_head or i == end + 1:
                return None
            text = doc[end + 1 : i].text.strip()
            return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I) or None
        if is_title_head(tok.text):
            has_head = True
        elif not (
            is_title_word(tok.text)
            or tok.text in _CONNECTORS
            or tok.lower_ in _ARTICLES
            or _is_place_word(tok)
            or (tok.ent_type_ in _NAME_LABELS and not tok.is_lower)
        ):
            return None
    return None


def _name_core(doc: Doc, start: int, end: int) -> int:
    """Start of the bare name inside a person span: after titles and place words in it."""
    core = start
    for i in range(start, end - 1):
        tok = doc[i]
        if is_title_word(tok.text) or tok.text in _CONNECTORS or tok.text in _POSSESSIVE:
            core = i + 1
        elif _is_place_word(tok) and end - (i + 1) >= 2:
            core = i + 1
    return core


def clean_mention(
    doc: Doc, ent: Span, *, title_window: int, appositive_window: int, country_max_tokens: int
) -> Mention | None:
    """The mention an entity span stands for, or None when nothing name-like is left.

    A title is read up to ``title_window`` tokens before the name (within its
    sentence) and ``appositive_window`` tokens after it; a span of at most
    ``country_max_tokens`` tokens is looked up as a country or nationality.
    """
    start, end = _edges(doc, ent.start, ent.end)
    if start >= end:
        return None
    label = ent.label_
    description = None
    text = doc[start:end].text
    if label in ("PERSON", "ORG"):
        core = _name_core(doc, start, end)
        if label == "ORG" and (end - core < 2 or core - start < 2):
            # "General Motors", "Major League Baseball" are whole names; "Azerbaijani
            # MP Rasim Musabeyli" is a title and a person.
            core = start
        floor = max(0, start - title_window)
        sent_start = ent.sent.start if doc.has_annotation("SENT_START") else floor
        head = _title_before(doc, core, max(sent_start, floor))
        if head < core and core < end and doc[core].is_title:
            description = _role(doc[head:core].text)
            if label == "ORG" and any(is_title_head(t.text) for t in doc[head:core]):
                label = "PERSON"
            start = core
        if description is None and label == "PERSON":
            description = _title_after(doc, end, appositive_window)
    text = doc[start:end].text
    if not any(c.isupper() for c in text):
        return None  # "the embassy gate": no proper name
    code = None
    if end - start <= country_max_tokens:
        code = country_code(text)
        if code and is_country_name(text):
            label = "GPE" if label not in ("GPE", "LOC") else label
        elif code and is_demonym(text) and label in ("PERSON", "ORG", "NORP", "GPE"):
            label = "NORP"
    return Mention(
        start=doc[start].idx,
        end=doc[end - 1].idx + len(doc[end - 1].text),
        text=text,
        label=label,
        description=description,
        country=code if label in ("GPE", "NORP") else None,
        tokens=tuple(t.text for t in doc[start:end]),
    )
