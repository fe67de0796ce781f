"""NER quality on news with gold data: CoNLL-2003 (Reuters) and GUM news (Wikinews).

    python -m benchmarks.bench_ner [--conll PATH] [--gum PATH] [--split valid]

Runs the stock small English pipeline and newsgraph's pipeline (``newsgraph.nlp.load()``
with the fine-tuned entity recogniser installed) over the gold tokens, maps
OntoNotes labels to each data set's types, and prints entity-level strict
precision, recall and F1, overall and per type; on CoNLL also on the names CoNLL
train does not hold (row "new": the part of a held-out set no recogniser knows by
heart). Figures go to
``benchmarks/results/ner.json``. How it is measured: docs/benchmarks/ner.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

# OntoNotes -> CoNLL-2003 types; numeric types are dropped (None).
ONTO_TO_CONLL = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
# GUM entity types -> the same four types; GUM's numeric and generic types are dropped.
GUM_TO_CONLL = {
    "person": "PER",
    "organization": "ORG",
    "place": "LOC",
    "event": "MISC",
    "object": "MISC",
    "abstract": "MISC",
}


@dataclass
class GoldDoc:
    """One gold document: its tokens, spaces after them, and (start, end, type) token spans."""

    words: list[str]
    spaces: list[bool]
    spans: set[tuple[int, int, str]] = field(default_factory=set)


def read_conll(path: Path) -> list[GoldDoc]:
    """CoNLL-2003 columns (token POS chunk NER, IOB2), one GoldDoc per -DOCSTART- block."""
    docs: list[GoldDoc] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            docs.append(GoldDoc(list(words), [True] * len(words), iob_spans(tags)))
        words.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            flush()
            continue
        if not line.strip():
            # A break token after a sentence that ends in an entity keeps IOB1-style
            # tags and predictions from running on into the next sentence.
            if tags and tags[-1] != "O":
                words.append("\n")
                tags.append("O")
            continue
        cols = line.split()
        words.append(cols[0])
        tags.append(cols[-1])
    flush()
    return docs


def iob_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) from IOB2 (or IOB1) tags."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        head, _, label = tag.partition("-")
        if start is not None and (head != "I" or label != kind):
            spans.add((start, i, kind))
            start = None
        if head == "B" or (head == "I" and start is None):
            start, kind = i, label
    return spans


# "(12-person-...)" a one-token mention, "(12-person-..." an opening, "12)" a closing.
_ENTITY = re.compile(r"\((\d+)-([a-z]+)-[^()]*\)|\((\d+)-([a-z]+)-[^()]*|(\d+)\)")


def read_gum(folder: Path) -> list[GoldDoc]:
    """GUM CoNLL-U files: named mentions only (head token PROPN), trimmed of determiners."""
    docs = []
    for path in sorted(folder.glob("*.conllu")):
        words: list[str] = []
        spaces: list[bool] = []
        upos: list[str] = []
        heads: list[int] = []
        mentions: list[tuple[int, int, str]] = []
        open_: dict[str, list[tuple[int, str]]] = {}
        base = 0
        sent_len = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                base += sent_len
                sent_len = 0
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if not cols[0].isdigit():
                continue
            i = len(words)
            sent_len += 1
            words.append(cols[1])
            upos.append(cols[3])
            heads.append(base + int(cols[6]) - 1 if cols[6] != "0" else -1)
            misc = cols[9]
            spaces.append("SpaceAfter=No" not in misc)
            ent = next((p[7:] for p in misc.split("|") if p.startswith("Entity=")), "")
            for m in _ENTITY.finditer(ent):
                if m.group(1):
                    mentions.append((i, i + 1, m.group(2)))
                elif m.group(3):
                    open_.setdefault(m.group(3), []).append((i, m.group(4)))
                elif open_.get(m.group(5)):
                    start, kind = open_[m.group(5)].pop()
                    mentions.append((start, i + 1, kind))
        doc = GoldDoc(words, spaces)
        for start, end, kind in mentions:
            label = GUM_TO_CONLL.get(kind)
            head = _span_head(start, end, heads)
            if label is None or upos[head] != "PROPN":
                continue
            name = _name_span(words, start, end, head)
            if name and label == "PER":
                name = _without_title(words, *name)
            if name:
                doc.spans.add((*name, label))
        docs.append(doc)
    return docs


_CONNECTORS = {"of", "the", "for", "and", "&", "de", "du", "la", "von", "van", "on"}


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _name_span(words: list[str], start: int, end: int, head: int) -> tuple[int, int] | None:
    """The proper name around a mention's head: capitalised words, with connectors inside.

    GUM mentions are full noun phrases ("the Daughters of the American Revolution
    Constitution Hall in Washington D.C."); NER spans are names, so the gold span
    is cut to the run of capitalised words (and "of", "the", "and"... between
    them) that holds the head.
    """
    if not _is_name_word(words[head]):
        return None
    left = head
    while left > start:
        j = left - 1
        while j > start and words[j].lower() in _CONNECTORS:
            j -= 1
        if _is_name_word(words[j]) and words[j] != "'s" and j < left:
            left = j
        else:
            break
    while left < head and words[left].lower() in ("the", "a", "an"):
        left += 1
    right = head + 1
    while right < end:
        j = right
        while j < end - 1 and words[j].lower() in _CONNECTORS:
            j += 1
        if j < end and _is_name_word(words[j]):
            right = j + 1
        else:
            break
    return left, right


# Titles GUM keeps in a person's mention and NER conventions (OntoNotes, CoNLL) leave out.
_TITLES = frozenset(
    "mr mrs ms miss dr sir dame lady lord president vice ambassador minister prime senator "
    "sen rep governor gov mayor king queen prince princess pope general gen captain judge "
    "professor prof rev reverend chancellor secretary chairman spokesman".split()
)


def _without_title(words: list[str], start: int, end: int) -> tuple[int, int]:
    """A person's name without leading titles: 'Ambassador Mohib' -> 'Mohib'."""
    while end - start > 1 and words[start].lower().rstrip(".") in _TITLES:
        start += 1
    return start, end


def _span_head(start: int, end: int, heads: list[int]) -> int:
    """The token of the span whose syntactic head lies outside it."""
    for i in range(start, end):
        if not start <= heads[i] < end:
            return i
    return start


def predict(
    nlp: Language, docs: Iterable[GoldDoc], mapping: dict[str, str], mentions: bool = False
) -> Iterator[set]:
    """Predicted (start, end, type) spans per gold doc, tokens as given.

    With ``mentions`` the spans are the entities annotator's cleaned mentions
    (titles split off, types corrected) rather than the recogniser's raw spans.
    """
    from newsgraph.extract.entities import mentions_of

    for gold in docs:
        doc = Doc(nlp.vocab, words=gold.words, spaces=gold.spaces)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        if mentions:
            found = set()
            for m in mentions_of(doc):
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and m.label in mapping:
                    found.add((span.start, span.end, mapping[m.label]))
            yield found
            continue
        spans = set()
        for ent in doc.ents:
            start, end = ent.start, ent.end
            # Gold spans never hold a leading article or a trailing possessive; OntoNotes
            # spans often do ("the United States"). Trimmed alike for every pipeline.
            while start < end and doc[start].lower_ in ("the", "a", "an"):
                start += 1
            while end > start and doc[end - 1].lower_ in ("'s", "'", "\n"):
                end -= 1
            if ent.label_ in mapping and start < end:
                spans.add((start, end, mapping[ent.label_]))
        yield spans


def score(gold_docs: list[GoldDoc], predicted: Iterable[set]) -> dict:
    """Entity-level strict P/R/F1, overall and per type."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, pred in zip(gold_docs, predicted, strict=True):
        for span in pred:
            (tp if span in gold.spans else fp)[span[2]] += 1
        for span in gold.spans - pred:
            fn[span[2]] += 1

    def prf(t: int, p: int, n: int) -> dict:
        prec = t / (t + p) if t + p else 0.0
        rec = t / (t + n) if t + n else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"p": round(prec, 4), "r": round(rec, 4), "f1": round(f1, 4), "support": t + n}

    types = sorted(set(tp) | set(fp) | set(fn))
    out = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["types"] = {k: prf(tp[k], fp[k], fn[k]) for k in types}
    return out


def unseen_slice(
    docs: list[GoldDoc], predicted: list[set], seen: set[str]
) -> tuple[list[GoldDoc], list[set]]:
    """Gold and predicted spans whose words (lower case) never name an entity in the
    training split: the part of a test set a recogniser cannot know by heart. Held-out
    sets hold more of it than the valid split (CoNLL's test set is later news), so the
    slice's F1 says more than the whole's about figures on text nobody tuned on."""

    def unseen(doc: GoldDoc, spans: set) -> set:
        return {s for s in spans if " ".join(doc.words[s[0] : s[1]]).lower() not in seen}

    gold = [GoldDoc(d.words, d.spaces, unseen(d, d.spans)) for d in docs]
    return gold, [unseen(d, p) for d, p in zip(docs, predicted, strict=True)]


def evaluate(
    nlp: Language,
    docs: list[GoldDoc],
    mapping: dict[str, str],
    mentions: bool = False,
    seen: set[str] | None = None,
) -> dict:
    """Scores of one pipeline on docs; with ``seen`` (names of the training split), also
    the scores on the names it does not hold (``unseen_slice``)."""
    t0 = time.perf_counter()
    predicted = list(predict(nlp, docs, mapping, mentions))
    secs = time.perf_counter() - t0
    result = score(docs, predicted)
    result["words_per_sec"] = round(sum(len(d.words) for d in docs) / secs)
    if seen is not None:
        unseen = score(*unseen_slice(docs, predicted, seen))
        result["unseen_names"] = {k: unseen[k] for k in ("p", "r", "f1", "support")}
    return result


def training_names(path: Path) -> set[str]:
    """Every entity name of a CoNLL file, in lower case."""
    return {" ".join(d.words[a:b]).lower() for d in read_conll(path) for a, b, _ in d.spans}


def stock_pipeline() -> Language:
    """The stock small pipeline as installed, without newsgraph's recogniser weights."""
    from newsgraph.nlp import DEFAULT_MODELS

    return spacy.load(DEFAULT_MODELS[0])


def newsgraph_pipeline(weights: Path | None = None) -> Language:
    """The same pipeline with newsgraph's recogniser installed (the shipped weights by default)."""
    from newsgraph import recognizer as entity_model

    return entity_model.install(stock_pipeline(), weights)


def pipelines(weights: Path | None = None) -> dict[str, Language]:
    """The stock pipeline (the anchor) and newsgraph's, each loaded fresh, scored in one run."""
    return {"stock": stock_pipeline(), "newsgraph": newsgraph_pipeline(weights)}


def table(results: dict) -> str:
    rows = [f"{'data':<14}{'pipeline':<11}{'type':<6}{'P':>7}{'R':>7}{'F1':>7}{'n':>7}"]
    for data, by_pipe in results.items():
        for pipe, res in by_pipe.items():
            rows.append(
                f"{data:<14}{pipe:<11}{'ALL':<6}{res['p']:>7.3f}{res['r']:>7.3f}"
                f"{res['f1']:>7.3f}{res['support']:>7}"
            )
            if "unseen_names" in res:
                u = res["unseen_names"]
                rows.append(
                    f"{'':<14}{'':<11}{'new':<6}{u['p']:>7.3f}{u['r']:>7.3f}"
                    f"{u['f1']:>7.3f}{u['support']:>7}"
                )
            for kind, r in res["types"].items():
                rows.append(
                    f"{'':<14}{'':<11}{kind:<6}{r['p']:>7.3f}{r['r']:>7.3f}"
                    f"{r['f1']:>7.3f}{r['support']:>7}"
                )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--conll", type=Path, default=DATA / "ner-conll2003")
    ap.add_argument("--gum", type=Path, default=DATA / "ner-gum-news")
    ap.add_argument(
        "--split", default="valid", help="CoNLL split to score (valid; train for a check)"
    )
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    ap.add_argument("--weights", type=Path, help="recogniser weights other than the shipped ones")
    ap.add_argument("--only", choices=("conll", "gum"), help="score one data set")
    ap.add_argument(
        "--half",
        choices=("even", "odd"),
        help="score only the even or odd documents (rules are written on one, checked on the other)",
    )
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ner.json")
    args = ap.parse_args(argv)
    conll_path = args.conll / f"{args.split}.txt"
    if not conll_path.exists() or not args.gum.exists():
        print(f"data not found: {conll_path} / {args.gum}", file=sys.stderr)
        return 2
    data = {}
    if args.only != "gum":
        data[f"conll-{args.split}"] = (read_conll(conll_path), ONTO_TO_CONLL)
    if args.only != "conll":
        data["gum-news"] = (read_gum(args.gum), ONTO_TO_CONLL)
    train = args.conll / "train.txt"
    seen = training_names(train) if train.exists() else None
    results: dict = {}
    for name, nlp in pipelines(args.weights).items():
        for data_name, (docs, mapping) in data.items():
            if args.half:
                docs = [d for i, d in enumerate(docs) if i % 2 == (args.half == "odd")]
            docs = docs[: args.limit] if args.limit else docs
            known = seen if data_name.startswith("conll") else None
            results.setdefault(data_name, {})[name] = evaluate(nlp, docs, mapping, seen=known)
            if name == "newsgraph":
                results[data_name]["annotator"] = evaluate(
                    nlp, docs, mapping, mentions=True, seen=known
                )
    print(table(results))
    if not (args.limit or args.weights or args.only or args.half):
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
