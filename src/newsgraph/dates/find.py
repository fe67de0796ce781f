"""Find date expressions in running text with the normaliser's own rules.

The text is lowered (offsets kept), cut to windows around trigger words (a
digit, a month, "week", "now"...), and every rule's pattern is run over the
windows that hold a word or digit every match of that rule holds
(``dates.prefilter``): a linear scan per rule. Matches are filtered against
the usual false friends (the month "May" as a name, "march" the verb, "2000
troops", "a second term", "a quarter of", ages, version numbers, rates such
as "$2 million a year", "day-to-day"), and the longest non-overlapping ones
that normalise are kept. Text only: the annotator adds
what spaCy knows (a number that is a cardinal, not a year).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from newsgraph.dates.lexicon import MONTHS, PART_OF_DAY, WEEKDAY_FULL, WEEKDAYS, lower_ascii
from newsgraph.dates.prefilter import screens
from newsgraph.dates.rules import RULES, Rule
from newsgraph.dates.values import Context, Resolved

# Rules too generic to find on their own ("the time"): normalised when given, never searched.
_NOT_SEARCHED = {"day-before", "the-time"}
# Of "the-unit", only these are searched: "the year", "the week" (TimeBank tags them 33 times in
# 37); "the day" is searched by "day-word" only, a bare "year" or "week" never.
_THE_UNIT_SEARCHED = re.compile(r"the\s+(?:(?:full|fiscal)\s+)?(?:year|week|month)$")
# An award's title names no time: "player of the year", "Swiss sportsman of the year", "best film
# of the year accolade", "word of the year" (the rest, the end, the first launch of the year do).
_AWARD = re.compile(
    r"\b(?:player|sportsman|sportswoman|sportsperson|athlete|footballer|cricketer|coach|manager"
    r"|director|actor|actress|artist|singer|album|song|single|record|film|movie|book|novel|car|word"
    r"|blog|gig|person|man|woman|personality|newcomer|team|employee|teacher|businessman"
    r"|businesswoman|entrepreneur)s?\s+of\s+$",
    re.I,
)
# Matches are checked against this date (as reference and anchor) when no reference is known,
# so relative and anaphoric ones are kept.
_PLACEHOLDER_REF = date(2000, 6, 15)
# Vague words TimeML rarely tags in news ("once again", "earlier", "the current account").
_VAGUE_SKIPPED = {
    "once", "earlier", "current", "today's", "the moment", "this time", "one day", "some day", "someday",
    "previously", "soon", "future", "recent", "eventually", "already", "the long term",
}  # fmt: skip
# "a year", "per second" after an amount of something is a rate ("$2 million a year", "four
# flights a week", "15 million instructions per second"); TimeBank leaves 8 of 10 untagged.
_RATE_UNIT = re.compile(r"(?:a|an|per)\s+(?:second|minute|hour|day|night|week|month|quarter|year)")
_AMOUNT = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen))"
    r"(?:\s+(?:million|billion|thousand|hundred))?(?:\s+(?!(?:hours?|days?|minutes?|weeks?|months?"
    r"|years?|times?)\b)[a-z]+){0,2}\s+$",
    re.I,
)
# "to fall" is the verb ("expected to fall further"), unless a season runs to it ("summer to fall").
_TO_VERB = re.compile(r"(?<!spring)(?<!summer)(?<!winter)\s+to\s+$", re.I)
_SOMEDAY_CUE = re.compile(
    r"\b(?:will|would|could|might|may|can|shall|must|should|he|she|they|we|i|you)\s+$", re.I
)
# "the future" is a time when it is where something happens: "in the near future", "into the future";
# so is "the near term".
_FUTURE_CUE = re.compile(r"\b(?:in|into|for|until|till|near|about)\s+$", re.I)
# After "a quarter", a noun or "of" makes it a fraction; a stretch of time ends its phrase or is
# followed by a word like these ("for a quarter or two", "a quarter in which", "a quarter ago").
_FRACTION_NEXT = re.compile(
    r"\s+(?:of\b|(?!(?:ago|earlier|later|before|after|and|or|but|in|on|at|to|for|from|with|by|when"
    r"|while|that|than|as|is|was|were|are|will|would|has|had|have|since|until|so|more|less|longer"
    r"|each|every|this|the|a|an|its|their|his|her|which|where|now|then)\b)[a-z])"
)
_UNIT_COMPOUND = re.compile(r"-(?:to|on|over|by)-", re.I)
_UNIT_COMPOUND_END = re.compile(r"-(?:to|on|over|by)-$", re.I)
_OF_TOMORROW = re.compile(r"(?<!\bas)\s+of\s+$", re.I)
_COORDINATED_SET = re.compile(rf"\s+(?:and|or)\s+{WEEKDAY_FULL}\s+{PART_OF_DAY}s\b", re.I)
_FOR = re.compile(r"\bfor\s+$", re.I)
_WEEKENDS_CUE = re.compile(r"\b(?:on|at|over|during|most|many)\s+$", re.I)
_SET_SKIPPED = {"quarterly", "annually", "yearly", "monthly"}
_MONTH_WORDS = {w for w in MONTHS if len(w) > 3 or w == "may"}
_MONTH_OR_DAY = re.compile(r"[A-Za-z]+")
_HAS_DIGIT = re.compile(r"\d")
_OF_DAY = re.compile(
    r"\s+of\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec)[a-z]*\.?\s+\d)"
)
_BARE_CUE = re.compile(
    r"(?:\b(?:in|since|by|until|till|last|next|this|early|late|mid|of|during|through|before|after|from|to|"
    r"and|or|between|on|each|every|that|past|coming|the|around|throughout|for|starting|ending|effective)"
    r"|[(,;:-])\s*$",
    re.I,
)
_YEAR_CUE = re.compile(
    r"\b(?:in|since|by|until|till|of|during|before|after|from|through|early|late|mid)\s+$", re.I
)
# "follows months of twists and turns", "ended years of war": a bare plural measuring what follows
# (not "the days of price guarantees", an era, nor "hours of all persons", a quantity).
_OF_STRETCH = re.compile(
    r"\s+of\s+(?!(?:the|a|an|all|this|that|these|those|its|their|his|her|our)\b)[a-z]"
)
# "last" as the verb before a count ("is expected to last six weeks", "could last years"): the
# stretch is the count (its value is the same); not "back to last year's levels", where none follows.
_LAST_AS_VERB = re.compile(
    r"last\s+((?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|several"
    r"|many|few|years|months|weeks|days|hours|decades))",
    re.I,
)
_TO_LAST = re.compile(r"\b(?:to|will|would|could|may|might|should|can|must|'ll)\s+$", re.I)
_TIME_ZONE = re.compile(r"\s*(?:[ECMP][SD]T|GMT|UTC|BST|CES?T)\b", re.I)
_PLURAL_CUE = re.compile(
    r"\b(?:for|within|in|over|after|before|took|take|takes|lasted|spent)\s+$", re.I
)
_EDGE = re.compile(r"[\w$\u20ac\u00a3]")
_NUMERIC_NEIGHBOUR = re.compile(r"^[.,]\d|^\s*(?:%|percent|per\s+cent)", re.I)
_LEAD_MOD = re.compile(
    r"(?:\b(?:early|late|earlier|later|the\s+(?:end|beginning|middle|start)\s+of|the\s+(?:early|late|mid))\s+"
    r"|\bmid-)$",
    re.I,
)
# Quantity modifiers TimeML keeps before a number ("about two years ago", "at least 30 days").
_COUNT_MOD = re.compile(
    r"\b(?:at\s+least|more\s+than|less\s+than|no\s+more\s+than|fewer\s+than|up\s+to|nearly|almost|about"
    r"|approximately|roughly)\s+$",
    re.I,
)
_COUNT_START = re.compile(
    r"(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|several|a\s+few)",
    re.I,
)


@dataclass(frozen=True)
class Found:
    """One match of one rule in the text; ``match`` runs on the lowered text."""

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
    if _UNIT_COMPOUND.match(text, found.end) or _UNIT_COMPOUND_END.search(before):
        return False  # "the day-to-day operations", "a year-on-year rise": a manner, not a time
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
    if rule == "year" and _TIME_ZONE.match(text, found.end):
        return False  # "released at 1630 EST (2130 GMT)": a 24-hour clock, not a year
    if rule == "year" and found.match.group() == found.match["y"]:
        # a bare number is a year unless a counted noun follows ("2000 troops"), or a cue precedes it
        if not (
            _year_context(text, found)
            or _YEAR_CUE.search(before)
            or _modifier_year(text, found, before)
        ):
            return False
    if rule == "anchor-part-of-day" and _OF_DAY.match(text, found.end):
        return False  # "the night of Friday, Oct. 23": the day it belongs to is named next
    if rule == "decade" and found.match["w"] and not lower.startswith("the"):
        return False
    if re.fullmatch(r"one\s+day", lower) and rule in ("ref", "duration"):
        # "will one day be", "hopes he one day follows": some day ahead (FUTURE_REF), not P1D
        return (rule == "ref") == bool(_SOMEDAY_CUE.search(before))
    if rule == "ref" and re.sub(r"\s+", " ", lower) in _VAGUE_SKIPPED:
        return False
    if rule == "ref" and lower.endswith(("future", "term")) and not _FUTURE_CUE.search(before):
        # "in the future", "in the near term": not the future as a thing ("important to the future
        # of"), nor a compound ("on the short term money market")
        return False
    if rule == "ref" and lower.endswith("past") and _COUNT_START.match(text[found.end :].lstrip()):
        return False  # "the past three summers": "past" qualifies a count, it is no time itself
    if rule in ("duration", "ago") and re.match(r"(?:a|an|one|the)\s+second\b", lower):
        return False
    if rule == "duration" and (
        re.search(r"old$", lower) or re.match(r"\s+old\b", text[found.end : found.end + 5])
    ):
        return False  # ages ("a 6-year-old", "52 years old") are not tagged as times
    if rule in ("duration", "set-every") and _RATE_UNIT.fullmatch(lower) and _AMOUNT.search(before):
        return False  # a rate, not a stretch of time: "$2 million a year", "four flights a week"
    if rule == "season" and lower == "fall" and _TO_VERB.search(before):
        return False  # "expected to fall further": the verb
    if rule == "day-word" and lower == "tomorrow" and _OF_TOMORROW.search(before):
        return False  # "the people of tomorrow": the times ahead, not the next day
    if rule == "weekday" and _COORDINATED_SET.match(text, found.end):
        return False  # "Monday" of "Monday and Tuesday nights" is a set (rule "set-weekdays")
    if rule == "vague-period" and not (
        _FOR.search(before) and not re.match(r"\s+of\b", text[found.end : found.end + 4])
    ):
        return False  # "for a while", "for a fairly lengthy period"; not "a period of two years"
    if rule == "set-weekdays" and found.match["we"] and not _WEEKENDS_CUE.search(before):
        return False  # "on weekends", not "three weekends"
    if rule == "set-adverb" and lower in _SET_SKIPPED:
        return False
    if (
        rule in ("duration", "vague-duration")
        and lower.endswith(("quarter", "quarters"))
        and _FRACTION_NEXT.match(text, found.end)
    ):
        # fractions: "a quarter of the shares", "three quarters of voters", "cut rates by a
        # quarter point", "has a quarter stake"; a stretch of time is followed by no noun
        return False
    if rule == "vague-duration" and not found.match["v"] and not found.match["rel"]:
        # bare "years", "weeks": only as a stretch of time ("for years", "within weeks"), never "the minutes"
        if found.match["u"] in ("minute", "second") or not (
            _PLURAL_CUE.search(before)
            or (not lower.startswith("the") and _OF_STRETCH.match(text, found.end))
        ):
            return False
    if rule == "the-unit" and (
        not _THE_UNIT_SEARCHED.match(lower)
        or text[found.end : found.end + 1] == "-"
        or _AWARD.search(before)
    ):
        # not the start of a compound ("the year-ago quarter"), nor an award ("player of the year")
        return False
    if rule == "q-quarter" and not span.startswith("Q"):
        return False
    if rule == "day-word" and not re.match(
        r"(?:today|tonight|yesterday|tomorrow|overnight|last|this|the)\b|mid-?\s*[aem]", lower
    ):
        return False
    return True


def _year_context(text: str, found: Found) -> bool:
    """A bare four-digit number reads as a year when no counted noun follows it."""
    after = text[found.end : found.end + 20]
    m = re.match(r"\s+([a-z]+)", after)
    return not m or m.group(1) in _YEAR_FOLLOWERS


# A determiner or possessive before a number that names a year, a singular noun after it: the year
# modifies the noun ("the 1995 shooting", "its 1988 recapitalization", "the company's 1989
# results", "his unsuccessful 1996 campaign"); "the 1500 employees" counts (TimeBank and AQUAINT
# tag the first kind 16 times in 16).
_DETERMINER = re.compile(
    r"(?:\b(?i:the|its|his|her|their|our|that|this|whose|a|an)|['\u2019]s)\s+(?:[a-z]+\s+)?$"
)
_SINGULAR_AFTER = re.compile(r"\s+[a-z]+(?<!s)\b")


def _modifier_year(text: str, found: Found, before: str) -> bool:
    year = int(found.match["y"])
    return (
        1800 <= year <= 2099
        and _DETERMINER.search(before) is not None
        and _SINGULAR_AFTER.match(text, found.end) is not None
    )


_YEAR_FOLLOWERS = {
    "and", "or", "to", "through", "when", "as", "after", "before", "with", "was", "were", "is", "the",
    "that", "because", "but", "by", "in", "on", "at", "for", "from", "until", "levels", "level", "figures",
    "results", "election", "elections", "budget", "season", "model", "census", "law", "act", "agreement",
}  # fmt: skip


# Every expression any rule matches holds one of these (a digit or a word stem); the
# rules run only in windows around them, which keeps long plain stretches cheap.
_TRIGGER = re.compile(
    r"\d+|\b(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri"
    r"|satur|sun)(?:day)?s?|spring|summer|fall|autumn|winter|(?:second|minute|hour|day|night|week|fortnight"
    r"|month|quarter|year|decade|weekend)s?|centur(?:y|ies)|millenni(?:um|a)|now|current(?:ly)?"
    r"|recent(?:ly)?|lately|previously|formerly|past|future|soon|eventually|someday|present(?:ly)?"
    r"|nowadays|moment|today|tonight|yesterday|tomorrow|overnight|morning|afternoon|evening|christmas"
    r"|easter|thanksgiving|halloween|valentine's|independence|memorial|labor|election|veterans|bastille"
    r"|new\s+year's|boxing|daily|nightly|weekly|monthly|hourly|quarterly|annually|yearly|nineteen"
    r"|eighteen|twenty|thousand|(?:twen|thir|for|fif|six|seven|eigh|nine)ties|noon|midday|midnight|half"
    r"|period|while|fiscal|fy|once|earlier|ago|date|term|road)\b)"
)
_WINDOW_BEFORE, _WINDOW_AFTER = 40, 40


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger words, where a date expression can be."""
    spans: list[tuple[int, int]] = []
    for m in _TRIGGER.finditer(text):
        lo, hi = max(0, m.start() - _WINDOW_BEFORE), min(len(text), m.end() + _WINDOW_AFTER)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


# Each searched rule with the searches for what its every match contains (``dates.prefilter``):
# a window where one of them finds nothing is not searched with the rule's own, slower pattern.
_SEARCHED = [(r, screens(r.pattern)) for r in RULES if r.name not in _NOT_SEARCHED]


def candidates(text: str) -> Iterator[Found]:
    """Every plausible match of every searched rule, unordered."""
    lowered = lower_ascii(text)
    windows = _windows(lowered)
    everywhere = set(range(len(windows)))
    # The windows in which each screen finds something; rules share screens (a month name,
    # a digit), so each runs once per window.
    hits: dict[re.Pattern, set[int]] = {}
    for r, needs in _SEARCHED:
        for n in needs:
            if n not in hits:
                hits[n] = {i for i, (lo, hi) in enumerate(windows) if n.search(lowered, lo, hi)}
        for i in sorted(everywhere.intersection(*(hits[n] for n in needs))):
            yield from _rule_matches(text, lowered, r, *windows[i])


def _rule_matches(text: str, lowered: str, r: Rule, lo: int, hi: int) -> Iterator[Found]:
    for m in r.pattern.finditer(lowered, lo, hi):
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
    check = ctx if ctx.ref else Context(_PLACEHOLDER_REF, anchor=_PLACEHOLDER_REF.isoformat())
    # the longest first; of two as long, the one with a number ("night of Friday" against
    # "Friday, Oct. 23": the explicit date), then the first
    found = sorted(
        candidates(text),
        key=lambda f: (f.start - f.end, not _HAS_DIGIT.search(f.match.group()), f.start),
    )
    taken: list[tuple[Found, Resolved | None]] = []
    used = bytearray(len(text) + 1)
    for f in found:
        if any(used[f.start : f.end]):
            continue
        handler = rule_by_name(f.rule).handler
        checked = handler(f.match, check)
        used[f.start : f.end] = b"\x01" * (f.end - f.start)
        if checked is None:
            continue  # "February 30, 2023" is no date, and neither are its parts
        value = checked if check is ctx else handler(f.match, ctx)
        taken.append((f, value))
    taken.sort(key=lambda item: item[0].start)
    return taken


def extend_left(text: str, start: int) -> int:
    """Start of the span with a leading modifier TimeML keeps ("early", "at least", "mid-")."""
    before = text[max(0, start - 30) : start]
    m = _LEAD_MOD.search(before)
    if m is None and _COUNT_START.match(text, start):
        m = _COUNT_MOD.search(before)
    return start - len(m.group()) if m else start


_LATER = re.compile(
    r"\b(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
    r"(\s+later)$",
    re.I,
)
_ADJECTIVE_THE = re.compile(r"the\s+(?=\S+-\S+$|\d{4}$)", re.I)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Span boundaries as TimeML draws them: no possessive "'s", no "the" before "five-year" or
    "1987", no "later" after a count of units ("three days later"), no verb "last" before one
    ("expected to last six weeks")."""
    span = text[start:end]
    if span.endswith(("'s", "\u2019s")):
        end -= 2
    later = _LATER.search(span)
    if later:
        end = start + later.start(1)  # "three days later": the stretch is the span, not "later"
    m = _ADJECTIVE_THE.match(text, start, end)
    if m:
        start = m.end()
    verb = _LAST_AS_VERB.match(text, start, end)
    if verb and _TO_LAST.search(text, max(0, start - 12), start):
        start = verb.start(1)
    return start, end


_BY_NAME = {r.name: r for r in RULES}


def rule_by_name(name: str) -> Rule:
    return _BY_NAME[name]
