"""Quotation benchmark on PolNeAR: direct quotes and all attributions, with speakers, cues and speed.

    python -m benchmarks.bench_quotes [--data ../shared/data/quotes-polnear] [--splits dev train]
                                      [--ablate [SPLIT ...]]

With --ablate (dev by default), the quotes annotator is run again on the
parsed split once per attribution strategy switched off, and the drop in F1
each switch-off causes is printed: what each strategy contributes.

Prints a table and writes benchmarks/results/quotes.json. The anchor,
textacy's direct_quotations (``pip install -e ".[bench]"``), runs in the same
run on the same gold with the same matching; without textacy its row says so.
How each figure is measured: docs/benchmarks/quotes.md.
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

import newsgraph
from benchmarks import polnear
from newsgraph import Options
from newsgraph.extract import registered
from newsgraph.extract.quote_settings import STRATEGY_NAMES, QuoteSettings
from newsgraph.extract.quotes import find_quotes
from newsgraph.nlp import DEFAULT_MODELS, load, parse
from newsgraph.record import Article, Quote, Span, Speaker

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "quotes-polnear"
DEFAULT_GUM = ROOT.parent / "shared" / "data" / "ner-gum-news"
RESULTS = ROOT / "benchmarks" / "results" / "quotes.json"
_HEAD_CUT = re.compile(r",| of | for | at | to | with | who | from ")
_STOP = frozenset("to a an the in of that as on for about".split())


def annotators() -> tuple[str, ...]:
    names = registered()
    return tuple(n for n in ("entities", "quotes") if n in names)


def speaker_head(q: Quote) -> int | None:
    """Character offset of the predicted speaker's head word (last word before any post-modifier)."""
    if q.speaker is None:
        return None
    text = q.speaker.text
    cut = _HEAD_CUT.search(text)
    stem = text[: cut.start()] if cut else text
    words = list(re.finditer(r"\S+", stem)) or list(re.finditer(r"\S+", text))
    return q.speaker.start + words[-1].start() if words else q.speaker.start


def speaker_right(q: Quote, gold: polnear.GoldAttribution, article: Article) -> bool:
    if not gold.source:
        return q.speaker is None
    head = speaker_head(q)
    if head is None:
        return False
    if any(s <= head < e for s, e in gold.source):
        return True
    ent = article.entity(q.speaker.entity) if q.speaker.entity else None
    if ent is None:
        return False
    return any(m.start < e and s < m.end for m in ent.mentions for s, e in gold.source)


def _chars(spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def match(
    preds: list[set[int]], golds: list[set[int]], threshold: float = 0.5
) -> list[tuple[int, int]]:
    """One-to-one pairs (pred, gold) with Jaccard >= threshold, best pairs first."""
    cands = []
    for i, p in enumerate(preds):
        lo, hi = min(p), max(p)
        for j, g in enumerate(golds):
            if max(g) < lo or min(g) > hi:
                continue
            jac = jaccard(p, g)
            if jac >= threshold:
                cands.append((jac, i, j))
    cands.sort(reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def direct_predictions(article: Article) -> list[tuple[int, int, Quote]]:
    """The verbatim fragments of direct and mixed quotes, each with its quote's speaker.

    An interrupted quotation ("A," she said, "B.") is one quote of two fragments: two
    predictions, as the gold has one segment per pair of quote marks.
    """
    return [
        (f.start, f.end, q)
        for q in article.quotes
        if q.kind in ("direct", "mixed")
        for f in q.fragments
    ]


def _words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def eval_direct(gold: list[polnear.GoldArticle], arts: list[Article], min_words: int) -> dict:
    tp = tp_speaker = n_pred = n_gold = 0
    for g, art in zip(gold, arts, strict=True):
        golds = [q for q in g.quotes if _words(g.text, q.start, q.end) >= min_words]
        preds = [p for p in direct_predictions(art) if _words(g.text, p[0], p[1]) >= min_words]
        n_pred += len(preds)
        n_gold += len(golds)
        pairs = match(
            [set(range(s, e)) for s, e, _ in preds], [set(range(q.start, q.end)) for q in golds]
        )
        tp += len(pairs)
        tp_speaker += sum(speaker_right(preds[i][2], golds[j].attribution, art) for i, j in pairs)
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "quote": prf(tp, n_pred, n_gold),
        "quote+speaker": prf(tp_speaker, n_pred, n_gold),
    }


def attribution_predictions(article: Article) -> list[tuple[set[int], Quote]]:
    """Every quote, where consecutive direct quotes of one speaker in one paragraph count as one.

    PolNeAR annotates them so: "A," she said, "B." is one attribution with two Content
    fragments. A direct quote's content is its verbatim fragments (not the cue between them).
    """
    out: list[tuple[set[int], Quote]] = []
    prev: Quote | None = None
    for q in article.quotes:
        chars = (
            {i for f in q.fragments for i in range(f.start, f.end)}
            if q.kind == "direct" and q.fragments
            else set(range(q.start, q.end))
        )
        same = (
            prev is not None
            and q.kind == prev.kind == "direct"
            and q.speaker is not None
            and prev.speaker is not None
            and q.speaker.start == prev.speaker.start
            and "\n" not in article.body[prev.end : q.start]
        )
        if same:
            out[-1][0].update(chars)
        else:
            out.append((chars, q))
        prev = q
    return out


def _cue_right(q: Quote, gold: polnear.GoldAttribution, text: str) -> bool:
    if not q.cue or not gold.cue:
        return False
    gold_words = {w for s, e in gold.cue for w in re.findall(r"\w+", text[s:e].lower())} - _STOP
    pred_words = set(re.findall(r"\w+", q.cue.lower())) - _STOP
    if not gold_words:
        return q.cue.strip() == ":" or not pred_words
    return bool(gold_words & pred_words)


_PARAGRAPH = re.compile(r"[^\n]+")


def textacy_articles(gold: list[polnear.GoldArticle]) -> list[Article] | None:
    """textacy's direct quotations as records over the gold texts, or None when textacy is absent.

    textacy runs on the stock small pipeline, one paragraph (line) at a time: on a
    whole article it raises at the first unbalanced quotation mark, so a paragraph
    where it raises yields nothing. Its content span holds the marks; the record's
    quote is the span between them, as the gold is.
    """
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    nlp = spacy.load(DEFAULT_MODELS[0])
    arts = []
    for g in gold:
        paragraphs = list(_PARAGRAPH.finditer(g.text))
        quotes = []
        for para, doc in zip(paragraphs, nlp.pipe(p.group() for p in paragraphs), strict=True):
            try:
                triples = list(direct_quotations(doc))
            except ValueError:
                continue
            base = para.start()
            for t in triples:
                inner = t.content[1:-1]
                start, end = base + inner.start_char, base + inner.end_char
                first, last = t.speaker[0], t.speaker[-1]
                s, e = base + first.idx, base + last.idx + len(last)
                quotes.append(
                    Quote(
                        start=start,
                        end=end,
                        text=g.text[start:end],
                        kind="direct",
                        fragments=[Span(start=start, end=end, text=g.text[start:end])],
                        speaker=Speaker(text=g.text[s:e], start=s, end=e),
                        cue=" ".join(tok.text for tok in t.cue),
                    )
                )
        arts.append(Article(body=g.text, language="en", quotes=quotes))
    return arts


def eval_textacy(gold: list[polnear.GoldArticle]) -> dict:
    """The direct-quote figures of textacy, scored exactly as newsgraph's are."""
    arts = textacy_articles(gold)
    if arts is None:
        return {"status": "not installed"}
    import textacy

    return {
        "status": f"textacy {textacy.__version__}",
        "direct_4plus": eval_direct(gold, arts, 4),
        "direct_all": eval_direct(gold, arts, 1),
    }


def eval_attributions(gold: list[polnear.GoldArticle], arts: list[Article]) -> dict:
    tp = tp_speaker = cue_ok = n_pred = n_gold = 0
    for g, art in zip(gold, arts, strict=True):
        preds = attribution_predictions(art)
        golds = [_chars(a.content) for a in g.attributions]
        n_pred += len(preds)
        n_gold += len(golds)
        pairs = match([p[0] for p in preds], golds)
        tp += len(pairs)
        for i, j in pairs:
            q, ga = preds[i][1], g.attributions[j]
            tp_speaker += speaker_right(q, ga, art)
            cue_ok += _cue_right(q, ga, g.text)
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "content": prf(tp, n_pred, n_gold),
        "content+speaker": prf(tp_speaker, n_pred, n_gold),
        "cue_accuracy": round(cue_ok / tp, 4) if tp else 0.0,
    }


_OPEN = re.compile(r"\((\d+)[^()]*")
_CLOSE = re.compile(r"(\d+)\)")
REFERRING = frozenset("he she they it we who him her them".split())


def _gum_brackets(value: str) -> list[tuple[str, str]]:
    """('open'|'close', entity id) events of a GUM ``Entity=`` value, in order."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "(":
            m = _OPEN.match(value, i)
            out.append(("open", m.group(1)))
            i = m.end()
            if i < len(value) and value[i] == ")":
                out.append(("close", m.group(1)))
                i += 1
            continue
        m = _CLOSE.match(value, i)
        if m:
            out.append(("close", m.group(1)))
            i = m.end()
        else:
            i += 1
    return out


def read_gum(path: Path) -> tuple[str, list[tuple[int, int, str]]]:
    """Text of a GUM CoNLL-U document (paragraphs as blank lines) and its coreference mentions."""
    parts: list[str] = []
    mentions: list[tuple[int, int, str]] = []
    opened: dict[str, list[int]] = {}
    pos, space = 0, ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            space = "\n\n" if parts else ""
        cols = line.split("\t")
        if len(cols) < 10 or not cols[0].isdigit():
            continue
        parts.append(space)
        pos += len(space)
        start = pos
        parts.append(cols[1])
        pos += len(cols[1])
        misc = dict(f.split("=", 1) for f in cols[9].split("|") if "=" in f)
        for what, eid in _gum_brackets(misc.get("Entity", "")):
            if what == "open":
                opened.setdefault(eid, []).append(start)
            elif opened.get(eid):
                mentions.append((opened[eid].pop(), pos, eid))
        space = "" if misc.get("SpaceAfter") == "No" else " "
    return "".join(parts), mentions


def eval_resolution(gum_dir: Path) -> dict:
    """How often a pronoun or nominal speaker resolves to an entity of its gold coreference chain (GUM news).

    Recall counts the speakers whose gold chain has a mention of some entity of the article
    (so that a right answer exists); precision counts every speaker given an entity. The
    figures are also given for two halves of the documents (A: even positions in name order,
    B: odd), as rules were written reading A's errors only.
    """
    counts = {half: Counter() for half in "AB"}
    for k, path in enumerate(sorted(gum_dir.glob("*.conllu"))):
        text, gold = read_gum(path)
        art = newsgraph.extract(
            text, clean=False, format="text", options=Options(annotators=annotators())
        )
        c = counts["AB"[k % 2]]
        for q in art.quotes:
            sp = q.speaker
            if sp is None or sp.text.split()[0].lower() not in REFERRING | {"the"}:
                continue
            head = speaker_head(q)
            chains = [m for m in gold if m[0] <= head < m[1]]
            if not chains:
                continue
            chain = min(chains, key=lambda m: m[1] - m[0])[2]
            others = [(a, b) for a, b, eid in gold if eid == chain and not a <= head < b]
            ent = art.entity(sp.entity) if sp.entity else None
            if not any(_overlaps(e, others) for e in art.entities):
                c["wrongly"] += ent is not None  # its chain names no entity the article has
                continue
            c["speakers"] += 1
            if ent is None:
                continue
            c["resolved"] += 1
            c["right"] += _overlaps(ent, others)
    result = _resolution_figures(counts["A"] + counts["B"])
    result["halves"] = {half: _resolution_figures(c) for half, c in counts.items()}
    return result


def _resolution_figures(c: Counter) -> dict:
    given = c["resolved"] + c["wrongly"]
    return {
        "referring_speakers": c["speakers"],
        "resolved": c["resolved"],
        "resolved_right": c["right"],
        "resolved_with_no_entity_in_chain": c["wrongly"],
        "precision": round(c["right"] / given, 4) if given else 0.0,
        "recall": round(c["right"] / c["speakers"], 4) if c["speakers"] else 0.0,
    }


def _overlaps(ent, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < b and a < m.end for m in ent.mentions for a, b in spans)


def annotator_ms(arts: list[Article]) -> float:
    """Milliseconds per article of the quotes annotator alone, on bodies already parsed."""
    nlp = load()
    docs = [parse(a.body, nlp) for a in arts]
    t0 = time.perf_counter()
    for doc, art in zip(docs, arts, strict=True):
        find_quotes(doc, art.entities)
    return round(1000 * (time.perf_counter() - t0) / max(1, len(arts)), 2)


ABLATION_MEASURES = {
    "direct_4plus quote+speaker": lambda r: r["direct_4plus"]["quote+speaker"]["f1"],
    "direct_all quote+speaker": lambda r: r["direct_all"]["quote+speaker"]["f1"],
    "attributions content+speaker": lambda r: r["attributions"]["content+speaker"]["f1"],
}


def _scores(gold: list[polnear.GoldArticle], arts: list[Article]) -> dict[str, float]:
    res = {
        "direct_4plus": eval_direct(gold, arts, 4),
        "direct_all": eval_direct(gold, arts, 1),
        "attributions": eval_attributions(gold, arts),
    }
    return {name: get(res) for name, get in ABLATION_MEASURES.items()}


def ablate(gold: list[polnear.GoldArticle], arts: list[Article]) -> dict:
    """F1 with every strategy on, and its drop with each strategy switched off in turn.

    The bodies are parsed once and the entities kept; only the quotes annotator runs again.
    """
    nlp = load()
    docs = [parse(a.body, nlp) for a in arts]

    def run(settings: QuoteSettings) -> dict[str, float]:
        requoted = [
            a.model_copy(update={"quotes": find_quotes(doc, a.entities, settings)})
            for doc, a in zip(docs, arts, strict=True)
        ]
        return _scores(gold, requoted)

    full = run(QuoteSettings())
    drops = {}
    for name in STRATEGY_NAMES:
        without = run(QuoteSettings(strategies=tuple(n for n in STRATEGY_NAMES if n != name)))
        drops[name] = {m: round(full[m] - without[m], 4) for m in full}
    return {"all_on": full, "f1_drop_when_off": drops}


def extract_all(
    gold: list[polnear.GoldArticle], names: tuple[str, ...]
) -> tuple[list[Article], float]:
    opts = Options(annotators=names)
    t0 = time.perf_counter()
    arts = [newsgraph.extract(g.text, clean=False, format="text", options=opts) for g in gold]
    return arts, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--splits", nargs="+", default=["dev", "train"])
    ap.add_argument(
        "--speed-splits", nargs="*", default=["dev"], help="splits also timed without quotes"
    )
    ap.add_argument(
        "--anchor-splits", nargs="*", default=["dev"], help="splits also scored with textacy"
    )
    ap.add_argument("--limit", type=int, default=0, help="first N articles per split (0: all)")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument(
        "--gum", type=Path, default=DEFAULT_GUM, help="GUM news CoNLL-U, for speaker resolution"
    )
    ap.add_argument(
        "--ablate",
        nargs="*",
        metavar="SPLIT",
        help="F1 drop of each attribution strategy switched off, on these splits (default dev)",
    )
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no PolNeAR data at {args.data}", file=sys.stderr)
        return 2
    names = annotators()
    without = tuple(n for n in names if n != "quotes")
    results: dict = {
        "data": "PolNeAR",
        "annotation_file": "alphabetically first annotator id per article",
        "annotators": list(names),
    }
    newsgraph.extract(
        "Warm-up: the model loads here, not in a timed run.", options=Options(annotators=names)
    )
    for split in args.splits:
        gold = polnear.load_split(args.data, split)
        if args.limit:
            gold = gold[: args.limit]
        arts, seconds = extract_all(gold, names)
        res = {
            "articles": len(gold),
            "direct_4plus": eval_direct(gold, arts, 4),
            "direct_all": eval_direct(gold, arts, 1),
            "attributions": eval_attributions(gold, arts),
            "articles_per_second": {"with_quotes": round(len(gold) / seconds, 2)},
        }
        if split in args.speed_splits:  # timed again, both ways, now that every lazy load is done
            _, base_seconds = extract_all(gold, without)
            _, seconds = extract_all(gold, names)
            res["articles_per_second"]["with_quotes"] = round(len(gold) / seconds, 2)
            res["articles_per_second"]["without_quotes"] = round(len(gold) / base_seconds, 2)
            res["quotes_annotator_ms_per_article"] = annotator_ms(arts)
        if split in args.anchor_splits:
            res["textacy"] = eval_textacy(gold)
        if args.ablate is not None and split in (args.ablate or ["dev"]):
            res["strategy_ablation"] = ablate(gold, arts)
        results[split] = res
        _print(split, res)
    if args.gum.exists():
        results["speaker_resolution_gum"] = eval_resolution(args.gum)
        r = results["speaker_resolution_gum"]
        print("\nGUM news pronoun/nominal speakers:")
        for name, f in [("all", r), *(("half " + h, f) for h, f in r["halves"].items())]:
            print(
                f"  {name}: {f['resolved_right']} resolved right of "
                f"{f['resolved'] + f['resolved_with_no_entity_in_chain']} resolved, "
                f"{f['referring_speakers']} resolvable (P {f['precision']:.3f}, R {f['recall']:.3f})"
            )
    if not args.limit:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2) + "\n")
        print(f"wrote {args.out}")
    return 0


def _print(split: str, res: dict) -> None:
    print(f"\n{split}: {res['articles']} articles")
    print(f"{'measure':38} {'P':>6} {'R':>6} {'F1':>6}   (gold / predicted)")
    for key in ("direct_4plus", "direct_all"):
        r = res[key]
        for m in ("quote", "quote+speaker"):
            s = r[m]
            print(
                f"{key + ' ' + m:38} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   ({r['gold']} / {r['predicted']})"
            )
    a = res["attributions"]
    for m in ("content", "content+speaker"):
        s = a[m]
        print(
            f"{'attributions ' + m:38} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   ({a['gold']} / {a['predicted']})"
        )
    print(f"{'cue accuracy (matched attributions)':38} {a['cue_accuracy']:6.3f}")
    if "textacy" in res:
        t = res["textacy"]
        print(f"anchor, same gold and matching: {t['status']}")
        for key in ("direct_4plus", "direct_all"):
            if key not in t:
                continue
            r, s = t[key], t[key]["quote+speaker"]
            print(
                f"{'textacy ' + key + ' quote+speaker':38} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   ({r['gold']} / {r['predicted']})"
            )
    sp = res["articles_per_second"]
    without = sp.get("without_quotes", "not timed")
    print(f"articles/second: with quotes {sp['with_quotes']}, without {without}")
    if "quotes_annotator_ms_per_article" in res:
        print(f"quotes annotator alone: {res['quotes_annotator_ms_per_article']} ms/article")
    if "strategy_ablation" in res:
        _print_ablation(res["strategy_ablation"])


def _print_ablation(ablation: dict) -> None:
    measures = list(ablation["all_on"])
    print(f"\n{'F1 drop with the strategy off':30}" + "".join(f"{m:>30}" for m in measures))
    print(f"{'(F1 with all on)':30}" + "".join(f"{ablation['all_on'][m]:>30.4f}" for m in measures))
    for name, drops in ablation["f1_drop_when_off"].items():
        print(f"{name:30}" + "".join(f"{drops[m]:>+30.4f}" for m in measures))


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    raise SystemExit(main())
