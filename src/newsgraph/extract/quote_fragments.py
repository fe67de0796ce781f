"""The verbatim words of a quote, and interrupted quotations joined into one.

“We will rebuild,” she said, “and we will do it this year.” is one quotation
that the cue interrupts: the two direct quotes around the cue, of one speaker,
become one quote whose ``fragments`` are the two quoted stretches. Every quote
lists the stretches between quote marks it holds: one for a plain direct
quote, the quoted words of a mixed one, none for an indirect one.
"""

from __future__ import annotations

import bisect
import re

from newsgraph.extract.quote_context import DirectQuote, Found
from newsgraph.extract.quote_cues import SPEECH_VERBS
from newsgraph.extract.quote_marks import MarkedQuote

# Between the parts: the cue clause, which goes on ("she said," / "he added:"), on one line.
_GOES_ON = re.compile(r"[,:;—–-]\s*$")


def _interrupts(body: str, first: Found, second: Found) -> bool:
    """Is the text between two direct quotes only the attribution of both?"""
    a, b = first.attribution, second.attribution
    if first.around is None or second.around is None or a is None or b is None:
        return False
    if a.speaker is None or a.speaker != b.speaker:
        return False
    between = (first.around.quote.end, second.around.quote.start)
    if "\n" in body[between[0] : between[1]] or not first.around.runs_on:
        return False
    spans = [a.speaker] + ([a.cue_span] if a.cue_span else [])
    inside = all(between[0] <= s and e <= between[1] for s, e in spans)
    return (
        inside
        and _GOES_ON.search(body, between[0], between[1]) is not None
        and not _second_cue(first.around, max(e for _, e in spans), between[1])
    )


def _second_cue(around: DirectQuote, start: int, end: int) -> bool:
    """Does a second verb of saying follow the cue ("he said, [adding] that “...”", "Blige
    sings to Clinton before [asking] her, “...”")? The second part is then its own quote."""
    return any(
        t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS
        for t in around.text.tokens(start, end)
    )


def join_interrupted(body: str, found: list[Found]) -> list[Found]:
    """Direct quotes in text order, each interrupted quotation joined into one."""
    out: list[Found] = []
    for f in found:
        last = out[-1] if out else None
        if last is not None and f.kind == last.kind == "direct" and _interrupts(body, last, f):
            out[-1] = Found(last.start, f.end, "direct", last.attribution, last.line, f.around)
            continue
        out.append(f)
    return out


def fragments_of(f: Found, marked: list[MarkedQuote], starts: list[int]) -> list[tuple[int, int]]:
    """The quoted stretches (without their marks) inside a direct or mixed quote. A direct
    quote that no pair of marks gave (``around`` is None: a transcript's turn the writer
    quotes, "“PENCE: Well, ...") is verbatim throughout, quotes inside it and all."""
    if f.kind == "indirect":
        return []
    if f.kind == "direct" and f.around is None:
        return [(f.start, f.end)]
    k = max(0, bisect.bisect_right(starts, f.start) - 1)
    out = []
    while k < len(marked) and marked[k].start < f.end:
        s, e = marked[k].inner
        if f.start <= s and e <= f.end + 1 and e > s:
            out.append((s, min(e, f.end)))
        k += 1
    return out or ([(f.start, f.end)] if f.kind == "direct" else [])
