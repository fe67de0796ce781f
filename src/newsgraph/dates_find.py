"""Find date expressions in running text with the normaliser's own rules.

Every rule's pattern is run over the text (each a linear scan), matches are
filtered against the usual false friends (the month "May" as a name,
"March" the verb, "2000 troops", "a second term", version numbers), and the
longest non-overlapping ones that normalise are kept. Text only: the
annotator adds what spaCy knows (a number that is a cardinal, not a year).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from newsgraph.dates_lexicon import MONTHS, WEEKDAYS
from newsgraph.dates_rules import RULES, Rule
from newsgraph.dates_values import Context, Resolved

# Rules too generic to find on their own ("the year", "the day"): normalised when given, never searched.
_NOT_SEARCHED = {"the-unit"}
# Matches are checked against this date when no reference is known, so relative ones are kept.
_PLACEHOLDER_REF = date(2000, 6, 15)
# Vague words TimeML rarely tags in news ("once again", "earlier", "the current account").
_VAGUE_SKIPPED = {
    "once", "earlier", "current", "today's", "the moment", "this time", "one day", "some day", "someday",
    "previously", "soon", "future", "recent", "eventually",
}  # fmt: skip
_SET_SKIPPED = {"quarterly", "annually", "yearly", "monthly"}
_MONTH_WORDS = {w for w in MONTHS if len(w) > 3 or w == "may"}
_MONTH_OR_DAY = re.compile(r"[A-Za-z]+")
_BARE_CUE = re.compile(
    r"(?:\b(?:in|since|by|until|till|last|next|this|early|late|mid|of|during|through|before|after|from|to|"
    r"and|or|between|on|each|every|that|past|coming|the|around|throughout|for|starting|ending|effective)"
    r"|[(,;:-])\s*$",
    re.I,
)
_EDGE = re.compile(r"[\w$\u20ac\u00a3]")
_NUMERIC_NEIGHBOUR = re.compile(r"^[.,]\d|^\s*(?:%|percent|per\s+cent)", re.I)
_LEAD_MOD = re.compile(
    r"(?:\b(?:at\s+least|more\s+than|less\s+than|no\s+more\s+than|fewer\s+than|up\s+to|nearly|almost|about"
    r"|approximately|roughly|over|early|late|the\s+(?:end|beginning|middle|start)\s+of|the\s+(?:early|late|mid))"
    r"\s+|\bmid-)$",
    re.I,
)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    rule: str
    match: re.Match


def _boundary_ok(text: str, a: int, b: int) -> bool:
    if a > 0 and _EDGE.match(text[a - 1]):
        return False
    if b < len(text) and _EDGE.match(text[b]):
        return False
    if a > 0 and text[a - 1] in ".,/-" and a > 1 and text[a - 2].isdigit():
        return False
    return not _NUMERIC_NEIGHBOUR.match(text[b : b + 12])


def _plausible(text: str, found: Found) -> bool:
    """False for matches that are ordinary words, names or numbers rather than dates."""
    span = text[found.start : found.end]
    lower = span.lower()
    words = _MONTH_OR_DAY.findall(span)
    for w in words:
        lw = w.lower().rstrip("s")
        if (lw in _MONTH_WORDS or lw in WEEKDAYS) and not w[0].isupper():
            return False  # "march", "may", "sun" in lower case are other words
    rule = found.rule
    before = text[max(0, found.start - 24) : found.start]
    if rule == "month":
        if lower.rstrip(".") not in _MONTH_WORDS:
            return False
        if lower in ("may", "march"):
            # bare "May"/"March" only after a cue ("in May"), never after a capitalised name
            if not _BARE_CUE.search(before):
                return False
        if re.search(r"[A-Z][a-z]+\s+$", before) and not _BARE_CUE.search(before):
            return False
    if (
        rule == "season"
        and not found.match["rel"]
        and not found.match["y"]
        and not found.match["sy"]
    ):
        if not _BARE_CUE.search(before) or re.match(
            r"\s+of\s+(?!\d)", text[found.end : found.end + 8]
        ):
            return False
    if rule == "year":
        if not (
            found.match.group().lower() != found.match["y"]
            or _BARE_CUE.search(before)
            or _year_context(text, found)
        ):
            return False
    if rule == "decade" and found.match["w"] and not lower.startswith("the"):
        return False
    if rule == "ref" and re.sub(r"\s+", " ", lower) in _VAGUE_SKIPPED:
        return False
    if rule in ("duration", "ago") and re.match(r"(?:a|an|one|the)\s+second\b", lower):
        return False
    if rule == "duration" and (
        re.search(r"old$", lower) or re.match(r"\s+old\b", text[found.end : found.end + 5])
    ):
        return False  # ages ("a 6-year-old", "52 years old") are not tagged as times
    if rule == "set-adverb" and lower in _SET_SKIPPED:
        return False
    if rule == "q-quarter" and not span.startswith("Q"):
        return False
    if rule == "day-word" and not re.match(
        r"(?:today|tonight|yesterday|tomorrow|overnight|last|this|the)\b", lower
    ):
        return False
    return True


def _year_context(text: str, found: Found) -> bool:
    """A bare four-digit number reads as a year when no counted noun follows it."""
    after = text[found.end : found.end + 20]
    m = re.match(r"\s+([a-z]+)", after)
    return not m or m.group(1) in _YEAR_FOLLOWERS


_YEAR_FOLLOWERS = {
    "and", "or", "to", "through", "when", "as", "after", "before", "with", "was", "were", "is", "the",
    "that", "because", "but", "by", "in", "on", "at", "for", "from", "until", "levels", "level", "figures",
    "results", "election", "elections", "budget", "season", "model", "census", "law", "act", "agreement",
}  # fmt: skip


def candidates(text: str) -> Iterator[Found]:
    """Every plausible match of every searched rule, unordered."""
    for r in RULES:
        if r.name in _NOT_SEARCHED:
            continue
        yield from _rule_matches(text, r)


def _rule_matches(text: str, r: Rule) -> Iterator[Found]:
    for m in r.pattern.finditer(text):
        a, b = m.span()
        if b - a < 2 or not _boundary_ok(text, a, b):
            continue
        found = Found(a, b, r.name, m)
        if _plausible(text, found):
            yield found


def find(text: str, ctx: Context | None = None) -> list[tuple[Found, Resolved | None]]:
    """The longest non-overlapping expressions that normalise, in text order, with a first value.

    The value is computed against ``ctx`` (without clause hints; None for a
    relative expression when ``ctx`` has no reference); callers that know the
    clause or the reference resolve the match again.
    """
    ctx = ctx or Context()
    check = ctx if ctx.ref else Context(_PLACEHOLDER_REF)
    found = sorted(candidates(text), key=lambda f: (f.start - f.end, f.start))
    taken: list[tuple[Found, Resolved | None]] = []
    used = bytearray(len(text) + 1)
    for f in found:
        if any(used[f.start : f.end]):
            continue
        handler = rule_by_name(f.rule).handler
        checked = handler(f.match, check)
        if checked is None:
            continue
        value = checked if check is ctx else handler(f.match, ctx)
        used[f.start : f.end] = b"\x01" * (f.end - f.start)
        taken.append((f, value))
    taken.sort(key=lambda item: item[0].start)
    return taken


def extend_left(text: str, start: int) -> int:
    """Start of the span with a leading modifier TimeML keeps ("early", "at least", "mid-")."""
    m = _LEAD_MOD.search(text[max(0, start - 30) : start])
    return start - len(m.group()) if m else start


_BY_NAME = {r.name: r for r in RULES}


def rule_by_name(name: str) -> Rule:
    return _BY_NAME[name]
