"""Event queries over a corpus: who did what to whom, dyads over time, scores, the actor graph.

Each event row of the store is one report; the reports of one event in many
articles share ``events.cluster`` (``event_clusters``, filed at ingest by
``corpus/event_dedup.py``). Listings show one row per event (its earliest
report, with the number of reports) or every report; aggregates count events,
never reports, so wire copy and follow-ups do not inflate a dyad.

By default only what happened counts: events stated as negated, hypothetical
or future, and events reported as someone's claim (``claimed_by``), are left
out unless asked for. An event's day is its own date when that names a day,
else its article's publication day (``events.day``).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgraph.errors import QueryError
from newsgraph.plover import QUAD, QUAD_NAMES, QUAD_WEIGHT, TYPES
from newsgraph.store.rows import Rows, period
from newsgraph.store.schema import version

PERIODS = {"day": 10, "month": 7, "year": 4, "all": 0}
EVENTS_VERSION = 8  # the schema version from which reports are filed under events
# A value in capitals (AZE, ISR, IGO) is a code; anything else an entity key or a name.
_CODE = re.compile(r"[A-Z]{2,6}")
# What a report row says: the event, who, to whom, where, its evidence and its article.
_COLUMNS = """e.cluster AS event, e.day, e.type, e.mode, e.context,
    json_extract(e.actor, '$.text') AS actor,
    json_extract(e.actor, '$.country') AS actor_country,
    json_extract(e.actor, '$.sector') AS actor_sector, e.actor_key, ea.name AS actor_name,
    json_extract(e.recipient, '$.text') AS recipient,
    json_extract(e.recipient, '$.country') AS recipient_country,
    json_extract(e.recipient, '$.sector') AS recipient_sector, e.recipient_key,
    er.name AS recipient_name,
    json_extract(e.claimed_by, '$.text') AS claimed_by, e.claimed_key,
    e.negated, e.hypothetical, e.future, e.date,
    (SELECT p.name FROM places p WHERE p.article = e.article AND p.entity = e.place
     LIMIT 1) AS place,
    json_extract(e.trigger, '$.text') AS trigger,
    substr(a.body, e.start + 1, e."end" - e.start) AS evidence,
    e.start, e."end", a.id AS article, a.title, a.published, a.source, a.url,
    c.reports, e.article AS _pk, e.n AS _n"""
_REPORTS = """FROM events e JOIN articles a ON a.pk = e.article
    JOIN event_clusters c ON c.id = e.cluster
    LEFT JOIN entities ea ON ea.key = e.actor_key
    LEFT JOIN entities er ON er.key = e.recipient_key"""
# What ``EventFilter.where`` reads (events and the names of their actors), for a query
# that only chooses or counts reports: every report has its article, and filed ones a
# cluster.
_FILTERED = """FROM events e LEFT JOIN entities ea ON ea.key = e.actor_key
    LEFT JOIN entities er ON er.key = e.recipient_key WHERE e.cluster IS NOT NULL"""


@dataclass(frozen=True)
class EventFilter:
    """Which event reports a query reads.

    ``actor`` and ``recipient`` take a country code in capitals (``AZE``) or an entity
    key or any part of a name (``hamas``); ``sector`` is the actor's (``LEG``);
    ``since``/``until`` bound the event's day.
    """

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    sector: str | None = None
    since: str | None = None
    until: str | None = None
    include_claims: bool = False
    include_unrealised: bool = False

    def where(self, conn: sqlite3.Connection) -> tuple[str, list]:
        """SQL conditions (each with a leading AND) over ``_REPORTS``, and their parameters.
        An actor or recipient that is an entity key matches that key only."""
        sql, params = period(self.since, self.until, "e.day")
        for role, alias, value in (
            ("actor", "ea", self.actor),
            ("recipient", "er", self.recipient),
        ):
            if value is None:
                continue
            if _CODE.fullmatch(value):
                sql += f" AND json_extract(e.{role}, '$.country') = ?"
                params.append(value)
            elif conn.execute("SELECT 1 FROM entities WHERE key = ?", (value,)).fetchone():
                sql += f" AND e.{role}_key = ?"
                params.append(value)
            else:
                sql += f""" AND (instr(lower({alias}.name), lower(?)) > 0
                            OR instr(lower(json_extract(e.{role}, '$.text')), lower(?)) > 0)"""
                params += [value] * 2
        if self.type is not None:
            if self.type.upper() not in TYPES:
                raise QueryError(f"--type must be one of {', '.join(TYPES)}, not {self.type!r}")
            sql += " AND e.type = ?"
            params.append(self.type.upper())
        if self.sector is not None:
            sql += " AND upper(json_extract(e.actor, '$.sector')) = ?"
            params.append(self.sector.upper())
        if not self.include_claims:
            sql += " AND e.claimed_by IS NULL"
        if not self.include_unrealised:
            sql += " AND NOT (e.negated OR e.hypothetical OR e.future)"
        return sql, params


def _check(conn: sqlite3.Connection) -> None:
    """A store older than the event tables is a clear error, not an SQL one (readers do not
    migrate)."""
    if (found := version(conn)) < EVENTS_VERSION:
        raise QueryError(
            f"the store has schema version {found}; event queries need {EVENTS_VERSION}: "
            "write to it once with this newsgraph (newsgraph ingest) to migrate it"
        )


def listing(
    conn: sqlite3.Connection,
    where: EventFilter,
    *,
    collapse: bool = True,
    limit: int | None = 100,
    offset: int = 0,
) -> Rows:
    """Event reports with their evidence sentence and article, newest first; with
    ``collapse`` one row per event: its earliest report matching the filter."""
    _check(conn)
    sql, params = where.where(conn)
    # The page's reports first, from the columns that choose them; then their whole rows.
    query = f"""WITH chosen AS (
            SELECT e.article, e.n, e.day,
                   row_number() OVER (PARTITION BY e.cluster ORDER BY e.day, e.article, e.n) AS _nth
            {_FILTERED}{sql}),
        page AS (
            SELECT article, n FROM chosen {"WHERE _nth = 1" if collapse else ""}
            ORDER BY day DESC NULLS LAST, article, n LIMIT ? OFFSET ?)
        SELECT {_COLUMNS} {_REPORTS} JOIN page ON page.article = e.article AND page.n = e.n
        ORDER BY e.day DESC NULLS LAST, e.article, e.n"""
    return Rows(
        _report(row)
        for row in conn.execute(query, [*params, -1 if limit is None else limit, offset])
    )


def count(conn: sqlite3.Connection, where: EventFilter, *, collapse: bool = True) -> int:
    """How many rows ``listing`` has in all: events (``collapse``) or reports."""
    _check(conn)
    sql, params = where.where(conn)
    what = "DISTINCT e.cluster" if collapse else "*"
    return conn.execute(f"SELECT count({what}) {_FILTERED}{sql}", params).fetchone()[0]


def _report(row: sqlite3.Row) -> dict:
    """A report row as returned: store-internal columns dropped, flags bool, context a list."""
    out = {k: row[k] for k in row.keys() if not k.startswith("_")}
    for flag in ("negated", "hypothetical", "future"):
        out[flag] = bool(out[flag])
    out["context"] = json.loads(out["context"] or "[]")
    return out


def reports(conn: sqlite3.Connection, where: EventFilter) -> Iterator[dict]:
    """Every report, event by event (by event id, then day, article and position), with
    ``listing``'s columns and what a GDELT row needs besides: the place's lat, lon, country,
    GeoNames id and feature (``place_*``), the article's tone, whether the report is in the
    article's lead paragraph (``lead``), and when the article was stored (``added``)."""
    _check(conn)
    sql, params = where.where(conn)
    cursor = conn.execute(
        f"""SELECT {_COLUMNS}, p.lat AS place_lat, p.lon AS place_lon,
                   p.country AS place_country, p.geonameid AS place_geonameid,
                   p.feature AS place_feature, json_extract(a.tone, '$.tone') AS tone,
                   CASE WHEN instr(a.body, char(10)) = 0 THEN 1
                        ELSE e.start < instr(a.body, char(10)) - 1 END AS lead,
                   r.started AS added
            {_REPORTS}
            LEFT JOIN places p ON p.article = e.article AND p.n = (
                SELECT min(n) FROM places WHERE article = e.article AND entity = e.place)
            JOIN runs r ON r.id = a.run_id
            WHERE 1{sql} ORDER BY e.cluster, e.day, e.article, e.n""",
        params,
    )
    while rows := cursor.fetchmany(1000):
        for row in rows:
            out = _report(row)
            out["lead"] = bool(out["lead"])
            yield out


def dyads(conn: sqlite3.Connection, where: EventFilter, by: str = "month") -> Rows:
    """Actor -> recipient code pairs by event type and period (of the event's first day):
    ``events`` (distinct events) and ``reports``; only events with both codes known."""
    _check(conn)
    if by not in PERIODS:
        raise QueryError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    sql, params = where.where(conn)
    span = f"substr(c.first_day, 1, {PERIODS[by]})" if PERIODS[by] else "NULL"
    return Rows(
        dict(r)
        for r in conn.execute(
            f"""SELECT {span} AS period, c.actor, c.recipient, c.type,
                       count(DISTINCT c.id) AS events, count(*) AS reports
                {_REPORTS}
                WHERE c.actor IS NOT NULL AND c.recipient IS NOT NULL{sql}
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4""",
            params,
        )
    )


def scores(conn: sqlite3.Connection, where: EventFilter, by: str = "month") -> Rows:
    """A cooperation/conflict score per dyad and period from PLOVER's quad categories:
    events per quad, ``score`` = their sum weighted +1 verbal cooperation, +2 material
    cooperation, -1 verbal conflict, -2 material conflict (``plover.QUAD_WEIGHT``), and
    ``mean`` = score per event."""
    out: dict[tuple, dict] = {}
    for r in dyads(conn, where, by):
        quad = QUAD.get(r["type"])
        if quad is None:  # not a PLOVER type: no quad, no score
            continue
        key = (r["period"], r["actor"], r["recipient"])
        row = out.setdefault(
            key,
            {
                "period": r["period"],
                "actor": r["actor"],
                "recipient": r["recipient"],
                **{name: 0 for name in QUAD_NAMES.values()},
                "events": 0,
                "score": 0,
            },
        )
        row[QUAD_NAMES[quad]] += r["events"]
        row["events"] += r["events"]
        row["score"] += QUAD_WEIGHT[quad] * r["events"]
    for row in out.values():
        row["mean"] = round(row["score"] / row["events"], 3)
    return Rows(out.values())


@dataclass
class Graph:
    """The actor graph: nodes are actor codes (countries, else entity keys), edges one per
    actor, recipient and event type, weighted by events."""

    nodes: Rows = field(default_factory=Rows)
    edges: Rows = field(default_factory=Rows)

    def to_dict(self) -> dict:
        return {"nodes": list(self.nodes), "edges": list(self.edges)}


def graph(conn: sqlite3.Connection, where: EventFilter) -> Graph:
    """Edges ``source -> target`` by event type with event and report counts; nodes with
    their name (the entity's, for an entity key) and events sent (``out``) and received."""
    edges = Rows(
        {
            "source": r["actor"],
            "target": r["recipient"],
            "type": r["type"],
            "events": r["events"],
            "reports": r["reports"],
        }
        for r in dyads(conn, where, "all")
    )
    nodes: dict[str, dict] = {}
    for edge in edges:
        for end, direction in (("source", "out"), ("target", "in")):
            node = nodes.setdefault(edge[end], {"id": edge[end], "name": None, "out": 0, "in": 0})
            node[direction] += edge["events"]
    keys = [k for k in nodes if not _CODE.fullmatch(k)]
    if keys:
        marks = ",".join("?" * len(keys))
        for key, name in conn.execute(
            f"SELECT key, name FROM entities WHERE key IN ({marks})", keys
        ):
            nodes[key]["name"] = name
    return Graph(Rows(sorted(nodes.values(), key=lambda n: n["id"])), edges)
