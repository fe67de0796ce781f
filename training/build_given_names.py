"""Build ``data/ner/given_names.txt``: first names learned from CoNLL-2003 train.

A word is a given name when it opens a gold person name of two or more words
at least ``--min-count`` times and opens any other gold name (organisation,
place, other) at most ``--max-other`` of that many times ("Morgan Stanley"
keeps "Morgan" out). Only the train split is read.

Reuters 1996 knows few of today's given names ("Greta", "Meryl", "Quentin"), so the
first names of the 1990 US census, as the ``names`` package ships them (the ``train``
extra), are added where nothing says they are something else: a word CoNLL-2003
train writes in lower case ("Will", "Rose", "Hope"), one that opens other names there
("Morgan"), or a place the gazetteer knows as an area or a town of more than
``--max-town`` people ("Austin", "Florence", "Chelsea").

Neither knows "Priya", "Ngozi", "Wei" or "Hiroshi", so the first names Faker (MIT, the
``train`` extra) lists for each of its locales but the United States', those written in the Latin alphabet
(accents taken off, as the lists are written), are added (marked 'world') under the same
conditions.

    python -m training.build_given_names [--conll ../shared/data/ner-conll2003/train.txt]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import unicodedata
from collections import Counter
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

from newsgraph.countries import is_demonym
from newsgraph.gazetteer import load_gazetteer

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


def lower_words(path: Path) -> Counter:
    """How often each word occurs in lower case in a CoNLL file."""
    counts: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split(" ", 1)[0]
        if word.islower():
            counts[word] += 1
    return counts


def outside_names(
    candidates: Iterable[str], names: list[tuple[str, list[str]]], lower: Counter, max_town: int
) -> list[str]:
    """First names from outside the news (the census's, Faker's) that nothing in CoNLL-2003
    train or the gazetteer calls something else."""
    opens_other = {words[0] for kind, words in names if kind != "PER"}
    gaz = load_gazetteer()
    return [
        word
        for word in (name.capitalize() for name in candidates)
        if len(word) > 2
        and lower[word.lower()] == 0
        and word not in opens_other
        and not any(c.is_area or c.population > max_town for c in gaz.lookup(word))
    ]


def census_frequencies() -> dict[str, dict[str, float]]:
    """'female'/'male' -> first name (in capitals) -> percent of that sex in the 1990 US
    census, from the ``names`` package's files."""
    out: dict[str, dict[str, float]] = {}
    for kind in ("female", "male"):
        text = (files("names") / f"dist.{kind}.first").read_text("ascii")
        out[kind] = {row[0]: float(row[1]) for row in map(str.split, text.splitlines())}
    return out


# The census covers these, and Faker's lists for them hold surnames and odd spellings
# ("Graves", "Alexande").
_CENSUS_LOCALES = ("en", "en_US")


def world_names() -> set[str]:
    """The first names of every other Faker locale that are written in the Latin alphabet,
    without their accents, less nationality words."""
    import faker.providers.person as person

    out: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        if module.name in _CENSUS_LOCALES:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in dir(provider):
            if attr.startswith("first_") and attr.endswith(("names", "names_male", "names_female")):
                listed = getattr(provider, attr)
                if isinstance(listed, (list, tuple, dict)):  # some are properties
                    out.update(n for n in listed if isinstance(n, str))
    plain = (
        "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c))
        for n in out
    )
    # a nationality word is no one's name here, whatever a locale lists ("Georgian" in
    # Romania: "the Georgian Parliament")
    return {n for n in plain if n.isascii() and n.isalpha() and not is_demonym(n)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conll", type=Path, default=Path("../shared/data/ner-conll2003/train.txt"))
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument("--max-other", type=float, default=0.1)
    ap.add_argument("--max-town", type=int, default=20_000)
    args = ap.parse_args()
    names = gold_names(args.conll)
    news = set(given_names(names, args.min_count, args.max_other))
    lower = lower_words(args.conll)
    census = outside_names(
        [n for kind in census_frequencies().values() for n in kind], names, lower, args.max_town
    )
    world = outside_names(sorted(world_names()), names, lower, args.max_town)
    marked = (
        {w: f"{w}\tworld" for w in world}
        | {w: f"{w}\tcensus" for w in census}
        | {w: w for w in news}
    )
    rows = sorted(marked.items())
    header = (
        "# Given names from CoNLL-2003 train, and (marked 'census') from the 1990 US census"
        " and (marked 'world') Faker's locales (python -m training.build_given_names)\n"
    )
    OUT.write_text(header + "".join(f"{row}\n" for _, row in rows), encoding="utf-8")
    added = sum(row.endswith("world") for _, row in rows)
    print(f"{len(rows)} given names ({added} from Faker's locales only) -> {OUT}")


if __name__ == "__main__":
    main()
