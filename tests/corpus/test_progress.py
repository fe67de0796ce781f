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


def _big_jsonl(path, n=400):
    import gzip
    import json
    import random

    rng = random.Random(7)  # words that do not compress away: gzip reads in big chunks
    lines = "".join(
        json.dumps({"text": " ".join(f"{rng.getrandbits(40):x}" for _ in range(300))}) + "\n"
        for _ in range(n)
    ).encode()
    path.write_bytes(gzip.compress(lines) if path.suffix == ".gz" else lines)
    return path


def test_progress_moves_inside_one_big_file(tmp_path):
    for name in ("feed.jsonl", "feed.jsonl.gz"):
        path = _big_jsonl(tmp_path / name)
        read, seen = BytesRead(), []
        for _item in read.track(iter_items([path], opened=read.opened)):
            seen.append(read.done)
        size = path.stat().st_size
        assert seen == sorted(seen)
        # not a jump from nothing to everything at the end: halfway through, about half
        assert 0.3 * size < seen[len(seen) // 2] < 0.7 * size, name
        read.finished()
        assert read.done == size
