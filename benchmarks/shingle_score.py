"""Body extraction score: 4-word shingle precision and recall, averaged over pages.

Texts are split into words (runs of word characters, as the Zyte article
extraction benchmark does), each text becomes the multiset of its 4-word
shingles, and each page gets precision = |pred & gold| / |pred| and
recall = |pred & gold| / |gold| over those multisets. Precision and recall
are averaged over pages; F1 is the harmonic mean of the two averages.
A text shorter than four words is one shingle of all its words. An empty
prediction scores precision 0 against a non-empty gold text (1 when both
are empty), so returning nothing is never rewarded.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"\w+")
N = 4


def shingles(text: str, n: int = N) -> Counter:
    """The multiset of n-word shingles of a text."""
    words = _WORD.findall(text or "")
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def page_score(predicted: str, gold: str) -> tuple[float, float]:
    """(precision, recall) of one page."""
    pred, true = shingles(predicted), shingles(gold)
    overlap = sum((pred & true).values())
    n_pred, n_true = sum(pred.values()), sum(true.values())
    precision = overlap / n_pred if n_pred else float(n_true == 0)
    recall = overlap / n_true if n_true else float(n_pred == 0)
    return precision, recall


def score_pages(pairs: Iterable[tuple[str, str]]) -> dict:
    """Precision, recall (averaged over pages) and F1 over (predicted, gold) pairs.

    Returns:
        {"precision", "recall", "f1", "pages"}.
    """
    ps, rs = [], []
    for predicted, gold in pairs:
        p, r = page_score(predicted, gold)
        ps.append(p)
        rs.append(r)
    if not ps:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "pages": 0}
    precision, recall = sum(ps) / len(ps), sum(rs) / len(rs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pages": len(ps)}
