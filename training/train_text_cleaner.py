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
training pages alone, so ``--cv`` (5-fold cross-validation of the whole
cleaner, rules included) is an honest held-out figure. It is reported twice:
folds by page, and folds by site (the page's host), where no site of a
held-out page is seen in training; the second is the figure for unseen sites.
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
from urllib.parse import urlsplit

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


def site_of(url: str) -> str:
    """The page's site: its host without a leading ``www.``."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


def load_sites(pages_path: Path) -> dict[str, str]:
    """Site of every page, by id."""
    pages = json.loads(pages_path.read_text("utf-8"))
    return {k: site_of(v["url"]) for k, v in pages.items()}


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
    xs: list[np.ndarray],
    ys: list[np.ndarray],
    seed: int,
    groups: list[str] | None,
    folds: int = 3,
) -> list[np.ndarray]:
    """Raw scores of each page from a model that saw no page of its group (k-fold)."""
    fold_of = (
        fold_ids(groups, folds, seed)
        if groups
        else np.random.default_rng(seed).permutation(len(xs)) % folds
    )
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


def fit(
    xs: list[np.ndarray],
    ys: list[np.ndarray],
    seed: int = SEED,
    groups: list[str] | None = None,
    n_tune: int | None = None,
) -> dict[str, Any]:
    """Both stages and the decision threshold, from these pages only.

    ``groups`` (the site of each page) keeps the inner out-of-fold scores honest
    when one site has several pages, such as renderings of the same page. The
    threshold is chosen on the first ``n_tune`` pages (all by default): the
    scraped text, not the renderings, is what the cleaner is for.
    """
    stage1 = fit_bagged(xs, ys, seed)
    # Out-of-fold first-stage scores, so stage two learns from honest inputs.
    oof1 = _inner_oof(xs, ys, seed, groups)
    x2 = [np.hstack([x, context_features(s)]) for x, s in zip(xs, oof1, strict=True)]
    stage2 = fit_bagged(x2, ys, seed + 100)
    # The threshold is chosen on out-of-fold second-stage scores of the same pages.
    oof2 = _inner_oof(x2, ys, seed + 200, groups)
    col = FEATURE_NAMES.index("log_words")
    tune = slice(n_tune)
    weights = [np.expm1(x[:, col]) for x in xs[tune]]
    return {
        "format": "newsgraph-text-cleaner/1",
        "features": list(FEATURE_NAMES),
        "threshold": choose_threshold(oof2[tune], ys[tune], weights),
        "stage1": stage1,
        "stage2": stage2,
    }


def fold_ids(groups: list[str], folds: int = FOLDS, seed: int = SEED) -> np.ndarray:
    """Fold number of each page: its group's (groups are shuffled once with a fixed seed).

    With one group per page this is k-fold by page; with the page's site, no site
    of a held-out page is seen in training.
    """
    names = sorted(set(groups))
    rank = dict(zip(names, np.random.default_rng(seed).permutation(len(names)), strict=True))
    return np.array([rank[g] % folds for g in groups], dtype=int)


def labelled(pages: list[tuple[str, str, str]]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Line features and labels of (id, text, true body) pages."""
    xs, lines = featurise([t for _, t, _ in pages])
    return xs, [label_lines(ls, b) for ls, (_, _, b) in zip(lines, pages, strict=True)]


def cross_validate(
    data: list[tuple[str, str, str]],
    groups: list[str] | None = None,
    extra: list[tuple[str, str, str]] | None = None,
) -> dict[str, Any]:
    """Score of the whole cleaner on held-out folds, each trained on the other four.

    ``groups`` (the page's site, say) keeps every group's pages in one fold; by
    default each page is its own group. ``extra`` pages (id of the page they
    render, text, true body) join the training folds of their page's group and
    are never scored, so no fold is tested on a site rendered in its training.
    """
    from newsgraph.clean.text import clean_text

    ids = [k for k, _, _ in data]
    groups = groups or ids
    xs, ys = labelled(data)
    folds = fold_ids(groups)
    fold_of = {k: f for k, f in zip(ids, folds, strict=True)}
    group_of = dict(zip(ids, groups, strict=True))
    extra = extra or []
    ex_xs, ex_ys = labelled(extra)
    pairs: list[tuple[str, str]] = [("", "")] * len(data)
    for f in range(FOLDS):
        tr = [i for i in range(len(data)) if folds[i] != f]
        etr = [j for j, (k, _, _) in enumerate(extra) if fold_of[k] != f]
        model = fit(
            [xs[i] for i in tr] + [ex_xs[j] for j in etr],
            [ys[i] for i in tr] + [ex_ys[j] for j in etr],
            groups=[groups[i] for i in tr] + [group_of[extra[j][0]] for j in etr]
            if extra
            else None,
            n_tune=len(tr),
        )
        for i in range(len(data)):
            if folds[i] == f:
                body = clean_text(data[i][1], model=LineModel.from_dict(model)).body
                pairs[i] = (body, data[i][2])
    return {"folds": FOLDS, "seed": SEED, **score_pages(pairs), "pairs": pairs}


def load_renderings(
    path: Path, data: list[tuple[str, str, str]], per_page: int
) -> list[tuple[str, str, str]]:
    """(page id, rendered text, true body) for ``per_page`` renderings of each page.

    The tools are taken in turn from page to page, so that every tool is used
    about as often. The text is unwrapped as ``clean_text`` does first, so that
    the features are the ones the classifier will see on such text.
    """
    from newsgraph.clean.unwrap import unwrap

    rendered: dict[str, dict[str, str]] = json.loads(path.read_text("utf-8"))
    out = []
    for n, (k, _, body) in enumerate(data):
        texts = [t for _, t in sorted(rendered.get(k, {}).items()) if t.strip()]
        for j in range(min(per_page, len(texts))):
            out.append((k, unwrap(texts[(n * per_page + j) % len(texts)]).text, body))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--truth", type=Path, default=DEFAULT_TRUTH)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--renderings",
        type=Path,
        help="also train on these renderings of the pages (python -m training.render_text)",
    )
    ap.add_argument(
        "--per-page", type=int, default=1, help="renderings of each page to train on (default 1)"
    )
    ap.add_argument("--cv", action="store_true", help="also report 5-fold CV by page and by site")
    args = ap.parse_args(argv)
    if not args.pages.exists() or not args.truth.exists():
        print(f"data not found: {args.pages} / {args.truth}", file=sys.stderr)
        return 2
    data = load(args.pages, args.truth)
    extra = load_renderings(args.renderings, data, args.per_page) if args.renderings else []
    sites = load_sites(args.pages)
    t0 = time.perf_counter()
    if args.cv:
        for name, groups in (("page", None), ("site", [sites[k] for k, _, _ in data])):
            cv = cross_validate(data, groups, extra)
            print(
                f"{FOLDS}-fold CV by {name}: "
                f"P {cv['precision']:.3f} R {cv['recall']:.3f} F1 {cv['f1']:.3f}"
            )
    xs, ys = labelled(data + extra)
    groups = [sites[k] for k, _, _ in data + extra] if extra else None
    model = fit(xs, ys, groups=groups, n_tune=len(data))
    print(f"threshold {model['threshold']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", "utf-8")
    print(
        f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) in {time.perf_counter() - t0:.0f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
