"""Build ``data/ner/given_names.txt``: first names learned from CoNLL-2003 train.

A word is a given name when it opens a gold person name of two or more words
at least ``--min-count`` times and opens any other gold name (organisation,
place, other) at most ``--max-other`` of that many times ("Morgan Stanley"
keeps "Morgan" out). Only the train split is read.

    python -m training.build_given_names [--conll ../shared/data/ner-conll2003/train.txt]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "ner" / "given_names.txt"


def gold_names(path: Path) -> list[tuple[str, list[str]]]:
    """(type, words) of every gold name in a CoNLL IOB file."""
    names: list[tuple[str, list[str]]] = []
    current: tuple[str, list[str]] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        tag = parts[-1] if len(parts) >= 2 and not line.startswith("-DOCSTART-") else "O"
        if tag.startswith("B-") or (tag.startswith("I-") and current is None):
            current = (tag[2:], [parts[0]])
            names.append(current)
        elif tag.startswith("I-") and current is not None:
            current[1].append(parts[0])
        else:
            current = None
    return names


def given_names(names: list[tuple[str, list[str]]], min_count: int, max_other: float) -> list[str]:
    """First words of multi-word person names that rarely open other names."""
    person, other = Counter(), Counter()
    for kind, words in names:
        first = words[0]
        if kind == "PER" and len(words) > 1:
            person[first] += 1
        elif kind != "PER":
            other[first] += 1
    return sorted(
        w
        for w, n in person.items()
        if n >= min_count
        and other[w] <= max_other * n
        and w.isalpha()
        and w[0].isupper()
        and len(w) > 1
        and not w.isupper()
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conll", type=Path, default=Path("../shared/data/ner-conll2003/train.txt"))
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument("--max-other", type=float, default=0.1)
    args = ap.parse_args()
    words = given_names(gold_names(args.conll), args.min_count, args.max_other)
    header = "# Given names from CoNLL-2003 train (python -m training.build_given_names)\n"
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} given names -> {OUT}")


if __name__ == "__main__":
    main()
