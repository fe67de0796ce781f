"""A long body annotated piece by piece gives the record one pass would, offsets and ids
renumbered: tested with small pieces so the test is fast."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph import pieces
from newsgraph.options import Options

STORY = (
    "George Deek, Israel's ambassador to Azerbaijan, spoke in Baku on Monday.\n\n"
    "\u201cWe stand with our friends,\u201d said George Deek.\n\n"
    "Officials in Ganja said rockets hit the city on October 7.\n\n"
)


def test_pieces_give_the_record_of_one_pass(monkeypatch):
    text = STORY * 6
    opts = Options()
    whole = newsgraph.extract(text, clean=False, published="2023-10-09", options=opts)
    monkeypatch.setattr(pieces, "PIECE_CHARS", len(STORY) + 10)
    cut = newsgraph.extract(text, clean=False, published="2023-10-09", options=opts)
    assert len(list(pieces.split(cut))) == 6
    for art in (whole, cut):
        for ent in art.entities:
            assert all(text[m.start : m.end] == m.text for m in ent.mentions)
        for q in art.quotes:
            assert text[q.start : q.end] == q.text
            if q.speaker and q.speaker.entity:
                assert art.entity(q.speaker.entity) is not None
        for p in art.places:
            assert p.entity is None or art.entity(p.entity) is not None
    assert [d.model_dump() for d in cut.dates] == [d.model_dump() for d in whole.dates]
    assert [q.model_dump() for q in cut.quotes] == [q.model_dump() for q in whole.quotes]
    assert cut.tone.words == whole.tone.words > 0
    for name in ("tone", "positive", "negative", "polarity", "activity", "self_group"):
        assert getattr(cut.tone, name) == pytest.approx(getattr(whole.tone, name), abs=1e-3)
    assert {e.key for e in cut.entities} == {e.key for e in whole.entities}
    deek = next(
        e
        for e in cut.entities
        if e.key == next(k.key for k in whole.entities if k.name == "George Deek")
    )
    assert len(deek.mentions) == 12  # one entity over all six pieces, all its mentions
    assert [p.name for p in cut.places] == [p.name for p in whole.places]
