"""Given names: evidence that a name is a person's ("Clayton Aldern", not an organisation).

The list (``data/ner/given_names.txt``) is learned from CoNLL-2003 train by
``training/build_given_names.py``: first words of person names that never
open the name of anything else.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The shipped given names, as written ("George")."""
    text = (files("newsgraph") / "data" / "ner" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def is_given_name(word: str) -> bool:
    """True for a word that opens persons' names and nothing else's."""
    return word in given_names()
