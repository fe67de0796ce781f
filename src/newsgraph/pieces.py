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

from collections.abc import Iterable
from typing import Any

from newsgraph.nlp import CHUNK_CHARS, pieces
from newsgraph.record import Article, Entity, Place, Tone

PIECE_CHARS = CHUNK_CHARS

# Record keys holding an offset into the body, and keys holding an entity id.
_ENTITY_KEYS = ("entity", "place")


def _is_offset(key: str) -> bool:
    return key in ("start", "end") or key.endswith(("_start", "_end"))


def _moved(data: Any, offset: int, ids: dict[str, str]) -> Any:
    """A part's JSON with every offset moved by ``offset`` and every entity id renamed."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            if _is_offset(key) and isinstance(value, int):
                out[key] = value + offset
            elif key in _ENTITY_KEYS and isinstance(value, str):
                out[key] = ids.get(value, value)
            else:
                out[key] = _moved(value, offset, ids)
        return out
    if isinstance(data, list):
        return [_moved(item, offset, ids) for item in data]
    return data


def split(article: Article, size: int | None = None) -> list[tuple[int, Article]]:
    """The article's body in pieces of at most ``size`` (default ``PIECE_CHARS``)
    characters, each as an article (same metadata) with its offset."""
    meta = article.model_dump(include={"id", "url", "title", "published", "language"})
    return [
        (start, Article(body=article.body[start:end], **meta))
        for start, end in pieces(article.body, size or PIECE_CHARS)
    ]


def _merge_entities(article: Article, parts: list[tuple[int, Article]]) -> list[dict[str, str]]:
    """One entity per corpus key over all pieces; returns each piece's id renaming."""
    by_key: dict[str, Entity] = {}
    renames = []
    for offset, part in parts:
        ids = {}
        for ent in part.entities:
            moved = Entity.model_validate(_moved(ent.model_dump(), offset, {}))
            known = by_key.get(ent.key)
            if known is None:
                moved.id = f"E{len(by_key) + 1}"
                by_key[ent.key] = moved
                known = moved
            else:
                known.mentions.extend(moved.mentions)
                known.aliases.extend(a for a in moved.aliases if a not in known.aliases)
                known.description = known.description or moved.description
                known.country = known.country or moved.country
            ids[ent.id] = known.id
        renames.append(ids)
    article.entities = list(by_key.values())
    return renames


def _merge_places(places: Iterable[Place]) -> list[Place]:
    """Places of one entity found in several pieces become one place with all mentions."""
    out: list[Place] = []
    by_entity: dict[str, Place] = {}
    for place in places:
        first = by_entity.get(place.entity) if place.entity else None
        if first is None:
            out.append(place)
            if place.entity:
                by_entity[place.entity] = place
        else:
            first.mentions.extend(place.mentions)
    return out


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


def merge(article: Article, parts: list[tuple[int, Article]], fields: Iterable[str]) -> None:
    """Fill the article's annotations (``fields``) from its annotated pieces."""
    fields = list(fields)
    if "tone" in fields:
        article.tone = _merge_tones([part.tone for _, part in parts if part.tone is not None])
    fields = [f for f in fields if isinstance(getattr(article, f, None), list)]
    renames = _merge_entities(article, parts) if "entities" in fields else [{} for _ in parts]
    for name in fields:
        if name == "entities":
            continue
        kind = type(article).model_fields[name].annotation.__args__[0]
        items = [
            kind.model_validate(_moved(item.model_dump(), offset, ids))
            for (offset, part), ids in zip(parts, renames, strict=True)
            for item in getattr(part, name)
        ]
        setattr(article, name, _merge_places(items) if name == "places" else items)
