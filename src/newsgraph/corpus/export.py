"""Store -> files: JSON Lines (one record per article, or one event report per line), Parquet
and CSV (one file per table, typed and documented by the table spec: docs/dataset.md), GDELT
GKG 2.1 rows and GDELT 2.0 event rows.

Exporters are found by format name. The built-ins register with ``@exporter(name)``
as any package can; an installed package can also declare one under the entry-point
group ``newsgraph.exporters`` (``name = "package.module:function"``). An exporter
takes an open ``Store`` and an output folder and returns rows written per file.
Everything goes through the query module, a chunk of rows at a time.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsgraph.corpus import gdelt_events, gkg
from newsgraph.dates.published import published_utc
from newsgraph.errors import NewsgraphError
from newsgraph.store.query import Store
from newsgraph.store.tables import TABLES, UTC_TIMESTAMP, Column, Table

Exporter = Callable[[Store, Path], dict[str, int]]
ENTRY_POINTS = "newsgraph.exporters"
_EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    """Register the decorated function as the exporter for format ``name``.

    Example:
        >>> @exporter("ndjson-titles")
        ... def titles(store: Store, out: Path) -> dict[str, int]:
        ...     ...
    """

    def register(function: Exporter) -> Exporter:
        _EXPORTERS[name] = function
        return function

    return register


def _plugged_in() -> dict[str, EntryPoint]:
    return {point.name: point for point in entry_points(group=ENTRY_POINTS)}


def formats() -> list[str]:
    """Every format name: the built-ins, then those installed packages declare."""
    return [*_EXPORTERS, *(name for name in _plugged_in() if name not in _EXPORTERS)]


def find(name: str) -> Exporter:
    """The exporter for a format; a package's is loaded only when asked for."""
    if name in _EXPORTERS:
        return _EXPORTERS[name]
    point = _plugged_in().get(name)
    if point is None:
        raise NewsgraphError(f"format must be one of {', '.join(formats())}, not {name!r}")
    return point.load()


def exported_value(column: Column, stored: Any) -> Any:
    """A stored value as the exported column holds it (nested values parsed, types fixed)."""
    if stored is None:
        return None
    if column.json:
        return json.loads(stored)
    if column.boolean:
        return bool(stored)
    if column.arrow == UTC_TIMESTAMP:
        return published_utc(stored)
    return stored


def _columns(store: Store, table: Table) -> Iterator[list[list[Any]]]:
    """The exported columns of a table, a chunk of rows at a time, column by column."""
    columns = table.exported_columns
    for rows in store.table_rows(table.name):
        yield [[exported_value(c, r[c.reads or c.name]) for r in rows] for c in columns]


def schema(table: Table) -> pa.Schema:
    """The Arrow schema of a table's exported file."""
    return pa.schema(
        [pa.field(c.name, c.arrow, nullable=table.nullable(c)) for c in table.exported_columns]
    )


def _exported() -> list[Table]:
    return [t for t in TABLES.values() if t.exported]


@exporter("parquet")
def export_parquet(store: Store, out: Path) -> dict[str, int]:
    """One typed Parquet file per table: <table>.parquet (docs/dataset.md)."""
    import pyarrow.parquet as pq

    counts = {}
    for table in _exported():
        kinds = schema(table)
        n = 0
        with pq.ParquetWriter(out / f"{table.name}.parquet", kinds) as writer:
            for columns in _columns(store, table):
                writer.write_table(pa.Table.from_arrays(columns, schema=kinds))
                n += len(columns[0])
            if n == 0:
                writer.write_table(kinds.empty_table())
        counts[table.name] = n
    return counts


def _csv_text(column: Column, value: Any) -> Any:
    """CSV cells: nested values as JSON text, booleans true/false, times ISO 8601 UTC."""
    if value is None:
        return None
    if column.json:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    return value


@exporter("csv")
def export_csv(store: Store, out: Path) -> dict[str, int]:
    """One CSV file with a header per table: <table>.csv (docs/dataset.md)."""
    counts = {}
    for table in _exported():
        n = 0
        with open(out / f"{table.name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([c.name for c in table.exported_columns])
            for columns in _columns(store, table):
                cells = [
                    [_csv_text(c, v) for v in values]
                    for c, values in zip(table.exported_columns, columns, strict=True)
                ]
                writer.writerows(zip(*cells, strict=True))
                n += len(columns[0])
        counts[table.name] = n
    return counts


@exporter("jsonl")
def export_jsonl(store: Store, out: Path) -> dict[str, int]:
    """articles.jsonl: one Article record (the record schema) per line."""
    n = 0
    with open(out / "articles.jsonl", "w", encoding="utf-8") as fh:
        for article in store.articles():
            fh.write(article.to_json() + "\n")
            n += 1
    return {"articles": n}


@exporter("gkg")
def export_gkg(store: Store, out: Path) -> dict[str, int]:
    """articles.gkg.csv: one GDELT GKG 2.1 row per article, tab-separated, no header."""
    n = 0
    with open(out / "articles.gkg.csv", "w", encoding="utf-8", newline="") as fh:
        for info, article in store.articles_with_facts():
            fields = gkg.row(article, source=info["source"])
            fh.write("\t".join(fields) + "\n")
            n += 1
    return {"articles": n}


@exporter("events-jsonl")
def export_events_jsonl(store: Store, out: Path) -> dict[str, int]:
    """events.jsonl: one event report per line, claims and unrealised events included, with
    its event id, evidence sentence and article (``Store.event_reports``)."""
    n = 0
    with open(out / "events.jsonl", "w", encoding="utf-8") as fh:
        for report in store.event_reports(include_claims=True, include_unrealised=True):
            fh.write(json.dumps(report, ensure_ascii=False) + "\n")
            n += 1
    return {"events": n}


@exporter("gdelt-events")
def export_gdelt_events(store: Store, out: Path) -> dict[str, int]:
    """events.export.csv: one GDELT 2.0 event row per event that happened, tab-separated,
    no header (``corpus/gdelt_events.py``)."""
    n, undated = 0, [0]
    with open(out / "events.export.csv", "w", encoding="utf-8", newline="") as fh:
        for fields in gdelt_events.rows(store.event_reports(), undated):
            fh.write("\t".join(fields) + "\n")
            n += 1
    # GDELT rows need a day: events whose sentence and article give none are not written
    return {"events": n, "events left out, no day known": undated[0]}


def export(db: str | Path, out: str | Path, format: str) -> dict[str, int]:
    """Write the store's contents to the folder ``out`` in one format; return rows per file.

    Example:
        >>> export("news.db", "out/", "parquet")
        {'runs': 1, 'clusters': 212, 'articles': 2225, ...}
    """
    write = find(format)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with Store(db) as store:
        return write(store, out)
