"""The recogniser training script's augmentation: names swapped by label, case changed."""

from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc, Span
from spacy.training import Example

from training.train_ner import augment, inventory


def example(nlp: spacy.Language, words: list[str], ents: list[tuple[int, int, str]]) -> Example:
    ref = Doc(nlp.vocab, words=words)
    ref.ents = [Span(ref, s, e, label) for s, e, label in ents]
    return Example(Doc(nlp.vocab, words=words), ref)


def test_inventory_keeps_cased_names_and_acronyms() -> None:
    nlp = spacy.blank("en")
    ex = example(
        nlp,
        ["EU", "and", "BAYERISCHE", "VEREINSBANK", "met", "Opel", "AG", "on", "Monday"],
        [(0, 1, "ORG"), (2, 4, "ORG"), (5, 7, "ORG"), (8, 9, "DATE")],
    )
    assert inventory([ex]) == {"ORG": [("EU",), ("Opel", "AG")]}


def test_augment_swaps_names_of_the_same_label_and_keeps_numbers() -> None:
    nlp = spacy.blank("en")
    ex = example(
        nlp,
        ["Clinton", "visited", "Paris", "on", "Monday", "."],
        [(0, 1, "PERSON"), (2, 3, "GPE"), (4, 5, "DATE")],
    )
    names = {"PERSON": [("Ana", "Horvat")], "GPE": [("Split",)]}
    out = augment(nlp, ex, names, random.Random(0), replace=1.0, upper=0.0, lower=0.0)
    ents = [(e.text, e.label_) for e in out.reference.ents]
    assert ents == [("Ana Horvat", "PERSON"), ("Split", "GPE"), ("Monday", "DATE")]
    assert out.predicted.text == out.reference.text == "Ana Horvat visited Split on Monday . "


def test_augment_capitals_and_no_change() -> None:
    nlp = spacy.blank("en")
    ex = example(nlp, ["ATHENS", "1996-08-22"], [(0, 1, "GPE")])
    names = {"GPE": [("Split",)]}
    out = augment(nlp, ex, names, random.Random(0), replace=1.0, upper=0.0, lower=0.0)
    assert [e.text for e in out.reference.ents] == ["SPLIT"]
    same = augment(nlp, ex, names, random.Random(0), replace=0.0, upper=0.0, lower=0.0)
    assert same is ex
    lower = augment(nlp, ex, names, random.Random(0), replace=0.0, upper=0.0, lower=1.0)
    assert [e.text for e in lower.reference.ents] == ["athens"]
