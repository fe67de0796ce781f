"""Whether the words around a name place it: "in X", "near X", "X-based", "X, Texas",
and a dateline ("OSLO --", "SPLIT, Croatia (Reuters) -").

Shared by the entities annotator (a known place name in such a context is a
place, whatever the recogniser typed) and the places annotator (a name that
is more often something else becomes a small town only in such a context).
"""

from __future__ import annotations

import math
import re

from newsgraph.gazetteer.dateline import dateline_at
from newsgraph.gazetteer.tables import Gazetteer, load_gazetteer, name_key
from newsgraph.lexicon.given_names import is_given_name

# Prepositions that put what follows on a map (not "from", "at": "from Reuters", "at Google").
GEO_PREPOSITIONS = frozenset(
    {"in", "near", "outside", "across", "throughout", "around", "inside", "towards", "toward"}
)
_WORD_BEFORE = re.compile(r"(\w+)\s+(?:the\s+)?$")
# A person said to come from somewhere: "a 24-year-old man from Kettering", "residents from".
_PEOPLE_FROM = re.compile(
    r"\b(?:man|woman|men|women|boy|girl|teenager|person|people|resident|residents|native"
    r"|natives|family|couple|student|students|driver|mother|father|pensioner|farmer|refugees?"
    r"|migrants?)\s+from\s+$",
    re.IGNORECASE,
)
_AFTER = re.compile(r"-based\b|,\s*(?:[A-Z][a-z]+\.?|[A-Z]{2})\b")
# "Clay County", "Douglas counties", "Red River": the name is part of another place's.
_GENERIC_AFTER = re.compile(
    r"\s+(?:[Cc]ount(?:y|ies)|[Pp]arish(?:es)?|[Tt]ownships?|[Rr]ivers?|[Ll]akes?|[Cc]reeks?|"
    r"[Ss]treets?|[Rr]oads?|[Aa]venues?|[Bb]oulevard|[Hh]ighway|[Pp]arks?|[Bb]ay|[Ii]slands?|"
    r"[Mm]ountains?|[Vv]alley|[Cc]anyon|[Ss]chool|[Hh]ospital|[Aa]irport|[Ss]tation)\b"
)
# A capitalised name and a comma right before a name: "Oulton Park, " before "Cheshire".
_PLACE_COMMA = re.compile(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s*$")
# A town this large, or any country, division or continent, counts as a known place name.
KNOWN_TOWN_POPULATION = 5_000


def in_geo_context(text: str, start: int, end: int) -> bool:
    """True when the words around ``text[start:end]`` place it on a map.

    "in X" (not "in X's"), "near X", "a man from X", "X-based", "X, Y" where Y names a
    state or country, and "Y, X" where Y is a place and X a country or
    division are geographic contexts.
    """
    after = text[end : end + 24]
    if after.startswith(("'s", "’s")) or names_other_place(text, end):
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 24) : start])
    if before and before.group(1).lower() in GEO_PREPOSITIONS:  # "In St. Louis, ..." too
        return True
    if _PEOPLE_FROM.search(text, max(0, start - 40), start):
        return True
    if _opens_dateline(text, start, end) or _qualifies_place(text, start, end):
        return True
    qual = _AFTER.match(after)
    if qual is None:
        return False
    if qual.group(0) == "-based":
        return True
    return is_known_place(qual.group(0).lstrip(", ").strip(), areas_only=True)


def _qualifies_place(text: str, start: int, end: int) -> bool:
    """The name is a country or division written after a place and a comma:
    "New Quay, Ceredigion" (not after a person's name: "Lee, Jordan and Kim")."""
    before = _PLACE_COMMA.search(text, max(0, start - 60), start)
    if before is None or not is_known_place(text[start:end], areas_only=True):
        return False
    place = before.group(1)
    return not is_given_name(place.split()[0], news_only=True) and bool(
        load_gazetteer().lookup(place)
    )


def _opens_dateline(text: str, start: int, end: int) -> bool:
    """The name is the place of a dateline opening its line ("OSLO -- The ...", "ATLANTA
    (AP) An aide")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False  # most names do not open their line: no dateline to read
    found = dateline_at(text, line_start)
    return found is not None and found.place == (start, end)


def names_other_place(text: str, end: int) -> bool:
    """True when a generic place word follows ("Clay County", "Douglas and Clay counties")."""
    return _GENERIC_AFTER.match(text, end) is not None


def is_known_place(name: str, areas_only: bool = False, gaz: Gazetteer | None = None) -> bool:
    """True when the gazetteer holds the name as a country, division or continent, or
    (unless ``areas_only``) as a town of at least ``KNOWN_TOWN_POPULATION`` people."""
    if not name_key(name):
        return False
    gaz = gaz or load_gazetteer()
    if areas_only and (name.endswith(".") or len(name) == 2) and gaz.us_state(name):
        return True
    return bool(gaz.areas_and_towns(name, math.inf if areas_only else KNOWN_TOWN_POPULATION))
