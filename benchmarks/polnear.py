"""Read PolNeAR (brat standoff attributions over US political news) into gold attributions and quotes.

Each article has one or more annotation files ``<name>_<annotator>.ann``;
we use one per article: the alphabetically first annotator id. An
attribution (an ``E`` line, ``Attribution`` or ``Attribution-no-source``)
has Content, Cue and Source spans, each possibly in several fragments.

Gold direct quotes are the quote-mark-delimited segments of the text that
lie mostly inside one attribution's Content; the speaker is that
attribution's Source. The segments come from a deliberately plain reference
scanner (below), not from newsgraph's own: double marks pair by glyph
(“ ”) or alternate (" and ''); ‘ ’ count only outside double quotes; an
open mark at the end of a line runs to the line's end and is joined with
the next segment of the same attribution (a quote over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

Spans = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    content: Spans
    cue: Spans = ()
    source: Spans = ()


@dataclass
class GoldQuote:
    start: int
    end: int
    attribution: GoldAttribution


@dataclass
class GoldArticle:
    name: str
    annotator: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)


_FRAGMENT = re.compile(r"(\d+) (\d+)")
_LINE = re.compile(r"[^\n]+")


def _parse_ann(ann: str) -> list[GoldAttribution]:
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            frags = tuple(
                (int(a), int(b)) for a, b in _FRAGMENT.findall(parts[1].split(" ", 1)[-1])
            )
            spans[parts[0]] = frags
        elif parts[0].startswith("E"):
            args = dict(a.split(":", 1) for a in parts[1].split() if ":" in a)
            head = parts[1].split(":", 1)[0]
            if head.startswith("Attribution"):
                events.append(args)
    out = []
    for args in events:
        content = spans.get(args.get("Content", ""), ())
        if not content:
            continue
        out.append(
            GoldAttribution(
                content=content,
                cue=spans.get(args.get("Cue", ""), ()),
                source=spans.get(args.get("Source", ""), ()),
            )
        )
    return out


def reference_quotes(text: str) -> list[tuple[int, int, bool]]:
    """Quote-mark segments (start, end, closed), marks included."""
    out = []
    for m in _LINE.finditer(text):
        a, b = m.start(), m.end()
        open_at, depth, single_at = None, 0, None
        i = a
        while i < b:
            two = text[i : i + 2]
            ch = text[i]
            step = 2 if two == "''" else 1
            mark = "''" if two == "''" else ch
            if mark == "“":
                if open_at is None:
                    open_at = i
                else:
                    depth += 1
            elif mark == "”":
                if depth:
                    depth -= 1
                elif open_at is not None:
                    out.append((open_at, i + 1, True))
                    open_at = None
            elif mark in ('"', "''"):
                if open_at is None:
                    open_at = i
                else:
                    out.append((open_at, i + step, True))
                    open_at = None
            elif open_at is None and mark == "‘" and (i == a or not text[i - 1].isalnum()):
                single_at = i
            elif open_at is None and mark == "’" and single_at is not None:
                nxt = text[i + 1] if i + 1 < b else " "
                if not nxt.isalnum():
                    out.append((single_at, i + 1, True))
                    single_at = None
            i += step
        if open_at is not None:
            out.append((open_at, b, False))
    return out


def _overlap(a: int, b: int, spans: Spans) -> int:
    return sum(max(0, min(b, e) - max(a, s)) for s, e in spans)


def _strip_marks(text: str, a: int, b: int, closed: bool) -> tuple[int, int]:
    a += 2 if text.startswith("''", a) else 1
    if closed:
        b -= 2 if text.endswith("''", 0, b) else 1
    return a, b


def gold_quotes(text: str, attributions: list[GoldAttribution]) -> list[GoldQuote]:
    """Direct quotes: segments lying mostly inside one attribution's Content, without their marks."""
    quotes: list[GoldQuote] = []
    open_tail: GoldQuote | None = None
    for a, b, closed in reference_quotes(text):
        best, best_overlap = None, 0
        for att in attributions:
            ov = _overlap(a, b, att.content)
            if ov > best_overlap:
                best, best_overlap = att, ov
        if best is None or best_overlap * 2 <= b - a:
            open_tail = None
            continue
        s, e = _strip_marks(text, a, b, closed)
        if (
            open_tail is not None
            and open_tail.attribution is best
            and text[open_tail.end : a].strip() == ""
        ):
            open_tail.end = e
        else:
            quotes.append(GoldQuote(s, e, best))
        open_tail = quotes[-1] if not closed else None
    return quotes


def load_split(root: Path, split: str) -> list[GoldArticle]:
    """All articles of a split with their gold attributions and direct quotes."""
    base = root / split
    articles = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        atts = _parse_ann(anns[0].read_text(encoding="utf-8"))
        annotator = anns[0].stem.rsplit("_", 1)[-1]
        articles.append(GoldArticle(txt.stem, annotator, text, atts, gold_quotes(text, atts)))
    return articles
