"""Publication dates: the one reader of the forms pages, feeds and corpora write them in.

``read_published`` reads a date or a datetime in any accepted form, with no
judgement on the value (``read_day``: just its day); ``parse_published`` adds
the plausibility check and writes the ISO 8601 text the record stores.
Accepted forms:

    ISO 8601        "2023-10-09", "2023-10-09T14:03:00+02:00", "...Z", "2023-10-09 14:03",
                    basic "20231009" / "20231009T140300", week "2023-W41-1"
    ISO prefix      "2023-10-09/2023-10-10", "2023-10-09T14h03" -> the day
    RFC 2822        "Tue, 03 Jun 2019 01:30:00 +0000" (feeds, e-mail headers)
    Reuters-21578   "26-FEB-1987 15:01:01.79", "27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM"
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Reuters-21578 times, read up to the seconds: fractions and stray markup after them are dropped.
_REUTERS = re.compile(r"\d{1,2}-[A-Za-z]{3}-\d{4}\s+\d{1,2}:\d{2}:\d{2}")
# RFC 2822 always names the month; without one, the e-mail parser is not tried.
_MONTH_NAME = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
# The earliest year a publication date is believed.
EARLIEST_YEAR = 1900


def read_published(value: str | date | datetime | None) -> date | datetime | None:
    """The date (date-only input) or datetime (with its offset, if any) a value writes.

    No plausibility check: a future or ancient value is returned as read.
    None when the value is empty or in none of the accepted forms.
    """
    if value is None or isinstance(value, date):  # a datetime is a date too
        return value
    text = value.strip()
    if not text:
        return None
    if text[:4].isdigit():  # ISO 8601 starts with the year
        for reader in (date.fromisoformat, datetime.fromisoformat):
            try:
                return reader(text)
            except ValueError:
                pass
        if _ISO_DAY.match(text):
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                return None
    if m := _REUTERS.match(text):
        try:
            return datetime.strptime(m.group(), "%d-%b-%Y %H:%M:%S")
        except ValueError:
            return None
    if not _MONTH_NAME.search(text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def published_utc(value: str | date | datetime | None) -> datetime | None:
    """The moment a value writes, in UTC: a date is midnight UTC, a time without an
    offset is UTC; None when it writes none."""
    when = read_published(value)
    if when is None:
        return None
    if not isinstance(when, datetime):
        when = datetime(when.year, when.month, when.day)
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)


def read_day(value: str | date | datetime | None) -> date | None:
    """The calendar day a value writes (a datetime's day as written, offset ignored), or None."""
    when = read_published(value)
    return when.date() if isinstance(when, datetime) else when


def parse_published(value: str | date | datetime | None, *, today: date) -> str | None:
    """ISO 8601 text of a plausible publication date, else None.

    A date-only input gives "2023-10-09"; a datetime keeps its time and offset
    ("2023-10-09T14:03:00+02:00"), or stays naive as given. Dates before 1900
    or after ``today`` are refused: a page's metadata is wrong more often than
    news is published in 1870 or next year. An aware datetime is judged by its
    UTC day.
    """
    when = read_published(value)
    if when is None or when.year < EARLIEST_YEAR:
        return None
    if isinstance(when, datetime):
        day = (when.astimezone(UTC) if when.tzinfo else when).date()
        text = when.isoformat(timespec="seconds")
    else:
        day, text = when, when.isoformat()
    if day.year < EARLIEST_YEAR or day > today:
        return None
    return text
