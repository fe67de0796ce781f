"""Titles of works named in quote marks: the film “Viva Zapata”, “The Collapse” (1964).

The recogniser seldom finds a film's, a book's or a song's title, and often finds a person
or a place inside one ("Zapata", "Schindler"). A quoted phrase in title case is a work
when a word for a work or for making, playing in or watching one comes just before it
("the novel", "best known for", "starred in"), when a year in brackets follows it, or
when it is listed with such a title ("“A”, “B” and “C”"). The mentions inside it go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.entity_names import Mention
from newsgraph.lexicon.works import TITLE_NOUNS, is_title_case

_QUOTED = re.compile(r"[“\"]\s*([^“”\"\n]{1,90}?)\s*[”\"]")
_LONGEST_TITLE = 12
# Words that name anything, a group as well as a work ("a group called “Americans for Prosperity”").
_NAMING = frozenset({"called", "named", "dubbed"})
_LEAD = re.compile(
    r"\b(?:"
    + "|".join(sorted(TITLE_NOUNS - _NAMING, key=len, reverse=True))
    + r"|(?:best\s+)?known\s+for|(?:performances?|roles?|appearances?|starred|starring|"
    r"appeared|appears|cast)\s+in|wrote|written|directed|produced|released|recorded|"
    r"published|watched|watching|read|reading|saw)\s*[,:]?\s*$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"\s*[,.]?\s*\(\s*(?:1[5-9]|20)\d\d\s*\)")
# What stands between two titles of one list: commas, "and", "or", a year in brackets.
_LIST_GAP = re.compile(
    r"(?:\s*[,;]?\s*\(\s*\d{4}\s*\))?\s*[,;]?\s*(?:and|or|followed\s+by)?\s*", re.IGNORECASE
)


@dataclass
class _Quoted:
    start: int  # the title, inside the marks
    end: int
    open: int  # the marks
    close: int
    marked: bool


def quoted_works(mentions: list[Mention], body: str) -> list[Mention]:
    """The mentions with each quoted title of a work added and the ones inside it dropped."""
    found = []
    for q in _QUOTED.finditer(body):
        inner = q.group(1).rstrip(",.")
        words = inner.split()
        if not words or len(words) > _LONGEST_TITLE or not is_title_case(inner):
            continue
        marked = bool(_LEAD.search(body, max(0, q.start() - 40), q.start())) or bool(
            _YEAR_AFTER.match(body, q.end())
        )
        found.append(_Quoted(q.start(1), q.start(1) + len(inner), q.start(), q.end(), marked))
    _spread_along_lists(found, body)
    works = [
        Mention(
            q.start,
            q.end,
            body[q.start : q.end],
            "WORK_OF_ART",
            tokens=tuple(body[q.start : q.end].split()),
        )
        for q in found
        if q.marked
    ]
    if not works:
        return mentions
    kept = [m for m in mentions if not any(w.start < m.end and m.start < w.end for w in works)]
    return sorted(kept + works, key=lambda m: m.start)


def _spread_along_lists(found: list[_Quoted], body: str) -> None:
    """A title listed next to a marked one is marked too, both ways along the list."""
    pairs = list(zip(found, found[1:], strict=False))
    for left, right in pairs:
        right.marked |= left.marked and _listed(left, right, body)
    for left, right in reversed(pairs):
        left.marked |= right.marked and _listed(left, right, body)


def _listed(left: _Quoted, right: _Quoted, body: str) -> bool:
    return _LIST_GAP.fullmatch(body, left.close, right.open) is not None
