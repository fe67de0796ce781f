"""PLOVER's quads and scores as its codebook gives them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph import plover

MANUAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "PLOVER_MANUAL.tex"


def test_each_type_has_the_quad_category_of_the_manual():
    if not MANUAL.exists():
        pytest.skip("../shared/data/events is not present")
    text = MANUAL.read_text(encoding="utf-8")
    found = dict(
        re.findall(r"\\section\{([A-Z]+)\}.*?Quad category: ([A-Z ]+)\}", text, flags=re.S)
    )
    names = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3}
    assert {t: names.get(q, 4) for t, q in found.items()} == plover.QUAD
    assert set(found.values()) == {*names, "MATERIAL CONFLICT"}


def test_quad_weights_count_cooperation_up_and_deeds_twice():
    weight = {t: plover.QUAD_WEIGHT[q] for t, q in plover.QUAD.items()}
    assert (weight["AGREE"], weight["AID"], weight["ACCUSE"], weight["ASSAULT"]) == (1, 2, -1, -2)


def test_scores_by_type_and_mode():
    assert plover.score("ASSAULT", "aerial") == -9.5
    assert plover.score("COERCE", "Martial-law") == -7.5  # the manual's capitals
    assert plover.score("ASSAULT", "no-such-mode") == plover.score("ASSAULT") == -9
    assert plover.score("ACCUSE") == -3  # the table's lost minus sign
    assert plover.score("GREET") is None
    assert all(-10 <= s <= 10 for s in [*plover.SCORE.values(), *plover.MODE_SCORE.values()])
    assert {kind for kind, _ in plover.MODE_SCORE} <= set(plover.TYPES)
