"""A wire story's dateline: the place (and day, and agency) it was filed from, opening a line.

"ATHENS, March 12, 2025 — Turkey and ...", "LONDON (Reuters) - Britain's ...", "SAN JUAN,
Puerto Rico (AP) -- The ...", "PLEASANTON, Calif.--(BUSINESS WIRE)--Acme ...", "ATLANTA (AP)
An aide ...", "WASHINGTON, March 12 (Xinhua) --", and the subcontinent's "NEW DELHI: The ...".

One reader for every stage that must see past it: the parser's sentence starts, a quote's
speaker and content, a place's geographic context, the day relative dates count from, a
byline's search. A place and a dash alone are weak evidence ("US - Russia talks", "NATO -
Russia Council"), and a place and a colon are a transcript's turn as often ("CLINTON: We
..."), so those forms need a place the gazetteer knows, and the colon the story's first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.gazetteer.tables import CITY_POPULATION, load_gazetteer

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
    r"(?P<qualifier>(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}){0,2}?)"
    rf"(?P<day>,?\s*(?:{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s*\d{{4}})?))?"
    r"(?P<agency>\s*\([^()\n]{1,40}\))?"
    r"(?P<end>\s*(?:--|[—–-])(?:\s*\([^()\n]{1,40}\)\s*(?:--|[—–-]))?\s*|\s*:\s+|\s+(?=\S))"
)
_SPACES = re.compile(r"\s*")
_LONG_DASHES = ("—", "--")


@dataclass(frozen=True)
class Dateline:
    place: tuple[int, int]
    """The place's characters: "SAN JUAN" (not its state or country)."""
    day: tuple[int, int] | None
    """The day's characters, when the dateline gives one: "March 12, 2025"."""
    end: int
    """Where the story's first words start."""


def dateline_at(text: str, start: int = 0) -> Dateline | None:
    """The dateline opening the line at ``start`` (leading spaces aside), or None."""
    at = start
    while at < len(text) and text[at] in " \t":
        at += 1
    found = _DATELINE.match(text, at)
    if found is None or (start and text[start - 1] != "\n"):
        return None
    place = found.group("place")
    end = found.group("end")
    letters = sum(c.isalpha() for c in place) >= 3  # "US - Russia talks"
    capitals = letters and place.isupper()
    marked = bool(found.group("qualifier") or found.group("day") or found.group("agency"))
    if not end.strip():  # no dash or colon: only "ATLANTA (AP) An aide"
        ok = capitals and bool(found.group("agency"))
    elif ":" in end:
        story_start = _SPACES.match(text).end() == at  # not text[:at].strip(), on each line
        ok = capitals and not marked and story_start and _known(place)
    elif marked:
        ok = capitals or bool(found.group("day") or found.group("agency"))
    elif end.strip() in _LONG_DASHES:
        ok = capitals or _known(place)
    else:  # a place and a short dash alone: "BRUSSELS - European", not "NATO - Russia"
        ok = letters and _known(place)
    if not ok or (found.end() < len(text) and not _opens_story(text[found.end()])):
        return None
    day = found.span("day") if found.group("day") else None
    if day is not None:
        day = (day[0] + len(found.group("day")) - len(found.group("day").lstrip(", ")), day[1])
    return Dateline(place=found.span("place"), day=day, end=found.end())


def _opens_story(char: str) -> bool:
    """A story opens with a capital, a figure or a quote mark (or a mark a bad encoding left),
    never a word in lower case ("Oslo - the capital - is cold")."""
    return not char.islower()


def _known(place: str) -> bool:
    """A country, a division, or a city a desk files from (Nato, a Philippine town of 5,000,
    is none)."""
    return bool(load_gazetteer().areas_and_towns(place, CITY_POPULATION))
