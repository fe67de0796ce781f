"""Country outlines for the overview's map, from the GeoJSON the countryinfo package ships.

No tiles and no download: the map draws these polygons and the places on them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from countryinfo import CountryInfo


@cache
def countries() -> dict[str, Any]:
    """Every country countryinfo has an outline for, as one FeatureCollection whose
    features carry ``id`` (ISO 3166 alpha-3) and ``name``."""
    features = []
    for info in CountryInfo.all().values():
        for feature in (info.get("geoJSON") or {}).get("features", []):
            features.append(
                {
                    "type": "Feature",
                    "id": (info.get("ISO") or {}).get("alpha3") or feature.get("id"),
                    "properties": {"name": info.get("name")},
                    "geometry": feature["geometry"],
                }
            )
    features.sort(key=lambda f: str(f["id"]))
    return {"type": "FeatureCollection", "features": features}
