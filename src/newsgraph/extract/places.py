"""Places: every GPE, LOC and FAC entity resolved to a GeoNames place with coordinates,
and the country of every nationality word that modifies a noun ("Russian troops").

Works from ``article.entities`` (one Place per place entity, linked by id;
nationality words with a country feed the context). When the entities
annotator left nothing, spaCy's own ``doc.ents`` stand in, grouped by name.
The choice among same-named places is made in ``newsgraph.gazetteer``.

Two entities that resolve to the same GeoNames place ("Washington" the
city and "Washington" typed otherwise) are one Place. A name far more often
something else (a celestial body, "Earth"; a given name, "Jordan") becomes a
small town only when the text places it ("in Earth, Texas").

A street or building the gazetteer lacks gets the coordinates and country of
the town the text puts it in ("Collins Avenue in Miami Beach", "Harare's Third
Street") or, in an article about one town, of that town, under its own name,
with no GeoNames id and no feature code: located, not identified. A place
entity with no ground for a choice gets no Place.
"""

from __future__ import annotations

import re

from pydantic import Field
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from newsgraph.countries import country_code, is_demonym
from newsgraph.extract import annotator
from newsgraph.extract.places_in_names import NamedPlace, meant_town, places_in_names, plausible
from newsgraph.gazetteer import (
    Candidate,
    Gazetteer,
    Mention,
    Ranking,
    Toponym,
    load_gazetteer,
    name_key,
    resolve_toponyms,
)
from newsgraph.gazetteer.context import KNOWN_TOWN_POPULATION, in_geo_context
from newsgraph.gazetteer.features import feature_type
from newsgraph.gazetteer.tables import SITES
from newsgraph.lexicon.given_names import is_given_name
from newsgraph.lexicon.name_kinds import CELESTIAL
from newsgraph.nlp import text_of
from newsgraph.record import Article, Entity, Place, Span

PLACE_TYPES = ("GPE", "LOC", "FAC")


class PlacesSettings(Ranking):
    """The places annotator's settings: the gazetteer's ranking of same-named places."""

    name_place_min_population: int = Field(
        100_000,
        description="A town named inside an organisation's name (\"Beverly Hills Police "
        'Department") that the article does not name on its own needs this many people.',
    )
    other_sense_max_population: int = Field(
        100_000,
        description="A town no larger than this whose name is more often something else "
        '("Earth", "Jordan") needs a geographic context ("in X", "X, Texas").',
    )


def _other_sense(name: str) -> bool:
    """A name more often something else than a town: a celestial body, a given name."""
    return name_key(name) in CELESTIAL or is_given_name(name, news_only=True)


def _placed(cand: Candidate, toponym: Toponym, body: str, max_population: int) -> bool:
    """False for a small town named like something else that the text does not place."""
    if cand.is_area or cand.population > max_population:
        return True
    if not any(_other_sense(m.text) for m in toponym.mentions):
        return True
    return any(in_geo_context(body, m.start, m.end) for m in toponym.mentions)


_THE_BEFORE = re.compile(r"\bthe\s+$")


def _common_word(cand: Candidate, toponym: Toponym, doc: Doc) -> bool:
    """'the Centre' (a government), 'the West', 'the Valley': one word after 'the' in every
    mention, heading its phrase, is a common noun used as a name, not the town or division
    it also names. Countries ('the Gambia'), regions, natural features and a name that
    modifies a noun ('the Sacramento area') are places."""
    if cand.feature in ("PCLI", "CONT", "RGN") or cand.feature in SITES:
        return False
    body = text_of(doc)
    for m in toponym.mentions:
        if " " in m.text or not _THE_BEFORE.search(body, max(0, m.start - 5), m.start):
            return False
        if body[m.end : m.end + 1] == "-":
            return False  # "the Berlin-based company"
        words = doc.char_span(m.start, m.end, alignment_mode="expand")
        if words is None or words.root.dep_ in ("compound", "amod", "nmod"):
            return False
    return True


def _merged(places: list[Place]) -> list[Place]:
    """One Place per gazetteer place (a GeoNames id, or a hand-written feature's point:
    "Soviet Union" and "USSR"): later entities' mentions join the first's."""
    out: list[Place] = []
    by_key: dict[object, Place] = {}
    for place in places:
        key = place.geonameid or (place.name, place.lat, place.lon)
        first = by_key.get(key) if place.lat is not None else None
        if first is None:
            out.append(place)
            by_key[key] = place
            continue
        first.mentions = sorted(first.mentions + place.mentions, key=lambda m: m.start)
    return out


def _natural_feature(ent: Entity) -> bool:
    """'the Adriatic coast', 'west of the Appalachians' typed NORP: a sea, a mountain
    range or a region of the gazetteer, not a nationality, is that place."""
    if ent.type != "NORP" or ent.country or not ent.mentions:
        return False
    return any(
        c.feature in SITES or c.feature in ("RGN", "CONT")
        for c in load_gazetteer().lookup(ent.name)
    )


def _from_entities(entities: list[Entity]) -> tuple[list[Toponym], list[str], list[str]]:
    toponyms, ids, countries = [], [], []
    for ent in entities:
        kind = "LOC" if _natural_feature(ent) else ent.type
        if kind in PLACE_TYPES and ent.mentions:
            mentions = tuple(Mention(m.start, m.end, m.text) for m in ent.mentions)
            toponyms.append(Toponym(mentions, kind))
            ids.append(ent.id)
        elif ent.type == "NORP" and ent.country:
            countries.extend([ent.country] * len(ent.mentions))
    return toponyms, ids, countries


def _state_names(
    entities: list[Entity], ids: list[str | None], gaz: Gazetteer
) -> dict[str | None, Candidate]:
    """The country of each place entity named for its state that the gazetteer does not
    hold under that name ("the Islamic Republic"), by entity id."""
    wanted = set(ids)
    out = {}
    for ent in entities:
        if ent.id in wanted and ent.type == "GPE" and ent.country and not gaz.lookup(ent.name):
            country = gaz.country_by_code(ent.country)
            if country is not None:
                out[ent.id] = country
    return out


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
    gaz = load_gazetteer()
    states = _state_names(article.entities, ids, gaz)

    def choose(
        towns: list[tuple[Candidate, int]], inside: list[Candidate | None]
    ) -> list[Candidate | None]:
        chosen = resolve_toponyms(
            article.body, toponyms, countries, gaz, ranking=settings, towns=towns, inside=inside
        )
        return [states.get(i, c) if c is None else c for i, c in zip(ids, chosen, strict=True)]

    choices = choose([], [])
    found = _entity_places(doc, article.body, toponyms, ids, choices, settings)
    named, words = places_in_names(article.entities, KNOWN_TOWN_POPULATION)
    regions = {(c.cc, c.admin1) for c in choices if c is not None and c.feature != "PCLI"}
    named_found = _named_places(article.body, named, found, countries, regions, gaz, settings)
    towns = [(cand, len(n.toponym.mentions)) for cand, n in named_found if not cand.is_area]
    inside = _inside(toponyms, named_found)
    if towns or any(inside):
        # A town named only inside organisations' names ("New Orleans Public Library") can
        # be the town the text is about, where its streets and buildings are (or keep them
        # from a town named once: "Leeds United ... Elland Road ... travel to Sunderland");
        # a building whose name opens with a place ("Hartford Hospital") is there.
        choices = choose(towns, inside)
        found = _entity_places(doc, article.body, toponyms, ids, choices, settings)
    found += _joined_by_name(
        found, [to_place(c, n.toponym, n.entity, gaz.iso3) for c, n in named_found]
    )
    found += _nationality_places(doc, article.entities, gaz, words)
    article.places = _merged(found)


def _joined_by_name(found: list[Place], named: list[Place]) -> list[Place]:
    """The places organisations' names give, less those the article names on their own:
    "the University of Washington" is the Washington of "scientists in Colorado and
    Washington", whose mentions it joins, not a second Washington."""
    by_name = {name_key(m.text): place for place in found for m in place.mentions}
    out = []
    for place in named:
        same = by_name.get(name_key(place.mentions[0].text))
        if same is None:
            out.append(place)
        else:
            same.mentions = sorted(same.mentions + place.mentions, key=lambda m: m.start)
    return out


def _inside(
    toponyms: list[Toponym], named_found: list[tuple[Candidate, NamedPlace]]
) -> list[Candidate | None]:
    """For each toponym, the town or county named inside one of its own mentions
    ("Hartford" in "Hartford Hospital"), or None (a building is at no country's point)."""
    spans = [
        (m.start, m.end, cand)
        for cand, n in named_found
        if not cand.is_area or cand.feature == "ADM2"
        for m in n.toponym.mentions
    ]
    out: list[Candidate | None] = []
    for top in toponyms:
        out.append(
            next(
                (
                    cand
                    for m in top.mentions
                    for a, b, cand in spans
                    if m.start <= a and b <= m.end and (a, b) != (m.start, m.end)
                ),
                None,
            )
        )
    return out


def _entity_places(
    doc: Doc,
    body: str,
    toponyms: list[Toponym],
    ids: list[str | None],
    choices: list[Candidate | None],
    settings: PlacesSettings,
) -> list[Place]:
    """The Places of the place entities whose choice the text bears out."""
    iso3 = load_gazetteer().iso3
    limit = settings.other_sense_max_population
    return [
        to_place(cand, top, ent_id, iso3)
        for cand, top, ent_id in zip(choices, toponyms, ids, strict=True)
        if cand is not None and _placed(cand, top, body, limit) and not _common_word(cand, top, doc)
    ]


def _named_places(
    body: str,
    named: list[NamedPlace],
    found: list[Place],
    countries: list[str],
    states: set[tuple[str, str]],
    gaz: Gazetteer,
    settings: PlacesSettings,
) -> list[tuple[Candidate, NamedPlace]]:
    """The places organisations' names give, resolved with the article's places as context
    (``states``: the states and provinces of its places, as (country, admin1) codes)."""
    if not named:
        return []
    iso2 = {a3: a2 for a2, a3 in gaz.iso3.items()}
    context = [iso2[p.country] for p in found if p.country in iso2 for _ in p.mentions]
    context += countries
    codes = {c.cc for c in map(gaz.country_by_code, context) if c is not None}
    ids = {p.geonameid for p in found if p.geonameid}
    tops = [n.toponym for n in named]
    choices = resolve_toponyms(body, tops, context, gaz, ranking=settings)
    limit = settings.name_place_min_population
    return [
        (cand, n)
        for cand, n in zip(choices, named, strict=True)
        if (
            plausible(cand, codes, ids, limit, n.served)
            # a town of any size where the article's places are ("St. Cloud Hospital")
            or (n.placed and cand is not None and (cand.cc, cand.admin1) in states)
        )
        and (cand.geonameid in ids or meant_town(cand, n.toponym.mentions[0].text, states))
        # An organisation named as a whole after an area ("Leeds" the team, named after the
        # district) is that area only where the area itself is chosen, never its town.
        and (n.entity is None or cand.is_area)
    ]


# Adjectives of continents and regions, which modify a noun as nationality words do:
# "European airlines", "Latin American markets".
AREA_ADJECTIVES = {
    "european": "Europe", "african": "Africa", "asian": "Asia",
    "north american": "North America", "south american": "South America",
    "latin american": "Latin America", "middle eastern": "Middle East",
    "scandinavian": "Scandinavia", "balkan": "Balkans",
}  # fmt: skip
_AREA_NAMES = frozenset(AREA_ADJECTIVES.values())


def _area(name: str, gaz: Gazetteer) -> Candidate | None:
    """The continent or region of that name."""
    areas = [c for c in gaz.lookup(name) if c.feature in ("CONT", "RGN")]
    return min(areas, key=lambda c: c.feature != "CONT", default=None)


def _nationality_places(
    doc: Doc, entities: list[Entity], gaz: Gazetteer, in_names: dict[str, list[Mention]]
) -> list[Place]:
    """The country of each nationality word that modifies a noun ("Russian troops",
    "the Iranian-backed group"), one Place per country, those words its mentions; the
    continent or region of such an adjective of one ("European airlines").

    GeoWebNews and GDELT count such words as mentions of the country; a noun
    ("the Russians", "Russians said") names people, not a place, and is left out.
    ``in_names`` adds the nationality words that open organisations' names ("Armenian
    Embassy").
    """
    spans: dict[str, list[Span]] = {
        code: [Span(start=m.start, end=m.end, text=m.text) for m in ms]
        for code, ms in in_names.items()
    }
    for code, span in _unnamed_nationality_words(doc, entities):
        spans.setdefault(code, []).append(span)
    for ent in entities:
        key = ent.country or AREA_ADJECTIVES.get(ent.name.lower())
        if ent.type != "NORP" or key is None:
            continue
        for m in ent.mentions:
            words = doc.char_span(m.start, m.end, alignment_mode="expand")
            if words is None:
                continue
            root = words.root
            if root.dep_ in ("amod", "compound") and root.head.i > root.i:
                if _opens_feature_name(words):
                    continue
                spans.setdefault(key, []).append(Span(start=m.start, end=m.end, text=m.text))
    out = []
    for key, unordered in spans.items():
        mentions = sorted(unordered, key=lambda s: s.start)
        cand = _area(key, gaz) if key in _AREA_NAMES else gaz.country_by_code(key)
        if cand is not None:
            toponym = Toponym(tuple(Mention(s.start, s.end, s.text) for s in mentions), "GPE")
            out.append(to_place(cand, toponym, None, gaz.iso3))
    return out


def _unnamed_nationality_words(doc: Doc, entities: list[Entity]) -> list[tuple[str, Span]]:
    """Nationality words before a noun that no entity holds: the recogniser took them into
    a person's span whose title was then split off ("Salvadoran migrant Alexis Cea",
    "Azerbaijani MP Rasim Musabeyli"), or left them out."""
    covered = [(m.start, m.end) for e in entities for m in e.mentions]
    out = []
    for tok in doc:
        if not tok.is_title or tok.dep_ not in ("amod", "compound") or tok.head.i < tok.i:
            continue
        if not is_demonym(tok.text) or any(a <= tok.idx < b for a, b in covered):
            continue
        code = country_code(tok.text)
        if code is not None:
            out.append((code, Span(start=tok.idx, end=tok.idx + len(tok), text=tok.text)))
    return out


def _opens_feature_name(words: TokenSpan) -> bool:
    """'the French Quarter', 'the Irish Sea': a nationality word opening a place's own name."""
    name = [words.text]
    for tok in words.doc[words.end : words.end + 3]:
        if not tok.text[:1].isupper():
            break
        name.append(tok.text)
    return len(name) > 1 and feature_type(" ".join(name)) is not None
