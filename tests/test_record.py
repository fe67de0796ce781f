"""The record: JSON Schema in the repo is current, and extracted records validate against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import newsgraph
from newsgraph.record import Article, Quote, Speaker, body_id, json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "record.schema.json"


def test_schema_file_is_current():
    assert json.loads(SCHEMA_FILE.read_text()) == json_schema(), (
        "docs/record.schema.json is stale: python -m newsgraph.record > docs/record.schema.json"
    )


def test_extracted_record_validates(sample_text):
    data = newsgraph.extract(sample_text).to_dict()
    jsonschema.validate(data, json_schema())
    for key in (
        "schema_version",
        "id",
        "url",
        "title",
        "published",
        "language",
        "body",
        "authors",
        "media",
        "related",
        "removed",
        "entities",
        "places",
        "dates",
        "quotes",
        "events",
        "provenance",
        "links",
    ):
        assert key in data


def test_spans_point_into_body(sample_text):
    art = newsgraph.extract(sample_text)
    spans = [m for e in art.entities for m in e.mentions]
    spans += [d for d in art.dates] + [q for q in art.quotes]
    for span in spans:
        assert art.body[span.start : span.end] == span.text


def test_round_trip_and_rejects_unknown_fields():
    art = Article(
        body="Hello world.",
        quotes=[
            Quote(
                start=0,
                end=5,
                text="Hello",
                kind="direct",
                speaker=Speaker(text="x", start=6, end=11),
            )
        ],
    )
    again = Article.from_dict(json.loads(art.to_json()))
    assert again == art
    with pytest.raises(ValueError):
        Article.from_dict({**art.to_dict(), "colour": "red"})


def test_body_id_ignores_whitespace_and_case():
    assert body_id("A  b\nC") == body_id("a b c")
    assert body_id("a b c") != body_id("a b d")
