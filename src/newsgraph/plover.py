"""PLOVER's event types and their quad categories, as its codebook gives them.

Each of the 16 types belongs to one of four quad categories (PLOVER manual,
"Quad category" of each type): verbal cooperation, material cooperation,
verbal conflict, material conflict. The quad numbers are GDELT's QuadClass
codes, so exports and scores read the same way.
"""

from __future__ import annotations

VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT = 1, 2, 3, 4

QUAD: dict[str, int] = {
    "AGREE": VERBAL_COOPERATION,
    "CONSULT": VERBAL_COOPERATION,
    "SUPPORT": VERBAL_COOPERATION,
    "CONCEDE": VERBAL_COOPERATION,
    "COOPERATE": MATERIAL_COOPERATION,
    "AID": MATERIAL_COOPERATION,
    "RETREAT": MATERIAL_COOPERATION,
    "REQUEST": VERBAL_CONFLICT,
    "ACCUSE": VERBAL_CONFLICT,
    "REJECT": VERBAL_CONFLICT,
    "THREATEN": VERBAL_CONFLICT,
    "PROTEST": MATERIAL_CONFLICT,
    "SANCTION": MATERIAL_CONFLICT,
    "MOBILIZE": MATERIAL_CONFLICT,
    "COERCE": MATERIAL_CONFLICT,
    "ASSAULT": MATERIAL_CONFLICT,
}
TYPES: tuple[str, ...] = tuple(QUAD)

QUAD_NAMES: dict[int, str] = {
    VERBAL_COOPERATION: "verbal_cooperation",
    MATERIAL_COOPERATION: "material_cooperation",
    VERBAL_CONFLICT: "verbal_conflict",
    MATERIAL_CONFLICT: "material_conflict",
}

# The cooperation/conflict score of one event by its quad: deeds weigh twice words,
# cooperation counts up and conflict down (a coarse, documented stand-in for PLOVER's
# per-mode expert scores, which need a mode the text does not always give).
QUAD_WEIGHT: dict[int, int] = {
    VERBAL_COOPERATION: 1,
    MATERIAL_COOPERATION: 2,
    VERBAL_CONFLICT: -1,
    MATERIAL_CONFLICT: -2,
}
