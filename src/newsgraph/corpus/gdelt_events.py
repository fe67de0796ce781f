"""Events -> GDELT 2.0 event rows (61 tab-separated columns, no header), PLOVER for CAMEO.

One row per event (``event_clusters``), not per report, from the reports of it
that state what happened (no claims, nothing negated, hypothetical or future),
as GDELT's event table is. Where GDELT's columns correspond:

- GLOBALEVENTID is the event id; SQLDATE, MonthYear, Year and FractionDate its
  first day (an event with no day at all is left out); DATEADDED when its first
  report was stored; SOURCEURL that report's URL (``newsgraph:<id>`` without one).
- Actor1/Actor2 are the actor and recipient of the first report: Code is
  country and sector run together as in CAMEO actor codes (``AZELEG``), Name
  the entity's name in capitals, CountryCode the ISO alpha-3 country, Type1Code
  the PLOVER sector. Known group, ethnic and religion codes stay empty.
- EventCode and EventBaseCode carry the PLOVER type and mode (``ACCUSE-disapprove``,
  the type alone without a mode), EventRootCode the type; QuadClass is PLOVER's
  quad (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4
  material conflict). GoldsteinScale, which scores CAMEO codes, holds PLOVER's own
  conflict-cooperation score of the type and mode (``plover.score``), made as its
  counterpart on the same -10..+10 scale: GDELT's readers require the column.
- NumMentions counts the reports, NumArticles their articles, NumSources their
  outlets; AvgTone is the mean tone of those articles where it is known (0,
  GDELT's neutral, when none has one: GDELT's readers require a number);
  IsRootEvent is 1 when a report is in its article's lead paragraph.
- ActionGeo is the event's place (first report with one): GDELT's location
  type, the name, the FIPS country code (also as ADM1 and FeatureID for a
  country, as GDELT does), lat/lon and GeoNames id. Actor geography is empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from newsgraph.corpus.gkg import fips, location_type
from newsgraph.plover import QUAD, score

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)


def _clean(text: str | None) -> str:
    """A value without tabs or line breaks."""
    return " ".join((text or "").split())


def _actor(first: dict, role: str) -> dict[str, str]:
    country, sector = first[f"{role}_country"] or "", first[f"{role}_sector"] or ""
    name = first[f"{role}_name"] or first[role]
    n = "1" if role == "actor" else "2"
    return {
        f"Actor{n}Code": country + sector,
        f"Actor{n}Name": _clean(name).upper(),
        f"Actor{n}CountryCode": country,
        f"Actor{n}Type1Code": sector,
    }


def _action_geo(reports: list[dict]) -> dict[str, str]:
    placed = next((r for r in reports if r["place"] is not None), None)
    if placed is None:
        return {}
    kind = location_type(placed["place_feature"], placed["place_country"])
    country = fips(placed["place_country"])
    feature = placed["place_geonameid"]
    return {
        "ActionGeo_Type": str(kind),
        "ActionGeo_FullName": _clean(placed["place"]),
        "ActionGeo_CountryCode": country,
        "ActionGeo_ADM1Code": country if kind == 1 else "",
        "ActionGeo_Lat": "" if placed["place_lat"] is None else f"{placed['place_lat']:.4f}",
        "ActionGeo_Long": "" if placed["place_lon"] is None else f"{placed['place_lon']:.4f}",
        "ActionGeo_FeatureID": country if kind == 1 else ("" if feature is None else str(feature)),
    }


def row(reports: list[dict]) -> list[str] | None:
    """The 61 fields of one event from its reports (first report first); None when the
    event has no day."""
    first = reports[0]
    day = first["day"]
    if day is None:
        return None
    year, month, date = int(day[:4]), int(day[5:7]), int(day[8:10])
    mode = next((r["mode"] for r in reports if r["mode"]), None)
    code = f"{first['type']}-{mode}" if mode else first["type"]
    goldstein = score(first["type"], mode)
    tones = {r["article"]: r["tone"] for r in reports if r["tone"] is not None}
    fields = {
        "GLOBALEVENTID": str(first["event"]),
        "SQLDATE": day.replace("-", ""),
        "MonthYear": f"{year}{month:02d}",
        "Year": str(year),
        "FractionDate": f"{year + (month * 30 + date) / 365:.4f}",
        **_actor(first, "actor"),
        **_actor(first, "recipient"),
        "IsRootEvent": "1" if any(r["lead"] for r in reports) else "0",
        "EventCode": code,
        "EventBaseCode": code,
        "EventRootCode": first["type"],
        "QuadClass": str(QUAD.get(first["type"], "")),
        "GoldsteinScale": "" if goldstein is None else f"{goldstein:.1f}",
        "NumMentions": str(len(reports)),
        "NumSources": str(len({r["source"] for r in reports if r["source"]})),
        "NumArticles": str(len({r["article"] for r in reports})),
        "AvgTone": f"{sum(tones.values()) / len(tones):.4f}" if tones else "0",
        **_action_geo(reports),
        "DATEADDED": "".join(ch for ch in first["added"] if ch.isdigit())[:14],
        "SOURCEURL": first["url"] or f"newsgraph:{first['article']}",
    }
    return [fields.get(col, "") for col in COLUMNS]


def rows(reports: Iterator[dict], undated: list[int] | None = None) -> Iterator[list[str]]:
    """GDELT rows of a stream of reports ordered event by event (``Store.event_reports``);
    the events left out for want of a day are counted in ``undated[0]``."""
    for _, group in groupby(reports, key=lambda r: r["event"]):
        fields = row(list(group))
        if fields is not None:
            yield fields
        elif undated is not None:
            undated[0] += 1
