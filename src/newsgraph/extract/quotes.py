"""Who said what: direct, indirect and mixed quotations with speaker, role, cue and venue.

Direct quotes come from the quote marks (``quote_marks``), never from
sentence boundaries, which a parser often puts inside a quotation. Each one
is attributed from the text around it on its own line: the clause before it
("As MP Rasim Musabeyli told the Voice of America: “...”"), the clause after
it ("“...,” said Caddell."), a dash ("— John Smith"), a lead-in on the line
before ("From the ministry:" / "Caddell continued:"), or, failing those, the
attribution of the quote or statement just before it on this line or the
previous one. Reported speech comes from ``quote_indirect``; a report whose
cue lies inside another report's content is left to the outer one, and a
quoted title-case name ("Fox News Sunday") is no quotation. Speakers given
as pronouns or nominals ("They added", "the ambassador said") resolve to the
most recent compatible entity outside quote marks, a nearby subject first.
A quote inside a clause whose verb reports it ("called his supporters
“deplorables”") is a mixed quote of that clause.

Every step is linear in the text (or bounded per quote), so no input hangs it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract import annotator
from newsgraph.extract.quote_cues import (
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    NAMING_VERBS,
    PERSON_PRONOUNS,
    TITLES,
)
from newsgraph.extract.quote_indirect import Reported, content_of, find_reported
from newsgraph.extract.quote_marks import MarkedQuote, find_marked_quotes
from newsgraph.extract.quote_speaker import Attribution, according_to, from_cue, from_phrase, is_cue
from newsgraph.record import Article, Entity, Quote, Speaker

_LINE = re.compile(r"[^\n]+")
_DASH = re.compile(r"\s*(?:[—―–]|--?)\s*(?=\S)")
_SENT_END = (".", "!", "?")
# A line that opens with a name and a colon, as headlines and transcripts do: "Pence: ..."
_LABEL = re.compile(r"\s*((?:[A-Z][\w’'.-]*\s){0,3}[A-Z][\w’'.-]*):\s")
# An attribution after a quote that ends with a full stop must follow within this many words.
_AFTER_REACH = 8
# A line ending in a quote may pass its speaker to quotes this many lines on.
_INHERIT_LINES = 1
# Quoted phrases shorter than this with no speaker are titles or scare quotes, not quotations.
_MIN_UNATTRIBUTED = 4
# Quoted names in title case of up to this many words are titles, not quotations.
_TITLE_WORDS = 5
_TITLE_SMALL = frozenset("of the a an and in on to for with at by or".split())
_WORD = re.compile(r"[^\W_][\w'’-]*")
_PERSON_TYPES = ("PERSON",)
_GROUP_TYPES = ("ORG", "NORP", "GPE")
# How far back a referring word looks for an entity of its preferred type, and for any.
_LOOKBACK = 1500
_REACH = 20_000


@dataclass
class _Found:
    """One attribution in the making: its content span, kind and attribution."""

    start: int
    end: int
    kind: str
    attribution: Attribution | None
    line: int


class _Text:
    """Lines, token offsets and the quoted-token mask of one parsed body."""

    def __init__(self, doc: Doc, marked: list[MarkedQuote]) -> None:
        self.doc = doc
        self.body = doc.text
        self.lines = [(m.start(), m.end()) for m in _LINE.finditer(self.body)]
        self.line_starts = [a for a, _ in self.lines]
        self.tok_starts = [t.idx for t in doc]
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


def _clause_before(toks: list[Token]) -> list[Token]:
    """The tokens after the last sentence end."""
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in _SENT_END:
            return toks[k + 1 :]
    return toks


def _clause_after(toks: list[Token]) -> list[Token]:
    """The tokens up to the first sentence end."""
    for k, t in enumerate(toks):
        if t.text in _SENT_END:
            return toks[:k]
    return toks


def _cue_in(toks: list[Token]) -> Token | None:
    for t in toks:
        if is_cue(t) or (t.lower_ == "according" and according_to(t) is not None):
            return t
    return None


def _attribute_direct(
    text: _Text, q: MarkedQuote, prev_end: int, next_start: int
) -> Attribution | None:
    """The attribution written around a direct quote, if any."""
    body = text.body
    first, last = text.line_of(q.start), text.line_of(max(q.start, q.end - 1))
    line_start, _ = text.lines[first]
    _, line_end = text.lines[last]
    before = _clause_before(text.tokens(max(prev_end, line_start), q.start))
    after = _clause_after(text.tokens(q.end, min(next_start, line_end)))
    inner_end = q.inner[1]
    trailing = body[inner_end - 1 : inner_end] if inner_end > q.start else ""
    after_text = body[q.end : min(next_start, line_end)]
    runs_on = trailing in ",?!—–-" or after_text.lstrip().startswith(",")
    cue_before = _cue_in(list(reversed(before)))
    words_after = [t for t in after if not t.is_punct]
    cue_after = _cue_in(after if runs_on else words_after[:_AFTER_REACH])
    for cue in (cue_after, cue_before) if runs_on else (cue_before, cue_after):
        if cue is not None:
            return from_cue(cue, text.quoted)
    dash = _DASH.match(after_text)
    if dash is not None and q.end + dash.end() < line_end:
        return from_phrase(text.doc, q.end + dash.end(), min(next_start, line_end))
    lead = body[max(prev_end, line_start) : q.start].strip()
    if lead.endswith(":") and before:
        return from_phrase(text.doc, before[0].idx, q.start)
    if not lead and first > 0:
        prev_start, prev_end_line = text.lines[first - 1]
        if body[prev_start:prev_end_line].rstrip().endswith(":"):
            toks = _clause_before(text.tokens(prev_start, prev_end_line))
            cue = _cue_in(list(reversed(toks))) or _clause_verb(toks)
            if cue is not None:
                att = from_cue(cue, text.quoted)
                if att.speaker is not None:
                    return att
            if toks:
                return from_phrase(text.doc, toks[0].idx, prev_end_line)
    label = _LABEL.match(body, line_start, q.start)
    if label is not None:
        return from_phrase(text.doc, line_start, line_start + label.end(1) - label.start(1))
    if any(not t.is_punct for t in before):
        return _governor(text, q)
    return None


def _clause_verb(toks: list[Token]) -> Token | None:
    """The main verb of a lead-in clause ("Sanders made the following comment:")."""
    inside = {t.i for t in toks}
    return next(
        (t for t in toks if t.pos_ == "VERB" and t.head.i not in inside or t.head is t), None
    )


def _governor(text: _Text, q: MarkedQuote) -> Attribution | None:
    """For a quote inside a clause ("Clinton called them “deplorables.”"): the clause's verb and subject.

    Climbs from the quote to the first verb of saying or naming, else to the topmost verb on the
    way that is not a copula, and takes that verb's subject.
    """
    doc = text.doc
    a, b = text.tok_index(q.start), text.tok_index(q.end)
    tok = next((doc[i].head for i in range(a, b) if not a <= doc[i].head.i < b), None)
    chosen = None
    for _ in range(8):
        if tok is None or text.quoted[tok.i]:
            break
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ != "be":
            chosen = tok
            if (
                tok.lemma_.lower() in NAMING_VERBS
                or tok.lemma_ == "put"
                or is_cue(tok, beliefs=True)
            ):
                break
        if tok.head is tok:
            break
        tok = tok.head
    if chosen is None or text.line_of(chosen.idx) != text.line_of(q.start):
        return None
    att = from_cue(chosen, text.quoted)
    if att.speaker is None:
        return None
    span = content_of(chosen)
    line_start, line_end = text.lines[text.line_of(q.start)]
    if span is not None:
        span = (max(span[0], line_start), min(span[1], line_end))
        inner = q.inner
        if (
            span[0] <= inner[0]
            and inner[1] <= span[1] + 1
            and len(text.body[span[0] : span[1]].split())
            > len(text.body[inner[0] : inner[1]].split()) + 1
        ):
            att.content = span  # "called half of his supporters “deplorables”": a mixed quote
    return att


def _direct(text: _Text, marked: list[MarkedQuote], absorbed: set[int]) -> list[_Found]:
    found: list[_Found] = []
    mixed: set[tuple[int, int]] = set()
    for k, q in enumerate(marked):
        if k in absorbed:
            continue
        prev_end = marked[k - 1].end if k else 0
        next_start = marked[k + 1].start if k + 1 < len(marked) else len(text.body)
        att = _attribute_direct(text, q, prev_end, next_start)
        if att is not None and att.content is not None:
            if att.content not in mixed:
                mixed.add(att.content)
                found.append(_Found(*att.content, "mixed", att, text.line_of(q.start)))
            continue
        start, end = q.inner
        found.append(_Found(start, end, "direct", att, text.line_of(q.start)))
    return found


def _reported(text: _Text, marked: list[MarkedQuote]) -> tuple[list[_Found], set[int]]:
    """Indirect and mixed quotes, and the direct quotes that mixed ones absorb."""
    starts = [q.start for q in marked]
    found: list[_Found] = []
    absorbed: set[int] = set()
    for rep in _outermost(find_reported(text.doc, text.quoted)):
        line = text.line_of(rep.cue.idx)
        line_start, line_end = text.lines[line]
        rep.start, rep.end = max(rep.start, line_start), min(rep.end, line_end)
        if rep.end - rep.start < 8:
            continue
        inside = [k for k in _quotes_within(marked, starts, rep) if _holds(rep, marked[k])]
        overlapping = [marked[k] for k in _quotes_within(marked, starts, rep)]
        if _unquoted_words(text.body, rep, overlapping) < 2:
            continue  # it is a direct quote with its cue; the direct finder has it
        kind = "mixed" if inside else "indirect"
        absorbed.update(inside)
        found.append(_Found(rep.start, rep.end, kind, rep.attribution, line))
    return found, absorbed


def _outermost(reps: list[Reported]) -> list[Reported]:
    """The reports whose cue lies inside no other report's content.

    "Pence added that Clinton had told police that she didn't want the escort": PolNeAR
    rarely annotates the report nested in another's content, and we cannot tell which it does.
    One sweep in cue order, keeping the two furthest-reaching contents opened so far (one of
    them may be the report's own, as in "Acts of protest, Mr. Obama said, are ...").
    """
    by_start = sorted(range(len(reps)), key=lambda k: reps[k].start)
    top: list[tuple[int, int]] = []  # (end, index) of the two furthest-reaching contents
    out: list[Reported] = []
    j = 0
    for k in sorted(range(len(reps)), key=lambda k: reps[k].cue.idx):
        cue_at = reps[k].cue.idx
        while j < len(by_start) and reps[by_start[j]].start <= cue_at:
            top = sorted([*top, (reps[by_start[j]].end, by_start[j])], reverse=True)[:2]
            j += 1
        if not any(end > cue_at and other != k for end, other in top):
            out.append(reps[k])
    return sorted(out, key=lambda r: r.cue.i)


def _unquoted_words(body: str, rep: Reported, quotes: list[MarkedQuote]) -> int:
    """Words of the content outside quote marks."""
    pos, words = rep.start, 0
    for q in quotes:
        words += len(body[pos : max(pos, q.start)].split())
        pos = max(pos, q.end)
    return words + len(body[pos : max(pos, rep.end)].split())


def _holds(rep: Reported, q: MarkedQuote) -> bool:
    """Does the reported content contain the quoted words?"""
    a, b = q.inner
    return rep.start <= a and b <= rep.end + 1


def _labelled(text: _Text, marked: list[MarkedQuote]) -> list[_Found]:
    """Lines that open with a name and a colon, as headlines do: "Pence: Flowers Won't Be at Debate"."""
    body = text.body
    found = []
    for index, (line_start, line_end) in enumerate(text.lines):
        label = _LABEL.match(body, line_start, line_end)
        if label is None or text.quoted[min(text.tok_index(line_start), len(text.quoted) - 1)]:
            continue
        names = text.tokens(label.start(1), label.end(1))
        if not names or any(t.pos_ != "PROPN" for t in names):
            continue
        start = line_start + label.end()
        end = line_end
        while end > start and body[end - 1] in " .":
            end -= 1
        if body[start : start + 1] in "\"“‘'" or len(body[start:end].split()) < 3:
            continue
        att = from_phrase(text.doc, label.start(1), label.end(1))
        if att is None:
            continue
        att.cue, att.cue_span = ":", (label.end(1), label.end(1) + 1)
        kind = "mixed" if any(start <= q.start and q.end <= end + 1 for q in marked) else "indirect"
        found.append(_Found(start, end, kind, att, index))
    return found


def _quotes_within(marked: list[MarkedQuote], starts: list[int], rep: Reported) -> list[int]:
    """Indexes of the marked quotes overlapping the span."""
    k = max(0, bisect.bisect_right(starts, rep.start) - 1)
    out = []
    while k < len(marked) and marked[k].start < rep.end:
        if marked[k].end > rep.start:
            out.append(k)
        k += 1
    return out


def _inherit(found: list[_Found]) -> None:
    """Quotes with no attribution of their own take the one just before them."""
    last: _Found | None = None
    for f in found:
        if f.attribution is None or f.attribution.speaker is None:
            if f.kind == "direct" and last is not None and f.line - last.line <= _INHERIT_LINES:
                inherited = last.attribution
                f.attribution = Attribution(
                    speaker=inherited.speaker,
                    head=inherited.head,
                    form=inherited.form,
                    role=inherited.role,
                )
        if f.attribution is not None and f.attribution.speaker is not None:
            last = f


def _unattributed_title(body: str, f: _Found) -> bool:
    """A short quoted phrase nobody says: a title ("the film “13th”") or a scare quote."""
    return (
        f.kind == "direct"
        and f.attribution is None
        and len(body[f.start : f.end].split()) < _MIN_UNATTRIBUTED
    )


def _is_title(body: str, f: _Found) -> bool:
    """A quoted name in title case: “Fox News Sunday,”, ‘The 411’, ''Contract With America''.

    Tuned on PolNeAR train: three in four such direct quotes of up to five words are no
    attribution's content, attributed or not.
    """
    if f.kind != "direct":
        return False
    text = body[f.start : f.end].rstrip(" ,.;:")
    words = _WORD.findall(text)
    return (
        0 < len(words) <= _TITLE_WORDS
        and not text.endswith(("?", "!"))
        and words[0][0].isupper()
        and all(w[0].isupper() or w in _TITLE_SMALL or w[0].isdigit() for w in words)
    )


class _Mentions:
    """Entity mentions outside quote marks, in text order, to look up and to look back through."""

    def __init__(self, entities: list[Entity], text: _Text) -> None:
        rows = []
        for ent in entities:
            for m in ent.mentions:
                i = text.tok_index(m.start)
                if i < len(text.quoted) and text.quoted[i]:
                    continue
                rows.append((m.start, m.end, ent, _is_subject(text, m.start, m.end)))
        rows.sort(key=lambda r: (r[0], -r[1]))
        self.rows: list[tuple[int, int, Entity, bool]] = []
        for row in (
            rows
        ):  # a mention inside another ("Israel" in "Azerbaijan-Israel Group") is no referent
            if self.rows and row[1] <= self.rows[-1][1]:
                continue
            self.rows.append(row)
        self.starts = [r[0] for r in self.rows]

    def containing(self, pos: int) -> Entity | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        while k >= 0 and pos - self.rows[k][0] < 300:  # mentions are short: look back a little
            start, end, ent, _ = self.rows[k]
            if start <= pos < end:
                return ent
            k -= 1
        return None

    def before(self, pos: int, wanted: tuple[str, ...], word: str | None = None) -> Entity | None:
        """The entity a referring word at pos most likely means.

        An entity described by word ("the ambassador" -> "Israel's Ambassador ...") wins;
        then, within ``_LOOKBACK`` characters, the most recent mention of the first wanted
        type that is a grammatical subject (the salient one), then the most recent of that
        type; else the most recent of any wanted type within ``_REACH`` characters.
        """
        k = bisect.bisect_left(self.starts, pos) - 1
        preferred = fallback = None
        while k >= 0 and pos - self.rows[k][0] < _REACH:
            start, _, ent, subject = self.rows[k]
            k -= 1
            if ent.type not in wanted:
                continue
            if word is not None and word in (ent.description or "").lower():
                return ent
            if ent.type == wanted[0] and pos - start < _LOOKBACK:
                if subject:
                    return ent
                preferred = preferred or ent
            fallback = fallback or ent
        return preferred or fallback


def _is_subject(text: _Text, start: int, end: int) -> bool:
    """Is the mention (or the phrase it names) the subject of its clause?"""
    doc = text.doc
    i = text.tok_index(start)
    while i < len(doc) and doc[i].idx < end:
        tok = doc[i]
        for _ in range(3):
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return True
            if tok.dep_ not in ("compound", "flat", "amod", "poss", "appos") or tok.head is tok:
                break
            tok = tok.head
        i += 1
    return False


def _resolve(att: Attribution, body: str, mentions: _Mentions) -> str | None:
    """The entity id a speaker refers to."""
    if att.speaker is None:
        return None
    head_at = att.head if att.head is not None else att.speaker[0]
    ent = mentions.containing(head_at)
    if ent is not None:
        return ent.id
    start, _ = att.speaker
    words = body[head_at : head_at + 40].lower().split()
    head = words[0].strip(".,;:") if words else ""
    if att.form == "pronoun":
        wanted = (
            _PERSON_TYPES
            if head in PERSON_PRONOUNS
            else _GROUP_TYPES
            if head in GROUP_PRONOUNS
            else ()
        )
        ent = mentions.before(start, wanted) if wanted else None
    elif att.form == "nominal" and head.rstrip(".") in TITLES:
        ent = mentions.before(start, _PERSON_TYPES, head)
    elif att.form == "nominal" and head in GROUP_NOUNS:
        ent = mentions.before(start, _GROUP_TYPES)
    return ent.id if ent is not None else None


def _quote(body: str, f: _Found, mentions: _Mentions) -> Quote:
    att = f.attribution or Attribution()
    speaker = None
    if att.speaker is not None:
        s, e = att.speaker
        speaker = Speaker(text=body[s:e], start=s, end=e, entity=_resolve(att, body, mentions))
    return Quote(
        start=f.start,
        end=f.end,
        text=body[f.start : f.end],
        kind=f.kind,
        speaker=speaker,
        role=att.role,
        cue=att.cue,
        venue=att.venue,
    )


def find_quotes(doc: Doc, entities: list[Entity] | None = None) -> list[Quote]:
    """Every direct, indirect and mixed quotation in a parsed body, in text order."""
    marked = find_marked_quotes(doc.text)
    text = _Text(doc, marked)
    reported, absorbed = _reported(text, marked)
    found = sorted(
        _direct(text, marked, absorbed) + reported + _labelled(text, marked), key=lambda f: f.start
    )
    _inherit(found)
    found = [
        f for f in found if not _unattributed_title(text.body, f) and not _is_title(text.body, f)
    ]
    mentions = _Mentions(entities or [], text)
    return [_quote(text.body, f, mentions) for f in found if f.end > f.start]


@annotator("quotes", requires=("entities",), assigns=("quotes",))
def annotate_quotes(doc: Doc, article: Article) -> None:
    """Fill ``article.quotes``."""
    article.quotes = find_quotes(doc, article.entities)
