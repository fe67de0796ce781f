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

from spacy.tokens import Doc, Span

from newsgraph.countries import country_code, is_country_name, is_demonym
from newsgraph.extract.titles import (
    ARTICLES,
    POSSESSIVE,
    is_title_head,
    is_title_part,
    split_title,
)
from newsgraph.gazetteer.context import is_known_place
from newsgraph.gazetteer.features import feature_type

# Leading words the recogniser takes in that are no part of a name ("Numerous Azerbaijanis").
_LEADING_TAGS = frozenset({"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "RB", "CD", "IN", "CC"})
_SPACES = re.compile(r"\s+")


# A named storm: "Hurricane Helene", "Storm Bert", "Tropical Storm Rafael", "Typhoon Yagi";
# not a weapon named so ("Storm Shadow missiles", "Typhoon jets").
STORM = re.compile(
    r"\b(?:(?:Tropical|Winter|Super) )?(?:Storm|Hurricane|Typhoon|Cyclone) ([A-Z][a-z]+)\b"
    r"(?! (?:missiles?|cruise|jets?|fighters?|aircraft))"
)


def storm_name(text: str) -> str | None:
    """The name of a named storm ("Rafael" of "Tropical Storm Rafael"), else None."""
    found = STORM.fullmatch(text)
    return found.group(1) if found else None


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


def covered_chars(mentions: list[Mention], body: str) -> bytearray:
    """One byte per character of the body, set where a mention covers it."""
    covered = bytearray(len(body) + 1)
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    return covered


def give_way(mentions: list[Mention], found: list[Mention]) -> list[Mention]:
    """The mentions, with each of ``found`` in the place of those it overlaps, in order of
    position: a whole name the recogniser cut into pieces replaces the pieces."""
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)


def fold(text: str) -> str:
    """Lower case, no diacritics, straight apostrophes, single spaces: the key's form."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _SPACES.sub(" ", text).strip().casefold()


# A company's legal form closing its name: "Pirelli SpA", "Daimler AG", "Acme Corp."
_LEGAL_FORM = re.compile(
    r"\s(?:SpA|S\.p\.A\.|AG|SA|S\.A\.|NV|N\.V\.|BV|GmbH|AB|ASA|A/S|Oyj|KK|Bhd|Tbk|"
    r"Inc\.?|Corp\.?|Co\.?|Cos\.?|Ltd\.?|LLC|PLC|Plc|plc)$"
)


# The last word of a company's name, never of a person's: "Arvana Semiconductor".
_COMPANY_WORD = re.compile(
    r"Corp|Corporation|Inc|Ltd|LLC|PLC|plc|Group|Company|Holdings|Partners|Bros|Communications|"
    r"Entertainment|Media|Studios|Pictures|Motors|Airlines|Industries|Systems|Technologies|"
    r"Enterprises|Associates|Semiconductors?|Electronics|Pharmaceuticals?|Therapeutics|"
    r"Biosciences|Software|Networks|Labs|Laboratories|Robotics|Airways|Petroleum|Insurance|"
    r"Investments|Securities|Capital|Logistics|Telecom"
)


def ends_in_company_word(tokens: tuple[str, ...]) -> bool:
    """Is a name of two words or more a company's by its last word ("Vertex Pharmaceuticals")?"""
    return len(tokens) > 1 and _COMPANY_WORD.fullmatch(tokens[-1]) is not None


def without_legal_form(name: str) -> str:
    """The name a company goes by: "Pirelli SpA" -> "Pirelli" (the name itself if it has none)."""
    form = _LEGAL_FORM.search(name)
    return name[: form.start()] if form else name


def person_name_parts(mentions: list[Mention]) -> set[str]:
    """Every word, folded, of the persons named by more than one word ("Tom Nelson"):
    a lone "Nelson" in the same article is most likely that person."""
    return {
        fold(t) for m in mentions if m.label == "PERSON" and len(m.tokens) > 1 for t in m.tokens
    }


_FORMER = re.compile(r"[Ee]x-[A-Z][\w-]*$")


def _former_prefix(doc: Doc, start: int, end: int) -> int:
    """Tokens of an "Ex-Yankee" before a name (one token or three): what the person was
    is no part of the name."""
    if _FORMER.match(doc[start].text):
        n = 1
    elif doc[start].lower_ == "ex" and doc[start + 1 : start + 2].text == "-":
        n = 3
    else:
        return 0
    return n if end - start > n and doc[start + n].text[:1].isupper() else 0


_ANGLE_BRACKETS = ("<", ">")


def _edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range with articles, sentence-initial modifiers, possessives and punctuation cut."""
    while start < end and (
        doc[start].is_punct
        or doc[start].is_space
        or doc[start].text in _ANGLE_BRACKETS
        or doc[start].lower_ in ARTICLES
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
    # A bracket the span opens and does not close ends the name: "Organisation of Islamic
    # Conference (OIC" is the name, and its acronym after.
    opened = [i for i in range(start, end) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[-1], end)):
        end = opened[-1]
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].text in _ANGLE_BRACKETS  # Reuters' "<Union Faith Canada Holding Ltd>"
        or doc[end - 1].text in POSSESSIVE
        or doc[end - 1].text in ("and", "or")  # "Laurent Cabannes and", the next name cut
    ):
        end -= 1
    start += _former_prefix(doc, start, end)
    # A span running over a line break is two things; keep the first line.
    for i in range(start, end):
        if "\n" in doc[i].text or (i > start and "\n" in doc[i - 1].whitespace_):
            return start, i if i > start else start
    return start, end


def _double_barrelled(doc: Doc, start: int, end: int) -> int:
    """End of a name the recogniser cut at a hyphen: "Morgan Gibbs[-White]", "Hewlett-
    [Packard]". A place after the hyphen is another name ("Hamas-Israel war")."""
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_title
        and doc[end + 1].is_alpha
        and not is_known_place(doc[end + 1].text)
        and country_code(doc[end + 1].text) is None
    ):
        return end + 2
    return end


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
        elif not (is_title_part(tok) or tok.lower_ in ARTICLES):
            return None
    return None


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
    if label in ("PERSON", "ORG"):
        end = _double_barrelled(doc, start, end)
    description = None
    text = doc[start:end].text
    if label in ("PERSON", "ORG"):
        floor = max(0, start - title_window)
        sent_start = ent.sent.start if doc.has_annotation("SENT_START") else floor
        # "General Motors", "Major League Baseball" are whole names; "Azerbaijani
        # MP Rasim Musabeyli" is a title and a person.
        split = split_title(doc, start, end, max(sent_start, floor), organisation=label == "ORG")
        titled = doc[split.title_start : end].text if split.found else ""
        if label == "ORG" and titled[:1].isupper() and feature_type(titled):
            start = split.title_start  # "Queen Mary's Hospital": the title opens a place's name
        elif split.found:
            description = split.role
            title = doc[split.title_start : split.name_start]
            if label == "ORG" and any(is_title_head(t.text) for t in title):
                label = "PERSON"
            start = split.name_start
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
