"""Given names: evidence that a name is a person's ("Clayton Aldern", not an organisation).

The list (``data/ner/given_names.txt``) is learned from CoNLL-2003 train by
``training/build_given_names.py``: first words of person names that never
open the name of anything else, with the 1990 US census's first names that
nothing there calls other (marked "census"). ``data/ner/given_name_genders.txt``
(``training/build_name_genders.py``, CoNLL-2003 train too) gives the gender the
text gives some of them ("Sarah" f, "John" m).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib.resources import files

# Lowercase particles of surnames: "Erik ten Hag", "Bill de Blasio", "Ursula von der Leyen".
SURNAME_PARTICLES = frozenset(
    "van von de der den ten ter da di del della du le la dos das bin ibn".split()
)


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, bool], ...]:
    text = (files("newsgraph") / "data" / "ner" / "given_names.txt").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.split("\n") if line and not line.startswith("#"))
    return tuple((row[0], len(row) == 1) for row in rows)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The shipped given names, as written ("George")."""
    return frozenset(name for name, _ in _rows())


@lru_cache(maxsize=1)
def _news_given_names() -> frozenset[str]:
    return frozenset(name for name, news in _rows() if news)


def is_given_name(word: str, news_only: bool = False) -> bool:
    """True for a word that opens persons' names and nothing else's. With ``news_only``,
    only names news text itself uses so (CoNLL-2003 train), not the census's: a small
    town named "Buford" or "Ellsworth" is the town unless a person of that name is common
    in the news. A name written with accents is looked up without them too ("José")."""
    names = _news_given_names() if news_only else given_names()
    return word in names or (not word.isascii() and _unaccented(word) in names)


def _unaccented(word: str) -> str:
    """'José' -> 'Jose', 'Zoë' -> 'Zoe': the lists are written without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _name_genders() -> dict[str, str]:
    text = (files("newsgraph") / "data" / "ner" / "given_name_genders.txt").read_text(
        encoding="utf-8"
    )
    rows = (line.split("\t") for line in text.split("\n") if line and not line.startswith("#"))
    return {name: gender for name, gender in rows}


def name_gender(word: str) -> str | None:
    """'m' or 'f' for a given name that news text treats as one gender, else None."""
    return _name_genders().get(word)
