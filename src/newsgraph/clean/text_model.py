"""The shipped line classifier: boosted trees evaluated with numpy.

The weights live in ``newsgraph/data/text_cleaner.json`` (written by
``training/train_text_cleaner.py``), so inference needs neither
scikit-learn nor pickle. Two stages: the first scores each line from its own
features and its neighbours'; the second sees the first stage's scores of the
lines around it, which is what turns isolated guesses into coherent regions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsgraph.clean.lines import FEATURE_NAMES

_CONTEXT_OFFSETS = tuple(range(-4, 5))
# Rows scored at once: bounds the (trees x rows) work arrays on huge pages.
_CHUNK = 2048


@dataclass(frozen=True)
class TreeEnsemble:
    """Additive binary-classification trees: raw score = baseline + sum of leaves.

    All trees' nodes sit in flat arrays; a leaf points to itself on both
    sides, so every row can take exactly ``depth`` steps without a test.
    """

    baseline: float
    feature: np.ndarray  # (nodes,) feature tested at each node (0 at leaves)
    threshold: np.ndarray  # (nodes,) go left when x <= threshold
    left: np.ndarray  # (nodes,) global index of the left child (itself at leaves)
    right: np.ndarray  # (nodes,) global index of the right child (itself at leaves)
    value: np.ndarray  # (nodes,) leaf values (0 elsewhere)
    roots: np.ndarray  # (trees,) global index of each tree's root
    depth: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TreeEnsemble:
        feature, threshold, left, right, value, roots = [], [], [], [], [], []
        for t in d["trees"]:
            base = len(feature)
            roots.append(base)
            for k, f in enumerate(t["feature"]):
                leaf = f < 0
                feature.append(0 if leaf else f)
                threshold.append(t["threshold"][k])
                left.append(base + k if leaf else base + t["left"][k])
                right.append(base + k if leaf else base + t["right"][k])
                value.append(t["value"][k] if leaf else 0.0)
        return cls(
            baseline=float(d["baseline"]),
            feature=np.array(feature, dtype=np.intp),
            threshold=np.array(threshold, dtype=np.float64),
            left=np.array(left, dtype=np.intp),
            right=np.array(right, dtype=np.intp),
            value=np.array(value, dtype=np.float64),
            roots=np.array(roots, dtype=np.intp),
            depth=int(d["depth"]),
        )

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Raw (log-odds) score for each row of ``x``."""
        if x.shape[0] <= _CHUNK:
            return self._raw(x)
        return np.concatenate([self._raw(x[i : i + _CHUNK]) for i in range(0, x.shape[0], _CHUNK)])

    def _raw(self, x: np.ndarray) -> np.ndarray:
        n = x.shape[0]
        if n == 0:
            return np.zeros(0)
        flat = np.ascontiguousarray(x, dtype=np.float64).ravel()
        row_base = (np.arange(n, dtype=np.intp) * x.shape[1])[None, :]
        node = np.repeat(self.roots[:, None], n, axis=1)
        for _ in range(self.depth):
            xv = flat[row_base + self.feature[node]]
            node = np.where(xv <= self.threshold[node], self.left[node], self.right[node])
        return self.baseline + self.value[node].sum(axis=0)


def context_features(score: np.ndarray) -> np.ndarray:
    """Second-stage input: neighbours' first-stage scores and running summaries."""
    n = score.shape[0]
    p = 1.0 / (1.0 + np.exp(-score))
    pad = 4
    padded = np.concatenate([np.full(pad, -1.0), p, np.full(pad, -1.0)])
    cols = [padded[pad + off : pad + off + n] for off in _CONTEXT_OFFSETS]
    csum = np.concatenate([[0.0], np.cumsum(p)])
    pos = np.arange(n)
    for k in (2, 5, 12):
        lo = np.clip(pos - k, 0, n)
        hi = np.clip(pos + k + 1, 0, n)
        cols.append((csum[hi] - csum[lo]) / np.maximum(hi - lo, 1))
    # Share of body-like lines before and after: inside the article both are high.
    before = csum[pos] / np.maximum(pos, 1)
    after = (csum[n] - csum[pos + 1]) / np.maximum(n - pos - 1, 1)
    cols += [before, after]
    # Is there a confident body line within k lines on each side?
    confident = (p > 0.5).astype(float)
    ccum = np.concatenate([[0.0], np.cumsum(confident)])
    for k in (3, 10):
        lo = np.clip(pos - k, 0, n)
        hi = np.clip(pos + k + 1, 0, n)
        cols.append(((ccum[pos] - ccum[lo]) > 0).astype(float))
        cols.append(((ccum[hi] - ccum[pos + 1]) > 0).astype(float))
    return np.column_stack(cols)


@dataclass(frozen=True)
class LineModel:
    """Both stages and the decision threshold."""

    stage1: TreeEnsemble
    stage2: TreeEnsemble | None
    threshold: float

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LineModel:
        if tuple(d["features"]) != FEATURE_NAMES:
            raise ValueError("text cleaner model was trained on other line features")
        stage2 = TreeEnsemble.from_dict(d["stage2"]) if d.get("stage2") else None
        return cls(TreeEnsemble.from_dict(d["stage1"]), stage2, float(d["threshold"]))

    def scores(self, x: np.ndarray) -> np.ndarray:
        """Body probability per line."""
        if x.shape[0] == 0:
            return np.zeros(0)
        s1 = self.stage1.raw(x)
        if self.stage2 is None:
            return 1.0 / (1.0 + np.exp(-s1))
        s2 = self.stage2.raw(np.hstack([x, context_features(s1)]))
        return 1.0 / (1.0 + np.exp(-s2))


@lru_cache(maxsize=1)
def default_model() -> LineModel:
    """The model shipped with the package."""
    text = resources.files("newsgraph").joinpath("data", "text_cleaner.json").read_text("utf-8")
    return LineModel.from_dict(json.loads(text))
