"""The end-to-end mistakes of ``bench_dates`` counted by kind of expression.

A gold TIMEX3 is *missed* when no prediction overlaps it, *wrong* when the
overlapping predictions all give another value, and *boundary* when one gives
its value but none has its exact offsets (right for the relaxed scores, wrong
for the strict ones); a prediction overlapping no gold TIMEX3 is *spurious*. Each is put in one kind, read from the gold type
and value (from the predicted value for a spurious one) and the words:
durations, sets, times of day, vague references (PAST_REF, ...), fuzzy
ranges ("early next year", "the past decade", "recent weeks"), weekdays,
weeks, quarters and fiscal periods, and other calendar dates.
"""

from __future__ import annotations

import re
from collections import Counter

KINDS = (
    "duration",
    "set",
    "time of day",
    "vague reference",
    "fuzzy range",
    "weekday",
    "week",
    "quarter or fiscal period",
    "calendar date",
)
OUTCOMES = ("gold", "missed", "wrong", "boundary", "spurious")
# A prediction's TimeML type from its granularity (a set, a duration, a time; else a date).
_TYPES = {"set": "SET", "duration": "DURATION", "time": "TIME"}
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
_FUZZY = re.compile(
    r"\b(?:early|late|mid|end|beginning|start|middle|past|recent|coming|next\s+few|last\s+few"
    r"|several|decades?|centur)",
    re.I,
)
_QUARTER = re.compile(r"\b(?:quarter|period|fiscal|half)", re.I)


def kind(text: str, value: str, timex_type: str | None = None) -> str:
    """The kind of one expression (gold type when known, else read from its value)."""
    v = (value or "").upper()
    if v.endswith("_REF"):
        return "vague reference"
    if timex_type == "DURATION" or (timex_type is None and v.startswith("P")):
        return "duration"
    if timex_type == "SET":
        return "set"
    if timex_type == "TIME" or re.search(r"T(?:\d\d|MO|AF|EV|NI)", v):
        return "time of day"
    if _FUZZY.search(text):
        return "fuzzy range"
    if _WEEKDAY.search(text):
        return "weekday"
    if "W" in v or re.search(r"\bweek", text, re.I):
        return "week"
    if re.search(r"-[QH]", v) or _QUARTER.search(text):
        return "quarter or fiscal period"
    return "calendar date"


def misses_by_kind(
    docs: list, predictions: list[list], corpora: tuple[str, ...]
) -> dict[str, dict[str, dict[str, int]]]:
    """{corpus or "all": {kind: {"gold", "missed", "wrong", "boundary", "spurious"}}}."""
    from benchmarks.bench_dates import canonical

    counts = {c: {k: Counter() for k in KINDS} for c in (*corpora, "all")}
    for doc, preds in zip(docs, predictions, strict=True):
        tallies = (counts[doc.corpus], counts["all"])
        for g in doc.timexes:
            k = kind(g.text, g.value, g.type)
            match = [p for p in preds if p.start < g.end and g.start < p.end]
            right = [p for p in match if canonical(p.value) == canonical(g.value)]
            outcome = (
                "missed"
                if not match
                else "wrong"
                if not right
                else "boundary"
                if not any((p.start, p.end) == (g.start, g.end) for p in right)
                else None
            )
            for t in tallies:
                t[k]["gold"] += 1
                if outcome:
                    t[k][outcome] += 1
        for p in preds:
            if not any(p.start < g.end and g.start < p.end for g in doc.timexes):
                for t in tallies:
                    t[kind(p.text, p.value, _TYPES.get(getattr(p, "granularity", "")))][
                        "spurious"
                    ] += 1
    return {
        c: {k: {f: n[f] for f in OUTCOMES} for k, n in kinds.items()} for c, kinds in counts.items()
    }


def print_table(table: dict[str, dict[str, dict[str, int]]]) -> None:
    """One line per kind: gold, missed, wrong value, boundary only and spurious, per corpus,
    and a line of totals."""
    corpora = list(table)
    print(f"{'kind':<26}" + "".join(f" {c + ' gold/miss/wrong/bound/spur':>34}" for c in corpora))
    for k in (*KINDS, "total"):
        cells = []
        for c in corpora:
            n = (
                {f: sum(table[c][x][f] for x in KINDS) for f in OUTCOMES}
                if k == "total"
                else table[c][k]
            )
            cells.append("/".join(f"{n[f]:>4}" for f in OUTCOMES))
        print(f"{k:<26}" + "".join(f" {cell:>34}" for cell in cells))
