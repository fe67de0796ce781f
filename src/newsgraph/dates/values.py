"""The result of normalising one expression, and the context it is resolved in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Resolved:
    """A TimeML value with its granularity, whether it rests on explicit calendar text, and
    for a set how often it recurs in its period (TimeML ``freq``: "twice a week" is P1W, 2X)."""

    value: str
    granularity: str
    reliable: bool
    freq: str | None = None


@dataclass(frozen=True)
class Context:
    """What an expression is resolved against.

    ``ref`` is the reference date (publication date); ``tense`` ("past",
    "future" or None) is the tense of the clause the expression sits in and
    picks the direction of bare "Friday" or "June"; ``quarterly`` says the
    clause talks about quarters (earnings reports), so "a year earlier" means
    the same quarter a year before; ``anchor`` is the last calendar value the
    text mentioned before the expression ("1995-05-22", "1988", "1989-03"),
    which anaphoric expressions resolve against ("the following year", "that
    quarter", "the previous Friday"), as TimeML does; ``period`` says the expression is followed by "ended"
    or "ending" ("the year ended March 31"): a stretch of time (P1Y), where a
    bare "the year" is the current one; ``verb_tense`` is the tense of the verb
    the expression attaches to in a parse (``dates.verb``), which a bare weekday
    or month trusts over ``tense`` (a guess from nearby words): a month under a
    past-tense verb is never ahead; "present" (a simple present) puts a weekday
    ahead and says nothing of a month.
    """

    ref: date | None = None
    tense: str | None = None
    quarterly: bool = False
    anchor: str | None = None
    period: bool = False
    verb_tense: str | None = None


_ANCHOR = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|W\d\d|SP|SU|FA|WI))?(?=$|T|-WE)")


def anchor_value(value: str | None) -> str | None:
    """The calendar point a value names ("1989-10-27", "1988-Q2", "1995"), None for
    durations, sets, vague references and underspecified values; what later
    anaphoric expressions in the same text are resolved against."""
    m = _ANCHOR.match(value or "")
    return m.group() if m else None
