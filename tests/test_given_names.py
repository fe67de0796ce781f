"""The given-name list and the script that learns it from CoNLL train."""

from __future__ import annotations

from collections import Counter

from newsgraph.lexicon.given_names import is_given_name, name_gender
from training.build_given_names import given_names, gold_names, outside_names
from training.build_name_genders import census_genders

CONLL = """-DOCSTART- -X- -X- O

Sarah NNP B-NP B-PER
Lund NNP I-NP I-PER
met VBD B-VP O
Morgan NNP B-NP B-ORG
Stanley NNP I-NP I-ORG
and CC O O
Morgan NNP B-NP B-PER
Lee NNP I-NP I-PER
. . O O
"""


def test_first_words_of_person_names_that_open_nothing_else(tmp_path):
    path = tmp_path / "train.txt"
    path.write_text(CONLL, encoding="utf-8")
    names = gold_names(path)
    assert ("PER", ["Sarah", "Lund"]) in names and ("ORG", ["Morgan", "Stanley"]) in names
    assert given_names(names, min_count=1, max_other=0.1) == ["Sarah"]


def test_shipped_list_reads_as_written():
    assert is_given_name("George")
    assert not is_given_name("george") and not is_given_name("Paris")


def test_outside_names_are_added_unless_something_else_claims_them(tmp_path):
    path = tmp_path / "train.txt"
    path.write_text(CONLL, encoding="utf-8")
    lower = Counter({"hope": 3})
    census = ["GRETA", "MORGAN", "HOPE", "AUSTIN", "JO"]
    # Morgan opens an organisation's name, "hope" is a word, Austin a city, Jo too short
    assert outside_names(census, gold_names(path), lower, max_town=20_000) == ["Greta"]


def test_shipped_list_knows_todays_names_but_not_towns_or_words():
    assert is_given_name("Greta") and is_given_name("Meryl") and is_given_name("Quentin")
    # the world's, from Faker's locales
    assert is_given_name("Priya") and is_given_name("Adaeze") and is_given_name("Hiroshi")
    assert not is_given_name("Georgian")  # a Romanian name, and a nationality word
    assert not is_given_name("Austin") and not is_given_name("Hope")


def test_census_genders_need_a_clear_majority_of_bearers():
    census = {"female": {"GRETA": 0.02, "TAYLOR": 0.03}, "male": {"TAYLOR": 0.04, "OTTO": 0.01}}
    assert census_genders(census, min_share=0.95) == {"Greta": "f", "Otto": "m"}


def test_shipped_genders_cover_todays_names():
    assert name_gender("Greta") == "f" and name_gender("Quentin") == "m"
    assert name_gender("Taylor") is None


def test_census_names_are_no_news_given_names():
    assert is_given_name("Buford") and not is_given_name("Buford", news_only=True)
    assert is_given_name("George", news_only=True)


def test_a_given_name_written_with_accents_is_found_without_them():
    assert is_given_name("José") and is_given_name("Chloé")
    assert not is_given_name("Zürich")
