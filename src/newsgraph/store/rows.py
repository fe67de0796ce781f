"""What every query returns (``Rows``) and the publication/event date window they share."""

from __future__ import annotations

from newsgraph.dates.published import read_day
from newsgraph.errors import QueryError


class Rows(list):
    """Query results: a list of dicts, one per row."""

    def frame(self):
        """The rows as a pandas DataFrame."""
        import pandas as pd

        return pd.DataFrame(list(self))


def day_bound(value: str | None, name: str) -> str | None:
    """A --since/--until bound as an ISO day; any publication-date form, future days too."""
    if value is None:
        return None
    day = read_day(value)
    if day is None:
        raise QueryError(f"--{name} must be a date like 2023-10-01, not {value!r}")
    return day.isoformat()


def period(since: str | None, until: str | None, col: str = "a.published") -> tuple[str, list]:
    """SQL conditions (with a leading AND) and parameters for a date window on ``col``."""
    sql, params = "", []
    if (s := day_bound(since, "since")) is not None:
        sql += f" AND {col} >= ?"
        params.append(s)
    if (u := day_bound(until, "until")) is not None:
        sql += f" AND substr({col}, 1, 10) <= ?"
        params.append(u)
    return sql, params
