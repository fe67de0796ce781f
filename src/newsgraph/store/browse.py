"""Browsing a store a page at a time: articles, full-text search over articles and quotes,
quotes, actors, places, and an article's near-duplicates.

Every listing returns a ``Page`` (its rows and the total that match) and takes a
``Filters``: a publication-date window, a source, a speaker, an entity, a place and
an event type, each optional. Search snippets mark each hit between ``MARK_START``
and ``MARK_END``, two private-use characters no text holds: a page escapes the
snippet first, then turns them into ``<mark>`` and ``</mark>``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from newsgraph.errors import NotFoundError, QueryError
from newsgraph.plover import TYPES
from newsgraph.store.rows import Rows, period

MARK_START, MARK_END = "\ue000", "\ue001"
ELLIPSIS = "…"
SNIPPET_TOKENS = 24
SEARCH_KINDS = ("articles", "quotes")


@dataclass
class Page:
    """One page of a listing: its rows, how many rows match in all, and where it starts."""

    rows: Rows
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.rows}


@dataclass(frozen=True)
class Filters:
    """Which articles a listing reads; every field is optional.

    ``source`` is an outlet exactly as stored; ``speaker`` and ``entity`` an entity key
    (``person:ivan peric``) or any part of a name, any case; ``place`` a place name
    (any case) or a GeoNames id; ``event_type`` a PLOVER type (``ACCUSE``) some event of
    the article has; ``since``/``until`` publication days, inclusive.
    """

    since: str | None = None
    until: str | None = None
    source: str | None = None
    speaker: str | None = None
    entity: str | None = None
    place: str | None = None
    event_type: str | None = None

    def where(self, conn: sqlite3.Connection, *, quotes: bool = False) -> tuple[str, list]:
        """SQL conditions (each with a leading AND) over articles ``a`` (and quotes ``q``
        when ``quotes``: the speaker is then the quote's own), and their parameters.

        A speaker or entity that is an entity key matches that key only (through its
        index); anything else matches names that contain it."""
        sql, params = period(self.since, self.until)
        if self.source:
            sql += " AND a.source = ?"
            params.append(self.source)
        if self.speaker:
            q = "q." if quotes else ""
            if _is_key(conn, self.speaker):
                said, said_params = f"{q}speaker_key = ?", [self.speaker]
            else:
                said = f"({q}speaker_key IN {_NAMED} OR instr(lower({q}speaker), lower(?)) > 0)"
                said_params = [self.speaker, self.speaker]
            if quotes:
                sql += f" AND {said}"
            else:
                sql += f" AND a.pk IN (SELECT article FROM quotes WHERE {said})"
            params += said_params
        if self.entity:
            if _is_key(conn, self.entity):
                sql += " AND a.pk IN (SELECT article FROM article_entities WHERE key = ?)"
            else:
                sql += f" AND a.pk IN (SELECT article FROM article_entities WHERE key IN {_NAMED})"
            params.append(self.entity)
        if self.place:
            geonameid = int(self.place) if _GEONAMEID.fullmatch(self.place) else None
            sql += """ AND a.pk IN (SELECT article FROM places
                                    WHERE name = ? COLLATE NOCASE OR geonameid = ?)"""
            params += [self.place, geonameid]
        if self.event_type:
            if self.event_type.upper() not in TYPES:
                raise QueryError(
                    f"event type must be one of {', '.join(TYPES)}, not {self.event_type!r}"
                )
            sql += " AND a.pk IN (SELECT article FROM events WHERE type = ?)"
            params.append(self.event_type.upper())
        return sql, params


NO_FILTERS = Filters()
_GEONAMEID = re.compile(r"[0-9]{1,18}")  # ASCII digits that fit an SQLite integer
# The keys of the entities whose name contains a value (one parameter).
_NAMED = "(SELECT key FROM entities WHERE instr(lower(name), lower(?)) > 0)"


def _is_key(conn: sqlite3.Connection, value: str) -> bool:
    """Whether ``value`` is an entity key of the store."""
    return conn.execute("SELECT 1 FROM entities WHERE key = ?", (value,)).fetchone() is not None


_ARTICLE = """a.id, a.title, a.published, a.source, a.url, a.cluster_id AS cluster,
    a.syndicated, a.agency,
    (SELECT c.size - 1 FROM clusters c WHERE c.id = a.cluster_id) AS duplicates"""


def _article_row(row: sqlite3.Row) -> dict:
    out = dict(row)
    out["syndicated"] = bool(out["syndicated"])
    out["duplicates"] = out["duplicates"] or 0
    return out


def articles(
    conn: sqlite3.Connection, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0
) -> Page:
    """Articles newest first, each with its first words (``lead``) and how many
    near-duplicates it has (``duplicates``)."""
    where, params = filters.where(conn)
    total = conn.execute(f"SELECT count(*) FROM articles a WHERE 1{where}", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT {_ARTICLE}, substr(a.body, 1, 300) AS lead FROM articles a WHERE 1{where}
            ORDER BY a.published DESC NULLS LAST, a.pk DESC LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return Page(Rows(_article_row(r) for r in rows), total, limit, offset)


def search(
    conn: sqlite3.Connection,
    query: str,
    filters: Filters = NO_FILTERS,
    *,
    kind: str = "articles",
    limit: int = 20,
    offset: int = 0,
) -> Page:
    """Articles (``kind="articles"``, best first, with the title and a snippet marked) or
    quotes (``kind="quotes"``, best first, the quote's text marked) matching an FTS5 query.

    Raises:
        QueryError: an empty or malformed query, an unknown kind or event type.
    """
    if not query.strip():
        raise QueryError("empty search query")
    if kind not in SEARCH_KINDS:
        raise QueryError(f"search kind must be one of {', '.join(SEARCH_KINDS)}, not {kind!r}")
    try:
        if kind == "quotes":
            return _search_quotes(conn, query, filters, limit, offset)
        return _search_articles(conn, query, filters, limit, offset)
    except sqlite3.OperationalError as exc:
        raise QueryError(f"malformed search query {query!r}: {exc}") from None


def _search_articles(
    conn: sqlite3.Connection, query: str, filters: Filters, limit: int, offset: int
) -> Page:
    where, params = filters.where(conn)
    hits = f"""FROM articles_fts f JOIN articles a ON a.pk = f.rowid
               WHERE articles_fts MATCH ?{where}"""
    total = conn.execute(f"SELECT count(*) {hits}", [query, *params]).fetchone()[0]
    chosen = [
        (pk, score)
        for pk, score in conn.execute(
            f"SELECT a.pk, f.rank {hits} ORDER BY f.rank LIMIT ? OFFSET ?",
            [query, *params, limit, offset],
        )
    ]
    if not chosen:
        return Page(Rows(), total, limit, offset)
    marks = ",".join("?" * len(chosen))
    details = {
        r["pk"]: r
        for r in conn.execute(
            f"""SELECT a.pk, {_ARTICLE},
                   highlight(articles_fts, 0, ?, ?) AS title_marked,
                   snippet(articles_fts, 1, ?, ?, ?, {SNIPPET_TOKENS}) AS snippet
                FROM articles_fts f JOIN articles a ON a.pk = f.rowid
                WHERE articles_fts MATCH ? AND f.rowid IN ({marks})""",
            [MARK_START, MARK_END, MARK_START, MARK_END, ELLIPSIS, query, *(c[0] for c in chosen)],
        )
    }
    rows = Rows()
    for pk, score in chosen:
        row = _article_row(details[pk])
        del row["pk"]
        row["score"] = round(-score, 4)
        rows.append(row)
    return Page(rows, total, limit, offset)


_QUOTE = """q.id, q.text, q.kind, coalesce(e.name, q.speaker) AS speaker, q.speaker_key,
    q.role, q.cue, q.venue, q.start, q."end", a.id AS article, a.title, a.published,
    a.source, a.url"""


def _search_quotes(
    conn: sqlite3.Connection, query: str, filters: Filters, limit: int, offset: int
) -> Page:
    where, params = filters.where(conn, quotes=True)
    hits = f"""FROM quotes_fts f JOIN quotes q ON q.id = f.rowid
               JOIN articles a ON a.pk = q.article LEFT JOIN entities e ON e.key = q.speaker_key
               WHERE quotes_fts MATCH ?{where}"""
    total = conn.execute(f"SELECT count(*) {hits}", [query, *params]).fetchone()[0]
    rows = conn.execute(
        f"""SELECT {_QUOTE}, highlight(quotes_fts, 0, ?, ?) AS snippet, f.rank AS score {hits}
            ORDER BY f.rank LIMIT ? OFFSET ?""",
        [MARK_START, MARK_END, query, *params, limit, offset],
    )
    out = Rows()
    for r in rows:
        row = dict(r)
        row["score"] = round(-row["score"], 4)
        out.append(row)
    return Page(out, total, limit, offset)


def quotes(
    conn: sqlite3.Connection, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0
) -> Page:
    """Quotes newest first, with their speaker (the entity's name when resolved) and
    article."""
    where, params = filters.where(conn, quotes=True)
    tables = """FROM quotes q JOIN articles a ON a.pk = q.article
                LEFT JOIN entities e ON e.key = q.speaker_key"""
    total = conn.execute(f"SELECT count(*) {tables} WHERE 1{where}", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT {_QUOTE} {tables} WHERE 1{where}
            ORDER BY a.published DESC NULLS LAST, a.pk DESC, q.n LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return Page(Rows(dict(r) for r in rows), total, limit, offset)


def actors(
    conn: sqlite3.Connection,
    *,
    name: str | None = None,
    type: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Page:
    """Entities (people, organisations, places ...) by the number of articles that name
    them, with how many quotes they have; ``name`` any part of a name, ``type`` a spaCy
    label (``PERSON``)."""
    sql, params = "", []
    if name:
        sql += " AND (en.key = ? OR instr(lower(en.name), lower(?)) > 0)"
        params += [name, name]
    if type:
        sql += " AND en.type = ?"
        params.append(type.upper())
    total = conn.execute(f"SELECT count(*) FROM entities en WHERE 1{sql}", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT en.key, en.name, en.type, en.country,
                (SELECT count(*) FROM article_entities ae WHERE ae.key = en.key) AS articles,
                (SELECT count(*) FROM quotes q WHERE q.speaker_key = en.key) AS quotes
            FROM entities en WHERE 1{sql}
            ORDER BY articles DESC, en.key LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return Page(Rows(dict(r) for r in rows), total, limit, offset)


def places(
    conn: sqlite3.Connection, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0
) -> Page:
    """Places named in the articles, most articles first, with their coordinates when the
    gazetteer knew them (one row per GeoNames id, else per name)."""
    where, params = filters.where(conn)
    grouped = f"""FROM places p JOIN articles a ON a.pk = p.article WHERE 1{where}
                  GROUP BY coalesce(p.geonameid, lower(p.name))"""
    total = conn.execute(f"SELECT count(*) FROM (SELECT 1 {grouped})", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT p.name, p.country, p.lat, p.lon, p.geonameid, p.feature,
                   count(DISTINCT a.pk) AS articles, count(DISTINCT a.cluster_id) AS stories
            {grouped} ORDER BY stories DESC, articles DESC, p.name LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return Page(Rows(dict(r) for r in rows), total, limit, offset)


@dataclass
class Copies:
    """An article's near-duplicate cluster: the cluster's agency, and its other members,
    the wire copies (``syndicated``) among them flagged."""

    cluster: int
    agency: str | None
    members: Rows = field(default_factory=Rows)

    def to_dict(self) -> dict:
        return {
            "cluster": self.cluster,
            "agency": self.agency,
            "near_duplicates": list(self.members),
            "wire_copies": [m for m in self.members if m["syndicated"]],
        }


def copies(conn: sqlite3.Connection, article_id: str) -> Copies:
    """The other members of an article's near-duplicate cluster, oldest first.

    Raises:
        QueryError: no article has that id.
    """
    row = conn.execute(
        """SELECT a.pk, a.cluster_id, c.agency FROM articles a
           LEFT JOIN clusters c ON c.id = a.cluster_id WHERE a.id = ?""",
        (article_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    pk, cluster, agency = row
    members = conn.execute(
        f"""SELECT {_ARTICLE} FROM articles a WHERE a.cluster_id = ? AND a.pk != ?
            ORDER BY a.published, a.pk""",
        (cluster, pk),
    )
    return Copies(cluster, agency, Rows(_article_row(m) for m in members))
