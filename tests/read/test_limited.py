"""The one size-limited reader: gzip found by its bytes, never unpacked past the limit."""

from __future__ import annotations

import gzip

import pytest

from newsgraph.errors import InputError, TooLargeError
from newsgraph.read import iter_items, read_limited


def test_plain_and_compressed_files_and_buffers(tmp_path):
    plain, packed, named_gz = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt.gz"
    plain.write_bytes(b"story")
    packed.write_bytes(gzip.compress(b"story"))  # compressed without the suffix
    named_gz.write_bytes(b"story")  # the suffix without compression
    assert [read_limited(p, 5) for p in (plain, packed, named_gz)] == [b"story"] * 3
    assert read_limited(gzip.compress(b"story"), 5) == read_limited(b"story", 5) == b"story"


def test_the_limit_is_named_and_a_gzip_bomb_is_never_unpacked(tmp_path, monkeypatch):
    asked: list[int] = []
    real_read = gzip.GzipFile.read

    def read(self, size=-1):
        asked.append(size)
        return real_read(self, size)

    monkeypatch.setattr(gzip.GzipFile, "read", read)
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b" " * 10_000_000))
    with pytest.raises(
        TooLargeError, match="bomb.html.gz unpacks to over the limit of 1,000 bytes"
    ):
        read_limited(bomb, 1000)
    assert asked and all(0 <= n <= 1001 for n in asked)
    with pytest.raises(TooLargeError, match="input unpacks to over the limit of 1,000 bytes"):
        read_limited(bomb.read_bytes(), 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(TooLargeError, match="big.txt is 5,000 bytes, over the limit of 4,999"):
        read_limited(big, 4999)
    assert len(read_limited(big, 5000)) == 5000


def test_damaged_and_missing_files_are_input_errors(tmp_path):
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(b"story " * 1000)[:40])
    with pytest.raises(InputError, match="cut.txt.gz is a damaged gzip file"):
        read_limited(cut, 10_000)
    with pytest.raises(InputError, match="cannot read"):
        read_limited(tmp_path / "nope.txt", 10_000)


def test_the_page_reader_uses_it(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b" " * 100_000))
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(b"story " * 1000)[:40])
    bomb, cut = [i.error for i in iter_items([tmp_path], max_bytes=10_000)]
    assert bomb == ("TooLargeError", "bomb.txt.gz unpacks to over the limit of 10,000 bytes")
    assert cut[0] == "InputError" and cut[1].startswith("cut.html.gz is a damaged gzip file")
