"""Progress and the summary: the run's total from a quick walk, files no reader takes listed."""

from __future__ import annotations

from click.testing import CliRunner

from newsgraph.cli import app
from newsgraph.corpus.progress import BytesRead, IngestProgress, total_bytes
from newsgraph.corpus.runner import ingest
from newsgraph.read import input_files, iter_items


def test_the_total_is_the_size_of_the_files_the_walk_reads(corpus):
    (corpus / "random.bin").write_bytes(b"\0" * 1000)
    files = input_files([corpus, corpus / "a.txt"])
    names = [f.relative_to(corpus).as_posix() for f in files]
    assert names == [
        "a.txt",
        "crawl.warc.gz",
        "feed.jsonl",
        "sub/b.html",
        "sub/deeper/c.txt.gz",
        "table.csv",
        "a.txt",  # named again: read again
    ]
    expected = sum(f.stat().st_size for f in files)
    assert total_bytes(files) == expected

    read, seen = BytesRead(), []
    for _item in iter_items([corpus, corpus / "a.txt"], opened=read.opened):
        seen.append(read.done)
    read.finished()
    assert seen == sorted(seen) and seen[0] == 0
    assert read.done == expected


def test_the_bar_says_loading_model_until_the_first_batch():
    with IngestProgress(enabled=False, total=100, loading=True) as bar:
        assert bar.doing == "loading model"
        bar.update(read=10, docs=4, failed=0, skipped=0)
        assert bar.doing == "ingest"
    with IngestProgress(enabled=False, total=0, loading=False) as bar:
        assert bar.doing == "ingest"


def test_files_of_unknown_type_are_counted_and_listed(corpus, tmp_path, kit):
    (corpus / "random.bin").write_bytes(bytes(range(256)))
    summary = ingest([corpus], tmp_path / "a.db", options=kit.fast, workers=1)
    assert summary.unknown == [corpus / "ignored.png", corpus / "random.bin"]
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            str(corpus),
            "--db",
            str(tmp_path / "b.db"),
            "--annotators",
            "none",
            "--no-clean",
            "--no-progress",
            "--workers",
            "1",
        ],
    )
    assert (
        f"skipped 2 files of unknown type: {corpus / 'ignored.png'}, {corpus / 'random.bin'}"
        in result.stderr.splitlines()
    )
