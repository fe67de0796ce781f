"""The corpus commands: ingest, search, quotes, top, export; --json; one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def db(tmp_path, corpus):
    path = tmp_path / "news.db"
    result = run(
        "ingest",
        corpus,
        "--db",
        path,
        "--workers",
        "1",
        "--no-clean",
        "--annotators",
        "none",
        "--no-progress",
        "--text-field",
        "text",
    )
    assert result.exit_code == 1  # table.csv has no 'text' column: one failed input
    assert "added 10 articles" in result.stderr and "1 failed" in result.stderr
    assert "table.csv: CSV has no 'text'" in result.stderr
    return path


def test_ingest_again_is_a_no_op_and_succeeds_without_failures(db, corpus, tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    (good / "x.jsonl").write_text(json.dumps({"text": "A short and plain text here."}) + "\n")
    result = run(
        "ingest",
        good,
        "--db",
        db,
        "--workers",
        "1",
        "--annotators",
        "none",
        "--no-progress",
        "--no-clean",
    )
    assert result.exit_code == 0 and "added 1 articles" in result.stderr
    result = run(
        "ingest",
        good,
        "--db",
        db,
        "--workers",
        "1",
        "--annotators",
        "none",
        "--no-progress",
        "--no-clean",
    )
    assert result.exit_code == 0 and "1 inputs already stored" in result.stderr


def test_search_json_and_text(db):
    result = run("search", "harbour AND budget", "--db", db, "--json", "--limit", "3")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert 1 <= len(rows) <= 3 and all(
        "[harbour]" in r["snippet"] or "[budget]" in r["snippet"] for r in rows
    )
    text = run("search", "harbour", "--db", db, "--limit", "2")
    assert text.exit_code == 0 and "[harbour]" in text.stdout


@pytest.mark.parametrize(
    "args,message",
    [
        (("search", "harbour AND ("), "malformed search query"),
        (("top", "colours"), "top takes one of"),
        (("search", "x", "--since", "yesterday"), "--since must be a date"),
        (("export", "--format", "xml", "--out", "o"), "format must be one of"),
    ],
)
def test_bad_queries_are_one_line_errors(db, args, message):
    result = run(*args, "--db", db)
    assert result.exit_code == 1
    assert result.stderr.startswith("newsgraph: error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_store_is_an_error(tmp_path):
    result = run("search", "x", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "no store at" in result.stderr


def test_top_sources_quotes_and_export(db, tmp_path):
    top = run("top", "sources", "--db", db, "--json")
    assert top.exit_code == 0
    names = {json.loads(line)["name"] for line in top.stdout.splitlines()}
    assert names == {"news.test", "warc.test"}
    quotes = run("quotes", "--db", db, "--speaker", "nobody", "--json")
    assert quotes.exit_code == 0 and quotes.stdout == ""
    out = tmp_path / "out"
    result = run("export", "--db", db, "--format", "jsonl", "--out", out)
    assert result.exit_code == 0 and "articles: 10 rows" in result.stderr
    assert len((out / "articles.jsonl").read_text().splitlines()) == 10


def test_a_folder_gets_its_outlet_from_source_and_exports_carry_locations(tmp_path, kit):
    import pyarrow.parquet as pq

    folder = tmp_path / "site"
    folder.mkdir()
    for n in range(2):
        (folder / f"{n}.txt").write_text(kit.story(n))
    db = tmp_path / "s.db"
    done = run(
        "ingest",
        folder,
        "--db",
        db,
        "--annotators",
        "none",
        "--no-progress",
        "--source",
        "Coastal Herald",
    )
    assert done.exit_code == 0, done.stderr
    assert (
        run("export", "--db", db, "--format", "parquet", "--out", tmp_path / "out").exit_code == 0
    )
    articles = pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()
    assert {a["source"] for a in articles} == {"Coastal Herald"}
    assert sorted(Path(a["location"]).name for a in articles) == ["0.txt", "1.txt"]
