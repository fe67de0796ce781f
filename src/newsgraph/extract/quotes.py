"""Who said what: direct, indirect and mixed quotations with speaker, role, cue and venue.

Direct quotes come from the quote marks (``quote_marks``), never from
sentence boundaries, which a parser often puts inside a quotation. Each one
is attributed by the strategies of ``quote_strategies``, tried in the order
``QuoteSettings.strategies`` gives: a verb of saying before or after it
("As MP Rasim Musabeyli told the Voice of America: “...”", "“...,” said
Caddell."), a dash ("— John Smith"), a lead-in ("From the ministry:"), a
lead-in line before ("Caddell continued:"), a headline label ("Pence:"), the
verb of the clause it sits in ("called his supporters “deplorables”", a
mixed quote of that clause), or, failing those, the attribution of the quote
or statement just before it on this line or the previous one. Reported
speech comes from ``quote_indirect``. A line opening with a speaker's label,
a headline's ("Pence: Flowers Won't Be at Debate") or a transcript's turn
("WALLACE: ...", "“PENCE: ...", an interview's "Q:" and "A:"), is its
speaker's, with the reports and quotes inside it; a report whose cue lies
inside another report's content is left to the outer one (contents cut at
their cue's line first), a stance with no one holding it is no report, and quoted titles, names and scare
quotes are no quotations (``quote_names``). An interrupted quotation (“A,” she
said, “B.”) is one quote, and every quote lists its verbatim ``fragments``
(``quote_fragments``). Speakers given as pronouns or nominals
("They added", "the ambassador said") resolve to entities with
``referents``. Every threshold is a field of ``QuoteSettings``.

Every step is linear in the text (or bounded per quote), so no input hangs it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from spacy.tokens import Doc, Token

from newsgraph.extract import annotator
from newsgraph.extract.quote_context import DirectQuote, Found, QuoteText
from newsgraph.extract.quote_cues import DOCUMENT_NOUNS, SPEECH_VERBS
from newsgraph.extract.quote_fragments import fragments_of, join_interrupted
from newsgraph.extract.quote_indirect import (
    Reported,
    aside_at,
    before_aside,
    closing_aside,
    find_reported,
)
from newsgraph.extract.quote_marks import MarkedQuote, find_marked_quotes
from newsgraph.extract.quote_names import is_name
from newsgraph.extract.quote_settings import DEFAULT_SETTINGS, QuoteSettings
from newsgraph.extract.quote_speaker import Attribution, from_phrase
from newsgraph.extract.quote_strategies import LABEL, STRATEGIES, attribute
from newsgraph.extract.referents import Referents
from newsgraph.gazetteer.dateline import dateline_at
from newsgraph.nlp import text_of
from newsgraph.record import Article, Entity, Quote, Span, Speaker

_OPENING_MARKS = frozenset("\"“‘'")
# Words that open a line with a colon and name no speaker: a headline's kicker, a credit.
_KICKERS = frozenset(
    """
    watch update updated breaking exclusive live video videos photo photos picture pictures
    boom bombshell related read listen see note correction clarification credit source editor
    editors
    """.split()
)
# Three or more names in a row, each of capitalised words: a list, not a statement.
_LIST_OF_NAMES = re.compile(r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*, ){3,}(?:and )?[A-Z][^,]*")
# A label in capitals opening a line, quoted or not: "JAKE TAPPER: ", "“PENCE: ", "Q: ".
_CAPITALS_LABEL = re.compile(r"(?m)^[\"“]?((?:[A-Z][A-Z'’.-]* ){0,2}[A-Z][A-Z'’.-]*):\s")
# Who a line's label can name ("Obama:", "WALLACE:", "NATO:").
_LABEL_TYPES = frozenset(("PERSON", "ORG", "NORP", "GPE"))

# What a speaker never ends with: spaces, a dash or comma, a conjunction the parser left
# dangling ("The film ―", "RT and").
_SPEAKER_TAIL = re.compile(r"(?:\s|[,;:—―–-]|(?<=\s)(?:and|or)\b)+$")


def _direct(text: QuoteText, marked: list[MarkedQuote], absorbed: set[int]) -> list[Found]:
    """Direct quotes with the attribution the strategies find around them (mixed when a clause holds one)."""
    found: list[Found] = []
    mixed: set[tuple[int, int]] = set()
    strategies = text.settings.strategies
    for k, q in enumerate(marked):
        if k in absorbed:
            continue
        prev_end = marked[k - 1].end if k else 0
        next_start = marked[k + 1].start if k + 1 < len(marked) else len(text.body)
        around = DirectQuote(text, q, prev_end, next_start)
        att = attribute(around, strategies)
        if att is not None and att.content is not None:
            if att.content not in mixed:
                mixed.add(att.content)
                found.append(Found(*att.content, "mixed", att, around.first_line))
            continue
        start, end = q.inner
        found.append(Found(start, end, "direct", att, around.first_line, around))
    return found


def _reported(
    text: QuoteText, marked: list[MarkedQuote], turns: tuple[list[int], list[int]]
) -> tuple[list[Found], set[int]]:
    """Indirect and mixed quotes, and the direct quotes that mixed ones absorb.

    A report inside a labelled line ("PENCE: Well, Hillary Clinton apparently thinks ...") is
    part of what the label's speaker says (PolNeAR's train split annotates none of them).
    """
    starts = [q.start for q in marked]
    found: list[Found] = []
    absorbed: set[int] = set()
    settings = text.settings
    reps = [
        rep
        for rep in find_reported(text.doc, text.quoted, settings)
        if not _within(turns, rep.cue.idx)
    ]
    for rep in reps:  # a content ends with its cue's line, before one report nests in another
        line_start, line_end = text.lines[text.line_of(rep.cue.idx)]
        rep.start, rep.end = max(rep.start, line_start), min(rep.end, line_end)
    _end_before_reporting_asides(text.doc, reps)
    for rep in _outermost(reps):
        if rep.end - rep.start < settings.min_reported_chars and not rep.named:
            continue
        _drop_aside(text, marked, starts, rep)
        inside = [k for k in _quotes_within(marked, starts, rep) if _holds(rep, marked[k])]
        overlapping = [marked[k] for k in _quotes_within(marked, starts, rep)]
        if (
            not rep.named
            and _unquoted_words(text.body, rep, overlapping) < settings.min_unquoted_words
        ):
            continue  # it is a direct quote with its cue; the direct finder has it
        kind = "mixed" if inside else "indirect"
        if kind == "indirect" and _unheld(rep):
            continue
        absorbed.update(inside)
        found.append(Found(rep.start, rep.end, kind, rep.attribution, text.line_of(rep.cue.idx)))
    return found, absorbed


def _drop_aside(
    text: QuoteText, marked: list[MarkedQuote], starts: list[int], rep: Reported
) -> None:
    """End the content before a closing aside (``aside_at``) that holds no quotation.

    The aside still counts when reports nest ("..., which included staff members suggesting
    ...": the report inside it stays left to this one).
    """
    end = aside_at(text.doc, rep.start, rep.end)
    if end is not None and not _quotes_within(
        marked, starts, Reported(end, rep.end, rep.attribution, rep.cue)
    ):
        rep.end = end


def _end_before_reporting_asides(doc: Doc, reps: list[Reported]) -> None:
    """End a content before a closing aside headed by another report's cue: "Ted Cruz
    endorses Trump[, who says he is honored]" (the aside's report then stands on its own)."""
    cues = {rep.cue.i for rep in reps}
    for rep in reps:
        head = closing_aside(doc, rep.start, rep.end) if rep.start < rep.end else None
        if head is not None and head.i in cues and head.i != rep.cue.i:
            rep.end = before_aside(head)


def _unheld(rep: Reported) -> bool:
    """A stance no one holds ("Seeking more money for it is a mistake"): a cue other than a
    verb of saying, or "according to", whose speaker was not found."""
    cue = rep.cue
    return (
        not rep.impression
        and rep.attribution.speaker is None
        and cue.lower_ != "according"
        and cue.lemma_.lower() not in SPEECH_VERBS
    )


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


def _labelled(text: QuoteText, marked: list[MarkedQuote], entities: list[Entity]) -> list[Found]:
    """Lines that open with a name and a colon: a headline ("Pence: Flowers Won't Be at
    Debate") or a speaker's turn in a transcript, quoted or not ("“WALLACE: Let's start ...")."""
    body = text.body
    named, interview = _label_names(body, entities)
    found = []
    for index, (line_start, line_end) in enumerate(text.lines):
        opened = body[line_start] in _OPENING_MARKS
        label = LABEL.match(body, line_start + opened, line_end)
        if label is None or (
            not opened and text.quoted[min(text.tok_index(line_start), len(text.quoted) - 1)]
        ):
            continue
        if not opened and dateline_at(body, line_start) is not None:
            continue  # "NEW DELHI: The ..." is where the story was filed
        names = text.doc[text.tok_index(label.start(1)) : text.tok_index(label.end(1))]
        if not _label_speaks(list(names), named, interview):
            continue
        start = label.end()
        end = line_end
        while end > start and body[end - 1] in ' ."”':
            end -= 1
        if body[start : start + 1] in _OPENING_MARKS or not _says_something(
            body, start, end, text.settings.min_label_words
        ):
            continue  # a quote after the label is the direct finder's
        # the label is the speaker's name, however a headline's parse reads it ("Issa" an adjective)
        att = from_phrase(text.doc, label.start(1), label.end(1)) or Attribution(
            speaker=label.span(1), head=label.start(1), form="name"
        )
        # a quoted turn's label is the transcript's, not the speaker's words
        for i in range(names.start, names.end):
            text.quoted[i] = False
        att.cue, att.cue_span = ":", (label.end(1), label.end(1) + 1)
        if opened:
            kind = "direct"  # a turn the writer quotes is the speaker's own words
        elif any(start <= q.start and q.end <= end + 1 for q in marked):
            kind = "mixed"
        else:
            kind = "indirect"
        found.append(Found(start, end, kind, att, index))
    return found


def _label_names(body: str, entities: list[Entity]) -> tuple[frozenset[str], bool]:
    """The words a line's label may name a speaker by, and whether the text is an interview.

    The words of the names of the article's persons, organisations and places, and a
    transcript's speakers: labels in capitals that open two or more lines ("TAPPER:"). An
    interview's "Q:" and "A:" are labels where both are.
    """
    turns = Counter(found.group(1).split()[-1] for found in _CAPITALS_LABEL.finditer(body))
    named = frozenset(
        word.casefold() for e in entities if e.type in _LABEL_TYPES for word in e.name.split()
    ) | {word.casefold() for word, n in turns.items() if n > 1 and len(word) > 1}
    return named, turns["Q"] > 0 and turns["A"] > 0


def _says_something(body: str, start: int, end: int, min_words: int) -> bool:
    """Is what follows a label a statement: words, not figures ("North End: 13 hrs") or a
    list of names ("Iowa: Tim Albrecht, Brad Anderson, ...")?"""
    words = sum(any(c.isalpha() for c in w) for w in body[start:end].split())
    return words >= min_words and _LIST_OF_NAMES.fullmatch(body, start, end) is None


def _within(spans: tuple[list[int], list[int]], pos: int) -> bool:
    """Does ``pos`` fall inside one of the spans (starts and ends, sorted by start, disjoint)?"""
    starts, ends = spans
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < ends[k]


def _label_speaks(names: list[Token], named: frozenset[str], interview: bool) -> bool:
    """Is a line's label a speaker: a name the article gives ("Obama:", which a headline's
    parse may read as a noun; "WALLACE:" for Chris Wallace), a name in title case ("Pence:"),
    a written work ("Poll:"), or an interview's "Q:" and "A:"? A kicker ("WATCH:",
    "Related:") is none."""
    if not names or any(t.lower_ in _KICKERS for t in names):
        return False
    if len(names) == 1 and names[0].lemma_.lower() in DOCUMENT_NOUNS:
        return True
    if len(names) == 1 and names[0].text in ("Q", "A"):
        return interview
    if names[-1].text.casefold() in named:
        return True
    return not all(t.is_upper for t in names) and all(t.pos_ == "PROPN" for t in names)


def _quotes_within(marked: list[MarkedQuote], starts: list[int], rep: Reported) -> list[int]:
    """Indexes of the marked quotes overlapping the span."""
    k = max(0, bisect.bisect_right(starts, rep.start) - 1)
    out = []
    while k < len(marked) and marked[k].start < rep.end:
        if marked[k].end > rep.start:
            out.append(k)
        k += 1
    return out


def _inherit(found: list[Found], strategies: tuple[str, ...]) -> None:
    """Direct quotes left without a speaker ask ``previous_quote``, in text order."""
    if "previous_quote" not in strategies:
        return
    previous_quote = STRATEGIES["previous_quote"]
    last: Found | None = None
    for f in found:
        if f.around is not None and (f.attribution is None or f.attribution.speaker is None):
            f.around.previous = last
            f.attribution = previous_quote(f.around) or f.attribution
        if f.attribution is not None and f.attribution.speaker is not None:
            last = f


def past_dateline(body: str, start: int) -> int:
    """Where a span opening a line starts once a dateline is left out: "LONDON — [The queen
    will ...]", "BRUSSELS - [European leaders]"; ``start`` itself elsewhere."""
    found = dateline_at(body, start) if not start or body[start - 1] == "\n" else None
    return start if found is None else found.end


def _quote(body: str, f: Found, referents: Referents, fragments: list[tuple[int, int]]) -> Quote:
    att = f.attribution or Attribution()
    speaker = None
    s, e = att.speaker or (0, 0)
    s = past_dateline(body, s)
    while s < e and body[s].isspace():
        s += 1
    tail = _SPEAKER_TAIL.search(body, s, e)
    e = tail.start() if tail else e
    if s < e:
        entity = referents.resolve(s, e, head=att.head, form=att.form)
        speaker = Speaker(text=body[s:e], start=s, end=e, entity=entity)
    cue_start, cue_end = att.cue_span if att.cue is not None and att.cue_span else (None, None)
    return Quote(
        start=f.start,
        end=f.end,
        text=body[f.start : f.end],
        kind=f.kind,
        fragments=[Span(start=s, end=e, text=body[s:e]) for s, e in fragments],
        speaker=speaker,
        role=att.role,
        cue=att.cue,
        cue_start=cue_start,
        cue_end=cue_end,
        venue=att.venue,
    )


def find_quotes(
    doc: Doc, entities: list[Entity] | None = None, settings: QuoteSettings = DEFAULT_SETTINGS
) -> list[Quote]:
    """Every direct, indirect and mixed quotation in a parsed body, in text order."""
    marked = find_marked_quotes(text_of(doc), settings)
    text = QuoteText(doc, marked, settings)
    labelled = _labelled(text, marked, entities or [])
    turns = [text.lines[f.line][0] for f in labelled], [f.end for f in labelled]
    reported, absorbed = _reported(text, marked, turns)
    absorbed.update(k for k, q in enumerate(marked) if _within(turns, q.inner[0]))
    found = sorted(_direct(text, marked, absorbed) + reported + labelled, key=lambda f: f.start)
    _inherit(found, settings.strategies)
    body = text.body
    found = join_interrupted(body, [f for f in found if not is_name(text, f)])
    for f in found:
        f.start = min(past_dateline(body, f.start), f.end)
    starts = [q.start for q in marked]
    referents = Referents(
        doc,
        entities or [],
        text.quoted,
        lookback=settings.referent_lookback,
        reach=settings.referent_reach,
    )
    return [
        _quote(body, f, referents, fragments_of(f, marked, starts))
        for f in found
        if f.end > f.start
    ]


@annotator("quotes", requires=("entities",), assigns=("quotes",), settings=QuoteSettings)
def annotate_quotes(doc: Doc, article: Article, settings: QuoteSettings = DEFAULT_SETTINGS) -> None:
    """Fill ``article.quotes``."""
    article.quotes = find_quotes(doc, article.entities, settings)
