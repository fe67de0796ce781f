"""Words that date expressions are made of, as regex alternations and lookup tables."""

from __future__ import annotations

import re
import string

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
SEASON_WORDS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "tonight": "NI",
}  # fmt: skip
HOLIDAYS = (
    "new year's day", "new year's eve", "valentine's day", "independence day", "halloween",
    "christmas eve", "christmas day", "christmas", "boxing day", "veterans day",
    "bastille day", "easter sunday", "easter", "good friday", "thanksgiving day",
    "thanksgiving", "memorial day", "labor day", "election day",
)  # fmt: skip

# Units: word -> (TimeML letter, multiplier); the letter decides PnX vs PTnX.
UNITS = {
    "second": ("S", 1), "minute": ("MIN", 1), "hour": ("H", 1), "day": ("D", 1),
    "night": ("D", 1), "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1),
    "quarter": ("Q", 1), "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100),
    "centurie": ("Y", 100), "millennium": ("L", 1), "millennia": ("L", 1),
}  # fmt: skip

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
    "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31, "last": -1, "final": -1,
}  # fmt: skip
VAGUE_COUNT = ("a few", "few", "several", "some", "many", "a couple of", "a couple", "couple of")


def alt(words) -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


_MONTH_FULL = [w for w in MONTHS if len(w) > 3 or w == "may"]
_MONTH_ABBR = [w for w in MONTHS if len(w) <= 4 and w != "may" and w != "june" and w != "july"]
MONTH = rf"(?:{alt(_MONTH_FULL)}|{alt(_MONTH_ABBR)}\.?)(?![a-z])"
WEEKDAY_FULL = alt(w for w in WEEKDAYS if len(w) > 4)
WEEKDAY = rf"(?:{WEEKDAY_FULL}|{alt(w for w in WEEKDAYS if len(w) <= 4)}\.)"
SEASON = alt(SEASON_WORDS)
PART_OF_DAY = alt(("morning", "afternoon", "evening", "night"))
HOLIDAY = alt(HOLIDAYS)
_NUM_WORD = alt(list(ONES) + list(TENS))
_TENS_WORD = alt(TENS)
_ONES_WORD = alt(ONES)
NUMBER = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{_TENS_WORD}(?:[\s-]{_ONES_WORD})?(?:\s+and\s+a\s+half)?"
    rf"|{_NUM_WORD}(?:\s+and\s+a\s+half)?(?:\s+(?:hundred|thousand))?|a\s+hundred|a\s+thousand|an?|a\s+half)"
)
VAGUE_NUMBER = alt(VAGUE_COUNT)
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))"
ORDINAL_DAY = r"(?:[0-3]?\d(?:st|nd|rd|th)?)"
ORDINAL_WORD = alt(k for k in ORDINALS if k not in ("last", "final"))


def parse_number(text: str) -> float | None:
    """A cardinal written in digits or English words ("twenty four", "5 1/2", "a"), or None."""
    t = re.sub(r"\s+", " ", text.strip().lower()).replace("-", " ")
    half = 0.0
    if t.endswith(" 1/2"):
        t, half = t[:-4], 0.5
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t in ("a", "an"):
        return 1 + half
    if t == "a half":
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half
    total = 0
    current = 0
    for word in t.split():
        if word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word in ("a", "and"):
            continue
        else:
            return None
    return total + current + half


def spoken_year(text: str) -> int | None:
    """A year said in words: "nineteen ninety-six", "two thousand", "two thousand one"."""
    t = re.sub(r"\s+", " ", text.strip().lower()).replace("-", " ")
    words = t.split()
    if not words:
        return None
    if words[0] in ("nineteen", "eighteen", "twenty") and len(words) > 1 and words[1] != "thousand":
        rest = parse_number(" ".join(words[1:]))
        century = ONES.get(words[0]) or TENS[words[0]]
        if rest is not None and 10 <= rest < 100 and rest == int(rest):
            return century * 100 + int(rest)
        return None
    value = parse_number(t)
    if value is not None and 1000 <= value <= 2999 and "thousand" in words:
        return int(value)
    return None


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def lower_ascii(text: str) -> str:
    """Text with A-Z lowered and nothing else changed, so offsets stay valid."""
    return text.translate(_ASCII_LOWER)
