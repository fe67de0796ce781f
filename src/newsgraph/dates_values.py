"""The result of normalising one expression, and the context it is resolved in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Resolved:
    """A TimeML value with its granularity and whether it rests on explicit calendar text."""

    value: str
    granularity: str
    reliable: bool


@dataclass(frozen=True)
class Context:
    """What an expression is resolved against.

    ``ref`` is the reference date (publication date); ``tense`` ("past",
    "future" or None) is the tense of the clause the expression sits in and
    picks the direction of bare "Friday" or "June"; ``quarterly`` says the
    clause talks about quarters (earnings reports), so "a year earlier" means
    the same quarter a year before.
    """

    ref: date | None = None
    tense: str | None = None
    quarterly: bool = False


def as_date(reference: str | date | datetime | None) -> date | None:
    """A reference given as ISO text, date or datetime, as a date (None if unreadable)."""
    if reference is None or reference == "":
        return None
    if isinstance(reference, datetime):
        return reference.date()
    if isinstance(reference, date):
        return reference
    text = str(reference).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
