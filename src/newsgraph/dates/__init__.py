"""Normalise date expressions to TimeML values against a reference date.

``normalize("last June", "2023-10-09") == "2023-06"``. A pure-rule normaliser
(``dates.rules``): no language detection, no parser library, linear in the
length of the expression. Values follow TimeML's TIMEX3 ``value``:

    explicit      "March 2021" -> 2021-03 (never an invented day), "the 1990s" -> 199
    relative      "yesterday", "last week", "two years ago", "next Tuesday"
    durations     "five years" -> P5Y, "three hours" -> PT3H, "years" -> PXY
    sets          "daily" -> P1D, "every Thursday" -> XXXX-WXX-4
    vague         "now" -> PRESENT_REF, "recently" -> PAST_REF, "the future" -> FUTURE_REF

Without a reference, relative expressions keep the underspecified value
TimeML writes for them ("October 7" -> XXXX-10-07, "Friday" -> XXXX-WXX-5)
or, where TimeML has none ("yesterday"'s day), are left unresolved.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from newsgraph.dates.lexicon import lower_ascii
from newsgraph.dates.published import read_day
from newsgraph.dates.rules import RULES
from newsgraph.dates.values import Context, Resolved, anchor_value

__all__ = ["Context", "Resolved", "normalize", "resolve"]

# Modifiers TimeML keeps in the span but not in the value ("at least 20 years", "early December").
_LEAD = re.compile(
    r"^(?:at\s+least|at\s+most|more\s+than|less\s+than|no\s+more\s+than|no\s+less\s+than|fewer\s+than"
    r"|up\s+to|nearly|almost|about|around|approximately|roughly|some|over|under|just|only|barely"
    r"|well\s+over|well|early|late|mid-?|the\s+(?:end|beginning|start|middle|close|turn|rest|remainder"
    r"|first\s+part|latter\s+part|dawn)\s+of|earlier|later|since|until|till|by|in|on|at|during|for"
    r"|from|within|throughout|through|before|after|post|pre|of|the\s+(?:early|late|mid))\b[\s-]*(?=\S)",
    re.I,
)
_SPACES = re.compile(r"\s+")


def _clean(expression: str) -> str:
    """Lower-cased (ASCII only, offsets kept), whitespace-normalised, trailing punctuation dropped."""
    text = _SPACES.sub(
        " ", lower_ascii(expression).replace("\u2019", "'").replace("\u2018", "'")
    ).strip()
    text = re.sub(r"[,;:!?\"()\[\]]+$", "", text).strip()
    if text.endswith(".") and not re.search(r"[ap]\.\s?m\.$", text):
        text = text[:-1]
    return text


def _by_rules(text: str, ctx: Context) -> tuple[bool, Resolved | None]:
    """(whether some rule matched the whole text, the first value a matching rule gives)."""
    matched = False
    for r in RULES:
        m = r.pattern.fullmatch(text)
        if m:
            matched = True
            got = r.handler(m, ctx)
            if got is not None:
                return True, got
    return matched, None


def resolve(
    expression: str,
    reference: str | date | datetime | None = None,
    *,
    tense: str | None = None,
    quarterly: bool = False,
    anchor: str | None = None,
    period: bool = False,
    verb_tense: str | None = None,
) -> Resolved | None:
    """Normalise one date expression, with its granularity and reliability.

    Args:
        expression: the expression as written ("last June", "Oct. 7", "five years").
        reference: the date relative expressions resolve against (usually the
            publication date), as ISO text, date or datetime; None if unknown.
        tense: "past" or "future" if known from the clause; it picks the
            direction of a bare "Friday" or "June".
        quarterly: the clause is about quarters, so "a year earlier" is a quarter.
        anchor: the last calendar value the text mentioned before the expression
            (``dates.values.anchor_value`` of it), for "that year", "the following
            month", "the previous Friday"; None resolves those against the reference.
        period: "ended ..." or "ending ..." follows the expression, so "the year" is a
            stretch of a year (P1Y), not the current year.
        verb_tense: the tense of the verb the expression attaches to in a parse
            (``dates.verb.verb_tense``); a bare weekday or month trusts it over ``tense``.

    Returns:
        A ``Resolved(value, granularity, reliable)``, or None when the
        expression is not a date or cannot be resolved.

    Example:
        >>> resolve("last June", "2023-10-09")
        Resolved(value='2023-06', granularity='month', reliable=False)
    """
    text = _clean(expression)
    if not text or len(text) > 200:
        return None
    ctx = Context(read_day(reference), tense, quarterly, anchor_value(anchor), period, verb_tense)
    matched, got = _by_rules(text, ctx)
    while not matched:
        stripped = _LEAD.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
        matched, got = _by_rules(text, ctx)
    if matched:
        return got  # None for a date that cannot be ("February 30")
    return _resolve_part(text, ctx)


_WORD_EDGE = re.compile(r"\w")


def _resolve_part(text: str, ctx: Context) -> Resolved | None:
    """The value of the longest date expression inside a longer phrase ("a good part of 1990")."""
    best: tuple[int, int, Resolved] | None = None
    for r in RULES:
        for m in r.pattern.finditer(text):
            a, b = m.span()
            if b - a < 2 or (best and b - a <= best[1] - best[0]):
                continue
            if (a > 0 and _WORD_EDGE.match(text[a - 1])) or (
                b < len(text) and _WORD_EDGE.match(text[b])
            ):
                continue
            got = r.handler(m, ctx)
            if got is not None:
                best = (a, b, got)
    return best[2] if best else None


def normalize(expression: str, reference: str | date | datetime | None = None) -> str | None:
    """The TimeML value of a date expression against a reference date, or None.

    Example:
        >>> normalize("last June", "2023-10-09")
        '2023-06'
        >>> normalize("five years", "2023-10-09")
        'P5Y'
    """
    got = resolve(expression, reference)
    return got.value if got else None
