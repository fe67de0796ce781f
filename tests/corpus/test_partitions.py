"""Partitions: listed without reading, in the walk's order, whole files, the same every time."""

from __future__ import annotations

from newsgraph.corpus import partitions
from newsgraph.corpus.partitions import listed, partition, target_bytes
from newsgraph.read import iter_items


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
    assert [p.files for p in parts] == [("f0", "f1"), ("f2",), ("f3", "f4")]
    assert [p.size for p in parts] == [120, 250, 20]
    assert [p.name for p in parts] == ["part-00000", "part-00001", "part-00002"]
    assert partition(files) == parts  # the same inputs, the same partitions


def test_the_target_grows_with_the_inputs_within_bounds():
    assert target_bytes(0) == partitions.MIN_PARTITION_BYTES
    assert target_bytes(64 * 2**20) == 2**20
    assert target_bytes(10 * 2**40) == partitions.MAX_PARTITION_BYTES
