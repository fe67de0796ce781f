"""Inputs at fsspec URLs read as the same files on disk would be, with the URL as location."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.read import iter_items
from newsgraph.read.remote import is_url, listed

fsspec = pytest.importorskip("fsspec")


@pytest.fixture
def bucket(tmp_path, kit):
    """The same three files on disk and in fsspec's in-memory filesystem."""
    root = f"memory://bucket-{uuid.uuid4().hex[:8]}"
    files = {
        "a.txt": kit.story(1).encode(),
        "sub/feed.jsonl": b"".join(
            json.dumps({"text": kit.story(n)}).encode() + b"\n" for n in (2, 3)
        )
        + b"not json\n",
        "notes.bin": b"\0\1",
    }
    fs = fsspec.filesystem("memory")
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
        with fs.open(f"{root}/{name}", "wb") as fh:
            fh.write(data)
    yield root, tmp_path
    fs.rm(root, recursive=True)


def test_a_url_folder_is_read_as_the_same_folder_on_disk(bucket):
    root, disk = bucket
    remote = list(iter_items([root]))
    local = list(iter_items([disk]))
    assert [(i.hash, i.error, i.data) for i in remote] == [(i.hash, i.error, i.data) for i in local]
    base = "memory:///" + root.removeprefix("memory://")
    assert [i.location for i in remote] == [
        f"{base}/a.txt",
        f"{base}/sub/feed.jsonl:1",
        f"{base}/sub/feed.jsonl:2",
        f"{base}/sub/feed.jsonl:3",  # the line that is not JSON, numbered as on disk
    ]
    assert [name for name, _ in listed(root)] == [f"{base}/a.txt", f"{base}/sub/feed.jsonl"]


def test_a_missing_url_is_one_failure_and_an_unknown_protocol_a_clear_error():
    (item,) = iter_items(["memory://no-such-bucket/x.jsonl"])
    assert item.error == ("InputError", "memory://no-such-bucket/x.jsonl does not exist")
    with pytest.raises(NewsgraphError, match="cannot read nosuch:// URLs"):
        list(iter_items(["nosuch://bucket/x.txt"]))
    assert is_url("s3://b/x") and not is_url(Path("s3://b/x")) and not is_url("a/b.txt")


def test_the_cli_ingests_a_url(bucket, tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import app

    root, _ = bucket
    db = tmp_path / "news.db"
    args = ["ingest", root, "--db", str(db), "--annotators", "none", "--no-progress"]
    result = CliRunner().invoke(app, [*args, "--workers", "1"])
    assert result.exit_code == 1, result.stderr  # the line that is not JSON failed
    assert "added 3 articles" in result.stderr and "feed.jsonl:3" in result.stderr
