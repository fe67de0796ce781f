"""The dates annotator: every date expression in the body, normalised to a TimeML value.

Expressions are found by the normaliser's own patterns (``newsgraph.dates.find``);
spaCy's entities veto numbers that are not years ("2000 troops"). Values are
resolved against the reference date:

1. ``article.published`` when known;
2. else the latest full date (day precision, with its year) the article states,
   in its body or in a photo caption;
3. else none: relative expressions keep the underspecified value TimeML gives
   them ("October 7" -> XXXX-10-07, "Friday" -> XXXX-WXX-5, "last year" ->
   XXXX) and those TimeML cannot write at all are skipped.

A wire dateline a few days before that reference ("WASHINGTON, March 12 (Xinhua) --")
replaces it: the story was written that day. A bare day coordinated with a full one
("April 24 and 25", "March 20 to 25") is a day of the same month.

Anaphoric expressions ("that year", "the following month", "the previous
Friday") resolve against the last date mentioned before them (the anchor).
Bare weekdays and months take the tense of the verb they attach to in the
parse ("met Monday", "in January, X brought in"); without a parse, the tense
words around them.

Each mention carries its TimeML ``mod`` ("early next year": START, "at least five
years": EQUAL_OR_MORE; ``dates.mods``) and ``reliable``: True only for explicit calendar text
("October 9, 2023", "1998", "five years"), False for anything inferred.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pydantic import BaseModel, Field
from spacy.tokens import Doc

from newsgraph.dates import context
from newsgraph.dates.find import Found, extend_left, find, rule_by_name, trim
from newsgraph.dates.mods import mod_of
from newsgraph.dates.names import in_name
from newsgraph.dates.published import read_day
from newsgraph.dates.values import Context, Resolved, anchor_value
from newsgraph.dates.verb import verb_tense
from newsgraph.extract import annotator
from newsgraph.gazetteer.dateline import dateline_at
from newsgraph.record import Article, DateMention

_NOT_YEARS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"}


class DatesSettings(BaseModel):
    """The dates annotator's windows for reading the words around an expression."""

    sentence_window: int = Field(
        context.SENTENCE_WINDOW,
        description="Characters either side of an expression searched for the ends of its "
        "sentence, whose words give its tense and whether it talks about quarters.",
    )
    quarterly_scan: int = Field(
        context.QUARTERLY_SCAN,
        description='Leading characters of the body counted for "quarter" to tell an '
        'earnings story (where "a year ago" means the same quarter a year before).',
    )
    quarterly_min_mentions: int = Field(
        context.QUARTERLY_MIN_MENTIONS,
        description='Times "quarter" must appear in that stretch for the body to report by '
        "quarters.",
    )


def reference_date(article: Article, found: list[tuple[Found, Resolved | None]]) -> date | None:
    """The publication date, else the latest explicit full date in body or captions, else None."""
    published = read_day(article.published)
    if published:
        return published
    # Photo captions are often dated ("..., October 9, 2023.") when nothing else is.
    for caption in (m.caption for m in article.media if m.caption):
        found = found + find(caption, Context())
    explicit = [read_day(v.value) for _, v in found if v and v.reliable and v.granularity == "day"]
    explicit = [d for d in explicit if d]
    return max(explicit) if explicit else None


# A story is filed on its dateline's day or a few days before it is published.
_DATELINE_LAG = timedelta(days=3)


def dateline_day(
    text: str, found: list[tuple[Found, Resolved | None]], ref: date | None
) -> date | None:
    """The day of the story's dateline when it is a few days before ``ref``, else None.

    Wire copy is written on the day its dateline states: "yesterday" and "on Wednesday" count
    from it, not from a publication date a day or two later.
    """
    if not found or ref is None:
        return None
    f, _ = found[0]
    dateline = dateline_at(text)
    if dateline is None or dateline.day is None or not dateline.day[0] <= f.start < dateline.day[1]:
        return None
    value = rule_by_name(f.rule).handler(f.match, Context(ref))
    day = read_day(value.value) if value and value.granularity == "day" else None
    return day if day and ref - _DATELINE_LAG <= day < ref else None


# "April 24 and 25", "March 20 to 25", "May 3-5": a second day of the same month, then the end of
# the phrase.
_AND_DAY = re.compile(
    r"(?:\s+(?:and|or|&|to|through|until|till)\s+|\s*[-\u2013]\s*)(\d{1,2})"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:at|in|on|when|for|to|and|with)\b)"
)
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-(\d\d)")


def second_day(text: str, first: DateMention) -> DateMention | None:
    """The bare day coordinated with a full one ("25" of "April 24 and 25", "March 20 to 25"),
    in its month."""
    m = _AND_DAY.match(text, first.end)
    day = _DAY_VALUE.fullmatch(first.value)
    if m is None or day is None or not int(day.group(1)) < int(m.group(1)) <= 31:
        return None
    value = f"{first.value[:-2]}{int(m.group(1)):02d}"
    if not value.startswith("X") and read_day(value) is None:
        return None  # "February 28 and 30"
    return first.model_copy(
        update={"start": m.start(1), "end": m.end(1), "text": m.group(1), "value": value}
    )


# Words of a game's play: a bare "the second half" near them is the game's, not the year's.
_PLAY = re.compile(
    r"\b(?:half-?time|full-?time|kick-?off|scored|goalkeeper|striker|equali[sz]er|penalty"
    r"|referee|quarterback|touchdown|innings|substitute|booked)\b",
    re.IGNORECASE,
)
_GAME = re.compile(r"\b(?:match|game|goals?|minutes?|whistle|play)\b", re.IGNORECASE)


def _game_half(text: str, f: Found) -> bool:
    """Is a bare half ("the second half", no "of 2024") a game's: in a sentence about a game,
    or in a text that reports play?"""
    if f.rule != "half" or " of " in f.match.group():
        return False
    start, end = context.sentence_bounds(text, f.start, f.end)
    sentence = text[start:end]
    return bool(_PLAY.search(sentence) or _GAME.search(sentence)) or len(_PLAY.findall(text)) >= 2


def _vetoed(doc: Doc, text: str, f: Found) -> bool:
    """A bare number spaCy reads as a count, sum or quantity is not a year; words that are
    part of a proper name ("The Morning Show") are no date, nor is a game's half."""
    if _game_half(text, f):
        return True
    if f.rule != "year":
        return in_name(doc, text, f.start, f.end)
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in _NOT_YEARS for t in span)


@annotator("dates", assigns=("dates",), settings=DatesSettings)
def annotate_dates(doc: Doc, article: Article, settings: DatesSettings | None = None) -> None:
    """Fill ``article.dates`` with every date expression in the body."""
    settings = settings or DatesSettings()
    text = article.body
    found = [(f, v) for f, v in find(text, Context()) if not _vetoed(doc, text, f)]
    ref = reference_date(article, found)
    ref = dateline_day(text, found, ref) or ref
    quarterly_text = context.is_quarterly(
        text, settings.quarterly_scan, settings.quarterly_min_mentions
    )
    mentions = []
    anchor = None
    for f, _ in found:
        tense, quarterly, period = context.clause_hints(
            text, f.start, f.end, quarterly_text, settings.sentence_window
        )
        ctx = Context(ref, tense, quarterly, anchor, period, verb_tense(doc, f.start, f.end))
        value = rule_by_name(f.rule).handler(f.match, ctx)
        if value is None:
            continue
        anchor = anchor_value(value.value) or anchor
        start, end = trim(text, f.start, f.end)
        start = extend_left(text, start)
        mentions.append(
            DateMention(
                start=start,
                end=end,
                text=text[start:end],
                value=value.value,
                granularity=value.granularity,
                reliable=value.reliable,
                mod=mod_of(text[start:end]),
                freq=value.freq,
            )
        )
        if f.rule == "month-day" and (also := second_day(text, mentions[-1])):
            mentions.append(also)
    article.dates = mentions
