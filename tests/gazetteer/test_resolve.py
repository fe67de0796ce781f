"""The gazetteer and the choice among same-named places, on small invented texts."""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest

from newsgraph.gazetteer import (
    Candidate,
    Mention,
    Toponym,
    distance_km,
    load_gazetteer,
    name_key,
    resolve_toponyms,
)
from newsgraph.gazetteer.resolve import _Context
from newsgraph.gazetteer.tables import is_descriptive


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _resolve(text: str, *names: str, countries=()):
    """Resolve each name, grouping all its occurrences in text as one toponym."""
    tops = []
    for name in names:
        spans = [m.span() for m in re.finditer(re.escape(name), text)]
        assert spans, name
        tops.append(Toponym(tuple(Mention(s, e, text[s:e]) for s, e in spans)))
    return dict(zip(names, resolve_toponyms(text, tops, countries), strict=True))


def test_name_key_folds_case_accents_dots_and_saint():
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("Zürich") == name_key("ZURICH") == "zurich"
    assert name_key("St. Louis") == name_key("Saint Louis")
    assert name_key("the Gaza Strip") == "gaza strip"
    assert name_key("Israel's") == "israel"


def test_codes_and_abbreviations(gaz):
    assert [c.name for c in gaz.lookup("USA")] == ["United States"]
    assert gaz.lookup("Calif.")[0].name == "California"
    assert gaz.us_state("CA").name == "California"
    assert any(c.name == "European Union" for c in gaz.lookup("EU"))


def test_distance_km():
    assert distance_km(0, 0, 0, 0) == 0
    # one degree of latitude is about 111 km
    assert 110 < distance_km(10, 20, 11, 20) < 112


def test_context_country_picks_the_towns():
    text = "Azerbaijan says shells hit Ganja and Barda overnight."
    got = _resolve(text, "Azerbaijan", "Ganja", "Barda")
    assert {p.cc for p in got.values()} == {"AZ"}
    assert got["Barda"].feature.startswith("PPL")  # the town, not the district


def test_state_qualifier_restricts_the_city():
    ca = _resolve("Police in Long Beach, CA said on Monday.", "Long Beach")["Long Beach"]
    ny = _resolve("Police in Long Beach, NY said on Monday.", "Long Beach")["Long Beach"]
    ap = _resolve("Police in Long Beach, N.Y., said on Monday.", "Long Beach")["Long Beach"]
    assert (ca.cc, ca.admin1) == ("US", "CA")
    assert (ny.cc, ny.admin1) == ("US", "NY")
    assert ap.geonameid == ny.geonameid
    assert distance_km(ca.lat, ca.lon, ny.lat, ny.lon) > 3000


def test_an_institution_named_after_its_home_places_the_town_after_it():
    text = (
        "Scientists in Colorado and Boulder warned of melting ice. Researchers at Monash "
        "University in Melbourne and the British Antarctic Survey in Cambridge agreed."
    )
    got = _resolve(text, "Colorado", "Boulder", "Melbourne", "Cambridge")
    assert (got["Melbourne"].cc, got["Cambridge"].cc) == ("AU", "GB")
    # a newspaper stands anywhere: no home for the town after it
    text = "Scientists in Colorado and Boulder agreed, the New York Times in Cambridge said."
    assert _resolve(text, "Colorado", "Boulder", "Cambridge")["Cambridge"].cc == "US"


def test_country_qualifier_and_qualifier_inside_the_mention():
    texas = _resolve("He moved to Paris, Texas, last year.", "Paris")["Paris"]
    plain = _resolve("He moved to Paris last year.", "Paris")["Paris"]
    assert (texas.cc, texas.admin1) == ("US", "TX")
    assert plain.cc == "FR"
    whole = resolve_toponyms(
        "Dateline: Paris, Texas.", [Toponym((Mention(10, 22, "Paris, Texas"),))]
    )
    assert whole[0].geonameid == texas.geonameid


def test_country_names_resolve_to_the_country():
    got = _resolve("Jordan and Israel signed the accord.", "Jordan", "Israel")
    assert got["Jordan"].feature == "PCLI" and got["Jordan"].cc == "JO"
    assert got["Israel"].feature == "PCLI" and got["Israel"].cc == "IL"


def test_article_about_two_countries_keeps_both():
    got = _resolve(
        "Armenia and Azerbaijan traded fire; Armenia denied it.", "Armenia", "Azerbaijan"
    )
    assert {got["Armenia"].cc, got["Azerbaijan"].cc} == {"AM", "AZ"}


def test_georgia_follows_the_article():
    us = _resolve(
        "Atlanta police and Savannah officials said Georgia will act.",
        "Atlanta",
        "Savannah",
        "Georgia",
    )
    caucasus = _resolve("Tbilisi says Russia must leave Georgia.", "Tbilisi", "Russia", "Georgia")
    assert (us["Georgia"].feature, us["Georgia"].cc) == ("ADM1", "US")
    assert (caucasus["Georgia"].feature, caucasus["Georgia"].cc) == ("PCLI", "GE")


def test_nationality_words_are_context_not_places():
    text = "Russian troops entered Georgia."
    got = _resolve(text, "Russian", "Georgia", countries=["USA"])
    assert got["Russian"] is None


def test_unknown_names_and_empty_input_give_nothing():
    assert resolve_toponyms("", []) == []
    assert _resolve("We met at Zqxvbnm Hall.", "Zqxvbnm")["Zqxvbnm"] is None


def test_facility_named_like_a_small_town_is_not_resolved():
    text = "The White House said Mr. Biden would travel."
    top = Toponym((Mention(4, 15, "White House"),), kind="FAC")
    assert resolve_toponyms(text, [top]) == [None]


def test_street_placed_at_the_town_the_text_is_about():
    text = "New Orleans police closed Frenchmen Street. New Orleans residents cheered."
    town_top = Toponym((Mention(0, 11, "New Orleans"), Mention(44, 55, "New Orleans")))
    street_top = Toponym((Mention(26, 42, "Frenchmen Street"),), kind="FAC")
    unknown_gpe = Toponym((Mention(26, 42, "Frenchmen Street"),), kind="GPE")
    town, street, gpe = resolve_toponyms(text, [town_top, street_top, unknown_gpe])
    assert town.name == "New Orleans"
    assert street.geonameid == 0 and street.feature == ""  # located, not a gazetteer match
    assert (street.lat, street.lon) == (town.lat, town.lon)
    assert gpe is None  # an unknown political entity is not placed by guess


def test_no_focus_town_means_no_guess_for_unknown_names():
    text = "Baku and Ganja; Baku and Ganja again, said the Zqxvbnm Institute."
    got = _resolve(text, "Baku", "Ganja", "Zqxvbnm Institute")
    assert got["Baku"].cc == got["Ganja"].cc == "AZ"
    assert got["Zqxvbnm Institute"] is None


def test_long_mentions_and_many_toponyms_stay_fast():
    long_name = "Paris, " + "Texas " * 20000
    text = long_name + " and more"
    tops = [Toponym((Mention(0, len(long_name), long_name),))]
    tops += [Toponym((Mention(0, 5, "Paris"),)) for _ in range(2000)]
    start = time.perf_counter()
    got = resolve_toponyms(text, tops)
    assert len(got) == len(tops)
    assert time.perf_counter() - start < 5


def test_facility_placed_at_the_town_written_after_it():
    text = "Crowds filled Hradna Square in Bratislava, then Lipova Lane, Bratislava."
    square = text.index("Hradna Square")
    lane = text.index("Lipova Lane")
    town = [m.start() for m in re.finditer("Bratislava", text)]
    tops = [
        Toponym((Mention(square, square + 13, "Hradna Square"),), kind="FAC"),
        Toponym((Mention(lane, lane + 11, "Lipova Lane"),), kind="FAC"),
        Toponym(tuple(Mention(s, s + 10, "Bratislava") for s in town)),
    ]
    sq, ln, city = resolve_toponyms(text, tops)
    assert city.cc == "SK"
    for place in (sq, ln):
        assert place.geonameid == 0 and place.feature == ""  # located, not identified
        assert (place.lat, place.lon, place.cc) == (city.lat, city.lon, "SK")
    assert sq.name == "Hradna Square"


def test_a_facility_before_a_country_is_not_placed_at_the_country():
    text = "Crowds filled Hradna Square in Slovakia."
    square = text.index("Hradna Square")
    tops = [
        Toponym((Mention(square, square + 13, "Hradna Square"),), kind="FAC"),
        Toponym((Mention(31, 39, "Slovakia"),)),
    ]
    assert resolve_toponyms(text, tops)[0] is None


def test_facility_placed_at_the_town_whose_possessive_opens_it():
    text = "Harare's Kaguvi Street was renamed. Traders in Harare cheered."
    street = text.index("Kaguvi Street")
    town = [m.start() for m in re.finditer("Harare", text)]
    tops = [
        Toponym((Mention(street, street + 13, "Kaguvi Street"),), kind="FAC"),
        Toponym(tuple(Mention(s, s + 6, "Harare") for s in town)),
    ]
    located, city = resolve_toponyms(text, tops)
    assert city.cc == "ZW" and (located.lat, located.lon) == (city.lat, city.lon)


def test_city_word_after_a_town_name():
    text = "Athletes met in Calamba City on Friday."
    got = _resolve(text, "Calamba City")
    assert got["Calamba City"].name == "Calamba" and got["Calamba City"].cc == "PH"


def test_a_toponym_own_mentions_do_not_dilute_the_context_of_its_rivals():
    # "Nelson" named four times (read as New Zealand's) and "Castlegar" once (Canada):
    # Nelson's own mentions are no context for Nelson, so Canada is the whole context
    # left and the Canadian Nelson gets the full country bonus.
    ctx = _Context(Counter({"NZ": 4, "CA": 1}), Counter(), 4.0, 2.0, 3.0)
    canadian = Candidate(1, "Nelson", "PPL", "CA", "02", 10000, 49.5, -117.3)
    assert ctx.score(canadian, Counter({"NZ": 4}), Counter()) == 4.0


def test_a_county_follows_the_state_the_text_names():
    text = (
        "Iowa voters met in Red Oak. The Montgomery County Democrats, Iowa's oldest club, "
        "host the forum in Montgomery County, and Iowa candidates will speak."
    )
    got = _resolve(text, "Iowa", "Red Oak", "Montgomery County")
    assert got["Montgomery County"].admin1 == "IA"


def test_a_facility_named_like_a_far_town_is_placed_in_the_town_the_text_is_about():
    text = "Police in New Orleans closed Washington Square. New Orleans officers stayed."
    tops = [
        Toponym(tuple(Mention(m.start(), m.end(), m.group()) for m in re.finditer(n, text)), kind)
        for n, kind in (("New Orleans", "GPE"), ("Washington Square", "FAC"))
    ]
    city, square = resolve_toponyms(text, tops)
    assert square.geonameid == 0 and (square.lat, square.lon) == (city.lat, city.lon)


def test_canadian_press_provinces_and_english_counties_gone_from_geonames():
    text = (
        "He lives in Moncton, N.B., and races at Oulton Park in Cheshire and in Northamptonshire."
    )
    got = _resolve(text, "Moncton", "Cheshire", "Northamptonshire")
    assert got["Moncton"].cc == "CA"
    assert got["Cheshire"].cc == got["Northamptonshire"].cc == "GB"
    (province,) = resolve_toponyms(text, [Toponym((Mention(21, 25, "N.B."),))])
    assert province.name == "New Brunswick"


def test_an_airport_named_alone_is_the_airport_not_a_namesake_town():
    text = "Last year 16,000 dogs passed through Heathrow, and flights from Schiphol were late."
    tops = [
        Toponym((Mention(text.index(n), text.index(n) + len(n), n),), "FAC")
        for n in ("Heathrow", "Schiphol")
    ]
    heathrow, schiphol = resolve_toponyms(text, tops)
    assert (heathrow.feature, heathrow.cc) == ("AIRP", "GB")
    assert (schiphol.feature, schiphol.cc) == ("AIRP", "NL")


def test_ap_abbreviation_whose_last_dot_the_recogniser_cut(gaz):
    assert gaz.lookup("W.Va")[0].name == "West Virginia"
    assert gaz.lookup("N.Y")[0].name == "New York"


def test_a_division_named_after_the_town_holding_most_of_its_people_is_the_town():
    got = _resolve("The company, based in St. Louis, said profits rose.", "St. Louis")
    assert (got["St. Louis"].cc, got["St. Louis"].feature) == ("US", "PPL")
    (town,) = _resolve("Schools in Puducherry reopened.", "Puducherry").values()
    assert town.feature.startswith("PPL")


def test_a_descriptive_name_is_an_area_of_the_articles_own_country(gaz):
    assert is_descriptive("the West Coast") and is_descriptive("Eastern Province")
    assert not is_descriptive("West Virginia") and not is_descriptive("South Africa")
    us = _resolve("Prices in Texas rose; on the West Coast they fell.", "Texas", "West Coast")
    assert us["West Coast"].cc == "US"
    nz = _resolve(
        "Floods hit the West Coast, New Zealand police said.", "West Coast", "New Zealand"
    )
    assert nz["West Coast"].cc == "NZ"
    assert _resolve("He said the West Coast was next.", "West Coast")["West Coast"] is None
