"""read_dateline: the date and time a page shows, as written, with the zone it names."""

from datetime import date, datetime, timedelta, timezone

import pytest

from newsgraph.clean.html_dateline import read_dateline


def zone(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


REF = date(2019, 11, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov 18, 2019 at 9:24 pm ET", datetime(2019, 11, 18, 21, 24, tzinfo=zone(-5))),
        ("Jun 3, 2019 at 9:24 pm ET", datetime(2019, 6, 3, 21, 24, tzinfo=zone(-4))),
        (
            "11:26 pm EST, Tuesday, November 19, 2019",
            datetime(2019, 11, 19, 23, 26, tzinfo=zone(-5)),
        ),
        ("Published: Nov. 19, 2019, 6:18 p.m.", datetime(2019, 11, 19, 18, 18)),
        ("18 Nov 2019, 19:09", datetime(2019, 11, 18, 19, 9)),
        ("November 18, 2019 -- 19:14 GMT", datetime(2019, 11, 18, 19, 14, tzinfo=zone(0))),
        ("Posted Nov 18, 8:19 PM", datetime(2019, 11, 18, 20, 19)),
        ("Monday, November 18th, 2019", date(2019, 11, 18)),
        ("Dec 31", date(2018, 12, 31)),
        ("11/12/19 6:38 AM", None),
        ("3 min read", None),
    ],
)
def test_dateline_forms(text, expected):
    reference = date(2019, 1, 2) if text == "Dec 31" else REF
    assert read_dateline(text, reference) == expected
