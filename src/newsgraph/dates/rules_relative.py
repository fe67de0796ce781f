"""Rules for expressions relative to the reference: last week, two years ago, Friday, 9 a.m."""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.dates import calendar as cal
from newsgraph.dates.lexicon import (
    MONTH,
    NUMBER,
    ORDINAL_DAY,
    PART_OF_DAY,
    PARTS_OF_DAY,
    UNIT,
    UNITS,
    VAGUE_NUMBER,
    WEEKDAY,
    parse_number,
)
from newsgraph.dates.published import read_day
from newsgraph.dates.rule_base import (
    DAY_WORD,
    QUARTER_NUMBERS,
    REL,
    RULES,
    YEAR4,
    day_value,
    duration_value,
    quarter_a_year_back,
    relation,
    rule,
    shift,
    unit_name,
    weekday_number,
)
from newsgraph.dates.values import Context, Resolved

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
    if rel in ("past", "the past", "this past") and unit in ("decade", "century"):
        # "over the past decade": the ten years up to now, not the calendar decade (the 1980s
        # in a 1998 story); TimeML writes the stretch (P10Y)
        return Resolved(duration_value(1, unit), "duration", False)
    # "the past week" is the week up to now; TimeML reads it as the previous calendar unit
    return shift(ctx, unit, relation(rel))


@rule(
    "this-fiscal-year",
    r"(?:the\s+)?(?P<rel>this|current|last|next|previous|coming)\s+fiscal\s+year",
)
def _fiscal(m: re.Match, ctx: Context) -> Resolved | None:
    return shift(ctx, "year", relation(m["rel"]))


@rule(
    "the-unit",
    r"(?:the\s+(?P<adj>(?:fiscal|full|whole|entire|calendar)\s+)?)?(?P<u>year|month|week|day)",
)
def _the_unit(m: re.Match, ctx: Context) -> Resolved | None:
    adj = (m["adj"] or "").strip()
    if m.group().startswith("the") and m["u"] == "week" and not adj and ctx.ref:
        # "for the week", "the week's most active session": some week of this year
        # (TimeBank 3 of 3), not a stretch of one
        return Resolved(f"{ctx.ref.year:04d}-WXX", "week", False)
    if m.group().startswith("the") and m["u"] == "year" and adj in ("", "full", "fiscal"):
        # "for the year", "the full year": the current one; "the year ended March 31": P1Y
        if adj == "full" or not ctx.period:
            return shift(ctx, "year", 0)
    return Resolved(duration_value(1, m["u"].lower()), "duration", True)


@rule(
    "unit-boundary",
    r"(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+(?:the|this)\s+(?P<u>year|month|week|quarter)|(?P<ye>year)(?:'s)?[\s-]end",
)
def _unit_boundary(m: re.Match, ctx: Context) -> Resolved | None:
    return shift(ctx, (m["u"] or "year").lower(), 0)


@rule("the-weekend", r"(?:the|this)\s+weekend")
def _the_weekend(m: re.Match, ctx: Context) -> Resolved | None:
    return shift(ctx, "weekend", 0)


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
        return Resolved(
            f"{ctx.ref.year - 1:04d}-Q{QUARTER_NUMBERS[m['q'].lower()]}", "quarter", False
        )
    return quarter_a_year_back(ctx)


@rule("year-quarter", rf"the\s+(?P<y>{YEAR4})\s+(?:quarter|period)")
def _year_quarter(m: re.Match, ctx: Context) -> Resolved | None:
    if ctx.ref is None or not (ctx.quarterly or "quarter" in m.group().lower()):
        return Resolved(m["y"], "year", True)
    q = cal.shift_quarter(ctx.ref.year, cal.quarter_of(ctx.ref), -1)[1]
    return Resolved(f"{m['y']}-Q{q}", "quarter", False)


@rule(
    "year-ago",
    r"year-(?:ago|earlier)|(?:the\s+)?year[\s-](?:ago|earlier)\s+(?:period|quarter)",
)
def _year_ago(m: re.Match, ctx: Context) -> Resolved | None:
    if ctx.quarterly or "quarter" in m.group().lower():
        return quarter_a_year_back(ctx)
    return shift(ctx, "year", -1)


_AGO = r"(?P<dir>ago|earlier|back|later|from\s+now|hence)"


@rule(
    "ago", rf"(?P<n>{NUMBER}|{VAGUE_NUMBER})\s+(?P<u>{UNIT})s?(?:\s+or\s+(?:so|more|two))?\s+{_AGO}"
)
def _ago(m: re.Match, ctx: Context) -> Resolved | None:
    direction = m["dir"].lower()
    unit = unit_name(m["u"])
    amount = parse_number(m["n"])
    if direction == "later":
        # "three days later" counts from an event in the story, not from the reference: TimeML
        # tags the stretch ("three days", P3D) and leaves "later" out (TimeBank 2 of 2)
        return Resolved(duration_value(amount, unit), "duration", amount is not None)
    step = -1 if direction in ("ago", "earlier", "back") else 1
    if amount is None:
        return Resolved("PAST_REF" if step < 0 else "FUTURE_REF", "ref", False)
    n = int(amount) * step
    if ctx.ref is None:
        return None
    ref = ctx.ref
    if unit == "year" and ctx.quarterly and abs(n) == 1:
        return quarter_a_year_back(ctx)
    if unit in ("day", "night"):
        return day_value(ref + timedelta(days=n))
    if unit in ("week", "fortnight"):
        return Resolved(cal.iso_week(ref + timedelta(weeks=n * UNITS[unit][1])), "week", False)
    if unit == "month":
        return Resolved(cal.add_months(ref, n).strftime("%Y-%m"), "month", False)
    if unit == "quarter":
        return shift(ctx, "quarter", n)
    if unit == "year":
        return Resolved(f"{ref.year + n:04d}", "year", False)
    if unit == "decade":
        return Resolved(f"{(ref.year + 10 * n) // 10:03d}", "decade", False)
    if unit == "century":
        return Resolved(f"{(ref.year + 100 * n - 1) // 100:02d}", "century", False)
    if unit in ("hour", "minute", "second"):
        return Resolved(ref.isoformat(), "day", False)
    return None


# ---------------------------------------------------------------- days and times of day


@rule(
    "day-word",
    rf"(?:the\s+day\s+(?P<beyond>before\s+yesterday|after\s+tomorrow))|(?P<w>{DAY_WORD}|overnight|last\s+night)(?:'s)?(?:\s+(?P<pod>{PART_OF_DAY}))?|(?:(?:this|the)\s+|mid-?\s*)?(?P<pod2>morning|afternoon|evening)",
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
    base = ctx.ref
    if word == "overnight":
        # the night leading into the day in focus: the last day the text named, else the reference
        base = (read_day(ctx.anchor) if ctx.anchor and len(ctx.anchor) == 10 else None) or base
        offset = -1
    when = (base + timedelta(days=offset)).isoformat()
    if pod:
        return Resolved(f"{when}T{PARTS_OF_DAY[pod.lower()]}", "time", False)
    return Resolved(when, "day", False)


def _resolve_weekday(weekday: int, rel: str | None, ctx: Context) -> date | None:
    ref = ctx.ref
    if ref is None:
        return None
    step = relation(rel)
    rel_word = (rel or "").lower()
    if step < 0:
        return cal.weekday_near(ref - timedelta(days=1), weekday, -1)
    if step > 0:
        return cal.weekday_near(ref + timedelta(days=1), weekday, 1)
    if rel_word.startswith("this") or rel_word.startswith("the"):
        return ref + timedelta(days=weekday - ref.weekday())
    tense = ctx.verb_tense or ctx.tense
    # a weekday under a simple present is a schedule ("they meet Wales on Saturday")
    return cal.weekday_near(ref, weekday, 1 if tense in ("future", "present") else -1)


@rule(
    "weekday",
    rf"(?:(?P<rel>{REL})\s+)?(?P<wd>{WEEKDAY})(?:'s)?(?:,?\s+(?P<pod>{PART_OF_DAY}))?|(?P<pod2>{PART_OF_DAY})\s+(?:of\s+)?(?P<wd2>{WEEKDAY})",
)
def _weekday_rule(m: re.Match, ctx: Context) -> Resolved | None:
    wd = weekday_number(m["wd"] or m["wd2"])
    pod = m["pod"] or m["pod2"]
    suffix = f"T{PARTS_OF_DAY[pod.lower()]}" if pod else ""
    when = _resolve_weekday(wd, m["rel"], ctx)
    if when is None:
        return Resolved(f"XXXX-WXX-{wd + 1}{suffix}", "time" if pod else "day", False)
    return Resolved(when.isoformat() + suffix, "time" if pod else "day", False)


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
    if m["day"]:
        day = _day_of(m["day"], ctx)
    elif ctx.anchor and len(ctx.anchor) == 10:
        day = ctx.anchor  # "Friday ... at 10:35 a.m.": the clock is on the day last named
    else:
        day = ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX"
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


@rule("day-before", r"(?:the\s+)?day\s+(?P<dir>before|after)\s+(?P<rest>\S.*)")
def _day_before(m: re.Match, ctx: Context) -> Resolved | None:
    """ "the day before last Tuesday": the day the rest of the phrase names, moved by one."""
    rest = m["rest"].removesuffix("'s")
    for r in RULES:
        inner = r.pattern.fullmatch(rest)
        got = r.handler(inner, ctx) if inner else None
        if got is not None:
            when = read_day(got.value) if got.granularity == "day" else None
            if when is None:
                return None
            return day_value(when + timedelta(days=1 if m["dir"] == "after" else -1))
    return None
