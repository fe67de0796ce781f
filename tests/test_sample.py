"""The bundled sample end to end: what the README promises comes out of it."""

from __future__ import annotations

import pytest

import newsgraph


@pytest.fixture(scope="module")
def article():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "samples" / "harbour-article.txt"
    return newsgraph.extract(path.read_text(encoding="utf-8"), published="2024-03-14")


def test_body_is_the_six_paragraphs(article):
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("Harbour towns along the Dalmatian coast")
    assert paragraphs[-1].endswith("secure their vessels before Saturday.")
    for furniture in ("Advertisement", "Share", "Previous article", "Cookie", "©", "By Ana"):
        assert furniture not in article.body


def test_metadata(article):
    assert article.title == "Storm Floods Dalmatian Harbours as Clean-Up Begins"
    assert [a.name for a in article.authors] == ["Ana Horvat"]
    assert article.authors[0].bio.startswith("Ana Horvat is a reporter")
    assert article.media[0].credit == "Marta Kovač / Coastal Herald"
    assert article.media[0].caption.startswith("Fishing boats moored")
    assert [(r.rel, r.title) for r in article.related] == [
        ("previous", "Ferry Services Resume Between Split and the Islands"),
        ("next", "Tourism Board Expects Record Season Despite Storm Damage"),
    ]
    reasons = {r.reason for r in article.removed}
    assert {"ad", "share", "navigation", "cookie", "footer", "bio", "byline"} <= reasons


def test_quotes_have_speakers_resolved_to_entities(article):
    by_speaker = {}
    for q in article.quotes:
        if q.speaker and q.speaker.entity:
            by_speaker.setdefault(article.entity(q.speaker.entity).name, []).append(q)
    assert len(by_speaker["Ivan Perić"]) == 2
    assert all(q.kind == "direct" for q in by_speaker["Ivan Perić"])
    assert by_speaker["Ivan Perić"][0].role == "the mayor of Split"
    assert by_speaker["Tomislav Barić"][0].role == "a fisherman from Trogir"
    plenkovic = by_speaker["Andrej Plenković"][0]
    assert plenkovic.kind == "indirect" and plenkovic.cue == "told"


def test_places_and_dates(article):
    places = {p.name: p for p in article.places}
    for name in ("Split", "Zadar", "Dubrovnik", "Croatia"):
        assert places[name].country == "HRV"
    assert 43 < places["Split"].lat < 44 and 16 < places["Split"].lon < 17
    dates = {d.text: d.value for d in article.dates}
    assert dates["March 12"] == "2024-03-12"
    assert dates["Thursday"] == "2024-03-14"
    assert dates["next week"] == "2024-W12"
