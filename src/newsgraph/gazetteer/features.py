"""Names whose own words say they name a street, a building or a natural feature.

"Assiniboine Avenue", "Rue Casa Calvo", "Holy Redeemer Church", "Lake Manassas",
"Meydan Racecourse": whatever type the recogniser gave them, the head word
makes them a place (a facility, FAC, or a natural feature, LOC). Words that
organisations' names also end in ("Court", "Club", "Centre", "Channel",
"Crescent"; "Palace" and "Forest" for football clubs) are left out, and so is a name that holds an organisation's word
("Thames Water Authority" ends in no head word; "Bank Street Partners" holds
"Partners").
"""

from __future__ import annotations

import re

# Last word of a street's or a square's name.
STREET_HEADS = frozenset(
    {
        "street", "st.", "avenue", "ave.", "road", "rd.", "drive", "boulevard", "blvd.",
        "lane", "parade", "highway", "freeway", "expressway", "square", "plaza", "bridge",
        "tunnel", "terrace",
    }
)  # fmt: skip
# Last word of a facility's name (streets, squares, bridges, buildings people visit).
FACILITY_HEADS = STREET_HEADS | frozenset(
    {
        "church", "cathedral", "chapel", "basilica", "mosque",
        "synagogue", "hotel", "inn", "motel", "racecourse", "speedway", "stadium",
        "airport", "airfield", "hospital", "library", "museum", "plantation", "castle",
        "tower", "prison", "jail", "penitentiary", "lighthouse", "pier", "quarter",
    }
)  # fmt: skip
# First word of a facility's name ("Rue d'Enghein", "Hotel Kyjev").
FACILITY_OPENERS = frozenset({"rue", "calle", "hotel", "avenida", "piazza"})
# Last word of a natural feature's name.
NATURAL_HEADS = frozenset(
    {
        "river", "lake", "bay", "sea", "ocean", "gulf", "mountains", "mountain",
        "valley", "canyon", "island", "islands", "peninsula", "harbor", "harbour", "creek",
        "falls", "desert", "glacier", "strait", "straits", "canal", "reservoir",
        "lagoon", "hills",
    }
)  # fmt: skip
# First word of a natural feature's name ("Lake Manassas", "Mount Chaambi", "Gulf of Aden").
NATURAL_OPENERS = frozenset({"lake", "mount", "mt.", "gulf", "cape", "isle", "sea", "bay"})
# First word of a town's own name, whatever follows it: "Puerto Jordán" is no Jordan.
SETTLEMENT_OPENERS = frozenset(
    {"puerto", "porto", "port", "fort", "san", "santa", "santo", "são", "saint", "st.",
     "sainte", "ciudad", "villa", "vila", "new", "nueva", "nuevo", "novo", "nova", "bahía",
     "el", "la", "los", "las", "al"}
)  # fmt: skip
# Head words that are also surnames: "Ricki Lake", "Charlotte Church", "Diane Lane".
SURNAME_HEADS = frozenset(
    {"street", "lane", "lake", "church", "bay", "bridge", "castle", "tower", "chapel", "hills",
     "creek", "falls", "inn", "pier", "river", "hill", "sea", "highway"}
)  # fmt: skip
# Words of organisations' names: a name holding one is an organisation's.
_ORG_WORDS = re.compile(
    r"&|\b(?:Co|Corp|Corporation|Inc|Ltd|LLC|PLC|plc|Group|Bank|Company|Holdings|Partners|"
    r"Foundation|Institute|University|College|Association|Party|Club|Fund|Trust|Authority|"
    r"Commission|Council|Department|Office|Board|Committee|Police|Service|Services|Agency|"
    r"Society|Union|Ministry|Records|Films|Press|Times|News)\b"
)


# A road known by its number: "Interstate 95", "Highway 1", "Route 66", "Interstates 80".
_NUMBERED_ROAD = re.compile(
    r"(?:Interstates?|(?:State\s+|U\.S\.\s+)?(?:Highway|Route)s?|Motorway|Autobahn|Autoroute)"
    r"\s+[A-Z]?\d{1,4}"
)


def feature_type(name: str, person: bool = False) -> str | None:
    """'FAC' or 'LOC' when the name's own head word makes it a facility or a natural
    feature ("Royal Street", "Lake Manassas"), else None. One-word names never; with
    ``person`` (the recogniser read a person), not two words ending in a surname-like
    head ("Diane Lane")."""
    words = name.split()
    if len(words) < 2 or _ORG_WORDS.search(name):
        return None
    if _NUMBERED_ROAD.fullmatch(name):
        return "FAC"
    first, last = words[0].lower(), words[-1].lower()
    if person and len(words) == 2 and last in SURNAME_HEADS:
        return None
    # a head word written in capitals ("Royal Street", not "Methodist church"), or an
    # opener before a name ("Rue d'Enghein", not "Lake area")
    head = words[-1][:1].isupper()
    named = any(c.isupper() for c in "".join(words[1:]))
    if (head and last in NATURAL_HEADS) or (first in NATURAL_OPENERS and named):
        return "LOC"
    if (head and last in FACILITY_HEADS) or (first in FACILITY_OPENERS and named):
        return "FAC"
    return None
