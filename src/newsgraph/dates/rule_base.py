"""The rule registry and the calendar helpers every date rule shares.

A rule is a regular expression over one expression and a handler that builds
the TimeML value from its groups and a ``Context``. Patterns are written in
lower case and matched against ASCII-lowered text (``lower_ascii``), which
keeps offsets and is several times faster than case-insensitive matching.
The same patterns find expressions in running text (``dates.find``), so what
is found is exactly what can be normalised. Handlers return None when the
expression cannot be resolved (an impossible date, a relative expression
without a reference that TimeML cannot write either).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.dates import calendar as cal
from newsgraph.dates.lexicon import MONTHS, ORDINALS, UNITS, WEEKDAYS
from newsgraph.dates.values import Context, Resolved

Handler = Callable[[re.Match, Context], Resolved | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Handler


RULES: list[Rule] = []


def rule(name: str, pattern: str) -> Callable[[Handler], Handler]:
    """Register a handler for the expressions ``pattern`` matches."""

    def register(func: Handler) -> Handler:
        def guarded(m: re.Match, ctx: Context) -> Resolved | None:
            try:
                return func(m, ctx)
            except (OverflowError, ValueError):
                return None  # "99999999 days ago": arithmetic beyond year 1 or 9999

        RULES.append(Rule(name, re.compile(pattern), guarded))
        return func

    return register


# ---------------------------------------------------------------- helpers

SPOKEN_YEAR = (
    r"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?))?)"
)
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"
REL = (
    r"(?:this\s+past|this\s+coming|this|last|next|past|coming|previous|following|current"
    r"|the\s+(?:past|last|next|previous|following|coming|current|latest|most\s+recent|same|preceding)|that)"
)
DAY_WORD = r"(?:today|tonight|yesterday|tomorrow)"
QUARTER_NUMBERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    w = word.lower().rstrip(".")
    return WEEKDAYS[w[:-2] if w.endswith("'s") else w]


def day_number(text: str) -> int | None:
    t = text.lower()
    if t in ORDINALS:
        return ORDINALS[t]
    digits = re.match(r"\d+", t)
    return int(digits.group()) if digits else None


def relation(word: str | None) -> int:
    """-1 for last/past/previous, +1 for next/coming/following, 0 for this/current/the."""
    w = re.sub(r"\s+", " ", (word or "").lower())
    w = w.removeprefix("the ").removeprefix("this ")
    if w in ("last", "past", "previous", "preceding", "latest", "most recent"):
        return -1
    if w in ("next", "coming", "following"):
        return 1
    return 0


def two_digit_year(yy: int, ref: date | None) -> int:
    """A two-digit year in the century that puts it at most 20 years after the reference."""
    pivot = (ref.year if ref else 2000) + 20
    year = pivot // 100 * 100 + yy
    return year - 100 if year > pivot else year


def nearest_year(month: int, day: int | None, ctx: Context) -> int | None:
    """The year in which month(-day) lies nearest the reference, leaning with the tense."""
    ref = ctx.ref
    if ref is None:
        return None
    # a bare month takes the tense of the verb it hangs on, if a parse gave one
    trusted = day is None and ctx.verb_tense in ("past", "future")  # a present is no direction
    tense = ctx.verb_tense if trusted else ctx.tense
    anchor = ctx.anchor or ""
    if tense is None and anchor[5:7].isdigit():
        # no tense to go by: the month nearest the last month the text named ("in June ... in March")
        ref = date(int(anchor[:4]), int(anchor[5:7]), int(anchor[8:10] or 15))
    best, best_score = ref.year, None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        when = cal.valid_day(year, month, day) if day else date(year, month, 15)
        if when is None:
            continue
        diff = (when - ref).days
        if day is None and year == ref.year and month == ref.month:
            diff = 0
        # news looks back more often than ahead: an unmarked date leans to the past
        score = abs(diff)
        if diff > 0:
            # a past verb that governs the month rules out a date ahead; a past word nearby only leans
            past = 1000 if trusted else 200
            score += {"past": past, "future": 0}.get(tense or "", 90)
        elif diff < 0 and tense == "future":
            # a plan is for a date ahead, however far ("will ... in December"); but a day of the
            # month a few weeks back is nearer than the same day eleven months on ("to repatriate
            # the child by Jan. 14" in a story of Jan. 15): news gives the year of a day that far
            score += 400 if day is None else 300
        if best_score is None or score < best_score:
            best, best_score = year, score
    return best


def ymd(year: int | None, month: int, day: int | None) -> str | None:
    if year is None:
        return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
    if day is None:
        return f"{year:04d}-{month:02d}"
    when = cal.valid_day(year, month, day)
    return when.isoformat() if when else None


def day_value(value: date) -> Resolved:
    return Resolved(value.isoformat(), "day", False)


def duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration as TimeML writes it: P5Y, PT3H, P2Y6M; amount None gives PXY."""
    letter, factor = UNITS[unit]
    timed = letter in ("S", "MIN", "H")
    code = {"MIN": "M"}.get(letter, letter)
    lead = "PT" if timed else "P"
    if amount is None:
        # "decades" is some number of decades, not of years: the unit keeps its scale
        code = {10: "DE", 100: "CE"}.get(factor, code) if letter == "Y" else code
        return f"{lead}X{code}"
    amount *= factor
    whole = int(amount)
    frac = amount - whole
    if frac and letter in ("Y", "M", "W", "D", "H", "MIN"):
        smaller = {
            "Y": ("M", 12),
            "M": ("D", 30),
            "W": ("D", 7),
            "D": ("H", 24),
            "H": ("M", 60),
            "MIN": ("S", 60),
        }
        sub, mult = smaller[letter]
        tail = f"{round(frac * mult)}{sub}"
        if letter == "D":
            return f"P{whole}DT{tail}" if whole else f"PT{tail}"
        return f"{lead}{whole}{code}{tail}" if whole else f"{lead}{tail}"
    return f"{lead}{whole}{code}"


def unit_name(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w


def shift(ctx: Context, unit: str, steps: int) -> Resolved | None:
    """The calendar unit containing the reference, moved by steps (last year, next week)."""
    ref = ctx.ref
    if unit == "decade":
        if ref is None:
            return Resolved("XXX", "decade", False)
        return Resolved(f"{ref.year // 10 + steps:03d}", "decade", False)
    if unit == "century":
        if ref is None:
            return Resolved("XX", "century", False)
        return Resolved(f"{(ref.year - 1) // 100 + steps:02d}", "century", False)
    if ref is None:
        return Resolved(
            {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "quarter": "XXXX-QX"}.get(
                unit, "XXXX-XX-XX"
            ),
            unit if unit in ("year", "month", "week", "quarter") else "day",
            False,
        )
    if unit == "year":
        return Resolved(f"{ref.year + steps:04d}", "year", False)
    if unit == "month":
        return Resolved(cal.add_months(ref, steps).strftime("%Y-%m"), "month", False)
    if unit == "week":
        return Resolved(cal.iso_week(ref + timedelta(weeks=steps)), "week", False)
    if unit == "weekend":
        base = ref + timedelta(weeks=steps)
        if steps < 0 or (steps == 0 and ctx.tense == "past" and ref.weekday() < 3):
            base = ref - timedelta(days=ref.weekday() + 1)
        return Resolved(cal.iso_week(base) + "-WE", "week", False)
    if unit == "quarter":
        year, q = cal.shift_quarter(ref.year, cal.quarter_of(ref), steps)
        return Resolved(f"{year:04d}-Q{q}", "quarter", False)
    if unit == "day":
        return day_value(ref + timedelta(days=steps))
    return None


_QUARTER_ANCHOR = re.compile(r"(\d{4})-Q([1-4])$")


def _quarters_before(ref: date, year: int, quarter: int) -> int:
    """How many quarters the quarter ``year``-Q``quarter`` lies before the reference's own."""
    return ref.year * 4 + cal.quarter_of(ref) - (year * 4 + quarter)


def quarter_a_year_back(ctx: Context) -> Resolved | None:
    """ "A year ago" in an earnings story: the quarter the text last named, a year before
    ("first-quarter profit ... a year ago" -> the first quarter of last year; "third-quarter
    sales ... a year earlier" in a March story -> the third quarter two years back), when that
    quarter is one of the four up to the reference's (a report, not a year-ago quarter named
    before); without one, the last reported quarter (the one before the reference's) a year
    before."""
    m = _QUARTER_ANCHOR.match(ctx.anchor or "")
    if m and ctx.ref and 0 <= _quarters_before(ctx.ref, int(m[1]), int(m[2])) < 4:
        return Resolved(f"{int(m[1]) - 1:04d}-Q{m[2]}", "quarter", False)
    return shift(ctx, "quarter", -5)
