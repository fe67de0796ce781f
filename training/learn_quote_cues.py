"""Candidate cue lemmas for ``quote_cues``, read off PolNeAR's train split only.

Every verb, noun and adjective of train's parsed bodies is put in a frame (a verb
with a clause, an object or a preposition; a noun with a "that" clause or a
preposition; an adjective with a clause or a preposition) and counted, and so is
how often it lies inside a gold Cue span. The lemmas not yet in a cue list, seen
at least ``--min-count`` times in a frame and a cue in at least ``--min-share`` of
them, are printed, most often a cue first. A candidate goes into a list by hand,
only when adding it does not lower train's all-attributions content+speaker F1
(``benchmarks.bench_quotes``); see docs/benchmarks/quotes.md.

    python -m training.learn_quote_cues [--data ../shared/data/quotes-polnear]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from spacy.tokens import Token

from benchmarks import polnear
from benchmarks.bench_quotes import DEFAULT_DATA
from newsgraph.extract import quote_cues as cues
from newsgraph.nlp import load, parse

KNOWN = (
    cues.SPEECH_VERBS
    | cues.REPORTING_VERBS
    | cues.NAMING_VERBS
    | cues.STANCE_VERBS
    | cues.INTENT_VERBS
    | cues.BELIEF_VERBS
    | cues.CLAUSE_ONLY
    | cues.CLAIM_NOUNS
    | frozenset(cues.STANCE_NOUNS)
)


def _that_clause(tok: Token) -> bool:
    return any(
        c.dep_ in ("acl", "ccomp")
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in tok.rights
    )


def frame(tok: Token) -> str | None:
    """The frame a verb, noun or adjective stands in, or None when it has no complement."""
    deps = {c.dep_ for c in tok.children}
    prep = next((c.lower_ for c in tok.rights if c.dep_ == "prep"), None)
    if tok.pos_ == "VERB":
        if "ccomp" in deps:
            return "verb+clause"
        if "dobj" in deps:
            return "verb+object"
        return f"verb+{prep}" if prep else None
    if tok.pos_ == "NOUN":
        if _that_clause(tok):
            return "noun+that"
        return f"noun+{prep}" if prep else None
    if tok.pos_ == "ADJ":
        if "ccomp" in deps:
            return "adj+clause"
        return f"adj+{prep}" if prep else None
    return None


def count(gold: list[polnear.GoldArticle]) -> tuple[Counter, Counter]:
    """Occurrences of each (frame, lemma), and how many lie inside a gold Cue."""
    nlp = load()
    seen: Counter = Counter()
    cue: Counter = Counter()
    for article in gold:
        cue_chars = {i for a in article.attributions for s, e in a.cue for i in range(s, e)}
        for tok in parse(article.text, nlp):
            kind = frame(tok)
            if kind is None:
                continue
            key = (kind, tok.lemma_.lower())
            seen[key] += 1
            cue[key] += tok.idx in cue_chars
    return seen, cue


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--min-count", type=int, default=6)
    ap.add_argument("--min-share", type=float, default=0.4)
    args = ap.parse_args(argv)
    seen, cue = count(polnear.load_split(args.data, "train"))
    rows = sorted(
        (cue[k] / n, n, k)
        for k, n in seen.items()
        if n >= args.min_count and cue[k] / n >= args.min_share and k[1] not in KNOWN
    )
    for share, n, (kind, lemma) in reversed(rows):
        print(f"{share:.2f}\t{n}\t{kind}\t{lemma}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
