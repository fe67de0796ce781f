"""Rules for calendar expressions: dates, months, years, decades, quarters, seasons, holidays."""

from __future__ import annotations

import re
from datetime import timedelta

from newsgraph.dates import calendar as cal
from newsgraph.dates.lexicon import (
    HOLIDAY,
    MONTH,
    ORDINAL_DAY,
    ORDINAL_WORD,
    ORDINALS,
    SEASON,
    SEASON_WORDS,
    WEEKDAY,
    spoken_year,
)
from newsgraph.dates.published import read_day
from newsgraph.dates.rule_base import (
    QUARTER_NUMBERS,
    REL,
    SPOKEN_YEAR,
    YEAR4,
    day_number,
    day_value,
    month_number,
    nearest_year,
    relation,
    rule,
    shift,
    two_digit_year,
    ymd,
)
from newsgraph.dates.values import Context, Resolved

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
    year = int(m["y"]) if len(m["y"]) == 4 else two_digit_year(int(m["y"]), ctx.ref)
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
        year = two_digit_year(int(m["yy"]), ctx.ref)
    elif m["sy"]:
        year = spoken_year(m["sy"])
    elif m["rel"]:
        year = ctx.ref.year + relation(m["rel"]) if ctx.ref else None
    else:
        year = nearest_year(month, day, ctx)
    value = ymd(year, month, day)
    if value is None:
        return None
    return Resolved(value, "day" if day else "month", explicit)


@rule(
    "month-day",
    rf"{_OPT_WEEKDAY}(?P<mon>{MONTH})\s+(?:the\s+)?(?P<d>{ORDINAL_DAY}|{ORDINAL_WORD})(?!\d|:\d)"
    + _YEAR_TAIL,
)
def _mdy(m: re.Match, ctx: Context) -> Resolved | None:
    return _month_day(month_number(m["mon"]), day_number(m["d"]), m, ctx)


@rule(
    "day-month",
    rf"{_OPT_WEEKDAY}(?:the\s+)?(?P<d>{ORDINAL_DAY}|{ORDINAL_WORD})\s+(?:of\s+)?(?P<mon>{MONTH})"
    + _YEAR_TAIL,
)
def _dmy(m: re.Match, ctx: Context) -> Resolved | None:
    return _month_day(month_number(m["mon"]), day_number(m["d"]), m, ctx)


@rule(
    "month-year",
    rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<y>{YEAR4})|'(?P<yy>\d\d)|(?P<sy>{SPOKEN_YEAR})|(?P<rel>this|last|next)\s+year)",
)
def _my(m: re.Match, ctx: Context) -> Resolved | None:
    return _month_day(month_number(m["mon"]), None, m, ctx)


@rule("month", rf"(?P<mon>{MONTH})")
def _month_only(m: re.Match, ctx: Context) -> Resolved | None:
    month = month_number(m["mon"])
    return Resolved(ymd(nearest_year(month, None, ctx), month, None), "month", False)


@rule(
    "rel-month-day",
    rf"(?P<rel>last|this\s+past|next|this\s+coming)\s+(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}})(?!\d|:\d)",
)
def _rel_month_day(m: re.Match, ctx: Context) -> Resolved | None:
    """ "last Oct. 23": the latest Oct. 23 before the reference; "next March 3" the first after."""
    month, day, step = month_number(m["mon"]), int(m["d"]), relation(m["rel"])
    if ctx.ref is None:
        return Resolved(f"XXXX-{month:02d}-{day:02d}", "day", False) if 1 <= day <= 31 else None
    years = (
        range(ctx.ref.year, ctx.ref.year - 3, -1)
        if step < 0
        else range(ctx.ref.year, ctx.ref.year + 3)
    )
    for year in years:
        when = cal.valid_day(year, month, day)
        if when and (when < ctx.ref if step < 0 else when > ctx.ref):
            return day_value(when)
    return None


@rule("rel-month", rf"(?P<rel>{REL})\s+(?P<mon>{MONTH})")
def _rel_month(m: re.Match, ctx: Context) -> Resolved | None:
    month, step = month_number(m["mon"]), relation(m["rel"])
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
    first = cal.add_months(ctx.ref.replace(day=1), relation(m["rel"]))
    day = day_number(m["d"])
    if day == -1:
        day = (cal.add_months(first, 1) - timedelta(days=1)).day
    when = cal.valid_day(first.year, first.month, day or 0)
    return day_value(when) if when else None


@rule(
    "year",
    rf"(?:(?:the\s+)?(?:fiscal|calendar)\s+(?:year\s+)?|the\s+year\s+|fy\s*)?(?P<y>{YEAR4})(?:\s+(?:fiscal\s+year|season))?",
)
def _year(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(m["y"], "year", True)


@rule("short-year", r"(?:fiscal\s+(?:year\s+)?|fy\s*)'?(?P<yy>\d\d)")
def _short_year(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(f"{two_digit_year(int(m['yy']), ctx.ref):04d}", "year", False)


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


_DECADE = r"(?:the\s+)?(?:(?P<c>1\d|20)(?P<d>\d)0'?s|'(?P<dd>\d)0'?s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"


@rule("decade", _DECADE)
def _decade(m: re.Match, ctx: Context) -> Resolved | None:
    if m["c"]:
        return Resolved(f"{m['c']}{m['d']}", "decade", True)
    digit = int(m["dd"]) if m["dd"] else _DECADE_WORDS[m["w"].lower()]
    year = two_digit_year(digit * 10, ctx.ref)
    return Resolved(f"{year // 10:03d}", "decade", False)


@rule("century", rf"(?:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{ORDINAL_WORD}))\s+century")
def _century(m: re.Match, ctx: Context) -> Resolved | None:
    n = int(m["n"]) if m["n"] else ORDINALS[m["w"].lower()]
    return Resolved(f"{n - 1:02d}", "century", True) if n > 0 else None


# ---------------------------------------------------------------- quarters, halves, seasons

_QUARTER_WORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"


def _quarter_year(q: int, m: re.Match, ctx: Context) -> tuple[int | None, bool]:
    if m["y"]:
        return int(m["y"]), True
    if ctx.ref is None:
        return None, False
    year = ctx.ref.year + relation(m["rel"]) if m["rel"] else ctx.ref.year
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
    q = QUARTER_NUMBERS[m["q"].lower()]
    if m["y0"] or m["rel0"]:
        if m["y0"]:
            return Resolved(f"{m['y0']}-Q{q}", "quarter", True)
        if ctx.ref is None:
            return Resolved(f"XXXX-Q{q}", "quarter", False)
        return Resolved(f"{ctx.ref.year + relation(m['rel0']):04d}-Q{q}", "quarter", False)
    year, explicit = _quarter_year(q, m, ctx)
    return Resolved(f"{year:04d}-Q{q}" if year else f"XXXX-Q{q}", "quarter", explicit)


@rule("quarters-plural", rf"(?:the\s+)?{_QUARTER_WORD}[\s-]+(?:fiscal\s+)?quarters")
def _quarters_plural(m: re.Match, ctx: Context) -> Resolved | None:
    """ "the second and fourth quarters": that quarter of any year, as TimeML writes it."""
    return Resolved(f"XXXX-Q{QUARTER_NUMBERS[m['q'].lower()]}", "quarter", False)


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
    return shift(ctx, "quarter", steps)


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
    return Resolved(f"{ctx.ref.year + relation(m['rel']):04d}-H{h}", "half", False)


@rule(
    "part-of-decade",
    rf"(?:the\s+)?(?:first|second|last|latter)\s+half\s+of\s+{_DECADE}",
)
def _part_of_decade(m: re.Match, ctx: Context) -> Resolved | None:
    """ "the last half of the '80s": the decade, as TimeML writes it (no half-decade value)."""
    return _decade(m, ctx)


@rule(
    "two-quarters",
    rf"(?:the\s+)?(?P<h>first|last|second)\s+two\s+quarters(?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<rel>this|last|next)\s+year))?",
)
def _two_quarters(m: re.Match, ctx: Context) -> Resolved | None:
    """ "the first two quarters of 1990": a half year."""
    return _half(m, ctx)


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
    step = relation(m["rel"]) if m["rel"] and m["rel"].lower() != "the" else 0
    year = ref_year
    if step < 0 and code != "WI" and m["rel"].lower() == "last":
        # "last spring" is last year's, even in the autumn after it (TimeBank 1 of 1; the four
        # "last fall"s in both corpora agree either way), "this past spring" the latest one;
        # winter straddles two years
        year = ctx.ref.year - 1
    elif step < 0 and order(code) >= order(ref_code):
        year -= 1
    elif step > 0 and order(code) <= order(ref_code):
        year += 1
    elif not m["rel"] and ctx.tense == "past" and order(code) > order(ref_code):
        year -= 1
    return Resolved(f"{year:04d}-{code}", "season", False)


@rule("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY})(?:,?\s+(?P<y>{YEAR4}))?")
def _holiday(m: re.Match, ctx: Context) -> Resolved | None:
    name = re.sub(r"\s+", " ", m["h"].lower())
    if m["y"]:
        when = cal.holiday(name, int(m["y"]))
        return Resolved(when.isoformat(), "day", True) if when else None
    if ctx.ref is None:
        return None
    step = relation(m["rel"])
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
            year = nearest_year(this_year.month, this_year.day, ctx)
            pick = cal.holiday(name, year) if year else None
    return day_value(pick) if pick else None


@rule("holiday-week", rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY})\s+week(?P<y>)")
def _holiday_week(m: re.Match, ctx: Context) -> Resolved | None:
    """ "Easter week": the ISO week holding the holiday."""
    day = _holiday(m, ctx)
    when = read_day(day.value) if day else None
    return Resolved(cal.iso_week(when), "week", False) if when else None


@rule(
    "week-of", rf"the\s+week\s+of\s+(?P<mon>{MONTH})\s+(?P<d>{ORDINAL_DAY})(?:,?\s+(?P<y>{YEAR4}))?"
)
def _week_of(m: re.Match, ctx: Context) -> Resolved | None:
    month, day = month_number(m["mon"]), day_number(m["d"])
    year = int(m["y"]) if m["y"] else nearest_year(month, day, ctx)
    when = cal.valid_day(year, month, day or 0) if year else None
    return Resolved(cal.iso_week(when), "week", bool(m["y"])) if when else None
