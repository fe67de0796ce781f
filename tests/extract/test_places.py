"""The places annotator: from the entities annotator's output, from spaCy's own entities, and in the pipeline."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph import nlp
from newsgraph.extract.places import places
from newsgraph.pipeline import annotate
from newsgraph.record import Article, Entity, Span


def _span(body: str, text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Span(start=start, end=start + len(text), text=text)


def _entity(body: str, eid: str, etype: str, text: str, country: str | None = None) -> Entity:
    mentions = [_span(body, text, i) for i in range(body.count(text))]
    return Entity(
        id=eid,
        key=f"{text.lower()}|{etype}",
        name=text,
        type=etype,
        country=country,
        mentions=mentions,
    )


def _run(body: str, entities: list[Entity]) -> Article:
    article = Article(body=body, language="en", entities=entities)
    places(nlp.parse(body), article)
    return article


def test_one_place_per_place_entity_linked_by_id():
    body = "Shelling hit Ganja overnight. Ganja residents fled to Baku, Azerbaijan said."
    ents = [
        _entity(body, "E1", "GPE", "Ganja"),
        _entity(body, "E2", "GPE", "Baku"),
        _entity(body, "E3", "GPE", "Azerbaijan", "AZE"),
        _entity(body, "E4", "PERSON", "Ganja residents"),
    ]
    article = _run(body, ents)
    by_id = {p.entity: p for p in article.places}
    assert set(by_id) == {"E1", "E2", "E3"}
    assert all(p.country == "AZE" and p.lat is not None and p.geonameid for p in article.places)
    assert by_id["E3"].feature == "PCLI"
    assert by_id["E2"].feature == "PPLC"
    ganja = by_id["E1"]
    assert len(ganja.mentions) == 2
    assert all(body[m.start : m.end] == m.text == "Ganja" for m in ganja.mentions)


def test_a_nationality_word_before_a_noun_is_a_mention_of_its_country():
    body = "Georgian officials said Georgia would not yield."
    georgia = body.index("Georgia would")
    ents = [
        _entity(body, "E1", "NORP", "Georgian", "GEO"),
        Entity(
            id="E2",
            key="georgia|GPE",
            name="Georgia",
            type="GPE",
            country="GEO",
            mentions=[Span(start=georgia, end=georgia + 7, text="Georgia")],
        ),
    ]
    article = _run(body, ents)
    assert [(p.entity, p.country, p.feature) for p in article.places] == [("E2", "GEO", "PCLI")]
    assert [m.text for m in article.places[0].mentions] == ["Georgian", "Georgia"]


def test_a_nationality_word_alone_gives_its_country_but_people_are_no_place():
    body = "Russian troops shelled the town. The Russians said Ukrainians had fled."
    ents = [
        Entity(
            id="E1",
            key="russian|NORP",
            name="Russian",
            type="NORP",
            country="RUS",
            mentions=[_span(body, "Russian"), _span(body, "Russians")],
        ),
        _entity(body, "E2", "NORP", "Ukrainians", "UKR"),
    ]
    article = _run(body, ents)
    assert [(p.entity, p.name, p.country, p.feature) for p in article.places] == [
        (None, "Russia", "RUS", "PCLI")
    ]
    assert [m.text for m in article.places[0].mentions] == ["Russian"]


def test_falls_back_to_spacy_entities_when_there_are_none():
    body = "The minister flew from Paris to Berlin, then back to Paris."
    article = _run(body, [])
    names = {p.name: p for p in article.places}
    assert {"Paris", "Berlin"} <= set(names)
    assert names["Paris"].country == "FRA" and names["Berlin"].country == "DEU"
    assert names["Paris"].entity is None and len(names["Paris"].mentions) == 2


def test_empty_document():
    article = Article(body="", language="en")
    places(nlp.parse(""), article)
    assert article.places == []
    assert annotate(Article(body="   ", language="en")).places == []


def test_seed_places(seed_text):
    article = annotate(Article(body=seed_text, language="en"))
    got = {p.name: p for p in article.places}
    want = {
        "Baku": "AZE",
        "Ganja": "AZE",
        "Barda": "AZE",
        "Gaza Strip": "PSE",
        "Israel": "ISR",
        "Iran": "IRN",
        "Armenia": "ARM",
        "Azerbaijan": "AZE",
    }
    for name, country in want.items():
        assert name in got, name
        assert got[name].country == country
        assert got[name].lat is not None and got[name].lon is not None
    assert pytest.approx(got["Baku"].lat, abs=0.5) == 40.4
    for p in article.places:
        for m in p.mentions:
            assert seed_text[m.start : m.end] == m.text


def test_building_named_after_a_country_is_not_the_country():
    body = "She studied at Azerbaijan Medical University before Azerbaijan sent her abroad."
    ents = [
        _entity(body, "E1", "FAC", "Azerbaijan Medical University"),
        _entity(body, "E2", "GPE", "Azerbaijan", "AZE"),
    ]
    ents[1].mentions = [_span(body, "Azerbaijan", 1)]  # the second one, outside the name
    article = _run(body, ents)
    assert [(p.entity, p.feature, p.country) for p in article.places] == [("E2", "PCLI", "AZE")]


def test_a_person_named_like_a_country_is_no_place():
    body = "Michael Jordan scored 40 points as Chicago beat Boston."
    ents = [
        _entity(body, "E1", "PERSON", "Michael Jordan"),
        _entity(body, "E2", "GPE", "Chicago"),
        _entity(body, "E3", "GPE", "Boston"),
    ]
    article = _run(body, ents)
    assert {p.entity for p in article.places} == {"E2", "E3"}
    assert {p.country for p in article.places} == {"USA"}


def test_two_entities_at_one_place_are_one_place():
    body = "Officials in Washington met. Washington said the Virginia plan and Virginia roads were fine."
    ents = [
        _entity(body, "E1", "GPE", "Washington"),
        Entity(
            id="E2",
            key="loc:virginia",
            name="Virginia",
            type="GPE",
            mentions=[_span(body, "Virginia", 0)],
        ),
        Entity(
            id="E3",
            key="fac:virginia",
            name="Virginia",
            type="LOC",
            mentions=[_span(body, "Virginia", 1)],
        ),
    ]
    article = _run(body, ents)
    names = [p.name for p in article.places]
    assert sorted(names) == ["Virginia", "Washington"]
    virginia = next(p for p in article.places if p.name == "Virginia")
    assert virginia.entity == "E2" and len(virginia.mentions) == 2


def test_a_name_more_often_something_else_needs_a_geographic_context():
    body = "Life on Earth began long ago, scientists in Houston, Texas said."
    ents = [
        _entity(body, "E1", "LOC", "Earth"),
        _entity(body, "E2", "GPE", "Houston"),
        _entity(body, "E3", "GPE", "Texas"),
    ]
    assert [p.name for p in _run(body, ents).places] == ["Houston", "Texas"]
    placed = "A tornado hit homes in Earth, Texas, officials in Houston said."
    ents = [
        _entity(placed, "E1", "GPE", "Earth"),
        _entity(placed, "E2", "GPE", "Houston"),
        _entity(placed, "E3", "GPE", "Texas"),
    ]
    assert "Earth" in [p.name for p in _run(placed, ents).places]


def test_organisations_names_give_places_and_a_treatys_does_not():
    body = "The EU and the Development Bank of Mauritius cited the Paris Agreement."
    ents = [
        _entity(body, "E1", "ORG", "EU"),
        _entity(body, "E2", "ORG", "Development Bank of Mauritius"),
        _entity(body, "E3", "LAW", "Paris Agreement"),
    ]
    by_name = {p.name: p for p in _run(body, ents).places}
    assert set(by_name) == {"European Union", "Mauritius"}
    assert by_name["European Union"].entity == "E1"
    mauritius = by_name["Mauritius"]
    assert mauritius.entity is None and mauritius.country == "MUS"
    assert [m.text for m in mauritius.mentions] == ["Mauritius"]


def test_a_small_town_inside_a_name_needs_the_article_to_name_it():
    body = "The Beverly Hills Police Department said so."
    ents = [_entity(body, "E1", "ORG", "Beverly Hills Police Department")]
    assert _run(body, ents).places == []
    body = "A car was hit in Beverly Hills. The Beverly Hills Police Department said so."
    ents = [
        Entity(
            id="E1",
            key="gpe:bh",
            name="Beverly Hills",
            type="GPE",
            mentions=[_span(body, "Beverly Hills")],
        ),
        Entity(
            id="E2",
            key="org:bhpd",
            name="Beverly Hills Police Department",
            type="ORG",
            mentions=[_span(body, "Beverly Hills Police Department")],
        ),
    ]
    (place,) = _run(body, ents).places
    assert place.entity == "E1" and len(place.mentions) == 2


def test_a_common_word_after_the_is_no_town_but_a_modifier_is():
    body = "Tamil Nadu said the Centre had failed. Karnataka disagreed."
    ents = [
        _entity(body, "E1", "GPE", "Tamil Nadu"),
        _entity(body, "E2", "GPE", "Centre"),
        _entity(body, "E3", "GPE", "Karnataka"),
    ]
    assert {p.entity for p in _run(body, ents).places} == {"E1", "E3"}
    body = "Members of the community in the Sacramento area were tied up."
    ents = [_entity(body, "E1", "GPE", "Sacramento")]
    assert [p.name for p in _run(body, ents).places] == ["Sacramento"]


def test_a_sea_typed_as_a_nationality_is_the_sea_and_a_nationality_is_not():
    body = "Towns along the Adriatic coast and Dalmatian villages were flooded."
    ents = [_entity(body, "E1", "NORP", "Adriatic"), _entity(body, "E2", "NORP", "Dalmatian")]
    places = _run(body, ents).places
    assert [(p.entity, p.name, p.feature) for p in places] == [("E1", "Adriatic Sea", "SEA")]


def test_a_nationality_word_naming_a_place_is_not_its_country():
    body = "Jazz clubs line the French Quarter. French tourists love them."
    ents = [_entity(body, "E1", "NORP", "French", "FRA")]
    (france,) = _run(body, ents).places
    assert [m.text for m in france.mentions] == ["French"]
    assert france.mentions[0].start == body.index("French tourists")


def test_streets_are_placed_at_a_town_named_only_in_an_organisations_name():
    body = (
        "The New Orleans Public Library opened a branch on Royal Street. "
        "Royal Street had no library before."
    )
    ents = [
        _entity(body, "E1", "ORG", "New Orleans Public Library"),
        _entity(body, "E2", "FAC", "Royal Street"),
    ]
    by_name = {p.name: p for p in _run(body, ents).places}
    assert set(by_name) == {"New Orleans", "Royal Street"}
    street = by_name["Royal Street"]
    assert street.geonameid is None and street.country == "USA"
    assert (street.lat, street.lon) == (by_name["New Orleans"].lat, by_name["New Orleans"].lon)


def test_a_company_called_by_its_first_word_alone_places_no_town():
    """Toyota is a city too, but the article calls the company "Toyota"."""
    body = (
        "Toyota Motor Corp will build a battery plant in Kitakyushu. "
        "Shares of Toyota rose, and Toyota said the plant would open in 2028."
    )
    ents = [
        _entity(body, "E1", "ORG", "Toyota Motor Corp"),
        _entity(body, "E2", "GPE", "Kitakyushu"),
    ]
    ents[0].mentions += [_span(body, "Toyota", i) for i in (1, 2)]
    assert {p.name for p in _run(body, ents).places} == {"Kitakyushu"}


def test_a_place_named_on_its_own_and_inside_a_name_is_one_place():
    body = (
        "Scientists in Colorado and Washington warned of melting ice. "
        "A team at the University of Washington in Seattle found the same."
    )
    ents = [
        _entity(body, "E1", "GPE", "Colorado"),
        _entity(body, "E2", "GPE", "Washington"),
        _entity(body, "E3", "ORG", "University of Washington"),
        _entity(body, "E4", "GPE", "Seattle"),
    ]
    ents[1].mentions = ents[1].mentions[:1]  # the recogniser's, not the organisation's
    places = _run(body, ents).places
    assert sorted(p.name for p in places) == ["Colorado", "Seattle", "Washington"]
    (washington,) = [p for p in places if p.name == "Washington"]
    assert len(washington.mentions) == 2


def test_a_street_is_placed_at_the_one_town_the_text_names():
    body = "A man was arrested in Belfast after a break-in on McCandless Street."
    ents = [_entity(body, "E1", "GPE", "Belfast"), _entity(body, "E2", "FAC", "McCandless Street")]
    places = {p.name: p for p in _run(body, ents).places}
    assert places["McCandless Street"].country == "GBR"
    assert places["McCandless Street"].lat == places["Belfast"].lat


def test_a_street_is_not_placed_at_a_town_named_once_when_names_point_elsewhere():
    body = (
        "Leeds United beat Forest at Elland Road. Leeds United and BBC Radio Leeds "
        "cheered. Leeds travel to Sunderland next."
    )
    ents = [
        _entity(body, "E1", "ORG", "Leeds United"),
        _entity(body, "E2", "FAC", "Elland Road"),
        _entity(body, "E3", "ORG", "BBC Radio Leeds"),
        _entity(body, "E4", "GPE", "Sunderland"),
    ]
    places = {p.name: p for p in _run(body, ents).places}
    road = places.get("Elland Road")
    assert road is None or road.lat != places["Sunderland"].lat


def test_a_state_named_by_its_epithet_is_its_country():
    body = "Iran said the Islamic Republic would not negotiate."
    ents = [
        _entity(body, "E1", "GPE", "Iran", "IRN"),
        _entity(body, "E2", "GPE", "Islamic Republic", "IRN"),
    ]
    (iran,) = _run(body, ents).places
    assert iran.feature == "PCLI" and [m.text for m in iran.mentions] == [
        "Iran",
        "Islamic Republic",
    ]


def test_a_town_before_based_is_a_town_even_after_the():
    body = "The Berlin-based company makes software."
    (berlin,) = _run(body, [_entity(body, "E1", "GPE", "Berlin")]).places
    assert berlin.country == "DEU"


def test_an_adjective_of_a_continent_before_a_noun_is_a_mention_of_it():
    body = "European airlines and North American carriers met. Europeans flew home."
    ents = [
        Entity(
            id="E1",
            key="european|NORP",
            name="European",
            type="NORP",
            mentions=[_span(body, "European"), _span(body, "Europeans")],
        ),
        _entity(body, "E2", "NORP", "North American"),
    ]
    places = {p.name: p for p in _run(body, ents).places}
    assert set(places) == {"Europe", "North America"}
    assert places["North America"].feature == "CONT"
    assert [m.text for m in places["Europe"].mentions] == ["European"]


def test_a_nationality_word_no_entity_holds_is_still_its_country():
    body = "Salvadoran migrant Alexis Cea, 25, posed for a picture."
    ents = [_entity(body, "E1", "PERSON", "Alexis Cea")]
    (place,) = _run(body, ents).places
    assert (place.country, [m.text for m in place.mentions]) == ("SLV", ["Salvadoran"])


def test_a_city_is_not_the_foreign_region_named_after_another_town():
    body = "ST. LOUIS (Reuters) - The company said profits rose."
    (place,) = _run(body, [_entity(body, "E1", "GPE", "ST. LOUIS")]).places
    assert (place.country, place.feature) == ("USA", "PPL")


def test_the_west_coast_of_a_us_story_is_not_in_australia():
    body = "Housing prices in Ohio rose, but on the West Coast they fell."
    ents = [_entity(body, "E1", "GPE", "Ohio"), _entity(body, "E2", "LOC", "West Coast")]
    coast = next(p for p in _run(body, ents).places if p.name != "Ohio")
    assert coast.country == "USA" and coast.lon < -115


def test_a_state_an_organisation_is_named_for_is_no_mention_of_the_state():
    body = "Researchers at the University of California in Ohio said the drug worked."
    ents = [
        _entity(body, "E1", "ORG", "University of California"),
        _entity(body, "E2", "GPE", "Ohio"),
    ]
    assert [p.name for p in _run(body, ents).places] == ["Ohio"]
    named = "California passed a law. The University of California welcomed it."
    state_entity = _entity(named, "E1", "GPE", "California")
    state_entity.mentions = state_entity.mentions[:1]  # the state's own mention only
    ents = [state_entity, _entity(named, "E2", "ORG", "University of California")]
    (state,) = _run(named, ents).places
    assert [m.start for m in state.mentions] == [0, named.index("California", 1)]


def test_a_club_named_after_a_town_is_not_a_small_namesake_in_the_articles_country():
    body = "Manchester United fans in Boston watched the match."
    ents = [
        _entity(body, "E1", "ORG", "Manchester United"),
        _entity(body, "E2", "GPE", "Boston"),
    ]
    assert [p.name for p in _run(body, ents).places] == ["Boston"]
    body = "Alexandria Police said the suspect would be sent back to Virginia."
    ents = [
        _entity(body, "E1", "ORG", "Alexandria Police"),
        _entity(body, "E2", "GPE", "Virginia"),
    ]
    places = {p.name: p for p in _run(body, ents).places}
    assert places["Alexandria"].country == "USA"


@pytest.mark.parametrize(
    ("body", "name", "written"),
    [
        ("ST. LOUIS (Reuters) - Anheuser-Busch said it would cut jobs.", "St. Louis", "ST. LOUIS"),
        ("FT. WORTH, Texas (AP) - Police said a man was shot.", "Fort Worth", "FT. WORTH"),
        ("ST. PAUL, Minn. - The governor signed the bill.", "Saint Paul", "ST. PAUL"),
    ],
)
def test_a_dateline_cut_after_its_abbreviation_is_one_place(body, name, written):
    article = annotate(Article(body=body, language="en"))
    (place,) = [p for p in article.places if p.mentions[0].start == 0]
    assert place.name == name and place.country == "USA"
    assert place.mentions[0].text == written


def test_an_abbreviated_saint_in_a_persons_name_is_no_place():
    body = "Georges St. Pierre won the fight in Montreal."
    article = annotate(Article(body=body, language="en"))
    assert [p.country for p in article.places] == ["CAN"]


def test_a_building_typed_as_a_place_is_in_the_place_its_name_opens_with():
    body = (
        "A Berlin man crashed into a tree in Connecticut. He was taken to Hartford Hospital, "
        "the DeKalb County Coroner said."
    )
    ents = [
        _entity(body, "E1", "GPE", "Berlin"),
        _entity(body, "E2", "GPE", "Connecticut"),
        _entity(body, "E3", "FAC", "Hartford Hospital"),
        _entity(body, "E4", "GPE", "DeKalb County Coroner"),
    ]
    places = {p.name: p for p in _run(body, ents).places}
    hospital = places["Hartford Hospital"]
    assert hospital.entity == "E3" and hospital.geonameid is None
    assert (hospital.lat, hospital.lon) == (places["Hartford"].lat, places["Hartford"].lon)
    assert places["DeKalb County"].entity is None and places["DeKalb County"].country == "USA"


@pytest.mark.parametrize(
    "name", ["Jackson Township", "Lake Vermont", "Neighborhood Assistance Act", "Virginia L. Lane"]
)
def test_a_place_named_after_another_is_not_inside_it(name):
    body = f"Police in Texas said the fire near {name} was out."
    ents = [_entity(body, "E1", "GPE", "Texas"), _entity(body, "E2", "GPE", name)]
    assert [p.name for p in _run(body, ents).places] == ["Texas"]


def test_names_listed_before_counties_are_counties():
    body = (
        "Flooding closed roads in Becker, Clay and Otter Tail counties in Minnesota. "
        "Most Minnesota counties were spared."
    )
    ents = [
        _entity(body, "E1", "GPE", "Becker"),
        _entity(body, "E2", "GPE", "Clay"),
        _entity(body, "E3", "GPE", "Minnesota"),
    ]
    places = {p.entity: p for p in _run(body, ents).places}
    assert places["E1"].name == "Becker County" and places["E2"].name == "Clay County"
    assert places["E2"].feature == "ADM2" and places["E2"].lon < -96  # Clay County, Minnesota
    assert places["E3"].feature == "ADM1"


def test_a_town_named_like_a_state_and_listed_with_states_is_the_state():
    body = "Jobs moved from western states such as California or Washington to Texas."
    ents = [
        _entity(body, "E1", "GPE", "California"),
        _entity(body, "E2", "GPE", "Washington"),
        _entity(body, "E3", "GPE", "Texas"),
    ]
    places = {p.entity: p for p in _run(body, ents).places}
    assert places["E2"].feature == "ADM1" and places["E2"].lon < -115
    body = "Talks in New York and Washington ended."
    ents = [_entity(body, "E1", "GPE", "New York"), _entity(body, "E2", "GPE", "Washington")]
    places = {p.entity: p for p in _run(body, ents).places}
    assert places["E2"].feature == "PPLC"


def test_a_building_is_in_a_small_town_its_name_opens_with_in_the_articles_state():
    body = "Police in Minnesota said the driver was moved to St. Cloud Hospital."
    ents = [
        _entity(body, "E1", "GPE", "Minnesota"),
        _entity(body, "E2", "FAC", "St. Cloud Hospital"),
    ]
    places = {p.entity: p for p in _run(body, ents).places}
    assert round(places["E2"].lat, 1) == 45.6 and places["E2"].country == "USA"
    body = "Police in Georgia said the pastor led Chapel Hill Harvester Church."
    ents = [
        _entity(body, "E1", "GPE", "Georgia"),
        _entity(body, "E2", "FAC", "Chapel Hill Harvester Church"),
    ]
    assert "E2" not in {p.entity for p in _run(body, ents).places}  # Chapel Hill is in N.C.


def test_a_place_cut_before_its_hyphen_is_one_place():
    body = "Clinton's first visit started in Sharm El-Sheikh, where she met Mubarak."
    article = annotate(Article(body=body, language="en"))
    (place,) = article.places
    assert place.country == "EGY" and place.mentions[0].text == "Sharm El-Sheikh"


def test_former_states_and_territories_are_places_and_one_place_per_point():
    body = "The Soviet Union collapsed, and Yugoslavia split. The USSR was gone. Storms hit the U.S. Virgin Islands."
    article = newsgraph.extract(body, clean=False)
    places = {p.name: p for p in article.places}
    assert {"Soviet Union", "Yugoslavia", "U.S. Virgin Islands"} <= set(places)
    assert [m.text for m in places["Soviet Union"].mentions] == ["Soviet Union", "USSR"]
