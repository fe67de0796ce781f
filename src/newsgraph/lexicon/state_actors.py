"""Names that stand for a state acting as one: "the Kremlin" is Russia's government.

Each row maps the ways news writes a seat of government (or a regime's
self-description) to the ISO 3166 alpha-3 code of its country. A capital city
used the same way ("Beijing said ...") is found by ``extract.entity_evidence``
from the gazetteer, not listed here.
"""

from __future__ import annotations

# Seats of government: the government acting, an organisation, never a place to geocode.
SEATS: dict[str, str] = {
    "kremlin": "RUS",
    "white house": "USA",
    "pentagon": "USA",
    "capitol hill": "USA",
    "downing street": "GBR",
    "whitehall": "GBR",
    "elysee": "FRA",
    "elysee palace": "FRA",
    "zhongnanhai": "CHN",
    "knesset": "ISR",
    "bundestag": "DEU",
}
# A state's own names for itself: the state, a political entity.
STATE_ACTORS: dict[str, str] = {"islamic republic": "IRN", **SEATS}

# An organisation named by a nationality and one of these ("Israeli Embassy") is that
# country's; the words are heads of state institutions.
STATE_INSTITUTIONS = frozenset(
    {
        "embassy", "consulate", "mission", "ministry", "government", "army", "navy",
        "air force", "military", "parliament", "cabinet", "police", "foreign ministry",
        "defence ministry", "defense ministry", "interior ministry", "armed forces",
        "coast guard", "central bank",
    }
)  # fmt: skip


def state_actor(folded: str) -> str | None:
    """The country code a folded name ("the kremlin") stands for, or None."""
    return STATE_ACTORS.get(_bare(folded))


def is_seat(folded: str) -> bool:
    """True for a seat of government ("the white house"): an organisation when it acts."""
    return _bare(folded) in SEATS


def _bare(folded: str) -> str:
    return folded[4:] if folded.startswith("the ") else folded
