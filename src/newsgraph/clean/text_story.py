"""A plain-text document's story is never furniture.

The line classifier learned from scraped pages, where short lines without
sentences are menus and buttons. A plain-text document (hard-wrapped or
indented: a wire story, a database export, an e-mail) has furniture only at
its edges: a header block above the story (publication, date, "Section: ...",
"Length: ..."), a sign-off or signature below it. Between those, its short
lines are the story's own: a dateline, the rows of a results table, "Pay
March 31". So every line from the first that is not edge furniture to the
last is kept, unless a metadata rule claimed it or it names its own kind of
furniture ("Copyright ..."); the edges are dropped ("###", "End of Document").
"""

from __future__ import annotations

import re

from newsgraph.clean.lines import SENTENCE_END, STOP_WORDS, Line, words_of
from newsgraph.clean.text_meta import has_furniture_cue, removal_reason
from newsgraph.clean.unwrap import has_columns

# "Section: Business; Pg. 6", "Length: 512 words", "From: ...", "Load-Date: ...";
# not "Note: ...", which remarks on the story.
_FIELD = re.compile(r"^(?!note\b)[A-Z][\w-]*(?:[ -][\w-]+){0,2}\s*:\s*\S", re.I)
_FIELD_WORDS = 12
# A date, with its weekday or edition after it ("March 3, 2019 Sunday").
_DATE_LINE = re.compile(
    r"^(?:[A-Za-z]+day,?\s+)?(?:[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4})"
    r"(?:,?\s+[A-Za-z]+day)?\b",
)
# Short lines without a figure or a sentence at an edge are names, mastheads, sign-offs.
_SHORT_WORDS = 5
_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"hundred|thousand|mln|million|billion)\b",
    re.I,
)
_NOTE = re.compile(r"^\(?notes?\b", re.I)
_COMPOUND = re.compile(r"\w+-\w+")
# A company's name or ticker: "Laidlaw Transportation Ltd", "Dutch/Shell Group <RD.AS>".
_COMPANY = re.compile(
    r"\b(?:Inc|Ltd|Corp|Co|Cos|PLC|Group|Industries|Holdings|AG|SA|NV)\b|<[A-Z][\w.]*>"
)
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+", re.I)
# A line this long with a function word is a sentence, full stop or not.
_SENTENCE_WORDS = 10
# Every line of a text of prose has at least this many words.
_PROSE_WORDS = 6


def _sentence(text: str) -> bool:
    """Ends like a sentence, or is long, and has a function word: "Terms were not disclosed."."""
    long = len(text.split()) >= _SENTENCE_WORDS
    return (long or bool(SENTENCE_END.search(text))) and any(
        w in STOP_WORDS for w in words_of(text)
    )


def _runs_on(text: str) -> bool:
    """A wrapped line of prose that goes on in the next line: it ends on a function word
    ("In the interview, Baker declined to comment about the")."""
    words = words_of(text)
    return len(words) >= 3 and words[-1] in STOP_WORDS and not SENTENCE_END.search(text)


def _remark(text: str) -> bool:
    """A short line of the story's own words rather than a name or a label: a note
    ("Note: Canadian funds") or a phrase with lower-case words that are not function
    words ("Results in U.S. funds"), unlike a masthead, a sign-off ("The Times"), a
    label ("Media contact:") or an address."""
    if _NOTE.match(text) or _COMPANY.search(text):
        return True
    if text.rstrip().endswith(":"):
        return False
    words = re.findall(r"[^\W\d_]+", _ADDRESS.sub(" ", text))
    return any(w.islower() and w not in STOP_WORDS for w in words)


def _names_furniture(text: str) -> bool:
    """A short line naming its kind of furniture: a copyright or cookie notice, or a
    cue without a figure or a sentence ("Share this", not "Avg shares 43,602,000")."""
    # a cue inside a compound names no furniture: "Per-share results reflect ..."
    if not has_furniture_cue(_COMPOUND.sub(" ", text)) or _runs_on(text) or _NOTE.match(text):
        return False
    if removal_reason(text) in ("footer", "cookie"):
        return True
    return not _sentence(text) and not _FIGURE.search(text)


def all_prose(lines: list[Line], claimed: dict[int, str]) -> bool:
    """Every line but a title is a full sentence of some length: a story, not a page.

    Text with no menu, no share prompt and no short label anywhere (a press release, an
    e-mailed story, a database row) has no furniture to find, only sentences to keep.
    """
    story = [ln.text for i, ln in enumerate(lines) if claimed.get(i) != "title"]
    return len(story) >= 2 and all(
        len(t.split()) >= _PROSE_WORDS
        and SENTENCE_END.search(t)
        and _sentence(t)
        and not _names_furniture(t)
        for t in story
    )


def _edge_furniture(text: str) -> bool:
    """A line that may sit above or below a plain-text story without being part of it."""
    if _names_furniture(text):
        return True
    if SENTENCE_END.search(text):
        return False  # "Terms were not disclosed.", "NOTE: Holding company.", "June."
    if has_columns(text):
        return False  # a table's column heads: "LAST    BUYER   SELLER"
    words = len(text.split())
    return (
        (words <= _FIELD_WORDS and bool(_FIELD.match(text)))
        or removal_reason(text) == "date"
        or bool(_DATE_LINE.match(text))
        or (words <= _SHORT_WORDS and not _FIGURE.search(text) and not _remark(text))
    )


_TABLE_HEADS = 3


def _heads_table(label: Line, row: Line) -> bool:
    """Short labels right above a table's first row are its headings ("L-CATTLE" above
    "APR7  69.52 UP  0.12", "(ALL DISCS)"), not a masthead."""
    return (
        len(label.text.split()) <= _SHORT_WORDS
        and not _names_furniture(label.text)
        and bool(_FIGURE.search(row.text))
        and has_columns(row.text)
    )


def keep_story(lines: list[Line], kept: set[int], claimed: dict[int, str]) -> set[int]:
    """The lines of the story: from its first line that is not edge furniture to its
    last, less those a rule claimed and those naming their kind of furniture that
    the classifier did not keep. Without such a line, the classifier's choice."""
    story = [i for i, ln in enumerate(lines) if i not in claimed and not _edge_furniture(ln.text)]
    if not story:  # a flash or a list, all short lines: they are the story
        story = [i for i, ln in enumerate(lines) if i not in claimed]
    if not story:
        return kept
    first = story[0]
    while (
        first > 0
        and story[0] - first < _TABLE_HEADS
        and first - 1 not in claimed
        and _heads_table(lines[first - 1], lines[story[0]])
    ):
        first -= 1
    return {
        i
        for i in range(first, story[-1] + 1)
        if i not in claimed and (i in kept or not _names_furniture(lines[i].text))
    }
