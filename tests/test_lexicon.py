"""lexicon.agencies: each agency listed once; dedup, bylines and credits derive from it."""

from __future__ import annotations

import re

import pytest

from newsgraph.clean.byline import parse_byline
from newsgraph.clean.html_media import split_credit
from newsgraph.clean.text_meta import credit_of
from newsgraph.corpus import dedup
from newsgraph.lexicon.agencies import (
    AGENCIES,
    NEWS_AGENCIES,
    NEWS_AGENCY_WORDS,
    alternation,
    canonical,
)
from newsgraph.record import Article, Author


def test_each_agency_and_each_written_form_is_listed_once():
    names = [a.name for a in AGENCIES]
    forms = [w.lower() for a in AGENCIES for w in a.written]
    assert len(names) == len(set(names))
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Associated Press", "AP"),
        ("agence france-presse", "AFP"),
        ("Agence  France Presse", "AFP"),
        ("Reuter", "Reuters"),
        ("United Press International", "UPI"),
        ("PA Media", "PA"),
        ("Getty Image", "Getty Images"),
        ("The Coast Times", None),
    ],
)
def test_canonical_names(written, name):
    assert canonical(written) == name


def test_alternation_prefers_the_longest_form_and_any_whitespace():
    pattern = re.compile(rf"(?:{alternation(AGENCIES)})")
    assert pattern.match("Agence France-Presse").group() == "Agence France-Presse"
    assert pattern.match("Getty   Images").group() == "Getty   Images"
    assert pattern.match("Reuters").group() == "Reuters"


def test_photo_libraries_are_not_wires():
    wires = {a.name for a in NEWS_AGENCIES}
    assert {"AP", "Reuters", "AFP", "Xinhua", "PTI"} <= wires
    assert not {"Getty Images", "Shutterstock", "EPA"} & wires
    assert {"reuters", "afp", "xinhua", "yonhap", "tass"} <= NEWS_AGENCY_WORDS


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        ("NEW DELHI (PTI) - The monsoon arrived early.", "PTI"),
        ("SEOUL (Yonhap) -- Exports rose.", "Yonhap"),
        ("Prices rose.\n\nCopyright 2023 Reuters. All rights reserved.", "Reuters"),
        ("By Bloomberg\n\nStocks fell.", "Bloomberg"),
        ("The vote passed. United Press International", "UPI"),
        ("Prices rose.\n\nCopyright 2023 APPLE Inc.", None),
    ],
)
def test_wire_credits_of_every_news_agency(body, agency):
    assert dedup.credited_agency(Article(body=body)) == agency


def test_agency_sources_and_authors():
    assert dedup.source_agency("Agence France-Presse") == "AFP"
    assert dedup.source_agency("Press Association") == "PA"
    assert dedup.source_agency("prensa.com.pa") is None  # two-letter codes are no outlet marker
    assert dedup.credited_agency(Article(body="Text.", authors=[Author(name="Xinhua")])) == "Xinhua"


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Jane Roe/Anadolu", "Jane Roe/Anadolu"),
        ("(Kyodo)", "Kyodo"),
        ("PA Wire", "PA Wire"),
        ("Photo by Ana Lima/NurPhoto", "Ana Lima/NurPhoto"),
        ("iStockphoto", "iStockphoto"),
    ],
)
def test_text_credit_lines_name_any_agency(line, credit):
    assert credit_of(line) == credit


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Fishing boats at dawn. (Xinhua)", "Xinhua"),
        ("Fishing boats at dawn. (Jane Roe/Getty Images)", "Jane Roe/Getty Images"),
        ("Fishing boats at dawn. AP Photo/Jane Roe", "AP Photo/Jane Roe"),
        ("Fishing boats at dawn. (Anadolu Agency)", "Anadolu Agency"),
        ("Fishing boats at dawn.", None),
    ],
)
def test_html_captions_split_off_any_agency_credit(caption, credit):
    text, found = split_credit(caption)
    assert found == credit
    assert text == "Fishing boats at dawn."


def test_a_byline_outlet_may_be_any_news_agency():
    assert [(a.name, a.outlet) for a in parse_byline("By Jane Doe, Anadolu")] == [
        ("Jane Doe", "Anadolu")
    ]
