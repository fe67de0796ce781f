"""Long bodies are annotated piece by piece, so memory stays bounded whatever the length.

A parse holds state per token, and the annotators per token and mention: over
a whole 20 MB body that is gigabytes. A body longer than ``PIECE_CHARS`` is cut
at paragraph (else line, sentence, space) breaks, each piece is annotated as
an article of its own, and the pieces' findings are merged back into the
article with their offsets moved and their entity ids renumbered. Entities
with the same corpus key in several pieces become one entity; what cannot be
merged (a pronoun in one piece naming a person introduced in another) is the
price of a body this long, which is rarely one article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from newsgraph.nlp import pieces
from newsgraph.record import Article, Entity, Place, Tone

PIECE_CHARS = 100_000

# Record keys holding an offset into the body, and keys holding an entity id.
_ENTITY_KEYS = ("entity", "place")


def _is_offset(key: str) -> bool:
    return key in ("start", "end") or key.endswith(("_start", "_end"))


def _move(data: Any, offset: int, ids: dict[str, str]) -> None:
    """Move every offset in a part of a piece's record by ``offset`` and rename its
    entity ids, in place: a copy would hold the annotations twice."""
    if isinstance(data, list):
        for item in data:
            _move(item, offset, ids)
    elif isinstance(data, BaseModel):
        for key, value in list(data.__dict__.items()):
            if _is_offset(key) and isinstance(value, int):
                setattr(data, key, value + offset)
            elif key in _ENTITY_KEYS and isinstance(value, str):
                setattr(data, key, ids.get(value, value))
            else:
                _move(value, offset, ids)


def split(article: Article, size: int | None = None) -> Iterator[tuple[int, Article]]:
    """The article's body in pieces of at most ``size`` (default ``PIECE_CHARS``)
    characters, each as an article (same metadata) with its offset."""
    meta = article.model_dump(include={"id", "url", "title", "published", "language"})
    for start, end in pieces(article.body, size or PIECE_CHARS):
        yield start, Article(body=article.body[start:end], **meta)


def _merge_tones(tones: list[Tone]) -> Tone | None:
    """The body's tone from its pieces': each percentage is the pieces' mean weighted by
    their words, which is what counting over the whole body gives."""
    words = sum(t.words for t in tones)
    if not words:
        return tones[0] if tones else None
    mean = {
        name: round(sum(getattr(t, name) * t.words for t in tones) / words, 4)
        for name in ("positive", "negative", "activity", "self_group")
    }
    return Tone(
        tone=round(mean["positive"] - mean["negative"], 4),
        polarity=round(mean["positive"] + mean["negative"], 4),
        words=words,
        **mean,
    )


class Merger:
    """Fills an article's annotations (``fields``) from its annotated pieces, taken one
    at a time so that a piece can be let go as soon as it is merged.

    Entities with the same corpus key become one entity (the first piece's, with
    every piece's mentions); places of one entity become one place.
    """

    def __init__(self, article: Article, fields: Iterable[str]) -> None:
        fields = list(fields)
        self.article = article
        self.tones: list[Tone] | None = [] if "tone" in fields else None
        lists = [f for f in fields if isinstance(getattr(article, f, None), list)]
        self.entities: dict[str, Entity] | None = {} if "entities" in lists else None
        self.items: dict[str, list] = {name: [] for name in lists if name != "entities"}
        self.place_of: dict[str, Place] = {}

    def add(self, offset: int, part: Article) -> None:
        """Merge one annotated piece that starts ``offset`` characters into the body."""
        if self.tones is not None and part.tone is not None:
            self.tones.append(part.tone)
        ids = self._add_entities(offset, part.entities) if self.entities is not None else {}
        for name, items in self.items.items():
            for item in getattr(part, name):
                _move(item, offset, ids)
                if name == "places" and item.entity:
                    first = self.place_of.setdefault(item.entity, item)
                    if first is not item:
                        first.mentions.extend(item.mentions)
                        continue
                items.append(item)

    def _add_entities(self, offset: int, entities: list[Entity]) -> dict[str, str]:
        """Add a piece's entities; returns the piece's id renaming."""
        assert self.entities is not None
        ids = {}
        for ent in entities:
            _move(ent.mentions, offset, {})
            known = self.entities.get(ent.key)
            if known is None:
                self.entities[ent.key] = ent
                renamed = f"E{len(self.entities)}"
                ids[ent.id] = renamed
                ent.id = renamed
                continue
            known.mentions.extend(ent.mentions)
            known.aliases.extend(a for a in ent.aliases if a not in known.aliases)
            known.description = known.description or ent.description
            known.country = known.country or ent.country
            ids[ent.id] = known.id
        return ids

    def finish(self) -> None:
        """Set the merged annotations on the article."""
        if self.tones is not None:
            self.article.tone = _merge_tones(self.tones)
        if self.entities is not None:
            self.article.entities = list(self.entities.values())
        for name, items in self.items.items():
            setattr(self.article, name, items)
