"""Places: every GPE, LOC and FAC entity resolved to a GeoNames place with coordinates.

Works from ``article.entities`` (one Place per place entity, linked by id;
nationality words with a country feed the context). When the entities
annotator left nothing, spaCy's own ``doc.ents`` stand in, grouped by name.
The choice among same-named places is made in ``newsgraph.gazetteer``.

A street or building the gazetteer lacks, in an article about one town, gets
that town's coordinates and country under its own name, with no GeoNames id
and no feature code: located, not identified. A place entity with no ground
for a choice gets no Place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract import annotator
from newsgraph.gazetteer import (
    Candidate,
    Mention,
    Ranking,
    Toponym,
    load_gazetteer,
    name_key,
    resolve_toponyms,
)
from newsgraph.record import Article, Entity, Place, Span

PLACE_TYPES = ("GPE", "LOC", "FAC")


class PlacesSettings(Ranking):
    """The places annotator's settings: the gazetteer's ranking of same-named places."""


def _from_entities(entities: list[Entity]) -> tuple[list[Toponym], list[str], list[str]]:
    toponyms, ids, countries = [], [], []
    for ent in entities:
        if ent.type in PLACE_TYPES and ent.mentions:
            mentions = tuple(Mention(m.start, m.end, m.text) for m in ent.mentions)
            toponyms.append(Toponym(mentions, ent.type))
            ids.append(ent.id)
        elif ent.type == "NORP" and ent.country:
            countries.extend([ent.country] * len(ent.mentions))
    return toponyms, ids, countries


def _from_doc(doc: Doc) -> list[Toponym]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in doc.ents:
        if ent.label_ in PLACE_TYPES:
            key = (ent.label_, name_key(ent.text))
            groups.setdefault(key, []).append(Mention(ent.start_char, ent.end_char, ent.text))
    return [Toponym(tuple(ms), label) for (label, _), ms in groups.items()]


def to_place(cand: Candidate, toponym: Toponym, entity: str | None, iso3: dict[str, str]) -> Place:
    """The record's Place for a chosen gazetteer entry."""
    return Place(
        entity=entity,
        name=cand.name,
        lat=round(cand.lat, 5),
        lon=round(cand.lon, 5),
        country=iso3.get(cand.cc),
        geonameid=cand.geonameid or None,
        feature=cand.feature or None,
        mentions=[Span(start=m.start, end=m.end, text=m.text) for m in toponym.mentions],
    )


@annotator("places", requires=("entities",), assigns=("places",), settings=PlacesSettings)
def places(doc: Doc, article: Article, settings: PlacesSettings | None = None) -> None:
    """Fill ``article.places``: one resolved Place per place entity."""
    settings = settings or PlacesSettings()
    if article.entities:
        toponyms, ids, countries = _from_entities(article.entities)
    else:
        toponyms, countries = _from_doc(doc), []
        ids = [None] * len(toponyms)
    if not toponyms:
        article.places = []
        return
    gaz = load_gazetteer()
    choices = resolve_toponyms(article.body, toponyms, countries, gaz, ranking=settings)
    article.places = [
        to_place(cand, top, ent_id, gaz.iso3)
        for cand, top, ent_id in zip(choices, toponyms, ids, strict=True)
        if cand is not None
    ]
