"""The given-name list and the script that learns it from CoNLL train."""

from __future__ import annotations

from newsgraph.lexicon.given_names import is_given_name
from training.build_given_names import given_names, gold_names

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
