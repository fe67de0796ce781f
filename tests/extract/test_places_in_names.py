"""Places an organisation's name gives: the area an organisation is named as, the place
its name opens or closes with, the nationality word that opens it."""

from __future__ import annotations

from newsgraph.extract.places_in_names import places_in_names, plausible
from newsgraph.gazetteer import load_gazetteer
from newsgraph.record import Entity, Span


def _org(body: str, eid: str, text: str) -> Entity:
    start = body.index(text)
    return Entity(
        id=eid,
        key=f"org:{text.lower()}",
        name=text,
        type="ORG",
        mentions=[Span(start=start, end=start + len(text), text=text)],
    )


def _texts(body: str, names: list[str]) -> tuple[list[tuple[str, str | None]], dict]:
    ents = [_org(body, f"E{i}", n) for i, n in enumerate(names)]
    named, words = places_in_names(ents, 5000)
    found = [(t.toponym.mentions[0].text, t.entity) for t in named]
    return found, {code: [m.text for m in ms] for code, ms in words.items()}


def test_organisation_named_as_an_area_is_that_area_linked_to_the_entity():
    body = "The EU said it would respond."
    found, _ = _texts(body, ["EU"])
    assert found == [("EU", "E0")]


def test_place_opening_or_closing_an_organisations_name():
    body = (
        "The Beverly Hills Police Department, the Development Bank of Mauritius "
        "and Air Zimbabwe met."
    )
    found, _ = _texts(
        body, ["Beverly Hills Police Department", "Development Bank of Mauritius", "Air Zimbabwe"]
    )
    assert sorted(t for t, _ in found) == ["Beverly Hills", "Mauritius", "Zimbabwe"]
    assert all(ent is None for _, ent in found)


def test_nationality_word_opening_an_organisations_name_is_its_country():
    body = "He works at the Armenian Embassy."
    found, words = _texts(body, ["Armenian Embassy"])
    assert found == [] and words == {"ARM": ["Armenian"]}


def test_letters_that_are_a_code_are_no_place_and_no_person_is_a_town():
    body = "GTM Research and Warren Buffett Fund and R&D and Dimond Kaplan & Rothstein, P.A. grew."
    found, _ = _texts(
        body, ["GTM Research", "Warren Buffett Fund", "R&D", "Dimond Kaplan & Rothstein, P.A."]
    )
    assert found == []


def test_a_division_or_small_town_needs_the_articles_own_places():
    gaz = load_gazetteer()
    delta = next(c for c in gaz.lookup("Delta") if c.feature == "ADM1")
    assert not plausible(delta, {"US"}, set(), 100_000)
    assert plausible(delta, {"NG"}, set(), 100_000)
    eu = gaz.lookup("EU")[0]
    assert plausible(eu, set(), set(), 100_000)


def test_a_state_an_organisation_serves_needs_the_article_to_name_it():
    body = "The University of California and the Kentucky Department of Education met."
    ents = [
        _org(body, "E0", "University of California"),
        _org(body, "E1", "Kentucky Department of Education"),
    ]
    named, _ = places_in_names(ents, 5000)
    served = {t.toponym.mentions[0].text: t.served for t in named}
    assert served["California"] and not served["Kentucky"]
    california = next(c for c in load_gazetteer().lookup("California") if c.feature == "ADM1")
    assert not plausible(california, {"US"}, set(), 100_000, served=True)
    assert plausible(california, {"US"}, {california.geonameid}, 100_000, served=True)
    assert plausible(california, {"US"}, set(), 100_000)


def test_a_building_or_institution_typed_as_a_place_gives_the_place_it_opens_with():
    body = "Henderson County Jail, Jackson Township, Lake Vermont, City of Huntsville."
    names = ["Henderson County Jail", "Jackson Township", "Lake Vermont", "City of Huntsville"]
    ents = [_org(body, f"E{i}", n) for i, n in enumerate(names)]
    for ent in ents:
        ent.type = "GPE"
    named, _ = places_in_names(ents, 5000)
    found = {t.toponym.mentions[0].text: t.placed for t in named}
    assert found == {"Henderson County": True, "Huntsville": True}


def test_a_foundation_is_no_town_and_a_port_named_for_a_country_is_no_country():
    body = "Fundación Ideas para la Paz said the base in Puerto Jordán was attacked."
    found, _ = _texts(body, ["Fundación Ideas para la Paz"])
    assert found == []
    start = body.index("Puerto Jordán")
    port = Entity(
        id="E9",
        key="gpe:puerto jordán",
        name="Puerto Jordán",
        type="GPE",
        mentions=[Span(start=start, end=start + 13, text="Puerto Jordán")],
    )
    named, words = places_in_names([port], 5000)
    assert named == [] and words == {}
