"""Calendar arithmetic behind date normalisation: shifting, weeks, quarters, holidays.

Every function takes and returns plain ``datetime.date`` values or TimeML value
strings; none of them parses text.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def valid_day(year: int, month: int, day: int) -> date | None:
    """The date, or None for an impossible one (February 30)."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    """(year, quarter) moved by ``by`` quarters."""
    index = year * 4 + quarter - 1 + by
    return index // 4, index % 4 + 1


def iso_week(day: date) -> str:
    """TimeML week value, e.g. 1989-W44 (ISO 8601 week-numbering year)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday_near(ref: date, weekday: int, direction: int) -> date:
    """The weekday (0 = Monday) nearest ref, looking back (-1) or ahead (+1), ref itself included."""
    delta = (weekday - ref.weekday()) % 7
    if direction > 0:
        return ref + timedelta(days=delta)
    return ref - timedelta(days=(7 - delta) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday(name: str, year: int) -> date | None:
    """The date of a (mostly US) holiday in a year, or None if unknown."""
    fixed = {
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "valentine's day": (2, 14),
        "independence day": (7, 4),
        "halloween": (10, 31),
        "christmas eve": (12, 24),
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "boxing day": (12, 26),
        "veterans day": (11, 11),
        "bastille day": (7, 14),
    }
    if name in fixed:
        return date(year, *fixed[name])
    if name in ("easter", "easter sunday"):
        return easter(year)
    if name == "good friday":
        return easter(year) - timedelta(days=2)
    if name in ("thanksgiving", "thanksgiving day"):
        return nth_weekday(year, 11, 3, 4)
    if name == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    if name == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if name == "election day":
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    return None


SEASONS = ("WI", "SP", "SU", "FA")


def season_of(day: date) -> tuple[int, str]:
    """(year, TimeML season code) of a day; December counts as next year's winter."""
    if day.month == 12:
        return day.year + 1, "WI"
    return day.year, SEASONS[(day.month // 3) % 4]
