"""The command line: JSON out for good input, one line and a non-zero exit for bad input."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()


def run(*args: str, input: bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def test_extract_prints_the_record(tmp_path, sample_text):
    path = tmp_path / "a.txt"
    path.write_text(sample_text, encoding="utf-8")
    result = run("extract", str(path), "--published", "2024-03-14")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["published"] == "2024-03-14"
    assert "Harbour towns along the Dalmatian coast" in data["body"]


def test_extract_reads_stdin_and_gzip(tmp_path, sample_text):
    from_stdin = run("extract", "-", "--no-clean", input=sample_text.encode())
    assert from_stdin.exit_code == 0
    assert json.loads(from_stdin.stdout)["body"] == sample_text
    gz = tmp_path / "a.txt.gz"
    gz.write_bytes(gzip.compress(sample_text.encode()))
    from_gz = run("extract", str(gz), "--no-clean")
    assert json.loads(from_gz.stdout)["body"] == sample_text


BAD_INPUTS = {
    "empty.txt": b"",
    "blank.txt": b"   \n\n  ",
    "image.html": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 20,
    "nul.txt": b"abc\x00\x00\x00def\x00" * 200,
    "noarticle.html": b"<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>",
    "bad-utf16.txt": b"\xff\xfe" + b"a\x00b\x00\x00\xd8",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_nonzero(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    result = run("extract", str(path))
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsgraph: error:"), result.stderr
    assert "Traceback" not in result.output


def test_huge_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on the file system, no disk used
    result = run("extract", str(path))
    assert result.exit_code != 0
    assert "over the limit" in result.stderr


def test_missing_file_and_bad_format_option(tmp_path):
    missing = run("extract", str(tmp_path / "nope.txt"))
    assert missing.exit_code != 0 and "cannot read" in missing.stderr
    bad = run("extract", "-", "--format", "pdf", input=b"hello")
    assert bad.exit_code == 2 and "--format" in bad.stderr


def test_schema_command():
    result = run("schema")
    assert result.exit_code == 0
    assert "Article" in json.loads(result.stdout)["title"]


def test_short_help_and_version():
    assert run("-h").exit_code == 0 and "Usage: " in run("-h").stdout
    helped = run("extract", "-h")
    assert helped.exit_code == 0 and "Examples:" in helped.stdout
    for placeholder in ("<bool>", "<str>", "<list[", "{path}"):
        assert placeholder not in helped.stdout
    version = run("--version")
    assert version.exit_code == 0
    assert version.stdout.startswith("newsgraph ") and "model " in version.stdout
    assert "gazetteer " in version.stdout


def test_usage_errors_are_one_line_with_exit_2(tmp_path, sample_text):
    path = tmp_path / "a.txt"
    path.write_text(sample_text, encoding="utf-8")
    for args, message in (
        (("extract", str(path), "--published", "yesterday"), "--published must be"),
        (("extract", str(path), "--published", "2099-01-01"), "--published must be"),
        (("extract", str(path), "--format", "xml"), "--format must be"),
        (("ingest", str(path), "--db", str(tmp_path / "s.db"), "--workers", "0"), "--workers"),
        (("extract", str(path), "--bogus"), "No such option"),
    ):
        result = run(*args)
        assert result.exit_code == 2, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("newsgraph: error:"), result.stderr
        assert message in lines[0]


def test_extract_of_several_files_is_json_lines_with_errors_named(tmp_path, sample_text):
    good = tmp_path / "a.txt"
    good.write_text(sample_text, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("extract", str(good), str(empty), str(good), "--annotators", "none")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2 and records[0] == records[1]
    assert result.stderr.strip().startswith(f"newsgraph: error: {empty}:")


def test_serve_binds_localhost_and_says_where(tmp_path, monkeypatch):
    import uvicorn

    from newsgraph.store.db import connect

    connect(tmp_path / "s.db", write=True).close()
    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    result = run("serve", "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 0, result.stderr
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    assert "http://127.0.0.1:8000/" in result.stderr
    run("serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0", "--port", "8080")
    assert (served["host"], served["port"]) == ("0.0.0.0", 8080)


def test_serve_needs_a_store(tmp_path):
    result = run("serve", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "no store" in result.stderr
    (tmp_path / "other.db").write_bytes(b"not a database at all" * 100)
    result = run("serve", "--db", str(tmp_path / "other.db"))
    assert result.exit_code == 1 and "not a newsgraph store" in result.stderr


def test_quotes_prints_only_verbatim_words_in_quotation_marks(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "Flood Clean-Up Begins in Split\n\n"
        "“We will rebuild the harbour,” the mayor Ivan Peric said on Thursday, “and we will "
        "do it this year.”\n\n"
        "The mayor said that the council would meet on Friday to agree on the repairs.\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    assert run("ingest", str(story), "--db", str(db), "--min-body", "0").exit_code == 0
    result = run("quotes", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    direct = next(line for line in lines if "rebuild" in line)
    assert "“We will rebuild the harbour, … and we will do it this year.”" in direct
    indirect = next(line for line in lines if "council" in line)
    assert "“" not in indirect and "the council would meet" in indirect
