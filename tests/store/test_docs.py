"""docs/store.md and docs/dataset.md show the tables the spec declares."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph.store.docs import markdown, update

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize(("name", "kind"), [("store.md", "store"), ("dataset.md", "dataset")])
def test_the_docs_tables_are_the_spec(name, kind):
    text = (DOCS / name).read_text()
    assert markdown(kind) in text
    assert update(text) == text, (
        f"docs/{name} is stale: python -m newsgraph.store.docs docs/store.md docs/dataset.md"
    )


def test_a_changed_spec_shows_as_stale_docs(monkeypatch):
    from newsgraph.store import docs

    text = (DOCS / "store.md").read_text()
    quotes = docs.TABLES["quotes"]
    monkeypatch.setitem(docs.TABLES, "quotes", replace(quotes, columns=quotes.columns[:-1]))
    assert update(text) != text
