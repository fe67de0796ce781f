"""Every Python block of docs/extending.md runs, in order, in an empty folder."""

import re
from pathlib import Path

import pytest

from newsgraph.corpus.export import _EXPORTERS as EXPORTERS
from newsgraph.extract import _REGISTRY as ANNOTATORS
from newsgraph.read.registry import _REGISTRY as READERS

DOC = Path(__file__).resolve().parents[1] / "docs" / "extending.md"


@pytest.fixture
def registries():
    """The examples register plug-ins; leave the registries as they were."""
    saved = [(reg, dict(reg)) for reg in (ANNOTATORS, READERS, EXPORTERS)]
    yield
    for reg, before in saved:
        reg.clear()
        reg.update(before)


def test_every_example_runs(tmp_path, monkeypatch, registries):
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 6
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "docs_extending"}
    for n, block in enumerate(blocks, 1):
        exec(compile(block, f"{DOC.name}, block {n}", "exec"), namespace)
