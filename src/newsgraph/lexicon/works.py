"""How news writes the title of a work: in quote marks, in title case, after a word for it.

"the film “Once Upon A Time in Hollywood”", "a novel titled “The Knot”", "watched “The
Crown”". The quotes annotator reads these to tell a title from a quotation, the entities
annotator to name the work.
"""

from __future__ import annotations

import re

# Nouns and naming words that introduce a title in quote marks: "the film “1917”", "titled “Folklore”".
TITLE_NOUNS = frozenset(
    """
    film movie book novel memoir biography show series sitcom drama documentary episode song
    single album record track play musical opera poem podcast programme program column essay
    titled entitled called named dubbed
    """.split()
)

# Verbs whose quoted object in title case is a title: "watched “The Crown”".
TITLE_VERBS = frozenset("watch read see stream binge".split())

_SMALL_WORDS = frozenset("of the a an and in on to for with at by or from".split())
_WORD = re.compile(r"[^\W_][\w'’-]*")


def is_title_case(text: str) -> bool:
    """Title case: every word capitalised (or a number), small words aside; no question."""
    words = _WORD.findall(text)
    return (
        bool(words)
        and not text.endswith(("?", "!"))
        and (words[0][0].isupper() or words[0][0].isdigit())
        and all(w[0].isupper() or w in _SMALL_WORDS or w[0].isdigit() for w in words)
    )
