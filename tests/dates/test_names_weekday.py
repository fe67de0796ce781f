"""newsgraph.dates.names: a weekday in a newspaper's name ("the Sunday Times") is no date."""

from __future__ import annotations

import pytest

from newsgraph import nlp
from newsgraph.dates.names import in_name


def _in_name(text: str, phrase: str) -> bool:
    start = text.index(phrase)
    return in_name(nlp.load().make_doc(text), text, start, start + len(phrase))


@pytest.mark.parametrize(
    "text",
    [
        "The Sunday Mail newspaper branded the budget a sham.",
        "He told the Sunday Times that he would resign.",
        "A poll for The Sunday Express found them ahead.",
    ],
)
def test_a_weekday_between_the_and_a_capitalised_word_is_a_name(text):
    assert _in_name(text, "Sunday")


@pytest.mark.parametrize(
    "text",
    [
        "The Sunday meeting was cancelled.",
        "The Sunday Oct. 5 vote was close.",
        "Police Said The Sunday Raid Failed",  # a headline
        "The talks ended on Sunday.",
    ],
)
def test_a_weekday_before_a_date_a_noun_or_in_a_headline_stays_a_day(text):
    assert not _in_name(text, "Sunday")
