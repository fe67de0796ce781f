"""Hard-wrapped plain text: paragraphs joined before cleaning, nothing of the story lost."""

from __future__ import annotations

import re
import textwrap
from collections import Counter

import pytest

from newsgraph.clean.lines import words_of
from newsgraph.clean.text import clean_text
from newsgraph.clean.unwrap import unwrap, wrap_width
from newsgraph.read.reuters import wire_stories

from ..conftest import SAMPLE, SEED, SHARED

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the harbour, a project that has divided "
    "residents for nearly a decade and will cost more than the town's annual budget.",
    "Supporters say the new berths will bring cruise ships and jobs, while opponents warn "
    "that dredging the bay could harm the fishing grounds that families have worked for years.",
    "The mayor said the decision was not taken lightly and promised that an independent "
    "study of the water quality would be published before any construction begins.",
    "Fishermen who attended the meeting said they would appeal, and a petition against the "
    "plan had gathered several thousand signatures by the end of the evening session.",
]


def wrapped(paragraph: str, width: int = 72, indent: str = "") -> str:
    return textwrap.fill(paragraph, width=width, initial_indent=indent)


def kept_share(story: str, body: str) -> float:
    ref = Counter(words_of(story))
    return sum((ref & Counter(words_of(body))).values()) / sum(ref.values())


# ---- unwrap ------------------------------------------------------------------------------


def test_paragraphs_wrapped_at_72_columns_are_joined() -> None:
    text = "\n\n".join(wrapped(p) for p in PARAGRAPHS)
    assert max(len(ln) for ln in text.splitlines()) <= 72
    result = unwrap(text)
    assert result.width is not None and 60 <= result.width <= 72
    assert result.text.split("\n\n") == PARAGRAPHS


def test_indented_paragraphs_without_blank_lines() -> None:
    text = "\n".join(wrapped(p, 65, indent="    ") for p in PARAGRAPHS)
    assert [ln.strip() for ln in unwrap(text).text.splitlines()] == PARAGRAPHS


def test_joining_changes_nothing_but_line_breaks() -> None:
    text = "Harbour vote\n\n" + "\n".join(wrapped(p, 68, indent="  ") for p in PARAGRAPHS)
    out = unwrap(text).text
    assert out.count("\n") < text.count("\n")
    assert out.split() == text.split()
    assert re.sub(r"\s", "", out) == re.sub(r"\s", "", text)


def test_short_lines_tables_and_lists_are_not_joined() -> None:
    text = "\n\n".join(
        [
            wrapped(PARAGRAPHS[0]),
            "Results:\n    Net profit    12.1 mln    10.4 mln\n    Revenue      130.2 mln   "
            "121.7 mln",
            "- first point of the plan, which the council will hear on Tuesday\n"
            "- second point of the plan, which the council will hear next week",
            "Jane Roe\nPress Officer\nCoastal Courier",
            wrapped(PARAGRAPHS[1]),
        ]
    )
    lines = unwrap(text).text.splitlines()
    for kept in ("Jane Roe", "Press Officer", "Coastal Courier", "Results:"):
        assert kept in lines
    assert "    Net profit    12.1 mln    10.4 mln" in lines
    assert sum(ln.startswith("- ") for ln in lines) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Home\nNews\nSport\nWeather\n\n" + "\n\n".join(PARAGRAPHS),
        "Harbour vote splits town\n" + "\n".join(PARAGRAPHS),
        # A column of headlines, each nearly as long as the next: not prose.
        "Council backs harbour plan after long debate\nFishermen vow to appeal the "
        "harbour decision\nMayor Promises Water Study Before Any Work Begins\nPetition "
        "Against Harbour Plan Gathers Thousands Of Names",
    ],
)
def test_text_that_is_not_wrapped_is_left_alone(text: str) -> None:
    result = unwrap(text)
    assert result.width is None
    assert result.text == text


def test_scraped_pages_are_left_alone(sample_text: str, seed_text: str) -> None:
    for text in (sample_text, seed_text):
        result = unwrap(text)
        assert (result.text, result.width, result.plain_layout) == (text, None, False)
    assert SAMPLE.exists() and SEED.exists()


def test_wrap_width_is_the_column_the_text_was_broken_at() -> None:
    assert wrap_width([wrapped(PARAGRAPHS[0], 200)]) is None
    width = wrap_width(wrapped(PARAGRAPHS[0] + " " + PARAGRAPHS[1], 50).splitlines())
    assert width is not None and 40 <= width <= 50


# ---- clean_text on hard-wrapped documents --------------------------------------------------

PRESS_RELEASE = (
    "Subject: Coastal Council approves harbour expansion\n"
    "From: Press Office <press@coastal.example>\n"
    "Date: Tue, 14 Mar 2023 16:02:11 +0000\n\n"
    "FOR IMMEDIATE RELEASE\n\n" + "\n\n".join(wrapped(p) for p in PARAGRAPHS) + "\n\n###\n\n"
    "Media contact:\nJane Roe\nPress Officer\njane.roe@coastal.example\n"
)


def test_email_press_release_wrapped_at_72_columns() -> None:
    c = clean_text(PRESS_RELEASE)
    assert c.body.split("\n\n") == PARAGRAPHS
    removed = {r.text for r in c.removed}
    assert {"###", "Jane Roe", "FOR IMMEDIATE RELEASE"} <= removed


LEXIS_BODY = [
    "WASHINGTON -- The Senate on Thursday approved a bill that would expand the harbour "
    "programme, sending the measure to the House, where its fate is less certain.",
    "The vote was 61 to 38, with nine Republicans joining Democrats in support of the "
    "measure, which would cost about $4 billion over the next decade.",
    "Opponents said the plan would add to the deficit and argued that the states, not the "
    "federal government, should pay for the dredging and the new berths.",
]
LEXIS_EXPORT = (
    "Senate Approves Harbour Bill\n\n"
    "The Coastal Times\n"
    "March 3, 2019 Sunday\n"
    "Late Edition - Final\n\n"
    "Copyright 2019 The Coastal Times Company All Rights Reserved\n\n"
    "Section: Section A; Column 0; National Desk; Pg. 6\n"
    "Length: 512 words\n"
    "Byline: By Jane Roe\n\n"
    "Body\n\n"
    + "\n\n".join(wrapped(p, 66) for p in LEXIS_BODY)
    + "\n\nLoad-Date: March 4, 2019\n\nEnd of Document\n"
)


def test_database_export_with_a_header_block() -> None:
    c = clean_text(LEXIS_EXPORT)
    assert c.body.split("\n\n") == LEXIS_BODY
    assert c.title == "Senate Approves Harbour Bill"
    removed = {r.text for r in c.removed}
    for furniture in (
        "Length: 512 words",
        "Late Edition - Final",
        "Load-Date: March 4, 2019",
        "End of Document",
    ):
        assert furniture in removed


def test_wire_story_with_a_dateline_and_a_results_table() -> None:
    story = (
        "    HARBOURTON, March 2 - Coastal Shipping Co said its fourth quarter profit rose\n"
        "on higher cargo volumes at the harbour and lower fuel costs, and that\n"
        "it expected the trend to continue through the first half of the year.\n"
        "    Shr 59 cts vs 48 cts\n"
        "    Net 3,244,000 vs 2,584,000\n"
        "    Revs 169.3 mln vs 156.0 mln\n"
        "    Year\n"
        "    Shr 1.78 dlrs vs 1.32 dlrs\n"
        "    Pay March 31\n"
        " Reuter\n"
    )
    c = clean_text("COASTAL SHIPPING <CSC> 4TH QTR NET\n\n" + story)
    assert c.body.startswith(
        "HARBOURTON, March 2 - Coastal Shipping Co said its fourth quarter profit rose on "
    )
    assert "Year\n\nShr 1.78 dlrs vs 1.32 dlrs\n\nPay March 31" in c.body
    assert kept_share(story.replace("Reuter", ""), c.body) == 1.0
    assert not c.body.endswith("Reuter")


def test_a_story_s_last_remarks_are_kept_and_its_sign_off_is_not() -> None:
    story = (
        "    HARBOURTON, March 2 - Coastal Shipping Co said its fourth quarter profit rose\n"
        "on higher cargo volumes at the harbour and lower fuel costs.\n"
        "    In the interview, the chairman declined to comment about the\n"
        "    Shr 59 cts vs 48 cts\n"
        "    Net 3,244,000 vs 2,584,000\n"
        "    Note: Canadian funds\n"
        "    Results in U.S. funds\n"
        " Reuter\n"
    )
    c = clean_text("COASTAL SHIPPING <CSC> 4TH QTR NET\n\n" + story)
    for line in (
        "In the interview, the chairman declined to comment about the",  # runs on
        "Note: Canadian funds",  # a note on the story
        "Results in U.S. funds",  # the story's own words, not a name
    ):
        assert line in c.body
    assert not c.body.rstrip().endswith("Reuter")


def test_a_table_s_headings_a_company_s_name_and_a_per_share_note_are_the_story_s() -> None:
    story = (
        "L-CATTLE\n"
        "APR7  69.52 UP  0.12\n"
        "JUN7  64.95 OFF 0.07\n"
        "    Per-share results reflect payment of preferred dividends\n"
        "    Laidlaw Transportation Ltd\n"
        " Reuter\n"
    )
    c = clean_text("CME 10:45 EDT\n\n" + story)
    assert c.body.startswith("L-CATTLE\n\nAPR7  69.52 UP  0.12")
    assert c.body.rstrip().endswith(
        "Per-share results reflect payment of preferred dividends\n\nLaidlaw Transportation Ltd"
    )


def test_a_flash_of_short_lines_is_kept_whole() -> None:
    c = clean_text("U.S. DIVIDEND MEETINGS - APRIL 3\n\n Flowers Indus\n Providence Energy\n")
    assert c.body.split("\n\n") == ["Flowers Indus", "Providence Energy"]


# ---- the Reuters-21578 stories as .txt files ------------------------------------------------

REUTERS = SHARED / "corpora" / "reuters21578" / "reut2-000.sgm"


def test_fifty_reuters_stories_keep_their_words() -> None:
    if not REUTERS.exists():
        pytest.skip("../shared/corpora/reuters21578 is not present")
    stories = [(h, t) for h, t in wire_stories(REUTERS) if t.strip()][:50]
    assert len(stories) == 50
    shares = []
    for headline, text in stories:
        body = clean_text(f"{headline}\n\n{text}\n").body
        shares.append(kept_share(re.sub(r"\s*\bReuters?\s*$", "", text, flags=re.I), body))
    assert sum(s >= 0.99 for s in shares) >= 49
    assert min(shares) >= 0.5
