"""What the words around a date expression say about it: the clause's tense, and quarterly talk.

Text-only (no parser), so the annotator and the gold-span benchmark read the
same hints. Looks at the sentence holding the expression, at most a few
hundred characters either side, so the cost per expression is bounded.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Characters either side of an expression searched for its sentence's ends.
SENTENCE_WINDOW = 300
# A text reports by quarters when its first QUARTERLY_SCAN characters say "quarter"
# at least QUARTERLY_MIN_MENTIONS times.
QUARTERLY_SCAN = 20_000
QUARTERLY_MIN_MENTIONS = 2
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d]?\s+(?=[A-Z\"\u201c])|\n\s*\n")
# Both marker patterns start by looking at one character: a marker begins with a letter (or the
# apostrophe of "'ll"), so the many alternatives are not tried at every word's end (twice as fast).
_FUTURE = re.compile(
    r"\b(?=[a-z'])(?<!been )(?<!had )(?:will|won't|wo|'ll|shall|going\s+to|(?:is|are|am)\s+(?:to|scheduled|expected|due|set|likely|planning)"
    r"|plans?\s+to|expects?\s+to|intends?\s+to|upcoming|as\s+soon\s+as"
    r"|set\s+to|scheduled|due\s+to|plann(?:ed|ing)\s+(?:to|for)|until)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?=\w)(?:said|was|were|had|did|told|came|went|took|made|rose|fell|began|became|gave|left|met|"
    r"got|saw|found|won|lost|held|led|paid|sold|bought|brought|thought|sought|spent|sent|built|kept|"
    r"felt|meant|struck|wrote|spoke|chose|fought|ran|grew|knew|threw|flew|drew|shot|stood|fled|broke|"
    r"stole|ate|sat|heard|withdrew|took|overtook|upheld|withheld|ago|last|yesterday|\w{3,}ed)\b",
    re.I,
)
# An "-ed" word after a form of "be" or "have" is a participle ("will be named in December"),
# which says nothing of the tense by itself.
_PARTICIPLE = re.compile(r"\w{3,}ed$", re.I)
_AUXILIARY = re.compile(r"\b(?:be|been|being|have|has)\s+(?:\w+ly\s+)?$", re.I)
# A word right before the expression that points ahead ("effective June 1", "starting Monday"); "by"
# names a deadline ("to be completed by Dec. 15", "pay down the loan by February": TimeBank 7 of 7
# ahead of the reference or later in its month; not "by the", an agent: "laid down by the Feb. 23 accord").
_FUTURE_LEAD = re.compile(r"\b(?:(?:effective|starting|beginning)\s+(?:the\s+)?|by\s+)$", re.I)
_ENDED = re.compile(r"\s+(?:ended|ending)\b", re.I)
_QUARTERLY = re.compile(r"\bquarter|\bquarterly\b|\bperiod\b", re.I)
_QUARTER_WORD = re.compile(r"\bquarter", re.I)
# A sentence about another stretch than a quarter ("for the nine months ... a year earlier").
_ANNUAL = re.compile(
    r"\b(?:nine|six|twelve|9|6|12)[\s-]+months?\b|\b(?:fiscal|full|calendar)[\s-]+year\b|\bannual\b",
    re.I,
)


def sentence_bounds(
    text: str, start: int, end: int, window: int = SENTENCE_WINDOW
) -> tuple[int, int]:
    """Start and end of the sentence around text[start:end], at most ``window`` characters
    either side."""
    lo = max(0, start - window)
    hi = min(len(text), end + window)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end, hi)
    right = m.start() + 1 if m else hi
    return left, right


def is_quarterly(
    text: str, scan: int = QUARTERLY_SCAN, min_mentions: int = QUARTERLY_MIN_MENTIONS
) -> bool:
    """True for a text that reports by quarters (an earnings story): "a year ago" is then a
    quarter. Reads "quarter" at least ``min_mentions`` times in the first ``scan`` characters."""
    return len(_QUARTER_WORD.findall(text, 0, scan)) >= min_mentions


class Hints(NamedTuple):
    """What the clause says about one expression (see ``dates.resolve`` for their use)."""

    tense: str | None
    quarterly: bool
    period: bool


def clause_hints(
    text: str,
    start: int,
    end: int,
    quarterly_text: bool = False,
    window: int = SENTENCE_WINDOW,
) -> Hints:
    """(tense, quarterly, period) for the expression at text[start:end].

    tense is "future" or "past" from the marker nearest the expression in its
    sentence (None when there is none); quarterly is True when the sentence
    talks about quarters or periods (and not about nine months or a fiscal
    year), or ``quarterly_text`` says the whole text does; period is True
    when "ended" or "ending" follows ("the year ended March 31"). The sentence
    is looked for at most ``window`` characters either side.
    """
    left, right = sentence_bounds(text, start, end, window)
    before = text[left:start] + " " + text[end:right]
    quarterly = bool(_QUARTERLY.search(before)) or (quarterly_text and not _ANNUAL.search(before))
    period = _ENDED.match(text, end) is not None
    if _FUTURE_LEAD.search(text, max(left, start - 30), start):
        return Hints("future", quarterly, period)
    best: tuple[int, str] | None = None
    for kind, pattern in (("future", _FUTURE), ("past", _PAST)):
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end:
                continue
            if (
                kind == "past"
                and _PARTICIPLE.match(m.group())
                and _AUXILIARY.search(text, max(left, m.start() - 20), m.start())
            ):
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, kind)
    return Hints(best[1] if best else None, quarterly, period)
