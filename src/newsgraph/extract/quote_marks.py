"""Find direct quotations by their quote marks, in one linear pass over the text.

A paragraph (a line of text) is scanned once; each quote mark is classified
as opening, closing or either (straight ``"`` and ``''`` are either; curly
marks say which they are; a ``’`` between letters is an apostrophe) and
paired on a small stack, so nesting (“a ‘b “c” b’ a”) yields the outermost
quote only. The stack is bounded, so 300 marks in a line cost 300 steps.

Two things need more than one line:

* a quote running over several paragraphs leaves its line open and the next
  line starts with an opening mark of the same family; the quote runs on
  until a line closes it;
* an opening mark that never closes (and is not continued) is dropped and
  any quotes that did close inside it are taken as the top-level ones; when
  nothing closed inside it, the rest of its line is the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.quote_settings import DEFAULT_SETTINGS, QuoteSettings

# Families of quote marks: marks pair only with marks of their own family.
DOUBLE = "double"
SINGLE = "single"
TICKS = "ticks"  # ``...'' or ''...'' as some newswire writes them

_OPEN, _CLOSE, _EITHER = 1, 2, 3
_MARK = re.compile(r"``|''|[\"“”„«»‘’‚‹›]|'")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class MarkedQuote:
    """A stretch of text between quote marks.

    ``start``/``end`` include the marks. ``closed`` is False for a quote that
    never closes and runs to the end of its line.
    """

    start: int
    end: int
    family: str
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words, without the marks."""
        return self.start + self.open_len, self.end - (self.close_len if self.closed else 0)

    open_len: int = 1
    close_len: int = 1


@dataclass
class _Open:
    pos: int
    length: int
    family: str
    children: list[MarkedQuote]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(
    text: str, pos: int, mark: str, line_start: int, line_end: int
) -> tuple[str, int] | None:
    """(family, role) of the mark at pos, or None when it is not a quote mark."""
    before = text[pos - 1] if pos > line_start else " "
    after_pos = pos + len(mark)
    after = text[after_pos] if after_pos < line_end else " "
    if mark in ("“", "„", "«"):
        return DOUBLE, _OPEN
    if mark in ("”", "»"):
        return DOUBLE, _CLOSE
    if mark == '"':
        return DOUBLE, _context_role(before, after)
    if mark in ("``",):
        return TICKS, _OPEN
    if mark == "''":
        return TICKS, _context_role(before, after)
    if mark in ("‘", "‚", "‹"):
        if after.isdigit() or after.isspace():  # ‘90s, or a stray mark
            return None
        return SINGLE, _OPEN
    if mark in ("’", "'", "›"):
        if _is_word(before) and _is_word(after):  # don’t, O'Brien
            return None
        if mark == "'" and before.isspace() and after.isdigit():  # '90s
            return None
        role = _context_role(before, after)
        if mark == "'" and role == _EITHER:
            return None
        if role == _OPEN and mark == "’":
            return None
        return SINGLE, role
    return None


def _context_role(before: str, after: str) -> int:
    """Opening when it stands before a word, closing when after one."""
    opens = (before.isspace() or before in "([{—–-/:") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-…'’\"”")
    if opens and not closes:
        return _OPEN
    if closes and not opens:
        return _CLOSE
    return _EITHER


def _starts_with_open(text: str, line_start: int, line_end: int, family: str) -> int:
    """Length of the opening mark of this family that starts the line (after spaces), else 0."""
    i = line_start
    while i < line_end and text[i] in " \t\u00a0":
        i += 1
    m = _MARK.match(text, i)
    if not m:
        return 0
    found = _classify(text, i, m.group(), line_start, line_end)
    if found and found[0] == family and found[1] != _CLOSE:
        return len(m.group())
    return 0


def find_marked_quotes(text: str, settings: QuoteSettings = DEFAULT_SETTINGS) -> list[MarkedQuote]:
    """Every top-level quotation delimited by quote marks, in text order.

    Runs in time linear in ``len(text)`` whatever the marks are.
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    quotes: list[MarkedQuote] = []
    carried: _Open | None = None  # a quote left open by a line that the next line continues
    for index, (line_start, line_end) in enumerate(lines):
        stack: list[_Open] = []
        if carried is not None:
            skip = _starts_with_open(text, line_start, line_end, carried.family)
            stack.append(carried)
            pos = line_start
            while text[pos] in " \t\u00a0":
                pos += 1
            scan_from = pos + skip
        else:
            scan_from = line_start
        carried = None
        for m in _MARK.finditer(text, scan_from, line_end):
            found = _classify(text, m.start(), m.group(), line_start, line_end)
            if found is None:
                continue
            family, role = found
            _step(stack, quotes, m.start(), len(m.group()), family, role, settings)
        if not stack:
            continue
        bottom = stack[0]
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if (
            bottom.family != SINGLE
            and nxt is not None
            and not bottom.children
            and _starts_with_open(text, nxt[0], nxt[1], bottom.family)
        ):
            carried = _Open(bottom.pos, bottom.length, bottom.family, [])
            continue
        quotes.extend(_unclosed(stack, line_end, settings.min_unclosed_chars))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _step(
    stack: list[_Open],
    out: list[MarkedQuote],
    pos: int,
    length: int,
    family: str,
    role: int,
    settings: QuoteSettings,
) -> None:
    """Feed one mark to the pairing stack."""
    top = stack[-1] if stack else None
    closes = role == _CLOSE or (role == _EITHER and top is not None and top.family == family)
    if (
        role == _EITHER
        and top is not None
        and top.family != family
        and any(o.family == family for o in stack)
    ):
        closes = True
    if closes:
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].family == family), None)
        if depth is None:
            return  # a closing mark with nothing open: ignore it
        opened = stack[depth]
        del stack[depth:]  # marks opened inside and never closed go with it
        quote = MarkedQuote(opened.pos, pos + length, family, True, opened.length, length)
        if family == SINGLE and pos - opened.pos - opened.length <= settings.max_elision_chars:
            return  # rock 'n' roll: elision marks, not a quotation
        if stack:
            stack[-1].children.append(quote)
        else:
            out.append(quote)
        return
    if family == SINGLE and not stack and role != _OPEN:
        return  # a lone ’ or ' outside quotes is an apostrophe
    if len(stack) >= settings.max_nesting:
        return
    stack.append(_Open(pos, length, family, []))


def _unclosed(stack: list[_Open], line_end: int, min_chars: int) -> list[MarkedQuote]:
    """Top-level quotes from a line that ends with marks still open."""
    out: list[MarkedQuote] = []
    for opened in stack:
        out.extend(opened.children)
    if not out:
        bottom = stack[0]
        if bottom.family != SINGLE and line_end - bottom.pos - bottom.length >= min_chars:
            out.append(MarkedQuote(bottom.pos, line_end, bottom.family, False, bottom.length, 0))
    return out
