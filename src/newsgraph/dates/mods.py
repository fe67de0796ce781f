"""The TimeML ``mod`` of a date expression: the part of a stretch it names, or how its amount
is bounded.

``mod_of("early next year") == "START"``: the value (``2024``) says which year, the mod
says which part of it. TimeML's mods: START, MID, END ("early", "mid-", "late", "the end
of"), APPROX ("about", "or so"), LESS_THAN ("less than", "nearly", "almost"), MORE_THAN
("more than", "over"), EQUAL_OR_LESS ("no more than", "up to", "within"), EQUAL_OR_MORE
("at least"), ON_OR_AFTER ("1994 or later"), ON_OR_BEFORE ("or earlier"), BEFORE ("pre-"),
AFTER ("post-"). TempEval's gold writes "nearly" three ways (APPROX, EQUAL_OR_LESS,
LESS_THAN); it is LESS_THAN here, what the word means. Read from the words of the expression only.
"""

from __future__ import annotations

import re

# "some" is an approximation before an amount only ("some 20 years", not "some time")
_AMOUNT = r"(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)"
_MODS = (
    ("EQUAL_OR_MORE", r"^(?:at\s+least|no\s+(?:less|fewer)\s+than)\b"),
    ("EQUAL_OR_LESS", r"^(?:at\s+most|no\s+more\s+than|up\s+to|within)\b"),
    ("ON_OR_AFTER", r"\b(?:or|and)\s+(?:later|after|beyond)$"),
    ("ON_OR_BEFORE", r"\b(?:or|and)\s+(?:earlier|before)$"),
    ("MORE_THAN", r"^(?:more\s+than|upwards\s+of|(?:well\s+)?over\s+(?!the\b))"),
    ("LESS_THAN", r"^(?:less\s+than|fewer\s+than|nearly|almost|(?:just\s+)?under\s+(?!the\b))"),
    (
        "APPROX",
        rf"^(?:about|around|approximately|roughly)\b|^some\s+(?={_AMOUNT})|\bor\s+so\b|\bcouple\s+of\b",
    ),
    (
        "START",
        r"^(?:the\s+)?(?:early|(?:beginning|start|dawn|first\s+part)\s+of)\b"
        r"|^earlier\s+\w",
    ),
    ("MID", r"^(?:the\s+)?(?:mid\b|mid-|middle\s+of\b)"),
    (
        "END",
        r"^(?:the\s+)?(?:late|(?:end|close|latter\s+part|last\s+half)\s+of)\b|^later\s+\w"
        r"|^year(?:'s)?[\s-]end$",
    ),
    ("AFTER", r"^post-"),
    ("BEFORE", r"^pre-"),
)
_PATTERNS = tuple((mod, re.compile(p, re.I)) for mod, p in _MODS)


def mod_of(expression: str) -> str | None:
    """The TimeML mod the words of ``expression`` give, or None.

    Example:
        >>> mod_of("early next year"), mod_of("at least 20 years"), mod_of("May 2023")
        ('START', 'EQUAL_OR_MORE', None)
    """
    text = expression.strip()
    for mod, pattern in _PATTERNS:
        if pattern.search(text):
            return mod
    return None
