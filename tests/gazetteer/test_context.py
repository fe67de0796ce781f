"""Geographic contexts and known place names (``newsgraph.gazetteer.context``)."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer.context import in_geo_context, is_known_place, names_other_place


def _ctx(text: str, name: str) -> bool:
    start = text.index(name)
    return in_geo_context(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name", "placed"),
    [
        ("Rain fell in Lagos overnight.", "Lagos", True),
        ("In Lagos, a bank grew.", "Lagos", True),  # the preposition opening a sentence
        ("They camped near the Lagos lagoon.", "Lagos", True),
        ("A Lagos-based bank grew.", "Lagos", True),
        ("Storms hit Austin, Texas on Monday.", "Austin", True),
        ("Storms hit Austin, Ga. on Monday.", "Austin", True),
        ("She met Austin, who smiled.", "Austin", False),
        ("In Jordan's view the deal failed.", "Jordan", False),
        ("Roads in Clay County closed.", "Clay", False),
        ("Jordan said the deal failed.", "Jordan", False),
        ("OSLO -- The government said on Monday ...", "OSLO", True),  # a dateline
        ("Intro.\nSPLIT, Croatia (Reuters) - Boats sank.", "SPLIT", True),
        ("Oslo - The government said on Monday ...", "Oslo", True),  # a known city in title case
        ("Oslo - the capital - is cold.", "Oslo", False),  # no story opens after the dash
        ("The team met OSLO -- a band.", "OSLO", False),  # not at a line's start
        ("ATLANTA (AP) An aide was charged.", "ATLANTA", True),  # the agency ends it
        ("FRESNO, Calif.--(BUSINESS WIRE)--A firm said ...", "FRESNO", True),
        ("SAN FRANCISCO, Feb 21 (Reuters) - Nvidia forecast ...", "SAN FRANCISCO", True),
        ("LOS ANGELES, Sept. 28, 2024 (UPI) — A fire ...", "LOS ANGELES", True),
        ("DALLAS, Texas, March 3 (AP) The storm ...", "DALLAS", True),
        ("Acme, May 3 results were late.", "Acme", False),
        ("Acme (NYSE) shares fell.", "Acme", False),  # a name opening a line, no dateline
        ("A walker fell near Aberaeron, Ceredigion, at dusk.", "Ceredigion", True),
        ("We met Lee, Jordan and Kim.", "Jordan", False),  # "Lee" is no place
        ("A 24-year-old man from Kettering was held.", "Kettering", True),
        ("A letter from Kettering arrived.", "Kettering", False),  # a firm may write
    ],
)
def test_geographic_contexts(text, name, placed):
    assert _ctx(text, name) is placed


def test_known_places_are_areas_or_large_towns():
    assert is_known_place("Paraná") and is_known_place("Lagos")
    assert is_known_place("Mato Grosso", areas_only=True)
    assert is_known_place("Split") and not is_known_place("Split", areas_only=True)
    assert not is_known_place("Qwzxlandia")
    assert not is_known_place("...")


def test_generic_place_word_after_a_name():
    text = "in Becker and Clay counties, near the Red River"
    assert names_other_place(text, text.index("Clay") + 4)
    assert names_other_place(text, text.index("Red") + 3)
    assert not names_other_place(text, text.index("Becker") + 6)
