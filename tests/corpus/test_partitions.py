"""Partitions: listed without reading, in the walk's order, whole files, the same every time."""

from __future__ import annotations

import json

import pytest

from newsgraph.corpus import partitions
from newsgraph.corpus.partitions import listed, partition, target_bytes
from newsgraph.read import Fields, iter_items


def test_listing_follows_the_walk_and_keeps_missing_paths(corpus, tmp_path):
    missing = tmp_path / "nowhere.txt"
    files = listed([corpus, missing])
    opened: list[str] = []
    list(iter_items([corpus, missing], opened=lambda path: opened.append(str(path))))
    assert [name for name, _ in files] == [*opened, str(missing)]
    assert files[-1] == (str(missing), 0)
    assert not any(name.endswith(".png") for name, _ in files)  # no reader: not an input


def test_partitions_cut_at_the_target_and_never_split_a_file(monkeypatch):
    monkeypatch.setattr(partitions, "MIN_PARTITION_BYTES", 100)
    files = [(f"f{n}", size) for n, size in enumerate([60, 60, 250, 10, 10])]
    parts = partition(files)
    assert [[s.file for s in p.files] for p in parts] == [["f0", "f1"], ["f2"], ["f3", "f4"]]
    assert all(s.end is None for p in parts for s in p.files)  # whole files
    assert [p.size for p in parts] == [120, 250, 20]
    assert [p.name for p in parts] == ["part-00000", "part-00001", "part-00002"]
    assert partition(files) == parts  # the same inputs, the same partitions


def test_the_target_grows_with_the_inputs_within_bounds():
    assert target_bytes(0) == partitions.MIN_PARTITION_BYTES
    assert target_bytes(64 * 2**20) == 2**20
    assert target_bytes(10 * 2**40) == partitions.MAX_PARTITION_BYTES


def test_a_big_json_lines_file_is_cut_into_ranges_that_read_each_line_once(monkeypatch, tmp_path):
    monkeypatch.setattr(partitions, "MIN_PARTITION_BYTES", 1000)
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"text": f"Story {n}. " + "word " * (n % 37)}) for n in range(300)]
    lines[5] = "not json"  # a bad line stays one error, numbered as a whole read numbers it
    path.write_text("\n".join(lines[:150]) + "\n\n" + "\n".join(lines[150:]) + "\n")
    (tmp_path / "small.jsonl").write_text(lines[0] + "\n")
    parts = partition(listed([tmp_path]))
    ranges = [s for p in parts for s in p.files if s.end is not None]
    assert len(ranges) > 5 and {s.file for s in ranges} == {str(path)}
    assert [s.start for s in ranges][0] == 0 and ranges[-1].end == path.stat().st_size

    whole = list(iter_items([tmp_path]))
    pieces = [item for p in parts for s in p.files for item in s.items(Fields(), 10**6)]
    key = [(i.location, i.hash, i.error) for i in whole]
    assert [(i.location, i.hash, i.error) for i in pieces] == key
    assert sum(i.error is not None for i in pieces) == 1


@pytest.mark.parametrize("packed", [True, False], ids=["warc.gz", "warc"])
def test_a_big_warc_is_cut_into_ranges_that_read_each_record_once(
    monkeypatch, tmp_path, kit, packed
):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    monkeypatch.setattr(partitions, "MIN_PARTITION_BYTES", 2000)
    path = tmp_path / ("crawl.warc.gz" if packed else "crawl.warc")
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=packed)
        for n in range(40):
            html = kit.page(f"Story {n}", kit.story(n, sentences=4 + n % 5))
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0"
            )
            writer.write_record(
                writer.create_warc_record(
                    f"https://news.test/{n}",
                    "response",
                    payload=BytesIO(html.encode()),
                    http_headers=headers,
                )
            )
    parts = partition(listed([path]))
    ranges = [s for p in parts for s in p.files]
    assert len(ranges) > 5 and all(s.end is not None for s in ranges)

    whole = [(i.location, i.hash, i.error) for i in iter_items([path])]
    pieces = [(i.location, i.hash, i.error) for s in ranges for i in s.items(Fields(), 10**6)]
    assert len(whole) == 40 and pieces == whole


def test_a_warc_gzipped_as_one_stream_is_read_whole(monkeypatch, tmp_path, kit):
    import gzip

    monkeypatch.setattr(partitions, "MIN_PARTITION_BYTES", 1000)
    plain = tmp_path / "one.warc"
    kit.write_warc(
        tmp_path / "members.warc.gz", [(f"https://x.test/{n}", kit.story(n)) for n in range(30)]
    )
    plain.write_bytes(gzip.decompress((tmp_path / "members.warc.gz").read_bytes()))
    stream = tmp_path / "stream.warc.gz"
    stream.write_bytes(gzip.compress(plain.read_bytes()))
    assert not partitions.splittable(str(stream)) and partitions.splittable(str(plain))
