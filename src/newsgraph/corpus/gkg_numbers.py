"""Numbers the body states, for GKG's V2.1AMOUNTS and V1/V2.1COUNTS columns.

Read from the stored body with patterns, not the parse: an export has the
record, not the spaCy Doc, and re-parsing every article would cost as much as
the ingest. What is read:

- an amount is a number (digits, "1.5 million", "twelve", "$3 billion",
  "40%") with the lowercase words naming what it counts ("12 people",
  "3 new schools"); a number followed by a capital ("7 October") or by nothing
  countable is not one, nor a year-like number with a singular object
  ("2023 election");
- a count is such an amount that a verb of GDELT's count types acts on, in
  the active ("killed 12 people", "wounding at least 30 civilians") or the
  passive voice ("12 people were killed", "30 civilians died"), or protesters
  counted ("5,000 protesters"): KILL, WOUND, ARREST, KIDNAP, AFFECT, PROTEST.

Negation and hedges ("did not kill 12", "may have killed") are not read:
the counts are what the words state, as GDELT's own counts are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_WORD_NUMBERS |= {"ninety": 90, "hundred": 100, "dozen": 12}
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALE |= {"trillion": 1_000_000_000_000}
_CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros"}

# Words that end an object: function words, and verbs that follow a subject.
_STOP = set(
    """a an the of in on at to for from by with and or but as than that which who whom whose
    were was is are be been being have has had will would could should may might can do does
    did not no more less over under about into onto per each every this these those its their
    his her our your my it they he she we you i there here when where while after before
    since until during against between among killed died wounded injured arrested detained
    kidnapped abducted displaced evacuated dead said says say""".split()
)
_MONTHS = set(
    "january february march april may june july august september october november december".split()
)

_NUMBER = (
    r"(?P<cur>[$£€]\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
    + r")(?![\w:])"
    r"(?:\s(?P<scale>" + "|".join(_SCALE) + r"))?"
    r"(?:\s?(?P<pct>%|percent\b|per cent\b))?"
)
_AMOUNT = re.compile(
    r"(?<![\w.,:/$£€-])" + _NUMBER + r"(?P<obj>(?:\s+[a-z][a-z-]*){0,2})", re.IGNORECASE
)

_ACTIVE = {
    "KILL": "kill|kills|killed|killing|murder|murdered|murdering|massacred|executed|executing",
    "WOUND": "wound|wounded|wounding|injure|injured|injuring",
    "ARREST": "arrest|arrested|arresting|detain|detained|detaining|jailed",
    "KIDNAP": "kidnap|kidnapped|kidnapping|abduct|abducted|abducting",
    "AFFECT": "displace|displaced|displacing|evacuate|evacuated|evacuating|affected|affecting",
}
_PASSIVE = {
    "KILL": "killed|murdered|executed|massacred|died|dead|perished",
    "WOUND": "wounded|injured|hurt",
    "ARREST": "arrested|detained|jailed",
    "KIDNAP": "kidnapped|abducted",
    "AFFECT": "displaced|evacuated|stranded|affected|homeless",
}
_HEDGE = r"(?:(?:at least|more than|nearly|almost|about|around|some|up to|over|another)\s+)?"
_ACTIVE_RE = re.compile(
    r"\b(?P<verb>" + "|".join(_ACTIVE.values()) + r")\s+" + _HEDGE + r"$", re.IGNORECASE
)
_PASSIVE_RE = re.compile(
    r"^\s+(?:(?:were|was|are|is|have been|has been|had been|being)\s+)?(?:\w+ly\s+)?"
    r"(?P<verb>" + "|".join(_PASSIVE.values()) + r")\b",
    re.IGNORECASE,
)
_PLURALS = {"people", "men", "women", "children", "police", "personnel", "staff", "cattle"}
_PROTESTERS = {"protesters", "protestors", "demonstrators", "marchers"}
_LOOK = 40  # characters either side of an amount searched for its verb


@dataclass(frozen=True)
class Amount:
    """A number the text states, with the words for what it counts and its offset."""

    value: float
    object: str
    offset: int
    end: int  # end of the object, where a passive verb may follow


@dataclass(frozen=True)
class Count:
    kind: str  # KILL, WOUND, ARREST, KIDNAP, AFFECT, PROTEST
    value: float
    object: str
    offset: int


def _value(match: re.Match) -> float:
    text = match["num"].lower()
    value = float(_WORD_NUMBERS[text]) if text in _WORD_NUMBERS else float(text.replace(",", ""))
    return value * _SCALE.get((match["scale"] or "").lower(), 1)


def _object(match: re.Match) -> tuple[str, int]:
    """The lowercase words after the number, up to a function word or through a plural
    noun, and where they end."""
    words, end = [], match.end("obj") - len(match["obj"])
    for word in re.finditer(r"[A-Za-z][A-Za-z-]*", match["obj"]):
        text = word.group()
        if not text.islower() or text in _STOP or text in _MONTHS:
            break
        words.append(text)
        end = match.start("obj") + word.end()
        if text in _PLURALS or (text.endswith("s") and not text.endswith("ss")):
            break  # a plural noun ends the object: "5,000 protesters marched"
    return " ".join(words), end


def amounts(body: str) -> list[Amount]:
    """Every number with what it counts, in text order."""
    found = []
    for match in _AMOUNT.finditer(body):
        obj, end = _object(match)
        if match["pct"]:
            obj = "percent"
        elif match["cur"]:
            obj = _CURRENCY[match["cur"].strip()]
        if not obj:
            continue
        value = _value(match)
        year_like = match["num"].isdigit() and 1800 <= value <= 2100 and not match["scale"]
        if year_like and not obj.split()[-1].endswith("s"):
            continue
        found.append(Amount(value, obj, match.start(), end))
    return found


def _kind(verb: str, table: dict[str, str]) -> str:
    verb = verb.lower()
    return next(kind for kind, words in table.items() if verb in words.split("|"))


def counts(body: str, found: list[Amount] | None = None) -> list[Count]:
    """The amounts a count verb acts on (or protesters counted), with the count's type."""
    out = []
    for amount in amounts(body) if found is None else found:
        if amount.object in ("percent", "dollars", "pounds", "euros"):
            continue
        before = _ACTIVE_RE.search(body[max(0, amount.offset - _LOOK) : amount.offset])
        after = _PASSIVE_RE.match(body[amount.end : amount.end + _LOOK])
        if before:
            kind = _kind(before["verb"], _ACTIVE)
        elif after:
            kind = _kind(after["verb"], _PASSIVE)
        elif amount.object.split()[-1] in _PROTESTERS:
            kind = "PROTEST"
        else:
            continue
        out.append(Count(kind, amount.value, amount.object, amount.offset))
    return out
