"""Amounts and counts read from the body for GKG's V2.1AMOUNTS and V1/V2.1COUNTS."""

from __future__ import annotations

from newsgraph.corpus.gkg_numbers import amounts, counts

TEXT = (
    "Rockets killed at least 12 people in Ganja on 7 October 2023. Thirty civilians were "
    "wounded, and police detained 3 armed men. Some 5,000 protesters marched. The 2023 "
    "election drew 2000 troops. The fund pledged $3.5 billion and 40% of voters agreed."
)


def test_amounts_are_numbers_with_what_they_count():
    found = [(a.value, a.object) for a in amounts(TEXT)]
    assert found == [
        (12, "people"),
        (30, "civilians"),
        (3, "armed men"),
        (5000, "protesters"),
        (2000, "troops"),
        (3.5e9, "dollars"),
        (40, "percent"),
    ]
    assert all(TEXT[a.offset].isdigit() or TEXT[a.offset] in "$T" for a in amounts(TEXT))


def test_dates_years_and_ordinals_are_no_amounts():
    assert amounts("On 7 October 2023 the 2023 election, the 21st vote, began at 10:30.") == []


def test_counts_need_a_count_verb_or_protesters():
    found = [(c.kind, c.value, c.object) for c in counts(TEXT)]
    assert found == [
        ("KILL", 12, "people"),
        ("WOUND", 30, "civilians"),
        ("ARREST", 3, "armed men"),
        ("PROTEST", 5000, "protesters"),
    ]
    assert [c.kind for c in counts("Nine people died and two were abducted.")] == ["KILL"]
    assert counts("The club signed 3 players.") == []
    assert counts("") == [] and amounts("") == []


def test_linear_on_a_long_list_of_numbers():
    assert len(amounts("killed 5 people, " * 5000)) == 5000
