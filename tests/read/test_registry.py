"""The reader registry: suffixes, declared formats, third-party readers, skipped files."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.read import (
    Item,
    ReadOptions,
    content_hash,
    iter_items,
    open_unpacked,
    reader_for,
    readers,
    register_reader,
    registry,
)


@pytest.fixture(autouse=True)
def scratch_registry(monkeypatch):
    """Readers registered by a test go into a copy of the registry, dropped afterwards."""
    monkeypatch.setattr(registry, "_REGISTRY", dict(readers()))
    yield
    registry._load_plugins.cache_clear()


def read_foo(path: Path, options: ReadOptions) -> Iterator[Item]:
    """A third-party format: one document per line, 'title|text'."""
    with open_unpacked(path) as fh:
        for n, line in enumerate(fh.read().decode().splitlines(), 1):
            title, text = line.split("|")
            yield Item(f"{path}:{n}", content_hash("foo", line), text, "text", title=title)


def name_of(path: str) -> str | None:
    reader = reader_for(Path(path))
    return reader.name if reader else None


def test_a_third_party_reader_is_used_by_the_walker(tmp_path):
    register_reader("foo", suffixes=(".foo",), gzip=True)(read_foo)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.FOO").write_text("One|First story.\nTwo|Second story.\n")
    (tmp_path / "b.foo.gz").write_bytes(gzip.compress(b"Three|Third story.\n"))
    (tmp_path / "c.txt").write_text("A page.")
    (tmp_path / "random.bin").write_bytes(b"\x00\x01")
    skipped: list[Path] = []
    items = list(iter_items([tmp_path], skipped=skipped))
    assert [(i.title, i.data) for i in items if i.title] == [
        ("Three", "Third story."),
        ("One", "First story."),
        ("Two", "Second story."),
    ]
    assert [Path(i.location).name for i in items if not i.title] == ["c.txt"]
    assert skipped == [tmp_path / "random.bin"]
    report = f"skipped {len(skipped)} file of unknown type: {', '.join(p.name for p in skipped)}"
    assert report == "skipped 1 file of unknown type: random.bin"


def test_a_declared_format_overrides_the_file_name(tmp_path):
    (tmp_path / "feed.txt").write_text('{"text": "Story one.", "url": "https://a.test/1"}\n')
    (tmp_path / "page.txt").write_text("<p>Markup without a doctype.</p>")
    assert [i.format for i in iter_items([tmp_path])] == [None, None]
    records = list(iter_items([tmp_path / "feed.txt"], reader="jsonl"))
    assert [(i.url, i.data) for i in records] == [("https://a.test/1", "Story one.")]
    assert [i.format for i in iter_items([tmp_path / "page.txt"], reader="html")] == ["html"]
    with pytest.raises(NewsgraphError, match="unknown reader 'pdf'"):
        iter_items([tmp_path], reader="pdf")


def test_a_file_named_explicitly_is_read_as_a_page_when_no_reader_claims_it(tmp_path):
    path = tmp_path / "story.body"
    path.write_text("Words of a story.")
    skipped: list[Path] = []
    (item,) = iter_items([path], skipped=skipped)
    assert item.data == b"Words of a story." and item.error is None and skipped == []


def test_the_longest_suffix_wins_case_and_one_gz_aside():
    register_reader("json", suffixes=(".json",), gzip=True)(read_foo)
    register_reader("meta", suffixes=(".META.json",))(read_foo)
    assert name_of("a.json") == "json" and name_of("a.Json.GZ") == "json"
    assert name_of("x.meta.json") == "meta"
    assert name_of("x.meta.json.gz") == "json"  # "meta" takes no gzip
    assert name_of("x.json.gz.gz") is None and name_of("json") is None
    assert name_of("crawl.warc.gz") == "warc" and name_of("a.xhtml") == "html"


def test_a_suffix_belongs_to_one_reader_and_a_name_can_be_replaced():
    with pytest.raises(ValueError, match=r"claims \.csv, already claimed by reader 'csv'"):
        register_reader("table", suffixes=(".csv",))(read_foo)
    with pytest.raises(ValueError, match="must start with '.'"):
        register_reader("bad", suffixes=("txt",))
    with pytest.raises(ValueError, match="not be .gz"):
        register_reader("bad", suffixes=(".tar.gz",))
    register_reader("csv", suffixes=(".csv", ".tsv"), gzip=True)(read_foo)
    assert readers()["csv"].read is read_foo and name_of("t.tsv") == "csv"


def test_readers_come_from_the_entry_point_group(monkeypatch):
    class EntryPoint:
        def load(self):
            register_reader("plugin", suffixes=(".plug",))(read_foo)

    groups: list[str] = []

    def entry_points(group: str):
        groups.append(group)
        return [EntryPoint()]

    monkeypatch.setattr(registry, "entry_points", entry_points)
    registry._load_plugins.cache_clear()
    assert name_of("a.plug") == "plugin"
    assert {"page", "html", "jsonl", "csv", "warc", "reuters-sgml"} <= set(readers())
    assert groups == ["newsgraph.readers"]  # loaded once per process
