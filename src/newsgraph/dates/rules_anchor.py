"""Rules for anaphoric expressions, resolved against the last date the text mentioned.

"On May 22, 1995, he was promoted, and the following year ..." is 1996, not
the year after the publication date; "that year", "the same day", "the
previous Friday", "the next morning" likewise. TimeML resolves them against
the anchor (``Context.anchor``: the last calendar value mentioned before the
expression), so these rules do too. Without an anchor, or when the anchor is
coarser than the expression (a bare year for "the following month"), "the
following ..." and "the previous ..." count from the reference date, and
"that year" gives nothing. These rules come first in ``RULES``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.dates import calendar as cal
from newsgraph.dates.lexicon import ORDINAL_WORD, PARTS_OF_DAY, WEEKDAY
from newsgraph.dates.rule_base import rule, weekday_number
from newsgraph.dates.values import Context, Resolved

_UNIT = r"(?P<u>day|morning|afternoon|evening|night|week|month|year|quarter)"
_STEP = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}


def _parts(anchor: str) -> tuple[int, int | None, date | None, int | None, str | None]:
    """(year, month, day, quarter, week value) of an anchor value; None where it does not say."""
    year = int(anchor[:4])
    rest = anchor[5:]
    month = int(rest[:2]) if rest[:2].isdigit() else None
    day = date.fromisoformat(anchor) if len(anchor) == 10 and month else None
    quarter = int(rest[1]) if rest.startswith("Q") else (month - 1) // 3 + 1 if month else None
    week = anchor if rest.startswith("W") else cal.iso_week(day) if day else None
    return year, month, day, quarter, week


def _moved(anchor: str, unit: str, step: int) -> Resolved | None:
    """The anchor's unit moved by step (0: the anchor itself, at that unit's granularity)."""
    year, month, day, quarter, week = _parts(anchor)
    if not 1 <= year + step <= 9999:
        return None  # a chain of "the following year" runs off the calendar
    if unit == "year":
        return Resolved(f"{year + step:04d}", "year", False)
    if unit == "quarter" and quarter:
        y, q = cal.shift_quarter(year, quarter, step)
        return Resolved(f"{y:04d}-Q{q}", "quarter", False)
    if unit == "month" and month:
        return Resolved(
            cal.add_months(date(year, month, 1), step).strftime("%Y-%m"), "month", False
        )
    if unit == "week" and week:
        monday = date.fromisocalendar(int(week[:4]), int(week[6:8]), 1)
        return Resolved(cal.iso_week(monday + timedelta(weeks=step)), "week", False)
    if day is None or unit not in ("day", *PARTS_OF_DAY):
        return None
    when = (day + timedelta(days=step)).isoformat()
    if unit == "day":
        return Resolved(when, "day", False)
    return Resolved(f"{when}T{PARTS_OF_DAY[unit]}", "time", False)


@rule("anchor-same", rf"(?:that|the\s+same|that\s+same)\s+{_UNIT}")
def _same(m: re.Match, ctx: Context) -> Resolved | None:
    return _moved(ctx.anchor, m["u"], 0) if ctx.anchor else None


@rule("anchor-next", rf"the\s+(?P<rel>following|next|previous|preceding|prior)\s+{_UNIT}")
def _next(m: re.Match, ctx: Context) -> Resolved | None:
    for base in (ctx.anchor, ctx.ref.isoformat() if ctx.ref else None):
        got = _moved(base, m["u"], _STEP[m["rel"]]) if base else None
        if got:
            return got
    return None


@rule(
    "anchor-weekday",
    rf"the\s+(?P<rel>following|next|previous|preceding|prior)\s+(?P<wd>{WEEKDAY})",
)
def _weekday(m: re.Match, ctx: Context) -> Resolved | None:
    day = (_parts(ctx.anchor)[2] if ctx.anchor else None) or ctx.ref
    if day is None:
        return None
    wd, step = weekday_number(m["wd"]), _STEP[m["rel"]]
    start = day + timedelta(days=step)
    return Resolved(cal.weekday_near(start, wd, step).isoformat(), "day", False)


@rule(
    "anchor-part-of-day",
    rf"the\s+(?P<u>day|morning|afternoon|evening|night)|(?:the\s+)?{ORDINAL_WORD}\s+(?P<d>day)"
    r"|(?:earlier|later)\s+in\s+the\s+(?P<y>year)",
)
def _part_of_day(m: re.Match, ctx: Context) -> Resolved | None:
    """ "the morning", "the day", "the eighth day" (of a strike): the anchor's; "later in the
    year" (unlike "later that year") is the reference's year."""
    anchor = ctx.anchor if ctx.anchor and not m["y"] else None
    anchor = anchor or (ctx.ref.isoformat() if ctx.ref else None)
    return _moved(anchor, m["u"] or m["d"] or m["y"], 0) if anchor else None
