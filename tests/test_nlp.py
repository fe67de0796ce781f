"""The parse helpers: texts of any length parse with their characters intact, and the
cached text and token offsets are the parse's own."""

from __future__ import annotations

from newsgraph import nlp

SHORT = "Officials said on Monday that the talks in Geneva would resume. Nobody objected."
# Longer than one piece: parsed in pieces cut at paragraph breaks, then joined.
LONG = "\n\n".join(f"Paragraph {i} says the minister visited Paris on day {i}." for i in range(900))


def test_text_and_offsets_are_the_parses_own_for_short_and_long_texts():
    assert len(LONG) > nlp.CHUNK_CHARS
    docs = list(nlp.parse_many([SHORT, LONG, SHORT]))
    for text, doc in zip([SHORT, LONG, SHORT], docs, strict=True):
        assert nlp.text_of(doc) == doc.text == text
        assert nlp.token_starts(doc) == tuple(t.idx for t in doc)
    single = nlp.parse(LONG)
    assert nlp.text_of(single) == single.text == LONG


def test_a_paragraph_after_a_finished_sentence_starts_a_sentence():
    text = (
        "Shares rose sharply after the cut, said Donald Maude of Midland Inc.\n\n"
        "Maude pointed out that it was expected."
    )
    doc = nlp.parse(text)
    starts = {t.text for t in doc if t.is_sent_start}
    assert "Maude" in starts
    assert nlp.PARAGRAPH_STARTS in nlp.load().pipe_names


def test_a_clock_time_does_not_end_its_sentence():
    text = "Two men were hurt at 11:30 p.m. Saturday, police said. The bar shut at 2 a.m. today."
    doc = nlp.parse(text)
    assert [s.text for s in doc.sents] == [
        "Two men were hurt at 11:30 p.m. Saturday, police said.",
        "The bar shut at 2 a.m. today.",
    ]


def test_a_rank_keeps_its_period():
    doc = nlp.parse("The car was stolen, according to Lt. Jason Hall and Sgt. Amy Ross.")
    assert {"Lt.", "Sgt."} <= {t.text for t in doc}
    assert len(list(doc.sents)) == 1


def test_a_wire_dateline_is_no_part_of_the_first_sentence():
    text = (
        "ATHENS, March 12, 2025 — Turkey and Greece agreed to resume talks.\n\n"
        "LONDON (Reuters) - Britain's finance minister said the economy would grow.\n\n"
        "Sen. Charles Grassley (R-Iowa) said yesterday that he would offer a bill.\n\n"
        "WASHINGTON — The Senate voted on the bill.\n\n"
        "NATO - Russia Council talks will resume in May, the ministry said."
    )
    doc = nlp.parse(text)
    starts = {t.text for t in doc if t.is_sent_start}
    assert {"Turkey", "Britain", "The"} <= starts
    assert not {"Iowa", "Russia"} & starts  # a hyphen in brackets, or after a bare name
    subjects = {t.text for t in doc if t.dep_ == "nsubj"}
    assert "Turkey" in subjects and "ATHENS" not in subjects
