"""Records to rows and back, by the table spec (``tables.py``).

A table's rows come from a part of the ``Article``: the article itself
(``part=""``), a list of it (``"quotes"``), or a list inside each item of one
(``"entities.mentions"``, whose rows name their parent by a ``^`` column).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic_core import to_jsonable_python

from newsgraph.record import Article
from newsgraph.store.tables import TABLES, Column, Table

# Tables read back into the record, parents before children.
PARTS: tuple[Table, ...] = tuple(t for t in TABLES.values() if t.part and t.restores)


def written(table: Table, facts: Iterable[str]) -> tuple[Column, ...]:
    """The columns an insert fills: record fields, entity keys, and the facts given."""
    facts = set(facts)
    return tuple(c for c in table.stored if c.path or c.key_of or c.name in facts)


def items(article: Article, part: str) -> Iterator[tuple[int, Any, Any]]:
    """(position, item, parent item) for every item of a part of the article."""
    if not part:
        yield 0, article, None
        return
    head, _, child = part.partition(".")
    for n, item in enumerate(getattr(article, head)):
        if child:
            for m, sub in enumerate(getattr(item, child)):
                yield m, sub, item
        else:
            yield n, item, None


def row(
    columns: Iterable[Column],
    item: Any,
    parent: Any,
    keys: Mapping[str, str],
    facts: Mapping[str, Any],
) -> tuple:
    """The values of one row: from the item (or its parent), entity keys, or the facts."""
    out = []
    for col in columns:
        if col.key_of:
            local = _get(item, col.key_of)
            out.append(keys.get(local) if local else None)
        elif col.path:
            value = _get(parent, col.path[1:]) if col.path[0] == "^" else _get(item, col.path)
            if value is not None and col.json:
                value = json.dumps(to_jsonable_python(value), ensure_ascii=False)
            elif value is not None and col.boolean:
                value = int(value)
            out.append(value)
        else:
            out.append(facts[col.name])
    return tuple(out)


def part_rows(table: Table, article: Article, pk: int, keys: Mapping[str, str]) -> list[tuple]:
    """Rows of one part table for the article stored under ``pk``."""
    columns = written(table, ("article", "n"))
    return [
        row(columns, item, parent, keys, {"article": pk, "n": n})
        for n, item, parent in items(article, table.part)
    ]


def _get(obj: Any, path: str) -> Any:
    """The value at a dotted path; None when an optional object on the way is absent."""
    head, *rest = path.split(".")
    obj = getattr(obj, head)
    for step in rest:
        if obj is None:
            return None
        obj = getattr(obj, step)
    return obj


def restore(table: Table, values: sqlite3.Row) -> dict:
    """One stored row as the record part's JSON (entity keys and store facts left out)."""
    out: dict = {}
    objects = set()
    for col in table.stored:
        if not col.path or col.path[0] == "^":
            continue
        value = values[col.name]
        if value is not None and col.json:
            value = json.loads(value)
        elif value is not None and col.boolean:
            value = bool(value)
        *steps, last = col.path.split(".")
        target = out
        for step in steps:
            target = target.setdefault(step, {})
        target[last] = value
        objects.update(steps)
    for name in objects:  # an optional object stored as columns: absent when all are null
        if all(v is None for v in out[name].values()):
            out[name] = None
    return out


def article(values: sqlite3.Row, parts: Mapping[str, list[sqlite3.Row]]) -> Article:
    """The record of an ``articles`` row and the rows of its parts (by table name)."""
    data = restore(TABLES["articles"], values)
    for table in PARTS:
        head, _, child = table.part.partition(".")
        if not child:
            data[head] = [restore(table, r) for r in parts[table.name]]
            continue
        link = next(c for c in table.stored if c.path and c.path[0] == "^")
        parents = {p[link.path[1:]]: p for p in data[head]}
        for p in data[head]:
            p[child] = []
        for r in parts[table.name]:
            parents[r[link.name]][child].append(restore(table, r))
    return Article.from_dict(data)
