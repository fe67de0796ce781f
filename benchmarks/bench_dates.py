"""Date normalisation on TempEval-3 (TimeBank and AQUAINT, TimeML).

Two figures, each for TimeBank (tuned on), AQUAINT (held out) and both:
  1. value accuracy on gold spans: each gold TIMEX3 text normalised against
     the document creation time (DCT), the DCT itself excluded;
  2. span+value F1 end to end: the dates annotator on the document text with
     published = DCT; a prediction matches a gold TIMEX3 when they overlap
     (relaxed) or have the same offsets (strict), and counts as correct when
     the values agree too.
Values are compared after a canonical form that only rewrites notation
(199X -> 199, 1997-XX-XX -> 1997, W7 -> W07, T24 -> T24:00, P1Q -> P3M,
PT24H -> P1D, PXE -> PXDE), never meaning: PXQ stays apart from PXM.

    python -m benchmarks.bench_dates [--data ../shared/data/dates-tempeval3] [--limit N]
        [--half even|odd] [--errors FILE]

Each corpus is split in two halves by position in name order (even: the 1st, 3rd, ...
document; odd: the 2nd, 4th, ...): rules are written reading one half's mistakes and
checked on the other. A full run prints the F1 of both halves; ``--half`` scores one.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import dates_kinds

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "dates-tempeval3"
RESULTS = ROOT / "benchmarks" / "results" / "dates.json"
CORPORA = ("TimeBank", "AQUAINT")

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    text: str
    value: str
    type: str
    mod: str = ""


@dataclass
class TmlDoc:
    name: str
    corpus: str
    dct: str
    text: str
    timexes: list[Timex] = field(default_factory=list)
    half: str = "even"  # "even" or "odd": its position in its corpus, in name order


def read_tml(path: Path, corpus: str) -> TmlDoc:
    """The TEXT of a TimeML file with its tags removed, and its TIMEX3s as offsets into it."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct = dict(_ATTR.findall(dct_tag.group(0)))["value"] if dct_tag else ""
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    out: list[str] = []
    length = 0
    open_timex: tuple[int, dict] | None = None
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos : m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex:
            start, attrs = open_timex
            text = "".join(out)[start:length]
            timexes.append(
                Timex(
                    start,
                    length,
                    text,
                    attrs.get("value", ""),
                    attrs.get("type", ""),
                    attrs.get("mod", ""),
                )
            )
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return TmlDoc(path.stem, corpus, dct, "".join(out), timexes)


HALVES = ("even", "odd")


def load(data: Path, limit: int | None = None, half: str | None = None) -> list[TmlDoc]:
    """The documents of each corpus in name order (the first ``limit``; of one half if given)."""
    docs = []
    for corpus in CORPORA:
        for i, path in enumerate(sorted((data / corpus).glob("*.tml"))[:limit]):
            doc = read_tml(path, corpus)
            doc.half = HALVES[i % 2]
            if half in (None, doc.half):
                docs.append(doc)
    return docs


def canonical(value: str) -> str:
    """Notation-only canonical form of a TimeML value."""
    v = value.strip().upper()
    v = re.sub(r"^(\d{4})(?:-XX)+$", r"\1", v)
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    v = re.sub(r"^(\d{2})XX$", r"\1", v)
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", v)
    v = re.sub(r"T(\d\d)$", r"T\1:00", v)
    v = re.sub(r"T(\d\d:\d\d):00$", r"T\1", v)
    return _duration_units(v)


_DURATION = re.compile(r"^P(\d+|X)(DE|CE|Q|E|C|L)$|^PT(\d+)H$")
_SCALE = {
    "Q": (3, "M"),
    "DE": (10, "Y"),
    "E": (10, "Y"),
    "CE": (100, "Y"),
    "C": (100, "Y"),
    "L": (1000, "Y"),
}


def _duration_units(v: str) -> str:
    """One unit per duration: P1Q -> P3M, P1DE -> P10Y, PT24H -> P1D (same length, other notation).

    With an unknown amount only the spelling is unified (PXE -> PXDE): "quarters"
    (PXQ) and "months" (PXM) are different answers.
    """
    m = _DURATION.match(v)
    if not m:
        return v
    if m.group(3):
        hours = int(m.group(3))
        return f"P{hours // 24}D" if hours % 24 == 0 else v
    if m.group(1) == "X":
        # an unknown number of decades is not an unknown number of years: only the spelling changes
        return "PX" + {"E": "DE", "C": "CE"}.get(m.group(2), m.group(2))
    factor, unit = _SCALE[m.group(2)]
    return f"P{int(m.group(1)) * factor}{unit}"


def parse_all(docs: list[TmlDoc]) -> tuple[list, float]:
    """Each document's spaCy parse (small pipeline), and the seconds it took."""
    from newsgraph import nlp

    pipeline = nlp.load()
    started = time.perf_counter()
    parses = [nlp.parse(doc.text, pipeline) for doc in docs]
    return parses, time.perf_counter() - started


def gold_span_accuracy(
    docs: list[TmlDoc], context: bool, parses: list | None = None
) -> tuple[dict, list[tuple]]:
    """Accuracy of the values of gold expressions; with context, the clause's hints and the
    tense of the verb each expression attaches to in ``parses`` are passed too."""
    from newsgraph.dates import resolve
    from newsgraph.dates.context import clause_hints, is_quarterly
    from newsgraph.dates.values import anchor_value
    from newsgraph.dates.verb import verb_tense

    counts: dict[str, list[int]] = {c: [0, 0] for c in (*CORPORA, "all")}
    errors = []
    n_expr, elapsed = 0, 0.0
    for i, doc in enumerate(docs):
        # the parse is not timed here: the annotator gets it from the pipeline
        parsed = parses[i] if context and parses else None
        started = time.perf_counter()
        quarterly_text = is_quarterly(doc.text)
        anchor = None  # the last date we resolved in this document (never a gold value)
        for t in doc.timexes:
            tense, quarterly, period = (
                clause_hints(doc.text, t.start, t.end, quarterly_text)
                if context
                else (None, False, False)
            )
            resolved = resolve(
                t.text,
                doc.dct,
                tense=tense,
                quarterly=quarterly,
                anchor=anchor if context else None,
                period=period,
                verb_tense=verb_tense(parsed, t.start, t.end) if parsed else None,
            )
            got = resolved.value if resolved else None
            if context and got:
                anchor = anchor_value(got) or anchor
            n_expr += 1
            ok = got is not None and canonical(got) == canonical(t.value)
            for key in (doc.corpus, "all", f"type {t.type}"):
                counts.setdefault(key, [0, 0])
                counts[key][0] += ok
                counts[key][1] += 1
            if not ok:
                errors.append((doc.corpus, doc.half, doc.name, doc.dct, t.text, t.value, got))
        elapsed += time.perf_counter() - started
    result = {
        k: {"correct": c, "total": n, "accuracy": round(c / n, 4) if n else None}
        for k, (c, n) in counts.items()
    }
    result["expressions_per_second"] = round(n_expr / elapsed) if elapsed else None
    return result, errors


def mod_scores(docs: list[TmlDoc]) -> dict:
    """``dates.mods.mod_of`` on each gold text against the gold ``mod``: precision and recall of
    the mods given, and the share of all expressions whose mod (or its absence) is right."""
    from newsgraph.dates.mods import mod_of

    right = given = gold = agree = total = 0
    for doc in docs:
        for t in doc.timexes:
            got = mod_of(t.text) or ""
            total += 1
            agree += got == t.mod
            given += bool(got)
            gold += bool(t.mod)
            right += bool(got) and got == t.mod
    return {
        "gold_with_mod": gold,
        "accuracy": round(agree / total, 4) if total else None,
        **_prf(right, given, right, gold),
    }


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def end_to_end(docs: list[TmlDoc], parses: list, parse_time: float) -> tuple[dict, list[tuple]]:
    """The dates annotator on each parsed document, scored against the gold TIMEX3s."""
    from newsgraph.extract.dates import annotate_dates
    from newsgraph.record import Article

    predictions = []
    annotate_time = 0.0
    for doc, parsed in zip(docs, parses, strict=True):
        t1 = time.perf_counter()
        article = Article(body=doc.text, published=doc.dct[:10] if doc.dct else None, language="en")
        annotate_dates(parsed, article)
        annotate_time += time.perf_counter() - t1
        predictions.append(article.dates)
    result, errors = score_predictions(docs, predictions)
    result["halves"] = _halves(docs, predictions)
    result["mistakes_by_kind"] = dates_kinds.misses_by_kind(docs, predictions, CORPORA)
    result["documents_per_second_annotator"] = (
        round(len(docs) / annotate_time, 1) if annotate_time else None
    )
    result["documents_per_second_with_parse"] = round(len(docs) / (annotate_time + parse_time), 1)
    return result, errors


def _halves(docs: list[TmlDoc], predictions: list[list]) -> dict:
    """Relaxed span+value F1 per corpus and overall on each half of the documents."""
    out: dict = {}
    for half in HALVES:
        pairs = [(d, p) for d, p in zip(docs, predictions, strict=True) if d.half == half]
        if pairs:
            scores, _ = score_predictions([d for d, _ in pairs], [p for _, p in pairs])
            out[half] = {k: v["relaxed_span_value"]["f1"] for k, v in scores.items() if v["gold"]}
    return out


def score_predictions(docs: list[TmlDoc], predictions: list[list]) -> tuple[dict, list[tuple]]:
    """Relaxed and strict span and span+value P/R/F1 of each document's predictions (objects
    with ``start``, ``end``, ``text``, ``value``), per corpus and overall, and the mistakes."""
    keys = (*CORPORA, "all")
    tallies = {
        k: dict.fromkeys(
            ("pred", "gold", "span_p", "span_g", "val_p", "val_g", "strict_span", "strict_val"), 0
        )
        for k in keys
    }
    errors = []
    for doc, preds in zip(docs, predictions, strict=True):
        gold = doc.timexes

        def overlaps(a, b):
            return a.start < b.end and b.start < a.end

        span_p = sum(any(overlaps(p, g) for g in gold) for p in preds)
        span_g = sum(any(overlaps(p, g) for p in preds) for g in gold)
        val_p = sum(
            any(overlaps(p, g) and canonical(p.value) == canonical(g.value) for g in gold)
            for p in preds
        )
        val_g = sum(
            any(overlaps(p, g) and canonical(p.value) == canonical(g.value) for p in preds)
            for g in gold
        )
        exact = {(g.start, g.end): g for g in gold}
        strict_span = sum((p.start, p.end) in exact for p in preds)
        strict_val = sum(
            (p.start, p.end) in exact
            and canonical(p.value) == canonical(exact[(p.start, p.end)].value)
            for p in preds
        )
        for k in (doc.corpus, "all"):
            t = tallies[k]
            t["pred"] += len(preds)
            t["gold"] += len(gold)
            t["span_p"] += span_p
            t["span_g"] += span_g
            t["val_p"] += val_p
            t["val_g"] += val_g
            t["strict_span"] += strict_span
            t["strict_val"] += strict_val
        for g in gold:
            match = [p for p in preds if overlaps(p, g)]
            if not match:
                errors.append((doc.corpus, doc.half, doc.name, "missed", g.text, g.value, None))
            elif not any(canonical(p.value) == canonical(g.value) for p in match):
                errors.append(
                    (
                        doc.corpus,
                        doc.half,
                        doc.name,
                        "value",
                        g.text,
                        g.value,
                        [(p.text, p.value) for p in match],
                    )
                )
        for p in preds:
            if not any(overlaps(p, g) for g in gold):
                errors.append((doc.corpus, doc.half, doc.name, "spurious", p.text, None, p.value))
    result = {}
    for k, t in tallies.items():
        result[k] = {
            "gold": t["gold"],
            "predicted": t["pred"],
            "relaxed_span": _prf(t["span_p"], t["pred"], t["span_g"], t["gold"]),
            "relaxed_span_value": _prf(t["val_p"], t["pred"], t["val_g"], t["gold"]),
            "strict_span": _prf(t["strict_span"], t["pred"], t["strict_span"], t["gold"]),
            "strict_span_value": _prf(t["strict_val"], t["pred"], t["strict_val"], t["gold"]),
        }
    return result, errors


def anchors(docs: list[TmlDoc]) -> dict:
    """dateparser on the gold spans and the stock spaCy pipeline + dateparser end to end,
    through the same scorers; empty when dateparser is not installed."""
    from benchmarks import dates_anchors

    if not dates_anchors.available():
        return {}
    counts: dict[str, list[int]] = {c: [0, 0] for c in (*CORPORA, "all")}
    started = time.perf_counter()
    for doc in docs:
        for t in doc.timexes:
            got = dates_anchors.dateparser_value(t.text, doc.dct)
            ok = got is not None and canonical(got) == canonical(t.value)
            for key in (doc.corpus, "all"):
                counts[key][0] += ok
                counts[key][1] += 1
    elapsed = time.perf_counter() - started
    gold = {
        k: {"correct": c, "total": n, "accuracy": round(c / n, 4) if n else None}
        for k, (c, n) in counts.items()
    }
    gold["expressions_per_second"] = round(counts["all"][1] / elapsed) if elapsed else None
    preds, seconds = dates_anchors.stock_spacy_dates([d.text for d in docs], [d.dct for d in docs])
    e2e, _ = score_predictions(docs, preds)
    e2e["documents_per_second_with_parse"] = round(len(docs) / seconds, 1) if seconds else None
    return {"dateparser_gold_span_value_accuracy": gold, "spacy_dateparser_end_to_end": e2e}


def _print_e2e(e2e: dict) -> None:
    print(f"{'corpus':<10} {'metric':<19} {'P':>6} {'R':>6} {'F1':>6}")
    for k in (*CORPORA, "all"):
        for metric in ("relaxed_span", "relaxed_span_value", "strict_span", "strict_span_value"):
            m = e2e[k][metric]
            print(
                f"{k:<10} {metric:<19} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}"
            )


DENSE_UNIT = "On Oct. 7, 2023, 1,204 people paid $3.50 at 10:35 a.m.; 2.5% rose 12 days later (v1.2.3, 31.77, 35.21). "


def dense_page_speed(repeats: int = 1000) -> dict:
    """The annotator on a page of nothing but dates and numbers (~100 kB), without spaCy parsing."""
    from newsgraph import nlp
    from newsgraph.extract.dates import annotate_dates
    from newsgraph.record import Article

    text = DENSE_UNIT * repeats
    doc = nlp.load().make_doc(text)
    article = Article(body=text, published="2023-10-09", language="en")
    started = time.perf_counter()
    annotate_dates(doc, article)
    elapsed = time.perf_counter() - started
    return {
        "characters": len(text),
        "dates": len(article.dates),
        "seconds": round(elapsed, 3),
        "kilobytes_per_second": round(len(text) / 1000 / elapsed, 1),
        "dates_per_second": round(len(article.dates) / elapsed),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="documents per corpus (for quick runs)")
    ap.add_argument("--errors", type=Path, default=None, help="write the mistakes to this file")
    ap.add_argument("--skip-e2e", action="store_true", help="only the gold-span figure")
    ap.add_argument(
        "--half",
        choices=HALVES,
        help="score only the even or odd documents of each corpus (rules are written on one, "
        "checked on the other); writes nothing",
    )
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    docs = load(args.data, args.limit, args.half)
    results: dict = {"documents": len(docs)}
    gold_errors: list[tuple] = []
    parses, parse_time = parse_all(docs)
    for context in (False, True):
        gold, errs = gold_span_accuracy(docs, context, parses)
        label = "with context (clause hints, anchor)" if context else "expression alone"
        print(f"value accuracy on gold spans, {label} (DCT excluded)")
        print(f"{'corpus':<15} {'correct':>8} {'total':>6} {'accuracy':>9}")
        for k in (*CORPORA, "all", *sorted(k for k in gold if k.startswith("type "))):
            g = gold[k]
            print(f"{k:<15} {g['correct']:>8} {g['total']:>6} {g['accuracy']:>9.4f}")
        print(f"speed: {gold['expressions_per_second']} expressions/s\n")
        results["gold_span_value_accuracy" + ("_with_context" if context else "")] = gold
        gold_errors = errs
    mods = mod_scores(docs)
    results["mod_on_gold_spans"] = mods
    print(
        f"mod on gold spans ({mods['gold_with_mod']} with a mod): P {mods['precision']:.3f} "
        f"R {mods['recall']:.3f} F1 {mods['f1']:.3f}; right or rightly absent {mods['accuracy']:.4f}\n"
    )
    e2e_errors: list[tuple] = []
    if not args.skip_e2e:
        e2e, e2e_errors = end_to_end(docs, parses, parse_time)
        print("\nend to end (annotator on the text, published = DCT)")
        _print_e2e(e2e)
        print("\nrelaxed span+value F1 by half (even/odd documents of each corpus, name order)")
        for half, scores in e2e["halves"].items():
            print(f"{half:<5} " + "  ".join(f"{k} {f:.3f}" for k, f in scores.items()))
        print("\nmistakes by kind (gold/missed/wrong value/spurious; TIMEX3 type, else value)")
        dates_kinds.print_table(e2e["mistakes_by_kind"])
        print(
            f"speed: {e2e['documents_per_second_annotator']} documents/s (annotator on parsed docs), "
            f"{e2e['documents_per_second_with_parse']} documents/s with spaCy parsing"
        )
        results["end_to_end"] = e2e
        anchor = anchors(docs)
        results["anchors"] = anchor
        if anchor:
            gold = anchor["dateparser_gold_span_value_accuracy"]
            print("\nanchor: dateparser on gold spans (value accuracy)")
            for k in (*CORPORA, "all"):
                g = gold[k]
                print(f"{k:<15} {g['correct']:>8} {g['total']:>6} {g['accuracy']:>9.4f}")
            print("anchor: stock spaCy DATE/TIME entities + dateparser, end to end")
            _print_e2e(anchor["spacy_dateparser_end_to_end"])
        else:
            print("\nanchors: dateparser not installed (pip install -e '.[bench]')")
    dense = dense_page_speed()
    print(
        f"\ndense page ({dense['characters']:,} characters, {dense['dates']:,} dates): "
        f"{dense['seconds']} s, {dense['kilobytes_per_second']} kB/s, {dense['dates_per_second']:,} dates/s"
    )
    results["dense_page"] = dense
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for row in gold_errors:
                fh.write("gold\t" + "\t".join(map(str, row)) + "\n")
            for row in e2e_errors:
                fh.write("e2e\t" + "\t".join(map(str, row)) + "\n")
    if args.limit is None and args.half is None and not args.skip_e2e:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
