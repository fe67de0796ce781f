"""The column tables of docs/store.md and docs/dataset.md, generated from the spec.

Regenerate them with ``python -m newsgraph.store.docs docs/store.md docs/dataset.md``;
a test fails when the documents and the spec disagree.
"""

from __future__ import annotations

import sys
import typing
from pathlib import Path
from typing import Literal

from newsgraph.store.tables import TABLES, Table

Doc = Literal["store", "dataset"]
_BEGIN, _END = (
    "<!-- generated: {} tables (python -m newsgraph.store.docs FILE) -->",
    "<!-- end -->",
)


def markdown(kind: Doc) -> str:
    """The column tables of docs/store.md ("store") or docs/dataset.md ("dataset")."""
    out = []
    for table in TABLES.values():
        if kind == "dataset" and not table.exported:
            continue
        columns = table.stored if kind == "store" else table.exported_columns
        file = f"`{table.name}`" if kind == "store" else f"`{table.name}.parquet` / `.csv`"
        out += [f"### {file}", "", f"One row per {table.row}. {_keys(table, kind)}", ""]
        out += ["| column | type | null | description |", "|---|---|---|---|"]
        for c in columns:
            kind_ = c.sql if kind == "store" else f"`{c.arrow}`"
            if kind == "store" and c.json:
                kind_ += " (JSON)"
            null = "yes" if table.nullable(c) else "no"
            doc = c.export_doc if kind == "dataset" and c.export_doc else c.doc
            out.append(f"| `{c.name}` | {kind_} | {null} | {doc} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _keys(table: Table, kind: Doc) -> str:
    keys = ", ".join(f"`{c}`" for c in table.primary_key)
    text = f"Key: {keys}."
    joins = [
        (", ".join(f"`{c}`" for c in cols), f"`{target}.{', '.join(to)}`")
        for cols, target, to in table.foreign_keys
    ] + [
        (f"`{c.name}`", "`{}.{}`".format(*c.references.rstrip(")").split("(")))
        for c in table.columns
        if c.references and (kind == "store" or TABLES[c.references.split("(")[0]].exported)
    ]
    if joins:
        text += " Joins: " + "; ".join(f"{a} → {b}" for a, b in joins) + "."
    return text


def update(text: str) -> str:
    """The document with each generated section replaced by the spec's current tables."""
    for kind in typing.get_args(Doc):
        begin = _BEGIN.format(kind)
        if begin not in text:
            continue
        head, rest = text.split(begin, 1)
        _, tail = rest.split(_END, 1)
        text = f"{head}{begin}\n\n{markdown(kind)}\n{_END}{tail}"
    return text


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(update(path.read_text()))
