"""Places an organisation's name gives: "the EU" acting, "Beverly Hills" in "Beverly Hills
Police Department", "Mauritius" in "Development Bank of Mauritius", "Armenian" in
"Armenian Embassy".

An organisation named exactly as a country, division, continent or union stands
for its government or people (metonymy: "the EU said", "cooperation with
Algeria"); its place is that area. An organisation whose name opens with a
place ("Cavan Institute", "Air Zimbabwe" ends with one; "University of
California" names it after "of") is located there: GeoWebNews and GDELT count
such words as mentions of the place. Only organisations: a treaty, an event or
a work named after a place ("Paris Agreement") is not there.

The places found here are resolved after the article's own places and take
them as context, without adding to it: a newspaper's name ("The Washington
Post") says nothing about where the article is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.countries import country_code, is_country_name, is_demonym
from newsgraph.gazetteer import Mention, Toponym, load_gazetteer, name_key
from newsgraph.gazetteer.features import (
    FACILITY_OPENERS,
    NATURAL_HEADS,
    NATURAL_OPENERS,
    SETTLEMENT_OPENERS,
    STREET_HEADS,
)
from newsgraph.gazetteer.tables import Candidate, Gazetteer, is_descriptive
from newsgraph.lexicon.given_names import is_given_name
from newsgraph.lexicon.institutions import FOREIGN_INSTITUTION_WORDS
from newsgraph.lexicon.online import ONLINE_COMPANIES
from newsgraph.record import Entity

# Areas any article may name as an actor; a division or a town needs the article's countries.
_ANY_CONTEXT = frozenset({"PCLI", "CONT", "RGN"})
_AREAS = frozenset({"PCLI", "ADM1", "ADM2", "CONT", "RGN"})
# A name that closes on a country or state is located there ("Air Zimbabwe", "FrontCounter BC").
_CLOSING = frozenset({"PCLI", "ADM1", "CONT", "RGN"})
_WORD = re.compile(r"[^\s,;:()]+")
_OF_TAIL = re.compile(r"\s(?:of|for|in)\s+(?:the\s+)?([A-Z][^,;:()]*)$")
_TRAILING_PUNCT = re.compile(r"(?:['’]s?|[.,;:])+$")
# Longest leading run of words read as a place ("Walker County", "St. Louis", "New York").
MAX_PLACE_WORDS = 3
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Words after a place's name that make the whole another place, not one inside it
# ("Jackson Township", "Roanoke Park", "St. Louis Hills").
_OTHER_PLACE_WORDS = frozenset(
    {"township", "townships", "parish", "borough", "county", "counties", "district", "park",
     "heights", "hills", "-"}
) | NATURAL_HEADS | STREET_HEADS  # fmt: skip
# Words of a building's or an institution's name: what a town or county has in it
# ("Hartford Hospital", "Henderson County Jail", "Las Vegas City Marshal").
_INSTITUTION_WORD = re.compile(
    r"\b(?:Hospital|Jail|Prison|Penitentiary|Library|Museum|Stadium|Arena|Airport|Airfield|"
    r"Hotel|Motel|Church|Cathedral|Courthouse|Courts?|School|Academy|College|University|"
    r"Station|Hall|Center|Centre|Park|Sheriff\S*|Coroner|Marshal|Police|Fire|Council|"
    r"Department|Office|Board|Commission|Committee|Authority|Agency|Division|Party|City)\b"
)
# A name that is its town's own body or port: "City of Huntsville", "Port of Los Angeles".
_TOWN_OF = re.compile(r"(?:City|Town|Village|Borough|Port)\s+of\s")


@dataclass(frozen=True, slots=True)
class NamedPlace:
    """A place an organisation's name gives: the words, and the organisation if it is the place."""

    toponym: Toponym
    entity: str | None
    # written after "of", "for" or "in": whom the organisation serves ("University of
    # California"), not where it is
    served: bool = False
    # opening a name the recogniser typed a place ("St. Cloud Hospital"), or after its
    # "Town of": the town is where that place is
    placed: bool = False


def _known(name: str, gaz: Gazetteer, features: frozenset[str], min_population: int) -> bool:
    """The gazetteer holds the name as one of these areas or a town this large.

    Letters alone ("GTM Research", "R&D", "Rothstein, P.A.") are often a company's
    and also a country's or state's code: they count only as a country news
    abbreviates ("US", "UAE") or a region or union ("EU")."""
    if not any(ch.islower() for ch in name):
        if is_country_name(name):
            return True
        features, min_population = features & _ANY_CONTEXT - {"PCLI"}, 10**12
    return any(
        c.feature in features or (not c.is_area and c.population >= min_population)
        for c in gaz.lookup(name)
    )


@lru_cache(maxsize=65536)
def _names_area(name: str) -> bool:
    """The whole name is a country's, division's, continent's or region's."""
    return _known(name, load_gazetteer(), _AREAS, 10**12)


@lru_cache(maxsize=65536)
def _inner_spans(text: str, min_population: int) -> tuple[tuple[int, int, bool], ...]:
    """Offsets, within an organisation's name, of the place it opens or closes with, and
    whether it is written after "of", "for" or "in" (cached: the same organisations recur
    across a corpus)."""
    gaz = load_gazetteer()
    words = list(_WORD.finditer(text))
    if len(words) < 2:
        return ()
    found: list[tuple[int, int, bool]] = []
    for n in range(min(MAX_PLACE_WORDS, len(words) - 1), 0, -1):
        lead = _TRAILING_PUNCT.sub("", text[: words[n - 1].end()])
        end = len(lead)
        if (
            n == 1
            and is_given_name(lead, news_only=True)
            and not _known(lead, gaz, _CLOSING, 10**12)
        ):
            break  # "Jackson Hewitt": a person's name, unless a country's or state's
        if n == 1 and lead in ONLINE_COMPANIES:
            break  # "Google Maps": the company ("Google" was once Topeka's name)
        if n == 1 and lead.lower() in FOREIGN_INSTITUTION_WORDS:
            break  # "Fundación Ideas para la Paz": a foundation (and a town in Colombia)
        if _known(lead, gaz, _AREAS, min_population):
            found.append((0, end, False))
            break
    tail = _OF_TAIL.search(text)
    if tail is not None and _known(tail.group(1), gaz, _AREAS, min_population):
        found.append((tail.start(1), tail.end(1), True))
    elif tail is None:
        last = words[-1]
        if _known(last.group(0), gaz, _CLOSING, 10**12):
            found.append((last.start(), last.end(), False))
    return tuple(found)


def places_in_names(
    entities: list[Entity], min_population: int
) -> tuple[list[NamedPlace], dict[str, list[Mention]]]:
    """The places organisations' names give, and the nationality words opening them
    ("Armenian Embassy"), by country code.

    A place entity the gazetteer does not know ("Henderson County Jail", "DeKalb County
    Coroner", "City of Huntsville": organisations and buildings the recogniser typed as
    places) gives the places its name says it lies in (``_located_spans``).

    Args:
        entities: the article's entities.
        min_population: a town named inside a name counts from this many people.

    Returns:
        The toponyms (an organisation named as an area carries its id), and the
        nationality words by ISO alpha-3 code.
    """
    named: list[NamedPlace] = []
    inner: dict[tuple[str, bool, bool], list[Mention]] = {}
    nationality: dict[str, list[Mention]] = {}
    for ent in entities:
        if ent.type in PLACE_TYPES and _unknown(ent):
            for m in ent.mentions:
                for a, b, served in _located_spans(m.text, min_population):
                    words = Mention(m.start + a, m.start + b, m.text[a:b])
                    placed = a == 0 or served  # not the country or state it closes with
                    inner.setdefault((name_key(words.text), served, placed), []).append(words)
            continue
        if ent.type != "ORG" or not ent.mentions:
            continue
        if _names_area(ent.name):
            mentions = tuple(Mention(m.start, m.end, m.text) for m in ent.mentions)
            named.append(NamedPlace(Toponym(mentions, "GPE"), ent.id))
            continue
        # the organisation called by the word alone: "Toyota Motor Corp ... Toyota said" (a
        # company, whatever town shares its name)
        alone = {name_key(m.text) for m in ent.mentions}
        for m in ent.mentions:
            first = _WORD.match(m.text)
            code = country_code(first.group(0)) if first else None
            if first and code and is_demonym(first.group(0)) and first.end() < len(m.text):
                word = Mention(m.start, m.start + first.end(), first.group(0))
                nationality.setdefault(code, []).append(word)
                continue
            for a, b, served in _inner_spans(m.text, min_population):
                words = Mention(m.start + a, m.start + b, m.text[a:b])
                if name_key(words.text) not in alone:
                    inner.setdefault((name_key(words.text), served, False), []).append(words)
    named += [
        NamedPlace(Toponym(tuple(ms), "GPE"), None, served, placed)
        for (_, served, placed), ms in inner.items()
    ]
    return named, nationality


def _unknown(ent: Entity) -> bool:
    """No mention of the entity is a name the gazetteer holds."""
    gaz = load_gazetteer()
    return bool(ent.mentions) and not any(gaz.lookup(m.text) for m in ent.mentions)


@lru_cache(maxsize=65536)
def _located_spans(text: str, min_population: int) -> tuple[tuple[int, int, bool], ...]:
    """The places a place's name the gazetteer lacks says it lies in: the place it opens
    with when the words after it name a building or an institution of it ("Hartford
    Hospital", not "Jackson Township" or "Virginia L. Lane"); the country or state it
    closes with ("Building Ireland", not "Lake Vermont"); the town of "City of ..."
    ("City of Huntsville")."""
    out = []
    opener = text.split()[0].lower()
    for a, b, served in _inner_spans(text, min_population):
        rest = text[b:]
        if served:
            keep = _TOWN_OF.match(text) is not None
        elif a == 0:
            first = rest.split()[0].lower() if rest.split() else ""
            keep = (
                first not in _OTHER_PLACE_WORDS
                and _INSTITUTION_WORD.search(rest) is not None
                and not is_descriptive(text[a:b])
            )
        else:  # a short word only in capitals: "Neighborhood Assistance Act" is no "ACT"
            keep = opener not in NATURAL_OPENERS | FACILITY_OPENERS | SETTLEMENT_OPENERS and (
                b - a > 3 or text[a:b].isupper()
            )
        if keep:
            out.append((a, b, served))
    return tuple(out)


def plausible(
    cand: Candidate | None,
    countries: set[str],
    places: set[int],
    min_population: int,
    served: bool = False,
) -> bool:
    """A country, continent or region anywhere; a division in the article's countries;
    a town the article names itself, or one of at least ``min_population`` people.

    A state or province an organisation is named for (``served``: "University of
    California") counts only when the article names it itself: the name says whom
    the organisation serves, and a reader of "researchers at the University of
    California" reads no mention of the state. A name opening with it ("Kentucky
    Department of Education") says where the organisation is, and counts."""
    if cand is None:
        return False
    if cand.feature in _ANY_CONTEXT:
        return True
    if served and cand.feature == "ADM1":
        return cand.geonameid in places
    if cand.is_area:
        return cand.cc in countries
    return cand.geonameid in places or cand.population >= min_population


def meant_town(cand: Candidate, written: str, states: set[tuple[str, str]]) -> bool:
    """A town named only inside an organisation's name is the largest town of that name
    or one at least half its size, or a smaller namesake in a state or province the
    article's places lie in.

    A club or a company named after a town ("Manchester United") is named after the
    town any reader knows (Manchester, England), not after a namesake a fraction of its
    size in the article's country (Manchester, New Hampshire, in a US story); a town's
    own police or court ("Alexandria police" in a Virginia story) is that namesake's.
    Between two towns of about one size (Cambridge, England and Massachusetts) the
    article's country decides, as for any place."""
    if cand.is_area or (cand.cc, cand.admin1) in states:
        return True
    return 2 * cand.population >= _largest_town(written)


@lru_cache(maxsize=65536)
def _largest_town(name: str) -> int:
    """The population of the most populous town the name denotes."""
    return max((c.population for c in load_gazetteer().lookup(name) if not c.is_area), default=0)
