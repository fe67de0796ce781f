"""Exports, each read back: JSON Lines, Parquet, CSV, GDELT GKG 2.1."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from importlib.metadata import EntryPoint
from pathlib import Path

import duckdb
import pytest

from newsgraph.corpus import event_dedup, gkg
from newsgraph.corpus.export import export
from newsgraph.errors import NewsgraphError
from newsgraph.record import Article
from newsgraph.store import open as open_store
from newsgraph.store import writes
from newsgraph.store.db import connect, transaction
from newsgraph.store.tables import TABLES

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _article(n: int) -> Article:
    body = (
        f'Paris -- Emmanuel Macron said on 7 October 2023 that "France stands with Israel, "'
        f" in a speech number {n}."
    )
    return Article.from_dict(
        {
            "id": f"a{n}",
            "url": f"https://lemonde.test/{n}",
            "title": f"Macron speech {n}",
            # naive: UTC; the second with an offset, the same UTC day
            "published": "2023-10-07T12:30:00" if n == 1 else "2023-10-08T01:30:00+02:00",
            "authors": [{"name": "Jean Dupont", "outlet": "Le Monde"}],
            "language": "en",
            "body": body,
            "entities": [
                {
                    "id": "E1",
                    "key": "emmanuel macron|PERSON",
                    "name": "Emmanuel Macron",
                    "type": "PERSON",
                    "mentions": [{"start": 9, "end": 24, "text": "Emmanuel Macron"}],
                },
                {
                    "id": "E2",
                    "key": "paris|GPE",
                    "name": "Paris",
                    "type": "GPE",
                    "country": "FRA",
                    "mentions": [{"start": 0, "end": 5, "text": "Paris"}],
                },
                {
                    "id": "E3",
                    "key": "israel|GPE",
                    "name": "Israel",
                    "type": "GPE",
                    "mentions": [
                        {
                            "start": body.index("Israel"),
                            "end": body.index("Israel") + 6,
                            "text": "Israel",
                        }
                    ],
                },
            ],
            "places": [
                {
                    "entity": "E2",
                    "name": "Paris",
                    "lat": 48.8534,
                    "lon": 2.3488,
                    "country": "FRA",
                    "geonameid": 2988507,
                    "feature": "PPLC",
                    "mentions": [{"start": 0, "end": 5, "text": "Paris"}],
                }
            ],
            "dates": [
                {
                    "start": 33,
                    "end": 47,
                    "text": "7 October 2023",
                    "value": "2023-10-07",
                    "granularity": "day",
                }
            ],
            "quotes": [
                {
                    "start": body.index("France"),
                    "end": body.index("Israel") + 7,
                    "text": body[body.index("France") : body.index("Israel") + 7],
                    "kind": "direct",
                    "cue": "said",
                    "speaker": {"text": "Emmanuel Macron", "start": 9, "end": 24, "entity": "E1"},
                }
            ],
            "events": [
                {
                    "type": "SUPPORT",
                    "actor": {
                        "text": "France",
                        "start": body.index("France"),
                        "end": body.index("France") + 6,
                        "country": "FRA",
                    },
                    "place": "E2",
                    "start": 0,
                    "end": len(body),
                }
            ],
        }
    )


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "s.db"
    conn = connect(path, write=True)
    with transaction(conn):
        run = writes.start_run(conn, [], {})
        for n in (1, 2):
            art = _article(n)
            pk = writes.insert_article(conn, art, run_id=run, source="lemonde.test")
            event_dedup.place(conn, pk)
            writes.record_input(conn, f"h{n}", f"feed.jsonl:{n}", art.url, art.id, run)
        writes.insert_error(conn, "h", "bad.html", "BinaryInputError", "binary", run)
    conn.close()
    return path


def test_jsonl_is_one_record_per_article(store_path, tmp_path):
    export(store_path, tmp_path / "out", "jsonl")
    lines = (tmp_path / "out" / "articles.jsonl").read_text().splitlines()
    assert [Article.from_dict(json.loads(line)) for line in lines] == [_article(1), _article(2)]


def test_parquet_has_one_typed_table_per_kind(store_path, tmp_path):
    import pyarrow.parquet as pq

    counts = export(store_path, tmp_path / "out", "parquet")
    assert counts == {
        "runs": 1,
        "clusters": 0,
        "articles": 2,
        "inputs": 3,
        "errors": 1,
        "entities": 3,
        "article_entities": 6,
        "mentions": 6,
        "quotes": 2,
        "places": 2,
        "dates": 2,
        "events": 2,
        "event_clusters": 1,  # the two articles report one event
    }
    places = pq.read_table(tmp_path / "out" / "places.parquet")
    assert str(places.schema.field("lat").type) == "double"
    assert places.column("lat").to_pylist() == [48.8534, 48.8534]
    arts = pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()
    assert arts[0]["syndicated"] is False and arts[0]["body"] == _article(1).body
    quotes = pq.read_table(tmp_path / "out" / "quotes.parquet").to_pylist()
    assert quotes[0]["speaker_key"] == "emmanuel macron|PERSON"
    for table in TABLES.values():
        assert (tmp_path / "out" / f"{table.name}.parquet").exists() == table.exported


def test_csv_round_trips(store_path, tmp_path):
    export(store_path, tmp_path / "out", "csv")
    with open(tmp_path / "out" / "article_entities.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["name"] for r in rows] == ["Emmanuel Macron", "Paris", "Israel"] * 2
    with open(tmp_path / "out" / "articles.csv", newline="") as fh:
        assert [r["body"] for r in csv.DictReader(fh)] == [_article(1).body, _article(2).body]


def test_gkg_export_writes_one_row_per_article(store_path, tmp_path):
    """The export's rows; their columns are tested against the codebook in test_gkg.py."""
    counts = export(store_path, tmp_path / "out", "gkg")
    lines = (tmp_path / "out" / "articles.gkg.csv").read_text().splitlines()
    assert counts == {"articles": 2} and len(lines) == 2
    rows = [dict(zip(gkg.COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert [r["GKGRECORDID"] for r in rows] == [
        "20231007123000-a1",
        "20231007233000-a2",  # 01:30 at +02:00 is 23:30 UTC the day before
    ]
    assert rows[0]["V2ENHANCEDPERSONS"] == "Emmanuel Macron,9"
    assert rows[0]["V2.1ENHANCEDDATES"] == "3#10#7#2023#33"


def test_unknown_format(store_path, tmp_path):
    with pytest.raises(NewsgraphError, match="format must be"):
        export(store_path, tmp_path / "out", "xml")
    with open_store(store_path) as store:
        assert store.count()["articles"] == 2


def test_parquet_is_typed_for_pandas_and_nested_values_are_lists(store_path, tmp_path):
    import pandas as pd

    export(store_path, tmp_path / "out", "parquet")
    arts = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert str(arts["published"].dtype) == "datetime64[us, UTC]"
    assert list(arts["published"]) == [
        pd.Timestamp("2023-10-07 12:30", tz="UTC"),
        pd.Timestamp("2023-10-07 23:30", tz="UTC"),
    ]
    assert list(arts["published_text"]) == ["2023-10-07T12:30:00", "2023-10-08T01:30:00+02:00"]
    assert list(arts["authors"][0]) == [{"name": "Jean Dupont", "bio": None, "outlet": "Le Monde"}]
    assert arts["provenance"][0] == {"published": None, "title": None, "authors": None}
    places = pd.read_parquet(tmp_path / "out" / "places.parquet")
    assert list(places["mentions"][0]) == [{"start": 0, "end": 5, "text": "Paris"}]
    entities = pd.read_parquet(tmp_path / "out" / "entities.parquet")
    assert list(entities["key"]) == ["emmanuel macron|PERSON", "israel|GPE", "paris|GPE"]


def test_csv_holds_nested_values_as_json(store_path, tmp_path):
    export(store_path, tmp_path / "out", "csv")
    with open(tmp_path / "out" / "articles.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert json.loads(rows[0]["authors"]) == [
        {"name": "Jean Dupont", "bio": None, "outlet": "Le Monde"}
    ]
    assert [r["published"] for r in rows] == [
        "2023-10-07T12:30:00+00:00",
        "2023-10-07T23:30:00+00:00",
    ]
    assert rows[0]["syndicated"] == "false"


def _sql_blocks(path: Path) -> list[str]:
    return re.findall(r"```sql\n(.*?)```", path.read_text(), re.S)


def test_the_documented_duckdb_queries_run_on_an_export(store_path, tmp_path, monkeypatch):
    export(store_path, tmp_path / "out", "parquet")
    monkeypatch.chdir(tmp_path / "out")
    blocks = _sql_blocks(DOCS / "dataset.md")
    assert len(blocks) >= 5
    for sql in blocks:
        assert duckdb.sql(sql).fetchall(), sql  # every join finds rows
    stories = duckdb.sql(blocks[3]).fetchall()
    assert [(str(day), n, s) for day, n, s in stories] == [("2023-10-07", 2, 2)]


def test_the_documented_store_queries_run_on_the_store(store_path):
    plain = sqlite3.connect(store_path)
    for sql in _sql_blocks(DOCS / "store.md"):
        assert plain.execute(sql).fetchall(), sql


def test_exporters_are_found_by_name_built_in_or_plugged_in(store_path, tmp_path, monkeypatch):
    from newsgraph.corpus import export as module

    monkeypatch.setattr(module, "_EXPORTERS", dict(module._EXPORTERS))
    assert module.formats() == [
        "parquet",
        "csv",
        "jsonl",
        "gkg",
        "events-jsonl",
        "gdelt-events",
    ]

    @module.exporter("titles")
    def titles(store, out):
        rows = [a.title for a in store.articles()]
        (out / "titles.txt").write_text("\n".join(rows))
        return {"titles": len(rows)}

    assert export(store_path, tmp_path / "a", "titles") == {"titles": 2}
    point = EntryPoint("lines", "newsgraph.corpus.export:export_jsonl", module.ENTRY_POINTS)
    monkeypatch.setattr(
        module, "entry_points", lambda group: [point] if group == point.group else []
    )
    assert module.formats()[-2:] == ["titles", "lines"]
    assert export(store_path, tmp_path / "b", "lines") == {"articles": 2}
    assert (tmp_path / "b" / "articles.jsonl").exists()
