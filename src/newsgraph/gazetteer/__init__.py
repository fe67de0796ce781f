"""An offline GeoNames gazetteer and the context-aware choice among same-named places.

>>> from newsgraph.gazetteer import Mention, Toponym, resolve_toponyms
>>> text = "Shelling hit Ganja and Barda, Azerbaijan said."
>>> tops = [Toponym((Mention(13, 18, "Ganja"),)), Toponym((Mention(23, 28, "Barda"),))]
>>> [p.cc for p in resolve_toponyms(text, tops)]
['AZ', 'AZ']
"""

from newsgraph.gazetteer.resolve import Mention, Ranking, Toponym, resolve_toponyms
from newsgraph.gazetteer.tables import Candidate, Gazetteer, distance_km, load_gazetteer, name_key

__all__ = [
    "Candidate",
    "Gazetteer",
    "Mention",
    "Ranking",
    "Toponym",
    "distance_km",
    "load_gazetteer",
    "name_key",
    "resolve_toponyms",
]
