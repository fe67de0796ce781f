"""One event, many reports: file each stored event under the corpus event it reports.

Run at ingest for each new article, after its near-duplicate cluster is known
(``dedup.place``). A report joins a stored event (``event_clusters``; one
reported in the same story first, else the oldest) that has the same PLOVER type, the same actor and recipient codes (country,
else entity key), the same negated/hypothetical/future/claimed flags, no other
resolved place, and

- a report in an article of the same near-duplicate cluster (a copy of the
  same story, whatever its dates), or
- every report within ``WINDOW_DAYS`` days of it, and either both codes known
  (a dyad, a type and a few days: one event) or a near-duplicate evidence
  sentence (with an actor or a recipient unknown, the words must match).

Otherwise it starts a new event. Like near-duplicate articles, the result
depends on arrival order only at the edges of the window. Aggregates count
events, not reports (``store/events.py``).
"""

from __future__ import annotations

import re
import sqlite3

from newsgraph.dates.published import read_day
from newsgraph.store import writes

WINDOW_DAYS = 3
SIMILAR_EVIDENCE = 0.5  # Jaccard similarity of the evidence sentences' word sets
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"\w+")


def event_day(date: str | None, published: str | None) -> str | None:
    """An event's day: its own date when that names a day, else the publication day."""
    if date and _DAY.match(date):
        return date[:10]
    day = read_day(published)
    return day.isoformat() if day else None


def similar(a: str, b: str) -> bool:
    """Near-duplicate sentences: most of their words shared."""
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return bool(x and y) and len(x & y) / len(x | y) >= SIMILAR_EVIDENCE


def place(conn: sqlite3.Connection, pk: int) -> None:
    """Give each event of the stored article pk its day and the corpus event it reports."""
    for event in writes.article_events(conn, pk):
        day = event_day(event["date"], event["published"])
        writes.add_event_report(conn, event, pk, day, _match(conn, event, day))


def _match(conn: sqlite3.Connection, event: sqlite3.Row, day: str | None) -> int | None:
    """The stored event this one reports again, or None."""
    coded = event["actor"] is not None and event["recipient"] is not None
    for candidate in writes.event_candidates(conn, event, day, WINDOW_DAYS):
        reports = writes.event_reports(conn, candidate["id"])
        places = {str(r["place"]) for r in reports if r["place"] is not None}
        if event["place"] is not None and places and str(event["place"]) not in places:
            continue
        if candidate["same_story"]:
            return candidate["id"]
        if coded or any(similar(event["evidence"], r["evidence"]) for r in reports):
            return candidate["id"]
    return None
