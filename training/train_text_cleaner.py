"""Train the text-form line classifier and ship it as JSON.

    python -m training.train_text_cleaner [--pages PATH] [--truth PATH] [--out PATH]

Line labels come from the true article bodies: a line is body when most of its
4-word shingles occur in the true body (a line too short for a shingle counts
when its words occur in the body, between the first and last long body line).
The model is two stages of boosted trees (scikit-learn at training time only),
each the mean of three models fitted on random 80% subsets of the pages; the
second stage is trained on out-of-fold first-stage scores so that it sees the
same kind of scores it will get on new pages, and the decision threshold is
chosen on out-of-fold second-stage scores. Everything is learned from the
training pages alone, so ``--cv`` (5-fold cross-validation by page of the
whole cleaner, rules included) is an honest held-out figure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

os.environ.setdefault("OMP_NUM_THREADS", "1")

from benchmarks.shingle_score import score_pages  # noqa: E402
from newsgraph.clean.lines import FEATURE_NAMES, Line, line_features, split_lines  # noqa: E402
from newsgraph.clean.text_model import LineModel, TreeEnsemble, context_features  # noqa: E402

if TYPE_CHECKING:
    from sklearn.ensemble import HistGradientBoostingClassifier

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ROOT.parent / "shared" / "data" / "body-text" / "pages.json"
DEFAULT_TRUTH = ROOT.parent / "shared" / "data" / "body-html" / "ground-truth.json"
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "data" / "text_cleaner.json"
SEED = 13
FOLDS = 5
BAGS = 3
_WORD = re.compile(r"\w+")


# ---- shingles for labelling (the score itself is benchmarks/shingle_score.py) ----


def words(text: str) -> list[str]:
    """Word tokens as the score counts them: runs of \\w, lower-cased."""
    return _WORD.findall(text.lower())


def shingles(text: str, k: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of k-word shingles."""
    w = words(text)
    return Counter(tuple(w[i : i + k]) for i in range(len(w) - k + 1))


# ---- data and labels ---------------------------------------------------------------


def load(pages_path: Path, truth_path: Path) -> list[tuple[str, str, str]]:
    """(id, scraped text, true body) for every page, in id order."""
    pages = json.loads(pages_path.read_text("utf-8"))
    truth = json.loads(truth_path.read_text("utf-8"))
    return [(k, pages[k]["text"], truth[k]["articleBody"]) for k in sorted(pages) if k in truth]


def label_lines(lines: list[Line], body: str) -> np.ndarray:
    """1 for a line of the true body, 0 for furniture."""
    truth_sh = set(shingles(body))
    truth_words = " " + " ".join(words(body)) + " "
    truth_chars = "".join(body.split())
    labels = np.zeros(len(lines), dtype=int)
    long_body = []
    for i, ln in enumerate(lines):
        sh = shingles(ln.text)
        if sh:
            hit = sum(c for s, c in sh.items() if s in truth_sh) / sum(sh.values())
            if hit >= 0.5:
                labels[i] = 1
                long_body.append(i)
        elif len(chars := "".join(ln.text.split())) >= 12 and chars in truth_chars:
            # Few \w-runs but long: a line of a script written without spaces.
            labels[i] = 1
            long_body.append(i)
    if not long_body:
        return labels
    lo, hi = long_body[0], long_body[-1]
    for i in range(lo, hi + 1):
        w = words(lines[i].text)
        if 0 < len(w) < 4 and f" {' '.join(w)} " in truth_words:
            labels[i] = 1
    return labels


# ---- training ----------------------------------------------------------------------


def _hgb(seed: int) -> HistGradientBoostingClassifier:
    # imported here so that reading and labelling pages (bench_body_text, the quality gate)
    # need no scikit-learn, only training does
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=150,
        learning_rate=0.08,
        max_leaf_nodes=15,
        max_depth=6,
        min_samples_leaf=40,
        l2_regularization=1.0,
        random_state=seed,
    )


def export_hgb(clf: HistGradientBoostingClassifier) -> dict[str, Any]:
    """The fitted trees as plain lists (TreeEnsemble.from_dict reads them back)."""
    trees = []
    depth = 0
    for (pred,) in clf._predictors:
        nodes = pred.nodes
        trees.append(
            {
                "feature": [
                    -1 if leaf else int(f)
                    for f, leaf in zip(nodes["feature_idx"], nodes["is_leaf"], strict=True)
                ],
                "threshold": [float(t) for t in nodes["num_threshold"]],
                "left": [int(v) for v in nodes["left"]],
                "right": [int(v) for v in nodes["right"]],
                "value": [round(float(v), 6) for v in nodes["value"]],
            }
        )
        depth = max(depth, int(nodes["depth"].max()))
    baseline = float(np.ravel(clf._baseline_prediction)[0])
    return {"baseline": baseline, "depth": depth + 1, "trees": trees}


def merge(models: list[dict[str, Any]]) -> dict[str, Any]:
    """Several exported ensembles as one whose score is their mean."""
    k = len(models)
    trees = [
        {**t, "value": [round(v / k, 6) for v in t["value"]]} for m in models for t in m["trees"]
    ]
    return {
        "baseline": sum(m["baseline"] for m in models) / k,
        "depth": max(m["depth"] for m in models),
        "trees": trees,
    }


def fit_bagged(
    xs: list[np.ndarray], ys: list[np.ndarray], seed: int, bags: int = BAGS
) -> dict[str, Any]:
    """Mean of models each fitted on a random 80% of the pages: steadier than one."""
    rng = np.random.default_rng(seed)
    models = []
    for b in range(bags):
        keep = (
            rng.permutation(len(xs))[: max(1, int(0.8 * len(xs)))] if bags > 1 else range(len(xs))
        )
        x = np.vstack([xs[i] for i in keep])
        y = np.concatenate([ys[i] for i in keep])
        models.append(export_hgb(_hgb(seed + b).fit(x, y)))
    return merge(models)


def featurise(texts: list[str]) -> tuple[list[np.ndarray], list[list[Line]]]:
    """Line features of each page."""
    all_lines = [split_lines(t) for t in texts]
    return [line_features(ls) for ls in all_lines], all_lines


def _inner_oof(
    xs: list[np.ndarray], ys: list[np.ndarray], seed: int, folds: int = 3
) -> list[np.ndarray]:
    """Raw scores of each page from a model that did not see it (k-fold by page)."""
    fold_of = np.random.default_rng(seed).permutation(len(xs)) % folds
    oof: list[np.ndarray] = [np.zeros(0)] * len(xs)
    for f in range(folds):
        tr = [i for i in range(len(xs)) if fold_of[i] != f]
        inner = _hgb(seed).fit(np.vstack([xs[i] for i in tr]), np.concatenate([ys[i] for i in tr]))
        ens = TreeEnsemble.from_dict(export_hgb(inner))
        for i in range(len(xs)):
            if fold_of[i] == f:
                oof[i] = ens.raw(xs[i])
    return oof


def choose_threshold(
    scores: list[np.ndarray], ys: list[np.ndarray], weights: list[np.ndarray]
) -> float:
    """The cut that maximises word-weighted line F1 (P and R averaged over pages)."""
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.2, 0.71, 0.05):
        ps, rs = [], []
        for s, y, w in zip(scores, ys, weights, strict=True):
            keep = 1.0 / (1.0 + np.exp(-s)) >= t
            hit = float((w * y * keep).sum())
            ps.append(hit / w[keep].sum() if keep.any() else 0.0)
            if y.any():
                rs.append(hit / float((w * y).sum()))
        p, r = float(np.mean(ps)), float(np.mean(rs))
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = round(float(t), 2), f1
    return best


def fit(xs: list[np.ndarray], ys: list[np.ndarray], seed: int = SEED) -> dict[str, Any]:
    """Both stages and the decision threshold, from these pages only."""
    stage1 = fit_bagged(xs, ys, seed)
    # Out-of-fold first-stage scores, so stage two learns from honest inputs.
    oof1 = _inner_oof(xs, ys, seed)
    x2 = [np.hstack([x, context_features(s)]) for x, s in zip(xs, oof1, strict=True)]
    stage2 = fit_bagged(x2, ys, seed + 100)
    # The threshold is chosen on out-of-fold second-stage scores of the same pages.
    oof2 = _inner_oof(x2, ys, seed + 200)
    col = FEATURE_NAMES.index("log_words")
    weights = [np.expm1(x[:, col]) for x in xs]
    return {
        "format": "newsgraph-text-cleaner/1",
        "features": list(FEATURE_NAMES),
        "threshold": choose_threshold(oof2, ys, weights),
        "stage1": stage1,
        "stage2": stage2,
    }


def fold_ids(n: int, folds: int = FOLDS, seed: int = SEED) -> np.ndarray:
    """Fold number of each page (pages are shuffled once with a fixed seed)."""
    return np.random.default_rng(seed).permutation(n) % folds


def cross_validate(data: list[tuple[str, str, str]]) -> dict[str, Any]:
    """Score of the whole cleaner on held-out folds, each trained on the other four."""
    from newsgraph.clean.text import clean_text

    xs, lines = featurise([t for _, t, _ in data])
    ys = [label_lines(ls, b) for ls, (_, _, b) in zip(lines, data, strict=True)]
    folds = fold_ids(len(data))
    pairs: list[tuple[str, str]] = [("", "")] * len(data)
    for f in range(FOLDS):
        tr = [i for i in range(len(data)) if folds[i] != f]
        model = LineModel.from_dict(fit([xs[i] for i in tr], [ys[i] for i in tr]))
        for i in range(len(data)):
            if folds[i] == f:
                pairs[i] = (clean_text(data[i][1], model=model).body, data[i][2])
    return {"folds": FOLDS, "seed": SEED, **score_pages(pairs), "pairs": pairs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--truth", type=Path, default=DEFAULT_TRUTH)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cv", action="store_true", help="also report 5-fold CV by page")
    args = ap.parse_args(argv)
    if not args.pages.exists() or not args.truth.exists():
        print(f"data not found: {args.pages} / {args.truth}", file=sys.stderr)
        return 2
    data = load(args.pages, args.truth)
    t0 = time.perf_counter()
    if args.cv:
        cv = cross_validate(data)
        print(f"5-fold CV: P {cv['precision']:.3f} R {cv['recall']:.3f} F1 {cv['f1']:.3f}")
    xs, lines = featurise([t for _, t, _ in data])
    ys = [label_lines(ls, b) for ls, (_, _, b) in zip(lines, data, strict=True)]
    model = fit(xs, ys)
    print(f"threshold {model['threshold']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", "utf-8")
    print(
        f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) in {time.perf_counter() - t0:.0f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
