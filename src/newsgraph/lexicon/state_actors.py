"""Names that stand for a state acting as one: "the Kremlin" is Russia's government.

Each row maps the ways news writes a seat of government (or a regime's
self-description) to the ISO 3166 alpha-3 code of its country. A capital city
used the same way ("Beijing said ...") is found by ``extract.entity_evidence``
from the gazetteer, not listed here.
"""

from __future__ import annotations

STATE_ACTORS: dict[str, str] = {
    "islamic republic": "IRN",
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
    name = folded[4:] if folded.startswith("the ") else folded
    return STATE_ACTORS.get(name)
