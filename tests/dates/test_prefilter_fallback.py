"""newsgraph.dates.prefilter without the re module's private parser: no screens, same dates."""

from __future__ import annotations

import pytest

from newsgraph.dates import find as find_module
from newsgraph.dates import prefilter
from newsgraph.dates.rules import RULES

TEXT = (
    "On Oct. 7, 2023, at 10:35 a.m., the board met; in March 1987 and the third quarter, "
    "three days ago, every Monday, twice a week, now, recently, at a later date, yesterday "
    "afternoon, the year-ago quarter, Christmas, the late 1990s and the following Friday."
)


def _candidates() -> list[tuple[int, int, str]]:
    return sorted((f.start, f.end, f.rule) for f in find_module.candidates(TEXT))


class _OtherTree:
    """A parser whose syntax tree has another shape than the one ``prefilter`` reads."""

    @staticmethod
    def parse(source: str, flags: int = 0):
        raise AttributeError("no such node")


@pytest.mark.parametrize("parser", [None, _OtherTree()], ids=["missing", "other-shape"])
def test_without_the_private_parser_every_rule_runs_and_finds_the_same(monkeypatch, parser):
    screened = _candidates()
    monkeypatch.setattr(prefilter, "_parser", parser)
    assert all(prefilter.required(r.pattern) == [] for r in RULES)
    searched = [
        (r, prefilter.screens(r.pattern)) for r in RULES if r.name not in find_module._NOT_SEARCHED
    ]
    assert all(needs == () for _, needs in searched)
    monkeypatch.setattr(find_module, "_SEARCHED", searched)
    assert _candidates() == screened
    assert screened  # the text does hold expressions
