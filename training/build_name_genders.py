"""Build ``data/ner/given_name_genders.txt``: the gender news text gives each given name.

Read off CoNLL-2003 train only. Every gold person mention (a full name, or a
surname alone where the document gave the full name) votes for its given
name: an honorific before it ("Mr", "Mrs") three votes, the first personal
pronoun after it, in its sentence or the next and before another person is
named ("Smith said he ..."), one. A name is kept when it has at least
``--min-votes`` votes and one gender holds at least ``--min-share`` of them,
and it is one of the shipped given names (``data/ner/given_names.txt``). A
shipped name CoNLL-2003 train gives too few votes takes the gender the 1990 US
census gives it (the ``names`` package, the ``train`` extra), where at least
``--census-share`` of its bearers are of that sex.

    python -m training.build_name_genders [--conll ../shared/data/ner-conll2003/train.txt]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from newsgraph.lexicon.given_names import given_names
from training.build_given_names import census_frequencies

OUT = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "newsgraph"
    / "data"
    / "ner"
    / "given_name_genders.txt"
)
MALE = frozenset("he him his himself".split())
FEMALE = frozenset("she her hers herself".split())
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f"}
HONORIFIC_VOTES = 3

Token = tuple[str, str]  # (word, NER tag)


def documents(path: Path) -> list[list[list[Token]]]:
    """Documents of sentences of (word, tag) from a CoNLL IOB file."""
    docs: list[list[list[Token]]] = []
    sent: list[Token] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if line.startswith("-DOCSTART-"):
            docs.append([])
        elif not parts:
            if sent and docs:
                docs[-1].append(sent)
            sent = []
        else:
            sent.append((parts[0], parts[-1]))
    return docs


def _persons(sent: list[Token]) -> list[tuple[int, int]]:
    """(start, end) token ranges of the gold person names of a sentence."""
    out: list[tuple[int, int]] = []
    for i, (_, tag) in enumerate(sent):
        if tag == "B-PER" or (tag == "I-PER" and (i == 0 or sent[i - 1][1][2:] != "PER")):
            out.append((i, i + 1))
        elif tag == "I-PER":
            out[-1] = (out[-1][0], i + 1)
    return out


def _pronoun_after(doc: list[list[Token]], s: int, end: int) -> str | None:
    """The gender of the first personal pronoun after a name ending at token end of sentence
    s, in that sentence or the next, before another person's name."""
    for k, sent in enumerate(doc[s : s + 2]):
        for word, tag in sent[end if k == 0 else 0 :]:
            if tag.endswith("PER"):
                return None
            low = word.lower()
            if low in MALE or low in FEMALE:
                return "m" if low in MALE else "f"
    return None


def votes(docs: list[list[list[Token]]]) -> dict[str, Counter[str]]:
    """Given name -> Counter of 'm'/'f' votes."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        first_of: dict[str, str] = {}  # surname -> given name, within the document
        for s, sent in enumerate(doc):
            for a, b in _persons(sent):
                words = [w for w, _ in sent[a:b]]
                if len(words) > 1:
                    first_of[words[-1]] = words[0]
                given = words[0] if len(words) > 1 else first_of.get(words[0])
                if given is None:
                    continue
                honorific = HONORIFICS.get(sent[a - 1][0].lower().rstrip(".")) if a else None
                if honorific:
                    out[given][honorific] += HONORIFIC_VOTES
                pronoun = _pronoun_after(doc, s, b)
                if pronoun:
                    out[given][pronoun] += 1
    return out


def name_genders(
    counted: dict[str, Counter[str]], min_votes: int, min_share: float
) -> list[tuple[str, str]]:
    """(given name, 'm' or 'f') for the names whose votes agree enough."""
    known = given_names()
    out = []
    for name, c in sorted(counted.items()):
        total = c["m"] + c["f"]
        if name not in known or total < min_votes:
            continue
        gender, n = c.most_common(1)[0]
        if n >= min_share * total:
            out.append((name, gender))
    return out


def census_genders(census: dict[str, dict[str, float]], min_share: float) -> dict[str, str]:
    """Given name -> 'm' or 'f' where the census's bearers are that sex by ``min_share``."""
    female, male = census["female"], census["male"]
    out = {}
    for upper in female.keys() | male.keys():
        f, m = female.get(upper, 0.0), male.get(upper, 0.0)
        if max(f, m) >= min_share * (f + m):
            out[upper.capitalize()] = "f" if f > m else "m"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conll", type=Path, default=Path("../shared/data/ner-conll2003/train.txt"))
    ap.add_argument("--min-votes", type=int, default=2)
    ap.add_argument("--min-share", type=float, default=0.9)
    ap.add_argument("--census-share", type=float, default=0.95)
    args = ap.parse_args()
    rows = dict(name_genders(votes(documents(args.conll)), args.min_votes, args.min_share))
    known = given_names()
    for name, gender in census_genders(census_frequencies(), args.census_share).items():
        if name in known:
            rows.setdefault(name, gender)
    rows = sorted(rows.items())
    header = (
        "# Given name and gender from CoNLL-2003 train and the 1990 US census"
        " (python -m training.build_name_genders)\n"
    )
    OUT.write_text(header + "".join(f"{n}\t{g}\n" for n, g in rows), encoding="utf-8")
    print(f"{len(rows)} names ({sum(g == 'f' for _, g in rows)} f) -> {OUT}")


if __name__ == "__main__":
    main()
