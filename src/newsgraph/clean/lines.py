"""Split scraped text into lines and describe each one with numbers.

The features are meant to hold on any site: the shape of a line (length,
sentence punctuation, stop words, capitals), a few generic boilerplate cue
words, where the line sits on the page, how often it repeats (menus come
twice), the shape of its neighbours and how far it is from the page's densest
run of prose. Nothing here names a site or a page.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

# Lines longer than this are measured on their first part only; the features
# are ratios, so nothing is lost, and no regex sees an unbounded string.
_MEASURE_CHARS = 5000

STOP_WORDS = frozenset(
    """a about after all also an and any are as at be been but by can could did do does
    for from had has have he her his how i if in into is it its just like may more most
    no not of on one only or other our out over said says she so some such than that
    the their them then there these they this those to up was we were what when where
    which while who will with would you your""".split()
)

# Function words of a few other languages written with spaces: prose in any of
# them has many, menus and buttons have few. English words come from STOP_WORDS.
_FOREIGN_FUNCTION_WORDS = frozenset(
    """de la el en y los las del por con para una un que se su al lo como más pero sus es
    le les des et du une est pas dans qui sur au avec ce il ne sont pour ou aux
    der die das und ist nicht ein eine den dem mit sich auf für von zu im auch wie
    o os as do da dos das em no na um uma com não mais ao pelo pela foi são
    il di che è per non una sono gli nel della alla het een van ook niet zijn dat""".split()
)
FUNCTION_WORDS = STOP_WORDS | _FOREIGN_FUNCTION_WORDS
# Scripts written without spaces: each character is roughly half a word, and
# these characters play the part of function words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_FUNCTION = frozenset("のにはをがでとたしてもないるか的了是在和有也不这我他们之与而")

# Generic boilerplate cues, one group per kind of furniture.
CUES: dict[str, re.Pattern[str]] = {
    "share": re.compile(
        r"\b(share|shares|shared|tweet|whatsapp|facebook|twitter|linkedin|pinterest|"
        r"reddit|telegram|email this|print this|copy link|pin it)\b",
        re.I,
    ),
    "ad": re.compile(
        r"\b(advertisement|advertising|advertise|sponsored|promoted|ad choices)\b", re.I
    ),
    "subscribe": re.compile(
        r"\b(subscribe|subscription|subscriber|newsletters?|sign up|signup|inbox|"
        r"log ?in|sign ?in|register|membership|premium)\b",
        re.I,
    ),
    "cookie": re.compile(r"\b(cookies?|consent|gdpr|privacy|accept all|preferences)\b", re.I),
    "comments": re.compile(r"\b(comments?|commenting|reply|replies|discussion|disqus)\b", re.I),
    "footer": re.compile(
        r"(©|\bcopyright\b|\ball rights reserved\b|\bterms of (use|service)\b|\bcontact us\b|"
        r"\babout us\b|\bsitemap\b|\bcareers\b|\bprivacy (policy|notice|statement)\b)",
        re.I,
    ),
    "navigation": re.compile(
        r"\b(home|menu|search|previous|next|prev|more|related|read more|recommended|"
        r"trending|popular|latest|topics?|tags?|categor(y|ies)|skip to|back to top|"
        r"see also|you may also like|most read|view all|show more|load more)\b",
        re.I,
    ),
    "credit": re.compile(
        r"\b(photo|photos|photograph|image|images|picture|credit|courtesy|getty|reuters|"
        r"afp|shutterstock|file photo|caption|video|illustration)\b",
        re.I,
    ),
}

_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
    r"sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)"
)
_DATE = re.compile(
    rf"(\b{_MONTH}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\s*(am|pm)?\b|\b(updated|published)\b|"
    r"\b\d+\s+(minutes?|hours?|days?|weeks?)\s+ago\b)",
    re.I,
)
# A line ending a sentence, in Latin, CJK and Arabic scripts, closing quotes or brackets
# after it: the one test the cleaning rules share (the classifier's features keep their own).
SENTENCE_END = re.compile(r"[.!?。！？؟]['\"”’»)\]]*$")
_SENT_END = re.compile(r"[.!?…。！？][\"”’')\]」』）]*$")
_SENT_MARK = re.compile(r"[.!?][\"”’')\]]*\s+[\"“‘(]?[A-Z0-9]|[。！？]")
_LINKISH = re.compile(r"(https?://|www\.|\.(com|org|net|co\.uk)\b|@\w)", re.I)
_SEPARATORS = re.compile(r"[|»›•·►▶«‹]")
_TITLE_SEP = re.compile(r"\s[|\-–—:]\s")
_BYLINE = re.compile(r"^(by|written by|posted by|words by|author:)\s", re.I)
_COMMENT_MARK = re.compile(
    r"(\b\d+\s+(comments?|responses?|replies|reactions)\b|^(reader )?comments?\s*(\(\d+\))?:?$|"
    r"^(leave|post|add|write) a (reply|comment)|^join the (discussion|conversation)|"
    r"\b(says|said|wrote|writes):$|^reply$|^\d+\s+(votes?|likes?|points?)$)",
    re.I,
)
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[^\w\s]")

# Case-insensitive matching is slow in ``re``: the features match these
# lower-case twins against the lower-cased line instead (same answers).
_CUES_LOWER = tuple(re.compile(p.pattern) for p in CUES.values())
_DATE_LOWER = re.compile(_DATE.pattern)
_LINKISH_LOWER = re.compile(_LINKISH.pattern)

BASE_FEATURES = (
    "log_chars",
    "log_words",
    "mean_word_len",
    "ends_sentence",
    "ends_colon",
    "log_sentences",
    "stop_ratio",
    "cap_ratio",
    "all_caps",
    "digit_ratio",
    "punct_ratio",
    "comma_ratio",
    "linkish",
    "separators",
    *(f"cue_{name}" for name in CUES),
    "date_like",
    "byline_like",
    "starts_lower",
    "starts_quote",
    "title_sep",
    "question",
)
_NEIGHBOUR_FEATURES = (
    "log_words",
    "ends_sentence",
    "stop_ratio",
    "cap_ratio",
    "blank_before",
    "cue_any",
)
_NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)
PAGE_FEATURES = (
    "position",
    "char_position",
    "blank_before",
    "blank_after",
    "repeats",
    "words_vs_max",
    "in_dense_region",
    "dense_distance",
    "dense_distance_rel",
    "before_dense",
    "prose_window_3",
    "prose_window_10",
    "title_overlap",
    "cue_any",
    "after_headline",
    "headline_distance",
    "after_comment_mark",
    "comment_mark_distance",
)
FEATURE_NAMES = (
    *BASE_FEATURES,
    *PAGE_FEATURES,
    *(f"{name}@{off:+d}" for off in _NEIGHBOUR_OFFSETS for name in _NEIGHBOUR_FEATURES),
)


@dataclass(frozen=True)
class Line:
    """One non-empty line of the input, stripped, with the blank lines around it."""

    text: str
    blank_before: int
    blank_after: int


def split_lines(text: str) -> list[Line]:
    """Non-empty stripped lines, each with the count of blank lines before and after."""
    raw = text.splitlines()
    out: list[Line] = []
    blanks = 0
    pending: list[tuple[str, int]] = []
    for r in raw:
        s = r.strip()
        if not s:
            blanks += 1
            continue
        pending.append((s, blanks))
        blanks = 0
    for i, (s, before) in enumerate(pending):
        after = pending[i + 1][1] if i + 1 < len(pending) else blanks
        out.append(Line(s, before, after))
    return out


def words_of(text: str) -> list[str]:
    """Lower-cased word tokens, as the score counts them."""
    return _WORD.findall(text.lower())


def word_count(text: str) -> float:
    """Whitespace words, with each character of a spaceless script as half a word."""
    s = text[:_MEASURE_CHARS]
    n = len(s.split())
    if len(text) > _MEASURE_CHARS:
        n = len(text.split())
    cjk = len(_CJK.findall(s))
    return n + cjk / 2 if cjk else float(n)


def _base(text: str) -> list[float]:
    s = text[:_MEASURE_CHARS]
    toks = s.split()
    cjk = _CJK.findall(s)
    n_words = word_count(text)
    n = max(len(toks) + len(cjk) / 2, 1)
    alpha = [t for t in toks if t[:1].isalpha() and not _CJK.match(t)]
    n_alpha = max(len(alpha), 1)
    function = sum(
        t in FUNCTION_WORDS for t in (x.strip(".,;:!?\"'()[]“”‘’").lower() for x in toks)
    )
    function += sum(c in _CJK_FUNCTION for c in cjk)
    low = s.lower()
    letters = len(_LETTER.findall(s))
    digits = len(_DIGIT.findall(s))
    punct = len(_PUNCT.findall(s))
    feats = [
        math.log1p(len(text)),
        math.log1p(n_words),
        min(len(s) / n, 20.0),
        1.0 if _SENT_END.search(s) else 0.0,
        1.0 if s.endswith(":") else 0.0,
        math.log1p(len(_SENT_MARK.findall(s)) + (1 if _SENT_END.search(s) else 0)),
        min(function / n, 1.0),
        sum(t[0].isupper() for t in alpha) / n_alpha,
        1.0 if letters >= 2 and s.upper() == s else 0.0,
        digits / max(len(s), 1),
        punct / max(len(s), 1),
        s.count(",") / n,
        1.0 if _LINKISH_LOWER.search(low) else 0.0,
        1.0 if _SEPARATORS.search(s) else 0.0,
        *(1.0 if pat.search(low) else 0.0 for pat in _CUES_LOWER),
        1.0 if _DATE_LOWER.search(low) else 0.0,
        1.0 if _BYLINE.match(s) else 0.0,
        1.0 if s[:1].islower() else 0.0,
        1.0 if s[:1] in "\"“‘'" else 0.0,
        1.0 if _TITLE_SEP.search(s) else 0.0,
        1.0 if s.rstrip("\"”’')").endswith("?") else 0.0,
    ]
    return feats


def _prose_score(words: int, ends_sentence: float, stop_ratio: float) -> float:
    """Positive for a line that reads like prose, negative for furniture."""
    if words >= 8 and ends_sentence and stop_ratio >= 0.15:
        return float(words)
    if words >= 15 and stop_ratio >= 0.2:
        return float(words) * 0.5
    return -3.0 - min(words, 10) * 0.3


def _densest_region(scores: list[float]) -> tuple[int, int]:
    """Start and end (inclusive) of the maximum-sum run of lines (Kadane)."""
    best, best_span = -math.inf, (0, -1)
    cur, start = 0.0, 0
    for i, v in enumerate(scores):
        if cur <= 0:
            cur, start = v, i
        else:
            cur += v
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def _headline(lines: list[Line]) -> int:
    """Index of the line repeating the page title (the first line), or -1.

    Scraped pages open with the document title, "Headline | Site"; the
    headline itself comes again just above the article.
    """
    first = words_of(lines[0].text[:_MEASURE_CHARS])
    if len(first) < 2 or len(first) > 60:
        return -1
    ref = set(first)
    best, best_score = -1, 0.0
    for i in range(1, len(lines)):
        ln = lines[i].text
        if len(ln) > 400:
            continue
        ws = set(words_of(ln))
        if len(ws) < 2:
            continue
        score = len(ref & ws) / len(ws) * min(1.0, 2 * len(ref & ws) / len(ref))
        if score > best_score:
            best, best_score = i, score
    return best if best_score >= 0.5 else -1


def line_features(lines: list[Line]) -> np.ndarray:
    """One row of ``FEATURE_NAMES`` per line."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    idx = {name: i for i, name in enumerate(BASE_FEATURES)}
    base = np.array([_base(ln.text) for ln in lines], dtype=float)
    words = np.array([word_count(ln.text) for ln in lines], dtype=float)
    chars = np.array([len(ln.text) for ln in lines], dtype=float)
    counts = Counter(ln.text for ln in lines)
    cue_cols = [idx[f"cue_{name}"] for name in CUES]
    cue_any = base[:, cue_cols].max(axis=1)

    prose = [
        _prose_score(int(w), e, st)
        for w, e, st in zip(
            words, base[:, idx["ends_sentence"]], base[:, idx["stop_ratio"]], strict=True
        )
    ]
    a, b = _densest_region(prose)
    pos = np.arange(n, dtype=float)
    dist = np.where(pos < a, a - pos, np.where(pos > b, pos - b, 0.0))
    prose_words = np.array([w if p > 0 else 0.0 for w, p in zip(words, prose, strict=True)])
    csum = np.concatenate([[0.0], np.cumsum(prose_words)])
    wsum = np.concatenate([[0.0], np.cumsum(words)])

    def window(k: int) -> np.ndarray:
        lo = np.clip(pos - k, 0, n).astype(int)
        hi = np.clip(pos + k + 1, 0, n).astype(int)
        return (csum[hi] - csum[lo]) / np.maximum(wsum[hi] - wsum[lo], 1.0)

    first = set(words_of(lines[0].text[:_MEASURE_CHARS]))
    overlap = [
        len(first & set(ws)) / max(len(set(ws)), 1) if ws else 0.0
        for ws in (words_of(ln.text[:_MEASURE_CHARS]) for ln in lines)
    ]
    overlap[0] = 0.0
    head = _headline(lines)
    if head < 0:
        after_head = np.zeros(n)
        head_dist = np.full(n, -1.0)
    else:
        after_head = np.where(pos > head, 1.0, np.where(pos == head, 0.5, 0.0))
        head_dist = np.log1p(np.abs(pos - head))
    marks = np.array([bool(_COMMENT_MARK.search(ln.text[:300])) for ln in lines])
    # Only marks after the first prose line count: a menu's "Comments" link does not.
    first_prose = next((i for i, v in enumerate(prose) if v > 0), n)
    marks[: max(first_prose, head + 1)] = False
    seen = np.maximum.accumulate(np.where(marks, pos, -1.0))
    cum_chars = np.concatenate([[0.0], np.cumsum(chars)])[:-1]
    blank_before = np.array([min(ln.blank_before, 3) for ln in lines], dtype=float)
    page = np.column_stack(
        [
            pos / max(n - 1, 1),
            cum_chars / max(chars.sum(), 1.0),
            blank_before,
            np.array([min(ln.blank_after, 3) for ln in lines], dtype=float),
            np.log1p(np.array([counts[ln.text] - 1 for ln in lines], dtype=float)),
            words / max(words.max(), 1.0),
            (dist == 0).astype(float),
            np.log1p(dist),
            dist / max(n, 1),
            (pos < a).astype(float),
            window(3),
            window(10),
            np.array(overlap),
            cue_any,
            after_head,
            head_dist,
            (seen >= 0).astype(float),
            np.where(seen >= 0, np.log1p(pos - seen), -1.0),
        ]
    )
    neigh_src = np.column_stack(
        [
            base[:, idx["log_words"]],
            base[:, idx["ends_sentence"]],
            base[:, idx["stop_ratio"]],
            base[:, idx["cap_ratio"]],
            blank_before,
            cue_any,
        ]
    )
    # Off-page neighbours read as -1 so that "no line" differs from "a short line".
    pad = np.full((3, neigh_src.shape[1]), -1.0)
    padded = np.vstack([pad, neigh_src, pad])
    neigh = [padded[3 + off : 3 + off + n] for off in _NEIGHBOUR_OFFSETS]
    return np.hstack([base, page, *neigh])
