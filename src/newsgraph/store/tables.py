"""The store's tables, declared once.

Each ``Table`` says what one row is, its columns and keys; each ``Column`` its
SQLite type, its Arrow type in the exported dataset, and where its value comes
from: a field of the record part (``path``, types derived from the model in
``record.py``), the corpus key of an entity the part names (``key_of``), or a
fact the writer knows (the article's pk, a run id). The DDL (``schema.py``),
the inserts (``writes.py``), the read-back into an ``Article`` (``mapping.py``),
the Parquet and CSV exports and the column tables of docs/store.md and
docs/dataset.md (``docs.py``) all come from here.

Adding a field to a record part: add its ``Column`` at the END of its table
(SQLite appends added columns) and a migration ``ALTER TABLE t ADD COLUMN ...``
to ``schema.MIGRATIONS``; then regenerate the docs with
``python -m newsgraph.store.docs docs/store.md docs/dataset.md``.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Literal

import pyarrow as pa
from pydantic import BaseModel

from newsgraph.record import (
    Article,
    DateMention,
    Entity,
    Event,
    Place,
    Quote,
    Span,
)

_ARROW = {"INTEGER": pa.int64(), "TEXT": pa.string(), "REAL": pa.float64(), "BLOB": pa.binary()}
_SCALARS = {str: ("TEXT", pa.string()), int: ("INTEGER", pa.int64()), float: ("REAL", pa.float64())}
UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")


@dataclass(frozen=True)
class Column:
    """One column: its types, constraints, and where its value comes from."""

    name: str
    sql: str  # INTEGER, TEXT, REAL or BLOB
    arrow: pa.DataType  # its type in the exported dataset
    doc: str
    not_null: bool = False
    default: str | None = None  # an SQL literal
    unique: bool = False
    references: str | None = None  # "table(column)"
    path: str | None = None  # dotted path into the record part's JSON; "^id": the parent's
    key_of: str | None = None  # path of an article-local entity id: this holds its corpus key
    json: bool = False  # a list or object: JSON text in SQLite and CSV, list/struct in Arrow
    boolean: bool = False  # 0/1 in SQLite
    stored: bool = True  # False: only in the exported dataset, derived from ``reads``
    reads: str | None = None  # the stored column an export-only column is derived from
    exported: bool = True
    export_doc: str | None = None  # its description in the dataset, when it differs

    @property
    def ddl(self) -> str:
        name = f'"{self.name}"' if self.name == "end" else self.name
        out = f"{name} {self.sql}"
        if self.not_null:
            out += " NOT NULL"
        if self.default is not None:
            out += f" DEFAULT {self.default}"
        if self.unique:
            out += " UNIQUE"
        if self.references:
            out += f" REFERENCES {self.references}"
        return out


@dataclass(frozen=True)
class Table:
    """One table: what a row is, its columns, keys and indexes, and where its rows come from."""

    name: str
    row: str  # "one row per ..."
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    part: str | None = None  # rows from the Article: "" itself, "quotes", "entities.mentions"
    restores: bool = True  # rows are read back into the record (False: a corpus-wide copy)
    order: tuple[str, ...] = ()  # the record's order of rows (default: the primary key)
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    without_rowid: bool = False
    exported: bool = True

    @property
    def stored(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.stored)

    @property
    def exported_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.exported)

    def nullable(self, column: Column) -> bool:
        return not (column.not_null or self.primary_key == (column.name,))


def fact(name: str, sql: str, doc: str, **kw: typing.Any) -> Column:
    """A column the writer fills from what it knows (pk, run id, source ...)."""
    arrow = kw.pop("arrow", None)
    if arrow is None:
        arrow = pa.bool_() if kw.get("boolean") else _ARROW[sql]
    return Column(name, sql, arrow, doc, **kw)


def field(model: type[BaseModel], path: str, doc: str | None = None, **kw: typing.Any) -> Column:
    """A column holding a field of the record part ``model``; types and NOT NULL from the model.

    ``path`` is dotted for a field of a nested object ("speaker.text"), which makes the
    column nullable when the object is optional; ``^`` reads the parent part's field.
    """
    annotation, optional, description = _resolve(model, path.lstrip("^"))
    sql, arrow, is_json = _types(annotation)
    options = {
        "not_null": not optional,
        "json": is_json,
        "boolean": annotation is bool,
        "path": path,
    }
    options.update(kw)
    name = options.pop("name", path.lstrip("^").replace(".", "_"))
    return Column(name, sql, options.pop("arrow", arrow), doc or description or "", **options)


def entity_key(name: str, of: str, doc: str) -> Column:
    """The corpus-wide key (``entities.key``) of the article-local entity id at path ``of``."""
    return Column(name, "TEXT", pa.string(), doc, references="entities(key)", key_of=of)


def _resolve(model: type[BaseModel], path: str) -> tuple[typing.Any, bool, str | None]:
    """The annotation at a dotted path, whether any step of it may be None, its description."""
    optional, description, annotation = False, None, model
    for step in path.split("."):
        info = annotation.model_fields[step]
        annotation, nullable = _strip_none(info.annotation)
        optional = optional or nullable
        description = info.description
    return annotation, optional, description


def _strip_none(annotation: typing.Any) -> tuple[typing.Any, bool]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(annotation))
    return annotation, False


def _types(annotation: typing.Any) -> tuple[str, pa.DataType, bool]:
    """SQLite type, Arrow type, and whether the value is nested (JSON in SQLite)."""
    if annotation is bool:
        return "INTEGER", pa.bool_(), False
    if annotation in _SCALARS:
        return *_SCALARS[annotation], False
    if typing.get_origin(annotation) is Literal:
        return "TEXT", pa.string(), False
    return "TEXT", arrow_type(annotation), True


def arrow_type(annotation: typing.Any) -> pa.DataType:
    """The Arrow type of a record value: scalars, lists, and models as structs."""
    annotation, _ = _strip_none(annotation)
    if typing.get_origin(annotation) is list:
        return pa.list_(arrow_type(typing.get_args(annotation)[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(
            [(name, arrow_type(info.annotation)) for name, info in annotation.model_fields.items()]
        )
    return _types(annotation)[1]


def _article(what: str) -> Column:
    return fact(
        "article",
        "INTEGER",
        f"The article {what} (`articles.pk`).",
        not_null=True,
        references="articles(pk)",
    )


def _n(what: str) -> Column:
    return fact("n", "INTEGER", f"Position in the record's list of {what}, from 0.", not_null=True)


_LOCAL = (("article", "entity"), "article_entities", ("article", "entity"))
_RUN = fact(
    "run_id", "INTEGER", "The run that wrote it (`runs.id`).", not_null=True, references="runs(id)"
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "runs",
            "`ingest` run",
            (
                fact("id", "INTEGER", "Run id."),
                fact("started", "TEXT", "Start time, ISO 8601 UTC.", not_null=True),
                fact("finished", "TEXT", "End time, ISO 8601 UTC; null while running."),
                fact(
                    "inputs",
                    "TEXT",
                    "The paths given.",
                    not_null=True,
                    json=True,
                    arrow=pa.list_(pa.string()),
                ),
                fact("options", "TEXT", "The extraction options, a JSON object.", not_null=True),
                fact("added", "INTEGER", "Articles added.", not_null=True, default="0"),
                fact("skipped", "INTEGER", "Inputs already stored.", not_null=True, default="0"),
                fact("failed", "INTEGER", "Inputs that failed.", not_null=True, default="0"),
                fact(
                    "status",
                    "TEXT",
                    "`running`, `done`, `interrupted` (stopped by Ctrl-C or an error), or"
                    " `killed` (found dead by a later run: killed with -9, or its machine"
                    " stopped; its counts are those of its last written batch).",
                    not_null=True,
                    default="'running'",
                ),
                fact("pid", "INTEGER", "The process id of the run's writer."),
                fact("host", "TEXT", "The name of the machine the run's writer ran on."),
            ),
            ("id",),
        ),
        Table(
            "clusters",
            "near-duplicate cluster with 2+ members, or with a known agency",
            (
                fact("id", "INTEGER", "The pk of its first article (`articles.cluster_id`)."),
                fact("size", "INTEGER", "Member articles.", not_null=True),
                fact("agency", "TEXT", "The wire agency the story came from, when known."),
            ),
            ("id",),
        ),
        Table(
            "articles",
            "stored article (one body is stored once)",
            (
                fact("pk", "INTEGER", "The article key every other table uses."),
                field(Article, "id", "Hash of the normalised body (the record's id).", unique=True),
                field(Article, "url", "The page's URL."),
                field(Article, "title", "Headline."),
                field(
                    Article,
                    "published",
                    "Publication date or time, ISO 8601, as found.",
                    export_doc="Publication time in UTC (a date alone: midnight UTC; a time "
                    "without an offset: taken as UTC).",
                    arrow=UTC_TIMESTAMP,
                ),
                Column(
                    "published_text",
                    "TEXT",
                    pa.string(),
                    "`published` as found: a date, or a time with or without its offset.",
                    stored=False,
                    reads="published",
                ),
                field(Article, "language", "ISO 639-1 code."),
                fact(
                    "source", "TEXT", "The outlet: the input's source field, else the URL's host."
                ),
                field(Article, "body", "The cleaned text; every offset points into it."),
                field(Article, "authors", "Authors: name, bio, outlet."),
                field(Article, "media", "Images and other media: kind, credit, caption, url."),
                field(Article, "related", "Linked articles: rel, title, url."),
                field(Article, "links", "Hyperlinks in the body: start, end, url."),
                field(Article, "removed", "Pieces cleaning dropped, and why."),
                field(Article, "provenance", "Where the title, date and authors came from."),
                field(Article, "schema_version", "Version of the record schema."),
                fact(
                    "cluster_id",
                    "INTEGER",
                    "Near-duplicate cluster: `clusters.id`, or its own `pk` when alone.",
                    not_null=True,
                ),
                fact(
                    "syndicated",
                    "INTEGER",
                    "Reproduces an agency story.",
                    not_null=True,
                    default="0",
                    boolean=True,
                ),
                fact("agency", "TEXT", "Agency credited in its own text."),
                fact(
                    "minhash",
                    "BLOB",
                    "MinHash signature, 120 x uint32 little-endian.",
                    exported=False,
                ),
                _RUN,
                field(
                    Article,
                    "warnings",
                    "What had to be repaired or guessed, or was not done.",
                    default="'[]'",
                ),
                fact(
                    "location",
                    "TEXT",
                    "Where its first input was found: path, path:line, path@offset or path#id "
                    "(every input's in `inputs`).",
                ),
                field(Article, "tone", "GDELT V2Tone fields from the VADER lexicon, or null."),
            ),
            ("pk",),
            part="",
            indexes=(("published",), ("source",), ("cluster_id",)),
        ),
        Table(
            "lsh_bands",
            "LSH band of an article (the MinHash LSH index, kept in the store)",
            (
                fact("band", "INTEGER", "Band number.", not_null=True),
                fact(
                    "bucket", "INTEGER", "Hash of the signature's rows in this band.", not_null=True
                ),
                fact(
                    "article", "INTEGER", "`articles.pk`.", not_null=True, references="articles(pk)"
                ),
            ),
            ("band", "bucket", "article"),
            without_rowid=True,
            exported=False,
        ),
        Table(
            "inputs",
            "input location processed, duplicates included",
            (
                fact("hash", "TEXT", "Content hash of the input.", not_null=True),
                fact(
                    "location",
                    "TEXT",
                    "`path`, `path:line`, `path@offset`, `file.sgm#NEWID`.",
                    not_null=True,
                ),
                fact("url", "TEXT", "The input's URL."),
                fact(
                    "article",
                    "INTEGER",
                    "The article its body is stored as (`articles.pk`); "
                    "null when it failed (see `errors.hash`).",
                    references="articles(pk)",
                ),
                _RUN,
            ),
            ("hash", "location"),
            indexes=(("article",),),
        ),
        Table(
            "errors",
            "input content that could not be processed",
            (
                fact("id", "INTEGER", "Error id."),
                fact(
                    "hash",
                    "TEXT",
                    "The input's content hash (`inputs.hash`).",
                    not_null=True,
                    unique=True,
                ),
                fact("location", "TEXT", "Where it was first found.", not_null=True),
                fact(
                    "stage",
                    "TEXT",
                    "The pipeline stage that failed, e.g. `read`, `clean`, "
                    "`annotate:quotes`; null when not known.",
                ),
                fact(
                    "kind",
                    "TEXT",
                    "Exception class: `EmptyInputError`, `BinaryInputError`, "
                    "`DecodeError`, `TooLargeError`, `InputError`, ...",
                    not_null=True,
                ),
                fact("reason", "TEXT", "Its message, one line.", not_null=True),
                _RUN,
            ),
            ("id",),
        ),
        Table(
            "entities",
            "actor in the corpus",
            (
                field(Entity, "key"),
                field(Entity, "name", "Its name where first seen."),
                field(Entity, "type"),
                field(Entity, "country", "ISO 3166 alpha-3, where first seen."),
            ),
            ("key",),
            part="entities",
            restores=False,
        ),
        Table(
            "article_entities",
            "entity in an article",
            (
                _article("it is in"),
                field(Entity, "id", "Article-local id, e.g. `E1`.", name="entity"),
                _n("entities"),
                field(Entity, "key", references="entities(key)"),
                field(Entity, "name"),
                field(Entity, "type"),
                field(Entity, "aliases", "Other names it goes by in the article."),
                field(Entity, "description"),
                field(Entity, "country"),
            ),
            ("article", "entity"),
            part="entities",
            order=("article", "n"),
            indexes=(("key",),),
        ),
        Table(
            "mentions",
            "mention of an entity",
            (
                _article("it is in"),
                field(
                    Entity,
                    "^id",
                    "The entity mentioned (`article_entities.entity`).",
                    name="entity",
                ),
                _n("the entity's mentions"),
                field(Span, "start", "Offset into `articles.body`."),
                field(Span, "end", "End offset into `articles.body`."),
                field(Span, "text", "The words (`body[start:end]`)."),
            ),
            ("article", "entity", "n"),
            part="entities.mentions",
            foreign_keys=(_LOCAL,),
        ),
        Table(
            "quotes",
            "quote",
            (
                fact("id", "INTEGER", "Quote id (`quotes_fts.rowid`)."),
                _article("it is in"),
                _n("quotes"),
                field(Quote, "start", "Offset into `articles.body`."),
                field(Quote, "end", "End offset into `articles.body`."),
                field(Quote, "text", "The quoted words."),
                field(Quote, "kind", "`direct`, `indirect` or `mixed`."),
                field(Quote, "speaker.text", "The speaker's words in the text.", name="speaker"),
                field(Quote, "speaker.start", "Offset of the speaker's words."),
                field(Quote, "speaker.end", "End offset of the speaker's words."),
                field(Quote, "speaker.entity", "The speaker's entity (`article_entities.entity`)."),
                entity_key("speaker_key", "speaker.entity", "The speaker's corpus entity key."),
                field(Quote, "role", "The speaker's role as the text gives it."),
                field(Quote, "cue", "The reporting verb."),
                field(Quote, "venue", "Where it was said, as the text gives it."),
                # Schema v3. Added columns go last: SQLite's ADD COLUMN appends.
                field(Quote, "cue_start"),
                field(Quote, "cue_end"),
                field(Quote, "tone"),
                # Schema v9.
                field(Quote, "fragments", default="'[]'"),
            ),
            ("id",),
            part="quotes",
            order=("article", "n"),
            foreign_keys=((("article", "speaker_entity"), *_LOCAL[1:]),),
            indexes=(("article",), ("speaker_key",)),
        ),
        Table(
            "places",
            "resolved place in an article",
            (
                _article("it is in"),
                _n("places"),
                field(Place, "entity", "The entity it resolves (`article_entities.entity`)."),
                entity_key("entity_key", "entity", "That entity's corpus key."),
                field(Place, "name", "Place name (GeoNames)."),
                field(Place, "lat", "Latitude."),
                field(Place, "lon", "Longitude."),
                field(Place, "country"),
                field(Place, "geonameid", "GeoNames id."),
                field(Place, "feature"),
                field(Place, "mentions", "Its mentions: start, end, text."),
            ),
            ("article", "n"),
            part="places",
            foreign_keys=(_LOCAL,),
            indexes=(("name",),),
        ),
        Table(
            "dates",
            "date expression in an article",
            (
                _article("it is in"),
                _n("dates"),
                field(DateMention, "start", "Offset into `articles.body`."),
                field(DateMention, "end", "End offset into `articles.body`."),
                field(DateMention, "text", "The words."),
                field(DateMention, "value"),
                field(DateMention, "granularity"),
                field(DateMention, "reliable"),
                field(DateMention, "mod"),
                field(DateMention, "freq"),
            ),
            ("article", "n"),
            part="dates",
        ),
        Table(
            "events",
            "event in an article",
            (
                _article("it is in"),
                _n("events"),
                field(Event, "type"),
                field(Event, "mode"),
                field(Event, "actor", "Who acts: text, span, entity, country, sector."),
                entity_key("actor_key", "actor.entity", "The actor's corpus entity key."),
                field(Event, "recipient", "Who is acted on, like `actor`."),
                entity_key(
                    "recipient_key", "recipient.entity", "The recipient's corpus entity key."
                ),
                field(
                    Event, "place", "Id of an entity that is a place (`article_entities.entity`)."
                ),
                field(Event, "date", "When, as an ISO 8601 / TimeML value."),
                field(Event, "start", "Start of the sentence or clause it rests on."),
                field(Event, "end", "End of the sentence or clause it rests on."),
                field(Event, "context", default="'[]'"),
                field(Event, "negated", default="0"),
                field(Event, "hypothetical", default="0"),
                field(Event, "future", default="0"),
                field(Event, "claimed_by", "Who states it (text, span, entity, country, sector)."),
                entity_key("claimed_key", "claimed_by.entity", "The claimant's corpus entity key."),
                field(Event, "trigger", "The words that state it: start, end, text."),
                # Schema v8: filled at ingest, after the article's near-duplicate cluster.
                fact(
                    "day",
                    "TEXT",
                    "The event's day, ISO 8601: `date` when it names a day, else the article's "
                    "publication day; null when neither is known.",
                ),
                fact(
                    "cluster",
                    "INTEGER",
                    "The event this row reports (`event_clusters.id`): the reports of one "
                    "event in many articles share it.",
                    references="event_clusters(id)",
                ),
            ),
            ("article", "n"),
            part="events",
            foreign_keys=((("article", "place"), *_LOCAL[1:]),),
            indexes=(("type",), ("cluster",)),
        ),
        Table(
            "event_clusters",
            "event, however many reports of it the corpus holds (`events.cluster`)",
            (
                fact("id", "INTEGER", "Event id (`events.cluster`)."),
                fact("type", "TEXT", "PLOVER event type.", not_null=True),
                fact(
                    "actor",
                    "TEXT",
                    "The actor's code: its country (ISO 3166 alpha-3 or IGO code), else its "
                    "corpus entity key; null when neither is known.",
                ),
                fact("recipient", "TEXT", "The recipient's code, like `actor`."),
                fact("negated", "INTEGER", "Reported as not done.", not_null=True, boolean=True),
                fact(
                    "hypothetical",
                    "INTEGER",
                    "Reported as conditional, threatened or possible.",
                    not_null=True,
                    boolean=True,
                ),
                fact("future", "INTEGER", "Reported as to come.", not_null=True, boolean=True),
                fact(
                    "claimed",
                    "INTEGER",
                    "Reported as someone's claim (`events.claimed_by`).",
                    not_null=True,
                    boolean=True,
                ),
                fact("first_day", "TEXT", "The earliest day of its reports (`events.day`)."),
                fact("last_day", "TEXT", "The latest day of its reports."),
                fact("reports", "INTEGER", "Its reports: rows of `events`.", not_null=True),
            ),
            ("id",),
            indexes=(("type", "actor", "recipient"),),
        ),
    )
}
