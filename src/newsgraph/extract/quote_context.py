"""What the quote finders share: the parsed body's lines and quote marks, and a quote in the making."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.quote_marks import MarkedQuote
from newsgraph.extract.quote_settings import QuoteSettings
from newsgraph.extract.quote_speaker import Attribution
from newsgraph.nlp import text_of, token_starts

_LINE = re.compile(r"[^\n]+")
_SENT_END = (".", "!", "?")
_CLOSING = "’'\"”"  # marks closing a quotation nested at the end of another


class QuoteText:
    """Lines, token offsets and the quoted-token mask of one parsed body."""

    def __init__(self, doc: Doc, marked: list[MarkedQuote], settings: QuoteSettings) -> None:
        self.doc = doc
        self.body = text_of(doc)
        self.settings = settings
        self.lines = [(m.start(), m.end()) for m in _LINE.finditer(self.body)]
        self.line_starts = [a for a, _ in self.lines]
        self.tok_starts = token_starts(doc)
        self.quoted = [False] * len(doc)
        for q in marked:
            for i in range(self.tok_index(q.start), self.tok_index(q.end)):
                self.quoted[i] = True

    def line_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.line_starts, pos) - 1)

    def tok_index(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect.bisect_left(self.tok_starts, pos)

    def tokens(self, start: int, end: int) -> list[Token]:
        """Unquoted tokens lying inside [start, end)."""
        doc = self.doc
        return [
            doc[i] for i in range(self.tok_index(start), self.tok_index(end)) if not self.quoted[i]
        ]


@dataclass
class Found:
    """One attribution in the making: its content span, kind and attribution.

    ``around`` is the direct quote it came from, for the strategies of a second pass.
    """

    start: int
    end: int
    kind: str
    attribution: Attribution | None
    line: int
    around: DirectQuote | None = None


def clause_before(toks: list[Token]) -> list[Token]:
    """The tokens after the last sentence end."""
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in _SENT_END:
            return toks[k + 1 :]
    return toks


def clause_after(toks: list[Token]) -> list[Token]:
    """The tokens up to the first sentence end."""
    for k, t in enumerate(toks):
        if t.text in _SENT_END:
            return toks[:k]
    return toks


class DirectQuote:
    """A direct quote and the text around it on its line(s): what every strategy reads.

    ``before`` is the clause before the quote on its line (after the previous quote),
    ``after`` the clause after it; ``runs_on`` says the sentence goes on past the quote
    ('“...,” she said'). ``previous`` is the last quote before this one that has a speaker,
    known only once the quotes before it are attributed.
    """

    def __init__(self, text: QuoteText, quote: MarkedQuote, prev_end: int, next_start: int):
        body = text.body
        self.text = text
        self.quote = quote
        self.prev_end = prev_end
        self.next_start = next_start
        self.first_line = text.line_of(quote.start)
        self.line_start = text.lines[self.first_line][0]
        self.line_end = text.lines[text.line_of(max(quote.start, quote.end - 1))][1]
        self.before = clause_before(text.tokens(max(prev_end, self.line_start), quote.start))
        self.after = clause_after(text.tokens(quote.end, min(next_start, self.line_end)))
        self.after_text = body[quote.end : min(next_start, self.line_end)]
        self.lead = body[max(prev_end, self.line_start) : quote.start].strip()
        inner = body[quote.inner[0] : quote.inner[1]].rstrip(_CLOSING)  # "‘criminal,’”"
        trailing = inner[-1:]
        self.runs_on = trailing in ",?!—–-" or self.after_text.lstrip().startswith(",")
        self.previous: Found | None = None
