"""Metadata hidden in a scraped page's furniture: credits, captions, related
links, bylines, author bios and the title, plus why a dropped line was dropped.

Every rule is a generic pattern of how news pages lay these out ("Photo
Credit: ...", a caption next to its credit, "Previous article" run together
with the title it links to, "By ..." lines, a paragraph after the article that
introduces a person), never a site's own strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.clean.byline import parse_byline
from newsgraph.clean.lines import CUES, SENTENCE_END, STOP_WORDS, Line, words_of
from newsgraph.clean.titles import without_site_suffix
from newsgraph.dates.find import find as find_dates
from newsgraph.gazetteer.dateline import dateline_at
from newsgraph.lexicon.agencies import AGENCIES, alternation
from newsgraph.lexicon.given_names import is_given_name
from newsgraph.record import Author, Media, Related, RemovedReason

_MAX_META_WORDS = 40

# ---- credits and captions ------------------------------------------------------------

_IMG = r"(?:photo(?:graph)?|image|picture|pic|video|graphic|illustration|artwork|footage)s?"
# Singular only: "Photos: ..." and "Video: ..." title a gallery or a clip.
_ONE_IMG = r"(?:photo(?:graph)?|image|picture|pic|illustration|artwork)"
_CREDIT_LINE = re.compile(
    rf"^(?:(?:top|main|header|featured|lead|cover)\s+)?(?:{_IMG}\s*)?"
    r"(?:credits?|courtesy(?:\s+of)?|source)\s*[:\-–—]?\s+(?P<who>\S.*)$"
    rf"|^{_ONE_IMG}\s*(?:by|:|-|–|—)\s*(?P<who2>\S.*)$",
    re.I,
)
_AGENCIES = alternation(AGENCIES)
_AGENCY_LINE = re.compile(
    rf"^\(?(?P<who>(?:[^()]{{0,60}}?\s*[/|]\s*)?(?:{_AGENCIES})(?:\s+(?:via|for)\s+[^()]{{1,40}})?)\)?$",
    re.I,
)
# "Caption text (Photo: Jane Roe/Reuters)": a caption with its credit in brackets.
_TRAILING_CREDIT = re.compile(
    rf"^(?P<caption>.{{10,}}?)\s*[(\[]\s*(?:"
    rf"(?:{_IMG}|credit)s?\s*(?:by|credit|:)+\s*(?P<who>[^()\[\]]{{2,80}})"
    rf"|(?P<who2>(?:[^()\[\]/]{{1,60}}/\s*)?(?:{_AGENCIES})(?:\s+via\s+[^()\[\]]{{1,40}})?)"
    r")\s*[)\]]$",
    re.I,
)
# "Caption text. Photograph: Jane Roe/AP": a caption sentence with its credit after it.
_CLOSING_CREDIT = re.compile(
    rf"^(?P<caption>.{{10,}}?[.!?])\s+{_ONE_IMG}\s*(?:by|:)\s*(?P<who>[^.!?:]{{2,80}})$", re.I
)
_CAPTION_PREFIX = re.compile(
    r"^(?:above|below|top|left|right|pictured|caption|in this (?:photo|image|picture)|"
    r"file photo|photo|image)\s*[:\-–—|]\s*(?P<text>\S.*)$",
    re.I,
)

_GALLERY_COUNTER = re.compile(rf"^(?:{_IMG}\s*)?\d+\s*(?:of|/)\s*", re.I)

# ---- related links --------------------------------------------------------------------

_PREV_NEXT = re.compile(
    r"^(?P<rel>previous|prev|next|older|newer)\s*(?P<kind>article|post|story|entry|item|page)?"
    r"(?P<plural>s)?\s*(?P<sep>[:»«›‹<>|\-–—]*)\s*(?P<title>.*)$",
    re.I,
)
_RELATED_PREFIX = re.compile(
    r"^(?:related(?: article| story| stories| articles| posts?| coverage| reading)?|"
    r"read more|read also|also read|see also|more on this|recommended|must read|"
    r"don't miss|watch|listen)\s*[:»›|\-–—]+\s*(?P<title>\S.*)$",
    re.I,
)

_RELATED_HEADING = re.compile(
    r"^(?:related(?: articles?| stories| posts| news| coverage| content| reading)?|"
    r"more (?:stories|articles|news|on this(?: story| topic)?|from [\w .&'’-]{1,40})|"
    r"you (?:may|might) also (?:like|enjoy)|recommended(?: for you| stories| articles)?|"
    r"read (?:more|next|also)|see also|also read|further reading|"
    r"(?:most )?(?:popular|read|trending)(?: now| stories| articles)?|top stories)\s*:?$",
    re.I,
)
# Titles taken from under one "Related" heading, at most.
_MAX_LISTED = 10

# ---- bylines and bios -----------------------------------------------------------------

_BYLINE = re.compile(
    r"^(?:by|written by|words by|posted by|reported by|story by|author:)\s*[:\-]?\s+"
    r"(?P<rest>[A-Z\u00C0-\u024F].*)$",
    re.I,
)
_NAME_TOKEN = r"[A-Z\u00C0-\u00DE][\w'’.\-]*"
_BIO_START = re.compile(
    rf"^(?P<name>{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|de|van|von|da|al|bin|ibn|la|le)){{1,3}})"
    r"(?:,[^,]{1,80},)?\s+(?:is|was|has|writes|covers|reports|joined|serves|teaches|holds)\b"
)
_BIO_CUE = re.compile(
    r"\b(journalist|writer|reporter|editor|author|correspondent|columnist|contributor|"
    r"professor|lecturer|ceo|director|founder|co-founder|fellow|analyst|researcher|expert|"
    r"graduate|degree|ma|ba|phd|mba|based in|covers|covering|specializ\w*|specialis\w*|"
    r"freelance\w*|producer|host|blogger|student|staff|bureau|newsroom|desk|intern|"
    r"photographer|novelist|historian|economist|scientist|commentator|advocate)\b",
    re.I,
)
_PRONOUN = re.compile(r"\b(he|she|his|her|him|they|their|them)\b", re.I)
_ROLE = re.compile(
    r"\b(journalist|writer|reporter|editor|correspondent|columnist|contributor|author|"
    r"professor|lecturer|ceo|director|founder|co-founder|fellow|analyst|researcher|"
    r"student|photographer|producer|blogger|novelist|historian|economist|scientist)s?\b",
    re.I,
)
_NOT_NAME = frozenset(
    """the this that these those it its in on at for from with after before during
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december our my your their his her
    mr mrs ms dr prof sir""".split()
)
_ABOUT_AUTHOR = re.compile(r"^about (?:the )?authors?:?$", re.I)

# ---- why a line was dropped ------------------------------------------------------------

_REASONS: tuple[tuple[RemovedReason, re.Pattern[str]], ...] = (
    (
        "ad",
        re.compile(r"^(advertisement|advertising|sponsored|ad|ads|promoted|paid content)\b", re.I),
    ),
    ("cookie", re.compile(r"\b(cookies?|consent|gdpr|accept all)\b", re.I)),
    ("share", CUES["share"]),
    ("subscribe", CUES["subscribe"]),
    ("comments", CUES["comments"]),
    ("footer", CUES["footer"]),
    ("ad", CUES["ad"]),
    (
        "related",
        re.compile(r"\b(related|read more|recommended|more stories|also like|most read)\b", re.I),
    ),
    ("navigation", CUES["navigation"]),
)
_DATE_ONLY = re.compile(
    r"^(?:(?:updated|published|posted|last updated)\s*:?\s*)?(?:[A-Za-z]+day,?\s*)?"
    r"(?:\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"(?:,?\s*(?:at\s*)?[\d:. ]*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,4})?)?"
    r"(?:\s*\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago)?$",
    re.I,
)


def removal_reason(text: str) -> RemovedReason:
    """The kind of furniture a dropped line most likely is."""
    s = text[:300]
    if _DATE_ONLY.match(s):
        return "date"
    n = len(s.split())
    for reason, pat in _REASONS:
        if pat.search(s) and (n <= 12 or reason in ("cookie", "footer", "subscribe")):
            return reason
    if n <= 5:
        return "navigation"
    return "boilerplate"


_STRONG_REASONS = frozenset({"ad", "share", "cookie", "subscribe", "comments", "footer"})


def has_furniture_cue(text: str) -> bool:
    """A short line that names its kind of furniture ("Share on Facebook", "© 2024 ...")."""
    return len(text.split()) <= 12 and removal_reason(text) in _STRONG_REASONS


@dataclass
class Finds:
    """What the rules found, and which lines they claim (index -> reason)."""

    claimed: dict[int, RemovedReason] = field(default_factory=dict)
    media: list[Media] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    title: str | None = None
    title_source: str | None = None
    published: str | None = None
    dated: list[tuple[int, bool, str]] = field(default_factory=list)  # line, update?, day
    authors_source: str | None = None


def _short(text: str, limit: int = _MAX_META_WORDS) -> bool:
    return len(text.split()) <= limit


def credit_of(text: str) -> str | None:
    """The credited name when the line is a photo credit, else None."""
    if not _short(text, 15):
        return None
    m = _CREDIT_LINE.match(text)
    if m:
        who = (m.group("who") or m.group("who2") or "").strip(" .;,")
        return who or None
    m = _AGENCY_LINE.match(text)
    if m:
        return m.group("who").strip(" .;,()")
    return None


def _caption_text(line: Line) -> str | None:
    """A caption prefix's text ("Above: ..."), else None."""
    m = _CAPTION_PREFIX.match(line.text)
    return m.group("text").strip() if m and _short(line.text, 80) else None


def _plausible_caption(line: Line, body_p: float) -> bool:
    n = len(line.text.split())
    return (
        4 <= n <= 80
        and credit_of(line.text) is None
        and not _PREV_NEXT.match(line.text)
        and not _BYLINE.match(line.text)
        and not _GALLERY_COUNTER.match(line.text)
        and (body_p < 0.99 or n <= 60)
    )


def find_media(lines: list[Line], body_p: list[float], finds: Finds) -> None:
    """Credits, and the captions next to them."""
    n = len(lines)
    for i, ln in enumerate(lines):
        if i in finds.claimed:
            continue
        credit = credit_of(ln.text)
        if credit is not None:
            finds.claimed[i] = "credit"
            caption = None
            # The caption sits right next to its credit: after it first, then before.
            for j, adjacent in ((i + 1, ln.blank_after == 0), (i - 1, ln.blank_before == 0)):
                if 0 <= j < n and j not in finds.claimed and adjacent:
                    text = _caption_text(lines[j])
                    if text is not None or _plausible_caption(lines[j], body_p[j]):
                        caption = text or lines[j].text
                        finds.claimed[j] = "caption"
                        break
            if caption is None:
                for j in (i - 1, i - 2, i + 1):
                    if 0 <= j < n and j not in finds.claimed:
                        text = _caption_text(lines[j])
                        if text is not None:
                            caption = text
                            finds.claimed[j] = "caption"
                            break
            finds.media.append(Media(kind="image", credit=credit, caption=caption))
            continue
        m = (
            _TRAILING_CREDIT.match(ln.text) or _CLOSING_CREDIT.match(ln.text)
            if _short(ln.text, 80)
            else None
        )
        # A bare agency in brackets also closes wire-copy sentences: trust the
        # classifier there unless the bracket says photo or credit.
        if m and (m.group("who") or body_p[i] < 0.5):
            finds.claimed[i] = "caption"
            who = (m.group("who") or m.groupdict().get("who2") or "").strip(" .;,")
            finds.media.append(Media(kind="image", credit=who, caption=m.group("caption").strip()))
    for i, ln in enumerate(lines):
        if i not in finds.claimed and (text := _caption_text(ln)) is not None and body_p[i] < 0.5:
            finds.claimed[i] = "caption"
            finds.media.append(Media(kind="image", credit=None, caption=text))


def find_related(lines: list[Line], body_p: list[float], finds: Finds) -> None:
    """Previous/next links (often run together with their titles), "Related: ..." lines,
    and the titles listed under a "Related articles"-style heading."""
    for i, ln in enumerate(lines):
        if i in finds.claimed or not _short(ln.text, 30):
            continue
        m = _PREV_NEXT.match(ln.text)
        if m and (m.group("kind") or (m.group("sep") and m.group("title"))):
            rel = "previous" if m.group("rel").lower() in ("previous", "prev", "older") else "next"
            title = m.group("title").strip()
            if not title and not m.group("plural") and i + 1 < len(lines):
                nxt = lines[i + 1].text
                if i + 1 not in finds.claimed and _looks_like_title(nxt):
                    title = nxt
                    finds.claimed[i + 1] = "related"
            finds.claimed[i] = "related"
            if len(title.split()) >= 2:
                finds.related.append(Related(rel=rel, title=title))
            continue
        m = _RELATED_PREFIX.match(ln.text)
        if m and len(m.group("title").split()) >= 3:
            finds.claimed[i] = "related"
            finds.related.append(Related(rel="related", title=m.group("title").strip()))
            continue
        if _RELATED_HEADING.match(ln.text) and body_p[i] < 0.5:
            finds.claimed[i] = "related"
            for j in range(i + 1, min(i + 1 + _MAX_LISTED, len(lines))):
                text = lines[j].text
                if j in finds.claimed or body_p[j] >= 0.5 or not _looks_like_title(text):
                    break
                finds.claimed[j] = "related"
                finds.related.append(Related(rel="related", title=text))


def _looks_like_title(text: str) -> bool:
    """A headline-shaped line: a few words, no closing full stop or colon."""
    n = len(text.split())
    return (
        4 <= n <= 25
        and not text.endswith((".", ":"))
        and not _PREV_NEXT.match(text)
        and not _RELATED_HEADING.match(text)
        and not _DATE_ONLY.match(text)
        and not _BYLINE.match(text)
        and not any(CUES[k].search(text) for k in ("footer", "cookie", "subscribe", "share", "ad"))
    )


def find_bylines(lines: list[Line], finds: Finds, first_body: int) -> None:
    """ "By ..." lines; only before the article or within its first lines."""
    for i, ln in enumerate(lines):
        if i in finds.claimed or not _short(ln.text, 15):
            continue
        if not _BYLINE.match(ln.text) or i > first_body + 3:
            continue
        authors = parse_byline(ln.text)
        finds.claimed[i] = "byline"
        finds.authors_source = finds.authors_source or "byline"
        known = {a.name for a in finds.authors}
        finds.authors.extend(a for a in authors if a.name not in known)


def bio_name(text: str) -> str | None:
    """The person a bio paragraph introduces ("Jane Doe is a reporter ..."), else None."""
    if not _short(text, 200):
        return None
    m = _BIO_START.match(text)
    if not m:
        return None
    name = m.group("name")
    toks = name.split()
    if any(t.lower() in _NOT_NAME or t.lower() in STOP_WORDS for t in toks):
        return None
    if not _BIO_CUE.search(text):
        return None
    # A person, not an outlet that "covers" things: a pronoun or a role noun.
    if not (_PRONOUN.search(text) or _ROLE.search(text)):
        return None
    return name


def find_bios(lines: list[Line], body: list[bool], finds: Finds) -> None:
    """Author bios: a paragraph after the article that introduces a person.

    The article's core ends at its last paragraph that is not bio-like. A
    bio-like paragraph after that counts when furniture separates it from the
    core, when the classifier already dropped it, or when it names an author
    found in a byline.
    """
    body_idx = [i for i, b in enumerate(body) if b and i not in finds.claimed]
    k = len(body_idx) - 1
    while k >= 0 and bio_name(lines[body_idx[k]].text):
        k -= 1
    if k < 0:
        return
    core_end = body_idx[k]
    known = {a.name: a for a in finds.authors}
    for i in range(core_end + 1, len(lines)):
        if i in finds.claimed:
            continue
        text = lines[i].text
        name = bio_name(text)
        if name is None:
            if _ABOUT_AUTHOR.match(lines[i - 1].text) and len(text.split()) >= 8:
                finds.claimed[i] = "bio"
                if finds.authors and finds.authors[0].bio is None:
                    finds.authors[0].bio = text
            continue
        separated = any(not body[j] for j in range(core_end + 1, i))
        if body[i] and not separated and name not in known:
            continue
        finds.claimed[i] = "bio"
        if name in known:
            if known[name].bio is None:
                known[name].bio = text
        else:
            known[name] = Author(name=name, bio=text)
            finds.authors.append(known[name])
            finds.authors_source = finds.authors_source or "text"


_STATEMENT_END = re.compile(r"[.!:;,]['\"”’)]*$")


def _headline_at_top(lines: list[Line], body: list[bool]) -> bool:
    """The first line is a headline set above the story, even where it reads like body:
    a short line, not a sentence, a blank line after it, then a paragraph of the story."""
    if len(lines) < 2 or not lines[0].blank_after or not body[1]:
        return False
    words = len(lines[0].text.split())
    return (
        2 <= words <= 20
        and not _STATEMENT_END.search(lines[0].text)
        and len(lines[1].text.split()) > words
        and bool(SENTENCE_END.search(lines[1].text))
    )


# A page's first line that is its navigation, not its title: a skip link, a menu.
_SITE_NAVIGATION = re.compile(
    r"^(?:(?:skip|jump) to\b.*|menu|home|search|sign in|log in|subscribe)$", re.I
)


def _headline_over_byline(
    lines: list[Line], body: list[bool], finds: Finds, first_body: int
) -> None:
    """The headline of a page whose first line is navigation: the headline-shaped line
    right above the byline or the date line."""
    for i in range(1, min(first_body, len(lines))):
        j = i - 1
        if (
            finds.claimed.get(i) in ("byline", "date")
            and j not in finds.claimed
            and not body[j]
            and _looks_like_title(lines[j].text)
        ):
            finds.title, finds.title_source = lines[j].text, "text"
            finds.claimed[j] = "title"
            return


def find_title(
    lines: list[Line], body: list[bool], finds: Finds, first_body: int, header: int
) -> None:
    """The headline: a short line before the article, or a headline-shaped one in its
    header (``header`` is where its prose begins), best matching the page title line."""
    if not lines:
        return
    page_title = lines[0].text
    if _SITE_NAVIGATION.match(page_title):
        _headline_over_byline(lines, body, finds, first_body)
        return
    stripped = without_site_suffix(page_title) if len(page_title.split()) <= 40 else ""
    ref = set(words_of(stripped))
    best, best_score = None, 0.0
    for i in range(0, min(header, len(lines))):
        if i in finds.claimed or (body[i] and not _looks_like_title(lines[i].text)):
            continue
        ws = words_of(lines[i].text)
        if not 2 <= len(ws) <= 30:
            continue
        score = len(ref & set(ws)) / max(len(ref | set(ws)), 1)
        if score > best_score or (score == best_score and best is not None and score > 0):
            best, best_score = i, score
    if best is not None and best_score >= 0.6 and best != 0:
        finds.title = lines[best].text
        finds.claimed[best] = "title"
        finds.claimed.setdefault(0, "title")
    elif len(ref) >= 3 and not body[0] and 0 not in finds.claimed:
        finds.title = stripped
        finds.claimed.setdefault(0, "title")
    elif 0 not in finds.claimed and _headline_at_top(lines, body):
        finds.title = lines[0].text
        finds.claimed[0] = "title"
    if finds.title:
        finds.title_source = "text"


_UPDATED = re.compile(r"\bupdated\b", re.I)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PROSE_WORDS = 12
_YEAR = re.compile(r"\d{4}|\d[/.]\d{1,2}[/.]\d{2}")


def _full_days(text: str) -> list:
    """The dates in the text that name a whole day, as the date finder reads them."""
    return [(f, v) for f, v in find_dates(text) if v and _DAY.match(v.value)]


def _first_day(text: str, days: list) -> tuple[bool, str]:
    """The first of the days, and whether an "Updated" before it marks it so."""
    f, v = days[0]
    return bool(_UPDATED.search(text[: f.start])), v.value[:10]


def _dated(text: str) -> tuple[bool, str] | None:
    """The first full day a line gives, and whether an "Updated" before it marks it so."""
    days = _full_days(text)
    return _first_day(text, days) if days else None


# What a date line may hold beside its date: a clock time, a zone, a weekday, a word
# of publishing ("Updated 1:39 am EST, Wednesday, November 20, 2019", "1 day ago").
_DATE_LINE_REST = re.compile(
    r"\b(?:updated|published|posted|modified|last|at|on|ago|an?|hours?|minutes?|mins?|"
    r"days?|[ap]\.?m\b\.?|gmt|utc|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)"
    r"(?:day)?\b\.?|(?-i:[A-Z]{2,4}))\b|\d{1,2}[:.]\d{2}|[-–—|/,.:+()\d\s]",
    re.I,
)


def _date_line(text: str) -> tuple[bool, str] | None:
    """What ``_dated`` says of a line that holds a date and nothing else (see
    ``_DATE_LINE_REST``); None for any other line."""
    if len(text.split()) > 14 or not _YEAR.search(text):
        return None  # a full day has its year: most lines of a page's top are skipped here
    days = _full_days(text)
    rest = text
    for f, _ in days:
        rest = rest[: f.start] + " " * (f.end - f.start) + rest[f.end :]
    return _first_day(text, days) if days and not _DATE_LINE_REST.sub("", rest) else None


def header_end(lines: list[Line], body: list[bool], first_body: int) -> int:
    """Where the article's header ends: its first paragraph of prose. A headline the
    classifier keeps, and the byline and date lines under it, come before."""
    return next(
        (
            i
            for i in range(first_body, len(lines))
            if body[i] and len(lines[i].text.split()) >= _PROSE_WORDS
        ),
        len(lines),
    )


def find_date_lines(lines: list[Line], finds: Finds, end: int) -> None:
    """The dated lines of the article's header: lines that are a date ("Published 3
    November 2024, 14:05 GMT") and bylines that give one ("Written by Jane Doe on
    November 14, 2019")."""
    for i in range(min(len(lines), end)):
        reason = finds.claimed.get(i)
        if reason == "byline":
            dated = _dated(lines[i].text)
        elif reason is None:
            dated = _date_line(lines[i].text)
        else:
            continue
        if dated is not None:
            finds.claimed.setdefault(i, "date")
            finds.dated.append((i, *dated))


def choose_published(finds: Finds) -> None:
    """Of the header's dated lines not marked as an update (else of all), the one nearest
    to the prose, as a masthead's date of today stands above the headline."""
    if finds.dated:
        finds.published = max(finds.dated, key=lambda d: (not d[1], d[0]))[2]


_HEADER_BYLINE_LINES = 3


def find_header_byline(lines: list[Line], finds: Finds, header: int) -> None:
    """A byline without "By" in the few lines under the headline: "Tom Krisher, AP Auto
    Writer", "Chris Davies - Nov 19, 2019, 10:31 pm CST", "Catherine Shu @catherineshu".
    Every name must be two or three words opening with a known given name, as the line
    has no other mark (a results list under a headline reads "Miguel Bernal North Diving")."""
    if finds.authors:
        return
    title = next(
        (i for i, r in finds.claimed.items() if r == "title" and lines[i].text == finds.title),
        None,
    )
    if title is None:
        return
    for i in range(title + 1, min(title + 1 + _HEADER_BYLINE_LINES, header, len(lines))):
        if i in finds.claimed:
            continue
        text = lines[i].text
        if not _short(text, 12):
            return
        if text.isupper() or dateline_at(text):  # "ANN ARBOR, Mich., March 18 - ..."
            continue
        authors = parse_byline(text)
        if authors and all(
            len(name := a.name.split()) <= 3 and is_given_name(name[0]) for a in authors
        ):
            finds.claimed[i] = "byline"
            finds.authors, finds.authors_source = authors, "byline"
            if (dated := _dated(text)) is not None:
                finds.dated.append((i, *dated))
            return


def find_metadata(lines: list[Line], body_p: list[float], threshold: float) -> Finds:
    """Run every rule over the classified lines."""
    finds = Finds()
    body = [p >= threshold for p in body_p]
    first_body = next((i for i, b in enumerate(body) if b), len(lines))
    find_related(lines, body_p, finds)
    find_media(lines, body_p, finds)
    find_bylines(lines, finds, first_body)
    find_bios(lines, body, finds)
    header = header_end(lines, body, first_body)
    find_date_lines(lines, finds, header)
    find_title(lines, body, finds, first_body, header)
    find_header_byline(lines, finds, header)
    choose_published(finds)
    return finds
