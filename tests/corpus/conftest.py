"""Inputs that must not break an ingest run (the builders are in tests/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def bad_inputs(tmp_path, kit) -> Path:
    """The issue's folder of inputs that must not break a run, plus one good page."""
    root = tmp_path / "bad"
    root.mkdir()
    (root / "good.txt").write_text(kit.story(100))
    (root / "zero.txt").write_bytes(b"")
    (root / "photo.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)
    (root / "invalid-utf8.txt").write_bytes(bytes(range(128, 256)) * 64)
    (root / "utf16.txt").write_bytes(kit.story(101).encode("utf-16"))  # with BOM
    with open(root / "huge.txt", "wb") as fh:  # 50 MB, over the 20 MB default limit
        line = (kit.story(102).replace("\n\n", " ") + "\n").encode()
        fh.write(line * (50_000_000 // len(line) + 1))
    kit.write_warc(
        root / "whole.warc.gz",
        [(f"https://w.test/{n}", kit.page(f"W{n}", kit.story(n))) for n in (103, 104)],
    )
    data = (root / "whole.warc.gz").read_bytes()
    (root / "whole.warc.gz").unlink()
    (root / "cut.warc.gz").write_bytes(data[: len(data) - 700])  # ends inside the 2nd page
    (root / "feed.jsonl").write_text(
        json.dumps({"text": kit.story(105)})
        + "\n{not json at all\n"
        + json.dumps({"text": kit.story(106)})
        + "\n"
    )
    (root / "nocolumn.csv").write_text("title,url\nA,https://a.test\n")
    return root
