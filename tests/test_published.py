"""dates.published: one reader for every form a publication date comes in, one plausibility rule."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from newsgraph.dates.published import parse_published, read_published

TODAY = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # ISO 8601 dates and datetimes, with and without offset
        ("2023-10-09", "2023-10-09"),
        ("  2023-10-09 ", "2023-10-09"),
        ("2023-10-09T14:03:00+02:00", "2023-10-09T14:03:00+02:00"),
        ("2023-10-09T14:03:00", "2023-10-09T14:03:00"),
        ("2023-10-09T14:03", "2023-10-09T14:03:00"),
        ("2023-10-09T08:30:00Z", "2023-10-09T08:30:00+00:00"),
        ("2023-10-09T08:30:00.123Z", "2023-10-09T08:30:00+00:00"),
        ("2023-10-09 14:03:00", "2023-10-09T14:03:00"),
        ("2023-10-09T00:00:00", "2023-10-09T00:00:00"),
        ("2023-W41-1", "2023-10-09"),
        # compact yyyymmdd (and ISO basic datetimes)
        ("20231009", "2023-10-09"),
        ("20231009T143000", "2023-10-09T14:30:00"),
        # an ISO day followed by something unreadable: the day
        ("2023-10-09/2023-10-10", "2023-10-09"),
        ("2023-10-09T14h03", "2023-10-09"),
        # RFC 2822, with an offset, or -0000 (no zone known: naive)
        ("Tue, 03 Jun 2019 01:30:00 +0000", "2019-06-03T01:30:00+00:00"),
        ("Mon, 09 Oct 2023 14:03:00 +0200", "2023-10-09T14:03:00+02:00"),
        ("03 Jun 2019 01:30:00 -0000", "2019-06-03T01:30:00"),
        # Reuters-21578, fraction of a second dropped
        ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"),
        ("5-MAR-1987 09:08:07", "1987-03-05T09:08:07"),
        ("3-MAR-1987  10:16:24.19", "1987-03-03T10:16:24"),
        ("27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM", "1987-03-27T00:02:59"),
        ("9-APR-1987 00:00:00.00    # date added by S Finch as guesswork ", "1987-04-09T00:00:00"),
        # objects
        (date(2023, 10, 9), "2023-10-09"),
        (datetime(2023, 10, 9, 14, 3), "2023-10-09T14:03:00"),
        (
            datetime(2023, 10, 9, 14, 3, tzinfo=timezone(timedelta(hours=2))),
            "2023-10-09T14:03:00+02:00",
        ),
    ],
)
def test_every_accepted_form_reads_to_iso_8601(value, expected):
    assert parse_published(value, today=TODAY) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "not a date",
        "June 3, 2019",
        "2023-13-45",
        "2023-02-30",
        "32-FEB-1987 15:01:01",
        "12345678",
        "garbage",
    ],
)
def test_unreadable_values_are_none(value):
    assert parse_published(value, today=TODAY) is None


@pytest.mark.parametrize(
    "value",
    [
        "1899-12-31",
        "1850-01-01",
        "18991231",
        "Sun, 31 Dec 1899 23:00:00 +0000",
        "2024-06-02",
        "2999-01-01",
        "2999-01-01T00:00:00Z",
        "20240602",
        date(2024, 6, 2),
        # 00:30 on 2 June at +00:00 is after today; so is 23:30 UTC on 1 June written at -01:00
        "2024-06-02T00:30:00+00:00",
        "2024-06-01T23:30:00-01:00",
    ],
)
def test_dates_before_1900_or_after_today_are_refused(value):
    assert parse_published(value, today=TODAY) is None


def test_today_and_1900_are_the_bounds():
    assert parse_published("2024-06-01", today=TODAY) == "2024-06-01"
    assert parse_published("1900-01-01", today=TODAY) == "1900-01-01"
    # written ahead of UTC: 1 June at +02:00 is 31 May 22:00 UTC, not the future
    assert parse_published("2024-06-01T00:00:00+02:00", today=TODAY) == "2024-06-01T00:00:00+02:00"


def test_the_reader_keeps_future_values_and_says_what_it_read():
    assert read_published("2999-01-01") == date(2999, 1, 1)
    assert read_published("2023-10-09T08:30:00Z") == datetime(2023, 10, 9, 8, 30, tzinfo=UTC)
    assert type(read_published("20231009")) is date
    assert read_published("nope") is None


def test_the_pipeline_reads_a_feed_date_given_by_the_caller():
    import newsgraph
    from newsgraph.options import Options

    text = "The city council of Leeds voted on Tuesday to close two libraries."
    opts = Options(annotators=())
    art = newsgraph.extract(
        text, clean=False, published="Tue, 03 Jun 2019 01:30:00 +0000", options=opts
    )
    assert art.published == "2019-06-03T01:30:00+00:00"
    assert art.provenance.published == "input"
