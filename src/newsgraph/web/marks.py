"""An article's body as HTML, with what was found in it marked in place.

Every finding (quote, speaker, cue, entity, place, date, event trigger) is a
span of the body; spans nest and overlap freely. The body is cut at every
span edge and at every paragraph break, and each piece is wrapped in the marks
that cover it, outermost first, so the HTML always nests: a mark that crosses
another's edge is closed and opened again (the later pieces carry
``data-cont`` and are not focusable). Every text and attribute is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from newsgraph.record import Article, EventActor

# The kinds of mark, outermost first, with the legend's words for them.
KINDS: dict[str, str] = {
    "quote": "quotation (focus for speaker, role, cue, venue)",
    "event": "event trigger (focus for type, actor, recipient)",
    "speaker": "speaker",
    "cue": "cue word",
    "place": "place",
    "entity": "person, organisation or other entity",
    "date": "date",
}
_RANK = {kind: n for n, kind in enumerate(KINDS)}
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Mark:
    """One marked span: its kind, the facts shown on hover or focus, and an optional link."""

    start: int
    end: int
    kind: str
    tip: str
    href: str | None = None
    ref: str | None = None  # id of the element describing it (aria-describedby)

    @property
    def focusable(self) -> bool:
        return self.kind in ("quote", "event")


def actor_path(ident: str) -> str:
    """The page of an actor: an entity key or a country code."""
    return "/actors/" + quote(ident, safe="")


def _lines(*pairs: tuple[str, str | None]) -> str:
    return "\n".join(f"{label}: {value}" for label, value in pairs if value)


def _who(actor: EventActor | None, article: Article) -> str | None:
    if actor is None:
        return None
    entity = article.entity(actor.entity) if actor.entity else None
    name = entity.name if entity else actor.text
    codes = " ".join(c for c in (actor.country, actor.sector) if c)
    return f"{name} ({codes})" if codes else name


def quote_marks(article: Article) -> Iterable[Mark]:
    """Quotes, their speakers and their cue words."""
    for n, q in enumerate(article.quotes):
        speaker = q.speaker.text if q.speaker else None
        tip = _lines(
            ("speaker", speaker or "unknown"),
            ("role", q.role),
            ("cue", q.cue),
            ("venue", q.venue),
            ("kind", q.kind),
        )
        yield Mark(q.start, q.end, "quote", tip, ref=f"quote-{n}")
        if q.speaker:
            yield Mark(q.speaker.start, q.speaker.end, "speaker", f"speaker of quote {n + 1}")
        if q.cue_start is not None and q.cue_end is not None:
            yield Mark(q.cue_start, q.cue_end, "cue", f"cue of quote {n + 1}")


def event_marks(article: Article) -> Iterable[Mark]:
    """Event triggers, each with its type, actor and recipient."""
    for n, e in enumerate(article.events):
        if e.trigger is None:
            continue
        flags = ", ".join(f for f in ("negated", "hypothetical", "future") if getattr(e, f))
        tip = _lines(
            ("event", e.type),
            ("actor", _who(e.actor, article)),
            ("recipient", _who(e.recipient, article)),
            ("claimed by", _who(e.claimed_by, article)),
            ("stated as", flags or None),
        )
        yield Mark(e.trigger.start, e.trigger.end, "event", tip, ref=f"event-{n}")


def entity_marks(article: Article, linked: bool = True) -> Iterable[Mark]:
    """Entity and place mentions (a mention that is a place is marked once, as a place),
    each a link to the actor's page when ``linked``; and dates."""
    places = {}
    for p in article.places:
        where = ", ".join(x for x in (p.name, p.country) if x)
        for m in p.mentions:
            places[(m.start, m.end)] = (p, where)
    for e in article.entities:
        for m in e.mentions:
            place = places.pop((m.start, m.end), None)
            kind, extra = ("place", place[1]) if place else ("entity", e.description)
            tip = "\n".join(x for x in (f"{e.type.lower()}: {e.name}", extra) if x)
            yield Mark(m.start, m.end, kind, tip, href=actor_path(e.key) if linked else None)
    for (start, end), (p, where) in places.items():
        entity = article.entity(p.entity) if p.entity else None
        ident = entity.key if entity else p.country
        href = actor_path(ident) if ident and linked else None
        yield Mark(start, end, "place", f"place: {where}", href=href)
    for d in article.dates:
        mod = f", {d.mod}" if d.mod else ""
        tip = f"date: {d.value} ({d.granularity}{mod}{'' if d.reliable else ', inferred'})"
        yield Mark(d.start, d.end, "date", tip)


def article_marks(article: Article, *, linked: bool = True) -> list[Mark]:
    """Every mark of the article whose span lies inside the body, outermost first;
    ``linked``: entities and places link to their actor's page (a stored article's)."""
    size = len(article.body)
    found = [*quote_marks(article), *event_marks(article), *entity_marks(article, linked)]
    kept = [m for m in found if 0 <= m.start < m.end <= size]
    return sorted(kept, key=_order)


def _order(mark: Mark) -> tuple[int, int, int]:
    return (mark.start, -mark.end, _RANK[mark.kind])


def paragraphs(body: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph: text between blank lines."""
    out, last = [], 0
    for gap in _PARAGRAPH.finditer(body):
        out.append((last, gap.start()))
        last = gap.end()
    out.append((last, len(body)))
    return [(s, e) for s, e in out if body[s:e].strip()]


class _Writer:
    """Writes pieces of text inside the marks that cover them, keeping the HTML nested."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.out: list[str] = []
        self.stack: list[Mark] = []
        self.started: set[int] = set()

    def piece(self, start: int, end: int, covering: list[Mark]) -> None:
        keep = 0
        while keep < min(len(self.stack), len(covering)) and self.stack[keep] is covering[keep]:
            keep += 1
        self.close(keep)
        for mark in covering[keep:]:
            self.open(mark)
        self.out.append(str(escape(self.body[start:end])))

    def open(self, mark: Mark) -> None:
        linked = mark.href is not None and not any(m.href for m in self.stack)
        tag = "a" if linked else "mark"
        attrs = [f'class="mk mk-{mark.kind}"', f'data-tip="{escape(mark.tip)}"']
        if linked:
            attrs.append(f'href="{escape(mark.href)}"')
        if id(mark) in self.started:
            attrs.append("data-cont")
        else:
            self.started.add(id(mark))
            if mark.focusable:
                attrs.append('tabindex="0"')
            if mark.ref:
                attrs.append(f'aria-describedby="{escape(mark.ref)}"')
        self.out.append(f"<{tag} {' '.join(attrs)}>")
        self.stack.append(mark)

    def close(self, keep: int = 0) -> None:
        while len(self.stack) > keep:
            mark = self.stack.pop()
            linked = mark.href is not None and not any(m.href for m in self.stack)
            self.out.append("</a>" if linked else "</mark>")


def body_html(article: Article, marks: list[Mark] | None = None) -> Markup:
    """The body as paragraphs with every mark in place.

    Args:
        article: the record; its spans are offsets into ``article.body``.
        marks: the marks to draw (default: ``article_marks(article)``).

    Returns:
        Safe HTML: ``<p>`` elements holding the escaped text and ``<mark>``/``<a>``
        elements with class ``mk mk-KIND`` and the facts in ``data-tip``.
    """
    marks = article_marks(article) if marks is None else sorted(marks, key=_order)
    writer = _Writer(article.body)
    for p_start, p_end in paragraphs(article.body):
        writer.out.append("<p>")
        inside = [m for m in marks if m.start < p_end and m.end > p_start]
        cuts = sorted(
            {p_start, p_end} | {x for m in inside for x in (m.start, m.end) if p_start < x < p_end}
        )
        for start, end in zip(cuts, cuts[1:], strict=False):
            writer.piece(start, end, [m for m in inside if m.start <= start and m.end >= end])
        writer.close()
        writer.out.append("</p>")
    return Markup("".join(writer.out))
