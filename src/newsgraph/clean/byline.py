"""Byline text -> authors, each name cleaned of its furniture.

A byline mixes names with prefixes ("By", "Written by"), roles ("Staff
Writer"), outlets ("For Daily Mail Australia", ", Reuters"), dates,
"Updated ..." stamps, e-mail addresses and handles. ``parse_byline`` keeps
only what reads as a person's name and returns ``[]`` whenever a piece of
the byline cannot be explained: no author is better than a wrong one.
"""

from __future__ import annotations

import re

from newsgraph.lexicon.agencies import NEWS_AGENCY_WORDS
from newsgraph.record import Author

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
_TZ = r"gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|aest|aedt|ist|jst|et|pt"
# One token of a date or time stamp; a run of them is removed from the byline.
_DATE_TOKEN = (
    rf"(?:(?:{_MONTHS})\.?|(?:{_WEEKDAYS})\.?|\d{{1,4}}(?:st|nd|rd|th)?|"
    rf"\d{{1,2}}:\d{{2}}(?::\d{{2}})?|[ap]\.?m\.?|(?:{_TZ})|"
    r"\d{4}-\d{2}-\d{2}(?:t[\d:.+z-]*)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|"
    r"ago|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|yesterday|today)"
)
_DATE_RUN = re.compile(
    rf"(?:\b(?:on|at)\s+)?\b{_DATE_TOKEN}\b(?:[\s,./:-]*\b{_DATE_TOKEN}\b)*", re.IGNORECASE
)
_STAMP = re.compile(
    r"\b(?:last\s+)?(?:updated|published|posted(?=\s+(?:on|at|\d))|modified|created|"
    r"first\s+published|date)\b\s*:?|\b\d+\s*(?:-\s*)?min(?:ute)?s?\s+read\b|\bread\s+time\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w{1,30}")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMPTY_PARENS = re.compile(r"\(\s*[,;:|]*\s*\)|\[\s*\]")
# "Jane Doe. Sputnik International": a full stop after a word (not an initial) ends a sentence
_SENTENCE_SEP = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=[^\W\d_])")
_CHUNK_SEP = re.compile(r"\s*(?:[|•·;\n\t/]|\s[-–—]\s)\s*")
_PREFIX = re.compile(
    r"^(?:(?:written|words|story|text|report|reported|reporting|posted|compiled|"
    r"additional\s+reporting|interview|analysis|opinion|commentary|perspective)\s+)?by\b"
    r"\s*:?\s*|^(?:authors?|reporters?|writers?|von|par|por|text|texto|texte|autor|auteur|"
    r"текст|автор)\s*:\s*|^(?:von|par|por|بقلم|كتب)\s+",
    re.IGNORECASE,
)
# Chunks credited to someone who is not an author of the text.
_NOT_AUTHOR = re.compile(
    r"^(?:edit(?:ed|ing)|photos?|photographs?|photography|pictures?|images?|video|graphics?|"
    r"illustrations?|design|produced|production|fact-?checked|translated|translation)"
    r"(?:\s+\w+)?\s+by\b",
    re.IGNORECASE,
)
_FOR = re.compile(r"\s+(?:for|at|special\s+to|of)\s+(?=(?:the\s+)?[A-Z0-9])", re.IGNORECASE)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*$")
_BIO_START = re.compile(
    r"\s+(?:is|was|has|covers|writes|reports|joined|lives|works)\s+.*$", re.IGNORECASE
)
_AND = re.compile(r"\s+(?:and|&|und|et|y)\s+|\s*&\s*", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|miss|sir|dame|rev)\.?\s+", re.IGNORECASE)

_PARTICLES = frozenset(
    "de da del della dei der den van von ter ten le la du dos das di bin ibn al el y e st.".split()
)
_ROLE_WORDS = frozenset(
    """writer writers reporter reporters correspondent correspondents editor editors
    contributor contributors columnist columnists journalist journalists photographer
    photographers producer producers analyst staff desk team intern fellow critic
    commentator blogger host anchor presenter author authors chief director manager founder
    publisher newsroom editorial admin administrator agencies agency wires wire""".split()
)
# degrees and licences written after a name ("Rachael Link, MS, RD")
_CREDENTIALS = frozenset(
    """ms ma msc mba md phd mph rd rdn ld rn np pa cpt cscs lcsw lpc psyd dds dmd dvm jd esq
    cde cdces ibclc facs faap""".split()
)
_OUTLET_WORDS = NEWS_AGENCY_WORDS | frozenset(
    """press news times post daily journal herald tribune telegraph guardian gazette
    chronicle observer independent express mail mirror star standard online
    magazine radio tv television network media wire service services agency
    bbc cnn cnbc npr pbs abc cbs nbc fox insider weekly monthly associated international
    today leader register dispatch bulletin courier sentinel inquirer examiner advertiser
    globe the""".split()
)
# Words of a page's controls ("More From ...", "See All", "Follow ..."), never of a name.
_UI_WORDS = frozenset(
    """more all see view follow stories articles posts share subscribe contact email login
    logout menu search comments print previous related newsletter""".split()
)
_NAME_TOKEN = re.compile(
    r"^(?:[^\W\d_][\w'’.-]*|(?:al|el|ad|ibn|bin|abu|de|di|d|o|mc)[-'’][^\W\d_][\w'’.-]*)$"
)
_MAX_BYLINE = 400


def _drop_date(m: re.Match) -> str:
    """A date run only counts as a date with a digit or a relative word in it ("Sun", "May")."""
    run = m.group(0)
    if re.search(r"\d|\b(?:ago|yesterday)\b", run, re.IGNORECASE):
        return " | "
    return run


def _scrub(text: str) -> str:
    """Remove e-mails, handles, links, date stamps and dates."""
    text = _EMAIL.sub(" | ", text)
    text = _URL.sub(" | ", text)
    text = _HANDLE.sub(" ", text)
    text = _STAMP.sub(" | ", text)
    text = _DATE_RUN.sub(_drop_date, text)
    text = _EMPTY_PARENS.sub(" ", text)
    return text


def _words(part: str) -> list[str]:
    return [w for w in re.split(r"\s+", part.strip(" \t,.:;-–—()[]\"'")) if w]


def _is_role(part: str) -> bool:
    words = [w.lower().strip(".,") for w in re.split(r"[\s-]+", part) if w.strip(".,")]
    return bool(words) and any(w in _ROLE_WORDS for w in words)


def _is_credential(part: str) -> bool:
    words = [w.lower().replace(".", "") for w in _words(part)]
    return bool(words) and all(w in _CREDENTIALS for w in words)


def _is_outlet(part: str) -> bool:
    words = _words(part)
    if not words or len(words) > 6:
        return False
    if not all(
        w[0].isupper() or w[0].isdigit() or w.lower() in {"the", "of", "and", "&"} for w in words
    ):
        return False
    lowered = {w.lower().strip(".,'’") for w in words}
    if lowered & _OUTLET_WORDS or any("." in w and len(w) > 3 for w in words):
        return True
    # A lone capitalised word is not a person's full name: read it as an outlet.
    return len(words) == 1 and len(words[0]) >= 2


def _clean_name(part: str) -> str | None:
    """The part as a person's name, or None when it does not read as one."""
    part = _HONORIFIC.sub("", part.strip(" \t,.:;-–—()[]\"'"))
    words = _words(part)
    if not words or len(words) > 5 or len(part) > 60:
        return None
    caseless = all(not any(c.isupper() or c.islower() for c in w) for w in words)
    if caseless:  # scripts without case (CJK, Arabic): accept short names as written
        return (
            " ".join(words)
            if len(words) <= 4 and all(c.isalpha() for c in "".join(words))
            else None
        )
    if len(words) < 2:
        return None
    if all(w.isupper() for w in words if any(c.isalpha() for c in w)):
        words = [w if len(w.strip(".")) == 1 else w.title() for w in words]
    for i, word in enumerate(words):
        low = word.lower()
        if not _NAME_TOKEN.match(word):
            return None
        if low in _PARTICLES:
            # "Maria da" is cut short, but a capital at the end is a surname ("Rohan Das")
            if i == 0 or (i == len(words) - 1 and not word[0].isupper()):
                return None
            continue
        if not word[0].isupper() and not re.match(r"^(?:al|el|ad|ibn|bin|abu|de|di)[-'’]", word):
            return None
        if low.strip(".,") in _ROLE_WORDS | _OUTLET_WORDS | _UI_WORDS:
            return None
    return " ".join(words)


def _names_and_outlet(chunk: str) -> tuple[list[str], str | None] | None:
    """Names and outlet in one chunk of a byline; None if some piece is unexplained."""
    outlet = None
    m = _FOR.search(chunk)
    if m:
        tail = chunk[m.end() :].strip(" ,.")
        tail_parts = [p for p in tail.split(",") if p.strip()]
        if tail_parts and _is_outlet(tail_parts[0]):
            outlet = tail_parts[0].strip()
            chunk = chunk[: m.start()] + "," + ",".join(tail_parts[1:])
    chunk = _BIO_START.sub("", chunk)
    chunk = _IN_PLACE.sub("", chunk)
    paren = re.search(r"\(([^()]*)\)", chunk)
    if paren:
        if outlet is None and _is_outlet(paren.group(1)):
            outlet = paren.group(1).strip()
        chunk = chunk[: paren.start()] + chunk[paren.end() :]
    names: list[str] = []
    parts = [p.strip() for p in chunk.split(",")]
    parts = [p for p in parts if p.strip(" .:-")]
    for i, part in enumerate(parts):
        pieces = [p for p in _AND.split(part) if p.strip()]
        cleaned = [_clean_name(p) for p in pieces]
        if pieces and all(cleaned):
            names.extend(c for c in cleaned if c)
        elif _is_role(part) or (i > 0 and _is_credential(part)):
            continue
        elif i > 0 and outlet is None and _is_outlet(part):
            outlet = part.strip(" .")
        else:
            return None
    return names, outlet


def lone_name(text: str) -> str | None:
    """A single given name ("Regan") as written, or None for a handle, a role or a site."""
    text = text.strip()
    if re.fullmatch(r"[^\W\d_]{3,20}", text) and text[0].isupper() and text[1:].islower():
        low = text.lower()
        return None if low in _ROLE_WORDS | _OUTLET_WORDS | _UI_WORDS else text
    return None


def parse_byline(text: str) -> list[Author]:
    """Authors named in a byline, cleaned of prefixes, roles, outlets and dates.

    Args:
        text: a byline as found on a page, e.g. "By Levi Parsons For Daily
            Mail Australia" or "By Jane Doe and John Roe, Reuters | Updated 2h ago".

    Returns:
        One ``Author`` per person (``outlet`` set when the byline names one),
        or ``[]`` when the text does not read as a byline.

    Example:
        >>> [a.name for a in parse_byline("By Jane Doe and John Roe, Reuters")]
        ['Jane Doe', 'John Roe']
    """
    if not text or len(text) > _MAX_BYLINE:
        return []
    text = re.sub(r"[\u00a0\u2009\u202f]", " ", text)
    sentences = _SENTENCE_SEP.split(_scrub(text))
    chunks = [c.strip(" ,.:") for c in _CHUNK_SEP.split(sentences[0])]
    # later sentences name an outlet or a further "By ..." credit; other prose is a bio
    for sentence in sentences[1:]:
        sentence = sentence.strip(" ,.:")
        if _PREFIX.match(sentence) or (_is_outlet(sentence) and _clean_name(sentence) is None):
            chunks.extend(c.strip(" ,.:") for c in _CHUNK_SEP.split(sentence))
    chunks = [c for c in chunks if c]
    authors: list[Author] = []
    trailing_outlet = None
    for chunk in chunks:
        if _NOT_AUTHOR.match(chunk):
            continue
        prefixed = bool(_PREFIX.match(chunk))
        body = _PREFIX.sub("", chunk).strip(" ,.:")
        if not body:
            continue
        if (
            authors
            and not prefixed
            and trailing_outlet is None
            and _is_outlet(body)
            and _clean_name(body) is None
        ):
            trailing_outlet = body
            continue
        parsed = _names_and_outlet(body)
        if parsed is None:
            if not authors:
                return []
            continue
        names, outlet = parsed
        for name in names:
            if all(a.name != name for a in authors):
                authors.append(Author(name=name, outlet=outlet))
    if trailing_outlet:
        for author in authors:
            author.outlet = author.outlet or trailing_outlet
    return authors
