"""newsgraph.dates.names: date words that are part of a proper name, not dates."""

from __future__ import annotations

import pytest

from newsgraph import nlp
from newsgraph.dates.names import in_name


def _in_name(text: str, phrase: str) -> bool:
    start = text.index(phrase)
    return in_name(nlp.load().make_doc(text), text, start, start + len(phrase))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('Gonzalez said on CBS\'s "60 Minutes." The family left.', "60 Minutes"),
        ("She told 48 Hours that the case was closed.", "48 Hours"),
    ],
)
def test_a_number_and_a_capitalised_unit_is_a_title(text, phrase):
    assert _in_name(text, phrase)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The talks lasted 60 minutes and ended at noon.", "60 minutes"),
        ("Rebels Seize Town After 48 Hours Of Fighting", "48 Hours"),  # a headline
        ("The plan covers Fiscal Year 1999 and beyond.", "Fiscal Year 1999"),
    ],
)
def test_counts_in_running_text_and_headlines_stay_dates(text, phrase):
    assert not _in_name(text, phrase)


def test_a_table_label_is_no_title():
    assert not _in_name("Avge 13 Weeks (Vs week Ago).731.8 Vs.....729.8", "13 Weeks")
