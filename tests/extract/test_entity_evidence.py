"""One name, one type per article: evidence from the gazetteer, given names and lexicons.

The recogniser's spans are set by hand, as in ``test_entities``, so each test
checks the rules and not the model's guesses.
"""

from __future__ import annotations

from newsgraph import nlp as nlp_mod
from newsgraph.extract.entities import annotate_entities
from newsgraph.record import Article


def _run(text: str, spans: list[tuple[str, str]]) -> dict:
    return {e.name: e for e in _entities(text, spans)}


def _entities(text: str, spans: list[tuple[str, str]]) -> list:
    doc = nlp_mod.parse(text)
    ents, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        ents.append(doc.char_span(start, start + len(surface), label=label))
        pos = start + len(surface)
    doc.ents = ents
    article = Article(body=text, language="en")
    annotate_entities(doc, article)
    return article.entities


def test_known_place_in_a_geographic_context_is_a_place_in_every_mention():
    text = (
        "Farmers in Paraná and Mato Grosso lost crops. Paraná asked for aid, "
        "and São Paulo-based traders waited."
    )
    ents = _run(
        text,
        [
            ("Paraná", "PERSON"),
            ("Mato Grosso", "PERSON"),
            ("Paraná", "PERSON"),
            ("São Paulo", "PERSON"),
        ],
    )
    assert ents["Paraná"].type == "GPE" and len(ents["Paraná"].mentions) == 2
    assert ents["Mato Grosso"].type == "GPE"  # listed after a place in "in X and Y"
    assert ents["São Paulo"].type == "GPE"  # "X-based"


def test_person_name_without_a_geographic_context_stays_a_person():
    ents = _run(
        "Paris Hilton met Jordan Peele.", [("Paris Hilton", "PERSON"), ("Jordan Peele", "PERSON")]
    )
    assert ents["Paris Hilton"].type == "PERSON"


def test_given_name_makes_a_person_of_an_organisation():
    text = "Sarah Aldern wrote the study. Grist published it."
    ents = _run(text, [("Sarah Aldern", "ORG"), ("Grist", "ORG")])
    assert ents["Sarah Aldern"].type == "PERSON"
    assert ents["Grist"].type == "ORG"


def test_name_the_gazetteer_lacks_is_an_organisation_not_a_place():
    text = "Netflix paid for the show. Viewers left Netflix in droves."
    ents = _run(text, [("Netflix", "GPE"), ("Netflix", "ORG")])
    assert ents["Netflix"].type == "ORG"


def test_awards_are_events_genres_and_currency_signs_no_names():
    text = "The Comedy won an Oscar and two Golden Globes, worth US$ 20 million to Ana Lima."
    ents = _run(
        text,
        [
            ("Comedy", "PERSON"),
            ("Oscar", "PERSON"),
            ("Golden Globes", "PERSON"),
            ("US$", "NORP"),
            ("Ana Lima", "PERSON"),
        ],
    )
    assert ents["Oscar"].type == "EVENT" and ents["Golden Globes"].type == "EVENT"
    assert "Comedy" not in ents and "US$" not in ents
    assert ents["Ana Lima"].type == "PERSON"


def test_state_actors_carry_their_country():
    text = (
        "The Kremlin denied it. The White House declined. The Islamic Republic protested. Beijing said the talks failed. "
        "Beijing is cold in winter."
    )
    ents = _run(
        text,
        [
            ("Kremlin", "ORG"),
            ("White House", "GPE"),
            ("Islamic Republic", "GPE"),
            ("Beijing", "GPE"),
            ("Beijing", "GPE"),
        ],
    )
    assert ents["Kremlin"].country == "RUS"
    assert ents["Kremlin"].type == ents["White House"].type == "ORG"
    assert ents["White House"].country == "USA"
    assert ents["Islamic Republic"].country == "IRN"
    assert ents["Beijing"].country == "CHN"


def test_capital_without_a_political_verb_gets_no_country():
    ents = _run("Beijing is cold in winter.", [("Beijing", "GPE")])
    assert ents["Beijing"].country is None


def test_nationality_and_institution_are_one_organisation_of_that_country():
    ents = _run("Protesters gathered outside the Israeli Embassy.", [("Israeli", "NORP")])
    assert ents["Israeli Embassy"].type == "ORG"
    assert ents["Israeli Embassy"].country == "ISR"


def test_missed_place_in_a_geographic_context_is_found_and_calendar_words_are_not():
    text = "The firm, based near Lagos, opened an office in March."
    ents = _run(text, [])
    assert ents["Lagos"].type == "GPE"
    assert "March" not in ents


def test_unrecognised_repeat_of_a_place_joins_it():
    text = "Floods hit Recife on Monday. Officials in Recife said rain would continue."
    ents = _run(text, [("Recife", "GPE")])
    assert len(ents["Recife"].mentions) == 2


def test_head_word_makes_a_street_or_a_lake_of_any_type():
    text = (
        "Firefighters closed Quayside Avenue overnight. Ricki Lake hosted the show. "
        "Swimmers crossed Lake Winnemucca on Sunday."
    )
    ents = _run(
        text,
        [("Quayside Avenue", "ORG"), ("Ricki Lake", "PERSON"), ("Lake Winnemucca", "PERSON")],
    )
    assert ents["Quayside Avenue"].type == "FAC"
    assert ents["Lake Winnemucca"].type == "LOC"
    assert ents["Ricki Lake"].type == "PERSON"  # a person's two words, a surname-like head


def test_a_building_typed_a_town_is_a_building_but_a_street_a_town_stays_one():
    text = (
        "He was taken to Miami Valley Hospital. Stocks rose on Wall Street. "
        "Lake Forest voted. New Castle won."
    )
    ents = _run(
        text,
        [
            ("Miami Valley Hospital", "GPE"),
            ("Wall Street", "GPE"),
            ("Lake Forest", "GPE"),
            ("New Castle", "GPE"),
        ],
    )
    assert ents["Miami Valley Hospital"].type == "FAC"
    assert ents["Wall Street"].type == "GPE"  # the markets, not a street to put on a map
    assert ents["Lake Forest"].type == ents["New Castle"].type == "GPE"


def test_lone_name_never_written_in_full_is_the_place_it_goes_to():
    text = "The road to Cirencester will shut. Cirencester traders are angry."
    ents = _run(text, [("Cirencester", "PERSON"), ("Cirencester", "PERSON")])
    assert ents["Cirencester"].type == "GPE" and len(ents["Cirencester"].mentions) == 2
    text = "Lord Horatio Nelson sailed on. Nelson wrote to Nelson's wife."
    ents = _run(text, [("Horatio Nelson", "PERSON"), ("Nelson", "PERSON")])
    assert "GPE" not in {e.type for e in ents.values()}  # the name is a person's, in full


def test_division_after_a_place_and_a_comma_is_found():
    text = "A walker fell near Aberaeron, Ceredigion, at dusk."
    ents = _run(text, [("Aberaeron", "GPE")])
    assert ents["Ceredigion"].type == "GPE"


def test_a_division_of_a_country_the_article_names_is_that_division():
    text = "Brazil's soy exports rose. Paraná lost ground to its neighbours."
    ents = _run(text, [("Brazil", "GPE"), ("Paraná", "ORG")])
    assert ents["Paraná"].type == "GPE"


def test_a_division_name_is_no_place_without_its_country():
    text = "Paraná lost ground to its rivals this quarter, the fund said."
    ents = _run(text, [("Paraná", "ORG")])
    assert ents["Paraná"].type == "ORG"


def test_a_post_set_off_before_a_name_makes_a_person():
    text = (
        "The agency moved 1,200 people. Its director-general, Olufemi Oke-Osanyintolu, urged calm."
    )
    ents = _run(text, [("Olufemi Oke-Osanyintolu", "ORG")])
    assert ents["Olufemi Oke-Osanyintolu"].type == "PERSON"
    text = "The bank, the lender to the firm, Acme Capital, said it would wait."
    assert _run(text, [("Acme Capital", "ORG")])["Acme Capital"].type == "ORG"
    text = "Ties were cut. According to the minister, Slovenia had sent a message."
    assert _run(text, [("Slovenia", "PERSON")])["Slovenia"].type == "GPE"


def test_a_state_typed_a_person_is_the_state_unless_a_persons_name_holds_it():
    text = "The forecast is a weak monsoon for Karnataka and its neighbours."
    assert _run(text, [("Karnataka", "PERSON")])["Karnataka"].type == "GPE"
    text = "Victoria Beckham opened a shop. Victoria said the label was growing."
    ents = _run(text, [("Victoria Beckham", "PERSON"), ("Victoria", "PERSON")])
    assert {e.type for e in ents.values()} == {"PERSON"}


def test_one_word_organisation_named_like_a_town_where_a_place_goes_is_the_town():
    text = "“My nets are gone,” said Tomislav Barić, a fisherman from Trogir."
    ents = _run(text, [("Tomislav Barić", "PERSON"), ("Trogir", "ORG")])
    assert ents["Trogir"].type == "GPE"


def test_a_name_the_article_calls_a_town_or_village_is_a_place():
    text = "Tourists crowded Trogir, a small town in Croatia, and the village of Kaštela."
    ents = _run(text, [("Trogir", "ORG"), ("Croatia", "GPE"), ("Kaštela", "PERSON")])
    assert ents["Trogir"].type == "GPE" and ents["Kaštela"].type == "GPE"


def test_a_kind_of_place_inside_a_longer_phrase_is_no_evidence():
    text = "Smith, a city councillor, met Jones, the city council's clerk."
    ents = _run(text, [("Smith", "ORG"), ("Jones", "PERSON")])
    # no place: a councillor is a person, whatever the recogniser said
    assert ents["Smith"].type == "PERSON" and ents["Jones"].type == "PERSON"


def test_organisation_not_named_like_a_town_stays_an_organisation():
    text = "The figures came from Reddit, which said traffic rose."
    ents = _run(text, [("Reddit", "ORG")])
    assert ents["Reddit"].type == "ORG"


def test_a_dateline_makes_the_town_of_a_name_typed_both_ways():
    text = "ATLANTA (AP) An aide to former Atlanta Mayor Kasim Reed was charged."
    doc_ents = [("ATLANTA", "ORG"), ("Atlanta", "GPE"), ("Kasim Reed", "PERSON")]
    ents = _run(text, doc_ents)
    assert {e.type for e in ents.values()} == {"GPE", "PERSON"}


def test_a_tie_between_person_and_organisation_goes_to_the_first_mention():
    body = "Netflix said on Monday it would expand. Analysts said Netflix shares rose."
    ents = _entities(body, [("Netflix", "ORG"), ("Netflix", "PERSON")])
    assert [(e.name, e.type) for e in ents] == [("Netflix", "ORG")]


def test_a_noun_of_a_kind_of_organisation_next_to_a_name_makes_it_one():
    body = (
        "The daily Sueddeutsche Zeitung quoted him. Mineral water firm Multico bid. "
        "Zycie Warszawy daily said so. The England side lost."
    )
    ents = _run(
        body,
        [
            ("Sueddeutsche Zeitung", "PERSON"),
            ("Multico", "PERSON"),
            ("Zycie Warszawy", "PERSON"),
            ("England", "GPE"),
        ],
    )
    assert {n: e.type for n, e in ents.items()} == {
        "Sueddeutsche Zeitung": "ORG",
        "Multico": "ORG",
        "Zycie Warszawy": "ORG",
        "England": "GPE",
    }


def test_a_name_shown_with_a_persons_title_is_a_person_throughout():
    body = "Clinton aides met. Dole wrote to Clinton campaign staff and to President Clinton."
    ents = _run(
        body,
        [("Clinton", "GPE"), ("Dole", "PERSON"), ("Clinton", "GPE"), ("Clinton", "PERSON")],
    )
    assert ents["Clinton"].type == "PERSON" and len(ents["Clinton"].mentions) == 3


def test_a_large_towns_name_typed_as_a_nationality_is_the_town():
    body = "In a visit to Tunis on Friday, Muslims and Republicans met."
    ents = _run(body, [("Tunis", "NORP"), ("Muslims", "NORP"), ("Republicans", "NORP")])
    assert {n: e.type for n, e in ents.items()} == {
        "Tunis": "GPE",
        "Muslims": "NORP",
        "Republicans": "NORP",
    }


def test_a_company_named_with_its_legal_form_is_one_organisation_by_every_name():
    body = (
        "Pirelli announced a venture. Pirelli SpA said it was positive. Stora Kopparbergs "
        "Bergslags AB bid, and Stora said later that it would wait."
    )
    ents = _run(
        body,
        [
            ("Pirelli", "PERSON"),
            ("Pirelli SpA", "PERSON"),
            ("Stora Kopparbergs Bergslags AB", "PERSON"),
            ("Stora", "PERSON"),
        ],
    )
    assert {n: e.type for n, e in ents.items()} == {
        "Pirelli SpA": "ORG",
        "Stora Kopparbergs Bergslags AB": "ORG",
    }
    assert [m.text for m in ents["Stora Kopparbergs Bergslags AB"].mentions][-1] == "Stora"


def test_a_share_price_makes_a_name_a_company_but_not_a_place():
    body = (
        "Magna was up 1/8 to 48. Investors bought shares of Jones. Italy's revenues rose, "
        "and Smith shares his view."
    )
    ents = _run(
        body,
        [("Magna", "PERSON"), ("Jones", "PERSON"), ("Italy", "GPE"), ("Smith", "PERSON")],
    )
    assert {n: e.type for n, e in ents.items()} == {
        "Magna": "ORG",
        "Jones": "ORG",
        "Italy": "GPE",
        "Smith": "PERSON",
    }


def test_an_age_in_apposition_makes_a_name_a_person_in_every_mention():
    body = "The wreck lay on the slope, Onarheim, 29, told Reuters. Onarheim flew back."
    ents = _run(body, [("Onarheim", "GPE"), ("Reuters", "ORG"), ("Onarheim", "GPE")])
    assert ents["Onarheim"].type == "PERSON"


def test_a_name_after_a_kind_of_vessel_is_the_ship_and_so_is_one_listed_with_it():
    body = (
        "Jets flew from the aircraft carriers Carl Vinson and Enterprise. "
        "The Carl Vinson leads a battle group; Carl Levin, a senator, watched."
    )
    ents = _run(
        body,
        [
            ("Carl Vinson", "PERSON"),
            ("Enterprise", "ORG"),
            ("Carl Vinson", "PERSON"),
            ("Carl Levin", "PERSON"),
        ],
    )
    assert {n: e.type for n, e in ents.items()} == {
        "Enterprise": "PRODUCT",
        "Carl Vinson": "PRODUCT",
        "Carl Levin": "PERSON",
    }


def test_a_one_word_person_always_after_the_is_no_person_unless_it_modifies_a_noun():
    body = (
        "Tesla showed the Cybertruck at a party on the Croisette. "
        "The Clinton administration sued, and the Clintons left."
    )
    ents = _run(
        body,
        [
            ("Cybertruck", "PERSON"),
            ("Croisette", "PERSON"),
            ("Clinton", "PERSON"),
            ("Clintons", "PERSON"),
        ],
    )
    assert {n: e.type for n, e in ents.items()} == {"Clinton": "PERSON", "Clintons": "PERSON"}


def test_a_role_in_an_organisation_after_a_name_no_person_bears_makes_it_one():
    body = (
        "Ericsson said it won the order, Ericsson spokesman Per Zetterquist told Reuters. "
        "Bill Clinton spoke; Clinton spokesman Mike McCurry said so."
    )
    ents = _run(
        body,
        [
            ("Ericsson", "PERSON"),
            ("Ericsson", "PERSON"),
            ("Per Zetterquist", "PERSON"),
            ("Reuters", "ORG"),
            ("Bill Clinton", "PERSON"),
            ("Clinton", "PERSON"),
            ("Mike McCurry", "PERSON"),
        ],
    )
    assert ents["Ericsson"].type == "ORG"
    assert ents["Bill Clinton"].type == "PERSON"


def test_what_the_article_calls_a_name_holds_for_every_mention():
    body = "A report in the news weekly Der Spiegel said so. Kohl told Der Spiegel he would stay."
    ents = _run(body, [("Der Spiegel", "PERSON"), ("Kohl", "PERSON"), ("Der Spiegel", "PERSON")])
    assert ents["Der Spiegel"].type == "ORG"


def test_a_road_known_by_its_number_is_a_facility():
    body = "Traffic backed up on Interstate 95 near Baltimore."
    ents = _run(body, [("Interstate 95", "ORG"), ("Baltimore", "GPE")])
    assert ents["Interstate 95"].type == "FAC"


def test_names_in_a_headline_in_capitals_are_found_from_their_ordinary_mentions():
    body = (
        "SOCCER - SHEARER NAMED AS CAPTAIN AGAINST MOLDOVA IN CHISINAU . "
        "Alan Shearer will lead the side against Moldova on Sunday, Glenn Hoddle said."
    )
    ents = _entities(
        body,
        [("Alan Shearer", "PERSON"), ("Moldova", "GPE"), ("Glenn Hoddle", "PERSON")],
    )
    spans = {m.text: e.type for e in ents for m in e.mentions}
    assert spans["SHEARER"] == "PERSON"
    assert spans["MOLDOVA"] == "GPE"
    assert "AND" not in spans and "CAPTAIN" not in spans


def test_a_division_named_by_its_kind_before_or_after_is_a_place():
    body = (
        "A policeman in the southern Belgian town of Chatelet told Reuters. Farmers in "
        "Huize county, in the south, protested. The Texas state senator and the Bristol town council met."
    )
    ents = _run(
        body,
        [
            ("Chatelet", "ORG"),
            ("Reuters", "ORG"),
            ("Huize", "PERSON"),
            ("Texas", "GPE"),
            ("Bristol", "ORG"),
        ],
    )
    assert {n: e.type for n, e in ents.items()} == {
        "Chatelet": "GPE",
        "Reuters": "ORG",
        "Huize": "GPE",
        "Texas": "GPE",
        "Bristol": "ORG",
    }


def test_an_appositive_naming_a_kind_of_person_makes_the_name_a_person():
    body = (
        "Valeska Paris, an Australian woman and former member, spoke. Paris was born in "
        "Switzerland. Magna, a parts supplier, grew."
    )
    ents = _run(
        body,
        [("Valeska Paris", "PERSON"), ("Paris", "GPE"), ("Switzerland", "GPE"), ("Magna", "ORG")],
    )
    assert ents["Valeska Paris"].type == "PERSON"
    assert [m.text for m in ents["Valeska Paris"].mentions] == ["Valeska Paris", "Paris"]
    assert ents["Magna"].type == "ORG"


def test_a_name_cut_before_its_elided_last_word_gets_it_back():
    body = "Meryl Streep received an honorary Palme d'Or in Cannes."
    ents = _run(body, [("Meryl Streep", "PERSON"), ("Palme", "PERSON"), ("Cannes", "GPE")])
    assert ents["Palme d'Or"].type == "EVENT"


def test_a_surname_of_a_person_named_in_full_is_the_person_where_the_recogniser_missed_it():
    body = (
        "Tiger Woods made his debut. Woods, who turned pro on Tuesday, shot 67. "
        "Shay Given saved twice, given the rain. Given was named man of the match."
    )
    ents = _entities(body, [("Tiger Woods", "PERSON"), ("Shay Given", "PERSON")])
    spans = [(m.text, e.name) for e in ents for m in e.mentions]
    assert ("Woods", "Tiger Woods") in spans
    assert ("Given", "Shay Given") not in spans  # "given" is also a word: left to the recogniser


def test_a_name_opening_with_a_company_named_with_its_legal_form_is_that_company():
    body = "Pirelli rose. Pirelli SpA said sales grew, and Pirelli Cables won an order."
    ents = _run(body, [("Pirelli", "ORG"), ("Pirelli SpA", "PERSON"), ("Pirelli Cables", "PERSON")])
    assert {e.type for e in ents.values()} == {"ORG"}


def test_a_trailing_and_and_a_former_team_are_no_part_of_a_persons_name():
    body = "Laurent Cabannes and Laurent Benezech scored. Ex-Yankee Randy Velarde hit a homer."
    ents = _entities(
        body, [("Laurent Cabannes and", "PERSON"), ("Ex-Yankee Randy Velarde", "PERSON")]
    )
    assert {e.name for e in ents} == {"Laurent Cabannes", "Randy Velarde"}


def test_a_price_move_in_money_or_per_cent_makes_a_name_a_listed_company():
    body = (
        "Elan finished down $18.90 at $8, while Biogen Idec shed 43%. Paris rose 2%. "
        "J&J will pay $76 for each Guidant share."
    )
    ents = _run(
        body,
        [
            ("Elan", "GPE"),
            ("Biogen Idec", "PERSON"),
            ("Paris", "GPE"),
            ("J&J", "ORG"),
            ("Guidant", "PERSON"),
        ],
    )
    assert {n: e.type for n, e in ents.items()} == {
        "Elan": "ORG",
        "Biogen Idec": "ORG",
        "Paris": "GPE",
        "J&J": "ORG",
        "Guidant": "ORG",
    }


def test_a_kind_of_organisation_in_an_appositive_or_before_the_name_makes_it_one():
    body = (
        "Elan, once the biggest firm on the Irish stock exchange, fell. A report by UK "
        "think-tank Demos said so. Smith, a company spokesman, agreed."
    )
    ents = _run(body, [("Elan", "GPE"), ("UK", "GPE"), ("Demos", "PERSON"), ("Smith", "PERSON")])
    assert (ents["Elan"].type, ents["Demos"].type, ents["Smith"].type) == ("ORG", "ORG", "PERSON")


def test_letters_and_a_number_name_no_person_and_a_genre_opens_a_title():
    body = "Comedy Meet The Fockers topped the chart. An MI6 officer was named."
    ents = _run(body, [("Comedy Meet The Fockers", "PERSON"), ("MI6", "PERSON")])
    assert {n: e.type for n, e in ents.items()} == {"Meet The Fockers": "WORK_OF_ART", "MI6": "ORG"}


def test_places_keep_their_type_beside_organisation_words_and_rates():
    body = (
        "In St. Louis, a financially troubled group of clinics merged. Carroll County was "
        "down 0.6 percent. Nance Shields leads the Western Pennsylvania Kennel Association."
    )
    ents = _run(
        body,
        [
            ("St. Louis", "GPE"),
            ("Carroll County", "GPE"),
            ("Nance Shields", "PERSON"),
            ("Western Pennsylvania Kennel Association", "PERSON"),
        ],
    )
    assert ents["St. Louis"].type == "GPE" and ents["Carroll County"].type == "GPE"
    assert "Western Pennsylvania Kennel Association" in ents


def test_a_companys_first_word_the_recogniser_calls_a_place_is_the_company():
    text = (
        "Nova owns 56 pct of Husky Oil Ltd now. Union Faith would buy a stake in Husky. "
        "Husky will become a private company."
    )
    ents = _run(
        text,
        [
            ("Nova", "ORG"),
            ("Husky Oil Ltd", "ORG"),
            ("Union Faith", "ORG"),
            ("Husky", "GPE"),
            ("Husky", "PERSON"),
        ],
    )
    assert {e.name: e.type for e in ents.values()}.get("Husky Oil Ltd") == "ORG"
    assert "Husky" not in ents  # merged into the company


def test_reuters_angle_brackets_are_not_part_of_a_name():
    text = "Nova said <Union Faith Canada Holding Ltd> would buy a stake."
    ents = _run(text, [("Union Faith Canada Holding Ltd>", "ORG")])
    assert list(ents) == ["Union Faith Canada Holding Ltd"]


def test_a_surname_in_capitals_is_the_person_unless_typed_a_place():
    text = (
        "Maria Delgado spoke to Newark Fire officials.\n\nDELGADO: We will rebuild.\n\n"
        "NEWARK police said the road was closed."
    )
    ents = _run(
        text,
        [
            ("Maria Delgado", "PERSON"),
            ("Newark Fire", "PERSON"),
            ("DELGADO", "ORG"),
            ("NEWARK", "GPE"),
        ],
    )
    assert ents["Maria Delgado"].type == "PERSON"
    assert "DELGADO" not in ents
    assert ents["NEWARK"].type == "GPE"


def test_a_name_ending_in_a_companys_word_is_the_company_and_its_short_name_too():
    text = (
        "Arvana Semiconductor will build a plant. Shares in Arvana rose 3% on Thursday, "
        "and Arvana said more was to come."
    )
    ents = _run(
        text, [("Arvana Semiconductor", "PERSON"), ("Arvana", "PERSON"), ("Arvana", "PERSON")]
    )
    assert list(ents) == ["Arvana Semiconductor"]
    assert ents["Arvana Semiconductor"].type == "ORG"
    assert len(ents["Arvana Semiconductor"].mentions) == 3


def test_a_short_name_two_organisations_share_is_not_merged_by_a_companys_word():
    text = "Profits fell at Warner Bros last year. Time Warner said Warner would recover."
    ents = _run(text, [("Warner Bros", "ORG"), ("Time Warner", "ORG"), ("Warner", "ORG")])
    assert len(ents["Warner Bros"].mentions) == 1


def test_a_founder_after_a_name_makes_an_organisation():
    text = "Kestrel's founder, Dev Anand, said the plan would be revisited."
    ents = _run(text, [("Kestrel", "PERSON"), ("Dev Anand", "PERSON")])
    assert ents["Kestrel"].type == "ORG"
