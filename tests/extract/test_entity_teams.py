"""Sports teams named after their town are organisations, not places; the rest stay put."""

from __future__ import annotations

import re

import newsgraph
from newsgraph.extract.entities import _retype_name_parts
from newsgraph.extract.entity_names import Mention
from newsgraph.extract.entity_teams import retype_teams


def _mentions(body: str, labelled: list[tuple[str, str]]) -> list[Mention]:
    """One Mention per (name, label), at each occurrence of the name, in text order."""
    found = []
    for name, label in labelled:
        for m in re.finditer(re.escape(name), body):
            found.append(Mention(m.start(), m.end(), name, label, tokens=tuple(name.split())))
    return sorted(found, key=lambda m: m.start)


def _labels(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in mentions]


def test_a_town_that_beats_another_is_its_team_in_every_mention():
    body = "Leeds beat Hull 2-1 on Saturday. Leeds have now won three games in a row."
    found = _mentions(body, [("Leeds", "GPE"), ("Hull", "GPE")])
    retype_teams(found, body)
    assert _labels(found) == [("Leeds", "ORG"), ("Hull", "ORG"), ("Leeds", "ORG")]


def test_a_score_line_names_teams():
    body = "Results:\nBirmingham 2 1 1 0 Reading\nNorwich 1 Ipswich 1\n"
    found = _mentions(body, [("Birmingham", "GPE"), ("Norwich", "GPE"), ("Ipswich", "GPE")])
    retype_teams(found, body)
    assert {m.label for m in found} == {"ORG"}


def test_a_squad_role_names_a_team_but_a_dateline_keeps_its_place():
    body = (
        "ARLINGTON, Texas 1996-08-31\nThe game went on late. "
        '"We were lucky," said Texas manager Johnny Oates.'
    )
    found = _mentions(body, [("ARLINGTON", "GPE"), ("Texas", "GPE"), ("Johnny Oates", "PERSON")])
    retype_teams(found, body)
    assert _labels(found) == [
        ("ARLINGTON", "GPE"),
        ("Texas", "GPE"),
        ("Texas", "ORG"),
        ("Johnny Oates", "PERSON"),
    ]


def test_countries_and_numbers_that_are_not_scores_change_nothing():
    body = "Spain beat Italy 2-0 in Madrid. Paris 1996-08-30 was the dateline. Berlin 2000 bid."
    found = _mentions(body, [("Spain", "GPE"), ("Italy", "GPE"), ("Paris", "GPE")])
    found += _mentions(body, [("Berlin", "GPE"), ("Madrid", "GPE")])
    found.sort(key=lambda m: m.start)
    found[0].country, found[1].country = "ESP", "ITA"
    retype_teams(found, body)
    assert {m.label for m in found} == {"GPE"}


def test_a_part_of_a_persons_name_is_not_a_team():
    body = "MaliVai Washington lost in New York. Agassi beat Washington 6-4 6-3."
    found = _mentions(body, [("MaliVai Washington", "PERSON"), ("Agassi", "PERSON")])
    found += _mentions(body[20:], [("Washington", "GPE")])
    for m in found[2:]:
        m.start, m.end = m.start + 20, m.end + 20
    found.sort(key=lambda m: m.start)
    retype_teams(found, body)
    assert ("Washington", "ORG") not in _labels(found)


def test_a_name_ending_in_a_club_word_is_a_team():
    body = "Manchester United signed a striker from Blackburn Rovers."
    found = _mentions(body, [("Manchester United", "PERSON"), ("Blackburn Rovers", "GPE")])
    retype_teams(found, body)
    assert {m.label for m in found} == {"ORG"}


def test_a_region_in_a_misread_headline_name_stays_a_place():
    body = "Yeltsin endorses Lebed Chechnya peace plan\n\nLebed backs a plan for Chechnya."
    found = _mentions(body, [("Lebed Chechnya", "PERSON"), ("Yeltsin", "PERSON")])
    found += [Mention(body.index("Lebed backs"), body.index(" backs"), "Lebed", "PERSON")]
    found[-1].tokens = ("Lebed",)
    found += [
        Mention(body.rindex("Chechnya"), len(body) - 1, "Chechnya", "GPE", tokens=("Chechnya",))
    ]
    _retype_name_parts(found, body)
    assert _labels(found)[-1] == ("Chechnya", "GPE")


def test_a_surname_that_is_also_a_place_is_the_person_unless_placed():
    body = (
        "MaliVai Washington lost in the first round. The seeded Washington fell short. "
        "He has lived in Washington since 1990."
    )
    found = _mentions(body, [("MaliVai Washington", "PERSON")])
    for i in (body.index("Washington fell"), body.rindex("Washington")):
        found.append(Mention(i, i + 10, "Washington", "GPE", tokens=("Washington",)))
    _retype_name_parts(found, body)
    assert [m.label for m in found] == ["PERSON", "PERSON", "GPE"]


def test_a_football_report_does_not_geocode_the_teams():
    art = newsgraph.extract(
        "Leeds beat Chelsea 2-1 at Elland Road on Saturday, and Leeds manager Howard "
        "Wilkinson praised his defence.",
        clean=False,
    )
    leeds = [e for e in art.entities if e.name == "Leeds"]
    assert leeds and all(e.type == "ORG" for e in leeds)
    assert "Leeds" not in {p.name for p in art.places}


def test_a_town_that_holds_an_event_is_still_the_town():
    body = "Paris held a summit on Monday, and Lyon hosted the talks that followed."
    found = _mentions(body, [("Paris", "GPE"), ("Lyon", "GPE")])
    retype_teams(found, body)
    assert {m.label for m in found} == {"GPE"}


def test_a_town_a_player_scores_for_is_its_team_but_a_rival_politician_stays_a_person():
    body = (
        "Jim Thome homered for Cleveland. Milan chairman Silvio spoke. "
        "Trump's victory over Clinton was a surprise."
    )
    found = _mentions(body, [("Cleveland", "GPE"), ("Milan", "GPE"), ("Clinton", "PERSON")])
    retype_teams(found, body)
    assert _labels(found) == [("Cleveland", "ORG"), ("Milan", "ORG"), ("Clinton", "PERSON")]


def test_a_clubs_second_word_alone_is_that_club_unless_two_clubs_share_it():
    one = newsgraph.extract(
        "Manchester United beat Chelsea 2-0 at Old Trafford on Sunday. "
        "Marcus Rashford scored twice for United, who climb to fourth.",
        clean=False,
    )
    united = [e for e in one.entities if e.name == "Manchester United"]
    assert len(united) == 1 and united[0].type == "ORG"
    assert [m.text for m in united[0].mentions] == ["Manchester United", "United"]
    two = newsgraph.extract(
        "Manchester United drew with Newcastle United on Sunday. United were the better side.",
        clean=False,
    )
    for e in two.entities:
        assert [m.text for m in e.mentions if m.text == "United"] == []


def test_a_town_and_a_word_that_competes_is_a_club_and_so_is_its_second_word():
    body = "Leeds beat Nottingham Forest on Saturday. Forest boss Nuno Santo was angry."
    found = _mentions(
        body,
        [("Nottingham Forest", "PERSON"), ("Forest", "PERSON"), ("Nuno Santo", "PERSON")],
    )
    found = [m for m in found if not (m.text == "Forest" and m.start < 30)]
    retype_teams(found, body)
    assert ("Nottingham Forest", "ORG") in _labels(found)
    assert ("Forest", "ORG") in _labels(found)


def test_a_person_opening_with_a_towns_name_who_wins_stays_a_person():
    body = "Austin Krajicek beat Jack Sock in three sets."
    found = _mentions(body, [("Austin Krajicek", "PERSON"), ("Jack Sock", "PERSON")])
    retype_teams(found, body)
    assert _labels(found) == [("Austin Krajicek", "PERSON"), ("Jack Sock", "PERSON")]
