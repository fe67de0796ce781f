"""Date words that are part of a proper name: "The Morning Show", "Saturday Night Live", the
film "Independence Day", "Tuesday Morning Corp.".

A date expression written in words (no digit) is taken as part of a name when

- the entity recogniser puts it inside a longer name (a work, an organisation, a product,
  a building, a law, a person, a place) that runs on past its end; a name that only
  reaches back before it is the recogniser taking the date in ("met with Sununu Sunday");
- the entity recogniser types exactly its words as such a name ("Independence Day" as a
  WORK_OF_ART, not as the holiday, an EVENT);
- a title word names what follows and it is two capitalised words or more ("the film
  Independence Day", "watched Independence Day", "a sequel to Independence Day"; not "the
  air show Saturday");
- it is written as a title in running text: it holds a capitalised "The", unit ("Week",
  "Year") or part of the day ("Night", "Morning") that is not the first word of its
  sentence, and a capitalised word follows it directly ("The Morning Show") or it is
  quoted whole (ABC's "This Week,");
- it is "Today", "Tonight", "Tomorrow" or "Yesterday" capitalised where no sentence starts
  ("This is VOA Today");
- it is a weekday after "the" and before a capitalised word ("the Sunday Times", "The Sunday
  Mail newspaper"; not "the Sunday Oct. 5 vote").

- a number is followed by a capitalised unit of the clock or the calendar, which running text
  writes in lower case, and is quoted or follows a lower-case word ("on CBS's \"60 Minutes\"",
  "told 48 Hours"; not a table's "Avge 13 Weeks").

A headline, where every word is capitalised, is not running text. Other dates with digits
("the 1996 Olympics", "Class of 2020", "Fiscal Year 1999") are left alone: their numbers are
dates still.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.dates.lexicon import PARTS_OF_DAY

_NAME_TYPES = {"WORK_OF_ART", "ORG", "PRODUCT", "FAC", "LAW", "PERSON", "GPE", "LOC", "NORP"}
_TITLE_CUE = re.compile(
    r"\b(?:film|movie|show|series|sitcom|drama|documentary|programme|program|song|single|album"
    r"|book|novel|play|musical|opera|episode|magazine|newspaper|titled|entitled"
    r"|watch(?:ed|es|ing)?|starr(?:ing|ed)|sequel\s+to|remake\s+of)\s+[\"'\u201c\u2018]?$",
    re.I,
)
_CAPITAL_WORD = re.compile(r"[ \t]+[\"'\u201c\u2018]?[A-Z][a-z]")
# Words a date phrase capitalises only as a title ("The Morning Show", "This Week", "Saturday
# Night Live"); not "Day", which holidays capitalise ("Independence Day").
_TITLE_PART = re.compile(
    r"\b(?:The|Week|Weekend|Month|Year|" + "|".join(w.capitalize() for w in PARTS_OF_DAY) + r")\b"
)
_DAY_WORD = re.compile(r"(?:Today|Tonight|Tomorrow|Yesterday)(?:['\u2019]s)?")
# What may open a sentence before a day word: an end mark, a quote, a colon, a dash ("(AP) _ Today").
_OPENS_SENTENCE = re.compile(r"[.!?:;\"'`\u201c\u201d\u2018_\u2014-]\s*$")
_OPEN_QUOTE = "\"'\u201c\u2018"
_CLOSE_QUOTE = re.compile(r"[,.!?]?[\"'\u201d\u2019]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"\u201c\u201d]\s*|\n\s*)$")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# A count of capitalised units: a title ("60 Minutes"), never a stretch of time in a sentence.
_NUMBERED_TITLE = re.compile(r"\d[\d,.]*[\s-]+(?:Second|Minute|Hour|Day|Night|Week|Month|Year)s?\b")
_TITLE_LEAD = re.compile(r"(?:[\"'\u201c\u2018`]|\b[a-z]+[ \t]+)$")
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_THE = re.compile(r"\b[Tt]he\s+$")
_MONTH_OR_WEEKDAY = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
)
_LINE_WINDOW = 200
_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with"}


def in_name(doc: Doc, text: str, start: int, end: int) -> bool:
    """True when the date expression at text[start:end] is part of a proper name; ``doc`` is
    the parse of ``text`` (``doc.text`` is rebuilt on each call, so the text is passed too)."""
    if any(c.isdigit() for c in text[start:end]):
        return _numbered_title(text, start, end)
    return (
        _named_by_recogniser(doc, start, end)
        or (_title_cased(text[start:end]) and _after_title_word(text, start))
        or _written_as_title(text, start, end)
        or _capitalised_day_word(text, start, end)
        or _weekday_of_a_name(text, start, end)
    )


def _weekday_of_a_name(text: str, start: int, end: int) -> bool:
    """ "the Sunday Times", "The Sunday Mail newspaper": a weekday after "the" and before a
    capitalised word other than a month or another weekday is a newspaper's or a club's name."""
    if not _WEEKDAY.fullmatch(text, start, end) or not _THE.search(text, max(0, start - 4), start):
        return False
    m = _CAPITAL_WORD.match(text, end)
    return (
        m is not None
        and not _MONTH_OR_WEEKDAY.match(text, m.end() - 2)
        and not _is_headline(text, start)
    )


def _numbered_title(text: str, start: int, end: int) -> bool:
    """ "60 Minutes", "48 Hours": a number and a capitalised unit, quoted or after a lower-case
    word (not in a headline or a table's labels: "Avge 13 Weeks")."""
    m = _NUMBERED_TITLE.search(text, start, end)
    return (
        m is not None
        and _TITLE_LEAD.search(text, max(0, m.start() - 30), m.start()) is not None
        and not _is_headline(text, start)
    )


def _capitalised_day_word(text: str, start: int, end: int) -> bool:
    """ "Today", "Tonight" capitalised inside a sentence name a programme ("This is VOA Today",
    "ABC's World News Tonight"); at the start of a sentence or in a headline they are days."""
    if not _DAY_WORD.fullmatch(text, start, end):
        return False
    line = text[text.rfind("\n", max(0, start - _LINE_WINDOW), start) + 1 : start]
    if not line.strip() or _OPENS_SENTENCE.search(line):
        return False
    return not _is_headline(text, start)


def _after_title_word(text: str, start: int) -> bool:
    return _TITLE_CUE.search(text, max(0, start - 20), start) is not None


def _title_cased(words: str) -> bool:
    """Two words or more, each capitalised ("Independence Day", not "Saturday": "the air show
    Saturday" and "investors watched Friday" keep their day)."""
    found = _WORD.findall(words)
    return len(found) >= 2 and all(w[0].isupper() for w in found)


def _named_by_recogniser(doc: Doc, start: int, end: int) -> bool:
    """A name entity (not a date, time or event) is exactly the expression, lies inside it, or
    runs on past its end ("The Morning Show"). One that only reaches back before it
    ("met with Sununu Sunday") is the recogniser taking the date into the name."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for token in span:
        if token.ent_type_ not in _NAME_TYPES:
            continue
        last = token.i
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        first = token.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        if doc[last].idx + len(doc[last]) > end or doc[first].idx >= start:
            return True
    return False


def _written_as_title(text: str, start: int, end: int) -> bool:
    """A title-cased date phrase inside a sentence, followed by another capitalised word or
    quoted whole ("This Week," on ABC)."""
    quoted = start > 0 and text[start - 1] in _OPEN_QUOTE and _CLOSE_QUOTE.match(text, end)
    if not (quoted or _CAPITAL_WORD.match(text, end)):
        return False
    for m in _TITLE_PART.finditer(text, start, end):
        lo = max(0, m.start() - 3)
        lo = max(lo, text.rfind("\n", lo, m.start()) + 1)
        if not _SENTENCE_START.search(text, lo, m.start()):
            return not _is_headline(text, start)
    return False


def _is_headline(text: str, position: int) -> bool:
    """True for a line whose words (short function words aside) are all capitalised; at most
    ``_LINE_WINDOW`` characters either side are read."""
    lo = max(0, position - _LINE_WINDOW)
    lo = text.rfind("\n", lo, position) + 1 or lo
    hi = min(len(text), position + _LINE_WINDOW)
    newline = text.find("\n", position, hi)
    words = _WORD.findall(text, lo, newline if newline >= 0 else hi)
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content)
