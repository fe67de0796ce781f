"""Input paths -> Items: every kind of file, configurable fields, errors as Items."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.read import Fields, content_hash, iter_items, reader_for


def test_folder_is_walked_recursively_in_a_stable_order(corpus):
    items = list(iter_items([corpus]))
    names = [i.location.replace(str(corpus), "") for i in items]
    files = [n.split("@")[0].rsplit(":", 1)[0] for n in names]
    assert files == sorted(files)
    assert "/ignored.png" not in names
    assert sum(1 for n in names if n.startswith("/crawl.warc.gz@")) == 4
    assert "/sub/deeper/c.txt.gz" in names and "/sub/b.html" in names
    assert [i.location for i in iter_items([corpus])] == [i.location for i in items]


def test_pages_and_gzip(corpus):
    by_name = {i.location.rsplit("/", 1)[-1]: i for i in iter_items([corpus])}
    assert by_name["c.txt.gz"].data.startswith(b"Story 3 sentence 0")
    assert by_name["b.html"].format == "html"
    assert by_name["a.txt"].format is None  # detected later


def test_jsonl_records_carry_their_metadata(corpus):
    items = [i for i in iter_items([corpus / "feed.jsonl"])]
    assert [i.url for i in items] == [f"https://news.test/{n}" for n in (4, 5, 6)]
    assert items[0].title == "Story 4" and items[0].published == "2023-10-04"
    assert items[0].format == "text" and items[0].error is None


def test_csv_fields_are_named_by_options(corpus):
    default = list(iter_items([corpus / "table.csv"]))
    assert len(default) == 1 and "no 'text' or 'html' column" in default[0].error[1]
    fields = Fields(text="body", url="link", title="headline", published="date", source="outlet")
    items = list(iter_items([corpus / "table.csv"], fields))
    assert [(i.url, i.title, i.published, i.source) for i in items] == [
        ("https://csv.test/7", "T7", "2022-01-01", "Outlet7"),
        ("https://csv.test/8", "T8", "2022-01-02", "Outlet8"),
    ]


def test_bad_records_become_error_items(tmp_path):
    feed = tmp_path / "f.jsonl"
    feed.write_text('{"text": "ok text here"}\n[1, 2]\n{"title": "no text"}\n{"text": 5}\n')
    errors = [i.error for i in iter_items([feed])]
    assert errors[0] is None
    assert "not a JSON object" in errors[1][1]
    assert "no 'text'" in errors[2][1] and "not a string" in errors[3][1]
    table = tmp_path / "t.csv"
    table.write_text("text,url\nfine body text,https://a.test\n")
    assert list(iter_items([table]))[0].error is None
    missing = list(iter_items([tmp_path / "nope"]))
    assert missing[0].error == ("InputError", f"{tmp_path / 'nope'} does not exist")


def test_oversized_inputs_are_refused_without_reading_them(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 1000)
    (tmp_path / "big.jsonl").write_text(json.dumps({"text": "word " * 1000}) + "\n")
    errors = [i.error[0] for i in iter_items([tmp_path], max_bytes=100)]
    assert errors == ["TooLargeError", "TooLargeError"]


def test_content_hash_depends_on_content_only(tmp_path):
    (tmp_path / "a.txt").write_text("same words")
    (tmp_path / "b.txt").write_text("same words")
    a, b = iter_items([tmp_path])
    assert a.hash == b.hash
    assert content_hash("ab", "c") != content_hash("a", "bc")


def kind_of(path: Path) -> str | None:
    reader = reader_for(path)
    return reader.name if reader else None


def test_kind_of():
    assert kind_of(Path("x/CRAWL.WARC.GZ")) == "warc"
    assert kind_of(Path("a.htm.gz")) == "html"
    assert kind_of(Path("a.TXT.gz")) == "page"
    assert kind_of(Path("feed.ndjson")) == "jsonl"
    assert kind_of(Path("reut2-000.sgm")) == "reuters-sgml"
    assert kind_of(Path("reut2-000.sgm.gz")) is None  # that reader takes no gzip
    assert kind_of(Path("photo.jpg")) is None
