"""The local publication date behind a UTC-normalised one.

Many sites write their JSON-LD time in UTC ("2019-06-03T01:30:00Z") while
the story came out the evening before where it was written: the page's
visible date, another meta with its offset, or the URL (/2019/06/02/) say
so. When one of them is the same moment with its offset, or a day a local
zone could give that moment, it is the better value.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from newsgraph.dates.published import parse_published, read_published

_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:/|$|[-_.])")
# the offsets local clocks keep: UTC-12 to UTC+14
_ZONES = (timedelta(hours=-12), timedelta(hours=14))


def url_day(url: str | None) -> str | None:
    """The day a URL writes as /yyyy/mm/dd/, as ISO text."""
    m = _URL_DAY.search(url or "")
    return "-".join(m.groups()) if m else None


def _is_utc(when: date | datetime | None) -> bool:
    return isinstance(when, datetime) and when.utcoffset() == timedelta(0)


def local_published(
    published: str, others: list[tuple[str, str]], today: date
) -> tuple[str, str] | None:
    """A better (value, provenance) than a UTC ``published``, from ``others`` in order; or None.

    ``others`` are (value, provenance) pairs the page also gives. Taken: the
    same moment with a non-zero offset, or a date-only value whose day differs
    from the UTC day but is that moment's day in some zone. A date-only value
    on the UTC day confirms it.
    """
    when = read_published(published)
    if not isinstance(when, datetime) or not _is_utc(when):
        return None
    local_days = {(when + zone).date() for zone in _ZONES}
    for value, source in others:
        text = parse_published(value, today=today)
        other = read_published(text)
        if other is None or _is_utc(other):
            continue
        if isinstance(other, datetime) and other.tzinfo:
            if other == when:
                return text, source
            continue
        day = other.date() if isinstance(other, datetime) else other
        if day == when.date():
            return None
        if day in local_days:
            return text, source
    return None
