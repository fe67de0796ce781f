"""The dateline a page shows its readers, read as written: month name, day, year, time, zone.

"Nov 18, 2019 at 9:24 pm ET", "11:26 pm EST, Tuesday, November 19, 2019",
"18 Nov 2019, 19:09", "Posted Nov 18, 8:19 PM" (the year taken from a
reference day). Only forms with a month name are read: "11/12/19" could be
either day. A zone written after the time gives the offset (US zones
without S/D by the US summer-time rule); without one the time is naive.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from lxml.html import HtmlElement

from newsgraph.clean.html_classes import ClassIndex

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = re.compile(
    rf"\b(?:(?P<mon>{_MON})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?"
    rf"|(?P<day2>{_DAY})\.?\s+(?P<mon2>{_MON})(?:,?\s+(?P<year2>{_YEAR})\b)?)",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b(?P<h>\d{1,2})[:.](?P<m>\d{2})(?!\d)\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
    r"(?:\s*(?P<zone>[A-Z]{2,4})\b)?",
    re.IGNORECASE,
)
_ZONE_MINUTES = {
    "gmt": 0, "utc": 0, "bst": 60, "cet": 60, "cest": 120, "ist": 330, "jst": 540,
    "aest": 600, "aedt": 660, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
}  # fmt: skip
_EDITED = re.compile(r"updated|modified|edited", re.IGNORECASE)
_US_ZONES = {"et": -300, "ct": -360, "mt": -420, "pt": -480}
_DATELINE_XPATH = "//time | //@itemprop[contains(., 'date')]/.."
_DATELINE_CLASSES = ("date", "time", "Date", "Time", "publish", "posted")


def _us_summer(day: date) -> bool:
    """US summer time: from the second Sunday of March to the first Sunday of November."""
    march = date(day.year, 3, 8)
    start = march + timedelta(days=(6 - march.weekday()) % 7)
    november = date(day.year, 11, 1)
    end = november + timedelta(days=(6 - november.weekday()) % 7)
    return start <= day < end


def _offset(zone: str, day: date) -> timezone | None:
    zone = zone.lower()
    if zone in _ZONE_MINUTES:
        return timezone(timedelta(minutes=_ZONE_MINUTES[zone]))
    if zone in _US_ZONES:
        return timezone(timedelta(minutes=_US_ZONES[zone] + 60 * _us_summer(day)))
    return None


def read_dateline(text: str, reference: date) -> date | datetime | None:
    """The day (and time, with its offset when a zone is written) a dateline text shows.

    ``reference`` gives the year when the text writes none (the nearest year
    to it). None when the text names no month and day.
    """
    m = _DATE.search(text)
    if m is None:
        return None
    month = _MONTHS[(m.group("mon") or m.group("mon2"))[:3].lower()]
    day_text = re.match(r"\d+", m.group("day") or m.group("day2"))
    year_text = m.group("year") or m.group("year2")
    if day_text is None:
        return None
    year = int(year_text) if year_text else reference.year
    if not year_text and abs(month - reference.month) > 6:  # "Dec 31" read in January
        year += 1 if month < reference.month else -1
    try:
        day = date(year, month, int(day_text.group()))
    except ValueError:
        return None
    t = _TIME.search(text)
    if t is None:
        return day
    hour, minute = int(t.group("h")), int(t.group("m"))
    ampm = (t.group("ampm") or "").lower()[:1]
    if ampm:
        if not 1 <= hour <= 12:
            return day
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59:
        return day
    tz = _offset(t.group("zone") or "", day)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def datelines(tree: HtmlElement, classes: ClassIndex, reference: date) -> list[date | datetime]:
    """The dates the page shows: ``<time>`` and microdata elements, then date-classed ones.

    A text that says it was updated or modified is left out: it dates a later edit.
    """
    found: list[date | datetime] = []
    marked = tree.xpath(_DATELINE_XPATH)
    classed = [el for el in classes.having(*_DATELINE_CLASSES) if el not in marked]
    for el in (marked + classed)[:30]:
        text = " ".join(el.text_content().split())
        if not 6 <= len(text) <= 120 or _EDITED.search(text):
            continue
        if when := read_dateline(text, reference):
            found.append(when)
    return found
