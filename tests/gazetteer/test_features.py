"""Names whose head word makes them a facility or a natural feature, and the hand-written
table of seas, rivers, mountains and regions."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer import Mention, Toponym, load_gazetteer, resolve_toponyms
from newsgraph.gazetteer.features import feature_type


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Quayside Street", "FAC"),
        ("Oakfield Avenue", "FAC"),
        ("Elm St.", "FAC"),
        ("Rue de la Paix", "FAC"),
        ("Saint Brigid Church", "FAC"),
        ("Hotel Bellavista", "FAC"),
        ("Lake Winnemucca", "LOC"),
        ("Mount Tamborine", "LOC"),
        ("Kettle River", "LOC"),
        ("Gulf of Tonkin", "LOC"),
        ("Methodist church", None),  # a common noun after a name
        ("Lake area", None),
        ("Street", None),  # one word
        ("Riverside Water Authority", None),  # an organisation's word
        ("Harbour Bank", None),
        ("Crystal Palace", None),  # a football club as often as a building
    ],
)
def test_head_words(name, kind):
    assert feature_type(name) == kind


def test_person_ending_in_a_surname_like_head_stays_a_person():
    assert feature_type("Diane Lane", person=True) is None
    assert feature_type("Diane Lane") == "FAC"
    assert feature_type("Lake Winnemucca", person=True) == "LOC"
    assert feature_type("Marston Racecourse", person=True) == "FAC"


def test_table_of_natural_features():
    gaz = load_gazetteer()
    ocean = gaz.lookup("Indian Ocean")
    assert [c.feature for c in ocean] == ["OCN"] and ocean[0].is_area
    assert gaz.lookup("the Mediterranean")[0].name == "Mediterranean Sea"
    assert gaz.lookup("Rockies")[0].feature == "MTS"
    assert gaz.lookup("North Atlantic")[0].name == "Atlantic Ocean"  # a part of the ocean


def test_region_outranks_a_hamlet_of_its_name():
    text = "Officials in Baltimore, Maryland, spoke of peace in the Middle East."
    tops = [
        Toponym((Mention(s, s + len(n), n),), kind=k)
        for n, k in (("Baltimore", "GPE"), ("Maryland", "GPE"), ("Middle East", "LOC"))
        for s in [text.index(n)]
    ]
    *_, region = resolve_toponyms(text, tops)
    assert region.feature == "RGN" and region.cc == ""


def test_a_river_typed_as_a_facility_is_still_the_river():
    text = "Barges sailed up the Mississippi River past the levees."
    start = text.index("Mississippi River")
    top = Toponym((Mention(start, start + 17, "Mississippi River"),), kind="FAC")
    (river,) = resolve_toponyms(text, [top])
    assert river.feature == "STM" and river.cc == "US"
