"""WARC reading: HTML responses only; a file cut anywhere is reported, never silently short."""

from __future__ import annotations

import gzip

import pytest

from newsgraph.read.warc import iter_warc


@pytest.fixture
def warc(tmp_path, kit):
    path = tmp_path / "w.warc.gz"
    pages = [(f"https://w.test/{n}", kit.page(f"W{n}", kit.story(n))) for n in range(3)]
    kit.write_warc(path, pages)
    return path


def test_html_responses_with_their_urls(warc):
    items = list(iter_warc(warc, 10**6))
    assert [i.url for i in items] == [f"https://w.test/{n}" for n in range(3)]
    assert all(i.format == "html" and b"<article>" in i.data for i in items)
    assert len({i.location for i in items}) == 3


@pytest.mark.parametrize("compressed", [True, False])
def test_every_cut_point_gives_an_error_or_the_whole_file(warc, tmp_path, compressed):
    data = warc.read_bytes() if compressed else gzip.decompress(warc.read_bytes())
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    for cut in range(0, len(data), max(1, len(data) // 40)):
        path.write_bytes(data[:cut])
        items = list(iter_warc(path, 10**6))
        good = [i for i in items if i.error is None]
        assert items and items[-1].error is not None, cut
        assert "WARC is damaged" in items[-1].error[1]
        assert [i.url for i in good] == [f"https://w.test/{n}" for n in range(len(good))]
