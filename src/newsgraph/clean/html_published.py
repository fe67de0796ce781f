"""The local publication date behind a UTC-normalised one.

Many sites write their JSON-LD time in UTC ("2019-06-03T01:30:00Z") while
the story came out the evening before where it was written: the page's
visible date, another meta with its offset, or the URL (/2019/06/02/ or
/2019/jun/02/) say so. A value with an offset gives the page's zone; a
local time of day shown without one gives it too, by its distance from the
UTC time; a date alone is taken when a local zone could give that moment.
Some pages write the UTC clock with a local offset ("04:31:13-06:00" beside
"04:31:13+00:00") or with none: that value is the UTC one. A time with no
offset and no UTC twin takes the zone of a shown time on the same clock, or
the URL's day.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from newsgraph.dates.published import parse_published, read_published

_URL_DAY = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{2}|[a-z]{3})[/-](\d{2})(?:/|$|[-_.])", re.IGNORECASE
)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
# the offsets local clocks keep: UTC-12 to UTC+14
_ZONES = (timedelta(hours=-12), timedelta(hours=14))
# a stamp with an offset this close to the moment is of the same story: its zone is the page's
_SAME_STORY = timedelta(days=1)
_DECLARED = frozenset({"meta", "json-ld"})


def url_day(url: str | None) -> str | None:
    """The day a URL writes as /yyyy/mm/dd/ or /yyyy/mon/dd/, as ISO text."""
    m = _URL_DAY.search(url or "")
    if m is None:
        return None
    year, month, day = m.groups()
    if not month.isdigit():
        if month.lower() not in _MONTHS:
            return None
        month = f"{_MONTHS.index(month.lower()) + 1:02d}"
    return f"{year}-{month}-{day}"


def utc_clock(published: str, others: list[str]) -> str | None:
    """``published`` (naive, or with a local offset) as UTC when another value writes its
    clock time with a zero offset."""
    when = read_published(published)
    if not isinstance(when, datetime) or _is_utc(when):
        return None
    for value in others:
        other = read_published(value)
        if _is_utc(other) and other.replace(tzinfo=None) == when.replace(tzinfo=None):
            return other.isoformat()
    return None


def _is_utc(when: date | datetime | None) -> bool:
    return isinstance(when, datetime) and when.utcoffset() == timedelta(0)


def _minutes(when: datetime) -> datetime:
    """The wall-clock time to the minute, without an offset."""
    return when.replace(tzinfo=None, second=0, microsecond=0)


def _zone_of(local: datetime, when: datetime) -> timezone | None:
    """The offset that turns UTC ``when`` into the naive ``local`` time of day, if a zone has it."""
    delta = _minutes(local) - _minutes(when)
    if _ZONES[0] <= delta <= _ZONES[1] and not delta % timedelta(minutes=15):
        return timezone(delta)
    return None


def _in_zone(when: datetime, naive: bool, other: datetime) -> str | None:
    """``when`` in the zone of ``other``, a time with an offset, or None when they are not
    the same story's. A naive ``when`` must show the same clock as ``other`` (local time)
    or as ``other`` in UTC; a UTC one be within a day of it."""
    if not naive:
        return (
            when.astimezone(other.tzinfo).isoformat() if abs(other - when) <= _SAME_STORY else None
        )
    if _minutes(other) == _minutes(when):
        return when.replace(tzinfo=other.tzinfo).isoformat()
    if _minutes(other.astimezone(UTC)) == _minutes(when):
        return when.replace(tzinfo=UTC).astimezone(other.tzinfo).isoformat()
    return None


def local_published(
    published: str, others: list[tuple[str, str]], today: date
) -> tuple[str, str] | None:
    """A better (value, provenance) than a UTC or naive ``published``, from ``others``; or None.

    ``others`` are (value, provenance) pairs the page also gives, read in
    order, times before days. Taken: the moment in the zone of a value with a
    non-zero offset written within a day of it (for a naive ``published``: at
    the same clock time, local or UTC), or of a naive time of day a zone's clock
    would show; else a day that differs from the UTC day but is that moment's
    day in some zone (for a naive ``published``, read as UTC, the URL's day
    only). A time shown on the UTC clock, or a day equal to the UTC day,
    confirms it.
    """
    when = read_published(published)
    if not isinstance(when, datetime):
        return None
    naive = when.tzinfo is None
    if not naive and not _is_utc(when):
        return None
    read = [(read_published(parse_published(v, today=today)), source) for v, source in others]
    days: list[tuple[date, str]] = []
    for other, source in read:
        if other is None or _is_utc(other) or str(other) == str(when):  # the same value again
            continue
        if isinstance(other, datetime) and other.tzinfo:
            if local := _in_zone(when, naive, other):
                return local, source
            continue
        if isinstance(other, datetime) and not naive and (zone := _zone_of(other, when)):
            if zone.utcoffset(None):
                return when.astimezone(zone).isoformat(), source
            if source not in _DECLARED:
                return None  # the page shows the UTC clock
            continue  # metadata writing the UTC time without its "Z"
        days.append((other.date() if isinstance(other, datetime) else other, source))
    local_days = {(when + zone).date() for zone in _ZONES}
    for day, source in days:
        if naive and source != "url":  # only the URL's day is sure enough against a naive time
            continue
        if day == when.date():
            return None
        if day in local_days:
            return day.isoformat(), source
    return None
