"""Rules that turn one date expression into a TimeML value.

Patterns are written in lower case and matched against ASCII-lowered text
(``lower_ascii``), which keeps offsets and is several times faster than
case-insensitive matching.

Each rule is a regular expression over the expression (case-insensitive) and a
handler that builds the value from its groups and a ``Context``. The same
patterns find expressions in running text (``dates_find``), so what is found is
exactly what can be normalised. Handlers return None when the expression
cannot be resolved (an impossible date, a relative expression without a
reference that TimeML cannot write either).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph import dates_calendar as cal
from newsgraph.dates_lexicon import (
    HOLIDAY,
    MONTH,
    MONTHS,
    NUMBER,
    ORDINAL_DAY,
    ORDINAL_WORD,
    ORDINALS,
    PART_OF_DAY,
    PARTS_OF_DAY,
    SEASON,
    SEASON_WORDS,
    UNIT,
    UNITS,
    VAGUE_NUMBER,
    WEEKDAY,
    WEEKDAY_FULL,
    WEEKDAYS,
    parse_number,
    spoken_year,
)
from newsgraph.dates_values import Context, Resolved

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
        RULES.append(Rule(name, re.compile(pattern), func))
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
GRAN = {"S": "duration", "MIN": "duration", "H": "duration"}


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    w = word.lower().rstrip(".")
    return WEEKDAYS[w[:-2] if w.endswith("'s") else w]


def _day_number(text: str) -> int | None:
    t = text.lower()
    if t in ORDINALS:
        return ORDINALS[t]
    digits = re.match(r"\d+", t)
    return int(digits.group()) if digits else None


def _relation(word: str | None) -> int:
    """-1 for last/past/previous, +1 for next/coming/following, 0 for this/current/the."""
    w = re.sub(r"\s+", " ", (word or "").lower())
    w = w.removeprefix("the ").removeprefix("this ")
    if w in ("last", "past", "previous", "preceding", "latest", "most recent"):
        return -1
    if w in ("next", "coming", "following"):
        return 1
    return 0


def _two_digit_year(yy: int, ref: date | None) -> int:
    """A two-digit year in the century that puts it at most 20 years after the reference."""
    pivot = (ref.year if ref else 2000) + 20
    year = pivot // 100 * 100 + yy
    return year - 100 if year > pivot else year


def _nearest_year(month: int, day: int | None, ctx: Context) -> int | None:
    """The year in which month(-day) lies nearest the reference, leaning with the tense."""
    ref = ctx.ref
    if ref is None:
        return None
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
            score += {"past": 200, "future": 0}.get(ctx.tense or "", 90)
        elif diff < 0 and ctx.tense == "future":
            score += 200
        if best_score is None or score < best_score:
            best, best_score = year, score
    return best


def _ymd(year: int | None, month: int, day: int | None) -> str | None:
    if year is None:
        return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
    if day is None:
        return f"{year:04d}-{month:02d}"
    when = cal.valid_day(year, month, day)
    return when.isoformat() if when else None


def _date(value: date) -> Resolved:
    return Resolved(value.isoformat(), "day", False)


def duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration as TimeML writes it: P5Y, PT3H, P2Y6M; amount None gives PXY."""
    letter, factor = UNITS[unit]
    timed = letter in ("S", "MIN", "H")
    code = {"MIN": "M"}.get(letter, letter)
    lead = "PT" if timed else "P"
    if amount is None:
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


def _unit(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w


def _shift(ctx: Context, unit: str, steps: int) -> Resolved | None:
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
        return _date(ref + timedelta(days=steps))
    return None


# ---------------------------------------------------------------- explicit dates


@rule("iso", r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[t ](?P<H>[0-2]\d):(?P<M>[0-5]\d))?")
def _iso(m: re.Match, ctx: Context) -> Resolved | None:
    day = cal.valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None:
        return None
    if m["H"]:
        return Resolved(f"{day.isoformat()}T{m['H']}:{m['M']}", "time", True)
    return Resolved(day.isoformat(), "day", True)


@rule("numeric", r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>\d{4}|\d{2})")
def _numeric(m: re.Match, ctx: Context) -> Resolved | None:
    a, b = int(m["a"]), int(m["b"])
    if m["sep"] == "." and len(m["y"]) != 4:
        return None  # 3.10.2 is a version number, not a date
    month, day = (b, a) if m["sep"] == "." or a > 12 else (a, b)
    year = int(m["y"]) if len(m["y"]) == 4 else _two_digit_year(int(m["y"]), ctx.ref)
    when = cal.valid_day(year, month, day)
    return (
        Resolved(when.isoformat(), "day", len(m["y"]) == 4 and (a > 12 or b > 12 or a == b))
        if when
        else None
    )


_OPT_WEEKDAY = rf"(?:{WEEKDAY},?\s+)?"
_YEAR_TAIL = rf"(?:,?\s+(?:(?P<y>{YEAR4})|'(?P<yy>\d\d)|(?P<sy>{SPOKEN_YEAR})|(?:of\s+)?(?P<rel>this|last|next)\s+year))?"


def _month_day(month: int, day: int | None, m: re.Match, ctx: Context) -> Resolved | None:
    if day is not None and not 1 <= day <= 31:
        return None
    explicit = bool(m["y"] or m["yy"] or m["sy"])
    if m["y"]:
        year = int(m["y"])
    elif m["yy"]:
        year = _two_digit_year(int(m["yy"]), ctx.ref)
    elif m["sy"]:
        year = spoken_year(m["sy"])
    elif m["rel"]:
        year = ctx.ref.year + _relation(m["rel"]) if ctx.ref else None
    else:
        year = _nearest_year(month, day, ctx)
    value = _ymd(year, month, day)
    if value is None:
        return None
    return Resolved(value, "day" if day else "month", explicit)


@rule(
    "month-day",
    rf"{_OPT_WEEKDAY}(?P<mon>{MONTH})\s+(?:the\s+)?(?P<d>{ORDINAL_DAY}|{ORDINAL_WORD})(?![\d:])"
    + _YEAR_TAIL,
)
def _mdy(m: re.Match, ctx: Context) -> Resolved | None:
    return _month_day(_month(m["mon"]), _day_number(m["d"]), m, ctx)


@rule(
    "day-month",
    rf"{_OPT_WEEKDAY}(?:the\s+)?(?P<d>{ORDINAL_DAY}|{ORDINAL_WORD})\s+(?:of\s+)?(?P<mon>{MONTH})"
    + _YEAR_TAIL,
)
def _dmy(m: re.Match, ctx: Context) -> Resolved | None:
    return _month_day(_month(m["mon"]), _day_number(m["d"]), m, ctx)


@rule(
    "month-year",
    rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<y>{YEAR4})|'(?P<yy>\d\d)|(?P<sy>{SPOKEN_YEAR})|(?P<rel>this|last|next)\s+year)",
)
def _my(m: re.Match, ctx: Context) -> Resolved | None:
    return _month_day(_month(m["mon"]), None, m, ctx)


@rule("month", rf"(?P<mon>{MONTH})")
def _month_only(m: re.Match, ctx: Context) -> Resolved | None:
    month = _month(m["mon"])
    return Resolved(_ymd(_nearest_year(month, None, ctx), month, None), "month", False)


@rule("rel-month", rf"(?P<rel>{REL})\s+(?P<mon>{MONTH})")
def _rel_month(m: re.Match, ctx: Context) -> Resolved | None:
    month, step = _month(m["mon"]), _relation(m["rel"])
    if ctx.ref is None:
        return Resolved(f"XXXX-{month:02d}", "month", False)
    year = ctx.ref.year
    if step < 0 and month >= ctx.ref.month:
        year -= 1
    elif step > 0 and month <= ctx.ref.month:
        year += 1
    return Resolved(f"{year:04d}-{month:02d}", "month", False)


@rule(
    "ordinal-of-rel-month",
    rf"the\s+(?P<d>{ORDINAL_DAY}|{ORDINAL_WORD}|last)(?:\s+day)?\s+of\s+(?P<rel>{REL})\s+month",
)
def _day_of_rel_month(m: re.Match, ctx: Context) -> Resolved | None:
    if ctx.ref is None:
        return None
    first = cal.add_months(ctx.ref.replace(day=1), _relation(m["rel"]))
    day = _day_number(m["d"])
    if day == -1:
        day = (cal.add_months(first, 1) - timedelta(days=1)).day
    when = cal.valid_day(first.year, first.month, day or 0)
    return _date(when) if when else None


@rule(
    "year",
    rf"(?:(?:the\s+)?(?:fiscal|calendar)\s+(?:year\s+)?|the\s+(?:year\s+)?|fy\s*)?(?P<y>{YEAR4})(?:\s+(?:fiscal\s+year|season))?",
)
def _year(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(m["y"], "year", True)


@rule("short-year", r"(?:fiscal\s+(?:year\s+)?|fy\s*)'?(?P<yy>\d\d)")
def _short_year(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(f"{_two_digit_year(int(m['yy']), ctx.ref):04d}", "year", False)


@rule("spoken-year", rf"(?:the\s+year\s+)?(?P<sy>{SPOKEN_YEAR})")
def _spoken(m: re.Match, ctx: Context) -> Resolved | None:
    year = spoken_year(m["sy"])
    return Resolved(f"{year:04d}", "year", True) if year else None


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


@rule(
    "decade",
    r"(?:the\s+)?(?:(?P<c>1\d|20)(?P<d>\d)0'?s|'(?P<dd>\d)0'?s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
)
def _decade(m: re.Match, ctx: Context) -> Resolved | None:
    if m["c"]:
        return Resolved(f"{m['c']}{m['d']}", "decade", True)
    digit = int(m["dd"]) if m["dd"] else _DECADE_WORDS[m["w"].lower()]
    year = _two_digit_year(digit * 10, ctx.ref)
    return Resolved(f"{year // 10:03d}", "decade", False)


@rule("century", rf"(?:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{ORDINAL_WORD}))\s+century")
def _century(m: re.Match, ctx: Context) -> Resolved | None:
    n = int(m["n"]) if m["n"] else ORDINALS[m["w"].lower()]
    return Resolved(f"{n - 1:02d}", "century", True) if n > 0 else None


# ---------------------------------------------------------------- quarters, halves, seasons

_QUARTER_WORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _quarter_year(q: int, m: re.Match, ctx: Context) -> tuple[int | None, bool]:
    if m["y"]:
        return int(m["y"]), True
    if ctx.ref is None:
        return None, False
    year = ctx.ref.year + _relation(m["rel"]) if m["rel"] else ctx.ref.year
    ahead = q - cal.quarter_of(ctx.ref)
    if not m["rel"] and ahead > 0 and (ctx.tense == "past" or (ctx.tense is None and ahead >= 2)):
        year -= 1
    return year, False


@rule(
    "quarter",
    rf"(?:the\s+)?(?:(?P<y0>{YEAR4})\s+|(?P<rel0>this|last|next)\s+year's\s+)?(?:fiscal\s+)?{_QUARTER_WORD}[\s-]+(?:fiscal\s+)?quarter"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y>{YEAR4})|(?P<rel>this|last|next)\s+year))?",
)
def _quarter(m: re.Match, ctx: Context) -> Resolved | None:
    q = _Q[m["q"].lower()]
    if m["y0"] or m["rel0"]:
        if m["y0"]:
            return Resolved(f"{m['y0']}-Q{q}", "quarter", True)
        if ctx.ref is None:
            return Resolved(f"XXXX-Q{q}", "quarter", False)
        return Resolved(f"{ctx.ref.year + _relation(m['rel0']):04d}-Q{q}", "quarter", False)
    year, explicit = _quarter_year(q, m, ctx)
    return Resolved(f"{year:04d}-Q{q}" if year else f"XXXX-Q{q}", "quarter", explicit)


@rule("q-quarter", rf"q(?P<q>[1-4])(?:\s+|-|/)?(?P<y>{YEAR4})?")
def _q_quarter(m: re.Match, ctx: Context) -> Resolved | None:
    q = int(m["q"])
    if m["y"]:
        return Resolved(f"{m['y']}-Q{q}", "quarter", True)
    return Resolved(f"{ctx.ref.year:04d}-Q{q}" if ctx.ref else f"XXXX-Q{q}", "quarter", False)


@rule(
    "rel-quarter",
    r"(?P<rel>the|that|this|last|next|the\s+(?:latest|last|past|previous|current|most\s+recent|same|year-ago|year-earlier)|the\s+year\s+(?:ago|earlier))\s+(?:fiscal\s+)?(?P<u>quarter|period)",
)
def _rel_quarter(m: re.Match, ctx: Context) -> Resolved | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if m["u"].lower() == "period" and rel in ("the", "that", "this", "the same"):
        return None
    if ctx.ref is None:
        return Resolved("XXXX-QX", "quarter", False)
    steps = {"this": 0, "the current": 0, "next": 1}.get(rel, -1)
    if "ago" in rel or "earlier" in rel:
        steps = -5
    return _shift(ctx, "quarter", steps)


@rule(
    "half",
    rf"(?:the\s+)?(?P<h>first|second|last|latter)\s+half(?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<rel>this|last|next)\s+year))?",
)
def _half(m: re.Match, ctx: Context) -> Resolved | None:
    h = 1 if m["h"].lower() == "first" else 2  # "the last half" of a year is its second
    if m["y"]:
        return Resolved(f"{m['y']}-H{h}", "half", True)
    if ctx.ref is None:
        return Resolved(f"XXXX-H{h}", "half", False)
    return Resolved(f"{ctx.ref.year + _relation(m['rel']):04d}-H{h}", "half", False)


@rule(
    "season",
    rf"(?:(?P<rel>{REL}|the)\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?:(?P<y>{YEAR4})|(?P<sy>{SPOKEN_YEAR})))?",
)
def _season(m: re.Match, ctx: Context) -> Resolved | None:
    code = SEASON_WORDS[m["s"].lower()]
    if m["y"] or m["sy"]:
        year = int(m["y"]) if m["y"] else spoken_year(m["sy"])
        return Resolved(f"{year:04d}-{code}", "season", True) if year else None
    if ctx.ref is None:
        return Resolved(f"XXXX-{code}", "season", False)
    ref_year, ref_code = cal.season_of(ctx.ref)
    order = cal.SEASONS.index
    step = _relation(m["rel"]) if m["rel"] and m["rel"].lower() != "the" else 0
    year = ref_year
    if step < 0 and order(code) >= order(ref_code):
        year -= 1
    elif step > 0 and order(code) <= order(ref_code):
        year += 1
    elif not m["rel"] and ctx.tense == "past" and order(code) > order(ref_code):
        year -= 1
    return Resolved(f"{year:04d}-{code}", "season", False)


# ---------------------------------------------------------------- relative units


@rule(
    "rel-unit",
    rf"(?P<rel>{REL}|early|late)\s+(?:fiscal\s+)?(?P<u>week|weekend|month|year|decade|century)",
)
def _rel_unit(m: re.Match, ctx: Context) -> Resolved | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in ("that", "the same", "early", "late"):
        return None
    unit = m["u"].lower()
    if rel in ("the past", "the last", "the next", "the coming") and unit in ("week", "month"):
        # "the past week" is the week up to now; TimeML reads it as the previous calendar unit
        return _shift(ctx, unit, _relation(rel))
    return _shift(ctx, unit, _relation(rel))


@rule(
    "this-fiscal-year",
    r"(?:the\s+)?(?P<rel>this|current|last|next|previous|coming)\s+fiscal\s+year",
)
def _fiscal(m: re.Match, ctx: Context) -> Resolved | None:
    return _shift(ctx, "year", _relation(m["rel"]))


@rule(
    "the-unit",
    r"the\s+(?P<adj>(?:fiscal|full|whole|entire|calendar)\s+)?(?P<u>year|month|week|day)",
)
def _the_unit(m: re.Match, ctx: Context) -> Resolved | None:
    if (m["adj"] or "").strip().lower() == "full" and m["u"].lower() == "year":
        return _shift(ctx, "year", 0)
    return Resolved(duration_value(1, m["u"].lower()), "duration", True)


@rule(
    "unit-boundary",
    r"(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+(?:the|this)\s+(?P<u>year|month|week|quarter)|(?P<ye>year)(?:'s)?[\s-]end",
)
def _unit_boundary(m: re.Match, ctx: Context) -> Resolved | None:
    return _shift(ctx, (m["u"] or "year").lower(), 0)


@rule("the-weekend", r"(?:the|this)\s+weekend")
def _the_weekend(m: re.Match, ctx: Context) -> Resolved | None:
    return _shift(ctx, "weekend", 0)


@rule(
    "quarter-a-year-ago",
    r"(?:the\s+)?(?:(?:comparable|corresponding|same|year-ago|year-earlier)\s+)*(?:(?P<q>first|second|third|fourth)[\s-]+)?(?:quarter|period)"
    r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|of\s+the\s+previous\s+year))?|last\s+year's\s+(?:quarter|period)",
)
def _quarter_year_ago(m: re.Match, ctx: Context) -> Resolved | None:
    text = m.group().lower()
    if not re.search(r"ago|earlier|last|previous|corresponding|comparable", text):
        return None
    if ctx.ref is None:
        return Resolved("XXXX-QX", "quarter", False)
    if m["q"]:
        return Resolved(f"{ctx.ref.year - 1:04d}-Q{_Q[m['q'].lower()]}", "quarter", False)
    return _shift(ctx, "quarter", -5)


@rule("year-quarter", rf"the\s+(?P<y>{YEAR4})\s+(?:quarter|period)")
def _year_quarter(m: re.Match, ctx: Context) -> Resolved | None:
    if ctx.ref is None or not (ctx.quarterly or "quarter" in m.group().lower()):
        return Resolved(m["y"], "year", True)
    q = cal.shift_quarter(ctx.ref.year, cal.quarter_of(ctx.ref), -1)[1]
    return Resolved(f"{m['y']}-Q{q}", "quarter", False)


@rule(
    "year-ago",
    r"(?:the\s+)?(?:a\s+)?year[\s-](?:ago|earlier)(?:\s+(?:period|quarter|level|results))?",
)
def _year_ago(m: re.Match, ctx: Context) -> Resolved | None:
    if ctx.quarterly or "quarter" in m.group().lower():
        return _shift(ctx, "quarter", -5)
    return _shift(ctx, "year", -1)


_AGO = r"(?P<dir>ago|earlier|back|later|from\s+now|hence)"


@rule(
    "ago", rf"(?P<n>{NUMBER}|{VAGUE_NUMBER})\s+(?P<u>{UNIT})s?(?:\s+or\s+(?:so|more|two))?\s+{_AGO}"
)
def _ago(m: re.Match, ctx: Context) -> Resolved | None:
    direction = m["dir"].lower()
    unit = _unit(m["u"])
    amount = parse_number(m["n"])
    step = -1 if direction in ("ago", "earlier", "back") else 1
    if amount is None:
        return Resolved("PAST_REF" if step < 0 else "FUTURE_REF", "ref", False)
    n = int(amount) * step
    if ctx.ref is None:
        return None
    ref = ctx.ref
    if unit == "year" and ctx.quarterly and abs(n) == 1:
        return _shift(ctx, "quarter", -1 + 4 * n)  # the last reported quarter, a year before
    if unit in ("day", "night"):
        return _date(ref + timedelta(days=n))
    if unit in ("week", "fortnight"):
        return Resolved(cal.iso_week(ref + timedelta(weeks=n * UNITS[unit][1])), "week", False)
    if unit == "month":
        return Resolved(cal.add_months(ref, n).strftime("%Y-%m"), "month", False)
    if unit == "quarter":
        return _shift(ctx, "quarter", n)
    if unit == "year":
        return Resolved(f"{ref.year + n:04d}", "year", False)
    if unit == "decade":
        return Resolved(f"{(ref.year + 10 * n) // 10:03d}", "decade", False)
    if unit == "century":
        return Resolved(f"{(ref.year + 100 * n - 1) // 100:02d}", "century", False)
    if unit in ("hour", "minute", "second"):
        return Resolved(ref.isoformat(), "day", False)
    return None


# ---------------------------------------------------------------- durations and sets

_SPAN_LEAD = r"(?:the\s+)?(?:(?:year-earlier|year-ago|comparable|corresponding)\s+)?(?:(?:past|last|next|first|final|coming|previous|following|same|entire|full|whole|initial|remaining|latest)\s+)?"


@rule(
    "duration",
    rf"{_SPAN_LEAD}(?P<n>{NUMBER})(?:[\s-]+(?:more|additional|extra|further|full|straight|consecutive))?[\s-]+(?P<u>{UNIT})s?(?P<half>\s+and\s+a\s+half)?(?:[\s-]+(?:long|old))?",
)
def _duration(m: re.Match, ctx: Context) -> Resolved | None:
    amount = parse_number(m["n"])
    if amount is None or amount <= 0:
        return None
    if m["half"]:
        amount += 0.5
    return Resolved(duration_value(amount, _unit(m["u"])), "duration", True)


@rule(
    "vague-duration",
    rf"(?:the\s+)?(?:(?P<rel>past|last|next|coming|recent|first)\s+)?(?:(?P<v>{VAGUE_NUMBER})[\s-]+)?(?P<u>{UNIT})s?(?:[\s-]+long)?",
)
def _vague_duration(m: re.Match, ctx: Context) -> Resolved | None:
    if not m["v"] and not m.group().endswith(("s", "long")):
        return None  # a bare "year" is not a vague duration
    v = (m["v"] or "").lower()
    amount = 2 if "couple" in v else None
    return Resolved(duration_value(amount, _unit(m["u"])), "duration", amount is not None)


@rule("unit-long", rf"(?P<u>{UNIT})[\s-]long")
def _unit_long(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(duration_value(1, _unit(m["u"])), "duration", True)


_ADVERB_SET = {
    "daily": "day",
    "nightly": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "annually": "year",
    "yearly": "year",
    "hourly": "hour",
}


@rule("set-adverb", r"(?P<w>daily|nightly|weekly|monthly|quarterly|annually|yearly|hourly)")
def _set_adverb(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(duration_value(1, _ADVERB_SET[m["w"].lower()]), "set", True)


@rule(
    "set-every",
    rf"(?:every|each|per)\s+(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})|(?P<s>{SEASON})|(?P<u>{UNIT}))",
)
def _set_every(m: re.Match, ctx: Context) -> Resolved | None:
    if m["wd"]:
        return Resolved(f"XXXX-WXX-{_weekday(m['wd']) + 1}", "set", True)
    if m["mon"]:
        return Resolved(f"XXXX-{_month(m['mon']):02d}", "set", True)
    if m["s"]:
        return Resolved(f"XXXX-{SEASON_WORDS[m['s'].lower()]}", "set", True)
    return Resolved(duration_value(1, _unit(m["u"])), "set", True)


@rule(
    "set-weekdays",
    rf"(?P<wd>{WEEKDAY_FULL})s(?:\s+(?P<pod>{PART_OF_DAY})s)?|(?P<wd2>{WEEKDAY})\s+(?P<pod2>{PART_OF_DAY})s",
)
def _set_weekdays(m: re.Match, ctx: Context) -> Resolved | None:
    wd, pod = m["wd"] or m["wd2"], m["pod"] or m["pod2"]
    value = f"XXXX-WXX-{_weekday(wd) + 1}"
    if pod:
        value += "T" + PARTS_OF_DAY[pod.lower()]
    return Resolved(value, "set", True)


# ---------------------------------------------------------------- vague references

_PRESENT = r"now|already|right\s+now|just\s+now|currently|current|nowadays|presently|at\s+present|the\s+present(?:\s+time)?|these\s+days|at\s+the\s+moment|the\s+moment|this\s+time|today's"
_PAST = r"(?:more\s+)?recently|recent|lately|earlier|previously|formerly|the\s+past|in\s+the\s+past|once|long\s+ago|some\s+time\s+ago|years\s+ago|the\s+old\s+days"
_FUTURE = r"(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+(?:near|short|long)\s+term|a\s+later\s+date|soon|eventually|someday|one\s+day|some\s+day|the\s+years\s+ahead|down\s+the\s+road"


@rule("ref", rf"(?P<present>{_PRESENT})|(?P<past>{_PAST})|(?P<future>{_FUTURE})")
def _ref(m: re.Match, ctx: Context) -> Resolved | None:
    kind = "PRESENT_REF" if m["present"] else "PAST_REF" if m["past"] else "FUTURE_REF"
    return Resolved(kind, "ref", False)


# ---------------------------------------------------------------- days and times of day


@rule(
    "day-word",
    rf"(?:the\s+day\s+(?P<beyond>before\s+yesterday|after\s+tomorrow))|(?P<w>{DAY_WORD}|overnight|last\s+night)(?:'s)?(?:\s+(?P<pod>{PART_OF_DAY}))?|(?:(?:this|the)\s+)?(?P<pod2>morning|afternoon|evening)",
)
def _day_word(m: re.Match, ctx: Context) -> Resolved | None:
    word = re.sub(r"\s+", " ", (m["w"] or m["beyond"] or "today").lower())
    offset = {
        "yesterday": -1,
        "tomorrow": 1,
        "last night": -1,
        "before yesterday": -2,
        "after tomorrow": 2,
    }.get(word, 0)
    pod = (
        m["pod"]
        or m["pod2"]
        or ("night" if word in ("tonight", "last night", "overnight") else None)
    )
    if ctx.ref is None:
        return Resolved(
            "XXXX-XX-XX" + (f"T{PARTS_OF_DAY[pod.lower()]}" if pod else ""),
            "time" if pod else "day",
            False,
        )
    when = (ctx.ref + timedelta(days=offset)).isoformat()
    if pod:
        return Resolved(f"{when}T{PARTS_OF_DAY[pod.lower()]}", "time", False)
    return Resolved(when, "day", False)


def _resolve_weekday(weekday: int, rel: str | None, ctx: Context) -> date | None:
    ref = ctx.ref
    if ref is None:
        return None
    step = _relation(rel)
    rel_word = (rel or "").lower()
    if step < 0:
        return cal.weekday_near(ref - timedelta(days=1), weekday, -1)
    if step > 0:
        return cal.weekday_near(ref + timedelta(days=1), weekday, 1)
    if rel_word.startswith("this") or rel_word.startswith("the"):
        return ref + timedelta(days=weekday - ref.weekday())
    return cal.weekday_near(ref, weekday, 1 if ctx.tense == "future" else -1)


@rule(
    "weekday",
    rf"(?:(?P<rel>{REL})\s+)?(?P<wd>{WEEKDAY})(?:'s)?(?:,?\s+(?P<pod>{PART_OF_DAY}))?|(?P<pod2>{PART_OF_DAY})\s+(?:of\s+)?(?P<wd2>{WEEKDAY})",
)
def _weekday_rule(m: re.Match, ctx: Context) -> Resolved | None:
    wd = _weekday(m["wd"] or m["wd2"])
    pod = m["pod"] or m["pod2"]
    suffix = f"T{PARTS_OF_DAY[pod.lower()]}" if pod else ""
    when = _resolve_weekday(wd, m["rel"], ctx)
    if when is None:
        return Resolved(f"XXXX-WXX-{wd + 1}{suffix}", "time" if pod else "day", False)
    return Resolved(when.isoformat() + suffix, "time" if pod else "day", False)


@rule("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY})(?:,?\s+(?P<y>{YEAR4}))?")
def _holiday(m: re.Match, ctx: Context) -> Resolved | None:
    name = re.sub(r"\s+", " ", m["h"].lower())
    if m["y"]:
        when = cal.holiday(name, int(m["y"]))
        return Resolved(when.isoformat(), "day", True) if when else None
    if ctx.ref is None:
        return None
    step = _relation(m["rel"])
    days = [
        d for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1) if (d := cal.holiday(name, y))
    ]
    if step < 0:
        pick = max((d for d in days if d < ctx.ref), default=None)
    elif step > 0:
        pick = min((d for d in days if d > ctx.ref), default=None)
    else:
        pick = None
        this_year = cal.holiday(name, ctx.ref.year)
        if this_year:
            year = _nearest_year(this_year.month, this_year.day, ctx)
            pick = cal.holiday(name, year) if year else None
    return _date(pick) if pick else None


@rule(
    "week-of", rf"the\s+week\s+of\s+(?P<mon>{MONTH})\s+(?P<d>{ORDINAL_DAY})(?:,?\s+(?P<y>{YEAR4}))?"
)
def _week_of(m: re.Match, ctx: Context) -> Resolved | None:
    month, day = _month(m["mon"]), _day_number(m["d"])
    year = int(m["y"]) if m["y"] else _nearest_year(month, day, ctx)
    when = cal.valid_day(year, month, day or 0) if year else None
    return Resolved(cal.iso_week(when), "week", bool(m["y"])) if when else None


_CLOCK = r"(?P<H>[012]?\d)(?:[:.](?P<M>[0-5]\d))?\s*(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?|o'clock)(?:\s+(?P<tz>[ecmpa][sd]t|gmt|utc|bst|cet))?"
_NAMED_TIME = r"(?P<named>noon|midday|midnight)"
_DAY_PART = rf"(?P<day>{DAY_WORD}|(?:(?:last|next|this)\s+)?{WEEKDAY}|{MONTH}\s+{ORDINAL_DAY}(?:,?\s+{YEAR4})?)"


def _clock_value(m: re.Match) -> str | None:
    if m["named"]:
        return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["named"].lower()]
    hour, minute = int(m["H"]), int(m["M"] or 0)
    ap = re.sub(r"[.\s]", "", m["ap"].lower())
    if hour > 12 and ap != "o'clock" or hour > 24:
        return None
    if ap == "pm" and hour < 12:
        hour += 12
    if ap == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


@rule("clock", rf"(?:{_CLOCK}|{_NAMED_TIME})(?:,?\s+(?:on\s+)?{_DAY_PART})?")
def _clock(m: re.Match, ctx: Context) -> Resolved | None:
    clock = _clock_value(m)
    if clock is None:
        return None
    day = _day_of(m["day"], ctx) if m["day"] else (ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX")
    return Resolved(f"{day}T{clock}", "time", False) if day else None


@rule("day-clock", rf"{_DAY_PART},?\s+(?:at\s+)?(?:{_CLOCK}|{_NAMED_TIME})")
def _day_clock(m: re.Match, ctx: Context) -> Resolved | None:
    return _clock(m, ctx)


@rule(
    "clock-in-the",
    r"(?P<H>[012]?\d)\s+(?:o'clock\s+)?in\s+the\s+(?P<pod>morning|afternoon|evening|night)",
)
def _clock_in_the(m: re.Match, ctx: Context) -> Resolved | None:
    hour = int(m["H"]) % 12 + (
        12
        if m["pod"].lower() in ("afternoon", "evening")
        or (m["pod"].lower() == "night" and int(m["H"]) > 6)
        else 0
    )
    day = ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX"
    return Resolved(f"{day}T{hour:02d}:00", "time", False)


def _day_of(text: str, ctx: Context) -> str | None:
    """The day named in a sub-expression ("Tuesday", "Nov. 9"), resolved through the rules."""
    for r in RULES:
        if r.name in ("day-word", "weekday", "month-day"):
            m = r.pattern.fullmatch(text)
            if m:
                got = r.handler(m, ctx)
                return got.value[:10] if got else None
    return None


@rule("pod-day", rf"(?:mid-?\s*)?(?P<pod>{PART_OF_DAY})\s+(?P<w>{DAY_WORD})")
def _pod_day(m: re.Match, ctx: Context) -> Resolved | None:
    day = _day_of(m["w"], ctx)
    return Resolved(f"{day}T{PARTS_OF_DAY[m['pod'].lower()]}", "time", False) if day else None
