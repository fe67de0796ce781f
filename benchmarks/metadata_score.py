"""Scoring titles, authors and publication dates against the hand-checked gold set.

One scorer for every system, so that their figures compare:

- title: exact match once both are normalised (Unicode NFKC, case, whitespace,
  every quote mark as one, every dash as "-");
- authors: the same set of names once normalised (also without full stops
  and commas); no author in the gold and none found counts as right;
- date: the same calendar day as written (the first ten characters of an
  ISO 8601 value), without converting between zones: a page's own day is the
  day to find.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

_QUOTES = str.maketrans({c: "'" for c in '‘’‚‛′`´“”„‟″«»"‹›'})
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_NAME_PUNCT = re.compile(r"[.,]")


@dataclass
class Found:
    """What one system read from one page."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None


def norm_title(text: str | None) -> str:
    """A title as compared: NFKC, quotes and dashes unified, case folded, one space."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return " ".join(_DASHES.sub("-", text).casefold().split())


def norm_name(name: str) -> str:
    """A person's name as compared: the title rules, without full stops and commas."""
    return " ".join(_NAME_PUNCT.sub(" ", norm_title(name)).split())


def title_right(found: str | None, gold: str) -> bool:
    return norm_title(found) == norm_title(gold)


def authors_right(found: Iterable[str], gold: Iterable[str]) -> bool:
    return {norm_name(n) for n in found if n.strip()} == {norm_name(n) for n in gold}


def date_right(found: str | None, gold: str) -> bool:
    return bool(found) and found.strip()[:10] == gold[:10]


def page_scores(found: Found, gold: dict) -> dict[str, bool]:
    """Right or wrong per field for one page and its gold line."""
    return {
        "title": title_right(found.title, gold["title"]),
        "authors": authors_right(found.authors, gold["authors"]),
        "date": date_right(found.published, gold["published"]),
    }
