"""The Parquet dataset a distributed run writes: one folder per table, one file per partition.

    DIR/articles/part-00000.parquet, DIR/quotes/part-00000.parquet, ...

Every table has the store's exported columns and Arrow types (``tables.py``, as
``newsgraph export --format parquet`` writes them), plus the articles' MinHash
signatures, which ``load`` clusters near-duplicates with. What the store's one
writer decides corpus-wide is not in the dataset: ``pk`` is the article's id as
a number (the same body gives the same pk in any partition), ``cluster_id`` is
that pk and ``syndicated`` false until ``load`` clusters the corpus.

A partition's files are written under temporary names and renamed when the
partition is complete, ``inputs`` last: a partition is in the dataset when its
``inputs`` file is, and a task killed half-way leaves nothing a reader sees.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.corpus.export import exported_value
from newsgraph.corpus.ingest import Outcome, host, process_batch
from newsgraph.corpus.partitions import Partition
from newsgraph.options import Options
from newsgraph.read import Fields, Item, content_hash
from newsgraph.store import mapping
from newsgraph.store.tables import TABLES, Column, Table

# The tables a partition writes, ``inputs`` last (its file marks the partition done).
PART_TABLES = tuple(t.name for t in mapping.PARTS)
WRITTEN = ("articles", *PART_TABLES, "errors", "inputs")
RUN_ID = 1  # the dataset is one run; ``runs`` holds its one row
_SIGNATURES = ("minhash",)


def columns(table: Table) -> tuple[Column, ...]:
    """The dataset's columns of a table: its exported ones and the articles' signatures."""
    return tuple(c for c in table.columns if c.exported or c.name in _SIGNATURES)


def schema(table: Table) -> pa.Schema:
    return pa.schema(
        [pa.field(c.name, c.arrow, nullable=table.nullable(c)) for c in columns(table)]
    )


def key(hex_id: str) -> int:
    """A 63-bit integer key from a hex hash: the article's pk, an error's id."""
    return int(hex_id[:16], 16) >> 1


def part_file(out: Path, table: str, name: str) -> Path:
    return out / table / f"{name}.parquet"


def done(out: Path, name: str) -> bool:
    """True when the partition ``name`` is written in full."""
    return part_file(out, "inputs", name).exists()


def partition_names(out: Path) -> list[str]:
    """The complete partitions of a dataset, in order."""
    return sorted(p.stem for p in (out / "inputs").glob("part-*.parquet"))


def _arrow_row(table: Table, stored: dict[str, Any]) -> dict[str, Any]:
    return {c.name: exported_value(c, stored.get(c.reads or c.name)) for c in columns(table)}


def stored_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A dataset row as the store holds it (JSON text, 0/1, the date as found): the
    inverse of the export, so ``mapping.article`` reads it back into a record."""
    derived = {c.reads: c.name for c in columns(table) if c.reads}
    out: dict[str, Any] = {}
    for c in table.stored:
        value = row.get(derived.get(c.name, c.name))
        if value is not None and c.json:
            value = json.dumps(value, ensure_ascii=False)
        elif value is not None and c.boolean:
            value = int(value)
        out[c.name] = value
    return out


class PartitionWriter:
    """The files of one partition, appended to batch by batch, published by ``close``."""

    def __init__(self, out: Path, name: str, source: str | None = None) -> None:
        self.out, self.name, self.source = out, name, source
        self._articles: set[int] = set()
        self._errors: set[str] = set()
        self._files: dict[str, pq.ParquetWriter] = {}
        for table in WRITTEN:
            path = self._temporary(table)
            path.parent.mkdir(parents=True, exist_ok=True)
            self._files[table] = pq.ParquetWriter(path, schema(TABLES[table]))

    def _temporary(self, table: str) -> Path:
        return self.out / table / f".{self.name}.parquet.{os.getpid()}.tmp"

    def add(self, outcomes: list[Outcome]) -> None:
        """Write a batch of outcomes: each input, and each new article or failure."""
        rows: dict[str, list[dict[str, Any]]] = {table: [] for table in WRITTEN}
        for out in outcomes:
            self._rows(out, rows)
        for table, batch in rows.items():
            if batch:
                kinds = self._files[table].schema
                self._files[table].write_table(pa.Table.from_pylist(batch, schema=kinds))

    def _rows(self, out: Outcome, rows: dict[str, list[dict[str, Any]]]) -> None:
        inputs = {"hash": out.hash, "location": out.location, "run_id": RUN_ID}
        if out.error is not None or out.article is None:
            kind, reason, stage = out.error or ("InputError", "no article", None)
            if out.hash not in self._errors:
                self._errors.add(out.hash)
                error = {"id": key(out.hash), "hash": out.hash, "location": out.location}
                error.update(stage=stage, kind=kind, reason=reason, run_id=RUN_ID)
                rows["errors"].append(_arrow_row(TABLES["errors"], error))
            rows["inputs"].append(_arrow_row(TABLES["inputs"], {**inputs, "article": None}))
            return
        article = out.article
        pk = key(article.id)
        rows["inputs"].append(
            _arrow_row(TABLES["inputs"], {**inputs, "url": out.url, "article": pk})
        )
        if pk in self._articles:  # the same body again in this partition
            return
        self._articles.add(pk)
        facts = {
            "pk": pk,
            "source": out.source or self.source or host(out.url),
            "agency": out.agency,
            "minhash": out.minhash,
            "run_id": RUN_ID,
            "location": out.location,
            "cluster_id": pk,
            "syndicated": 0,
        }
        table = TABLES["articles"]
        written = mapping.written(table, facts)
        values = mapping.row(written, article, None, {}, facts)
        rows["articles"].append(
            _arrow_row(table, dict(zip((c.name for c in written), values, strict=True)))
        )
        keys = {e.id: e.key for e in article.entities}
        for name in PART_TABLES:
            table = TABLES[name]
            names = [c.name for c in mapping.written(table, ("article", "n"))]
            for values in mapping.part_rows(table, article, pk, keys):
                part = dict(zip(names, values, strict=True))
                if table.primary_key == ("id",):  # a row id the store would number (quotes)
                    part["id"] = key(content_hash(article.id, str(part["n"])))
                rows[name].append(_arrow_row(table, part))

    def close(self) -> None:
        """Finish every file and publish the partition, ``inputs`` last."""
        for writer in self._files.values():
            writer.close()
        for table in WRITTEN:
            self._temporary(table).replace(part_file(self.out, table, self.name))

    def abort(self) -> None:
        """Drop the partition's unfinished files."""
        for table, writer in self._files.items():
            writer.close()
            self._temporary(table).unlink(missing_ok=True)


def write_run(out: Path, run: dict[str, Any]) -> None:
    """The dataset's ``runs`` table: its one run, as the store records one."""
    table = TABLES["runs"]
    path = part_file(out, "runs", "part-00000")
    path.parent.mkdir(parents=True, exist_ok=True)
    row = _arrow_row(table, {"id": RUN_ID, **run})
    pq.write_table(pa.Table.from_pylist([row], schema=schema(table)), path)


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_partition(
    part: Partition,
    out: str,
    options: Options,
    fields: Fields | None = None,
    source: str | None = None,
) -> PartitionCounts:
    """What a worker runs: read the partition's files, run the pipeline batch by batch
    (``ingest.process_batch``, as every runner does) and write its Parquet files.

    Memory holds one batch at a time; the files appear only when all is written.
    """
    writer = PartitionWriter(Path(out), part.name, source)
    counts = PartitionCounts()
    try:
        items = chain.from_iterable(
            piece.items(fields or Fields(), options.max_bytes) for piece in part.files
        )
        for batch in _batches(items, options.batch_size):
            outcomes = process_batch(batch, options)
            writer.add(outcomes)
            counts.add(outcomes)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return counts


@dataclass
class PartitionCounts:
    """What a partition (or a whole run) gave: inputs, articles, failures and the first few."""

    inputs: int = 0
    articles: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # the first few (location, reason)

    MAX_LISTED_ERRORS: ClassVar[int] = 20

    def add(self, outcomes: list[Outcome]) -> None:
        for out in outcomes:
            self.inputs += 1
            if out.article is not None:
                self.articles += 1
                continue
            self.failed += 1
            if len(self.errors) < self.MAX_LISTED_ERRORS:
                self.errors.append((out.location, out.error.reason if out.error else "no article"))

    def merge(self, other: PartitionCounts) -> None:
        self.inputs += other.inputs
        self.articles += other.articles
        self.failed += other.failed
        self.errors.extend(other.errors[: self.MAX_LISTED_ERRORS - len(self.errors)])
