"""parse_byline: names cleaned of byline furniture; no author rather than a wrong one."""

import pytest

from newsgraph.clean.byline import parse_byline


def _pairs(text):
    return [(a.name, a.outlet) for a in parse_byline(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Levi Parsons For Daily Mail Australia", [("Levi Parsons", "Daily Mail Australia")]),
        ("By Jane Doe and John Roe, Reuters", [("Jane Doe", "Reuters"), ("John Roe", "Reuters")]),
        (
            "By Jane Doe, John Roe and Bob Lee, Reuters",
            [("Jane Doe", "Reuters"), ("John Roe", "Reuters"), ("Bob Lee", "Reuters")],
        ),
        ("Written by Jane Doe, Staff Writer", [("Jane Doe", None)]),
        ("By Jane Doe, Senior Correspondent, CNN", [("Jane Doe", "CNN")]),
        ("By Jane Doe | Updated: March 3, 2023 10:30 AM EST", [("Jane Doe", None)]),
        ("By Jane Doe. Updated Oct. 3, 2023, 5:01 p.m. ET", [("Jane Doe", None)]),
        ("Published 3 hours ago By Jane Doe", [("Jane Doe", None)]),
        ("Jane Doe (@janedoe) jane.doe@example.com", [("Jane Doe", None)]),
        ("By Jane Doe - The Washington Post", [("Jane Doe", "The Washington Post")]),
        ("BY JOHN SMITH, Associated Press", [("John Smith", "Associated Press")]),
        ("By Jane Doe (Reuters)", [("Jane Doe", "Reuters")]),
        ("Reporting by Jane Doe; Editing by John Roe", [("Jane Doe", None)]),
        (
            "By Mary-Jane O'Neil & Jean-Luc de la Cruz",
            [("Mary-Jane O'Neil", None), ("Jean-Luc de la Cruz", None)],
        ),
        ("By Ahmed al-Hassan in Baghdad", [("Ahmed al-Hassan", None)]),
        ("By Rohan Das and Ana Van", [("Rohan Das", None), ("Ana Van", None)]),
        ("By Theresa May", [("Theresa May", None)]),
        ("By Jane Doe\nJane Doe is a senior writer at Vox.", [("Jane Doe", None)]),
        ("بقلم محمد علي", [("محمد علي", None)]),
    ],
)
def test_names_and_outlets(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Staff Writer",
        "By Staff",
        "By admin",
        "By The Associated Press",
        "Guardian staff and agencies",
        "The event was organised by Jane Doe last week",
        "Share this article on WhatsApp",
        "x" * 1000,
    ],
)
def test_no_author_rather_than_a_wrong_one(text):
    assert parse_byline(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Rachael Link, MS, RD", ["Rachael Link"]), ("By Ilana Doe, M.S., RDN", ["Ilana Doe"])],
)
def test_degrees_after_a_name_are_not_names(text, expected):
    assert [a.name for a in parse_byline(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By\nJane Doe", ["Jane Doe"]),
        ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),
        ("Opinion by Jane Doe", ["Jane Doe"]),
        ("Текст: Венера Ерофеева", ["Венера Ерофеева"]),
        # a leading particle makes an outlet, not a name: "Al Root" is lost with it
        ("Al Jazeera", []),
        ("Jane Doe, La Stampa", []),
    ],
)
def test_more_byline_forms(text, expected):
    assert [a.name for a in parse_byline(text)] == expected
