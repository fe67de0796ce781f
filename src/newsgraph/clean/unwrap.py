"""Hard-wrapped plain text -> one line per paragraph.

Newswire archives, database exports (LexisNexis, Factiva), e-mail and many
.txt corpora break every paragraph into lines of 60-80 characters. The text
cleaner classifies lines, so a wrapped paragraph would reach it as a handful
of sentence fragments, each of which looks like furniture. This module finds
the wrap width and joins the lines that were broken at it.

A line was broken by wrapping when the next line's first word would not have
fit after it within the width; a line that ends early (a heading, a table
row, an address, a paragraph's last line) was ended on purpose. A line
indented deeper than the text's usual margin starts a paragraph (the wire's
layout), and table-like lines (runs of spaces, dot leaders) are never joined.
Joining replaces a line break, and the margin around it, by one space; no
other character is changed, dropped or moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.clean.lines import STOP_WORDS

# Widths a text can be wrapped at: narrower is a column of words, wider is not wrapping.
_MIN_WIDTH = 30
_MAX_WIDTH = 100
# Most line breaks inside a wrapped text's blocks are wraps; there are two or
# more of them, or one in a layout that indents its paragraphs (a wire story).
_MIN_WRAPS = 2
_MIN_WRAP_SHARE = 0.5
# Wrapping breaks sentences anywhere, so many wraps fall mid-sentence (after
# a comma or a function word, before a lower-case word); a column of names,
# headlines or credits has few such breaks.
_MIN_MID_SENTENCE_SHARE = 0.25
# Almost no line of a wrapped text is longer than its width (a headline may be).
_LONG_SLACK = 10
_MAX_LONG_SHARE = 0.1
# A plain-text layout indents (or sets in columns) at least this many lines, and this share.
_MIN_INDENTED = 2
_MIN_INDENTED_SHARE = 0.25
# Lines that no wrapping made: runs of spaces inside (columns), leaders, rules.
_TABULAR = re.compile(r"\S {3,}\S|\.{4,}|_{3,}|-{4,}|={3,}|\t")
# Columns set with spaces: tables, quotes, results. Scrapers collapse spaces.
_COLUMNS = re.compile(r"\S {2,}\S")
# A list item or a quoted e-mail line starts its own line.
_OWN_LINE = re.compile(r"^\s*(?:[-*•–>]\s|\d{1,3}[.)]\s|\([a-z0-9]\)\s)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _first_word(line: str) -> str:
    return line.split(maxsplit=1)[0]


def _continues(line: str, nxt: str, margin: int) -> bool:
    """Can ``nxt`` continue the paragraph of ``line`` (whatever the width)?"""
    return (
        bool(line.strip() and nxt.strip())
        and _indent(nxt) <= margin
        and not _OWN_LINE.match(nxt)
        and not _TABULAR.search(line.strip())
        and not _TABULAR.search(nxt.strip())
    )


def _mid_sentence(line: str, nxt: str) -> bool:
    """The break falls inside a sentence: after a comma or a function word, or before lower case."""
    last = line.rstrip()
    return (
        last.endswith(",") or last.split()[-1].lower() in STOP_WORDS or nxt.lstrip()[:1].islower()
    )


def _broken_at(line: str, nxt: str, width: int) -> bool:
    """The next line's first word would not have fit on ``line`` within ``width``."""
    return len(line.rstrip()) + 1 + len(_first_word(nxt)) > width


def wrap_width(lines: list[str]) -> int | None:
    """The column the text was hard-wrapped at, or None when it is not hard-wrapped.

    The width is the length of the longest line that a continuation follows
    (the 90th percentile, so a stray long line does not set it). The text is
    wrapped when, at that width, most of those line breaks are wraps, enough
    of the wraps go on in lower case, and hardly any line is wider.
    """
    margin = _margin(lines)
    pairs = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if _continues(a, b, margin)]
    if not pairs:
        return None
    lengths = sorted(len(a.rstrip()) for a, _ in pairs)
    width = lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    wraps = [(a, b) for a, b in pairs if _broken_at(a, b, width)]
    indented = any(
        a.strip() and _indent(b) > margin for a, b in zip(lines, lines[1:], strict=False)
    )
    if len(wraps) < (1 if indented else _MIN_WRAPS) or len(wraps) < _MIN_WRAP_SHARE * len(pairs):
        return None
    if sum(_mid_sentence(a, b) for a, b in wraps) < _MIN_MID_SENTENCE_SHARE * len(wraps):
        return None
    text_lines = [ln for ln in lines if ln.strip()]
    long = sum(len(ln.rstrip()) > width + _LONG_SLACK for ln in text_lines)
    if long > max(1, _MAX_LONG_SHARE * len(text_lines)):
        return None
    return width


def _margin(lines: list[str]) -> int:
    """The text's left margin: the least indentation of a line that follows another.

    A paragraph's first line may be indented (the wire's layout) and follows
    a blank line or another paragraph; its continuation lines sit at the margin.
    """
    follow = [_indent(b) for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    return min(follow, default=0)


def has_columns(line: str) -> bool:
    """The line sets columns with runs of spaces (a table row or heading)."""
    return bool(_COLUMNS.search(line.strip()))


def _indented(lines: list[str]) -> bool:
    """Lines indented or set in columns with spaces, as plain-text documents have and
    scraped pages, whose spaces a scraper collapsed, do not."""
    text_lines = [ln for ln in lines if ln.strip()]
    n = sum(_indent(ln) > 0 or has_columns(ln) for ln in text_lines)
    return n >= _MIN_INDENTED and n >= _MIN_INDENTED_SHARE * len(text_lines)


@dataclass(frozen=True)
class Unwrapped:
    """A text with its hard-wrapped paragraphs joined, and what its layout showed."""

    text: str
    width: int | None  # the column it was wrapped at; None when not hard-wrapped
    indented: bool  # lines are indented or set in columns

    @property
    def plain_layout(self) -> bool:
        """Laid out as a plain-text document (wrapped or indented), not as a scraped page."""
        return self.width is not None or self.indented


def unwrap(text: str) -> Unwrapped:
    """The text with every hard-wrapped paragraph on one line; unchanged when not wrapped.

    Lines keep their order and their characters: joined lines are stripped and
    separated by one space, every other line (and every blank line) is kept
    as it was.
    """
    raw = text.splitlines()
    lines = [ln.expandtabs() for ln in raw]
    width = wrap_width(lines)
    indented = _indented(lines)
    if width is None:
        return Unwrapped(text, None, indented)
    margin = _margin(lines)
    out: list[str] = []
    joining = False
    for i, line in enumerate(lines):
        out.append(f"{out.pop()} {raw[i].strip()}" if joining else raw[i])
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        joining = _continues(line, nxt, margin) and _broken_at(line, nxt, width)
    return Unwrapped("\n".join(out), width, indented)
