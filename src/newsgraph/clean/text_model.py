"""The shipped line classifier: boosted trees evaluated with numpy.

The weights live in ``newsgraph/data/text_cleaner.json`` (written by
``benchmarks/train_text_cleaner.py``), so inference needs neither
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
    """Additive binary-classification trees: raw score = baseline + sum of leaves."""

    baseline: float
    feature: np.ndarray  # (trees, nodes) int, -1 at leaves
    threshold: np.ndarray  # (trees, nodes) float; go left when x <= threshold
    left: np.ndarray  # (trees, nodes) int
    right: np.ndarray  # (trees, nodes) int
    value: np.ndarray  # (trees, nodes) float
    depth: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TreeEnsemble:
        trees = d["trees"]
        width = max(len(t["feature"]) for t in trees)

        def stack(key: str, fill: float, dtype: type) -> np.ndarray:
            out = np.full((len(trees), width), fill, dtype=dtype)
            for i, t in enumerate(trees):
                out[i, : len(t[key])] = t[key]
            return out

        return cls(
            baseline=float(d["baseline"]),
            feature=stack("feature", -1, np.int64),
            threshold=stack("threshold", 0.0, np.float64),
            left=stack("left", 0, np.int64),
            right=stack("right", 0, np.int64),
            value=stack("value", 0.0, np.float64),
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
        t = self.feature.shape[0]
        rows = np.arange(n)[None, :]
        trees = np.arange(t)[:, None]
        node = np.zeros((t, n), dtype=np.int64)
        for _ in range(self.depth):
            feat = self.feature[trees, node]
            leaf = feat < 0
            xv = x[rows, np.where(leaf, 0, feat)]
            go_left = xv <= self.threshold[trees, node]
            nxt = np.where(go_left, self.left[trees, node], self.right[trees, node])
            node = np.where(leaf, node, nxt)
        return self.baseline + self.value[trees, node].sum(axis=0)


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
