"""Rules for durations, sets and vague references: five years, daily, recently."""

from __future__ import annotations

import re

from newsgraph.dates.lexicon import (
    MONTH,
    NUMBER,
    PART_OF_DAY,
    PARTS_OF_DAY,
    SEASON,
    SEASON_WORDS,
    UNIT,
    VAGUE_NUMBER,
    WEEKDAY,
    WEEKDAY_FULL,
    parse_number,
)
from newsgraph.dates.rule_base import (
    duration_value,
    month_number,
    rule,
    unit_name,
    weekday_number,
)
from newsgraph.dates.values import Context, Resolved

# ---------------------------------------------------------------- durations and sets

_SPAN_LEAD = r"(?:the\s+)?(?:(?:year-earlier|year-ago|comparable|corresponding)\s+)?(?:(?:past|last|next|first|final|coming|previous|following|same|entire|full|whole|initial|remaining|latest)\s+)?"


@rule(
    "duration",
    rf"{_SPAN_LEAD}(?P<n>{NUMBER})(?:[\s-]+(?:more|additional|extra|further|full|straight|consecutive))?[\s-]+(?:(?:trading|business|working|calendar|school)\s+)?(?P<u>{UNIT})s?(?P<half>\s+and\s+a\s+half)?(?:[\s-]+(?:long|old))?",
)
def _duration(m: re.Match, ctx: Context) -> Resolved | None:
    amount = parse_number(m["n"])
    if amount is None or amount <= 0:
        return None
    if m["half"]:
        amount += 0.5
    return Resolved(duration_value(amount, unit_name(m["u"])), "duration", True)


@rule(
    "vague-duration",
    rf"(?P<the>the\s+)?(?:(?P<rel>past|last|next|coming|future|recent|first)\s+)?(?:(?P<v>{VAGUE_NUMBER})[\s-]+)?(?P<u>{UNIT})(?P<pl>s)?(?:[\s-]+long)?",
)
def _vague_duration(m: re.Match, ctx: Context) -> Resolved | None:
    if not m["v"] and not m["pl"]:
        return None  # a bare "year" or "day-long" is not a vague duration
    rel = (m["rel"] or "").lower()
    if m["pl"] and not m["the"] and not m["v"]:
        # TimeBank's majority: "in coming months", "future quarters" are FUTURE_REF (3 of 4),
        # "in recent years", "past years" PAST_REF (4 of 6); other units keep PX_
        if rel in ("coming", "future"):
            return Resolved("FUTURE_REF", "ref", False)
        if rel in ("recent", "past") and unit_name(m["u"]) == "year":
            return Resolved("PAST_REF", "ref", False)
    if m["pl"] and m["the"] and rel in ("past", "last") and m["v"]:
        # "the last few months", "the past several quarters": PAST_REF in TimeBank (2 of 3)
        return Resolved("PAST_REF", "ref", False)
    v = (m["v"] or "").lower()
    amount = 2 if "couple" in v else None
    return Resolved(duration_value(amount, unit_name(m["u"])), "duration", amount is not None)


@rule(
    "range-duration",
    rf"(?P<n>{NUMBER})\s+(?:to|or)\s+{NUMBER}\s+(?P<u>{UNIT})s?|(?P<u1>{UNIT})s\s+or\s+{UNIT}s",
)
def _range_duration(m: re.Match, ctx: Context) -> Resolved | None:
    """ "two to three weeks" -> P2W, "weeks or months" -> PXW: TimeML writes a range's first end."""
    if m["u1"]:
        return Resolved(duration_value(None, unit_name(m["u1"])), "duration", False)
    amount = parse_number(m["n"])
    if amount is None or amount <= 0:
        return None
    return Resolved(duration_value(amount, unit_name(m["u"])), "duration", False)


@rule(
    "vague-period",
    r"(?:a|an)\s+(?:(?:fairly|very|rather|quite|relatively)\s+)?(?:(?:long|lengthy|short|brief|extended)\s+)?(?:while|period)",
)
def _vague_period(m: re.Match, ctx: Context) -> Resolved | None:
    """ "a while", "a fairly lengthy period": a duration of unknown length and unit (PXX)."""
    return Resolved("PXX", "duration", False)


@rule("unit-long", rf"(?P<u>{UNIT})[\s-]long")
def _unit_long(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(duration_value(1, unit_name(m["u"])), "duration", True)


_ADVERB_SET = {
    "daily": "day",
    "nightly": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "annually": "year",
    "yearly": "year",
    "hourly": "hour",
}


@rule("set-adverb", r"(?P<w>daily|nightly|weekly|monthly|quarterly|annually|yearly|hourly)")
def _set_adverb(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(duration_value(1, _ADVERB_SET[m["w"].lower()]), "set", True)


@rule(
    "set-every",
    rf"(?:every|each|per)\s+(?:(?P<wd>{WEEKDAY})(?:\s+(?P<pod>{PART_OF_DAY}))?|(?P<mon>{MONTH})|(?P<s>{SEASON})|(?P<u>{UNIT}))",
)
def _set_every(m: re.Match, ctx: Context) -> Resolved | None:
    if m["wd"]:
        pod = f"T{PARTS_OF_DAY[m['pod'].lower()]}" if m["pod"] else ""
        return Resolved(f"XXXX-WXX-{weekday_number(m['wd']) + 1}{pod}", "set", True)
    if m["mon"]:
        return Resolved(f"XXXX-{month_number(m['mon']):02d}", "set", True)
    if m["s"]:
        return Resolved(f"XXXX-{SEASON_WORDS[m['s'].lower()]}", "set", True)
    return Resolved(duration_value(1, unit_name(m["u"])), "set", True)


@rule(
    "set-frequency",
    rf"(?:(?P<w>once|twice|thrice)|(?P<n>{NUMBER})\s+times)\s+(?:a|an|per|each|every)\s+(?P<u>{UNIT})",
)
def _set_frequency(m: re.Match, ctx: Context) -> Resolved | None:
    """ "twice a week", "three times a year": the period that repeats is the value (P1W), how
    often within it the ``freq`` (2X), as TimeML writes a set."""
    times = {"once": 1, "twice": 2, "thrice": 3}.get((m["w"] or "").lower()) or parse_number(m["n"])
    if not times or times != int(times):
        return None
    return Resolved(duration_value(1, unit_name(m["u"])), "set", True, f"{int(times)}X")


@rule(
    "set-weekdays",
    rf"(?P<wd>{WEEKDAY_FULL})s(?:\s+(?P<pod>{PART_OF_DAY})s)?|(?P<wd2>{WEEKDAY})\s+(?P<pod2>{PART_OF_DAY})s|(?P<we>weekends)"
    rf"|(?P<wd3>{WEEKDAY_FULL})(?=\s+(?:and|or)\s+{WEEKDAY_FULL}\s+(?P<pod3>{PART_OF_DAY})s\b)",
)
def _set_weekdays(m: re.Match, ctx: Context) -> Resolved | None:
    """ "Mondays", "Monday nights", "on weekends"; and the first of "Monday and Tuesday nights",
    which the plural makes a set too."""
    if m["we"]:
        return Resolved("XXXX-WXX-WE", "set", True)  # "on weekends"
    wd, pod = m["wd"] or m["wd2"] or m["wd3"], m["pod"] or m["pod2"] or m["pod3"]
    value = f"XXXX-WXX-{weekday_number(wd) + 1}"
    if pod:
        value += "T" + PARTS_OF_DAY[pod.lower()]
    return Resolved(value, "set", True)


# ---------------------------------------------------------------- vague references

_PRESENT = r"now|already|currently|current|nowadays|presently|at\s+present|the\s+present(?:\s+time)?|these\s+days|at\s+the\s+moment|the\s+moment|this\s+(?:[a-z]+\s+)?moment|this\s+time|today's"
_PAST = r"(?:more\s+)?recently|recent|lately|earlier|previously|formerly|the\s+past|once|long\s+ago|some\s+time\s+ago|years\s+ago|the\s+old\s+days"
_FUTURE = r"(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+(?:near|short|long)\s+term|a\s+later\s+date|soon|eventually|someday|one\s+day|some\s+day|the\s+years\s+ahead|down\s+the\s+road"


@rule("the-time", r"the\s+time")
def _the_time(m: re.Match, ctx: Context) -> Resolved | None:
    """ "(at) the time": a past moment the text spoke of, PAST_REF as TimeBank writes it; given
    only, never searched for ("by the time", "all the time" are no dates)."""
    return Resolved("PAST_REF", "ref", False)


@rule("ref", rf"(?P<present>{_PRESENT})|(?P<past>{_PAST})|(?P<future>{_FUTURE})")
def _ref(m: re.Match, ctx: Context) -> Resolved | None:
    kind = "PRESENT_REF" if m["present"] else "PAST_REF" if m["past"] else "FUTURE_REF"
    return Resolved(kind, "ref", False)
