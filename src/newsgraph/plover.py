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

# PLOVER's conflict-cooperation scores (manual, "Numeric conflict/cooperation scores"), the
# counterpart of CAMEO's Goldstein scale, from -10 to +10: each type's, and each mode's where
# the table gives one. ACCUSE's own score is printed as 3 in that table, beside modes of -2
# to -3.5 (and -2.0 in the earlier table): a lost minus sign, taken as -3.
SCORE: dict[str, float] = {
    "AGREE": 2.5,
    "CONSULT": 2.5,
    "SUPPORT": 5,
    "CONCEDE": 4.5,
    "COOPERATE": 9.5,
    "AID": 10,
    "RETREAT": 6.5,
    "REQUEST": 0,
    "ACCUSE": -3,
    "REJECT": -2,
    "THREATEN": -3.5,
    "PROTEST": -5,
    "SANCTION": -6,
    "MOBILIZE": -5.5,
    "COERCE": -7,
    "ASSAULT": -9,
}
_MODE_SCORES = """
CONSULT visit 4, third-party 1, multilateral 4, phone 1.5
RETREAT withdraw 8, release 6.5, disarm 10, ceasefire 7.5, access 6.5, resign 4.5
REQUEST assist 0.5, change -1, yield -1, meet 0
ACCUSE disapprove -2, investigate -3.5, allege -3.5
REJECT assist -1.5, change -2, yield -2, meet -2
THREATEN restrict -3, arrest -3.5, relations -3.5, expel -3.5, territory -4, violence -3.5
PROTEST demo -5, riot -7, strike -5, hunger -4.5, boycott -4.5, obstruct -4.5
SANCTION convict -6, expel -5.5, withdraw -6, discontinue -6
MOBILIZE troops -6.5, weapons -6.5, police -5.5, militia -6
COERCE seize -7, restrict -7, censor -6.5, curfew -6.5, martial-law -7.5, arrest -7, deport -7,
 withhold -7, misinformation -6.5, cyber -7
ASSAULT abduct -8.5, beat -7.5, torture -8.5, sexual -8.5, targeted -9.5, destroy -8.5,
 primitive -8, firearms -9, explosives -9, suicide-attack -9.5, aerial -9.5, drone -9.5,
 heavy-weapons -9.5, crowd-control -7.5, unconventional -10
"""


def _mode_scores() -> dict[tuple[str, str], float]:
    out = {}
    for line in _MODE_SCORES.replace("\n ", " ").strip().splitlines():
        kind, rest = line.split(" ", 1)
        for item in rest.split(","):
            mode, value = item.split()
            out[kind, mode] = float(value)
    return out


MODE_SCORE: dict[tuple[str, str], float] = _mode_scores()


def score(kind: str, mode: str | None = None) -> float | None:
    """PLOVER's conflict-cooperation score of a type and mode (the type's when the mode has
    none of its own); None for a type outside PLOVER."""
    if mode is not None and (kind, mode.lower()) in MODE_SCORE:
        return MODE_SCORE[kind, mode.lower()]
    return SCORE.get(kind)
