"""A wire story's dateline: its place, its day, and where the story starts."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer.dateline import dateline_at


@pytest.mark.parametrize(
    ("text", "place", "day", "story"),
    [
        ("ATHENS, March 12, 2025 — Turkey and Greece", "ATHENS", "March 12, 2025", "Turkey"),
        ("LONDON (Reuters) - Britain's finance minister", "LONDON", None, "Britain's"),
        ("SAN JUAN, Puerto Rico (AP) -- The governor", "SAN JUAN", None, "The"),
        ("LOS ANGELES, Sept. 28 (UPI) — The show", "LOS ANGELES", "Sept. 28", "The"),
        ("PLEASANTON, Calif.--(BUSINESS WIRE)--Acme Corp said", "PLEASANTON", None, "Acme"),
        ("ATLANTA (AP) An aide was charged.", "ATLANTA", None, "An"),
        ("ANN ARBOR, Mich., March 18 - Domino's Pizza", "ANN ARBOR", "March 18", "Domino's"),
        ("BEIJING, 7 August 2024 - China's exports", "BEIJING", "7 August 2024", "China's"),
        ("Washington, March 12 (Xinhua) -- The", "Washington", "March 12", "The"),
        ("BRUSSELS - European leaders met.", "BRUSSELS", None, "European"),
        ("Oslo -- The government said", "Oslo", None, "The"),
        ("NEW DELHI: The monsoon arrived.", "NEW DELHI", None, "The"),
        ("BENGALURU: Residents queued.", "BENGALURU", None, "Residents"),
        ("WASHINGTON — “We will win,” he said.", "WASHINGTON", None, "“We"),
        ("BEIRUT (AP) \ufffd A Kurdish militia", "BEIRUT", None, "\ufffd"),  # a dash lost
    ],
)
def test_dateline_forms(text, place, day, story):
    found = dateline_at(text)
    assert found is not None
    assert text[slice(*found.place)] == place
    assert (text[slice(*found.day)] if found.day else None) == day
    assert text[found.end :].split()[0] == story


@pytest.mark.parametrize(
    "text",
    [
        "US - Russia talks will resume.",  # two capitals
        "NATO - Russia Council talks will resume.",  # Nato is a town of 5,000: no desk files there
        "Sen. Charles Grassley (R-Iowa) said yesterday",  # no dash after the bracket
        "Acme (NYSE) shares fell.",  # a name in title case and a bracket
        "Acme, May 3 results were late.",
        "PENCE: Flowers Won't Be at Debate",  # a headline's label
        "UPDATE: The talks resumed.",  # a kicker
        "Oslo - the capital - is cold.",  # no story opens after the dash
    ],
)
def test_not_a_dateline(text):
    assert dateline_at(text) is None


def test_a_colon_dateline_only_opens_the_story():
    """A transcript's turns ("CLINTON: ...", "PARIS: ...") come after its first line."""
    text = "Intro line.\nLONDON: We will see."
    assert dateline_at(text, text.index("LONDON")) is None
    assert dateline_at("LONDON: We will see.") is not None


def test_a_dateline_opens_a_line():
    text = "The band played OSLO -- The crowd sang."
    assert dateline_at(text, text.index("OSLO")) is None
    text = "Intro.\nSPLIT, Croatia (Reuters) - Boats sank."
    assert dateline_at(text, text.index("SPLIT")) is not None
