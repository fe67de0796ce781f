"""ingest on Dask -> a Parquet dataset -> load: the same store as one process and the pool."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsgraph.corpus import partitions
from newsgraph.corpus.dataset import WRITTEN, schema
from newsgraph.corpus.load import load
from newsgraph.corpus.runner import ingest
from newsgraph.errors import NewsgraphError
from newsgraph.options import Options
from newsgraph.store import open as open_store
from newsgraph.store.tables import TABLES

distributed = pytest.importorskip("distributed")
dask_runner = pytest.importorskip("newsgraph.corpus.dask_runner")

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "harbour-article.txt"
OPTIONS = Options(today="2024-06-01")  # every annotator


@pytest.fixture(scope="module")
def client():
    """One in-process worker: the model is loaded once for the whole module."""
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture
def small(tmp_path, kit, monkeypatch) -> Path:
    """The sample article, generated stories (one twice), and inputs that fail; cut into
    partitions of a file or two, so that order and duplicates cross partitions."""
    monkeypatch.setattr(partitions, "MIN_PARTITION_BYTES", 700)
    root = tmp_path / "small"
    root.mkdir()
    (root / "a-harbour.txt").write_bytes(SAMPLE.read_bytes())
    for n in range(1, 5):
        (root / f"b-{n}.txt").write_text(kit.story(n, sentences=8))
    (root / "c-copy.txt").write_text(kit.story(2, sentences=8))
    (root / "d-empty.txt").write_bytes(b"")
    (root / "e-binary.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    return root


def content(db: Path) -> dict[str, list[tuple]]:
    """Every stored row of every table but the runs, without the run ids."""
    out = {}
    with sqlite3.connect(db) as conn:
        for table in TABLES.values():
            if table.name == "runs":
                continue
            names = ", ".join(f'"{c.name}"' for c in table.stored if c.name != "run_id")
            rows = conn.execute(f"SELECT {names} FROM {table.name}").fetchall()
            out[table.name] = sorted(rows, key=repr)
    return out


def test_one_process_pool_and_dask_give_the_same_records(small, tmp_path, client):
    one = ingest([small], tmp_path / "one.db", options=OPTIONS, workers=1, batch_size=3)
    ingest([small], tmp_path / "pool.db", options=OPTIONS, workers=2, batch_size=3)
    made = dask_runner.ingest(
        [small], tmp_path / "dataset", address=client, options=OPTIONS.model_copy(), fields=None
    )
    assert made.partitions > 2 and made.counts.inputs == 8 and made.counts.failed == 2
    loaded = load(tmp_path / "dataset", tmp_path / "dask.db")

    assert loaded.counts.added == one.counts.added == 5
    assert loaded.counts.failed == one.counts.failed == 2
    same = content(tmp_path / "one.db")
    assert same["quotes"] and same["article_entities"] and same["places"]
    assert content(tmp_path / "pool.db") == same
    assert content(tmp_path / "dask.db") == same
    with open_store(tmp_path / "one.db") as a, open_store(tmp_path / "dask.db") as b:
        assert [x.to_dict() for x in a.articles()] == [x.to_dict() for x in b.articles()]


def test_the_dataset_is_typed_by_the_table_spec_and_keeps_failures(small, tmp_path, client):
    out = tmp_path / "dataset"
    dask_runner.ingest([small], out, address=client, options=OPTIONS)
    for name in WRITTEN:
        files = sorted((out / name).glob("*.parquet"))
        assert files and all(f.name.startswith("part-") for f in files)  # nothing left half-done
        assert all(pq.read_schema(f) == schema(TABLES[name]) for f in files)
    errors = pq.read_table(out / "errors").to_pylist()
    reasons = {Path(e["location"]).name: (e["stage"], e["kind"], e["reason"]) for e in errors}
    assert reasons["d-empty.txt"] == ("read", "EmptyInputError", "input is empty")
    assert reasons["e-binary.html"][0] == "read"

    duckdb = pytest.importorskip("duckdb")
    copies = duckdb.sql(
        f"SELECT count(*) AS inputs, count(DISTINCT article) AS bodies "
        f"FROM '{out}/inputs/*.parquet' WHERE article IS NOT NULL"
    ).fetchall()
    assert copies == [(6, 5)]  # the copied story is one body: one pk in every partition


def test_the_same_command_resumes_and_other_options_are_refused(small, tmp_path, client):
    out = tmp_path / "dataset"
    fast = Options(annotators=(), today="2024-06-01")
    first = dask_runner.ingest([small], out, address=client, options=fast)
    (out / "inputs" / "part-00001.parquet").unlink()  # as if its task had not finished
    again = dask_runner.ingest([small], out, address=client, options=fast)
    assert again.resumed == first.partitions - 1 and again.counts.inputs >= 1
    with pytest.raises(NewsgraphError, match="other inputs or options"):
        dask_runner.ingest(
            [small], out, address=client, options=fast.model_copy(update={"min_body": 0})
        )

    load(out, tmp_path / "news.db")
    again = load(out, tmp_path / "news.db")  # loaded twice: every input is stored already
    assert again.counts.added == 0 and again.counts.skipped == 8


def test_the_commands(small, tmp_path, client):
    from click.testing import CliRunner

    from newsgraph.cli import app

    run = CliRunner().invoke
    usage = run(app, ["ingest", str(small), "--dask", "local", "--db", str(tmp_path / "x.db")])
    assert usage.exit_code == 2 and "give --db, or --dask with --out" in usage.stderr
    dask_runner.ingest(
        [small], tmp_path / "dataset", address=client, options=Options(annotators=())
    )
    loaded = run(app, ["load", str(tmp_path / "dataset"), "--db", str(tmp_path / "news.db")])
    assert loaded.exit_code == 0, loaded.stderr
    assert "added 5 articles" in loaded.stderr and "2 failed" in loaded.stderr
    bad = run(app, ["load", str(small), "--db", str(tmp_path / "news.db")])
    assert bad.exit_code == 1 and "is not a finished newsgraph dataset" in bad.stderr


def test_the_documented_duckdb_query_runs_on_a_dataset(small, tmp_path, client, monkeypatch):
    duckdb = pytest.importorskip("duckdb")
    doc = (Path(__file__).resolve().parents[2] / "docs" / "dataset.md").read_text()
    section = doc.split("## The dataset of `ingest --dask`")[1]
    query = section.split("```sql dask\n")[1].split("```")[0]  # "dask": not an export's
    dask_runner.ingest(
        [small], tmp_path / "dataset", address=client, options=Options(annotators=())
    )
    monkeypatch.chdir(tmp_path / "dataset")
    assert duckdb.sql(query).fetchall() == [(None, 5)]


def test_inputs_at_a_url_give_the_records_of_the_same_files_on_disk(small, tmp_path, client):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")  # one process: the in-process workers share it
    url = "memory://newsgraph-test-inputs"
    for f in sorted(small.iterdir()):
        with fs.open(f"{url}/{f.name}", "wb") as fh:
            fh.write(f.read_bytes())
    try:
        fast = Options(annotators=(), today="2024-06-01")
        made = dask_runner.ingest([url], tmp_path / "remote", address=client, options=fast)
        dask_runner.ingest([small], tmp_path / "local", address=client, options=fast)
    finally:
        fs.rm(url, recursive=True)
    assert made.counts.inputs == 8 and made.counts.failed == 2
    load(tmp_path / "remote", tmp_path / "remote.db")
    load(tmp_path / "local", tmp_path / "local.db")
    with open_store(tmp_path / "remote.db") as a, open_store(tmp_path / "local.db") as b:
        assert [x.to_dict() for x in a.articles()] == [x.to_dict() for x in b.articles()]
    with sqlite3.connect(tmp_path / "remote.db") as conn:
        locations = sorted(r[0] for r in conn.execute("SELECT location FROM inputs"))
    assert locations[0] == "memory:///newsgraph-test-inputs/a-harbour.txt"
